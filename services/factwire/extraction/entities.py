"""Merging mentions into one entity per real-world referent (placeholder: exact text and label)."""

from __future__ import annotations

from factwire.extraction.document import ArticleText, RawMention
from factwire.models import Entity, Mention


def build_entities(text: ArticleText, mentions: list[RawMention]) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.field != "title", m.start)):
        surface = text.field(m.field)[m.start : m.end]
        groups.setdefault((surface, m.label), []).append(
            Mention(field=m.field, start=m.start, end=m.end, text=surface)
        )
    total = max(len(mentions), 1)
    return [
        Entity(
            id=f"e{i}",
            name=name,
            type=label,
            aliases=[],
            mentions=ms,
            salience=round(min(1.0, len(ms) / total), 4),
        )
        for i, ((name, label), ms) in enumerate(groups.items(), start=1)
    ]
