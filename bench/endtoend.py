"""(c) and (d) End to end through the real worker: a ``factwire worker`` subprocess on fresh
topics, fed by this process and watched on its output topics.

One worker run does, in order: warm-up (model loading and group join are not timed), saturation
(pre-load N records, time until the last enriched event arrives), latency at half the saturation
rate (paced publishing, publish -> enriched per record), then a bulk load up to the memory
checkpoints, reading the resident memory of the worker's process tree as each one is passed.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import CorpusArticle
from bench.kafka import BenchError, Watcher, make_records, new_producer, publish_all
from bench.proc import TreeSample, cpu_seconds, sample_tree
from factwire.client import ensure_topics
from factwire.processes import start_worker_process
from factwire.settings import Settings


@dataclass(frozen=True)
class Plan:
    """How many records each phase uses."""

    warmup: int
    saturation: int
    latency_seconds: float
    memory_checkpoints: tuple[int, ...] = ()  # articles processed in all, e.g. (5000, 20000)
    idle_seconds: float = 10.0  # CPU of the idle worker and broker (the clock ticks in 10 ms)
    worker_timeout: float = 300.0


@dataclass
class WorkerRun:
    backend: str
    results: dict[str, Any] = field(default_factory=dict)


async def run_worker_bench(
    settings: Settings,
    bootstrap: str,
    articles: Sequence[CorpusArticle],
    backend: str,
    plan: Plan,
    run_id: str,
    log: Any = print,
    broker_pid: int | None = None,
) -> dict[str, Any]:
    """Measure one backend end to end; returns the figures as a dict for the results file."""
    prefix = f"bench.{run_id}.{backend}"
    topics = {"raw": f"{prefix}.raw", "enriched": f"{prefix}.enriched", "dlq": f"{prefix}.dlq"}
    options = settings.kafka_client_options()
    await ensure_topics(settings, topics.values())
    worker_settings = settings.with_overrides(
        bootstrap_servers=bootstrap,
        raw_topic=topics["raw"],
        enriched_topic=topics["enriched"],
        dlq_topic=topics["dlq"],
        group_id=f"bench-{run_id}-{backend}",
        extractor=backend,
        log_level="warning",
    )
    watcher = Watcher(options, topics["enriched"], topics["dlq"])
    await watcher.start()
    producer = new_producer(options)
    await producer.start()
    results: dict[str, Any] = {"backend": backend, "topics": topics}
    workdir = Path(tempfile.mkdtemp(prefix="factwire-bench-"))
    log_path = workdir / "worker.log"
    next_index = 0

    def records(count: int) -> list[tuple[bytes, bytes]]:
        nonlocal next_index
        batch = make_records(articles, run_id, next_index, count)
        next_index += count
        return batch

    try:
        with start_worker_process(worker_settings, log_path=log_path, cwd=workdir) as worker:
            alive = worker.alive

            started = time.monotonic()
            await publish_all(producer, topics["raw"], records(plan.warmup))
            await watcher.wait_for(plan.warmup, plan.worker_timeout, alive)
            results["startup_s"] = round(time.monotonic() - started, 2)
            results["pool_processes"] = len(sample_tree(worker.pid).pids) - 1
            log(f"  worker ready in {results['startup_s']} s")
            idle = await _idle_cpu([worker.pid, broker_pid], plan.idle_seconds)
            results["idle_main_cpu_ms_per_s"] = round(1000 * idle[0], 2)
            results["idle_broker_cpu_ms_per_s"] = (
                None if broker_pid is None else round(1000 * idle[1], 2)
            )

            results["saturation"] = await _saturation(
                watcher,
                producer,
                topics["raw"],
                records(plan.saturation),
                worker.pid,
                broker_pid,
                idle,
                alive,
                plan,
            )
            rate = results["saturation"]["articles_per_s"]
            log(f"  saturation: {rate:.2f} articles/s")

            if plan.latency_seconds > 0:
                results["latency"] = await _latency(
                    watcher,
                    producer,
                    topics["raw"],
                    records,
                    rate / 2,
                    plan.latency_seconds,
                    alive,
                    plan,
                )
                latency = results["latency"]
                log(f"  latency at {rate / 2:.2f}/s: p99 {latency['p99_ms']:.0f} ms")

            if plan.memory_checkpoints:
                log(f"  loading up to {max(plan.memory_checkpoints)} articles for memory ...")
                results["memory"] = await _memory(
                    watcher, producer, topics["raw"], records, next_index, worker.pid, alive, plan
                )
            results["duplicates"] = watcher.duplicates
            results["dead_letters"] = len(watcher.dead)
            results["extractors_seen"] = sorted(watcher.extractors)
            if watcher.arrived:
                results["mean_entities"] = round(watcher.entities / len(watcher.arrived), 2)
                results["mean_claims"] = round(watcher.claims / len(watcher.arrived), 2)
    except BenchError as exc:
        tail = log_path.read_text("utf-8", "replace")[-3000:] if log_path.exists() else ""
        raise BenchError(f"{exc}\n--- worker log (last lines) ---\n{tail}") from exc
    finally:
        await producer.stop()
        await watcher.stop()
    return results


async def _saturation(
    watcher: Watcher,
    producer: Any,
    topic: str,
    batch: list[tuple[bytes, bytes]],
    pid: int,
    broker_pid: int | None,
    idle: list[float],
    alive: Any,
    plan: Plan,
) -> dict[str, Any]:
    """All records published at once; the rate is records over the span from the first send to
    the arrival of the last enriched event. The worker's CPU time is split into its main process
    (Kafka, Faust, validation, serialisation) and its pool (extraction); the broker's and this
    process's CPU time are the rest of what shares the cores."""
    before = sample_tree(pid)
    broker_before = cpu_seconds(broker_pid) if broker_pid else None
    bench_before = time.process_time()
    target = watcher.done + len(batch)
    keys = [key.decode() for key, _ in batch]
    sent = await publish_all(producer, topic, batch)
    timeout = plan.worker_timeout + len(batch) * 2.0
    await watcher.wait_for(target, timeout, alive)
    finished = max(watcher.arrived.get(k, watcher.dead.get(k, 0.0)) for k in keys)
    after = sample_tree(pid)
    seconds = finished - sent
    count = len(batch)
    broker_cpu = (
        cpu_seconds(broker_pid) - broker_before
        if broker_pid is not None and broker_before is not None
        else None
    )
    main_cpu = after.root_cpu_s - before.root_cpu_s
    return {
        "articles": count,
        "seconds": round(seconds, 3),
        "articles_per_s": round(count / seconds, 3),
        "ms_per_article": round(1000 * seconds / count, 3),
        **_cpu_split(before, after, count),
        "broker_cpu_ms_per_article": None
        if broker_cpu is None
        else round(1000 * broker_cpu / count, 3),
        "bench_cpu_ms_per_article": round(1000 * (time.process_time() - bench_before) / count, 3),
        # what the worker's event loop and the broker spend when idle (timers, heartbeats,
        # fetch loops) is not per-article work: at low rates it dominates the figures above
        "worker_main_cpu_ms_per_article_net_of_idle": _net(main_cpu, idle[0], seconds, count),
        "broker_cpu_ms_per_article_net_of_idle": None
        if broker_cpu is None
        else _net(broker_cpu, idle[1], seconds, count),
    }


