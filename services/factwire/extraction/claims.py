"""Claims: direct quotes, reported speech and checkable statements (placeholder: none yet)."""

from __future__ import annotations

from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity


def find_claims(text: ArticleText, entities: list[Entity]) -> list[Claim]:
    return []
