"""The hybrid policy on short articles, with the two backends' mentions given by hand."""

from __future__ import annotations

import pytest

from factwire.extraction.backends.hybrid.combine import combine
from factwire.extraction.document import ArticleText, RawMention


def spans(body: str, *found: tuple[str, str]) -> list[RawMention]:
    """Mentions given as (surface, label), each at its first occurrence."""
    out = []
    for surface, label in found:
        start = body.index(surface)
        out.append(RawMention("body", start, start + len(surface), label))
    return out


def combined(body: str, rules: list[RawMention], spacy: list[RawMention]) -> set[tuple[str, str]]:
    return {(body[m.start : m.end], m.label) for m in combine(ArticleText(body=body), rules, spacy)}


def test_agreement_keeps_the_label_and_a_tie_keeps_the_rules_label() -> None:
    body = "Ana Lopez met Tom Reed in Lima."
    rules = spans(body, ("Ana Lopez", "PERSON"), ("Tom Reed", "PERSON"), ("Lima", "GPE"))
    spacy = spans(body, ("Ana Lopez", "PERSON"), ("Tom Reed", "ORG"), ("Lima", "GPE"))
    assert combined(body, rules, spacy) == {
        ("Ana Lopez", "PERSON"),
        ("Tom Reed", "PERSON"),
        ("Lima", "GPE"),
    }


def test_a_cue_on_one_mention_types_every_mention_of_the_name() -> None:
    body = "Cloud software company Veltrix grew. Veltrix hired staff."
    rules = [*spans(body, ("Veltrix", "PERSON")), RawMention("body", 37, 44, "PERSON")]
    assert combined(body, rules, []) == {("Veltrix", "ORG")}


def test_a_listed_company_is_an_organisation_against_both_backends() -> None:
    body = "Shares of Nvidia rose."
    found = spans(body, ("Nvidia", "GPE"))
    assert combined(body, found, found) == {("Nvidia", "ORG")}


def test_a_spacy_only_name_needs_support_and_never_comes_from_a_capitals_line() -> None:
    body = "MEN SCHEDULE\nMen won. The film Paper Kites opened."
    spacy = spans(body, ("SCHEDULE", "ORG"), ("Men", "ORG"), ("Paper Kites", "WORK_OF_ART"))
    assert combined(body, [], spacy) == {("Paper Kites", "WORK_OF_ART")}


def test_a_product_takes_its_version_number_and_a_company_owns_a_product() -> None:
    body = "It praised Samsung's Galaxy S26 in India."
    rules = spans(body, ("Samsung", "ORG"), ("Galaxy", "ORG"), ("India", "GPE"))
    assert combined(body, rules, []) == {
        ("Samsung", "ORG"),
        ("Galaxy S26", "PRODUCT"),
        ("India", "GPE"),
    }


def test_a_headline_category_noun_is_not_part_of_the_name() -> None:
    body = "Chipmaker Halcyon Semiconductor beats forecasts"
    rules = spans(body, ("Chipmaker Halcyon Semiconductor", "ORG"))
    assert combined(body, rules, []) == {("Halcyon Semiconductor", "ORG")}


def test_values_are_spacys_unless_they_overlap_a_name() -> None:
    body = "Traffic on the 25 de Abril Bridge fell 5 percent."
    rules = spans(body, ("25 de Abril Bridge", "FAC"))
    spacy = spans(body, ("25", "CARDINAL"), ("5 percent", "PERCENT"))
    assert combined(body, rules, spacy) == {("25 de Abril Bridge", "FAC"), ("5 percent", "PERCENT")}


def test_a_spacy_organisation_joins_the_rules_pieces_it_spans() -> None:
    body = "Figures from the Office for National Statistics showed it."
    rules = spans(body, ("Office", "ORG"), ("National Statistics", "PERSON"))
    spacy = spans(body, ("the Office for National Statistics", "ORG"))
    assert combined(body, rules, spacy) == {("Office for National Statistics", "ORG")}


def test_a_member_of_a_list_without_evidence_takes_the_type_of_most_members() -> None:
    body = "It competes with Ondine, Brightwell and Kestrel."
    rules = spans(body, ("Ondine", "ORG"), ("Brightwell", "ORG"), ("Kestrel", "GPE"))
    assert combined(body, rules, []) == {
        ("Ondine", "ORG"),
        ("Brightwell", "ORG"),
        ("Kestrel", "ORG"),
    }


