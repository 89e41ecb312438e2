"""Headers of enriched events and dead letters, as docs/contract.md lists them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from factwire.enricher.headers import (
    MAX_ERROR_MESSAGE_BYTES,
    SourcePosition,
    dead_letter_headers,
    enriched_headers,
    header_value,
    safe_message,
    truncate_utf8,
)

SHA = "ab" * 32
WHEN = datetime(2026, 11, 28, 12, 30, 5, tzinfo=UTC)
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
INCOMING_TRACEPARENT = f"00-{TRACE}-00f067aa0ba902b7-01".encode()


def as_dict(headers: list[tuple[str, bytes]]) -> dict[str, str]:
    return {k: v.decode() for k, v in headers}


def test_enriched_headers_carry_content_type_and_cloudevents_attributes() -> None:
    h = as_dict(
        enriched_headers(article_id="a-1", content_sha256=SHA, enriched_at=WHEN, incoming=None)
    )
    assert h["content-type"] == "application/json"
    assert h["ce_specversion"] == "1.0"
    assert h["ce_id"] == f"a-1:{SHA}"
    assert h["ce_source"] and h["ce_type"].endswith(".v1")
    assert h["ce_time"] == "2026-11-28T12:30:05Z"


def test_the_same_content_gets_the_same_cloudevents_id() -> None:
    first = enriched_headers(article_id="a", content_sha256=SHA, enriched_at=WHEN, incoming=None)
    again = enriched_headers(article_id="a", content_sha256=SHA, enriched_at=WHEN, incoming=None)
    assert header_value(first, "ce_id") == header_value(again, "ce_id")


def test_traceparent_continues_the_trace_of_the_raw_record_with_a_new_span() -> None:
    incoming = [("traceparent", INCOMING_TRACEPARENT), ("tracestate", b"vendor=1")]
    h = as_dict(
        enriched_headers(article_id="a", content_sha256=SHA, enriched_at=WHEN, incoming=incoming)
    )
    version, trace_id, span_id, flags = h["traceparent"].split("-")
    assert (version, trace_id, flags) == ("00", TRACE, "01")
    assert span_id != "00f067aa0ba902b7"
    assert h["tracestate"] == "vendor=1"


def test_a_missing_or_malformed_traceparent_starts_a_new_trace() -> None:
    for incoming in (
        None,
        {"traceparent": b"garbage"},
        {"traceparent": b"00-" + b"0" * 32 + b"-00f067aa0ba902b7-01"},
    ):
        h = as_dict(
            enriched_headers(
                article_id="a", content_sha256=SHA, enriched_at=WHEN, incoming=incoming
            )
        )
        # sampled (01), with W3C level 2's "random trace id" flag (02) where the SDK sets it
        assert re.fullmatch(r"00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]", h["traceparent"])
        assert h["traceparent"].split("-")[1] != "0" * 32


def test_dead_letter_headers_name_stage_error_and_source_position() -> None:
    headers = dead_letter_headers(
        stage="validate",
        error_type="ValidationError",
        message="body: String should have at least 1 character",
        source=SourcePosition("articles.raw", 3, 41),
        incoming=[("traceparent", INCOMING_TRACEPARENT)],
        failed_at=WHEN,
    )
    h = as_dict(headers)
    assert h["factwire.error.stage"] == "validate"
    assert h["factwire.error.type"] == "ValidationError"
    assert h["factwire.error.message"].startswith("body:")
    assert (
        h["factwire.source.topic"],
        h["factwire.source.partition"],
        h["factwire.source.offset"],
    ) == (
        "articles.raw",
        "3",
        "41",
    )
    assert h["factwire.failed_at"] == "2026-11-28T12:30:05Z"
    assert h["traceparent"] == INCOMING_TRACEPARENT.decode()  # the original headers are kept


def test_dead_letter_headers_replace_earlier_factwire_headers_of_a_replayed_record() -> None:
    earlier = [("factwire.error.stage", b"extract"), ("other", b"x")]
    headers = dead_letter_headers(
        stage="decode",
        error_type="InvalidJSON",
        message="m",
        source=SourcePosition("t", 0, 0),
        incoming=earlier,
    )
    assert [v for k, v in headers if k == "factwire.error.stage"] == [b"decode"]
    assert header_value(headers, "other") == b"x"


def test_error_message_is_cut_to_4_kb_on_a_character_boundary() -> None:
    headers = dead_letter_headers(
        stage="extract", error_type="E", message="é" * 5000, source=SourcePosition("t", 0, 0)
    )
    message = header_value(headers, "factwire.error.message")
    assert message is not None
    assert len(message) <= MAX_ERROR_MESSAGE_BYTES
    assert message.decode("utf-8").endswith("[truncated]")


def test_truncate_keeps_short_text_as_is() -> None:
    assert truncate_utf8("short", 100) == b"short"


def test_safe_message_withholds_a_message_quoting_the_body() -> None:
    body = "The minister said the bridge would cost 412 million euros and open in 2031."
    quoting = f"could not parse span: {body[4:70]!r}"
    assert "bridge" not in safe_message(quoting, body)
    assert safe_message("index out of range", body) == "index out of range"
