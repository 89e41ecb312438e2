"""Target checks are ratios of figures from one run; a missing figure gives no verdict."""

from __future__ import annotations

from typing import Any

from bench.report import checks


def results(**overrides: Any) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "extraction": {
            "spacy": {
                "single": {"articles_per_s": 5.0, "words_per_s": 4500.0},
                "pool": {"articles_per_s": 9.0},
            },
            "rules": {"single": {"words_per_s": 48000.0, "cpu_share": 1.0}},
            "raw_ner": {"words_per_s": 5000.0},
            "raw_ner_alone": {"words_per_s": 6000.0},
        },
        "end_to_end": {
            "spacy": {
                "saturation": {"articles_per_s": 8.5},
                "latency": {"p99_ms": 1200.0},
                "memory": {"rss_growth_pct": 3.0, "checkpoints": {}},
            }
        },
    }
    figures.update(overrides)
    return figures


def verdicts(figures: dict[str, Any]) -> list[bool | None]:
    return [check.holds for check in checks(figures)]


def test_each_target_is_judged_on_its_own_ratio() -> None:
    found = checks(results())

    assert [round(c.value or 0, 3) for c in found] == [
        0.9,
        0.75,
        48000.0,
        1.7,
        0.944,
        6.536,
        1200.0,
        3.0,
    ]
    assert verdicts(results()) == [True, False, False, True, True, False, False, True]


def test_without_the_end_to_end_part_only_the_extraction_target_is_judged() -> None:
    assert verdicts(results(end_to_end={})) == [True, False, False, None, None, None, None, None]
