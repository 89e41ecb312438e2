"""Topic administration: create factwire's topics when they are missing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from factwire.client.errors import TopicCreationError
from factwire.settings import Settings

log = logging.getLogger(__name__)


async def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create the raw, enriched and dead-letter topics (or ``names``) that don't exist yet.

    Partitions and replication come from the settings. Returns the names it created.
    """
    wanted = list(names or (settings.raw_topic, settings.enriched_topic, settings.dlq_topic))
    admin = AIOKafkaAdminClient(**settings.kafka_client_options())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in dict.fromkeys(wanted) if name not in existing]
        if not missing:
            await _wait_for_leaders(admin, wanted)  # e.g. created by someone else a moment ago
            return []
        new = [
            NewTopic(name, settings.topic_partitions, settings.topic_replication)
            for name in missing
        ]
        response = await admin.create_topics(new)
        for topic, code, *rest in response.topic_errors:
            # 0: created; TopicAlreadyExists: another worker or client created it in between.
            if code not in (0, TopicAlreadyExistsError.errno):
                detail = rest[0] if rest and rest[0] else for_code(code).__name__
                raise TopicCreationError(f"could not create topic {topic!r}: {detail}")
        await _wait_for_leaders(admin, missing)
        log.info("created topics", extra={"topics": missing})
        return missing
    finally:
        await admin.close()


async def _wait_for_leaders(
    admin: AIOKafkaAdminClient, topics: list[str], within: float = 15.0
) -> None:
    """Wait until every partition of ``topics`` has a leader, so first sends don't bounce."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        described = await admin.describe_topics(topics)
        if len(described) == len(topics) and all(
            t["error_code"] == 0
            and t["partitions"]
            and all(p["error_code"] == 0 and p["leader"] >= 0 for p in t["partitions"])
            for t in described
        ):
            return
        await asyncio.sleep(0.2)
