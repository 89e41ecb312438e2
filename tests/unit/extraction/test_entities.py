"""Merging mentions into one entity per referent, one example per joining rule."""

from __future__ import annotations

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.entities import build_entities
from factwire.models import Entity


def entities(body: str, *spans: tuple[str, str], title: str = "") -> list[Entity]:
    """Entities of an article whose mentions are (surface, label) at each occurrence, in order."""
    mentions = []
    cursor = {"title": 0, "body": 0}
    for surface, label in spans:
        field = "body"
        start = body.find(surface, cursor["body"])
        if start < 0:
            field, start = "title", title.index(surface, cursor["title"])
        cursor[field] = start + len(surface)
        mentions.append(RawMention(field, start, start + len(surface), label))  # type: ignore[arg-type]
    return build_entities(ArticleText(body=body, title=title), mentions)


def names(found: list[Entity]) -> list[tuple[str, list[str]]]:
    return [(e.name, e.aliases) for e in found]


def test_a_surname_joins_the_full_name() -> None:
    body = "Lourdes Casanova teaches at Cornell. Casanova said growth would slow."
    found = entities(
        body, ("Lourdes Casanova", "PERSON"), ("Cornell", "ORG"), ("Casanova", "PERSON")
    )
    assert names(found) == [("Lourdes Casanova", ["Casanova"]), ("Cornell", [])]
    assert [len(e.mentions) for e in found] == [2, 1]


def test_a_surname_joins_a_full_name_ending_in_a_generation() -> None:
    body = "Joseph R. Biden Jr. spoke in Scranton. Biden praised the crowd."
    found = entities(body, ("Joseph R. Biden Jr.", "PERSON"), ("Biden", "PERSON"))
    assert names(found) == [("Joseph R. Biden Jr.", ["Biden"])]


def test_a_surname_shared_by_two_people_goes_to_the_one_named_last() -> None:
    body = "Bill Clinton spoke first. Then Hillary Clinton spoke. Clinton smiled."
    found = entities(
        body, ("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")
    )
    assert names(found) == [("Bill Clinton", []), ("Hillary Clinton", ["Clinton"])]


def test_short_forms_join_long_forms_of_well_known_names() -> None:
    body = "The United States and the U.S. Treasury; America and the UK, then Britain."
    found = entities(
        body,
        ("United States", "GPE"),
        ("U.S.", "GPE"),
        ("America", "GPE"),
        ("UK", "GPE"),
        ("Britain", "GPE"),
    )
    assert names(found) == [("United States", ["U.S.", "America"]), ("Britain", ["UK"])]


def test_a_company_without_its_legal_suffix_joins_the_full_company_name() -> None:
    body = "Apple Inc. reported results. Apple said sales rose."
    found = entities(body, ("Apple Inc.", "ORG"), ("Apple", "ORG"))
    assert names(found) == [("Apple Inc.", ["Apple"])]


def test_an_acronym_joins_its_expansion_when_both_appear() -> None:
    body = "The Kurdistan Democratic Party took Arbil. The KDP denied it."
    found = entities(body, ("Kurdistan Democratic Party", "ORG"), ("Arbil", "GPE"), ("KDP", "ORG"))
    assert names(found) == [("Kurdistan Democratic Party", ["KDP"]), ("Arbil", [])]


def test_title_and_possessive_variants_join_and_the_name_has_neither() -> None:
    body = "President Barack Obama spoke. Obama's plan passed. Mr. Obama left."
    found = entities(
        body,
        ("President Barack Obama", "PERSON"),
        ("Obama's", "PERSON"),
        ("Mr. Obama", "PERSON"),
    )
    assert names(found) == [("Barack Obama", ["President Barack Obama", "Obama's", "Mr. Obama"])]


def test_a_name_in_capitals_joins_its_ordinary_spelling() -> None:
    found = entities(
        "Lebed flew to Grozny.", ("LEBED", "PERSON"), ("Lebed", "PERSON"), title="LEBED IN TALKS"
    )
    assert names(found) == [("Lebed", ["LEBED"])]
    assert found[0].mentions[0].field == "title"


def test_values_are_one_entity_per_distinct_text() -> None:
    body = "It cost $5 million on Monday and $5 million on Friday."
    found = entities(
        body,
        ("$5 million", "MONEY"),
        ("Monday", "DATE"),
        ("$5 million", "MONEY"),
        ("Friday", "DATE"),
    )
    assert names(found) == [("$5 million", []), ("Monday", []), ("Friday", [])]


def test_ids_follow_first_appearance_and_mentions_are_exact_slices() -> None:
    body = "Acme hired Jane Roe. Roe joined Acme."
    found = entities(
        body, ("Acme", "ORG"), ("Jane Roe", "PERSON"), ("Roe", "PERSON"), ("Acme", "ORG")
    )
    assert [(e.id, e.name, e.type) for e in found] == [
        ("e1", "Acme", "ORG"),
        ("e2", "Jane Roe", "PERSON"),
    ]
    for entity in found:
        for m in entity.mentions:
            assert m.text == body[m.start : m.end]


def test_place_labels_join_and_the_type_is_the_majority_label() -> None:
    body = "Georgia voted. Georgia counted. Georgia waited."
    found = entities(body, ("Georgia", "GPE"), ("Georgia", "LOC"), ("Georgia", "GPE"))
    assert [(e.name, e.type, len(e.mentions)) for e in found] == [("Georgia", "GPE", 3)]


def test_a_person_and_a_place_of_the_same_spelling_stay_apart() -> None:
    body = "Denzel Washington flew to Washington."
    found = entities(body, ("Denzel Washington", "PERSON"), ("Washington", "GPE"))
    assert [(e.name, e.type) for e in found] == [
        ("Denzel Washington", "PERSON"),
        ("Washington", "GPE"),
    ]


def test_a_one_word_short_form_joins_the_one_longer_name_it_opens_or_ends() -> None:
    body = "Halcyon Semiconductor grew. Halcyon hired. The Premier League met. League clubs spent."
    found = entities(
        body,
        ("Halcyon Semiconductor", "ORG"),
        ("Halcyon", "ORG"),
        ("Premier League", "ORG"),
        ("League", "ORG"),
    )
    assert names(found) == [("Halcyon Semiconductor", ["Halcyon"]), ("Premier League", [])]
    assert [len(e.mentions) for e in found] == [2, 2]


def test_the_word_for_the_kind_of_organisation_joins_it_but_is_no_alias() -> None:
    body = "The Bank of Lusitania held rates. The Bank's target is 2%. Solvia Energy agreed."
    found = entities(body, ("Bank of Lusitania", "ORG"), ("Bank", "ORG"), ("Solvia Energy", "ORG"))
    assert names(found) == [("Bank of Lusitania", []), ("Solvia Energy", [])]
    assert [len(e.mentions) for e in found] == [2, 1]
