"""The readable view of an enriched article groups entities by type and shows speakers."""

from __future__ import annotations

from datetime import UTC, datetime

from factwire.client.render import render
from factwire.models import Claim, EnrichedArticle, Entity, ExtractorInfo, Speaker


def test_render_groups_entities_by_type_and_shows_claims_with_speakers() -> None:
    article = EnrichedArticle(
        article_id="a1",
        title="Port reopens",
        source="Wire",
        content_sha256="0" * 64,
        entities=[
            Entity(id="e1", name="Ana Lima", type="PERSON", aliases=["Lima"], salience=0.9),
            Entity(id="e2", name="Antwerp", type="GPE", salience=0.5),
            Entity(id="e3", name="Port of Antwerp", type="ORG", salience=0.4),
        ],
        claims=[
            Claim(
                id="c1",
                kind="quote",
                text='"We are open," Lima said.',
                start=0,
                end=25,
                content="We are open",
                speaker=Speaker(name="Ana Lima", entity_id="e1"),
                cue="said",
                checkworthiness=0.3,
            )
        ],
        extractor=ExtractorInfo(name="rules", version="1"),
        enriched_at=datetime(2026, 1, 1, tzinfo=UTC),
        processing_ms=1.0,
    )
    text = render(article)
    assert text.splitlines()[0].startswith("── a1 · Port reopens  (Wire)")
    assert "PERSON" in text and "Ana Lima (also Lima)" in text
    assert text.index("PERSON") < text.index("ORG") < text.index("GPE")  # the contract's order
    assert "Ana Lima [said]: “We are open”" in text
