"""Batches in flight: later batches extract while earlier ones publish, yet outputs leave in
input order, each batch is released (its records acked) only after its outputs are
acknowledged and after the batches before it, and no more than ``depth`` batches are held."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from test_batch import FakePool, Sink, article, record

from factwire.enricher.batch import BatchPipeline, BatchProcessor, PublishError, Record
from factwire.enricher.pool import Enriched, ExtractFailure
from factwire.models import RawArticle
from factwire.settings import Settings


class GatedPool(FakePool):
    """A pool whose batches finish only when the test opens their gate (by first article id)."""

    def __init__(self) -> None:
        super().__init__()
        self.gates: dict[str, asyncio.Event] = {}
        self.running = 0
        self.most_running = 0

    def gate(self, article_id: str) -> asyncio.Event:
        return self.gates.setdefault(article_id, asyncio.Event())

    async def enrich(self, raws: Sequence[RawArticle]) -> list[Enriched | ExtractFailure]:
        if not raws:
            return []
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        try:
            await self.gate(raws[0].id).wait()
            return await super().enrich(raws)
        finally:
            self.running -= 1


def batch(first_offset: int, *ids: str) -> list[Record]:
    return [record(first_offset + i, i_d.encode(), article(i_d)) for i, i_d in enumerate(ids)]


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_outputs_and_releases_follow_input_order_when_a_later_batch_extracts_first() -> None:
    pool, enriched, dead = GatedPool(), Sink(), Sink()
    pipeline = BatchPipeline(BatchProcessor(Settings(), pool, enriched, dead), depth=3)
    released: list[str] = []
    for name, records in (("b1", batch(0, "a", "b")), ("b2", batch(2, "c", "d"))):
        await pipeline.submit(records, on_done=lambda n=name: released.append(n), on_abandon=list)
    await settle()
    assert pool.most_running == 2  # both batches extract at once
    pool.gate("c").set()  # the second batch's extraction finishes first ...
    await settle()
    assert enriched.sent == [] and released == []  # ... but waits for the first to publish
    pool.gate("a").set()
    await pipeline.drain()
    assert [k for k, _, _ in enriched.sent] == [b"a", b"b", b"c", b"d"]
    assert released == ["b1", "b2"]


async def test_submit_waits_while_depth_batches_are_in_flight() -> None:
    pool = GatedPool()
    pipeline = BatchPipeline(BatchProcessor(Settings(), pool, Sink(), Sink()), depth=2)
    await pipeline.submit(batch(0, "a"), on_done=list, on_abandon=list)
    await pipeline.submit(batch(1, "b"), on_done=list, on_abandon=list)
    third = asyncio.ensure_future(pipeline.submit(batch(2, "c"), on_done=list, on_abandon=list))
    await settle()
    assert not third.done() and pipeline.in_flight == 2
    pool.gate("a").set()
    await asyncio.wait_for(third, 1)
    pool.gate("b").set()
    pool.gate("c").set()
    await pipeline.drain()
    assert pool.most_running == 2


async def test_a_failed_batch_abandons_itself_and_the_batches_after_it() -> None:
    pool, enriched = GatedPool(), Sink()
    dead = Sink(fail_with=ConnectionError("broker gone"))  # the first batch's dead letter fails
    pipeline = BatchPipeline(BatchProcessor(Settings(), pool, enriched, dead), depth=3)
    done: list[str] = []
    abandoned: list[str] = []
    first = [record(0, b"x", b"not json")]
    for name, records in (("b1", first), ("b2", batch(1, "b")), ("b3", batch(2, "c"))):
        await pipeline.submit(
            records,
            on_done=lambda n=name: done.append(n),
            on_abandon=lambda n=name: abandoned.append(n),
        )
    pool.gate("b").set()
    pool.gate("c").set()
    with pytest.raises(PublishError):
        await pipeline.drain()
    assert done == [] and sorted(abandoned) == ["b1", "b2", "b3"]
    assert enriched.sent == []  # nothing after the failed batch was published
    with pytest.raises(PublishError):
        await pipeline.submit(batch(3, "d"), on_done=list, on_abandon=list)


async def test_cancel_abandons_the_batches_in_flight() -> None:
    pool = GatedPool()
    pipeline = BatchPipeline(BatchProcessor(Settings(), pool, Sink(), Sink()), depth=3)
    abandoned: list[int] = []
    await pipeline.submit(batch(0, "a"), on_done=list, on_abandon=lambda: abandoned.append(0))
    await settle()
    pipeline.cancel()
    await settle()
    assert abandoned == [0] and pipeline.in_flight == 0
