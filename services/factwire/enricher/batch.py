"""One batch of raw records through decode → validate → extract → publish.

The worker's agent calls ``BatchProcessor.process`` with a batch and acks the batch when it
returns: by then every record has an acknowledged output (an enriched event, a dead letter, or
nothing because the same content was already enriched), which is what lets the offsets be
committed. A failure to write a dead letter raises ``PublishError`` and the batch is not acked.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from factwire.client.tracing import trace_fields
from factwire.enricher.decode import Rejection, decode_raw
from factwire.enricher.headers import (
    Headers,
    HeadersIn,
    SourcePosition,
    dead_letter_headers,
    enriched_headers,
    safe_message,
)
from factwire.enricher.metrics import Metrics
from factwire.enricher.pool import Enriched, ExtractFailure
from factwire.models import RawArticle
from factwire.settings import Settings

log = logging.getLogger("factwire.enricher")


class PublishError(RuntimeError):
    """A dead letter could not be written: the batch must not be acknowledged."""


@dataclass(frozen=True, slots=True)
class Record:
    """The parts of a consumed record the worker needs."""

    key: bytes | None
    value: bytes | None
    headers: HeadersIn
    source: SourcePosition
    timestamp: float | None = None  # seconds since the epoch, as the raw record carries it


class Send(Protocol):
    """Starts sending one record; the awaitable it returns resolves when Kafka acknowledges it."""

    async def __call__(
        self, key: bytes | None, value: bytes | None, headers: Headers
    ) -> Awaitable[Any]: ...


class BatchEnricher(Protocol):
    """What the processor needs from the extraction pool."""

    async def enrich(self, raws: Sequence[RawArticle]) -> list[Enriched | ExtractFailure]: ...


class SeenContent:
    """A bounded memory of (article id, content hash) pairs already enriched by this worker."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()

    def __contains__(self, item: tuple[str, str]) -> bool:
        if item in self._seen:
            self._seen.move_to_end(item)
            return True
        return False

    def add(self, item: tuple[str, str]) -> None:
        if self.capacity <= 0:
            return
        self._seen[item] = None
        self._seen.move_to_end(item)
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)

    def __len__(self) -> int:
        return len(self._seen)


@dataclass(frozen=True, slots=True)
class _Duplicate:
    pass


_DUPLICATE = _Duplicate()
Outcome = Enriched | ExtractFailure | Rejection | _Duplicate


