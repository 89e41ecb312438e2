"""W3C trace context through OpenTelemetry, so that a trace follows an article through factwire.

A raw record carries ``traceparent`` (and ``tracestate``, when its trace has one) from the span
that published it; the worker continues that trace in a span of its own and writes the span's
context on the enriched event (docs/contract.md, "Headers"). The headers are read
and written by OpenTelemetry's W3C propagator (always this one, whatever ``OTEL_PROPAGATORS``
says: the contract names these headers).

Spans are exported only when ``setup_tracing`` finds ``OTEL_TRACES_EXPORTER`` set to ``otlp`` or
``console`` (off by default); the OpenTelemetry SDK reads the other ``OTEL_*`` variables
(``OTEL_SERVICE_NAME``, ``OTEL_EXPORTER_OTLP_ENDPOINT``, ``OTEL_TRACES_SAMPLER``, ...) itself.
A process that configured OpenTelemetry itself (a service using the ``Publisher``) gets its
publish spans in its own traces.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from opentelemetry import trace
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

TRACE_HEADERS = ("traceparent", "tracestate")
EXPORTERS = ("none", "console", "otlp")
_PROPAGATOR = TraceContextTextMapPropagator()
# Where the process set up no tracer provider: spans get ids (the headers need them) and are
# sampled by OTEL_TRACES_SAMPLER (default: as the parent, else always), but go nowhere.
_UNEXPORTED = TracerProvider()

HeadersIn = Mapping[str, bytes] | Iterable[tuple[str, bytes]] | None


class TracingSetupError(ValueError):
    """``OTEL_TRACES_EXPORTER`` names an exporter factwire can't make."""


def _tracer() -> trace.Tracer:
    provider = trace.get_tracer_provider()
    if isinstance(provider, trace.ProxyTracerProvider):  # nobody configured OpenTelemetry
        provider = _UNEXPORTED
    return provider.get_tracer("factwire")


def _carrier(headers: HeadersIn) -> dict[str, str]:
    """The trace headers of a record as the propagator reads them (names lower-cased)."""
    if not headers:
        return {}
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    found: dict[str, str] = {}
    for name, value in pairs:
        key = name.lower()
        if key in TRACE_HEADERS and key not in found and value is not None:
            found[key] = value.decode("ascii", "replace")
    return found


def _headers_of(span: trace.Span) -> list[tuple[str, bytes]]:
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, context=trace.set_span_in_context(span))
    return [(name, carrier[name].encode()) for name in TRACE_HEADERS if name in carrier]


def publish_trace_headers(topic: str) -> list[tuple[str, bytes]]:
    """Trace headers for a new raw record: a producer span in the current trace, or a new one."""
    span = _tracer().start_span(
        f"publish {topic}",
        kind=SpanKind.PRODUCER,
        attributes={"messaging.system": "kafka", "messaging.destination.name": topic},
    )
    try:
        return _headers_of(span)
    finally:
        span.end()


def continue_trace(
    incoming: HeadersIn, name: str, attributes: Mapping[str, Any] | None = None
) -> list[tuple[str, bytes]]:
    """Trace headers for a record made from one that carried ``incoming`` headers: a span in
    the same trace (new span id, same flags and tracestate). A missing or malformed
    ``traceparent`` starts a new trace, as the W3C spec asks."""
    parent = _PROPAGATOR.extract(_carrier(incoming))
    span = _tracer().start_span(
        name, context=parent, kind=SpanKind.CONSUMER, attributes=dict(attributes or {})
    )
    try:
        return _headers_of(span)
    finally:
        span.end()


def trace_fields(headers: HeadersIn) -> dict[str, str]:
    """``trace_id`` and ``span_id`` of a record's ``traceparent``, for its log lines."""
    span_context = trace.get_current_span(_PROPAGATOR.extract(_carrier(headers))).get_span_context()
    if not span_context.is_valid:
        return {}
    return {
        "trace_id": format_trace_id(span_context.trace_id),
        "span_id": format_span_id(span_context.span_id),
    }


def current_trace_fields() -> dict[str, str]:
    """``trace_id`` and ``span_id`` of the span current in this context ({} if none)."""
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return {}
    return {
        "trace_id": format_trace_id(span_context.trace_id),
        "span_id": format_span_id(span_context.span_id),
    }


def setup_tracing(
    service_name: str, environ: Mapping[str, str] | None = None
) -> TracerProvider | None:
    """Export spans as ``OTEL_TRACES_EXPORTER`` asks (``none``, the default here: nothing).

    Installs and returns the global tracer provider when spans are exported, else None.
    """
    env = os.environ if environ is None else environ
    name = env.get("OTEL_TRACES_EXPORTER", "none").strip().lower() or "none"
    if name == "none" or env.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return None
    exporter = _exporter(name)
    attributes = {} if env.get("OTEL_SERVICE_NAME") else {SERVICE_NAME: service_name}
    provider = TracerProvider(resource=Resource.create(attributes))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    return provider


def _exporter(name: str) -> SpanExporter:
    if name == "console":
        return ConsoleSpanExporter()
    if name == "otlp":
        try:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        except ImportError:
            raise TracingSetupError(
                "OTEL_TRACES_EXPORTER=otlp needs the OTLP exporter: pip install 'factwire[otlp]'"
            ) from None
        otlp: SpanExporter = OTLPSpanExporter()  # endpoint, headers...: OTEL_EXPORTER_OTLP_*
        return otlp
    raise TracingSetupError(
        f"OTEL_TRACES_EXPORTER={name!r}: factwire supports {', '.join(EXPORTERS)}"
    )
