"""What the claim rules look at: the body, its sentences and lines, and its entity mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from factwire.extraction.claims.features import SentenceFeatures, sentence_features
from factwire.extraction.sentences import Span, split_sentences
from factwire.models import Entity

_LINE = re.compile(r"[^\n]+")


class MentionRef(NamedTuple):
    """A body mention of an entity, by position (a tuple: one is made for every mention)."""

    start: int
    end: int
    entity: Entity


_new_ref = _new_span = tuple.__new__
_START, _END = itemgetter(0), itemgetter(1)


@dataclass(slots=True)
class ClaimContext:
    """The body with its sentence and line spans and its mentions sorted by position."""

    body: str
    entities: list[Entity]
    sentences: list[Span] = field(init=False)
    lines: list[Span] = field(init=False)
    mentions: list[MentionRef] = field(init=False)
    _sentence_starts: list[int] = field(init=False)
    _sentence_ends: list[int] = field(init=False)
    _line_starts: list[int] = field(init=False)
    _mention_starts: list[int] = field(init=False)
    _mention_reach: list[int] = field(init=False)  # the furthest end of the mentions up to each
    _features: dict[tuple[int, int], SentenceFeatures] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = split_sentences(self.body)
        self._sentence_starts = [s.start for s in self.sentences]
        self._sentence_ends = [s.end for s in self.sentences]
        self.lines = [_new_span(Span, m.span()) for m in _LINE.finditer(self.body)]
        self._line_starts = [s.start for s in self.lines]
        size = len(self.body)
        # tuple.__new__: the named tuple without its Python-level constructor (one per mention)
        refs = [
            _new_ref(MentionRef, (m.start, m.end, e))
            for e in self.entities
            for m in e.mentions
            if m.field == "body" and 0 <= m.start < m.end <= size
        ]
        # by start, then the longer first, ties in entity order: two stable sorts by one field
        # each (the reverse one keeps ties in order) make that order without a key tuple each
        refs.sort(key=_END, reverse=True)
        refs.sort(key=_START)
        self.mentions = refs
        self._mention_starts = [r.start for r in refs]
        self._mention_reach = list(accumulate((r.end for r in refs), max))
        self._features = {}

    def features(self, start: int, end: int) -> SentenceFeatures:
        """What the words of ``body[start:end]`` say (``features``), read once per article: a
        statement's sentence is read to find it and again to score it, and a sentence often
        holds several claims."""
        found = self._features.get((start, end))
        if found is None:
            found = self._features[start, end] = sentence_features(self.body[start:end])
        return found

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (or the last one starting before it)."""
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def sentences_covering(self, start: int, end: int) -> Span:
        """The span from the start of the sentence holding ``start`` to the end of the one
        holding ``end - 1``."""
        if not self.sentences:
            return Span(start, end)
        first = self.sentences[self.sentence_index(start)]
        last = self.sentences[self.sentence_index(max(start, end - 1))]
        return Span(min(first.start, start), max(last.end, end))

    def line_of(self, pos: int) -> Span:
        index = max(0, bisect_right(self._line_starts, pos) - 1)
        return self.lines[index] if self.lines else Span(0, len(self.body))

    def line_index(self, pos: int) -> int:
        return max(0, bisect_right(self._line_starts, pos) - 1)

    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying inside ``[start, end)``."""
        lo = bisect_left(self._mention_starts, start)
        hi = bisect_left(self._mention_starts, end)
        if lo < hi and self._mention_reach[hi - 1] <= end:
            return self.mentions[lo:hi]  # none of them ends past ``end``: no test each
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[MentionRef]:
        """Mentions sharing at least one character with ``[start, end)``."""
        lo = max(0, bisect_left(self._mention_starts, start) - 8)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start and m.start < end]

    def mentions_before(self, pos: int, limit: int) -> list[MentionRef]:
        """Up to ``limit`` mentions ending at or before ``pos``, nearest first."""
        hi = bisect_left(self._mention_starts, pos)
        found: list[MentionRef] = []
        for i in range(hi - 1, -1, -1):
            if len(found) >= limit:
                break
            if self.mentions[i].end <= pos:
                found.append(self.mentions[i])
        return found
