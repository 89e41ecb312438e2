"""Trace context through OpenTelemetry: raw records start (or join) a trace, the worker
continues it, log lines name it, and spans are exported only when OTEL_TRACES_EXPORTER asks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from factwire.client import tracing
from factwire.client.publisher import raw_headers, record_size

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = f"00-{TRACE}-00f067aa0ba902b7-01".encode()
TRACEPARENT = re.compile(rb"00-([0-9a-f]{32})-([0-9a-f]{16})-(0[0-3])")


def test_raw_records_carry_content_type_and_a_new_sampled_traceparent() -> None:
    headers = dict(raw_headers())
    assert headers["content-type"] == b"application/json"
    match = TRACEPARENT.fullmatch(headers["traceparent"])
    assert match and int(match.group(3), 16) & 1  # sampled
    assert dict(raw_headers())["traceparent"].split(b"-")[1] != match.group(1)


@pytest.mark.parametrize(
    ("incoming", "flags", "tracestate"),
    [
        ([("traceparent", PARENT)], b"01", None),
        ([("Traceparent", PARENT), ("tracestate", b"vendor=1")], b"01", b"vendor=1"),
        ({"traceparent": PARENT.replace(b"-01", b"-00")}, b"00", None),  # not sampled stays so
    ],
)
def test_the_worker_continues_the_trace_with_a_new_span(
    incoming: tracing.HeadersIn, flags: bytes, tracestate: bytes | None
) -> None:
    headers = dict(tracing.continue_trace(incoming, "enrich"))
    match = TRACEPARENT.fullmatch(headers["traceparent"])
    assert match
    assert (match.group(1), match.group(3)) == (TRACE.encode(), flags)
    assert match.group(2) != b"00f067aa0ba902b7"
    assert headers.get("tracestate") == tracestate


@pytest.mark.parametrize(
    "incoming",
    [
        None,
        [],
        {"traceparent": b"garbage"},
        {"traceparent": b"00-" + b"0" * 32 + b"-00f067aa0ba902b7-01"},
    ],
)
def test_a_missing_or_invalid_traceparent_starts_a_new_trace(
    incoming: tracing.HeadersIn,
) -> None:
    match = TRACEPARENT.fullmatch(dict(tracing.continue_trace(incoming, "enrich"))["traceparent"])
    assert match and match.group(1) != b"0" * 32


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ([("traceparent", PARENT)], {"trace_id": TRACE, "span_id": "00f067aa0ba902b7"}),
        ([("content-type", b"application/json")], {}),
        ([("traceparent", b"\xff\xfe")], {}),
        (None, {}),
    ],
)
def test_trace_fields_name_the_trace_of_a_record_for_its_log_lines(
    headers: tracing.HeadersIn, expected: dict[str, str]
) -> None:
    assert tracing.trace_fields(headers) == expected


def test_spans_go_to_the_configured_exporter_as_children_of_the_raw_records_span() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")
    with trace.use_span(tracer.start_span("caller"), end_on_exit=True) as caller:
        # A service with its own OpenTelemetry set-up: factwire uses the global provider.
        saved = trace._TRACER_PROVIDER
        trace._TRACER_PROVIDER = provider
        try:
            published = tracing.publish_trace_headers("articles.raw")
            enriched = dict(tracing.continue_trace(published, "enrich"))
        finally:
            trace._TRACER_PROVIDER = saved
    spans = {span.name: span for span in exporter.get_finished_spans()}
    assert set(spans) == {"caller", "publish articles.raw", "enrich"}
    publish, enrich = spans["publish articles.raw"], spans["enrich"]
    assert (
        publish.parent is not None and publish.parent.span_id == caller.get_span_context().span_id
    )
    assert enrich.parent is not None and enrich.parent.span_id == publish.context.span_id
    assert enrich.context.trace_id == caller.get_span_context().trace_id
    assert enriched["traceparent"].split(b"-")[2] == f"{enrich.context.span_id:016x}".encode()


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"OTEL_TRACES_EXPORTER": "none"},
        {"OTEL_TRACES_EXPORTER": "console", "OTEL_SDK_DISABLED": "true"},
    ],
)
def test_no_exporter_is_set_up_unless_asked(environ: dict[str, str]) -> None:
    assert tracing.setup_tracing("factwire-test", environ) is None


def test_an_unknown_exporter_is_refused_with_the_supported_ones() -> None:
    with pytest.raises(tracing.TracingSetupError, match="none, console, otlp"):
        tracing.setup_tracing("factwire-test", {"OTEL_TRACES_EXPORTER": "zipkin"})


def test_the_console_exporter_prints_the_worker_s_span_in_the_raw_record_s_trace() -> None:
    program = (
        "from factwire.client import tracing\n"
        "provider = tracing.setup_tracing('factwire-test')\n"
        f"tracing.continue_trace([('traceparent', {PARENT!r})], 'enrich')\n"
        "provider.shutdown()\n"
    )
    env = {**os.environ, "OTEL_TRACES_EXPORTER": "console"}
    done = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    span = json.loads(done.stdout)
    assert (span["name"], span["context"]["trace_id"]) == ("enrich", f"0x{TRACE}")
    assert span["parent_id"] == "0x00f067aa0ba902b7"
    assert span["resource"]["attributes"]["service.name"] == "factwire-test"


def test_record_size_counts_key_value_and_headers() -> None:
    small = record_size(b"k", b"v", [])
    assert record_size(b"k", b"v" * 1000, [("h", b"x" * 100)]) > small + 1100
