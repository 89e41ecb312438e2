"""The extraction pool: results in input order from real child processes; an article whose
chunk fails is retried alone, and only that article ends as a failure."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence

import pytest

from factwire.enricher.pool import (
    Enriched,
    ExtractFailure,
    ExtractionPool,
    enrich_chunk,
    pool_size,
    split_evenly,
)
from factwire.models import RawArticle


def fail_on_poison(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    """Runs in the child processes: a chunk holding a 'POISON' article raises."""
    if any("POISON" in raw.body for raw in raws):
        raise RuntimeError(f"cannot process chunk of {len(raws)}")
    return enrich_chunk(name, raws)


def die_on_poison(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    """Like a segfault or an out-of-memory kill in native code: the process disappears."""
    if any("POISON" in raw.body for raw in raws):
        os._exit(1)
    return enrich_chunk(name, raws)


def articles(*bodies: str) -> list[RawArticle]:
    return [RawArticle(id=f"a{n}", body=body) for n, body in enumerate(bodies)]


@pytest.fixture
async def pool() -> ExtractionPool:
    return ExtractionPool("rules", size=1, retries=2, work=fail_on_poison)


async def test_results_come_back_in_input_order() -> None:
    pool = ExtractionPool("rules", size=2, retries=1)
    raws = articles(*(f"Ana Lima visited Porto on day {n}." for n in range(7)))
    try:
        await pool.start()
        results = await pool.enrich(raws)
    finally:
        pool.close()
    assert [r.article_id for r in results if isinstance(r, Enriched)] == [r.id for r in raws]


async def test_only_the_failing_article_is_reported_after_retries_alone(
    pool: ExtractionPool,
) -> None:
    raws = articles("Ana Lima visited Porto.", "POISON pill.", "The council met in Braga.")
    try:
        results = await pool.enrich(raws)
    finally:
        pool.close()
    assert isinstance(results[0], Enriched) and results[0].article_id == "a0"
    assert isinstance(results[1], ExtractFailure)
    assert results[1].error_type == "RuntimeError"
    assert isinstance(results[2], Enriched) and results[2].article_id == "a2"


async def test_a_process_that_dies_is_replaced_and_only_its_culprit_fails() -> None:
    pool = ExtractionPool("rules", size=1, retries=1, work=die_on_poison)
    raws = articles("Ana Lima visited Porto.", "POISON pill.", "The council met in Braga.")
    try:
        results = await pool.enrich(raws)
        again = await pool.enrich(articles("Back to normal in Faro."))
    finally:
        pool.close()
    assert [type(r) for r in results] == [Enriched, ExtractFailure, Enriched]
    assert results[1].error_type == "BrokenProcessPool"  # type: ignore[union-attr]
    assert isinstance(again[0], Enriched)


def test_batches_are_split_into_near_equal_contiguous_chunks() -> None:
    assert split_evenly(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert split_evenly([1], 4) == [[1]]


def test_pool_size_zero_means_one_process_per_core() -> None:
    assert pool_size(3) == 3
    assert pool_size(0) >= 1


def hang_on_poison(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    """Like an article that sends extraction into an endless loop: the process never answers."""
    if any("POISON" in raw.body for raw in raws):
        time.sleep(3600)
    return enrich_chunk(name, raws)


async def test_an_article_that_hangs_is_stopped_and_only_it_fails() -> None:
    pool = ExtractionPool("rules", size=1, retries=1, timeout=4, work=hang_on_poison)
    # two chunks of three: the second waits in the queue while the first hangs
    raws = articles(
        "Ana Lima visited Porto.",
        "POISON pill.",
        "The council met in Braga.",
        "Rui Costa opened a bakery in Lisbon.",
        "The port of Sines grew.",
        "Evora hosted a fair.",
    )
    started = time.monotonic()
    try:
        results = await pool.enrich(raws)
        again = await pool.enrich(articles("Back to normal in Faro."))
    finally:
        pool.close()
    assert [type(r) for r in results] == [Enriched, ExtractFailure, *[Enriched] * 4]
    assert [r.article_id for r in results if isinstance(r, Enriched)] == [
        "a0",
        "a2",
        "a3",
        "a4",
        "a5",
    ]
    assert results[1].error_type == "ExtractTimeoutError"  # type: ignore[union-attr]
    assert "longer than 4 s" in results[1].message  # type: ignore[union-attr]
    assert isinstance(again[0], Enriched)
    # the chunk once and the culprit alone once, each stopped at the limit (plus start-ups)
    assert time.monotonic() - started < 60


async def test_articles_caught_in_a_pool_stopped_for_another_keep_their_retries() -> None:
    # One retry only: had the stop counted against the innocent chunk queued behind the hang,
    # its articles would fail.
    pool = ExtractionPool("rules", size=1, retries=1, timeout=3, work=hang_on_poison)
    try:
        hung, innocent = await asyncio.gather(
            pool.enrich(articles("POISON pill.")),
            pool.enrich(articles("Ana Lima visited Porto.", "The council met in Braga.")),
        )
    finally:
        pool.close()
    assert [type(r) for r in hung] == [ExtractFailure]
    assert [type(r) for r in innocent] == [Enriched, Enriched]
