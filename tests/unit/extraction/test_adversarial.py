"""Crafted bodies through the FULL extraction (backend, corrections, entities, claims, salience)
of both backends, each against a time budget derived from the cost per character measured on
news text in the same run: no step may be worse than linear.

Budget: ``K × cost per character × length + FIXED_SECONDS``. Sizes default to what keeps the
suite fast on two cores (rules 50,000 characters, spaCy 10,000); ``FACTWIRE_ADVERSARIAL_CHARS``
raises them (e.g. to 1,000,000) for a full run, whose results docs/reliability.md reports.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from functools import cache

import pytest

from factwire.cli import SAMPLES_DIR
from factwire.client.files import ArticleItem, read_articles
from factwire.extraction import ArticleText, Extraction, get_extractor

K = 20.0
FIXED_SECONDS = 2.0
SIZES = {
    "rules": int(os.environ.get("FACTWIRE_ADVERSARIAL_CHARS", "50000")),
    "spacy": int(os.environ.get("FACTWIRE_ADVERSARIAL_CHARS", "10000")),
    "hybrid": int(os.environ.get("FACTWIRE_ADVERSARIAL_CHARS", "10000")),
}
NAMES = ["Alvarez", "Bergson", "Castellano", "Dubois", "Eriksen", "Fonseca", "Gallagher"]


def capitalised_words(size: int) -> str:
    rng = random.Random(3)
    words: list[str] = []
    length = 0
    while length < size:
        words.append(rng.choice(NAMES))
        length += len(words[-1]) + 1
    return " ".join(words)[:size]


def repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


CASES: dict[str, Callable[[int], str]] = {
    "straight quotation marks": repeat('"'),
    "curly quotation marks": repeat("“”"),
    "unbalanced quotes with words": repeat('"Yes, '),
    "no space or newline": repeat("abcdefghij"),
    "no space, mixed case": repeat("AbcdEfghIj"),
    "one capital letter run": repeat("A"),
    "capitalised words": capitalised_words,
    "repeated 'said that'": repeat("He said that she said that "),
    "repeated quote + said": repeat('"Yes," he said. '),
    "repeated 'according to'": repeat("according to Ana Lima, "),
    "titles without names": repeat("Mr. "),
    "abbreviations": repeat("U.S. "),
    "punctuation run": repeat("!?.,;:"),
    "full stops": repeat("."),
    "dashes": repeat("-"),
    "newlines": repeat("\n"),
    "blank lines and spaces": repeat(" \n \n"),
    "open parentheses": repeat("("),
    "possessives": repeat("'s "),
    "numbers with separators": repeat("1,000,000 "),
    "one-letter sentences": repeat("A. "),
    "long word then spaces": lambda n: "x" * (n // 2) + " " * (n - n // 2),
}


@cache
def cost_per_char(backend: str) -> float:
    """Seconds per character of the full extraction on the bundled news samples (best of 3)."""
    items = read_articles([SAMPLES_DIR])
    news = "\n\n".join(i.article.body for i in items if isinstance(i, ArticleItem))
    extractor = get_extractor(backend)
    extractor.extract(ArticleText(body=news))  # loads and warms the model
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extractor.extract(ArticleText(body=news))
        best = min(best, time.perf_counter() - started)
    return best / len(news)


def timed(backend: str, body: str) -> tuple[float, Extraction]:
    extractor = get_extractor(backend)
    started = time.perf_counter()
    result = extractor.extract(ArticleText(body=body))
    return time.perf_counter() - started, result


@pytest.mark.parametrize("backend", ["rules", "spacy", "hybrid"])
@pytest.mark.parametrize("case", list(CASES))
def test_crafted_body_within_a_linear_time_budget(backend: str, case: str) -> None:
    per_char = cost_per_char(backend)
    body = CASES[case](SIZES[backend])
    assert len(body) == SIZES[backend]
    seconds, result = timed(backend, body)
    budget = K * per_char * len(body) + FIXED_SECONDS
    ratio = seconds / (per_char * len(body))
    print(f"\n{backend:5s} {case:30s} {len(body):9,d} chars {seconds:7.2f} s  x{ratio:5.1f}")
    for claim in result.claims:
        assert body[claim.start : claim.end] == claim.text
    assert seconds < budget, f"{seconds:.1f} s over the budget of {budget:.1f} s ({ratio:.0f}x)"