def _net(cpu: float, idle_per_s: float, seconds: float, count: int) -> float:
    """CPU ms per article above the idle rate (never below zero: the idle rate is an estimate)."""
    return round(max(1000 * (cpu - idle_per_s * seconds) / count, 0.0), 3)


async def _idle_cpu(pids: list[int | None], seconds: float) -> list[float]:
    """CPU seconds per second that each process uses with nothing to do (0 for None)."""
    before = [cpu_seconds(pid) if pid else 0.0 for pid in pids]
    await asyncio.sleep(seconds)
    after = [cpu_seconds(pid) if pid else 0.0 for pid in pids]
    return [(a - b) / seconds for a, b in zip(after, before, strict=True)]


def _cpu_split(before: TreeSample, after: TreeSample, count: int) -> dict[str, float]:
    root = after.root_cpu_s - before.root_cpu_s
    pool = after.children_cpu_s - before.children_cpu_s
    return {
        "worker_main_cpu_ms_per_article": round(1000 * root / count, 3),
        "worker_pool_cpu_ms_per_article": round(1000 * pool / count, 3),
    }


async def _latency(
    watcher: Watcher,
    producer: Any,
    topic: str,
    records: Any,
    rate: float,
    seconds: float,
    alive: Any,
    plan: Plan,
) -> dict[str, Any]:
    """Publish at a steady ``rate`` for ``seconds``; latency is the time from the send call to
    the arrival of the enriched event, both on this process's monotonic clock."""
    count = max(int(rate * seconds), 10)
    batch = records(count)
    target = watcher.done + count
    sent_at: dict[str, float] = {}
    start = time.monotonic()
    pending = []
    for i, (key, value) in enumerate(batch):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sent_at[key.decode()] = time.monotonic()
        pending.append(await producer.send(topic, value=value, key=key))
    await asyncio.gather(*pending)
    await watcher.wait_for(target, plan.worker_timeout, alive)
    latencies = sorted(watcher.arrived[k] - t for k, t in sent_at.items() if k in watcher.arrived)
    if not latencies:
        raise BenchError("no enriched event arrived during the latency measurement")
    return {
        "rate_per_s": round(rate, 3),
        "articles": len(latencies),
        "dead_letters": count - len(latencies),
        "p50_ms": round(1000 * _percentile(latencies, 50), 1),
        "p95_ms": round(1000 * _percentile(latencies, 95), 1),
        "p99_ms": round(1000 * _percentile(latencies, 99), 1),
        "max_ms": round(1000 * latencies[-1], 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1),
    }


