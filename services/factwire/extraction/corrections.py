"""Document-level corrections of a backend's systematic errors (placeholder: no change)."""

from __future__ import annotations

from factwire.extraction.document import ArticleText, RawMention


def correct(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    return mentions