def test_a_region_word_or_a_facility_word_ending_a_name_types_it() -> None:
    body = "Turkana County officials met at State House on Monday."
    found = spans(body, ("Turkana County", "ORG"), ("State House", "PERSON"))
    assert combined(body, found, found) == {("Turkana County", "GPE"), ("State House", "FAC")}


@pytest.mark.parametrize(
    ("name", "label"),
    [("Silver Fennick", "ORG"), ("Anna Fennick", "PERSON"), ("Fennick Varga", "PERSON")],
)
def test_a_name_opening_with_a_common_word_is_less_likely_a_persons(name: str, label: str) -> None:
    body = f"Analysts praised {name} on Monday."
    rules = spans(body, (name, "PERSON"))
    spacy = spans(body, (name, "ORG"))
    assert combined(body, rules, spacy) == {(name, label)}


@pytest.mark.parametrize(
    ("body", "names", "label"),
    [
        ("It trained on chips from Kavro and Tessel Dyne.", ("Kavro", "Tessel Dyne"), "ORG"),
        ("It asked the firms behind Chirp, Lumo and Pika.", ("Chirp", "Lumo", "Pika"), "PRODUCT"),
        (
            "It trained on chips from Kavro. Tessel Dyne and Ana met.",
            ("Kavro", "Tessel Dyne"),
            None,
        ),
    ],
)
def test_the_cue_before_a_list_types_each_name_in_it(
    body: str, names: tuple[str, ...], label: str | None
) -> None:
    rules = spans(body, *((n, "PERSON") for n in names))
    found = dict(combined(body, rules, []))
    assert found[names[-1]] == (label or "PERSON")


@pytest.mark.parametrize(
    ("body", "rules_name", "spacy_name", "expected"),
    [
        ("Rain fell. Coco Varda won the final.", "Varda", "Coco Varda", ("Coco Varda", "PERSON")),
        (
            "Rain fell. Striker Tiago Lunde scored.",
            "Tiago Lunde",
            "Striker Tiago Lunde",
            ("Tiago Lunde", "PERSON"),
        ),
        ("He said Coco Varda won.", "Varda", "Coco Varda", ("Varda", "ORG")),
    ],
)
def test_spacy_restores_a_word_opening_the_sentence_that_the_rules_left_out(
    body: str, rules_name: str, spacy_name: str, expected: tuple[str, str]
) -> None:
    rules = spans(body, (rules_name, "ORG" if rules_name == "Varda" else "PERSON"))
    assert expected in combined(body, rules, spans(body, (spacy_name, "PERSON")))


@pytest.mark.parametrize(
    ("body", "nationality", "rest", "expected"),
    [
        (
            "Staff at the Nordic Polar Survey said so.",
            "Nordic",
            "Polar Survey",
            "Nordic Polar Survey",
        ),
        ("Staff at the Nordic Kavro AI said so.", "Nordic", "Kavro AI", "Kavro AI"),
    ],
)
def test_a_nationality_opens_an_institutions_name_but_not_a_companys(
    body: str, nationality: str, rest: str, expected: str
) -> None:
    rules = spans(body, (nationality, "NORP"), (rest, "ORG"))
    spacy = spans(body, (f"the {nationality} {rest}", "ORG"))
    assert (expected, "ORG") in combined(body, rules, spacy)


@pytest.mark.parametrize(
    ("body", "parts", "whole", "joined"),
    [
        (
            "It said Lumo Rights in Vessia was shut.",
            ("Lumo Rights", "Vessia"),
            "Lumo Rights in Vessia",
            True,
        ),
        (
            "It said the Kent and Vessia Cricket Board met.",
            ("Kent", "Vessia Cricket Board"),
            "Kent and Vessia Cricket Board",
            True,
        ),
        ("It said Kent and Vessia met.", ("Kent", "Vessia"), "Kent and Vessia", False),
    ],
)
def test_a_spacy_organisation_joins_rules_pieces_over_lower_case_joining_words(
    body: str, parts: tuple[str, str], whole: str, joined: bool
) -> None:
    rules = spans(body, (parts[0], "ORG"), (parts[1], "GPE"))
    assert ((whole, "ORG") in combined(body, rules, spans(body, (whole, "ORG")))) == joined


def test_spacys_span_with_a_possessive_ending_is_the_same_name() -> None:
    body = "Analysts praised Fennick's results."
    spacy = spans(body, ("Fennick's", "ORG"))
    assert combined(body, spans(body, ("Fennick", "PERSON")), spacy) == {("Fennick", "ORG")}
