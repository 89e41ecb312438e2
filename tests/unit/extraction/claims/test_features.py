"""What a sentence's words say for check-worthiness and statements, read in one pass.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.features import (
    count_specifics,
    has_absolute_date,
    sentence_features,
)


@pytest.mark.parametrize(
    ("text", "count"),
    [("9 million jobs", 2), ("$3 billion and 5%", 3), ("twelve or thirteen", 2), ("no one", 0)],
)
def test_count_specifics(text: str, count: int) -> None:
    assert count_specifics(text, sentence_features(text).words, limit=5) == count


@pytest.mark.parametrize(
    ("text", "absolute"),
    [
        ("in 1984", True),
        ("the 1990s", True),
        ("March 3", True),
        ("since June", True),
        ("today", False),
        ("every day", False),
        ("last week", False),
        ("you may go", False),
    ],
)
def test_absolute_dates(text: str, absolute: bool) -> None:
    assert has_absolute_date(text) is absolute


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports rose 5 percent to $3 billion in 2023, the highest since March 1990.",
        "I think we’ll need twelve more buses, don’t you?",
        "The council has cut the grant twice.",
        "",
    ],
)
def test_one_pass_reads_what_the_word_tests_read(sentence: str) -> None:
    features = sentence_features(sentence)
    words = frozenset(
        w.strip(".,;:!?\"'()[]{}“”‘’—–-…") for w in sentence.lower().replace("’", "'").split()
    )
    assert features.words == words
    assert features.word_count == len(sentence.split())
    assert features.specifics == count_specifics(sentence, words, limit=3)
    assert features.absolute_date is has_absolute_date(sentence)


def test_a_sentence_is_read_once_for_all_its_claims() -> None:
    ctx = ClaimContext("The Senate passed the farm bill in March by 52 votes to 48.", [])
    first = ctx.features(0, 20)
    assert ctx.features(0, 20) is first
    assert first == sentence_features(ctx.body[:20])


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("“Taxes,” she said.", {"taxes", "she", "said"}),
        ("We’ll see (maybe).", {"we'll", "see", "maybe"}),
        ("U.S. jobs rose — again.", {"u.s", "jobs", "rose", "", "again"}),
    ],
)
def test_words_are_lower_case_with_punctuation_stripped(sentence: str, words: set[str]) -> None:
    assert sentence_features(sentence).words == words
