"""The Kafka headers factwire writes: CloudEvents + trace context on enriched events, error
context on dead letters (docs/contract.md, "Headers"; the names are the tables of
``factwire.models``, and tests/unit/test_contract.py checks that they agree).

Pure functions from values to ``[(name, bytes)]`` lists, so that they are tested without Kafka.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from factwire.client.tracing import continue_trace
from factwire.models import ErrorStage, utc_now

Headers = list[tuple[str, bytes]]
HeadersIn = Mapping[str, bytes] | Iterable[tuple[str, bytes]] | None

CONTENT_TYPE = "application/json"
CE_SPECVERSION = "1.0"
CE_SOURCE = "/factwire/enricher"
CE_TYPE_ENRICHED = "org.factwire.article.enriched.v1"
MAX_ERROR_MESSAGE_BYTES = 4096


def header_value(headers: HeadersIn, name: str) -> bytes | None:
    """The first value of header ``name`` (case-insensitive) in a mapping or a list of pairs."""
    if not headers:
        return None
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    wanted = name.lower()
    for key, value in pairs:
        if key.lower() == wanted:
            return value
    return None


def enriched_headers(
    *, article_id: str, content_sha256: str, enriched_at: datetime, incoming: HeadersIn
) -> Headers:
    """Headers of an enriched event: content type, CloudEvents binary mode, trace context.

    ``ce_id`` is derived from the article id and content hash, so a replay of the same content
    produces the same id and consumers can deduplicate on it.
    """
    headers: Headers = [
        ("content-type", CONTENT_TYPE.encode()),
        ("ce_specversion", CE_SPECVERSION.encode()),
        ("ce_id", f"{article_id}:{content_sha256}".encode()),
        ("ce_source", CE_SOURCE.encode()),
        ("ce_type", CE_TYPE_ENRICHED.encode()),
        ("ce_time", enriched_at.isoformat().replace("+00:00", "Z").encode()),
        ("ce_subject", article_id.encode()),
        # traceparent (and tracestate): a span of the worker in the raw record's trace
        *continue_trace(incoming, "enrich", {"factwire.article_id": article_id}),
    ]
    return headers


@dataclass(frozen=True, slots=True)
class SourcePosition:
    """Where a record was read: the dead letter points back at it."""

    topic: str
    partition: int
    offset: int


def dead_letter_headers(
    *,
    stage: ErrorStage,
    error_type: str,
    message: str,
    source: SourcePosition,
    incoming: HeadersIn = None,
    failed_at: datetime | None = None,
) -> Headers:
    """The original record's headers followed by the ``factwire.error.*`` and source headers.

    The caller makes sure ``message`` holds no article text or secret (see ``safe_message``).
    """
    kept: Headers = []
    if incoming:
        pairs = incoming.items() if isinstance(incoming, Mapping) else incoming
        kept = [(k, v) for k, v in pairs if not k.startswith("factwire.")]
    stamp = (failed_at or utc_now()).isoformat().replace("+00:00", "Z")
    return [
        *kept,
        ("factwire.error.stage", stage.encode()),
        ("factwire.error.type", error_type.encode()),
        ("factwire.error.message", truncate_utf8(message, MAX_ERROR_MESSAGE_BYTES)),
        ("factwire.source.topic", source.topic.encode()),
        ("factwire.source.partition", str(source.partition).encode()),
        ("factwire.source.offset", str(source.offset).encode()),
        ("factwire.failed_at", stamp.encode()),
    ]


def truncate_utf8(text: str, limit: int) -> bytes:
    """``text`` as UTF-8, cut to at most ``limit`` bytes on a character boundary."""
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return data
    marker = b" [truncated]"
    return data[: limit - len(marker)].decode("utf-8", "ignore").encode() + marker


def safe_message(message: str, body: str | None, *, window: int = 24) -> str:
    """``message``, unless it quotes the article body (then a neutral replacement).

    Exceptions from libraries sometimes echo their input; a dead letter must not carry the
    article text into headers that are logged and indexed. Any quoted stretch of ``2 * window``
    characters or more contains one of the windows checked here.
    """
    if body:
        for start in range(0, max(len(message) - window + 1, 0), window):
            if message[start : start + window] in body:
                return "(message withheld: it quoted the article text)"
    return message
