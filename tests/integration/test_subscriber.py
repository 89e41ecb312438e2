"""The Subscriber on a real broker delivers at least once: a loop body that raises leaves its
event (and everything after it) for the group's next subscriber; a clean exit commits all."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaProducer

from factwire.client import Subscriber, ensure_topics
from factwire.models import EnrichedArticle, ExtractorInfo
from factwire.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


class LoopBodyFailed(RuntimeError):
    pass


def event(number: int) -> EnrichedArticle:
    return EnrichedArticle(
        article_id=f"sub-{number}",
        content_sha256=f"{number:064x}",
        extractor=ExtractorInfo(name="rules", version="1"),
        enriched_at=datetime(2026, 1, 1, tzinfo=UTC),
        processing_ms=1.0,
    )


async def publish_events(bootstrap: str, count: int) -> Settings:
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        bootstrap_servers=bootstrap,
        raw_topic=f"sub-{run}.raw",
        enriched_topic=f"sub-{run}.enriched",
        dlq_topic=f"sub-{run}.dlq",
        topic_partitions=1,
    )
    await ensure_topics(settings)
    producer = AIOKafkaProducer(**settings.kafka_client_options(), acks="all")
    await producer.start()
    try:
        for number in range(1, count + 1):
            await producer.send_and_wait(
                settings.enriched_topic, event(number).to_json(), key=f"sub-{number}".encode()
            )
    finally:
        await producer.stop()
    return settings


async def read_ids(settings: Settings, group: str) -> list[str]:
    async with Subscriber(settings, group_id=group, from_beginning=True, idle_timeout=3) as events:
        return [article.article_id async for article in events]


async def test_a_failing_loop_body_leaves_its_event_for_the_next_subscriber(
    kafka_bootstrap: str,
) -> None:
    settings = await publish_events(kafka_bootstrap, 6)
    group = f"sub-{uuid.uuid4().hex[:8]}"
    handled: list[str] = []
    with pytest.raises(LoopBodyFailed):
        async with Subscriber(settings, group_id=group, from_beginning=True) as events:
            async for article in events:
                if article.article_id == "sub-3":
                    raise LoopBodyFailed(article.article_id)
                handled.append(article.article_id)

    assert handled == ["sub-1", "sub-2"]
    assert await read_ids(settings, group) == [f"sub-{n}" for n in range(3, 7)]


async def test_leaving_the_block_normally_commits_the_event_in_hand(kafka_bootstrap: str) -> None:
    settings = await publish_events(kafka_bootstrap, 4)
    group = f"sub-{uuid.uuid4().hex[:8]}"
    async with Subscriber(settings, group_id=group, from_beginning=True) as events:
        async for article in events:
            if article.article_id == "sub-2":
                break

    assert await read_ids(settings, group) == ["sub-3", "sub-4"]
