"""Quick speed check of the `rules` backend on one core: ``python -m bench.bench_rules``.

Measures words per second of the backend's mentions alone and of the whole extraction (mentions,
entities, claims, salience) on the benchmark corpus (bench/corpus.py), in this one process. Word
lists are loaded before timing; the best of several repeats is reported, since other load on the
machine only ever slows a run down, both in wall-clock time and in CPU time of this process (the
figure least disturbed by other programs on a busy machine).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from bench.corpus import build_corpus
from factwire.extraction import ArticleText, get_extractor
from factwire.extraction.backends.rules import RulesBackend


def best_seconds(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of this process over the repeats."""
    wall, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--articles", type=int, default=0, help="only the first N (0: all)")
    args = parser.parse_args(argv)
    corpus = build_corpus()
    articles = corpus.articles[: args.articles] if args.articles else corpus.articles
    texts = [ArticleText(body=a.body, title=a.title) for a in articles]
    words = sum(a.words for a in articles)
    backend = RulesBackend()
    extractor = get_extractor("rules")
    extractor.extract_many(texts[:1])  # warm up
    print(f"corpus: {len(texts)} articles, {words:,} words ({corpus.source})")
    print("                      wall-clock words/s   CPU words/s (this process)")
    for label, run in (
        ("rules mentions only", lambda: backend.mentions(texts)),
        ("rules full pipeline", lambda: extractor.extract_many(texts)),
    ):
        wall, cpu = best_seconds(run, args.repeats)
        print(f"{label:<22}{words / wall:>18,.0f}{words / cpu:>14,.0f}")


if __name__ == "__main__":
    main()
