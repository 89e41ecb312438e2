"""Worker crashes and stops under load: SIGKILL part-way through 2,000 articles, and SIGTERM
with batches in flight. After a restart the ids on the enriched and dead-letter topics are
exactly the ids published; duplicates are counted and identical apart from timestamps."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import defaultdict
from typing import Any

import pytest

from factwire.client import ensure_topics
from factwire.models import EnrichedArticle, RawArticle
from factwire.settings import Settings

from .faults_support import Outputs, as_raw, fault_settings, good_article, send_raw, worker

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

ARTICLES = 2_000
# Faust reads PROCESSING_GUARANTEE from the environment: exactly_once was tried with this same
# test and gave the same duplicates (docs/reliability.md says why), so it is not offered.
GUARANTEE_ENV = "PROCESSING_GUARANTEE"
SESSION_TIMEOUT_ENV = "BROKER_SESSION_TIMEOUT"  # seconds, read by Faust too


async def publish_in_chunks(
    settings: Settings, articles: list[RawArticle], chunks: int = 10, pause: float = 0.3
) -> None:
    """Publish while the worker runs, as a crawler would."""
    size = -(-len(articles) // chunks)
    for start in range(0, len(articles), size):
        await send_raw(settings, [as_raw(a) for a in articles[start : start + size]])
        await asyncio.sleep(pause)


def all_done(ids: set[str]) -> Any:
    return lambda o: ids <= set(o.enriched_ids()) | {k.decode() for k in o.dead_keys() if k}


def check_no_loss(out: Outputs, articles: list[RawArticle]) -> dict[str, int]:
    """Ids out == ids in; every repeat of an event is identical apart from timestamps."""
    published = {a.id for a in articles}
    enriched = out.enriched_ids()
    dead = {k.decode() for k in out.dead_keys() if k}
    assert set(enriched) | dead == published
    assert not dead, "no article of these tests should be dead-lettered"
    by_id: dict[str, list[EnrichedArticle]] = defaultdict(list)
    for event in out.events():
        by_id[event.article_id].append(event)
    for events in by_id.values():
        first = events[0].identity()
        assert all(e.identity() == first for e in events[1:])
    return {
        "published": len(published),
        "enriched_events": len(enriched),
        "dead_letters": len(out.dead),
        "duplicates": len(enriched) - len(set(enriched)),
    }


async def crash_and_restart(settings: Settings, env: dict[str, str] | None = None) -> None:
    articles = [good_article(n, "crash") for n in range(ARTICLES)]
    await ensure_topics(settings)
    async with Outputs(settings) as out:
        with worker(settings, env) as first:
            await asyncio.to_thread(first.wait_until_ready)
            publishing = asyncio.create_task(publish_in_chunks(settings, articles))
            await out.wait_until(lambda o: len(o.enriched) >= ARTICLES // 3, 120, "a third")
            os.killpg(first.process.pid, signal.SIGKILL)  # the worker and its pool, like a crash
            await asyncio.to_thread(first.process.wait)
            killed_at, before = time.monotonic(), len(out.enriched)
            await publishing
        with worker(settings, env) as second:
            await out.wait_until(all_done({a.id for a in articles}), 240, "all ids after restart")
            recovered = time.monotonic() - killed_at
            await asyncio.sleep(3)  # late repeats count as duplicates too
            assert second.process.poll() is None, second.log_tail()
        report = check_no_loss(out, articles)
    report.update(enriched_before_kill=before, seconds_from_kill_to_complete=round(recovered, 1))
    print(f"SIGKILL ({(env or {}).get(GUARANTEE_ENV, 'at_least_once')}): {report}")


async def test_sigkill_part_way_loses_nothing(kafka_bootstrap: str) -> None:
    # The killed member holds its partitions until its session expires; Faust's default (60 s)
    # is shortened to keep the test short (docs/reliability.md has the default's figures).
    settings = fault_settings(kafka_bootstrap, topic_partitions=3)
    await crash_and_restart(settings, {SESSION_TIMEOUT_ENV: "15"})


async def test_sigterm_under_load_exits_cleanly_and_a_restart_resumes(
    kafka_bootstrap: str,
) -> None:
    settings = fault_settings(kafka_bootstrap, topic_partitions=3)
    articles = [good_article(n, "term") for n in range(ARTICLES // 2)]
    await ensure_topics(settings)
    async with Outputs(settings) as out:
        with worker(settings) as first:
            await asyncio.to_thread(first.wait_until_ready)
            publishing = asyncio.create_task(publish_in_chunks(settings, articles))
            await out.wait_until(lambda o: len(o.enriched) >= len(articles) // 3, 120, "a third")
            first.process.send_signal(signal.SIGTERM)
            stopping = time.monotonic()
            code = await asyncio.to_thread(first.process.wait, 60)
            stop_seconds = time.monotonic() - stopping
            await publishing
            await asyncio.sleep(1)
            before = len(out.enriched)
            log = first.log_path.read_text(errors="replace")
        assert code == 0, log[-3000:]
        assert stop_seconds < 30
        with worker(settings) as second:
            await out.wait_until(all_done({a.id for a in articles}), 180, "all ids after restart")
            await asyncio.sleep(3)
            assert second.process.poll() is None, second.log_tail()
        report = check_no_loss(out, articles)
    report.update(enriched_before_restart=before, seconds_to_exit=round(stop_seconds, 1))
    print(f"SIGTERM: {report}")
    # A clean stop finishes the batches in flight and commits their offsets: no repeats.
    assert report["duplicates"] == 0, report
