"""Settings for an integration test: topics and a consumer group of its own on the session's
broker, so that tests never see each other's records."""

from __future__ import annotations

import uuid
from typing import Any

from factwire.settings import Settings


def own_settings(bootstrap: str, prefix: str, **more: Any) -> Settings:
    """Topics ``<prefix>-<run>.raw/.enriched/.dlq`` and group ``<prefix>-<run>`` for a fresh
    run id; the rules extractor in one process (fast). ``more`` overrides any setting."""
    run = f"{prefix}-{uuid.uuid4().hex[:8]}"
    values: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "raw_topic": f"{run}.raw",
        "enriched_topic": f"{run}.enriched",
        "dlq_topic": f"{run}.dlq",
        "group_id": run,
        "extractor": "rules",
        "concurrency": 1,
        "topic_partitions": 1,
        "batch_wait_ms": 50,
        "log_level": "info",
    }
    return Settings(**{**values, **more})
