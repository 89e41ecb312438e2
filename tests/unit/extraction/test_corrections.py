"""Each correction rule on a sentence that shows the model error it fixes: one table of
(rule, text, mentions the backend gave, mentions after the rule) rows, a list of examples."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from factwire.extraction import Extractor, corrections, names
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.errors import UnknownCorrectionError

Span = tuple[str, str] | tuple[str, str, int]


def tagged(body: str, *spans: Span) -> tuple[ArticleText, list[RawMention]]:
    """An article and mentions given as (surface, label[, n]): the n-th occurrence (from 0)."""
    mentions = []
    for span in spans:
        surface, label = span[0], span[1]
        start = -1
        for _ in range((span[2] if len(span) == 3 else 0) + 1):
            start = body.index(surface, start + 1)
        mentions.append(RawMention("body", start, start + len(surface), label))
    return ArticleText(body=body), mentions


ROWS: list[tuple[str, str, list[Span], list[tuple[str, str]]]] = [
    (
        "cut_at_line_breaks",
        "Talks in Major League\nBaseball resumed.",
        [("Major League\nBaseball", "ORG")],
        [("Major League", "ORG")],
    ),
    (
        "trim_edges",
        'He praised "Acme," then left the U.S.',
        [('"Acme,"', "ORG"), ("U.S.", "GPE")],
        [("Acme", "ORG"), ("U.S.", "GPE")],
    ),
    (
        "trim_edges",
        "CUPERTINO, Calif. (Reuters) - Talks ended in Paris.",
        [("Calif.", "GPE"), ("Paris.", "GPE")],
        [("Calif.", "GPE"), ("Paris", "GPE")],
    ),
    (
        "cut_at_dashes",
        "Goals: Romania - Cosmin Contra (31st).",
        [("Romania - Cosmin Contra", "PERSON")],
        [("Cosmin Contra", "PERSON")],
    ),
    (
        "trim_leading_article",
        "The United States and the Netherlands met at The Hague.",
        [("The United States", "GPE"), ("the Netherlands", "GPE"), ("The Hague", "GPE")],
        [("United States", "GPE"), ("Netherlands", "GPE"), ("The Hague", "GPE")],
    ),
    (
        "trim_lowercase_words",
        "said the Interfax news agency on Monday.",
        [("Interfax news agency", "ORG")],
        [("Interfax", "ORG")],
    ),
    (
        "trim_shouted_common_word",
        "SOCCER - SLOVAKIA IN WORLD CUP QUALIFIER .\nNEW YORK 74 58\n"
        "He saw World Cup Qualifier games.",
        [("WORLD CUP QUALIFIER", "EVENT"), ("NEW YORK", "GPE"), ("World Cup Qualifier", "EVENT")],
        [("WORLD CUP", "EVENT"), ("NEW YORK", "GPE"), ("World Cup Qualifier", "EVENT")],
    ),
    (
        "join_possessive_org",
        "Analysts at Moody's Investors Service cut the rating.",
        [("Moody", "PERSON"), ("Investors Service", "ORG")],
        [("Moody's Investors Service", "ORG")],
    ),
    (
        "join_coordinated_names",
        "Rules set by the Water and Sanitation Regulatory Board apply. Apple and Orange Telecom"
        " met.",
        [
            ("Water", "ORG"),
            ("Sanitation Regulatory Board", "ORG"),
            ("Apple", "ORG"),
            ("Orange Telecom", "ORG"),
        ],
        [
            ("Water and Sanitation Regulatory Board", "ORG"),
            ("Apple", "ORG"),
            ("Orange Telecom", "ORG"),
        ],
    ),
    (
        "trim_possessive",
        "Smith's plan and the Joneses' house.",
        [("Smith's", "PERSON"), ("Joneses'", "PERSON")],
        [("Smith", "PERSON"), ("Joneses", "PERSON")],
    ),
    (
        "split_at_numbers",
        "G. Kersey 63 starred at Euro 96.\nOldham 3 Ipswich 3",
        [("G. Kersey 63", "PERSON"), ("Euro 96", "EVENT"), ("Oldham 3 Ipswich", "PERSON")],
        [
            ("G. Kersey", "PERSON"),
            ("Euro 96", "EVENT"),
            ("Oldham", "PERSON"),
            ("Ipswich", "PERSON"),
        ],
    ),
    (
        "units_are_amounts",
        "Nights stayed 3.5 degrees Celsius warmer near the 450 MW plant run by Celsius Energy.",
        [("3.5", "CARDINAL"), ("Celsius", "ORG"), ("MW", "ORG"), ("Celsius Energy", "ORG")],
        [
            ("Celsius Energy", "ORG"),
            ("3.5 degrees Celsius", "QUANTITY"),
            ("450 MW", "QUANTITY"),
        ],
    ),
    (
        "complete_person_names",
        "Sandrine Testud beat her rival. R. Ponting not out. President Obama spoke.",
        [("Testud", "PERSON"), ("R.", "NORP"), ("Obama", "PERSON")],
        [("Sandrine Testud", "PERSON"), ("R. Ponting", "PERSON"), ("Obama", "PERSON")],
    ),
    (
        "drop_non_names",
        "The bill went to congress on 5 May.",
        [("congress", "ORG"), ("5 May", "DATE")],
        [("5 May", "DATE")],
    ),
    ("fix_known_confusions", "Investors poured money into AI last year.", [("AI", "GPE")], []),
    (
        "currencies_are_not_names",
        "Sterling slipped and the Euro gained after Raheem Sterling scored.",
        [("Sterling", "GPE"), ("Euro", "ORG"), ("Raheem Sterling", "PERSON")],
        [("Raheem Sterling", "PERSON")],
    ),
    (
        "offices_are_not_names",
        "Water Cabinet Secretary Amina Odhiambo met Halvard Capital Chairman Ines Moura.",
        [
            ("Water Cabinet", "ORG"),
            ("Amina Odhiambo", "PERSON"),
            ("Halvard Capital", "ORG"),
            ("Ines Moura", "PERSON"),
        ],
        [("Amina Odhiambo", "PERSON"), ("Halvard Capital", "ORG"), ("Ines Moura", "PERSON")],
    ),
    (
        "products_not_people",
        "Sales of the iPhone and of GPT-4 grew, McGrath said.",
        [("iPhone", "PERSON"), ("GPT-4", "PERSON"), ("McGrath", "PERSON")],
        [("iPhone", "PRODUCT"), ("GPT-4", "PRODUCT"), ("McGrath", "PERSON")],
    ),
    (
        "teams_in_tables",
        "Results:\nChicago 5 Stoke 3\nRomania 2 Lithuania 1\nAttendance 12 000",
        [("Chicago", "GPE"), ("Romania", "GPE"), ("Attendance", "PERSON")],
        [("Chicago", "ORG"), ("Romania", "GPE"), ("Stoke", "ORG"), ("Lithuania", "GPE")],
    ),
    (
        "teams_in_tables",
        "1. Tegla Loroupe ( Kenya ) 15:08.79 2. Liz McColgan ( Britain ) 15:10.21",
        [("Tegla Loroupe", "ORG")],
        [("Tegla Loroupe", "PERSON"), ("Kenya", "GPE"), ("Liz McColgan", "PERSON")],
    ),
    (
        "teams_in_tables",
        "Standings:\nPohang 2 1 1 11 10 7\nUlsan 2 0 2 8 9 6",
        [("Pohang", "PERSON")],
        [("Pohang", "ORG"), ("Ulsan", "ORG")],
    ),
    (
        "teams_in_match_reports",
        "Leicestershire beat Somerset, and Wales beat San Marino.",
        [
            ("Leicestershire", "PERSON"),
            ("Somerset", "GPE"),
            ("Wales", "GPE"),
            ("San Marino", "GPE"),
        ],
        [("Leicestershire", "ORG"), ("Somerset", "ORG"), ("Wales", "GPE"), ("San Marino", "GPE")],
    ),
    (
        "countries_are_places",
        "Belarus beat Estonia 1-0, and Britain protested.",
        [("Belarus", "ORG"), ("Estonia", "PERSON"), ("Britain", "ORG")],
        [("Belarus", "GPE"), ("Estonia", "GPE"), ("Britain", "GPE")],
    ),
    (
        "organisations_named_after_countries",
        "Engineers at Aguas de Portugal and the Gulf of Mexico, Republic of Ireland and"
        " Santiago de Cuba.",
        [
            ("Aguas de Portugal", "GPE"),
            ("Gulf of Mexico", "GPE"),
            ("Republic of Ireland", "GPE"),
            ("Santiago de Cuba", "GPE"),
        ],
        [
            ("Aguas de Portugal", "ORG"),
            ("Gulf of Mexico", "GPE"),
            ("Republic of Ireland", "GPE"),
            ("Santiago de Cuba", "GPE"),
        ],
    ),
    (
        "organisations_named_after_countries",
        "Redes de Portugal hired Maria de Portugal.",
        [("Redes de Portugal", "PERSON"), ("Maria de Portugal", "PERSON")],
        [("Redes de Portugal", "ORG"), ("Maria de Portugal", "PERSON")],
    ),
    (
        "places_by_context",
        "Floods hit the province of Valencia. Madrid sent money to Valencia.",
        [("Valencia", "PERSON"), ("Valencia", "PERSON", 1)],
        [("Valencia", "GPE"), ("Valencia", "GPE")],
    ),
    (
        "places_by_context",
        "Fans cheered in Houston. Houston said the team was ready.",
        [("Houston", "PERSON"), ("Houston", "PERSON", 1)],
        [("Houston", "PERSON"), ("Houston", "PERSON")],
    ),
    (
        "places_by_context",
        "Valencia scored twice.",
        [("Valencia", "PERSON")],
        [("Valencia", "PERSON")],
    ),
    (
        "landforms_by_noun_after",
        "The Tormes river authority and the Ardenne valley council met in Salamanca.",
        [("Tormes", "ORG"), ("Ardenne", "GPE"), ("Salamanca", "GPE")],
        [("Tormes", "LOC"), ("Ardenne", "LOC"), ("Salamanca", "GPE")],
    ),
    (
        "adjectives_of_places",
        "The Valencian parliament and Parisian officials met Hutu leaders and Logan Moran.",
        [("Valencian", "ORG"), ("Parisian", "GPE"), ("Hutu", "ORG"), ("Logan Moran", "PERSON")],
        [("Valencian", "NORP"), ("Parisian", "NORP"), ("Hutu", "NORP"), ("Logan Moran", "PERSON")],
    ),
    (
        "adjectives_of_places",
        "Moran said so.",
        [("Moran", "ORG")],
        [("Moran", "ORG")],
    ),
    (
        "tag_demonyms",
        "The Panamanian boxer lost 37 million French francs.",
        [("37 million French francs", "MONEY")],
        [("37 million French francs", "MONEY"), ("Panamanian", "NORP"), ("French", "NORP")],
    ),
    (
        "consistent_labels",
        "Magna rose. Magna bought Cofinec. Magna said so.",
        [("Magna", "ORG"), ("Magna", "PERSON", 1), ("Magna", "ORG", 2)],
        [("Magna", "ORG"), ("Magna", "ORG"), ("Magna", "ORG")],
    ),
    (
        "consistent_labels",
        "Wang Donghai was held. Police said Wang was charged.",
        [("Wang Donghai", "PERSON"), ("Wang", "ORG", 1)],
        [("Wang Donghai", "PERSON"), ("Wang", "PERSON")],
    ),
    (
        "names_in_full",
        "Fans watched the Premier League final. Premier League clubs spent more.",
        [("Premier League", "ORG"), ("League", "ORG", 1)],
        [("Premier League", "ORG"), ("Premier League", "ORG")],
    ),
    (
        "names_in_full",
        "Bank of England holds rates. Later the Bank of England spoke.",
        [("England", "GPE"), ("Bank of England", "ORG", 1)],
        [("Bank of England", "ORG"), ("Bank of England", "ORG")],
    ),
    # a mention that runs past the longer name is another name, left alone:
    (
        "names_in_full",
        "Harlow Town won. Harlow Town Hall stayed shut.",
        [("Harlow Town", "ORG"), ("Town Hall", "FAC")],
        [("Harlow Town", "ORG"), ("Town Hall", "FAC")],
    ),
    (
        "propagate_names",
        "Alexander Lebed met rebels. Later Lebed said the Kurdistan Democratic Party (KDP) agreed.",
        [("Alexander Lebed", "PERSON"), ("Kurdistan Democratic Party", "ORG")],
        [
            ("Alexander Lebed", "PERSON"),
            ("Kurdistan Democratic Party", "ORG"),
            ("Lebed", "PERSON"),
            ("KDP", "ORG"),
        ],
    ),
    (
        "propagate_names",
        "Rose Smith spoke. Prices rose. Rose later left.",
        [("Rose Smith", "PERSON")],
        [("Rose Smith", "PERSON")],
    ),
    (
        "propagate_names",
        "Wang Donghai spoke. Wang left.",
        [("Wang Donghai", "PERSON")],
        [("Wang Donghai", "PERSON"), ("Wang", "PERSON")],
    ),
    # a given name that is also a surname is no family name written first:
    (
        "propagate_names",
        "Klaus Kinkel spoke. Klaus left.",
        [("Klaus Kinkel", "PERSON")],
        [("Klaus Kinkel", "PERSON")],
    ),
    (
        "propagate_names",
        "Wolfgang Schuessel spoke. Wolfgang left.",
        [("Wolfgang Schuessel", "PERSON")],
        [("Wolfgang Schuessel", "PERSON")],
    ),
    (
        "propagate_names",
        "Ibrahim Rugova spoke. Ibrahim left.",
        [("Ibrahim Rugova", "PERSON")],
        [("Ibrahim Rugova", "PERSON")],
    ),
]


@pytest.mark.parametrize(("rule", "body", "given", "expected"), ROWS)
def test_rule(rule: str, body: str, given: list[Span], expected: list[tuple[str, str]]) -> None:
    text, mentions = tagged(body, *given)
    found = dict(corrections.RULES)[rule](text, mentions)
    assert [(body[m.start : m.end], m.label) for m in found] == expected


def test_every_rule_has_a_row() -> None:
    assert {rule for rule, *_ in ROWS} == corrections.RULE_NAMES


def test_correct_runs_every_rule_and_keeps_offsets_exact() -> None:
    body = "The Kremlin said the U.S.'s envoy met Lebed. Lebed left."
    text, mentions = tagged(
        body, ("The Kremlin", "ORG"), ("the U.S.'s", "GPE"), ("Lebed.", "PERSON")
    )
    found = [(body[m.start : m.end], m.label) for m in corrections.correct(text, mentions)]
    assert found == [("Kremlin", "ORG"), ("U.S.", "GPE"), ("Lebed", "PERSON"), ("Lebed", "PERSON")]


def test_blank_or_empty_spans_from_a_backend_are_dropped_without_error() -> None:
    text = ArticleText(body="A  B")
    blank = [RawMention("body", 1, 3, "ORG"), RawMention("body", 2, 2, "PERSON")]
    assert corrections.correct(text, blank) == []
    for _, rule in corrections.RULES:
        rule(text, list(blank))


class _TaggedAsIs:
    """A backend that proposes "congress" as an organisation, and says which rules to skip."""

    name = "rules"
    version = "test"
    model = None

    def __init__(self, not_needed: frozenset[str]) -> None:
        self.corrections_not_needed = not_needed

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        return [[RawMention("body", 4, 12, "ORG")] for _ in texts]


@pytest.mark.parametrize(
    ("not_needed", "names"),
    [(frozenset(), []), (frozenset({"drop_non_names"}), ["congress"])],
)
def test_a_backend_can_leave_out_corrections_it_does_not_need(
    not_needed: frozenset[str], names: list[str]
) -> None:
    extractor = Extractor(_TaggedAsIs(not_needed))
    found = extractor.extract(ArticleText(body="The congress voted.")).entities
    assert [e.name for e in found] == names


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("Kurdistan", "Democratic", "Party"), "KDP"),
        (("Apple", "Inc."), ""),  # a legal form is no part of an acronym
        (("Bank", "of", "England"), "BE"),
    ],
)
def test_an_acronym_is_made_of_the_name_without_its_legal_form(
    words: tuple[str, ...], expected: str
) -> None:
    assert names.acronym(words) == expected


def test_the_registry_names_each_rule_after_its_function() -> None:
    assert [name for name, _ in corrections.RULES] == [
        rule.__name__ for _, rule in corrections.RULES
    ]
    assert len(corrections.RULE_NAMES) == len(corrections.RULES)


def test_an_unknown_rule_name_is_refused() -> None:
    assert corrections.rule_names("trim_edges") == {"trim_edges"}
    with pytest.raises(UnknownCorrectionError, match="trim_edgse"):
        corrections.rule_names("trim_edges", "trim_edgse")
