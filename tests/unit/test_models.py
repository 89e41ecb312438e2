"""The contract models as examples of use: what a valid article is, and what gets refused."""

from __future__ import annotations

import orjson
import pydantic
import pytest

from factwire.models import (
    SCHEMA_MINOR,
    SCHEMA_VERSION,
    EnrichedArticle,
    Mention,
    RawArticle,
    UnsupportedVersionError,
    content_sha256,
)


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


def _event(**changes: object) -> bytes:
    """An enriched event as another factwire version might write it."""
    event: dict[str, object] = {
        "schema_version": 1,
        "article_id": "v-1",
        "content_sha256": content_sha256("Rain fell in Lisbon."),
        "extractor": {"name": "rules", "version": "1"},
        "enriched_at": "2026-03-01T10:00:00Z",
        "processing_ms": 1.5,
    }
    event.update(changes)
    return orjson.dumps(event)


def test_a_newer_minor_version_is_read_and_its_new_fields_ignored() -> None:
    newer = _event(
        schema_minor=7,
        sentiment={"score": 0.2},
        extractor={"name": "hybrid", "version": "2", "gpu": True},
        claims=[
            {"id": "c1", "kind": "statement", "text": "Rain fell.", "start": 0, "end": 10,
             "content": "Rain fell.", "checkworthiness": 0.1, "stance": "neutral"}
        ],
    )  # fmt: skip
    event = EnrichedArticle.from_json(newer)
    assert (event.schema_version, event.schema_minor) == (1, 7)
    assert event.extractor.name == "hybrid"
    assert "sentiment" not in event.model_dump()
    assert event.claims[0].content == "Rain fell."


def test_an_event_written_before_the_minor_version_existed_reads_as_minor_zero() -> None:
    assert EnrichedArticle.from_json(_event()).schema_minor == 0


def test_this_version_writes_its_major_and_minor() -> None:
    written = orjson.loads(EnrichedArticle.from_json(_event(schema_minor=SCHEMA_MINOR)).to_json())
    assert (written["schema_version"], written["schema_minor"]) == (SCHEMA_VERSION, SCHEMA_MINOR)


@pytest.mark.parametrize("major", [2, 10])
def test_a_newer_major_version_is_refused_with_a_clear_error(major: int) -> None:
    with pytest.raises(UnsupportedVersionError, match=f"contract version {major}.*upgrade") as info:
        EnrichedArticle.from_json(_event(schema_version=major, renamed_field="x"))
    assert info.value.version == major


@pytest.mark.parametrize("bad", [0, -1, "1", None, 1.5])
def test_a_version_that_is_not_a_known_major_is_invalid(bad: object) -> None:
    with pytest.raises(pydantic.ValidationError):
        EnrichedArticle.from_json(_event(schema_version=bad))
