"""The contract models as examples of use: what a valid article is, and what gets refused."""

from __future__ import annotations

import pydantic
import pytest

from factwire.models import EnrichedArticle, Mention, RawArticle, content_sha256


def test_minimal_article_validates_from_bytes() -> None:
    raw = RawArticle.from_json(b'{"id": "a-1", "body": "Rain fell in Lisbon."}')
    assert raw.id == "a-1"
    assert raw.title is None
    assert raw.metadata == {}


@pytest.mark.parametrize(
    "payload",
    [
        b'{"id": "has space", "body": "x"}',
        b'{"id": "", "body": "x"}',
        b'{"id": "a", "body": "   \\n\\t"}',
        b'{"id": "a", "body": ""}',
        b'{"body": "x"}',
        b'{"id": 7, "body": "x"}',
        b'{"id": "a", "body": "x", "published_at": "yesterday"}',
        b'{"id": "a", "body": "x", "published_at": "2026-01-01T10:00:00"}',
        b'{"id": "a", "body": "x", "metadata": {"k": 1}}',
        b"[1, 2]",
    ],
)
def test_invalid_articles_are_refused(payload: bytes) -> None:
    with pytest.raises(pydantic.ValidationError):
        RawArticle.from_json(payload)


def test_id_may_hold_url_like_characters() -> None:
    raw = RawArticle.from_json(b'{"id": "reuters:2026/11/28/abc-1.html", "body": "x"}')
    assert raw.id == "reuters:2026/11/28/abc-1.html"


def test_body_limit_is_configurable() -> None:
    data = b'{"id": "a", "body": "' + b"x" * 50 + b'"}'
    assert RawArticle.from_json(data, max_body_chars=50).body == "x" * 50
    with pytest.raises(pydantic.ValidationError, match="over the limit of 49"):
        RawArticle.from_json(data, max_body_chars=49)


def test_unknown_fields_are_ignored_for_forward_compatibility() -> None:
    raw = RawArticle.from_json(b'{"id": "a", "body": "x", "added_in_v1_1": true}')
    assert "added_in_v1_1" not in raw.model_dump()


def test_content_hash_is_sha256_of_utf8_body() -> None:
    assert content_sha256("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_mention_end_must_not_precede_start() -> None:
    with pytest.raises(pydantic.ValidationError):
        Mention(field="body", start=5, end=2, text="")


def test_enriched_article_round_trips_through_json() -> None:
    event = EnrichedArticle.model_validate(
        {
            "article_id": "a",
            "content_sha256": content_sha256("x"),
            "extractor": {"name": "rules", "version": "1", "model": None},
            "enriched_at": "2026-11-28T10:00:00Z",
            "processing_ms": 1.5,
            "entities": [
                {
                    "id": "e1",
                    "name": "Lisbon",
                    "type": "GPE",
                    "mentions": [{"field": "body", "start": 0, "end": 6, "text": "Lisbon"}],
                    "salience": 1.0,
                }
            ],
        }
    )
    again = EnrichedArticle.from_json(event.to_json())
    assert again == event
    assert again.schema_version == 1
    assert "enriched_at" not in again.identity()


def test_entity_type_outside_ontonotes_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError):
        EnrichedArticle.model_validate(
            {
                "article_id": "a",
                "content_sha256": content_sha256("x"),
                "extractor": {"name": "rules", "version": "1"},
                "enriched_at": "2026-11-28T10:00:00Z",
                "processing_ms": 0,
                "entities": [{"id": "e1", "name": "X", "type": "MISC", "salience": 0.5}],
            }
        )
