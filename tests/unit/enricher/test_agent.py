"""The Faust agent itself, driven through ``agent.test_context()`` (no broker): a batch of raw
records leaves as enriched events and dead letters on the right topics, keyed as the contract
says. Sends are captured at ``Topic.publish_message``, where Faust would hand them to Kafka."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import pytest
from faust.topics import Topic
from faust.types.tuples import FutureMessage

from factwire.enricher.app import create_app
from factwire.models import EnrichedArticle
from factwire.settings import Settings

SETTINGS = Settings(
    extractor="rules",
    concurrency=1,
    batch_size=4,
    batch_wait_ms=20,
    raw_topic="in.raw",
    enriched_topic="out.enriched",
    dlq_topic="out.dlq",
)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[FutureMessage]:
    captured: list[FutureMessage] = []

    async def publish_message(self: Topic, fut: FutureMessage, wait: bool = False) -> Any:
        captured.append(fut)
        ack: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        ack.set_result(None)  # Kafka "acknowledged" it
        return ack

    monkeypatch.setattr(Topic, "publish_message", publish_message)
    return captured


async def test_the_agent_publishes_enriched_events_and_dead_letters(
    sent: list[FutureMessage],
) -> None:
    enricher = create_app(SETTINGS)
    agent = next(iter(enricher.app.agents.values()))
    good = orjson.dumps({"id": "a1", "body": "Ana Lima said the port of Porto reopens."})
    try:
        async with agent.test_context() as context:
            await context.put(good, key=b"a1")
            await context.put(b"{broken", key=b"a2")
            for _ in range(600):  # the first batch waits for the extraction process to start
                if len(sent) >= 2:
                    break
                await asyncio.sleep(0.1)
    finally:
        enricher.pool.close()

    by_topic = {fut.message.channel.get_topic_name(): fut.message for fut in sent}
    enriched = by_topic["out.enriched"]
    assert enriched.key == b"a1"
    assert EnrichedArticle.from_json(enriched.value).article_id == "a1"
    dead = by_topic["out.dlq"]
    assert (dead.key, dead.value) == (b"a2", b"{broken")
    assert dict(dead.headers)["factwire.error.stage"] == b"decode"
