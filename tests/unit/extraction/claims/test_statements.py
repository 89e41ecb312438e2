"""Which sentences become `statement` claims, and how a sentence's claims are scored.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import re

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity, EntityType, Mention

REYES: tuple[str, EntityType] = ("Reyes", "PERSON")
SENATE: tuple[str, EntityType] = ("Senate", "ORG")
TODAY: tuple[str, EntityType] = ("today", "DATE")


def claims(body: str, *known: tuple[str, EntityType]) -> list[Claim]:
    """The claims of a body whose entities have a mention at each occurrence of their name."""
    entities = [
        Entity(
            id=f"e{k}",
            name=name,
            type=label,
            mentions=[
                Mention(field="body", start=m.start(), end=m.end(), text=name)
                for m in re.finditer(rf"\b{re.escape(name)}\b", body)
            ],
            salience=0.5,
        )
        for k, (name, label) in enumerate(known, start=1)
    ]
    return find_claims(ArticleText(body=body), entities)


@pytest.mark.parametrize(
    ("body", "known", "statement"),
    [
        ("Exports rose 5 percent to $3 billion in 2023.", (), True),
        ("Unemployment is 8 percent.", (), True),  # short facts count (was: six words at least)
        ("It cost $5 million.", (), True),
        ("Governor Reyes vetoed the school funding bill.", (REYES,), True),  # no number needed
        ("The Senate passed the farm bill in March.", (SENATE,), True),
        ("Costs fell.", (), False),  # under three words
        ("The weather was pleasant and everyone seemed happy enough.", (), False),
        ("We are meeting the neighbours today.", (TODAY,), False),  # a relative date
        ("Did exports rise 5 percent in 2023?", (), False),  # a question
        ("We will make this town great again, believe me.", (), False),
    ],
)
def test_which_sentences_are_statements(
    body: str, known: tuple[tuple[str, EntityType], ...], statement: bool
) -> None:
    kinds = [c.kind for c in claims(body, *known)]
    assert ("statement" in kinds) is statement


def test_a_reported_claim_is_scored_on_its_whole_sentence() -> None:
    with_figures = claims("In 2019, with 4,000 jobs gone, Reyes said the plan failed.", REYES)
    without = claims("Back then, with the jobs gone, Reyes said the plan failed.", REYES)
    assert [c.kind for c in with_figures] == [c.kind for c in without] == ["reported"]
    assert with_figures[0].checkworthiness > without[0].checkworthiness + 0.2


@pytest.mark.parametrize(
    "body", ["I think the plan is wrong.", "We want the plan to work for every family."]
)
def test_a_first_person_view_scores_low(body: str) -> None:
    assert max((c.checkworthiness for c in claims(body)), default=0.0) < 0.15
