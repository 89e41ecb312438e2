"""Salience: how central each entity is to the article (placeholder: share of mentions)."""

from __future__ import annotations

from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity


def score(text: ArticleText, entities: list[Entity], claims: list[Claim]) -> list[Entity]:
    total = sum(len(e.mentions) for e in entities) or 1
    return [e.model_copy(update={"salience": round(len(e.mentions) / total, 4)}) for e in entities]
