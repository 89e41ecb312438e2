"""Extraction off the event loop: a pool of processes, one extractor (and model) in each.

The event loop only hands over batches and awaits results, so heartbeats, rebalances and the
web pages keep working while every core extracts. A batch is split into chunks of a few
articles that the processes take in turn, so the spaCy backend sees several texts at once
(``nlp.pipe``) and no process idles while another finishes a long chunk. An article whose chunk
raises is
retried alone a bounded number of times, so that one bad article never takes its neighbours
down with it; if it still fails it comes back as an ``ExtractFailure``.
"""

from __future__ import annotations

import asyncio
import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from factwire.extraction import enrich_many, get_extractor
from factwire.models import RawArticle

log = logging.getLogger(__name__)
T = TypeVar("T")

# Articles per task sent to a process: enough for nlp.pipe to batch, small enough to balance.
CHUNK_ARTICLES = 4


@dataclass(frozen=True, slots=True)
class Enriched:
    """One article's enriched event, serialised in the extraction process."""

    article_id: str
    content_sha256: str
    value: bytes
    entities: int
    claims: int
    processing_ms: float
    enriched_at: datetime


@dataclass(frozen=True, slots=True)
class ExtractFailure:
    """Extraction raised for this article on every attempt."""

    error_type: str
    message: str


# -- functions run inside the pool's processes (module level, so that they pickle) -----------


def load_extractor(name: str) -> int:
    """Load the extractor (and its model) in this process; returns the pid (for warm-up)."""
    get_extractor(name)
    return os.getpid()


def enrich_chunk(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    """Enrich a chunk with the process-wide extractor; serialising here keeps the loop free."""
    results = enrich_many(raws, get_extractor(name))
    return [
        Enriched(
            article_id=e.article_id,
            content_sha256=e.content_sha256,
            value=e.to_json(),
            entities=len(e.entities),
            claims=len(e.claims),
            processing_ms=e.processing_ms,
            enriched_at=e.enriched_at,
        )
        for e in results
    ]


# -- the pool as the event loop sees it ------------------------------------------------------


def pool_size(concurrency: int) -> int:
    """``concurrency`` processes, or one per usable core when it is 0."""
    if concurrency > 0:
        return concurrency
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


ChunkWork = Callable[[str, Sequence[RawArticle]], list[Enriched]]


class ExtractionPool:
    """Runs extraction in ``size`` processes; callers await ``enrich`` from the event loop.

    ``work`` is the module-level function each process runs on a chunk (``enrich_chunk``; tests
    pass another one).
    """

    def __init__(
        self, extractor: str, *, size: int, retries: int, work: ChunkWork = enrich_chunk
    ) -> None:
        self.extractor = extractor
        self.size = size
        self.retries = max(retries, 1)
        self.work = work
        self.ready = False
        self._executor: Executor | None = None
        self._warming: list[Future[int]] = []
        self._warm_started = 0.0

    def _new_executor(self) -> Executor:
        # spawn: a fresh interpreter per process, never a fork of a process running an event
        # loop and network clients.
        return ProcessPoolExecutor(
            max_workers=self.size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=load_extractor,
            initargs=(self.extractor,),
        )

    @property
    def executor(self) -> Executor:
        if self._executor is None:
            self._executor = self._new_executor()
        return self._executor

    def prewarm(self) -> None:
        """Start the processes and their model loading now, without an event loop.

        The worker calls this first, so that loading models overlaps with connecting to Kafka
        and joining the consumer group; ``start`` then waits for it to finish.
        """
        if not self._warming:
            self._warm_started = time.monotonic()
            self._warming = [
                self.executor.submit(load_extractor, self.extractor) for _ in range(self.size)
            ]

    async def start(self) -> None:
        """Every process started with its model loaded (the first batch then waits for none)."""
        self.prewarm()
        await asyncio.gather(*(asyncio.wrap_future(f) for f in self._warming))
        self.ready = True
        log.info(
            "extraction pool ready",
            extra={
                "extractor": self.extractor,
                "processes": self.size,
                "seconds": round(time.monotonic() - self._warm_started, 2),
            },
        )

    def close(self) -> None:
        self.ready = False
        self._discard_executor()

    def _discard_executor(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def enrich(self, raws: Sequence[RawArticle]) -> list[Enriched | ExtractFailure]:
        """Results in the order of ``raws``; an article of a failed chunk is retried alone."""
        if not raws:
            return []
        # Small chunks, more than one per process: a process that finishes early takes the next
        # one instead of idling while another works through a chunk of long articles.
        chunks = split_evenly(raws, max(self.size, math.ceil(len(raws) / CHUNK_ARTICLES)))
        outcomes = await asyncio.gather(
            *(self._run(chunk) for chunk in chunks), return_exceptions=True
        )
        results: list[Enriched | ExtractFailure] = []
        for chunk, outcome in zip(chunks, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                if isinstance(outcome, asyncio.CancelledError):
                    raise outcome
                results.extend([await self._alone(raw) for raw in chunk])
            else:
                results.extend(outcome)
        return results

    async def _run(self, chunk: Sequence[RawArticle]) -> list[Enriched]:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.executor, self.work, self.extractor, chunk)
        except BrokenProcessPool:
            # A process died (killed, out of memory, crashed in native code): start a new pool
            # so that the retries alone can find out which article did it.
            log.error("extraction process died; restarting the pool")
            self._discard_executor()
            raise

    async def _alone(self, raw: RawArticle) -> Enriched | ExtractFailure:
        error: BaseException | None = None
        for attempt in range(1, self.retries + 1):
            try:
                return (await self._run([raw]))[0]
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                error = exc
                log.warning(
                    "extraction failed",
                    extra={
                        "article_id": raw.id,
                        "attempt": attempt,
                        "error_type": type(exc).__name__,
                    },
                )
        assert error is not None
        return ExtractFailure(type(error).__name__, str(error) or type(error).__name__)


def split_evenly(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """``items`` in at most ``parts`` contiguous chunks whose sizes differ by at most one."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    chunks: list[Sequence[T]] = []
    start = 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        chunks.append(items[start:end])
        start = end
    return chunks
