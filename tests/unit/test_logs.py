"""The worker's JSON log lines: factwire's field names, extras, exceptions and the trace; and
never article text: the loggers that print record values stay at INFO or above, in the worker's
JSON logging and in the CLI's, whatever level is asked for."""

from __future__ import annotations

import logging
import logging.config
import sys
from collections.abc import Callable, Iterator

import orjson
import pytest
from opentelemetry.sdk.trace import TracerProvider

from factwire.commands.common import client_logging
from factwire.logs import VALUE_LOGGERS, JsonFormatter, TraceFields, logging_config


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


@pytest.fixture
def restore_logging() -> Iterator[None]:
    levels = {name: logging.getLogger(name).level for name in (*VALUE_LOGGERS, "aiokafka", "")}
    handlers = logging.getLogger().handlers[:]
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger().handlers[:] = handlers


@pytest.mark.parametrize(
    "configure",
    [lambda: logging.config.dictConfig(logging_config("debug")), lambda: client_logging("debug")],
    ids=["worker", "cli"],
)
@pytest.mark.usefixtures("restore_logging")
def test_debug_logging_keeps_the_value_loggers_at_info(configure: Callable[[], None]) -> None:
    configure()
    assert logging.getLogger().isEnabledFor(logging.DEBUG)
    for name in VALUE_LOGGERS:
        assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        assert logging.getLogger(name).isEnabledFor(logging.INFO), name
