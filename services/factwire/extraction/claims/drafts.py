"""A claim before its speaker is resolved and it is scored: positions only."""

from __future__ import annotations

from dataclasses import dataclass

from factwire.extraction.claims.phrases import Phrase
from factwire.models import ClaimKind


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