def _percentile(ordered: list[float], pct: float) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


async def _memory(
    watcher: Watcher,
    producer: Any,
    topic: str,
    records: Any,
    published: int,
    pid: int,
    alive: Any,
    plan: Plan,
) -> dict[str, Any]:
    """Publish up to the last checkpoint in chunks (bounded memory in this process) and read the
    worker tree's memory about once a second. A single reading swings by tens of MB with the
    batches in flight, so each checkpoint is the median of the readings over the last tenth of
    the articles before it (the reading at the checkpoint itself is kept too)."""
    checkpoints = sorted(plan.memory_checkpoints)
    remaining = max(checkpoints[-1] - published, 0)
    samples: dict[str, Any] = {}
    readings: list[tuple[int, TreeSample]] = []
    series: list[dict[str, Any]] = []
    series_step = max(checkpoints[-1] // 20, 50)
    feeder = asyncio.create_task(_feed(producer, topic, records, remaining, watcher))
    started, start_done = time.monotonic(), watcher.done
    passed: dict[int, float] = {}
    trees: dict[int, TreeSample] = {}
    next_series = next_reading = 0.0
    try:
        for checkpoint in checkpoints:
            while watcher.done < checkpoint:
                if not alive():
                    raise BenchError(f"the worker exited after {watcher.done} articles")
                if feeder.done() and feeder.exception() is not None:
                    raise BenchError(f"publishing failed: {feeder.exception()!r}")
                if time.monotonic() >= next_reading:
                    readings.append((watcher.done, sample_tree(pid)))
                    next_reading = time.monotonic() + 1.0
                if watcher.done >= next_series:
                    series.append({"articles": watcher.done, **readings[-1][1].as_dict()})
                    next_series = watcher.done + series_step
                await asyncio.sleep(0.25)
            sample = sample_tree(pid)
            readings.append((watcher.done, sample))
            trees[checkpoint] = sample
            passed[checkpoint] = time.monotonic()
            window = [r for done, r in readings if done >= checkpoint - max(checkpoint // 10, 1)]
            samples[str(checkpoint)] = {
                "articles": watcher.done,
                **sample.as_dict(),
                "rss_mb_median": round(statistics.median(r.rss_kb for r in window) / 1024, 1),
                "pss_mb_median": round(statistics.median(r.pss_kb for r in window) / 1024, 1),
                "readings": len(window),
            }
        await feeder
    finally:
        feeder.cancel()
    first, last = str(checkpoints[0]), str(checkpoints[-1])
    result: dict[str, Any] = {"checkpoints": samples, "series": series}
    if len(checkpoints) > 1:
        a, b = samples[first], samples[last]
        result["rss_growth_pct"] = _growth(a["rss_mb_median"], b["rss_mb_median"])
        result["pss_growth_pct"] = _growth(a["pss_mb_median"], b["pss_mb_median"])
        result["rss_growth_pct_single_readings"] = _growth(a["rss_mb"], b["rss_mb"])
        span = passed[checkpoints[-1]] - passed[checkpoints[0]]
        counted = b["articles"] - a["articles"]
        result["sustained_articles_per_s"] = round(counted / span, 3) if span else None
        result["sustained_cpu"] = _cpu_split(
            trees[checkpoints[0]], trees[checkpoints[-1]], max(counted, 1)
        )
    result["bulk_seconds"] = round(time.monotonic() - started, 1)
    result["bulk_articles"] = watcher.done - start_done
    return result


def _growth(before: float, after: float) -> float:
    return round(100 * (after - before) / before, 2)


async def _feed(producer: Any, topic: str, records: Any, count: int, watcher: Watcher) -> None:
    """Send ``count`` records in chunks, keeping at most about 2,000 ahead of the worker."""
    done_before = watcher.done
    sent = 0
    while sent < count:
        backlog = done_before + sent - watcher.done
        if backlog > 1000:
            await asyncio.sleep(0.5)
            continue
        chunk = min(1000, count - sent)
        await publish_all(producer, topic, records(chunk))
        sent += chunk
