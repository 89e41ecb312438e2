"""Contract evolution on a real broker: a subscriber reads events of a newer minor version and
stops at one of a newer major version, without committing past it (docs/contract.md)."""

from __future__ import annotations

import uuid

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from factwire.client import Subscriber, ensure_topics
from factwire.models import UnsupportedVersionError, content_sha256
from factwire.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


def event(article_id: str, major: int, minor: int, **more: object) -> bytes:
    return orjson.dumps(
        {
            "schema_version": major,
            "schema_minor": minor,
            "article_id": article_id,
            "content_sha256": content_sha256(article_id),
            "extractor": {"name": "rules", "version": "9"},
            "enriched_at": "2026-03-01T10:00:00Z",
            "processing_ms": 2.0,
            **more,
        }
    )


async def test_newer_minor_is_read_and_newer_major_stops_the_group_before_it(
    kafka_bootstrap: str,
) -> None:
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        bootstrap_servers=kafka_bootstrap,
        enriched_topic=f"versions-{run}.enriched",
        topic_partitions=1,
    )
    await ensure_topics(settings, [settings.enriched_topic])
    producer = AIOKafkaProducer(**settings.kafka_client_options(AIOKafkaProducer))
    await producer.start()
    try:
        for key, value in [
            (b"same-1", event("same-1", 1, 1)),
            (b"minor-9", event("minor-9", 1, 9, summary="new in 1.9", entities=[])),
            (b"major-2", event("major-2", 2, 0, article={"renamed": True})),
            (b"after-2", event("after-2", 1, 1)),
        ]:
            await producer.send_and_wait(settings.enriched_topic, value, key=key)
    finally:
        await producer.stop()

    group = f"versions-{run}"
    seen: list[tuple[str, int]] = []
    with pytest.raises(UnsupportedVersionError, match="contract version 2"):
        async with Subscriber(settings, group_id=group, from_beginning=True) as events:
            async for article in events:
                seen.append((article.article_id, article.schema_minor))
    assert seen == [("same-1", 1), ("minor-9", 9)]

    # The group did not commit past the event it could not read: the next reader meets it again.
    with pytest.raises(UnsupportedVersionError):
        async with Subscriber(settings, group_id=group, idle_timeout=20) as events:
            async for article in events:
                seen.append((article.article_id, article.schema_minor))
    assert seen == [("same-1", 1), ("minor-9", 9)]
