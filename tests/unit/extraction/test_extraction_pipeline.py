"""The whole extraction with the default (hybrid) backend on short news items like the demo's
sample articles: each entity once, with the right type, its fullest name and real aliases."""

from __future__ import annotations

import pytest

from factwire.extraction import get_extractor
from factwire.extraction.document import ArticleText

Found = tuple[str, str, list[str]]

ROWS: list[tuple[str, str, list[Found]]] = [
    (
        "Bank of Lusitania holds rates as inflation stalls",
        "The Bank of Lusitania kept its main rate at 3% on Thursday. Sterling rose 0.4% against "
        "the dollar. Inflation stayed above the Bank's target.",
        # the headline's bank is the body's; a currency is no place; "the Bank" is no alias
        [("Bank of Lusitania", "ORG", []), ("3%", "PERCENT", []), ("0.4%", "PERCENT", [])],
    ),
    (
        "",
        "Officials at the Tormes river authority told the Murcian parliament that most of the "
        "victims were over 80. Summer temperatures were 2.1 degrees Celsius above average.",
        # a river, an adjective of a region, an age, a unit inside a quantity
        [
            ("Tormes", "LOC", []),
            ("Murcian", "NORP", []),
            ("80", "CARDINAL", []),
            ("2.1 degrees Celsius", "QUANTITY", []),
        ],
    ),
    (
        "",
        "Water Cabinet Secretary Amina Odhiambo said the Water and Sanitation Regulatory Board "
        "agreed. Engineers at Aguas de Portugal said the repairs would take two years.",
        # an office is no organisation; "Water and ..." is one name; a company named after
        # its country is an organisation
        [
            ("Amina Odhiambo", "PERSON", []),
            ("Water and Sanitation Regulatory Board", "ORG", []),
            ("Aguas de Portugal", "ORG", []),
        ],
    ),
    (
        "",
        "Leeds United signed a forward before the Premier League window closed. Premier League "
        "clubs spent £1 billion, Trade Commissioner Ilse Varga said.",
        # a title word cut at a sentence start leaves no "League"; a title is no part of a name
        [
            ("Leeds United", "ORG", []),
            ("Premier League", "ORG", []),
            ("£1 billion", "MONEY", []),
            ("Ilse Varga", "PERSON", []),
        ],
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), ROWS)
def test_each_entity_once_with_its_type(title: str, body: str, expected: list[Found]) -> None:
    found = get_extractor("hybrid").extract(ArticleText(body=body, title=title))
    kinds = {kind for _, kind, _ in expected}
    assert [(e.name, e.type, e.aliases) for e in found.entities if e.type in kinds] == expected
