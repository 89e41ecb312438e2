"""Attributions read from a source rather than a reporting clause (`claims.sourced`):
"according to X", "In a new poll, ...", and headlines. One row per rule, with the claims a
sentence must give as (content, speaker) pairs.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.claims.sourced import fewer_words, word_count
from factwire.extraction.document import ArticleText


def reported(body: str) -> list[tuple[str, str | None]]:
    """(content, speaker words) of each reported claim of the body, found without entities."""
    return [
        (c.content, c.speaker.name if c.speaker else None)
        for c in find_claims(ArticleText(body=body), [])
        if c.kind == "reported"
    ]


SOURCED_ROWS = [
    # according to: a source that runs past its name, a source set off by commas
    (
        "According to a study by Lopez and Baker, turnout fell sharply in May.",
        [("turnout fell sharply in May.", "a study by Lopez")],
    ),
    (
        "Fundraising, according to the campaign, has surged since May.",
        [("has surged since May.", "the campaign")],
    ),
    (
        "Sales fell by a third last year, according to a private index.",
        [("Sales fell by a third last year", "a private index")],
    ),
    # an apposition describing the source is no part of what it says
    (
        "According to the Harbour Institute, a think tank in Lagos, rents doubled in 2025.",
        [("rents doubled in 2025.", "the Harbour Institute")],
    ),
    (
        "According to the agency, a new plan will cost more than the old one.",
        [("a new plan will cost more than the old one.", "the agency")],
    ),
    # a writing or record opening the sentence speaks for what follows the comma
    (
        "In a new poll released Monday, most voters favoured the plan.",
        [("most voters favoured the plan.", "a new poll")],
    ),
    # ... but a person speaking in a writing is the speaker, not the writing
    (
        "In a letter, the mayors told the governor the plan would fail.",
        [("the plan would fail.", "the mayors")],
    ),
    # a headline in title case with any reporting cue, stances too
    (
        "Lopez Slams The New Budget Plan\n\nThe council met on Monday.",
        [("The New Budget Plan", "Lopez")],
    ),
    # a noun of saying, judging or intending reports a stance of its possessor, up to a comma
    (
        "Baker's decision to close the depot, made in May, angered drivers.",
        [("to close the depot", "Baker")],
    ),
    ("Lopez's sharp criticism of the tax drew cheers.", [("the tax drew cheers.", "Lopez")]),
    ("Her promise of lower fares won the vote.", [("lower fares won the vote.", "Her")]),
    ("Baker's car of choice is a small van.", []),
]


@pytest.mark.parametrize(("body", "expected"), SOURCED_ROWS)
def test_sourced(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert reported(body) == expected


@pytest.mark.parametrize(
    ("text", "least"),
    [("", 1), ("  ", 2), ("one", 1), ("one two", 3), (" the plan  failed\ttoday ", 3), ("a b", 2)],
)
def test_fewer_words_agrees_with_word_count(text: str, least: int) -> None:
    expected = word_count(text, 0, len(text)) < least
    assert fewer_words(text, 0, len(text), least) is expected
