"""What the worker's web pages say: liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from typing import Any

import faust

from factwire.enricher.batch import Metrics
from factwire.enricher.pool import ExtractionPool

PROMETHEUS_TYPE = "text/plain; version=0.0.4"


def health() -> dict[str, str]:
    """Liveness: the event loop answers."""
    return {"status": "ok"}


def readiness(app: faust.App, pool: ExtractionPool) -> tuple[dict[str, Any], bool]:
    """Ready when the extraction processes are loaded and the consumer has partitions."""
    try:
        assigned = len(app.consumer.assignment())
    except Exception:  # ConsumerNotStarted and friends, before the consumer runs
        assigned = 0
    ready = pool.ready and assigned > 0
    body = {
        "status": "ready" if ready else "starting",
        "extraction_pool": "ready" if pool.ready else "loading",
        "assigned_partitions": assigned,
    }
    return body, ready


def prometheus_text(metrics: Metrics, pool: ExtractionPool) -> str:
    """The counters in the Prometheus text exposition format."""
    lines = [
        "# HELP factwire_records_total Raw records taken from the raw topic.",
        "# TYPE factwire_records_total counter",
        f"factwire_records_total {metrics.records}",
        "# HELP factwire_enriched_total Enriched events acknowledged by Kafka.",
        "# TYPE factwire_enriched_total counter",
        f"factwire_enriched_total {metrics.enriched}",
        "# HELP factwire_duplicates_total Records skipped because their content was enriched.",
        "# TYPE factwire_duplicates_total counter",
        f"factwire_duplicates_total {metrics.duplicates}",
        "# HELP factwire_dead_letters_total Records sent to the dead-letter topic, by stage.",
        "# TYPE factwire_dead_letters_total counter",
        *(
            f'factwire_dead_letters_total{{stage="{stage}"}} {count}'
            for stage, count in sorted(metrics.dead_letters.items())
        ),
        "# HELP factwire_batches_total Batches processed.",
        "# TYPE factwire_batches_total counter",
        f"factwire_batches_total {metrics.batches}",
        "# HELP factwire_extract_seconds_total Wall time spent waiting for extraction.",
        "# TYPE factwire_extract_seconds_total counter",
        f"factwire_extract_seconds_total {metrics.extract_seconds:.6f}",
        "# HELP factwire_extraction_processes Processes in the extraction pool.",
        "# TYPE factwire_extraction_processes gauge",
        f"factwire_extraction_processes {pool.size}",
    ]
    return "\n".join(lines) + "\n"
