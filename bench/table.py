"""``python -m bench.table [results.json]``: a Markdown summary of a run (default: the latest),
for quoting in a README."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson

from bench.run import RESULTS_DIR


def latest() -> Path:
    runs = sorted(RESULTS_DIR.glob("*.json"))
    if not runs:
        raise SystemExit(f"no results in {RESULTS_DIR}: run `make bench` first")
    return runs[-1]


def _g(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _n(value: Any, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def markdown(results: dict[str, Any], name: str) -> str:
    m = results["machine"]
    ex = results.get("extraction", {})
    sp = _g(results, "end_to_end", "spacy") or {}
    lines = [
        f"Run `{name}` ({results['mode']}): `{results['command']}` at commit "
        f"`{(m.get('git_commit') or '?')[:10]}` on {m['cores']} x {m['cpu_model']}, "
        f"{m['memory_gb']} GB, Python {m['python']}, Kafka {m.get('kafka_version')}; "
        f"load average {results['load_average_start']} at start, "
        f"{results['load_average_end']} at end. {results.get('note') or ''}".rstrip(),
        "",
        "| figure | value |",
        "|---|---|",
    ]

    def row(label: str, value: str) -> None:
        lines.append(f"| {label} | {value} |")

    for backend in ("hybrid", "spacy", "rules"):
        for mode in ("single", "pool", "worker_pool"):
            rate = _g(ex, backend, mode)
            if rate:
                row(
                    f"(a) {backend} extraction, {mode.replace('_', ' ')}",
                    f"{_n(rate['articles_per_s'], 2)} articles/s, {_n(rate['words_per_s'], 0)}"
                    " words/s",
                )
    for key, label in (("raw_ner", "NER-only exclude list"), ("raw_ner_alone", "NER alone")):
        if _g(ex, key):
            row(f"(a) raw spaCy, {label}", f"{_n(ex[key]['words_per_s'], 0)} words/s")
    if results.get("plumbing"):
        row("(b) bare passthrough", f"{_n(results['plumbing']['records_per_s'], 0)} records/s")
    for backend in ("hybrid", "spacy", "rules"):
        sat = _g(results, "end_to_end", backend, "saturation")
        if sat:
            row(
                f"(c) end to end, {backend}, saturation",
                f"{_n(sat['articles_per_s'], 2)} articles/s; worker main-process CPU "
                f"{_n(sat['worker_main_cpu_ms_per_article'], 2)} ms/article",
            )
    lat = sp.get("latency")
    if lat:
        row(
            f"(c) latency at {_n(lat['rate_per_s'], 2)} articles/s",
            f"p50 {_n(lat['p50_ms'], 0)} ms, p95 {_n(lat['p95_ms'], 0)} ms, "
            f"p99 {_n(lat['p99_ms'], 0)} ms ({lat['articles']} articles)",
        )
    for checkpoint, sample in (_g(sp, "memory", "checkpoints") or {}).items():
        rss = sample.get("rss_mb_median", sample["rss_mb"])
        row(f"(d) worker RSS after {checkpoint} articles", f"{_n(rss, 0)} MB")
    lines += ["", "| target | value | holds |", "|---|---|---|"]
    for check in results.get("targets", []):
        value = "-" if check["value"] is None else f"{check['value']:.4g}{check['unit']}"
        verdict = {True: "yes", False: "no", None: "n/a"}[check["holds"]]
        lines.append(f"| {check['name']} | {value} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else latest()
    print(markdown(orjson.loads(path.read_bytes()), path.name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
