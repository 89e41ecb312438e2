"""The broker frozen for 30 s in the middle of publishing and processing (a broker of the test's
own, paused through the container engine, then resumed): the publisher and the worker carry on
by themselves, and every article published ends enriched."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest

from factwire.client import Publisher, ensure_topics
from factwire.client.publisher import PublishResult
from factwire.settings import Settings
from factwire.testing import KafkaContainer, default_image

from .faults_support import Outputs, fault_settings, good_article, worker

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

OUTAGE_SECONDS = 30.0
ARTICLES = 600


@pytest.fixture
def own_broker(
    kafka_starter: Callable[[KafkaContainer], KafkaContainer],
) -> Iterator[KafkaContainer]:
    """A broker for this test alone: pausing it must not disturb the other tests."""
    container = kafka_starter(KafkaContainer(default_image()))
    try:
        yield container
    finally:
        container.stop()


async def publish_steadily(settings: Settings, results: list[PublishResult]) -> None:
    """20 articles every quarter second, each batch awaited like a crawler would."""
    articles = [good_article(n, "outage") for n in range(ARTICLES)]
    async with Publisher(settings) as publisher:
        for start in range(0, ARTICLES, 20):
            results.extend(await publisher.publish_many(articles[start : start + 20]))
            await asyncio.sleep(0.25)


async def test_a_30_second_broker_outage_loses_nothing(own_broker: KafkaContainer) -> None:
    settings = fault_settings(own_broker.get_bootstrap_server(), topic_partitions=3)
    await ensure_topics(settings)
    results: list[PublishResult] = []
    engine = own_broker.get_wrapped_container()
    async with Outputs(settings) as out:
        with worker(settings) as process:
            await asyncio.to_thread(process.wait_until_ready)
            publishing = asyncio.create_task(publish_steadily(settings, results))
            await out.wait_until(lambda o: len(o.enriched) >= 100, 120, "first 100 enriched")
            engine.pause()
            paused_at, sent_before = time.monotonic(), len(results)
            await asyncio.sleep(OUTAGE_SECONDS)
            engine.unpause()
            resumed_at = time.monotonic()
            await asyncio.wait_for(publishing, 180)
            ids = {f"outage-{n}" for n in range(ARTICLES)}
            await out.wait_until(lambda o: ids <= set(o.enriched_ids()), 180, "all enriched")
            recovered = time.monotonic() - resumed_at
            await asyncio.sleep(2)
            assert process.process.poll() is None, process.log_tail()

    failed = [r for r in results if not r.ok]
    assert not failed, failed[:3]
    assert len(results) == ARTICLES
    enriched = out.enriched_ids()
    assert set(enriched) == ids and not out.dead
    print(
        f"outage: paused {resumed_at - paused_at:.0f} s after {sent_before} sends; "
        f"{ARTICLES} published, {len(set(enriched))} enriched, "
        f"{len(enriched) - len(set(enriched))} duplicates, all done {recovered:.1f} s after resume"
    )
