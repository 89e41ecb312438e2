"""The worker's Prometheus metrics (``prometheus_client``), served on its ``/metrics`` page.

Every metric is listed in docs/operations.md ("Metrics"); a unit test scrapes the text and
checks that list. The metrics live in a registry of their own, so that two apps in one process
(tests) do not collide and the page shows only factwire's metrics.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

CONTENT_TYPE = "text/plain; version=0.0.4"  # the web layer adds the charset

#: (topic, partition) -> records behind the partition's end offset.
LagSource = Callable[[], Mapping[tuple[str, int], int]]

# Seconds; extraction of one article takes milliseconds (rules) to a second or more (spaCy on a
# long article); end-to-end latency adds batching, queueing and any backlog.
EXTRACT_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)


class Metrics:
    """Counters and histograms the batch processor updates; the consumer lag is read when
    scraped (``watch_lag``)."""

    def __init__(self) -> None:
        # ``*_created`` samples (one timestamp per series) double the page and say nothing a
        # scraper needs: off for the process, as prometheus_client recommends for such cases.
        disable_created_metrics()  # type: ignore[no-untyped-call]
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.records = Counter(
            "factwire_records", "Raw records taken from the raw topic.", registry=r
        )
        self.batches = Counter("factwire_batches", "Batches processed.", registry=r)
        self.enriched = Counter(
            "factwire_enriched", "Enriched events acknowledged by Kafka.", registry=r
        )
        self.duplicates = Counter(
            "factwire_duplicates",
            "Records skipped because this worker already enriched the same content.",
            registry=r,
        )
        self.dead_letters = Counter(
            "factwire_dead_letters",
            "Records sent to the dead-letter topic, by stage and error type.",
            ["stage", "type"],
            registry=r,
        )
        self.extract_seconds = Histogram(
            "factwire_extract_seconds",
            "Extraction time of one article in an extraction process.",
            buckets=EXTRACT_BUCKETS,
            registry=r,
        )
        self.batch_extract_seconds = Histogram(
            "factwire_batch_extract_seconds",
            "Wall time a batch waited for the extraction pool.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.latency = Histogram(
            "factwire_end_to_end_latency_seconds",
            "From the raw record's timestamp to the enriched event's acknowledgement.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.processes = Gauge(
            "factwire_extraction_processes", "Processes in the extraction pool.", registry=r
        )

    def took(self, records: int) -> None:
        """A batch of ``records`` raw records was taken."""
        self.batches.inc()
        self.records.inc(records)

    def dead_lettered(self, stage: str, error_type: str) -> None:
        self.dead_letters.labels(stage=stage, type=error_type).inc()

    def was_enriched(self, processing_ms: float, raw_timestamp: float | None) -> None:
        """An enriched event was acknowledged; ``raw_timestamp`` is the raw record's (seconds)."""
        self.enriched.inc()
        self.extract_seconds.observe(processing_ms / 1000)
        if raw_timestamp:
            self.latency.observe(max(time.time() - raw_timestamp, 0.0))

    def watch_lag(self, source: LagSource) -> None:
        """Serve ``factwire_consumer_lag`` from ``source``, called at each scrape."""
        self.registry.register(_LagCollector(source))

    def watch_pool_size(self, size: Callable[[], float]) -> None:
        self.processes.set_function(size)

    def text(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)

    def sample(self, name: str, **labels: str) -> float | None:
        """One sample's current value (e.g. ``factwire_enriched_total``), for tests and tools."""
        return self.registry.get_sample_value(name, labels)


class _LagCollector(Collector):
    def __init__(self, source: LagSource) -> None:
        self.source = source

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "factwire_consumer_lag",
            "Records between the group's committed offset and the end of each assigned "
            "partition of the raw topic.",
            labels=["topic", "partition"],
        )
        for (topic, partition), lag in sorted(self.source().items()):
            family.add_metric([topic, str(partition)], lag)
        yield family

    def describe(self) -> Iterator[Metric]:
        # Described without calling the source: registering must not touch the consumer.
        yield GaugeMetricFamily("factwire_consumer_lag", "", labels=["topic", "partition"])


def faust_lag(app: Any) -> LagSource:
    """Consumer lag of a Faust app: each assigned partition's high watermark (as last fetched)
    minus the offset the app last committed for it; partitions not yet fetched or committed by
    this worker are left out."""

    def lag() -> dict[tuple[str, int], int]:
        committed: Mapping[Any, int] = app.monitor.tp_committed_offsets or {}
        found: dict[tuple[str, int], int] = {}
        try:
            for tp in app.consumer.assignment():
                end = app.consumer.highwater(tp)
                done = committed.get(tp)
                if end is not None and done is not None:
                    found[(tp.topic, tp.partition)] = max(end - done, 0)
        except Exception:  # ConsumerNotStarted and friends, before the consumer runs
            return {}
        return found

    return lag
