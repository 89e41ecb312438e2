"""Claims never fail and stay fast on hostile or broken input: cut-off text, stray quotation
marks, no spaces, endless reporting verbs."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText
from factwire.models import Claim


def run(body: str) -> list[Claim]:
    found = find_claims(ArticleText(body=body), [])
    for claim in found:
        assert claim.text == body[claim.start : claim.end]
        assert claim.content in claim.text
    return found


def timed(body: str) -> float:
    """CPU seconds to find the claims (CPU time, so that a busy machine does not fail the test;
    a quadratic step would take minutes on these sizes)."""
    started = time.process_time()
    run(body)
    return time.process_time() - started


def test_empty_and_blank_bodies() -> None:
    assert run("") == []
    assert run(" \n\t ") == []


def test_unbalanced_quotes() -> None:
    found = run('He said "yes and then "no" and "maybe')
    assert all(c.kind in ("quote", "reported", "statement") for c in found)
    run("“Unclosed quote at the end of a paragraph\n\nA new paragraph without marks.")
    run("” closing first, then opening “")


def test_text_cut_off_mid_sentence() -> None:
    run("Officials said that the")
    run('"We will')
    run("According to")
    run('"Prices rose," said')
    found = run("Officials said that the bridge")
    assert [c.kind for c in found] == []  # too little content to be a claim


def test_a_quote_left_open_at_the_end_is_still_attributed() -> None:
    found = run('The minister said:\n\n"We will not raise taxes, and we will')
    assert [c.kind for c in found] == ["quote"]


def test_one_hundred_thousand_quotation_marks_within_a_time_budget() -> None:
    assert timed('"' * 100_000) < 2.0
    assert timed('"a," he said. ' * 10_000) < 5.0
    assert timed("“ ” " * 50_000) < 2.0


def test_a_megabyte_without_spaces_within_a_time_budget() -> None:
    assert timed("x" * 1_000_000) < 2.0
    assert timed(".!?" * 300_000) < 2.0
    assert timed("said" * 250_000) < 2.0


def test_endlessly_repeated_reporting_verbs_within_a_time_budget() -> None:
    assert timed("said " * 100_000) < 3.0
    assert timed("Smith said " * 50_000 + "the plan failed.") < 3.0
    assert timed("according to " * 50_000) < 3.0
    assert timed("He said, " * 50_000) < 3.0


def test_long_whitespace_runs_within_a_time_budget() -> None:
    assert timed("Smith said" + " " * 500_000 + "that the plan failed.") < 2.0
    assert timed("a." + " " * 500_000 + "B") < 2.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.\"“”'\n,:said told Smith 5%$")), max_size=400))
def test_never_raises_on_quote_heavy_text(body: str) -> None:
    run(body)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_unicode(body: str) -> None:
    run(body)
