"""One article becomes one tally per entity and per speaker; tallies add up in Counts; the
trending ranking orders them."""

from __future__ import annotations

from typing import Any

import pytest

from factwire.models import EnrichedArticle
from factwire.view.tallies import Counts, Tally, ranked, tallies_of


def by_key(article: EnrichedArticle, threshold: float = 0.5) -> dict[tuple[str, str, str], Any]:
    return {
        (t.kind, t.type, t.name): (t.mentions, t.articles, t.claims, t.checkworthy)
        for t in tallies_of(article, threshold)
    }


def test_an_article_tallies_each_entity_and_each_speaker(article: EnrichedArticle) -> None:
    # (mentions, articles, claims mentioning it or made by the speaker, check-worthy claims)
    assert by_key(article) == {
        ("entity", "PERSON", "Ines Varga"): (2, 1, 0, 0),
        ("entity", "GPE", "Lakeside"): (1, 1, 1, 1),
        ("entity", "ORG", "Transit Board"): (1, 1, 1, 0),  # a repeated entity id counts once
        ("speaker", "PERSON", "Ines Varga"): (0, 1, 2, 2),  # "Varga" resolves to the entity
        ("speaker", "", "Officials"): (0, 1, 1, 0),  # not an entity: no type
    }


@pytest.mark.parametrize(
    ("threshold", "varga_checkworthy"),
    [(0.0, 2), (0.7, 2), (0.75, 1), (0.81, 0)],
)
def test_the_checkworthy_threshold_is_inclusive(
    article: EnrichedArticle, threshold: float, varga_checkworthy: int
) -> None:
    assert by_key(article, threshold)[("speaker", "PERSON", "Ines Varga")][3] == varga_checkworthy


def test_tallies_carry_the_enrichment_time_their_window_is_chosen_by(
    article: EnrichedArticle,
) -> None:
    assert {t.at for t in tallies_of(article, 0.5)} == {article.enriched_at.timestamp()}


def test_the_key_keeps_kind_type_and_name_apart() -> None:
    person = Tally(kind="entity", name="Paris", type="PERSON", at=0.0)
    place = Tally(kind="entity", name="Paris", type="GPE", at=0.0)
    speaker = Tally(kind="speaker", name="Paris", type="PERSON", at=0.0)
    assert len({person.table_key(), place.table_key(), speaker.table_key()}) == 3


def test_counts_add_up_tallies(article: EnrichedArticle) -> None:
    varga = next(t for t in tallies_of(article, 0.5) if t.name == "Ines Varga")
    total = Counts().plus(varga).plus(varga)
    assert (total.kind, total.name, total.type) == ("entity", "Ines Varga", "PERSON")
    assert (total.mentions, total.articles) == (4, 2)


def counts(kind: str, name: str, type_: str, **numbers: int) -> Counts:
    return Counts(kind=kind, name=name, type=type_, **numbers)


def test_entities_rank_by_articles_then_mentions_and_filter_by_type() -> None:
    table = [
        counts("entity", "Oslo", "GPE", articles=2, mentions=2),
        counts("entity", "Ana Lund", "PERSON", articles=2, mentions=5),
        counts("entity", "Bo Eriksen", "PERSON", articles=3, mentions=3),
        counts("speaker", "Ana Lund", "PERSON", claims=9),
    ]
    assert [c.name for c in ranked(table, "entity")] == ["Bo Eriksen", "Ana Lund", "Oslo"]
    assert [c.name for c in ranked(table, "entity", entity_types={"PERSON"}, limit=1)] == [
        "Bo Eriksen"
    ]
    assert [c.name for c in ranked(table, "speaker")] == ["Ana Lund"]


def test_speakers_rank_by_claims_then_checkworthy_then_name() -> None:
    table = [
        counts("speaker", "Zoe", "PERSON", claims=2, checkworthy=2),
        counts("speaker", "Adam", "PERSON", claims=2, checkworthy=2),
        counts("speaker", "Kim", "", claims=2, checkworthy=1),
        counts("speaker", "Lee", "PERSON", claims=3, checkworthy=0),
    ]
    assert [c.name for c in ranked(table, "speaker")] == ["Lee", "Adam", "Zoe", "Kim"]
