"""``python -m bench``: every figure of issue 5 in one run on one broker, then the target checks.

Extraction-only figures come first (no broker running), then one broker serves the plumbing
ceiling and the end-to-end runs. The broker is a fresh local one unless FACTWIRE_BOOTSTRAP_SERVERS
names one. The results go to ``bench/results/<UTC timestamp>.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bench import bench_claims, extraction, machine, report
from bench.corpus import build_corpus
from bench.endtoend import Plan, run_worker_bench
from bench.kafka import BenchError, make_records
from bench.plumbing import passthrough
from bench.proc import find_process
from factwire.settings import Settings

RESULTS_DIR = Path(__file__).resolve().parent / "results"
PARTS = ("extraction", "claims", "plumbing", "e2e")


@dataclass(frozen=True)
class Sizes:
    extraction_articles: int
    repeats: int
    plumbing_records: int
    spacy_plan: Plan
    rules_plan: Plan
    hybrid_plan: Plan  # saturation only: its ratio to spacy end to end
    claims_repeats: int  # of the claim stage over the whole corpus (best kept)


FULL = Sizes(
    extraction_articles=200,
    repeats=2,
    plumbing_records=5000,
    spacy_plan=Plan(
        warmup=20, saturation=1000, latency_seconds=90, memory_checkpoints=(5000, 20000)
    ),
    rules_plan=Plan(warmup=20, saturation=3000, latency_seconds=20),
    hybrid_plan=Plan(warmup=20, saturation=1000, latency_seconds=0),
    claims_repeats=5,
)
QUICK = Sizes(
    extraction_articles=40,
    repeats=1,
    plumbing_records=1000,
    spacy_plan=Plan(
        warmup=8,
        saturation=100,
        latency_seconds=20,
        memory_checkpoints=(300, 1200),
        idle_seconds=5,
    ),
    rules_plan=Plan(warmup=8, saturation=500, latency_seconds=0, idle_seconds=5),
    hybrid_plan=Plan(warmup=8, saturation=100, latency_seconds=0, idle_seconds=5),
    claims_repeats=2,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="factwire benchmarks: extraction only, the Kafka plumbing ceiling, and end to "
        "end through the worker, with the issue-5 target checks. Starts a local Kafka broker "
        "unless FACTWIRE_BOOTSTRAP_SERVERS is set. Development data: FACTWIRE_BENCH_DATA.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes: a smoke run of a few minutes"
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated subset of {','.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--e2e-backends",
        default="hybrid,spacy,rules",
        help="backends measured end to end (default: hybrid,spacy,rules; the worker's targets "
        "use spacy, hybrid is compared with it)",
    )
    parser.add_argument(
        "--batch", type=int, default=8, help="articles per extraction call (default 8)"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="extraction-only pool size (default: one per core, as the worker)",
    )
    parser.add_argument(
        "--saturation",
        type=int,
        help="records pre-loaded for the saturation measurement of spacy and hybrid",
    )
    parser.add_argument(
        "--latency-seconds", type=float, help="duration of the paced latency measurement"
    )
    parser.add_argument(
        "--memory",
        help="articles processed at which the worker's memory is read, e.g. 5000,20000",
    )
    parser.add_argument("--note", default="", help="free text stored in the results file")
    parser.add_argument(
        "--no-save", action="store_true", help="do not write bench/results/<timestamp>.json"
    )
    args = parser.parse_args(argv)
    args.parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {sorted(unknown)}: choose from {PARTS}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = with_overrides(QUICK if args.quick else FULL, args)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # aiokafka warns about retries it recovers from (new partitions still electing a leader)
    # and logs a new topic's partitions as not led at first; real failures surface as errors here
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    started = datetime.now(UTC)
    corpus = build_corpus()
    articles = corpus.cycle(sizes.extraction_articles)
    print(
        f"factwire bench ({'quick' if args.quick else 'full'}): corpus of "
        f"{len(corpus.articles)} articles ({corpus.words / len(corpus.articles):.0f} words on "
        f"average) from the {corpus.source}; load average {machine.load_average()}"
    )
    results: dict[str, Any] = {
        "started_at": started.isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "command": "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv),
        "note": args.note,
        "load_average_start": machine.load_average(),
        "corpus": {
            "source": corpus.source,
            "articles": len(corpus.articles),
            "words": corpus.words,
            "measured_articles": len(articles),
            "measured_words": sum(a.words for a in articles),
        },
        "errors": {},
        "machine": machine.describe(None),  # the commit as the run starts
    }
    try:
        if "extraction" in args.parts:
            results["extraction"] = run_extraction(articles, args, sizes.repeats)
            results["extraction"]["load_average_end"] = machine.load_average()
            report.print_extraction(results["extraction"])
        if "claims" in args.parts:
            # the whole corpus, entities of the rules backend (cheap to find; not timed)
            results["claims"] = bench_claims.measure(corpus.articles, "rules", sizes.claims_repeats)
            print("\n(claims) the claim stage alone, next to a reference split in the same process")
            bench_claims.print_claims(results["claims"], corpus.source)
        if {"plumbing", "e2e"} & set(args.parts):
            with kafka_broker() as (bootstrap, kafka_version, broker_pid):
                results["broker"] = {"bootstrap": bootstrap, "kafka_version": kafka_version}
                results["machine"]["kafka_version"] = kafka_version
                asyncio.run(
                    run_kafka_parts(bootstrap, broker_pid, corpus.articles, args, sizes, results)
                )
    except KeyboardInterrupt:
        results["errors"]["interrupted"] = "stopped by the user"
    finally:
        results["load_average_end"] = machine.load_average()
        results["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
        checks = report.checks(results)
        results["targets"] = [c.as_dict() for c in checks]
        print("\ntargets (ratios within this run)")
        for check in checks:
            print(check.line())
        results["cpu_view"] = report.cpu_view(results)
        report.print_cpu_view(results["cpu_view"])
        for part, error in results["errors"].items():
            print(f"\n{part} failed: {error}", file=sys.stderr)
        if not args.no_save:
            path = save(results, started)
            print(f"\nresults: {path}  ({results['seconds']:.0f} s)")
    return 1 if results["errors"] else 0


def with_overrides(sizes: Sizes, args: argparse.Namespace) -> Sizes:
    plan = sizes.spacy_plan
    if args.saturation is not None:
        plan = replace(plan, saturation=args.saturation)
        sizes = replace(sizes, hybrid_plan=replace(sizes.hybrid_plan, saturation=args.saturation))
    if args.latency_seconds is not None:
        plan = replace(plan, latency_seconds=args.latency_seconds)
    if args.memory is not None:
        checkpoints = tuple(int(n) for n in args.memory.split(",") if n.strip())
        plan = replace(plan, memory_checkpoints=checkpoints)
    return replace(sizes, spacy_plan=plan)


def run_extraction(articles: list[Any], args: argparse.Namespace, repeats: int) -> dict[str, Any]:
    """Single process and pool per backend, and spaCy's raw NER; repeated measurements are
    interleaved and the fastest kept, so that a burst of other load hits one of them only."""
    out: dict[str, Any] = {}
    single: dict[str, list[extraction.Rate]] = {"hybrid": [], "spacy": [], "rules": []}
    raw: list[extraction.Rate] = []
    alone: list[extraction.Rate] = []
    for _ in range(repeats):
        raw.append(extraction.raw_ner(articles))
        alone.append(extraction.raw_ner(articles, without_tok2vec=True))
        for backend, rates in single.items():
            rates.append(extraction.extract_single(backend, articles, args.batch))
    for backend, rates in single.items():
        out[backend] = {"single": extraction.best(rates).as_dict()}
        pooled = [
            extraction.extract_pool(backend, articles, args.batch, args.processes)
            for _ in range(repeats)
        ]
        out[backend]["pool"] = extraction.best(pooled).as_dict() | {"processes": args.processes}
        try:
            batch = Settings.from_env().batch_size
            in_worker_pool = [
                extraction.worker_pool(backend, articles, batch, args.processes)
                for _ in range(repeats)
            ]
            out[backend]["worker_pool"] = extraction.best(in_worker_pool).as_dict() | {
                "processes": args.processes,
                "batch": batch,
            }
        except ImportError as exc:  # the worker's pool is not there (yet)
            out[backend]["worker_pool_error"] = repr(exc)
    out["raw_ner"] = extraction.best(raw).as_dict()
    out["raw_ner_alone"] = extraction.best(alone).as_dict()
    out["batch"] = args.batch
    out["repeats"] = repeats
    return out


async def run_kafka_parts(
    bootstrap: str,
    broker_pid: int | None,
    corpus_articles: tuple[Any, ...],
    args: argparse.Namespace,
    sizes: Sizes,
    results: dict[str, Any],
) -> None:
    settings = Settings.from_env(bootstrap_servers=bootstrap)
    run_id = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if "plumbing" in args.parts:
        records = make_records(corpus_articles, run_id, 0, sizes.plumbing_records)
        try:
            ceiling = await passthrough(settings, records, run_id)
            results["plumbing"] = ceiling.as_dict() | {"partitions": settings.topic_partitions}
            report.print_plumbing(results["plumbing"])
        except Exception as exc:  # report and go on with the other parts
            results["errors"]["plumbing"] = repr(exc)
    if "e2e" in args.parts:
        results["end_to_end"] = {}
        plans = {"spacy": sizes.spacy_plan, "rules": sizes.rules_plan, "hybrid": sizes.hybrid_plan}
        for backend in [b.strip() for b in args.e2e_backends.split(",") if b.strip()]:
            print(f"\nend to end, {backend}: starting the worker ...")
            try:
                part = await run_worker_bench(
                    settings,
                    bootstrap,
                    corpus_articles,
                    backend,
                    plans[backend],
                    run_id,
                    broker_pid=broker_pid,
                )
            except (BenchError, OSError) as exc:
                results["errors"][f"e2e-{backend}"] = str(exc)
                continue
            results["end_to_end"][backend] = part | {"load_average_end": machine.load_average()}
            report.print_end_to_end(backend, part)


@contextlib.contextmanager
def kafka_broker() -> Iterator[tuple[str, str | None, int | None]]:
    """(bootstrap servers, Kafka version, broker pid when local): the configured broker, or a
    fresh local one."""
    configured = os.environ.get("FACTWIRE_BOOTSTRAP_SERVERS")
    if configured:
        print(f"\nbroker: {configured} (FACTWIRE_BOOTSTRAP_SERVERS)")
        yield configured, os.environ.get("FACTWIRE_BENCH_KAFKA_VERSION"), None
        return
    from factwire import localkafka

    print("\nbroker: starting a local Kafka broker ...")
    began = time.monotonic()
    with localkafka.LocalBroker() as broker:
        version = getattr(localkafka, "KAFKA_VERSION", None)
        print(f"broker: {broker.bootstrap} (Kafka {version}) in {time.monotonic() - began:.0f} s")
        pid = find_process(str(broker.data_dir)) if broker.data_dir is not None else None
        yield broker.bootstrap, version, pid


def save(results: dict[str, Any], started: datetime) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{started.strftime('%Y-%m-%dT%H-%M-%SZ')}.json"
    path.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
    return path
