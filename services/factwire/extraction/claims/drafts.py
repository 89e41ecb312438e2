"""A claim before its speaker is resolved and it is scored: positions only.

Every attribution pattern (in ``quotes`` and ``reported``) returns one `Attribution`: who
speaks and by which words. `Attribution.draft` is the one place a claim draft is made from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from factwire.extraction.claims.phrases import Phrase, Token
from factwire.models import ClaimKind

Site = TypeVar("Site")
Found = TypeVar("Found")


@dataclass(slots=True)
class Draft:
    kind: ClaimKind
    content_start: int
    content_end: int
    cue: str | None = None
    cue_start: int = -1
    cue_end: int = -1
    speaker: Phrase | None = None
    inherits: bool = False  # the next piece of a quote: same speaker as the previous quote

    def extent(self) -> tuple[int, int]:
        """The characters the claim's words occupy: content, cue and speaker phrase."""
        start, end = self.content_start, self.content_end
        if self.cue_start >= 0:
            start, end = min(start, self.cue_start), max(end, self.cue_end)
        if self.speaker is not None:
            start, end = min(start, self.speaker.start), max(end, self.speaker.end)
        return start, end


class Attribution(NamedTuple):
    """Who a claim is attributed to (``speaker``) and the reporting words that say so (``cue``,
    at ``cue_start:cue_end``; ``None`` and -1 when the speaker is only named, as in
    `"..." ― Jane Roe`)."""

    speaker: Phrase
    cue: str | None = None
    cue_start: int = -1
    cue_end: int = -1

    @classmethod
    def by_cue(
        cls, speaker: Phrase, cue: re.Match[str] | Token, *, text: str | None = None, end: int = -1
    ) -> Attribution:
        """An attribution by a matched cue word, optionally widened (``text`` up to ``end``:
        "told reporters" for the cue "told")."""
        if isinstance(cue, Token):
            start, cue_end, written = cue.start, cue.end, cue.text
        else:
            start, cue_end, written = cue.start(), cue.end(), cue.group()
        if text is not None:
            written, cue_end = text, end
        return cls(speaker=speaker, cue=written, cue_start=start, cue_end=cue_end)

    def draft(self, kind: ClaimKind, content_start: int, content_end: int) -> Draft:
        """The claim draft saying that ``body[content_start:content_end]`` is this speaker's."""
        return Draft(
            kind=kind,
            content_start=content_start,
            content_end=content_end,
            cue=self.cue,
            cue_start=self.cue_start,
            cue_end=self.cue_end,
            speaker=self.speaker,
        )


def continued_quote(content_start: int, content_end: int) -> Draft:
    """The next piece of a quote, with no attribution of its own: it keeps the previous
    quote's speaker (`"A," she said. "B."`)."""
    return Draft(kind="quote", content_start=content_start, content_end=content_end, inherits=True)


def first_match(
    patterns: Iterable[Callable[[Site], Found | None]], site: Site | None
) -> Found | None:
    """What the first pattern that matches ``site`` finds, trying them in their order (the
    order is the priority of the rules); ``None`` when none does or there is no site."""
    if site is None:
        return None
    for pattern in patterns:
        found = pattern(site)
        if found is not None:
            return found
    return None
