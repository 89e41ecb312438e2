"""Extraction off the event loop: a pool of processes, one extractor (and model) in each.

The event loop only hands over batches and awaits results, so heartbeats, rebalances and the
web pages keep working while every core extracts. A batch is split into chunks of a few
articles that the processes take in turn, so the spaCy backend sees several texts at once
(``nlp.pipe``) and no process idles while another finishes a long chunk. An article whose chunk
raises, kills its process or runs past the time limit is retried alone a bounded number of
times, so that one bad article never takes its neighbours down with it (nor holds its partition
for ever); if it still fails it comes back as an ``ExtractFailure``.
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

from factwire.enricher.cpus import usable_cpus
from factwire.enricher.watchdog import ProgressWatch
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


class ExtractTimeoutError(Exception):
    """Extraction of a chunk ran past the pool's time limit; its processes were stopped."""


class _StoppedForAnotherError(Exception):
    """The chunk's processes were stopped because another chunk ran past the time limit: no
    fault of this chunk's articles, so their retries are not spent on it."""


# Longest the processes of a (re)started pool may take to load their model; with the time limit
# of a chunk, the longest the pool may go without finishing anything while it has work.
WARM_UP_LIMIT_S = 300.0

# Retries that a pool stopped for someone else's timeout grants for free, at most (a bound, so
# that nothing loops for ever).
FREE_RESTARTS = 8


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
    """``concurrency`` processes, or when it is 0 one per CPU the process may use (its affinity
    within its cgroup's CPU quota, so that a pod limited to 2 CPUs runs 2 on any node)."""
    return concurrency if concurrency > 0 else usable_cpus()


ChunkWork = Callable[[str, Sequence[RawArticle]], list[Enriched]]


class ExtractionPool:
    """Runs extraction in ``size`` processes; callers await ``enrich`` from the event loop.

    ``work`` is the module-level function each process runs on a chunk (``enrich_chunk``; tests
    pass another one).
    """

    def __init__(
        self,
        extractor: str,
        *,
        size: int,
        retries: int,
        timeout: float = 120.0,
        work: ChunkWork = enrich_chunk,
    ) -> None:
        self.extractor = extractor
        self.size = size
        self.retries = max(retries, 1)
        self.timeout = timeout
        self.work = work
        self.ready = False
        self._executor: Executor | None = None
        self._stopped: list[Executor] = []  # stopped for a timeout; a few, then discarded
        # As many chunks submitted as there are processes, so that a chunk's time limit counts
        # its extraction, not a wait in the executor's queue behind a slow neighbour.
        self._slots = asyncio.Semaphore(size)
        self._warmed: Executor | None = None  # the executor whose processes have their model
        self._warm_lock = asyncio.Lock()
        self._warming: list[Future[int]] = []
        self._warm_started = 0.0
        # Liveness: the pool is stuck when it has work and finishes none for this long.
        self.progress = ProgressWatch()
        self.stall_limit = timeout + WARM_UP_LIMIT_S

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
            self._warming = self._load_models(self.executor)

    def _load_models(self, executor: Executor) -> list[Future[int]]:
        """One model load per process (each process loads once; later calls are cheap)."""
        return [executor.submit(load_extractor, self.extractor) for _ in range(self.size)]

    async def start(self) -> None:
        """Every process started with its model loaded (the first batch then waits for none)."""
        self.prewarm()
        with self.progress.busy():
            await asyncio.gather(*(asyncio.wrap_future(f) for f in self._warming))
        self._warmed = self._executor
        self.ready = True
        log.info(
            "extraction pool ready",
            extra={
                "extractor": self.extractor,
                "processes": self.size,
                "seconds": round(time.monotonic() - self._warm_started, 2),
            },
        )

    @property
    def stuck(self) -> bool:
        """Work is pending and none has finished for longer than any piece of it may take."""
        return self.progress.stalled_for() > self.stall_limit

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

    async def _warm_executor(self) -> Executor:
        """The executor, its processes started and their model loaded (after a restart too),
        so that starting up never counts against a chunk's time limit."""
        executor = self.executor
        if self._warmed is not executor:
            async with self._warm_lock:
                executor = self.executor
                if self._warmed is not executor:
                    loading = self._load_models(executor)
                    await asyncio.gather(*map(asyncio.wrap_future, loading))
                    self._warmed = executor
        return executor

    async def _run(self, chunk: Sequence[RawArticle]) -> list[Enriched]:
        with self.progress.busy():
            async with self._slots:
                return await self._run_now(chunk)

    async def _run_now(self, chunk: Sequence[RawArticle]) -> list[Enriched]:
        loop = asyncio.get_running_loop()
        executor = self.executor
        try:
            executor = await self._warm_executor()
            running = loop.run_in_executor(executor, self.work, self.extractor, chunk)
            return await asyncio.wait_for(running, self.timeout)
        except TimeoutError:
            # A process stuck in an article (a pathological input, a bug that loops): a running
            # task cannot be cancelled, so its processes are stopped and a new pool started.
            # Chunks that shared the old pool fail with BrokenProcessPool and are retried alone.
            log.error(
                "extraction ran past the time limit; restarting the pool",
                extra={"seconds": self.timeout, "articles": len(chunk)},
            )
            self._stop(executor)
            raise ExtractTimeoutError(
                f"extraction took longer than {self.timeout:g} s (FACTWIRE_EXTRACT_TIMEOUT_S)"
            ) from None
        except BrokenProcessPool:
            if any(executor is stopped for stopped in self._stopped):
                raise _StoppedForAnotherError from None
            # A process died (killed, out of memory, crashed in native code): start a new pool
            # so that the retries alone can find out which article did it.
            log.error("extraction process died; restarting the pool")
            if self._executor is executor:
                self._discard_executor()
            raise

    def _stop(self, executor: Executor) -> None:
        """Shut an executor down and kill its processes, even those busy with a task."""
        # ProcessPoolExecutor has no public way to stop a running task; its process table is
        # the only handle on the processes.
        table = getattr(executor, "_processes", None) or {}
        processes = list(table.values())
        if self._executor is executor:
            self._executor = None
        self._stopped = [*self._stopped[-7:], executor]
        # Chunks still queued are not cancelled (their callers would see a cancellation, not a
        # failure): once the processes are gone they fail with BrokenProcessPool instead.
        executor.shutdown(wait=False)
        for process in processes:
            process.kill()

    async def _alone(self, raw: RawArticle) -> Enriched | ExtractFailure:
        error: BaseException | None = None
        attempt = free = 0
        while attempt < self.retries:
            try:
                return (await self._run([raw]))[0]
            except asyncio.CancelledError:
                raise
            except _StoppedForAnotherError as exc:
                free += 1
                if free <= FREE_RESTARTS:
                    continue
                attempt, error = self.retries, exc
            except Exception as exc:
                attempt += 1
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
