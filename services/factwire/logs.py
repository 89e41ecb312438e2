"""Structured logs: one JSON object a line, with the fields a log pipeline can index.

The formatter is python-json-logger's (on orjson): ``time``, ``level``, ``logger``, ``message``,
then the record's ``extra={...}`` fields, and ``exception`` with the traceback when there is one.
Log records carry their fields in ``extra={...}``; a field never holds an article body or a
secret. A line about a record names its trace (``trace_id``, ``span_id``: the worker adds them
from the record's ``traceparent``); any other line logged inside a span names that span's.
"""

from __future__ import annotations

import logging
import logging.config
from datetime import UTC, datetime
from typing import Any

from pythonjsonlogger.orjson import OrjsonFormatter

from factwire.client.tracing import current_trace_fields

FIELDS = ("asctime", "levelname", "name", "message")
RENAMED = {"asctime": "time", "levelname": "level", "name": "logger", "exc_info": "exception"}

#: Loggers that write record values (article text) at debug level: never below INFO.
VALUE_LOGGERS = ("faust.topics", "aiokafka.producer.producer")


class JsonFormatter(OrjsonFormatter):
    """python-json-logger's formatter with factwire's field names, a lower-case level and the
    time in UTC with milliseconds (``2026-05-01T12:00:00.123+00:00``)."""

    def __init__(self) -> None:
        super().__init__(FIELDS, rename_fields=RENAMED)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        log_data["level"] = str(log_data["level"]).lower()
        return log_data


class TraceFields(logging.Filter):
    """Adds ``trace_id`` and ``span_id`` of the current span to a record that has none."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "trace_id"):
            for key, value in current_trace_fields().items():
                setattr(record, key, value)
        return True


def logging_config(level: str = "info") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` mapping that sends every logger to stderr as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "filters": {"trace": {"()": TraceFields}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["trace"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        # Faust and aiokafka's producer log every record they send (key and value) at debug
        # level: keep article text out of the logs even when debugging.
        "loggers": {name: {"level": "INFO"} for name in VALUE_LOGGERS},
    }
