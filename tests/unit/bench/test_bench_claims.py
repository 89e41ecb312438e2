"""The claim-stage benchmark's reference workload and its interleaved timing (no figures
asserted: a benchmark prints them)."""

from __future__ import annotations

import pytest
from bench.bench_claims import best_cpu_seconds, reference_split


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One sentence here.", 1),
        ("The plan failed. Smith said so.", 2),
        ("It cost $5 million. Mr. Smith paid.\nA title line", 4),  # "Mr." counts: a plain split
        ("a.b. c d", 1),
        ("", 0),
    ],
)
def test_reference_split_counts_sentences_the_plain_way(text: str, sentences: int) -> None:
    assert reference_split(text) == sentences


def test_every_run_is_timed_in_every_repeat() -> None:
    calls: list[str] = []
    best = best_cpu_seconds({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, 3)
    assert calls == ["a", "b"] * 3
    assert set(best) == {"a", "b"} and all(s >= 0 for s in best.values())
