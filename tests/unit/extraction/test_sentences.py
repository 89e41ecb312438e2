"""Sentence splitting: where sentences end, and where a period does not end one."""

from __future__ import annotations

import time

from factwire.extraction.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_periods_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("It rained. Did it stop? No! It went on.") == [
        "It rained.",
        "Did it stop?",
        "No!",
        "It went on.",
    ]


def test_titles_and_initials_do_not_end_a_sentence() -> None:
    assert sentences("Mr. Smith met Sen. J. R. Jones. They talked.") == [
        "Mr. Smith met Sen. J. R. Jones.",
        "They talked.",
    ]


def test_an_abbreviation_with_inner_periods_ends_a_sentence_before_a_sentence_starter() -> None:
    assert sentences("He moved to the U.S. The move was hard.") == [
        "He moved to the U.S.",
        "The move was hard.",
    ]
    assert sentences("The U.S. Senate voted.") == ["The U.S. Senate voted."]


def test_closing_quotation_marks_stay_with_their_sentence() -> None:
    assert sentences('He said: "We won." Then he left.') == ['He said: "We won."', "Then he left."]


def test_a_question_inside_a_quote_followed_by_lower_case_goes_on() -> None:
    assert sentences('"Why now?" she asked.') == ['"Why now?" she asked.']


def test_newlines_always_end_a_sentence() -> None:
    assert sentences("A headline without a period\n\nThe first paragraph.") == [
        "A headline without a period",
        "The first paragraph.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  One here.   Two there.  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 11), (14, 24)]


def test_long_runs_of_punctuation_are_linear() -> None:
    started = time.process_time()
    split_sentences("!" * 1_000_000)
    split_sentences("a. " * 300_000)
    assert time.process_time() - started < 2.0
