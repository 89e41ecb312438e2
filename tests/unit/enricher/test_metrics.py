"""The worker's /metrics text: the names, labels and values a scrape finds, each documented."""

from __future__ import annotations

import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from faust.types import TP
from prometheus_client.parser import text_string_to_metric_families

from factwire.enricher.metrics import Metrics, faust_lag

DOCS = Path(__file__).parents[3] / "docs" / "observability.md"


def scrape(metrics: Metrics) -> dict[str, list[tuple[str, dict[str, str], float]]]:
    """Metric family name -> its samples, parsed from the text a Prometheus server reads."""
    return {
        family.name: [(s.name, s.labels, s.value) for s in family.samples]
        for family in text_string_to_metric_families(metrics.text().decode())
    }


def busy_metrics() -> Metrics:
    metrics = Metrics()
    metrics.took(5)
    metrics.was_enriched(processing_ms=12.0, raw_timestamp=time.time() - 0.2)
    metrics.was_enriched(processing_ms=30.0, raw_timestamp=None)
    metrics.duplicates.inc()
    metrics.dead_lettered("decode", "MissingKey")
    metrics.dead_lettered("decode", "MissingKey")
    metrics.dead_lettered("extract", "ExtractTimeoutError")
    metrics.watch_pool_size(lambda: 3)
    metrics.watch_lag(lambda: {("articles.raw", 1): 7, ("articles.raw", 0): 0})
    return metrics


def test_a_scrape_shows_counters_per_outcome_and_dead_letters_by_stage_and_type() -> None:
    families = scrape(busy_metrics())
    assert families["factwire_records"] == [("factwire_records_total", {}, 5.0)]
    assert families["factwire_batches"] == [("factwire_batches_total", {}, 1.0)]
    assert families["factwire_enriched"] == [("factwire_enriched_total", {}, 2.0)]
    assert families["factwire_duplicates"] == [("factwire_duplicates_total", {}, 1.0)]
    dead = {
        (labels["stage"], labels["type"]): value
        for name, labels, value in families["factwire_dead_letters"]
        if name == "factwire_dead_letters_total"
    }
    assert dead == {("decode", "MissingKey"): 2.0, ("extract", "ExtractTimeoutError"): 1.0}
    assert families["factwire_extraction_processes"] == [("factwire_extraction_processes", {}, 3.0)]


def test_the_consumer_lag_is_a_gauge_per_topic_and_partition_read_at_scrape_time() -> None:
    assert scrape(busy_metrics())["factwire_consumer_lag"] == [
        ("factwire_consumer_lag", {"topic": "articles.raw", "partition": "0"}, 0.0),
        ("factwire_consumer_lag", {"topic": "articles.raw", "partition": "1"}, 7.0),
    ]


@pytest.mark.parametrize(
    ("family", "count", "total_seconds"),
    [
        ("factwire_extract_seconds", 2.0, 0.042),  # from each article's processing time
        ("factwire_end_to_end_latency_seconds", 1.0, 0.2),  # only records with a timestamp
    ],
)
def test_histograms_count_articles_and_sum_their_seconds(
    family: str, count: float, total_seconds: float
) -> None:
    samples = {name: value for name, labels, value in scrape(busy_metrics())[family]}
    assert samples[f"{family}_count"] == count
    assert samples[f"{family}_sum"] == pytest.approx(total_seconds, abs=0.05)


def test_every_metric_on_the_page_is_documented_with_its_labels() -> None:
    documented = dict(
        re.findall(r"^\| `(factwire_[a-z_]+)(?:\{([a-z_, ]+)\})?` \|", DOCS.read_text(), re.M)
    )
    served = {}
    for family in text_string_to_metric_families(busy_metrics().text().decode()):
        name = family.samples[0].name if family.type in ("counter", "gauge") else family.name
        labels = {k for s in family.samples for k in s.labels if k not in ("le",)}
        served[name] = ", ".join(sorted(labels))
    assert served == documented


class FakeConsumer:
    def __init__(self, ends: dict[TP, int | None]) -> None:
        self.ends = ends

    def assignment(self) -> set[TP]:
        return set(self.ends)

    def highwater(self, tp: TP) -> int | None:
        return self.ends[tp]


def tp(partition: int) -> TP:
    return TP("articles.raw", partition)


def test_faust_lag_is_the_end_offset_minus_the_committed_offset_of_each_assigned_partition() -> (
    None
):
    p0, p1, p2 = tp(0), tp(1), tp(2)
    app = SimpleNamespace(
        consumer=FakeConsumer({p0: 120, p1: 50, p2: None}),
        monitor=SimpleNamespace(tp_committed_offsets={p0: 100, p2: 4}),
    )
    # p1: never committed by this worker, p2: never fetched -> unknown, left out
    assert faust_lag(app)() == {("articles.raw", 0): 20}


def test_faust_lag_is_empty_before_the_consumer_runs() -> None:
    class NotStarted:
        def assignment(self) -> set[object]:
            raise RuntimeError("consumer not started")

    app = SimpleNamespace(consumer=NotStarted(), monitor=SimpleNamespace(tp_committed_offsets={}))
    assert faust_lag(app)() == {}
