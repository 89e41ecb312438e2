"""Enriched articles written by hand for the view's tests: every count is visible in the data."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from factwire.models import Claim, EnrichedArticle, Entity, ExtractorInfo, Mention, content_sha256

BODY = (
    'Mayor Ines Varga said the Lakeside tram would open in May. "It will carry 40,000 riders '
    'a day," Varga told reporters. Officials at Transit Board may delay the line.'
)
ENRICHED_AT = datetime(2026, 5, 4, 10, 30, tzinfo=UTC)


def mention(text: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return Mention(field="body", start=start, end=start + len(text), text=text)


def claim(claim_id: str, text: str, **fields: Any) -> Claim:
    start = BODY.index(text)
    values: dict[str, Any] = {"kind": "quote", "content": text, "checkworthiness": 0.5} | fields
    return Claim(id=claim_id, text=text, start=start, end=start + len(text), **values)


def make_article(
    article_id: str = "city-tram-1",
    enriched_at: datetime = ENRICHED_AT,
    body: str = BODY,
) -> EnrichedArticle:
    varga = Entity(
        id="e1",
        name="Ines Varga",
        type="PERSON",
        aliases=["Varga"],
        mentions=[mention("Ines Varga"), mention("Varga", 1)],
        salience=0.9,
    )
    tram = Entity(
        id="e2", name="Lakeside", type="GPE", mentions=[mention("Lakeside")], salience=0.4
    )
    board = Entity(
        id="e3", name="Transit Board", type="ORG", mentions=[mention("Transit Board")], salience=0.3
    )
    claims = [
        claim(
            "c1",
            "the Lakeside tram would open in May",
            kind="reported",
            speaker={"name": "Ines Varga", "entity_id": "e1"},
            entity_ids=["e2"],
            checkworthiness=0.7,
        ),
        claim(
            "c2",
            "It will carry 40,000 riders a day",
            speaker={"name": "Varga", "entity_id": "e1"},
            checkworthiness=0.8,
        ),
        claim(
            "c3",
            "Officials at Transit Board may delay the line.",
            kind="reported",
            speaker={"name": "Officials", "entity_id": None},
            entity_ids=["e3", "e3"],
            hedged=True,
            checkworthiness=0.2,
        ),
    ]
    return EnrichedArticle(
        article_id=article_id,
        title="Tram opening date",
        content_sha256=content_sha256(body),
        entities=[varga, tram, board],
        claims=claims,
        extractor=ExtractorInfo(name="rules", version="test"),
        enriched_at=enriched_at,
        processing_ms=1.0,
    )


@pytest.fixture
def article() -> EnrichedArticle:
    return make_article()


@pytest.fixture
def article_factory() -> Any:
    return make_article


@pytest.fixture
def body() -> str:
    """The body every hand-made article's offsets point into."""
    return BODY
