"""Each correction rule on a sentence that shows the model error it fixes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from factwire.extraction import Extractor, corrections
from factwire.extraction.corrections import Rule
from factwire.extraction.document import ArticleText, RawMention


def tagged(body: str, *spans: tuple[str, str]) -> tuple[ArticleText, list[RawMention]]:
    """An article and mentions given as (surface, label), each at its first occurrence."""
    mentions = []
    for surface, label in spans:
        start = body.index(surface)
        mentions.append(RawMention("body", start, start + len(surface), label))
    return ArticleText(body=body), mentions


def apply(rule: Rule, body: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    text, mentions = tagged(body, *spans)
    return [(body[m.start : m.end], m.label) for m in rule(text, mentions)]


def test_a_name_does_not_run_across_a_line_break() -> None:
    body = "Talks in Major League\nBaseball resumed."
    assert apply(corrections.cut_at_line_breaks, body, ("Major League\nBaseball", "ORG")) == [
        ("Major League", "ORG")
    ]


def test_quotes_and_sentence_punctuation_are_trimmed_but_abbreviations_keep_their_dot() -> None:
    body = 'He praised "Acme," then left the U.S.'
    assert apply(corrections.trim_edges, body, ('"Acme,"', "ORG"), ("U.S.", "GPE")) == [
        ("Acme", "ORG"),
        ("U.S.", "GPE"),
    ]


def test_a_period_stays_when_the_sentence_goes_on_after_it() -> None:
    body = "CUPERTINO, Calif. (Reuters) - Talks ended in Paris."
    found = apply(corrections.trim_edges, body, ("Calif.", "GPE"), ("Paris.", "GPE"))
    assert found == [("Calif.", "GPE"), ("Paris", "GPE")]


def test_a_spaced_dash_separates_two_names() -> None:
    body = "Goals: Romania - Cosmin Contra (31st)."
    assert apply(corrections.cut_at_dashes, body, ("Romania - Cosmin Contra", "PERSON")) == [
        ("Cosmin Contra", "PERSON")
    ]


def test_the_article_is_not_part_of_a_name_except_mid_sentence_capitalised() -> None:
    body = "The United States and the Netherlands met at The Hague."
    found = apply(
        corrections.trim_leading_article,
        body,
        ("The United States", "GPE"),
        ("the Netherlands", "GPE"),
        ("The Hague", "GPE"),
    )
    assert found == [("United States", "GPE"), ("Netherlands", "GPE"), ("The Hague", "GPE")]


def test_common_words_at_the_edge_of_a_name_are_trimmed() -> None:
    body = "said the Interfax news agency on Monday."
    assert apply(corrections.trim_lowercase_words, body, ("Interfax news agency", "ORG")) == [
        ("Interfax", "ORG")
    ]


def test_an_organisation_split_at_its_possessive_is_rejoined() -> None:
    body = "Analysts at Moody's Investors Service cut the rating."
    found = apply(
        corrections.join_possessive_org, body, ("Moody", "PERSON"), ("Investors Service", "ORG")
    )
    assert found == [("Moody's Investors Service", "ORG")]


def test_a_possessive_ending_is_not_part_of_the_name() -> None:
    body = "Smith's plan and the Joneses' house."
    found = apply(corrections.trim_possessive, body, ("Smith's", "PERSON"), ("Joneses'", "PERSON"))
    assert found == [("Smith", "PERSON"), ("Joneses", "PERSON")]


def test_numbers_separate_names_but_event_names_keep_theirs() -> None:
    body = "G. Kersey 63 starred at Euro 96.\nOldham 3 Ipswich 3"
    found = apply(
        corrections.split_at_numbers,
        body,
        ("G. Kersey 63", "PERSON"),
        ("Euro 96", "EVENT"),
        ("Oldham 3 Ipswich", "PERSON"),
    )
    assert found == [
        ("G. Kersey", "PERSON"),
        ("Euro 96", "EVENT"),
        ("Oldham", "PERSON"),
        ("Ipswich", "PERSON"),
    ]


def test_a_name_without_a_capital_letter_is_dropped() -> None:
    body = "The bill went to congress on 5 May."
    found = apply(corrections.drop_non_names, body, ("congress", "ORG"), ("5 May", "DATE"))
    assert found == [("5 May", "DATE")]


def test_ai_is_neither_a_place_nor_an_organisation() -> None:
    body = "Investors poured money into AI last year."
    assert apply(corrections.fix_known_confusions, body, ("AI", "GPE")) == []


def test_a_one_word_person_spelled_like_a_product_is_a_product() -> None:
    body = "Sales of the iPhone and of GPT-4 grew, McGrath said."
    found = apply(
        corrections.products_not_people,
        body,
        ("iPhone", "PERSON"),
        ("GPT-4", "PERSON"),
        ("McGrath", "PERSON"),
    )
    assert found == [("iPhone", "PRODUCT"), ("GPT-4", "PRODUCT"), ("McGrath", "PERSON")]


def test_in_a_results_row_a_city_is_a_team_and_a_country_a_national_side() -> None:
    body = "Results:\nChicago 5 Stoke 3\nRomania 2 Lithuania 1\nAttendance 12 000"
    found = apply(
        corrections.teams_in_tables,
        body,
        ("Chicago", "GPE"),
        ("Romania", "GPE"),
        ("Attendance", "PERSON"),
    )
    assert sorted(found) == [
        ("Chicago", "ORG"),
        ("Lithuania", "GPE"),
        ("Romania", "GPE"),
        ("Stoke", "ORG"),
    ]


def test_an_athlete_followed_by_a_nationality_in_a_results_row_is_a_person() -> None:
    body = "1. Tegla Loroupe ( Kenya ) 15:08.79 2. Liz McColgan ( Britain ) 15:10.21"
    found = apply(corrections.teams_in_tables, body, ("Tegla Loroupe", "ORG"))
    assert ("Tegla Loroupe", "PERSON") in found
    assert ("Liz McColgan", "PERSON") in found
    assert ("Kenya", "GPE") in found


def test_the_same_name_gets_the_majority_label() -> None:
    body = "Magna rose. Magna bought Cofinec. Magna said so."
    text = ArticleText(body=body)
    mentions = [
        RawMention("body", 0, 5, "ORG"),
        RawMention("body", 12, 17, "PERSON"),
        RawMention("body", 32, 37, "ORG"),
    ]
    assert {m.label for m in corrections.consistent_labels(text, mentions)} == {"ORG"}


def test_a_lone_surname_is_the_person_named_in_full() -> None:
    body = "Wang Donghai was held. Police said Wang was charged."
    found = apply(
        corrections.consistent_labels, body, ("Wang Donghai", "PERSON"), ("Wang was", "ORG")
    )
    assert found[1] == ("Wang was", "ORG")  # a different surface keeps its label
    text = ArticleText(body=body)
    lone = RawMention("body", body.index("Wang was"), body.index("Wang was") + 4, "ORG")
    full = RawMention("body", 0, 12, "PERSON")
    assert [m.label for m in corrections.consistent_labels(text, [full, lone])] == [
        "PERSON",
        "PERSON",
    ]


def test_repeated_mentions_the_tagger_missed_are_tagged() -> None:
    body = (
        "Alexander Lebed met rebels. Later Lebed said the Kurdistan Democratic Party (KDP) agreed."
    )
    text, mentions = tagged(
        body, ("Alexander Lebed", "PERSON"), ("Kurdistan Democratic Party", "ORG")
    )
    found = {(body[m.start : m.end], m.label) for m in corrections.propagate_names(text, mentions)}
    assert ("Lebed", "PERSON") in found
    assert ("KDP", "ORG") in found


def test_a_name_that_is_also_a_common_word_in_the_article_is_not_propagated() -> None:
    body = "Rose Smith spoke. Prices rose. Rose later left."
    text, mentions = tagged(body, ("Rose Smith", "PERSON"))
    found = [body[m.start : m.end] for m in corrections.propagate_names(text, mentions)]
    assert found == ["Rose Smith"]


def test_correct_runs_every_rule_and_keeps_offsets_exact() -> None:
    body = "The Kremlin said the U.S.'s envoy met Lebed. Lebed left."
    text, mentions = tagged(
        body, ("The Kremlin", "ORG"), ("the U.S.'s", "GPE"), ("Lebed.", "PERSON")
    )
    found = [(body[m.start : m.end], m.label) for m in corrections.correct(text, mentions)]
    assert found == [("Kremlin", "ORG"), ("U.S.", "GPE"), ("Lebed", "PERSON"), ("Lebed", "PERSON")]


def test_a_given_name_or_initial_left_out_of_a_person_is_taken_in() -> None:
    body = "Sandrine Testud beat her rival. R. Ponting not out. President Obama spoke."
    found = apply(
        corrections.complete_person_names,
        body,
        ("Testud", "PERSON"),
        ("R.", "NORP"),
        ("Obama", "PERSON"),
    )
    assert found == [("Sandrine Testud", "PERSON"), ("R. Ponting", "PERSON"), ("Obama", "PERSON")]


def test_a_country_is_a_place_even_as_a_team_or_a_government() -> None:
    body = "Belarus beat Estonia 1-0, and Britain protested."
    found = apply(
        corrections.countries_are_places,
        body,
        ("Belarus", "ORG"),
        ("Estonia", "PERSON"),
        ("Britain", "ORG"),
    )
    assert found == [("Belarus", "GPE"), ("Estonia", "GPE"), ("Britain", "GPE")]


def test_a_name_followed_only_by_numbers_in_a_league_table_is_a_team() -> None:
    body = "Standings:\nPohang 2 1 1 11 10 7\nUlsan 2 0 2 8 9 6"
    found = apply(corrections.teams_in_tables, body, ("Pohang", "PERSON"))
    assert sorted(found) == [("Pohang", "ORG"), ("Ulsan", "ORG")]


def test_a_nationality_the_tagger_left_out_is_norp() -> None:
    body = "The Panamanian boxer lost 37 million French francs."
    found = apply(corrections.tag_demonyms, body, ("37 million French francs", "MONEY"))
    assert sorted(found) == [
        ("37 million French francs", "MONEY"),
        ("French", "NORP"),
        ("Panamanian", "NORP"),
    ]


def test_a_city_that_beats_another_side_is_a_team_but_a_country_stays_a_place() -> None:
    body = "Leicestershire beat Somerset, and Wales beat San Marino."
    found = apply(
        corrections.teams_in_match_reports,
        body,
        ("Leicestershire", "PERSON"),
        ("Somerset", "GPE"),
        ("Wales", "GPE"),
        ("San Marino", "GPE"),
    )
    assert found == [
        ("Leicestershire", "ORG"),
        ("Somerset", "ORG"),
        ("Wales", "GPE"),
        ("San Marino", "GPE"),
    ]


def test_blank_or_empty_spans_from_a_backend_are_dropped_without_error() -> None:
    text = ArticleText(body="A  B")
    blank = [RawMention("body", 1, 3, "ORG"), RawMention("body", 2, 2, "PERSON")]
    assert corrections.correct(text, blank) == []
    for _, rule in corrections.RULES:
        rule(text, list(blank))


def test_an_acronym_is_made_of_the_name_without_its_legal_form() -> None:
    assert corrections.acronym(("Kurdistan", "Democratic", "Party")) == "KDP"
    assert corrections.acronym(("Apple", "Inc.")) == ""
    assert corrections.acronym(("Bank", "of", "England")) == "BE"


def test_in_a_capitals_line_a_trailing_common_word_is_not_part_of_the_name() -> None:
    body = (
        "SOCCER - SLOVAKIA IN WORLD CUP QUALIFIER .\nNEW YORK 74 58\n"
        "He saw World Cup Qualifier games."
    )
    found = apply(
        corrections.trim_shouted_common_word,
        body,
        ("WORLD CUP QUALIFIER", "EVENT"),
        ("NEW YORK", "GPE"),
        ("World Cup Qualifier", "EVENT"),
    )
    assert found == [
        ("WORLD CUP", "EVENT"),
        ("NEW YORK", "GPE"),
        ("World Cup Qualifier", "EVENT"),
    ]


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


def test_a_place_name_tagged_as_a_person_is_a_place_where_the_words_before_say_place() -> None:
    body = "Floods hit the province of Valencia. Madrid sent money to Valencia."
    first, second = body.index("Valencia"), body.rindex("Valencia")
    mentions = [
        RawMention("body", first, first + 8, "PERSON"),
        RawMention("body", second, second + 8, "PERSON"),
    ]
    found = corrections.places_by_context(ArticleText(body=body), mentions)
    assert [m.label for m in found] == ["GPE", "GPE"]


def test_a_place_name_that_speaks_or_has_no_place_words_stays_a_person() -> None:
    body = "Fans cheered in Houston. Houston said the team was ready."
    first, second = body.index("Houston"), body.rindex("Houston")
    mentions = [
        RawMention("body", first, first + 7, "PERSON"),
        RawMention("body", second, second + 7, "PERSON"),
    ]
    found = corrections.places_by_context(ArticleText(body=body), mentions)
    assert [m.label for m in found] == ["PERSON", "PERSON"]
    assert apply(
        corrections.places_by_context, "Valencia scored twice.", ("Valencia", "PERSON")
    ) == [("Valencia", "PERSON")]


@pytest.mark.parametrize(
    ("body", "full_name", "lone"),
    [
        ("Wang Donghai spoke. Wang left.", "Wang Donghai", ["Wang"]),  # family name first
        ("Klaus Kinkel spoke. Klaus left.", "Klaus Kinkel", []),  # a given name, not a surname
        ("Wolfgang Schuessel spoke. Wolfgang left.", "Wolfgang Schuessel", []),
        ("Ibrahim Rugova spoke. Ibrahim left.", "Ibrahim Rugova", []),
    ],
)
def test_the_first_word_of_a_full_name_is_propagated_only_when_it_is_a_family_name(
    body: str, full_name: str, lone: list[str]
) -> None:
    text, mentions = tagged(body, (full_name, "PERSON"))
    found = corrections.propagate_names(text, mentions)
    assert [body[m.start : m.end] for m in found if m.start > 0] == lone
