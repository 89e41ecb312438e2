"""The modern-news scorer and the annotated articles it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factwire.evaluation import EvaluationDataError
from factwire.evaluation.modern_news import (
    NAME_TYPES,
    REPO_DATA,
    predicted,
    read_article,
    read_articles,
    score,
)
from factwire.models import Entity, Mention

ARTICLES = sorted(REPO_DATA.glob("*.json"))


def test_the_development_set_has_at_least_thirty_articles_on_five_topics() -> None:
    articles = read_articles(REPO_DATA)
    assert len(articles) >= 30
    assert {"tech", "biz", "sport", "pol", "sci"} <= {a.topic for a in articles}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_gold_span_is_the_text_it_names(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem
    for e in data["entities"]:
        field = data[e["field"]]
        assert field[e["start"] : e["end"]] == e["text"]
        assert e["text"] == e["text"].strip() and e["type"] in NAME_TYPES
    assert read_article(path).gold  # every article names something


def test_a_span_that_does_not_match_its_text_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    bad = {"field": "body", "start": 0, "end": 3, "type": "ORG", "text": "Acme"}
    path.write_text(json.dumps({"id": "x", "topic": "t", "body": "Acme", "entities": [bad]}))
    with pytest.raises(EvaluationDataError, match="bad gold entity"):
        read_article(path)


def test_scoring_is_strict_on_offsets_and_type() -> None:
    gold = {("body", 0, 4, "ORG"), ("body", 10, 15, "PERSON")}
    found = {("body", 0, 4, "ORG"), ("body", 10, 14, "PERSON"), ("body", 20, 24, "GPE")}
    counts = score(gold, found)
    assert (counts["micro"].correct, counts["micro"].predicted, counts["micro"].gold) == (1, 3, 2)
    assert counts["ORG"].f1 == 1.0 and counts["PERSON"].recall == 0.0
    assert counts["GPE"].precision == 0.0


def test_only_name_types_are_predicted_mentions() -> None:
    body = "Acme paid $5 on Monday"
    acme = Entity(
        id="e1",
        name="Acme",
        type="ORG",
        mentions=[Mention(field="body", start=0, end=4, text="Acme")],
        salience=1.0,
    )
    money = Entity(
        id="e2",
        name="$5",
        type="MONEY",
        mentions=[Mention(field="body", start=10, end=12, text=body[10:12])],
        salience=0.1,
    )
    assert predicted([acme, money]) == {("body", 0, 4, "ORG")}
