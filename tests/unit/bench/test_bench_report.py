"""Target checks are ratios of figures from one run; a missing figure gives no verdict."""

from __future__ import annotations

from typing import Any

from bench.report import checks


def results(**overrides: Any) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "extraction": {
            "spacy": {
                "single": {
                    "articles_per_s": 5.0,
                    "words_per_s": 4500.0,
                    "cpu_ms_per_article": 180.0,
                },
                "pool": {"articles_per_s": 9.0},
            },
            "hybrid": {"single": {"words_per_s": 4050.0, "cpu_ms_per_article": 200.0}},
            "rules": {"single": {"words_per_s": 48000.0, "cpu_share": 1.0}},
            "raw_ner": {"words_per_s": 5000.0},
            "raw_ner_alone": {"words_per_s": 6000.0},
        },
        "end_to_end": {
            "hybrid": {"saturation": {"articles_per_s": 6.8}},
            "spacy": {
                "saturation": {"articles_per_s": 8.5},
                "latency": {"p99_ms": 1200.0},
                "memory": {"rss_growth_pct": 3.0, "checkpoints": {}},
            },
        },
        "claims": {"ratio": 30.5, "baseline_ratio": 32.0, "claims_ms_per_1000_words": 4.1},
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
        0.9,
        0.8,
        30.5,
    ]
    assert verdicts(results()) == [
        True,
        False,
        False,
        True,
        True,
        False,
        False,
        True,
        True,
        False,
        True,
    ]


def test_without_the_end_to_end_part_only_the_extraction_target_is_judged() -> None:
    assert verdicts(results(end_to_end={})) == [
        True,
        False,
        False,
        None,
        None,
        None,
        None,
        None,
        True,
        None,
        True,
    ]


def test_hybrid_is_judged_against_spacy_in_words_per_second_with_the_cpu_ratio_beside() -> None:
    hybrid = checks(results())[-3]
    assert hybrid.name.startswith("hybrid vs spacy words/s")
    assert "4050 vs 4500 words/s" in hybrid.detail
    assert "from CPU time per article 0.9x" in hybrid.detail


def test_without_hybrid_figures_its_checks_give_no_verdict() -> None:
    figures = results()
    del figures["extraction"]["hybrid"], figures["end_to_end"]["hybrid"]
    assert verdicts(figures)[-3:-1] == [None, None]


def test_the_claim_stage_passes_only_at_or_below_the_ratio_it_started_from() -> None:
    slower = results(claims={"ratio": 48.0, "baseline_ratio": 32.0})
    assert verdicts(slower)[-1] is False
    assert verdicts(results(claims={}))[-1] is None
