"""Dead letters without Kafka: previews of any bytes, selections, the key and headers a replay
uses, and a dry run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from factwire.client import deadletters as dl
from factwire.settings import Settings

BODY = b'{"id": "art-7", "body": "Ana Lima spoke in Lisbon."}'


def letter(
    key: bytes | None = b"art-7",
    value: bytes | None = BODY,
    *,
    stage: str = "decode",
    error_type: str = "MissingKey",
    failed_at: str = "2026-05-01T12:00:00Z",
    partition: int = 0,
    offset: int = 4,
) -> dl.DeadLetter:
    headers = (
        ("traceparent", b"00-0123456789abcdef0123456789abcdef-0123456789abcdef-01"),
        ("factwire.error.stage", stage.encode()),
        ("factwire.error.type", error_type.encode()),
        ("factwire.error.message", b"record has no key"),
        ("factwire.source.topic", b"articles.raw"),
        ("factwire.source.partition", b"2"),
        ("factwire.source.offset", b"41"),
        ("factwire.failed_at", failed_at.encode()),
    )
    return dl.DeadLetter(partition, offset, 0, key, value, headers)


@pytest.mark.parametrize(
    ("data", "limit", "expected"),
    [
        (b"plain text", 100, "plain text"),
        ("café".encode(), 100, "café"),
        (b"caf\xe9 \xff", 100, "caf\\xe9 \\xff"),
        (b"a\x00b\x1b[31m", 100, "a\\x00b\\x1b[31m"),
        (b"line\nnext\ttab", 100, "line\nnext\ttab"),
        (b"0123456789", 4, "0123 … (6 more bytes)"),
        ("é".encode(), 1, "\\xc3 … (1 more bytes)"),
    ],
)
def test_safe_text_previews_any_bytes_printably(data: bytes, limit: int, expected: str) -> None:
    assert dl.safe_text(data, limit) == expected


@pytest.mark.parametrize(("text", "expected"), [("12", "12"), ("3:007", "3:7"), (" 0:0 ", "0:0")])
def test_positions_are_offsets_or_partition_offset_pairs(text: str, expected: str) -> None:
    assert dl.parse_position(text) == expected


@pytest.mark.parametrize("text", ["", "x", "1:2:3", "-1", "1:"])
def test_a_position_that_is_not_numbers_is_refused(text: str) -> None:
    with pytest.raises(dl.DeadLetterError, match="expected OFFSET or PARTITION:OFFSET"):
        dl.parse_position(text)


NOW = datetime(2026, 5, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", datetime(2026, 5, 2, 11, 30, tzinfo=UTC)),
        ("1d", datetime(2026, 5, 1, 12, 0, tzinfo=UTC)),
        ("2026-05-01T08:00:00Z", datetime(2026, 5, 1, 8, 0, tzinfo=UTC)),
        ("2026-05-01T08:00:00", datetime(2026, 5, 1, 8, 0, tzinfo=UTC)),
    ],
)
def test_since_is_a_time_or_a_duration_ago(text: str, expected: datetime) -> None:
    assert dl.parse_since(text, now=NOW) == expected


def test_since_names_both_accepted_forms_when_refused() -> None:
    with pytest.raises(dl.DeadLetterError, match=r"ISO 8601 time .* or a duration"):
        dl.parse_since("yesterday")


@pytest.mark.parametrize(
    ("selection", "matches"),
    [
        (dl.Selection(), True),
        (dl.Selection(positions=frozenset({"4"})), True),
        (dl.Selection(positions=frozenset({"0:4"})), True),
        (dl.Selection(positions=frozenset({"1:4"})), False),
        (dl.Selection(stage="decode", error_type="MissingKey"), True),
        (dl.Selection(stage="validate"), False),
        (dl.Selection(error_type="KeyMismatch"), False),
        (dl.Selection(since=datetime(2026, 5, 1, 12, 0, tzinfo=UTC)), True),
        (dl.Selection(since=datetime(2026, 5, 1, 12, 1, tzinfo=UTC)), False),
    ],
)
def test_a_selection_holds_when_every_criterion_given_holds(
    selection: dl.Selection, matches: bool
) -> None:
    assert selection.matches(letter()) is matches


def test_the_summary_names_the_error_and_the_source_record_but_not_the_value() -> None:
    row = letter(key=None).summary()
    assert row == {
        "partition": 0,
        "offset": 4,
        "key": None,
        "stage": "decode",
        "type": "MissingKey",
        "message": "record has no key",
        "source_topic": "articles.raw",
        "source_partition": 2,
        "source_offset": 41,
        "failed_at": "2026-05-01T12:00:00Z",
    }


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (None, BODY, b"art-7"),  # missing key: the body's id
        (b"wrong", BODY, b"art-7"),  # wrong key: the body's id
        (b"\xff\xfe", BODY, b"art-7"),  # key not UTF-8: the body's id
        (b"kept", b"not json", b"kept"),  # no id to be found: the original key
        (b"kept", b'{"id": 5}', b"kept"),
        (None, b"not json", None),  # nothing to key it by
    ],
)
def test_a_replay_is_keyed_by_the_body_id_else_the_original_key(
    key: bytes | None, value: bytes, expected: bytes | None
) -> None:
    assert dl.replay_key(letter(key, value)) == expected


def test_a_replay_keeps_the_trace_drops_the_error_headers_and_names_the_dead_letter() -> None:
    headers = dict(dl.replay_headers(letter(partition=1, offset=9), "articles.dlq"))
    assert headers == {
        "traceparent": b"00-0123456789abcdef0123456789abcdef-0123456789abcdef-01",
        "factwire.replay.of": b"articles.dlq/1/9",
    }


async def test_a_dry_run_plans_without_sending_and_reports_what_it_cannot_replay() -> None:
    letters = [letter(None), letter(None, b"not json", offset=5), letter(b"x", None, offset=6)]
    settings = Settings(bootstrap_servers="unreachable.invalid:9")
    report = await dl.replay(settings, letters, dry_run=True)
    assert report.as_dict() == {
        "dry_run": True,
        "replayed": [
            {
                "position": "0:4",
                "key": "art-7",
                "rekeyed": True,
                "raw_partition": None,
                "raw_offset": None,
            }
        ],
        "skipped": [
            {"position": "0:5", "reason": "no key and no id in the body"},
            {"position": "0:6", "reason": "no value (a tombstone)"},
        ],
    }