class BatchProcessor:
    """Holds what a batch needs: settings, the extraction pool, the two outputs, the counters."""

    def __init__(
        self,
        settings: Settings,
        pool: BatchEnricher,
        send_enriched: Send,
        send_dead_letter: Send,
        metrics: Metrics | None = None,
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.send_enriched = send_enriched
        self.send_dead_letter = send_dead_letter
        self.metrics = metrics or Metrics()
        self.seen = SeenContent(settings.dedup_cache_size)

    async def process(self, records: Sequence[Record]) -> None:
        """Both stages of one batch, one after the other."""
        await self.publish(records, await self.extract(records))

    async def extract(self, records: Sequence[Record]) -> list[Outcome]:
        """Stage 1, which may overlap other batches: decode, validate, extract in the pool."""
        self.metrics.took(len(records))
        return await self._outcomes(records)

    async def publish(self, records: Sequence[Record], outcomes: Sequence[Outcome]) -> None:
        """Stage 2, one batch at a time in batch order: send every output, await the acks."""
        await self._publish(records, outcomes)

    async def _outcomes(self, records: Sequence[Record]) -> list[Outcome]:
        """Decode and validate every record, then extract the new articles in the pool."""
        decoded = [
            decode_raw(r.key, r.value, max_body_chars=self.settings.max_body_chars) for r in records
        ]
        todo: list[RawArticle] = []
        todo_index: dict[tuple[str, str], int] = {}
        for item in decoded:
            if isinstance(item, RawArticle):
                identity = (item.id, item.content_sha256())
                if identity not in self.seen and identity not in todo_index:
                    todo_index[identity] = len(todo)
                    todo.append(item)
        with self.metrics.batch_extract_seconds.time():
            extracted = await self.pool.enrich(todo)

        outcomes: list[Outcome] = []
        claimed: set[int] = set()
        for item in decoded:
            if isinstance(item, RawArticle):
                index = todo_index.get((item.id, item.content_sha256()))
                if index is None:  # enriched in an earlier batch
                    outcomes.append(_DUPLICATE)
                elif index in claimed:  # a repeat within this batch shares the first's fate
                    first = extracted[index]
                    outcomes.append(first if isinstance(first, ExtractFailure) else _DUPLICATE)
                else:
                    claimed.add(index)
                    outcomes.append(extracted[index])
            else:
                outcomes.append(item)
        return outcomes

    async def _publish(self, records: Sequence[Record], outcomes: Sequence[Outcome]) -> None:
        """Send every output in input order, then wait for Kafka to acknowledge all of them."""
        pending: list[tuple[Record, Outcome, Awaitable[Any]]] = []
        for record, outcome in zip(records, outcomes, strict=True):
            if isinstance(outcome, Enriched):
                pending.append((record, outcome, await self._send_enriched(record, outcome)))
            elif isinstance(outcome, Rejection | ExtractFailure):
                pending.append((record, outcome, await self._dead_letter(record, outcome)))
            else:
                self.metrics.duplicates.inc()
                log.info("skipped: content already enriched", extra=_position(record))
        for record, outcome, ack in pending:
            await self._confirm(record, outcome, ack)

    async def _send_enriched(self, record: Record, enriched: Enriched) -> Awaitable[Any]:
        headers = enriched_headers(
            article_id=enriched.article_id,
            content_sha256=enriched.content_sha256,
            enriched_at=enriched.enriched_at,
            incoming=record.headers,
        )
        return await self.send_enriched(enriched.article_id.encode(), enriched.value, headers)

    async def _dead_letter(
        self, record: Record, failure: Rejection | ExtractFailure
    ) -> Awaitable[Any]:
        if isinstance(failure, ExtractFailure):
            stage, error_type = "extract", failure.error_type
            message = safe_message(failure.message, _body_of(record))
        else:
            stage, error_type, message = failure.stage, failure.error_type, failure.message
        headers = dead_letter_headers(
            stage=stage,  # type: ignore[arg-type]
            error_type=error_type,
            message=message,
            source=record.source,
            incoming=record.headers,
        )
        log.warning(
            "dead-lettered",
            extra={
                **_position(record),
                "stage": stage,
                "error_type": error_type,
                "reason": message[:500],
            },
        )
        self.metrics.dead_lettered(stage, error_type)
        return await self.send_dead_letter(record.key, record.value, headers)

    async def _confirm(self, record: Record, outcome: Outcome, ack: Awaitable[Any]) -> None:
        try:
            await ack
        except Exception as exc:
            if not isinstance(outcome, Enriched):
                raise PublishError(
                    f"dead letter for {record.source} not written: {type(exc).__name__}: {exc}"
                ) from exc
            # The enriched event was refused (e.g. too large): the raw record goes to the DLQ.
            failure = Rejection("publish", type(exc).__name__, str(exc) or type(exc).__name__)
            await self._confirm(record, failure, await self._dead_letter(record, failure))
            return
        if isinstance(outcome, Enriched):
            self.seen.add((outcome.article_id, outcome.content_sha256))
            self.metrics.was_enriched(outcome.processing_ms, record.timestamp)
            log.info(
                "enriched",
                extra={
                    **_position(record),
                    "article_id": outcome.article_id,
                    "entities": outcome.entities,
                    "claims": outcome.claims,
                    "processing_ms": outcome.processing_ms,
                },
            )


class BatchPipeline:
    """Up to ``depth`` batches in flight, so that the pool extracts while outputs are published.

    Each submitted batch runs as a task: its extraction starts at once (the pool queues the
    chunks of every batch in flight, in submission order), but it publishes only after the batch
    before it has published and had its outputs acknowledged. Outputs thus leave in input order
    (per partition, as the contract needs) and ``on_done`` callbacks run in submission order,
    each after its batch's outputs are acknowledged: acking the input records there commits
    offsets only behind acknowledged outputs. ``submit`` waits while ``depth`` batches are in
    flight (backpressure: at most ``depth`` batches of records are held).

    When a batch fails, it and every later batch in flight call ``on_abandon`` instead (their
    records must be consumed again) and the next ``submit`` (or ``drain``) raises the error.
    """

    def __init__(self, processor: BatchProcessor, depth: int) -> None:
        self.processor = processor
        self.depth = max(depth, 1)
        self._slots = asyncio.Semaphore(self.depth)
        self._last: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def submit(
        self,
        records: Sequence[Record],
        on_done: Callable[[], object],
        on_abandon: Callable[[], object],
    ) -> None:
        """Start a batch; returns once it is in flight (waits for a free slot)."""
        self._raise_failure()
        await self._slots.acquire()
        try:
            self._raise_failure()
        except BaseException:
            self._slots.release()
            raise
        task = asyncio.ensure_future(self._run(records, self._last, on_done, on_abandon))
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        self._last = task

    async def drain(self) -> None:
        """Wait until every batch in flight has finished; raises the first failure."""
        if self._last is not None:
            await asyncio.wait(set(self._tasks))
        self._raise_failure()

    def cancel(self) -> None:
        """Abandon every batch in flight (the worker stops): none of their records is acked."""
        for task in list(self._tasks):
            task.cancel()

    async def _run(
        self,
        records: Sequence[Record],
        previous: asyncio.Task[None] | None,
        on_done: Callable[[], object],
        on_abandon: Callable[[], object],
    ) -> None:
        try:
            outcomes = await self.processor.extract(records)
            if previous is not None:
                await previous  # raises when the batch before failed: this one is abandoned
            await self.processor.publish(records, outcomes)
        except BaseException:
            on_abandon()
            raise
        finally:
            self._slots.release()
        on_done()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if task is self._last and not task.cancelled() and task.exception() is not None:
            log.error(
                "batch failed; its records and those after it will be consumed again",
                extra={"error_type": type(task.exception()).__name__},
            )

    def _raise_failure(self) -> None:
        last = self._last
        if last is not None and last.done():
            if last.cancelled():
                raise asyncio.CancelledError("a batch in flight was cancelled")
            error = last.exception()
            if error is not None:
                raise error


def _position(record: Record) -> dict[str, Any]:
    """Log fields naming a record: where it was read, and its trace."""
    s = record.source
    return {
        "topic": s.topic,
        "partition": s.partition,
        "offset": s.offset,
        **trace_fields(record.headers),
    }


def _body_of(record: Record) -> str | None:
    """The body of a record that passed validation (used only to keep it out of messages)."""
    if record.value is None:
        return None
    try:
        return RawArticle.model_validate_json(record.value).body
    except ValueError:
        return None
