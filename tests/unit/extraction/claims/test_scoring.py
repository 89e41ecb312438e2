"""Check-worthiness: one row per signal, and the order a careful reader would put claims in.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.scoring import (
    BIAS,
    SIGNALS,
    Evidence,
    ScoredDraft,
    checkworthiness,
    claim_score,
    evidence,
    is_hedged,
    signals,
)
from factwire.extraction.claims.statements import find_statements


def said(sentence: str, *actors: str, named: bool = False) -> Evidence:
    return Evidence("statement", sentence, sentence, frozenset(actors), named_speaker=named)


# (sentence, named actors, signal, fires)
ROWS: list[tuple[str, tuple[str, ...], str, bool]] = [
    ("Exports rose 5 percent to $3 billion.", (), "numbers", True),
    ("We are seventy thousand teachers short.", (), "numbers", True),
    ("Nobody can say it any better than that.", (), "numbers", False),
    ("The mill closed in 1984 after the strike.", (), "absolute_date", True),
    ("The vote was held on March 3 in the capital.", (), "absolute_date", True),
    ("We are meeting with the neighbours today.", (), "absolute_date", False),
    (
        "People go hungry every day in this county.",
        (),
        "absolute_date",
        False,
    ),
    ("The Senate passed it.", ("Senate",), "named_actors", True),
    ("They passed it.", (), "named_actors", False),
    ("Lopez voted against the levy.", ("Lopez",), "past_action", True),
    ("The council has cut the grant twice.", (), "past_action", True),
    ("The governor sent troops north.", (), "past_action", True),
    ("I was worried and tired and scared.", (), "past_action", False),  # a state, not an act
    ("We are worried and tired and scared.", (), "past_action", False),
    ("Rents are higher than a decade ago.", (), "comparison", True),
    ("Rents are what they are.", (), "comparison", False),
    ("The plan raises taxes on every family.", (), "public_affairs", True),
    ("The plan makes every family happy.", (), "public_affairs", False),
    ("I think the mayor is right about this.", (), "first_person_view", True),
    ("We don't want another decade like that one.", (), "first_person_view", True),
    ("I'm going to fix the roads in this town.", (), "first_person_view", True),
    ("In my opinion the mayor is right about this.", (), "first_person_view", True),
    ("I voted for the bridge because it was cheap.", (), "first_person_view", False),
    ("We will build the bridge next spring.", (), "modal", True),
    ("The town should build the bridge.", (), "modal", True),
    ("The town built the bridge.", (), "modal", False),
    ("Did the council raise the fare last year?", (), "question", True),
    ('Did the council raise the fare?" she asked.', (), "question", False),
    ("The council raised the fare last year.", (), "question", False),
]


@pytest.mark.parametrize(("sentence", "actors", "signal", "fires"), ROWS)
def test_each_signal(sentence: str, actors: tuple[str, ...], signal: str, fires: bool) -> None:
    assert (signal in signals(said(sentence, *actors))) is fires


@pytest.mark.parametrize(
    ("evidence", "signal"),
    [
        (Evidence("quote", "x", "x", named_speaker=True), "named_speaker"),
        (Evidence("reported", "x", "x", hedged=True), "hedge"),
    ],
)
def test_signals_given_by_the_claim(evidence: Evidence, signal: str) -> None:
    assert signal in signals(evidence)
    assert signal not in signals(Evidence(evidence.kind, "x", "x"))


def test_every_signal_has_a_row_and_a_name_used_once() -> None:
    names = [s.name for s in SIGNALS]
    assert len(set(names)) == len(names)
    tested = {row[2] for row in ROWS} | {"named_speaker", "hedge"}
    assert tested | {"length"} == set(names)


@pytest.mark.parametrize(
    ("sentence", "words", "strength"),
    [("one two", 2, -0.4), ("w " * 10, 10, 0.0), ("w " * 30, 30, 1.0), ("w " * 45, 45, 1.0)],
)
def test_length_grows_until_thirty_words(sentence: str, words: int, strength: float) -> None:
    assert len(sentence.split()) == words
    assert signals(said(sentence)).get("length", 0.0) == pytest.approx(strength)


def test_a_sentence_without_any_signal_scores_the_bias() -> None:
    plain = said(" ".join(["word"] * 10))
    assert signals(plain) == {}
    assert checkworthiness(plain) == pytest.approx(1 / (1 + 2.718281828**-BIAS), abs=1e-3)


CHECKABLE = [
    said("Unemployment rose to 9 percent in 2011, the highest since 1983."),
    said("The Senate voted 52 to 48 to cut the farm budget.", "Senate"),
    said("Governor Reyes vetoed the school funding bill last spring.", "Reyes"),
    said("We spent four billion dollars on that bridge and it still is not finished."),
    said("Under the treaty both sides withdrew their missiles from the border."),
    said("Our county lost 2,000 factory jobs in a single year."),
]
NOT_CHECKABLE = [
    said("I think we can do better than this."),
    said("Thank you very much."),
    said("What would you do about it?"),
    said("We are going to win this election and we will make this town great."),
    said("I want every child to have a chance."),
    said("That is the most ridiculous thing I have ever heard."),
]


@pytest.mark.parametrize("checkable", CHECKABLE)
@pytest.mark.parametrize("other", NOT_CHECKABLE)
def test_checkable_facts_outrank_opinions_wishes_and_questions(
    checkable: Evidence, other: Evidence
) -> None:
    assert checkworthiness(checkable) > checkworthiness(other)


@pytest.mark.parametrize("evidence", CHECKABLE + NOT_CHECKABLE)
def test_the_score_is_a_probability_like_number(evidence: Evidence) -> None:
    assert 0.0 < checkworthiness(evidence) < 1.0


@pytest.mark.parametrize(
    ("content", "hedged"),
    [("the plan could fail", True), ("exports rose in May", False), ("it is probably late", True)],
)
def test_hedges_are_read_with_case(content: str, hedged: bool) -> None:
    assert is_hedged(content) is hedged


@pytest.mark.parametrize(
    "body",
    [
        "The council cut the bus budget by 12 percent in 2023.",
        "The council reportedly cut the bus budget by 12 percent in 2023.",
    ],
)
def test_a_statement_keeps_the_score_it_was_found_with(body: str) -> None:
    ctx = ClaimContext(body, [])
    [draft] = find_statements(ctx, [])
    assert isinstance(draft, ScoredDraft)
    span = ctx.sentences[0]
    hedged = is_hedged(body)
    assert draft.hedged is hedged
    fresh = checkworthiness(evidence(ctx, draft, span, named_speaker=False, hedged=hedged))
    assert draft.score == fresh
    assert claim_score(ctx, draft, span, named_speaker=False, hedged=hedged) == fresh
    # other evidence (a named speaker) is scored afresh, not given the kept score
    named = checkworthiness(evidence(ctx, draft, span, named_speaker=True, hedged=hedged))
    assert claim_score(ctx, draft, span, named_speaker=True, hedged=hedged) == named > fresh
