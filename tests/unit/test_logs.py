"""The worker's JSON log lines: factwire's field names, extras, exceptions and the trace."""

from __future__ import annotations

import logging
import sys

import orjson
from opentelemetry.sdk.trace import TracerProvider

from factwire.logs import JsonFormatter, TraceFields


def record(message: str = "enriched", **extra: object) -> logging.LogRecord:
    entry = logging.LogRecord("factwire.enricher", logging.INFO, "batch.py", 1, message, None, None)
    for key, value in extra.items():
        setattr(entry, key, value)
    return entry


def line(entry: logging.LogRecord) -> dict[str, object]:
    TraceFields().filter(entry)
    return dict(orjson.loads(JsonFormatter().format(entry)))


def test_a_line_has_time_level_logger_message_then_the_extras() -> None:
    entry = record(topic="articles.raw", partition=2, offset=17)
    entry.created = 1_777_636_800.25
    assert line(entry) == {
        "time": "2026-05-01T12:00:00.250+00:00",
        "level": "info",
        "logger": "factwire.enricher",
        "message": "enriched",
        "topic": "articles.raw",
        "partition": 2,
        "offset": 17,
    }


def test_an_exception_is_one_field_with_its_traceback() -> None:
    try:
        raise ValueError("bad input")
    except ValueError:
        entry = logging.LogRecord("x", logging.ERROR, "x.py", 1, "failed", None, sys.exc_info())
    fields = line(entry)
    assert fields["level"] == "error"
    assert str(fields["exception"]).startswith("Traceback")
    assert "ValueError: bad input" in str(fields["exception"])


def test_a_line_logged_inside_a_span_names_its_trace() -> None:
    tracer = TracerProvider().get_tracer("test")
    with tracer.start_as_current_span("work") as span:
        fields = line(record())
    context = span.get_span_context()
    assert fields["trace_id"] == f"{context.trace_id:032x}"
    assert fields["span_id"] == f"{context.span_id:016x}"


def test_a_record_s_own_trace_wins_over_the_current_span() -> None:
    tracer = TracerProvider().get_tracer("test")
    with tracer.start_as_current_span("work"):
        fields = line(
            record(trace_id="4bf92f3577b34da6a3ce929d0e0e4736", span_id="00f067aa0ba902b7")
        )
    assert (fields["trace_id"], fields["span_id"]) == (
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "00f067aa0ba902b7",
    )


def test_a_line_outside_any_span_has_no_trace_fields() -> None:
    assert "trace_id" not in line(record())
