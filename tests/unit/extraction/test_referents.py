"""One type per referent: each rule on a short article."""

from __future__ import annotations

import pytest

from factwire.extraction import referents
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.referents import Rule


def apply(rule: Rule, body: str, *found: tuple[str, str]) -> list[tuple[str, str]]:
    """The rule's output for mentions given as (surface, label), at successive occurrences."""
    mentions, offset = [], 0
    for surface, label in found:
        start = body.index(surface, offset)
        mentions.append(RawMention("body", start, start + len(surface), label))
        offset = start + 1
    return [(body[m.start : m.end], m.label) for m in rule(ArticleText(body=body), mentions)]


@pytest.mark.parametrize(
    ("rule", "body", "found", "expected"),
    [
        (
            referents.short_forms_of_people,
            "Nadia Okafor spoke. Okafor left.",
            [("Nadia Okafor", "PERSON"), ("Okafor", "ORG")],
            [("Nadia Okafor", "PERSON"), ("Okafor", "PERSON")],
        ),
        (
            referents.short_forms_of_organisations,
            "Halcyon Semiconductor grew. Halcyon shares rose.",
            [("Halcyon Semiconductor", "ORG"), ("Halcyon", "PERSON")],
            [("Halcyon Semiconductor", "ORG"), ("Halcyon", "ORG")],
        ),
        (
            referents.short_forms_of_organisations,
            "Iraqi National Congress met. Iraqi troops left.",
            [("Iraqi National Congress", "ORG"), ("Iraqi", "NORP")],
            [("Iraqi National Congress", "ORG"), ("Iraqi", "NORP")],
        ),
        (
            referents.one_type_per_name,
            "Rivian grew. Rivian hired. Rivian sold.",
            [("Rivian", "ORG"), ("Rivian", "PERSON"), ("Rivian", "ORG")],
            [("Rivian", "ORG"), ("Rivian", "ORG"), ("Rivian", "ORG")],
        ),
        (
            referents.one_type_per_name,
            "CHICAGO 5 Boston 3. Chicago won. CHICAGO lost.",
            [("CHICAGO", "ORG"), ("Chicago", "GPE"), ("CHICAGO", "ORG")],
            [("CHICAGO", "ORG"), ("Chicago", "GPE"), ("CHICAGO", "ORG")],
        ),
        (
            referents.ages_are_not_dates,
            "Most of those who died were over 80, the Hanover 96 study said in 2024.",
            [("80", "DATE"), ("96", "DATE"), ("2024", "DATE")],
            [("80", "CARDINAL"), ("96", "DATE"), ("2024", "DATE")],
        ),
        (
            referents.ages_are_not_dates,
            "Lucas Rocha, 21, scored.",
            [("Lucas Rocha", "PERSON"), ("21", "DATE")],
            [("Lucas Rocha", "PERSON"), ("21", "CARDINAL")],
        ),
        (
            referents.datelines_are_places,
            "LONDON — Arsenal signed Rocha.",
            [("LONDON", "ORG"), ("Arsenal", "ORG")],
            [("LONDON", "GPE"), ("Arsenal", "ORG")],
        ),
        (
            referents.datelines_are_places,
            "HOLBROOK, Norway 2031-02-11\nHolbrook beat Vale 2-0.",
            [("HOLBROOK", "ORG"), ("Norway", "GPE")],
            [("HOLBROOK", "GPE"), ("Norway", "GPE")],
        ),
        (
            referents.datelines_are_places,
            "ACME, Inc said it grew.",
            [("ACME", "ORG")],
            [("ACME", "ORG")],
        ),
    ],
)
def test_a_rule_gives_a_referent_one_type(
    rule: Rule, body: str, found: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert apply(rule, body, *found) == expected
