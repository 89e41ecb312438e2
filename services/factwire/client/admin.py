"""Topic administration: create factwire's topics when they are missing, and describe them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError, for_code

from factwire.client.errors import TopicCreationError
from factwire.settings import Settings

log = logging.getLogger(__name__)


async def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create the raw, enriched and dead-letter topics (or ``names``) that don't exist yet.

    Partitions, replication and retention come from the settings. Returns the names it created.
    """
    wanted = list(names or topic_names(settings))
    admin = AIOKafkaAdminClient(**settings.kafka_client_options(AIOKafkaAdminClient))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in dict.fromkeys(wanted) if name not in existing]
        if not missing:
            await _wait_for_leaders(admin, wanted)  # e.g. created by someone else a moment ago
            return []
        configs = {"retention.ms": str(settings.topic_retention_ms)}
        new = [
            NewTopic(name, settings.topic_partitions, settings.topic_replication, None, configs)
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


def topic_names(settings: Settings) -> tuple[str, str, str]:
    """The raw, enriched and dead-letter topics."""
    return (settings.raw_topic, settings.enriched_topic, settings.dlq_topic)


@dataclass(frozen=True)
class TopicInfo:
    """What the broker says about one topic."""

    name: str
    partitions: int
    replication: int
    retention_ms: str | None
    max_message_bytes: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.name,
            "partitions": self.partitions,
            "replication": self.replication,
            "retention.ms": self.retention_ms,
            "max.message.bytes": self.max_message_bytes,
        }


@dataclass(frozen=True)
class ClusterInfo:
    """factwire's topics and the broker's record size limit (``message.max.bytes``)."""

    topics: list[TopicInfo]
    broker_id: int
    message_max_bytes: int | None


async def describe_topics(settings: Settings, names: Iterable[str] | None = None) -> ClusterInfo:
    """Partitions, replication and retention of ``names`` (default: factwire's three topics),
    and ``message.max.bytes`` of the broker that answers."""
    wanted = list(names or topic_names(settings))
    admin = AIOKafkaAdminClient(**settings.kafka_client_options(AIOKafkaAdminClient))
    await admin.start()
    try:
        described = await admin.describe_topics(wanted)
        cluster = await admin.describe_cluster()
        broker_id = int(cluster["brokers"][0]["node_id"])
        resources = [ConfigResource(ConfigResourceType.BROKER, str(broker_id))]
        found = [t["topic"] for t in described if t["error_code"] == 0]
        resources += [ConfigResource(ConfigResourceType.TOPIC, name) for name in found]
        configs = _configs(await admin.describe_configs(resources))
    finally:
        await admin.close()
    topics = [
        TopicInfo(
            name=t["topic"],
            partitions=len(t["partitions"]),
            replication=max((len(p["replicas"]) for p in t["partitions"]), default=0),
            retention_ms=configs.get(t["topic"], {}).get("retention.ms"),
            max_message_bytes=configs.get(t["topic"], {}).get("max.message.bytes"),
        )
        for t in described
        if t["error_code"] == 0
    ]
    limit = configs.get(str(broker_id), {}).get("message.max.bytes")
    return ClusterInfo(topics, broker_id, int(limit) if limit else None)


def _configs(responses: list[Any]) -> dict[str, dict[str, str]]:
    """resource name -> {config name: value} from DescribeConfigs responses."""
    found: dict[str, dict[str, str]] = {}
    for response in responses:
        for resource in response.to_object()["resources"]:
            entries = resource["config_entries"]
            found[resource["resource_name"]] = {
                e["config_names"]: e["config_value"] for e in entries
            }
    return found
