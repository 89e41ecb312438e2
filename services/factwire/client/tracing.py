"""W3C trace context (``traceparent``) so that a trace follows an article through factwire."""

from __future__ import annotations

import re
import secrets

_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
_ZERO_TRACE = "0" * 32
_ZERO_SPAN = "0" * 16


def new_traceparent(trace_id: str | None = None) -> str:
    """A W3C traceparent for a new span, in the given trace or in a new one (sampled)."""
    return f"00-{trace_id or secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def child_traceparent(incoming: bytes | None) -> str:
    """The traceparent of the span that continues ``incoming`` (same trace, new span id).

    A missing or malformed incoming value starts a new trace, as the W3C spec asks.
    """
    if incoming:
        match = _TRACEPARENT.match(incoming.decode("ascii", "replace").strip().lower())
        if match:
            version, trace_id, span_id, flags = match.groups()
            if version != "ff" and trace_id != _ZERO_TRACE and span_id != _ZERO_SPAN:
                return f"00-{trace_id}-{secrets.token_hex(8)}-{flags}"
    return new_traceparent()
