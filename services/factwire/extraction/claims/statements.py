"""Unattributed statements worth checking, and what makes a sentence specific.

A sentence outside quotes and reported claims becomes a ``statement`` when its check-worthiness
(``scoring``) reaches ``STATEMENT_FLOOR``: a figure, an absolute date, or a named actor doing
something is enough; a question, a quotation fragment or a sentence under three words never is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.lexicon import word_list

_NUMERIC = re.compile(r"[\d$€£¥%]")
_FIGURE = re.compile(r"[$€£¥]?\d(?:[\d,.]*\d)?%?")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’—–-…"
_SPECIFIC_WORDS = frozenset(
    word_list(
        "percent percentage million billion trillion thousand thousands hundred hundreds dozen "
        "dozens half twice double doubled triple tripled"
    )
)
_COMPARISON_WORDS = frozenset(
    word_list(
        "more less fewer higher lower larger smaller bigger greater most least largest smallest "
        "biggest highest lowest record first only increase increased increases decrease "
        "decreased decreases rose fell grew dropped declined"
    )
)
_NUMBER_WORDS = frozenset(
    word_list(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
        "ninety"
    )
)
_MONTH_WORDS = frozenset(
    word_list(
        "january february march april may june july august september october november december "
        "jan feb aug sept sep oct nov dec"
    )
)
_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
_ABSOLUTE_DATE = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d)s?\b|\b(?:{_MONTHS}|May)\s+\d"
    rf"|\b(?:in|since|until|by|of|last|this|next|early|late)\s+(?:{_MONTHS})(?!\w)"
)


@lru_cache(maxsize=512)
def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text ("don't" is one word): read once, looked up in
    word sets many times (a statement's sentence is read to find it, then to score it)."""
    return frozenset(w.strip(_PUNCTUATION) for w in text.lower().replace("’", "'").split())


def count_specifics(text: str, words: frozenset[str], limit: int) -> int:
    """How many figures and kinds of number word ("9 million jobs" is two), up to ``limit``."""
    figures = len(_FIGURE.findall(text)) if _NUMERIC.search(text) else 0
    return min(limit, figures + len(words & _SPECIFIC_WORDS) + len(words & _NUMBER_WORDS))


def has_absolute_date(text: str, words: frozenset[str] | None = None) -> bool:
    """A year, or a month with a day or a preposition: "in 1984", "March 3", "since June";
    relative dates ("today", "every day", "last week") are no specifics."""
    if words is not None and _MONTH_WORDS.isdisjoint(words) and not _NUMERIC.search(text):
        return False  # neither a digit nor a month: no need to read further
    return _ABSOLUTE_DATE.search(text) is not None


def has_comparison(words: frozenset[str]) -> bool:
    """A change or a ranking among the words: "rose", "more", "the highest"."""
    return not _COMPARISON_WORDS.isdisjoint(words)


MIN_WORDS = 3
MAX_CHARS = 1500
STATEMENT_FLOOR = 0.3  # a figure alone, or a named actor doing something, reaches it


def find_statements(ctx: ClaimContext, covered: list[tuple[int, int]]) -> list[Draft]:
    """Sentences outside other claims that state something specific enough to check."""
    # scoring reads the word sets of this module; importing it here keeps that one-way
    from factwire.extraction.claims.scoring import evidence, reaches

    drafts: list[Draft] = []
    covered = sorted(covered)
    k = 0
    for sentence in ctx.sentences:
        while k < len(covered) and covered[k][1] <= sentence.start:
            k += 1
        if k < len(covered) and covered[k][0] < sentence.end:
            continue
        if sentence.end - sentence.start > MAX_CHARS:
            continue
        text = ctx.body[sentence.start : sentence.end]
        if text.rstrip(_CLOSERS).endswith("?") or text[:1] in '"“”':
            continue
        if len(text.split()) < MIN_WORDS:
            continue
        draft = Draft("statement", sentence.start, sentence.end)
        if reaches(evidence(ctx, draft, sentence, named_speaker=False), STATEMENT_FLOOR):
            drafts.append(draft)
    return drafts


_CLOSERS = " \t\n\"'”’)]"
