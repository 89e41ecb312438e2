"""Salience: how central each entity is to its article, in [0, 1].

Four kinds of evidence, weighted and capped at 1: being named in the title, being named in the
lead (the first sentences of the body), how often the entity is mentioned compared with the most
mentioned one, and speaking in the article's claims. Values (dates, amounts, numbers) get half
the score of a name: they are rarely what an article is about.
"""

from __future__ import annotations

from collections import Counter

from factwire.extraction.document import ArticleText
from factwire.extraction.names import NAME_LABELS
from factwire.models import Claim, Entity

LEAD_CHARS = 400
"""How much of the body counts as the lead (about the first two sentences of a news story)."""

TITLE_WEIGHT = 0.35
LEAD_WEIGHT = 0.2
FREQUENCY_WEIGHT = 0.3
SPEAKER_WEIGHT = 0.15
VALUE_FACTOR = 0.5


def score(text: ArticleText, entities: list[Entity], claims: list[Claim]) -> list[Entity]:
    """The entities with their ``salience`` set (a new list; entities are immutable)."""
    if not entities:
        return entities
    lead_end = min(len(text.body), LEAD_CHARS)
    most = max(len(e.mentions) for e in entities) or 1
    spoken: Counter[str] = Counter(
        c.speaker.entity_id for c in claims if c.speaker and c.speaker.entity_id
    )
    most_spoken = max(spoken.values(), default=0) or 1
    scored = []
    for entity in entities:
        in_title = any(m.field == "title" for m in entity.mentions)
        in_lead = any(m.field == "body" and m.start < lead_end for m in entity.mentions)
        value = (
            TITLE_WEIGHT * in_title
            + LEAD_WEIGHT * in_lead
            + FREQUENCY_WEIGHT * len(entity.mentions) / most
            + SPEAKER_WEIGHT * spoken[entity.id] / most_spoken
        )
        if entity.type not in NAME_LABELS:
            value *= VALUE_FACTOR
        scored.append(entity.model_copy(update={"salience": round(min(1.0, value), 4)}))
    return scored
