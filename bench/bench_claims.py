"""Cost of the claim stage per 1,000 words: ``python -m bench.bench_claims``.

Times ``find_claims`` alone (quotes, reported speech, statements, speakers, check-worthiness)
over the benchmark corpus (bench/corpus.py: the development data, else the package's sample
articles), given the entities a backend found beforehand (not timed). Next to it, in the same
process and interleaved with it, runs a reference: a plain-Python sentence split of the same
texts (``reference_split``, which no change to the project touches), so that the ratio of the
two moves with the code and hardly with the machine. Figures are CPU time of this process, the
best of the repeats: other load only ever slows a run down.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

import factwire.extraction.claims as claims_module
from bench.corpus import CorpusArticle, build_corpus
from factwire.extraction import ArticleText, get_extractor
from factwire.extraction.claims import find_claims
from factwire.models import Entity


def reference_split(text: str) -> int:
    """The number of sentences of a text, split the plain way: at a line end, and after a word
    ending in ".", "!" or "?" when the next word is capitalised. A fixed Python workload of the
    same kind as the claim rules (a loop over words), kept apart from the project's code."""
    count = 0
    for line in text.splitlines():
        words = line.split()
        for k, word in enumerate(words):
            if word[-1] in ".!?" and k + 1 < len(words) and words[k + 1][:1].isupper():
                count += 1
        count += bool(words)
    return count


def best_cpu_seconds(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The best CPU time of each run over the repeats, the runs interleaved in each repeat."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for label, run in runs.items():
            started = time.process_time()
            run()
            best[label] = min(best[label], time.process_time() - started)
    return best


#: The claim stage's cost at the commit issue 11 started from (060b3aa), as the ratio this
#: benchmark prints: 31-32x on the 2-core development VM (bench/README.md). The target of
#: issue 11 is to cost no more per word than then.
BASELINE_RATIO = 32.0


def measure(articles: Sequence[CorpusArticle], backend: str, repeats: int) -> dict[str, Any]:
    """CPU ms per 1,000 words of the claim stage and of the reference split, and their ratio."""
    texts = [ArticleText(body=a.body, title=a.title) for a in articles]
    words = sum(a.words for a in articles)
    entities: list[list[Entity]] = [e.entities for e in get_extractor(backend).extract_many(texts)]
    pairs = list(zip(texts, entities, strict=True))
    for text, found in pairs:  # word lists load on first use: not timed
        find_claims(text, found)
    best = best_cpu_seconds(
        {
            "claims": lambda: [find_claims(text, found) for text, found in pairs],
            "reference": lambda: [reference_split(text.body) for text in texts],
        },
        repeats,
    )
    return {
        "articles": len(texts),
        "words": words,
        "backend": backend,
        "repeats": repeats,
        "claims_ms_per_1000_words": round(best["claims"] * 1e6 / words, 3),
        "reference_ms_per_1000_words": round(best["reference"] * 1e6 / words, 3),
        "ratio": round(best["claims"] / best["reference"], 2),
        # the claim rules compiled with mypyc (`make compiled`), or their plain Python
        "compiled": not claims_module.__file__.endswith(".py") if claims_module.__file__ else False,
        "baseline_ratio": BASELINE_RATIO,
    }


def print_claims(part: dict[str, Any], source: str = "") -> None:
    """The claim stage's figures, as `python -m bench.bench_claims` and `make bench` print them."""
    where = f" ({source})" if source else ""
    print(
        f"corpus: {part['articles']} articles, {part['words']:,} words{where}; entities of the "
        f"{part['backend']} backend; CPU time, best of {part['repeats']}; claim rules "
        f"{'compiled (mypyc)' if part.get('compiled') else 'plain Python'}"
    )
    print(f"{'claim stage':<16}{part['claims_ms_per_1000_words']:>8.2f} ms per 1,000 words")
    print(f"{'reference split':<16}{part['reference_ms_per_1000_words']:>8.2f} ms per 1,000 words")
    print(
        f"claim stage / reference split: {part['ratio']:.2f}x "
        f"(at the start of issue 11: {BASELINE_RATIO:g}x)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--articles", type=int, default=0, help="only the first N (0: all)")
    parser.add_argument("--backend", default="rules", help="whose entities the claims get")
    args = parser.parse_args(argv)
    corpus = build_corpus()
    articles = corpus.articles[: args.articles] if args.articles else corpus.articles
    print_claims(measure(articles, args.backend, args.repeats), corpus.source)


if __name__ == "__main__":
    main()
