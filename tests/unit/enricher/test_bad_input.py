"""Hostile and malformed raw records: each one has a decided fate (docs/reliability.md).

Every record either becomes a RawArticle or a Rejection naming the stage and the error type the
dead letter will carry. Text that is odd but legitimate (other languages, HTML markup) is
extracted, never refused and never a crash.
"""

from __future__ import annotations

import orjson
import pytest

from factwire.client import Publisher
from factwire.enricher.decode import Rejection, decode_raw
from factwire.extraction import enrich, get_extractor
from factwire.models import EnrichedArticle, RawArticle
from factwire.settings import Settings

LIMIT = 1_000
BODY = "Ana Lima said the port of Lisbon would reopen on Monday."


def doc(**fields: object) -> bytes:
    return orjson.dumps({"id": "a1", "body": BODY, **fields})


def nested(depth: int) -> bytes:
    return b'{"id": "a1", "body": "x", "metadata": ' + b"[" * depth + b"]" * depth + b"}"


# (case, key, value, stage, error type)
BAD_RECORDS: list[tuple[str, bytes | None, bytes | None, str, str]] = [
    ("not JSON", b"a1", b"Ana Lima said hello", "decode", "InvalidJSON"),
    ("truncated JSON", b"a1", b'{"id": "a1", "body": "Ana', "decode", "InvalidJSON"),
    ("empty value", b"a1", b"", "decode", "InvalidJSON"),
    ("UTF-8 byte order mark", b"a1", b"\xef\xbb\xbf" + doc(), "decode", "InvalidJSON"),
    ("tombstone (no value)", b"a1", None, "decode", "MissingValue"),
    ("JSON array", b"a1", b'[{"id": "a1", "body": "x"}]', "validate", "ValidationError"),
    ("JSON string", b"a1", b'"Ana Lima said hello"', "validate", "ValidationError"),
    ("JSON null", b"a1", b"null", "validate", "ValidationError"),
    ("JSON number", b"a1", b"42", "validate", "ValidationError"),
    ("missing body", b"a1", b'{"id": "a1"}', "validate", "ValidationError"),
    ("missing id", b"a1", orjson.dumps({"body": BODY}), "validate", "ValidationError"),
    ("body is a number", b"a1", b'{"id": "a1", "body": 5}', "validate", "ValidationError"),
    ("body is a list", b"a1", b'{"id": "a1", "body": ["x"]}', "validate", "ValidationError"),
    ("title is an object", b"a1", doc(title={"x": 1}), "validate", "ValidationError"),
    ("metadata value not a string", b"a1", doc(metadata={"k": 1}), "validate", "ValidationError"),
    ("published_at not a date", b"a1", doc(published_at="Monday"), "validate", "ValidationError"),
    ("published_at without zone", b"a1", doc(published_at="2024-05-01T10:00:00"),
     "validate", "ValidationError"),
    ("id with a space", b"a 1", orjson.dumps({"id": "a 1", "body": BODY}),
     "validate", "ValidationError"),
    ("id empty", b"x", orjson.dumps({"id": "", "body": BODY}), "validate", "ValidationError"),
    ("id too long", b"a" * 257, orjson.dumps({"id": "a" * 257, "body": BODY}),
     "validate", "ValidationError"),
    ("id not ASCII", "ação".encode(), orjson.dumps({"id": "ação", "body": BODY}),
     "validate", "ValidationError"),
    ("empty body", b"a1", doc(body=""), "validate", "ValidationError"),
    ("blank body", b"a1", doc(body=" \n\t\u00a0\u2003 "), "validate", "ValidationError"),
    ("body over the limit", b"a1", doc(body="word " * 201), "validate", "ValidationError"),
    ("invalid UTF-8 in a string", b"a1", b'{"id": "a1", "body": "caf\xe9 \xff"}',
     "decode", "InvalidJSON"),
    ("invalid UTF-8 everywhere", b"a1", b"\x00\x01\xfe\xff binary", "decode", "InvalidJSON"),
    ("lone surrogate escape", b"a1", b'{"id": "a1", "body": "x \\ud800 y"}',
     "decode", "InvalidJSON"),
    ("raw NUL byte in a string", b"a1", b'{"id": "a1", "body": "a\x00b"}',
     "decode", "InvalidJSON"),
    ("escaped NUL in the body", b"a1", doc(body="Ana\u0000Lima"), "validate", "ControlCharacters"),
    ("escape character in the body", b"a1", doc(body="Ana \u001b[31mLima"),
     "validate", "ControlCharacters"),
    ("bell in the title", b"a1", doc(title="Port\u0007"), "validate", "ControlCharacters"),
    ("DEL in the body", b"a1", doc(body="Ana\u007f Lima"), "validate", "ControlCharacters"),
    ("nesting 10,000 deep", b"a1", nested(10_000), "decode", "InvalidJSON"),
    ("nesting 1,000,000 deep", b"a1", b"[" * 1_000_000, "decode", "InvalidJSON"),
    ("null key", None, doc(), "decode", "MissingKey"),
    ("key not UTF-8", b"\xff\xfe", doc(), "decode", "InvalidKey"),
    ("key is not the id", b"a2", doc(), "validate", "KeyMismatch"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("key", "value", "stage", "error_type"),
    [case[1:] for case in BAD_RECORDS],
    ids=[case[0] for case in BAD_RECORDS],
)
def test_bad_records_are_rejected_at_their_stage(
    key: bytes | None, value: bytes | None, stage: str, error_type: str
) -> None:
    outcome = decode_raw(key, value, max_body_chars=LIMIT)
    assert isinstance(outcome, Rejection), outcome
    assert (outcome.stage, outcome.error_type) == (stage, error_type), outcome.message
    assert outcome.message
    assert "Ana Lima" not in outcome.message  # never quotes the input


# (case, body): odd but legitimate text is accepted as it is.
ACCEPTED_BODIES = [
    ("tabs, newlines, CR, form feed", "Ana Lima\tsaid:\r\nthe port\fwill reopen.\x0b"),
    ("Portuguese", "O presidente Luiz Inácio Lula da Silva disse que o porto reabre."),
    ("Russian", "Президент Владимир Путин заявил, что порт откроется в понедельник."),
    ("Chinese", "国家主席习近平周一表示，上海港将重新开放。"),
    ("Arabic, right to left", "قال الرئيس عبد الفتاح السيسي إن الميناء سيعاد فتحه."),
    ("emoji and combining marks", "Ana Lima 👩🏽‍💼 said the cafe\u0301 🚢 reopens."),
    ("C1 controls from mis-decoded Windows-1252", "Ana Lima\u0092s port reopens \u0093soon\u0094."),
    ("HTML markup", '<p>Ana Lima <b>said</b> the port of <a href="/lisbon">Lisbon</a> would '
     "reopen.</p><script>alert('x')</script>"),
    ("HTML entities", "Ana Lima said &quot;the port &amp; the docks&quot; reopen&nbsp;today."),
    ("zero-width and bidi controls", "Ana\u200b Lima said\u202e the port\u2066 reopens."),
]  # fmt: skip


@pytest.mark.parametrize(
    "body", [b for _, b in ACCEPTED_BODIES], ids=[c for c, _ in ACCEPTED_BODIES]
)
def test_odd_but_legitimate_text_is_accepted(body: str) -> None:
    outcome = decode_raw(b"a1", orjson.dumps({"id": "a1", "body": body}), max_body_chars=LIMIT)
    assert isinstance(outcome, RawArticle)
    assert outcome.body == body


def test_a_body_at_exactly_the_limit_is_accepted() -> None:
    outcome = decode_raw(b"a1", doc(body="x" * LIMIT), max_body_chars=LIMIT)
    assert isinstance(outcome, RawArticle)


def test_a_duplicated_json_field_keeps_the_last_value() -> None:
    """JSON leaves duplicate names undefined; pydantic keeps the last one, and so do we."""
    outcome = decode_raw(
        b"a1", b'{"id": "a1", "body": "first", "body": "second"}', max_body_chars=9
    )
    assert isinstance(outcome, RawArticle) and outcome.body == "second"


def test_unknown_fields_are_ignored() -> None:
    outcome = decode_raw(b"a1", doc(html="<p>x</p>", extra={"a": [1]}), max_body_chars=LIMIT)
    assert isinstance(outcome, RawArticle)


@pytest.mark.parametrize("backend", ["rules", "spacy"])
@pytest.mark.parametrize(
    "body", [b for _, b in ACCEPTED_BODIES], ids=[c for c, _ in ACCEPTED_BODIES]
)
def test_odd_text_is_extracted_with_consistent_offsets(backend: str, body: str) -> None:
    raw = RawArticle(id="a1", title="<h1>Port</h1> 港口", body=body, language=None)
    event = EnrichedArticle.from_json(enrich(raw, get_extractor(backend)).to_json())
    for entity in event.entities:
        for mention in entity.mentions:
            text = body if mention.field == "body" else raw.title or ""
            assert text[mention.start : mention.end] == mention.text
    for claim in event.claims:
        assert body[claim.start : claim.end] == claim.text


def test_html_markup_is_kept_in_offsets_and_tags_never_become_entities() -> None:
    body = '<p>Ana Lima said the port of <a href="https://x.example/lisbon">Lisbon</a> reopens.</p>'
    event = enrich(RawArticle(id="h1", body=body), get_extractor("rules"))
    names = {entity.name for entity in event.entities}
    assert "Ana Lima" in names
    assert not any("<" in name or ">" in name for name in names)


async def test_the_publisher_refuses_a_record_over_the_message_size_before_sending() -> None:
    """No broker is needed: the size check happens before anything is sent (the producer is
    never started, so a send attempt would fail with a different error)."""
    publisher = Publisher(Settings(bootstrap_servers="127.0.0.1:9", max_message_bytes=2_000))
    [result] = await publisher.publish_many([RawArticle(id="big", body="word " * 1_000)])
    assert not result.ok
    assert result.error is not None
    assert "over the limit of 2000" in result.error and "FACTWIRE_MAX_MESSAGE_BYTES" in result.error
