"""What one enriched article adds to the trending tables, and how the tables are ranked.

An article is cut into one ``Tally`` per entity and one per speaker; each tally is sent keyed by
``Tally.table_key()`` so that every count of one entity lands on one partition, and the
windowed tables add them up into ``Counts``. Pure functions: no Kafka, no event loop.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any, Literal

import faust

from factwire.models import Claim, EnrichedArticle, Entity

Kind = Literal["entity", "speaker"]
_SEPARATOR = "\x1f"  # ASCII unit separator: never part of a name


class Tally(faust.Record, serializer="json"):
    """One article's counts for one entity or speaker, at the time the article was enriched."""

    kind: str
    name: str
    type: str  # OntoNotes label; "" for a speaker who is not one of the article's entities
    at: float  # epoch seconds of ``enriched_at``: the window the counts belong to
    mentions: int = 0
    articles: int = 0
    claims: int = 0
    checkworthy: int = 0

    def table_key(self) -> str:
        """The key of the tables and of the repartitioned topic: kind, type and name."""
        return _SEPARATOR.join((self.kind, self.type, self.name))


class Counts(faust.Record, serializer="json"):
    """The value of a trending table: one entity's or speaker's totals in one window."""

    kind: str = ""
    name: str = ""
    type: str = ""
    mentions: int = 0
    articles: int = 0
    claims: int = 0
    checkworthy: int = 0

    def plus(self, tally: Tally) -> Counts:
        return Counts(
            kind=tally.kind,
            name=tally.name,
            type=tally.type,
            mentions=self.mentions + tally.mentions,
            articles=self.articles + tally.articles,
            claims=self.claims + tally.claims,
            checkworthy=self.checkworthy + tally.checkworthy,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type or None,
            "mentions": self.mentions,
            "articles": self.articles,
            "claims": self.claims,
            "checkworthy": self.checkworthy,
        }


def tallies_of(article: EnrichedArticle, checkworthy: float) -> list[Tally]:
    """The tallies of one article: each entity, then each speaker of a claim.

    A claim counts for the entities it mentions (``entity_ids``) and for its speaker; it is
    check-worthy when its ``checkworthiness`` is at least ``checkworthy``.
    """
    at = article.enriched_at.timestamp()
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for claim in article.claims:
        for entity_id in dict.fromkeys(claim.entity_ids):
            claims_of[entity_id].append(claim)
    tallies = [
        Tally(
            kind="entity",
            name=entity.name,
            type=entity.type,
            at=at,
            mentions=len(entity.mentions),
            articles=1,
            claims=len(claims_of[entity.id]),
            checkworthy=_checkworthy(claims_of[entity.id], checkworthy),
        )
        for entity in article.entities
    ]
    return tallies + _speaker_tallies(article, at, checkworthy)


def _speaker_tallies(article: EnrichedArticle, at: float, checkworthy: float) -> list[Tally]:
    entities = {entity.id: entity for entity in article.entities}
    by_speaker: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in article.claims:
        if claim.speaker is None:
            continue
        entity: Entity | None = entities.get(claim.speaker.entity_id or "")
        if entity is None:
            by_speaker[(claim.speaker.name, "")].append(claim)
        else:
            by_speaker[(entity.name, entity.type)].append(claim)
    return [
        Tally(
            kind="speaker",
            name=name,
            type=type_,
            at=at,
            articles=1,
            claims=len(claims),
            checkworthy=_checkworthy(claims, checkworthy),
        )
        for (name, type_), claims in by_speaker.items()
    ]


def _checkworthy(claims: Iterable[Claim], threshold: float) -> int:
    return sum(1 for claim in claims if claim.checkworthiness >= threshold)


# Entities trend by the articles that name them, speakers by the claims they make.
_RANK_BY: dict[str, tuple[str, ...]] = {
    "entity": ("articles", "mentions", "claims", "checkworthy"),
    "speaker": ("claims", "checkworthy", "articles"),
}


def ranked(
    counts: Iterable[Counts],
    kind: Kind,
    *,
    entity_types: Collection[str] | None = None,
    limit: int = 20,
) -> list[Counts]:
    """The top ``limit`` of one kind, optionally of some entity types, most frequent first."""
    order = _RANK_BY[kind]
    chosen = [
        c for c in counts if c.kind == kind and (entity_types is None or c.type in entity_types)
    ]
    chosen.sort(key=lambda c: (*(-getattr(c, field) for field in order), c.name, c.type))
    return chosen[:limit]
