"""The held-out modern-news task: its articles, which folder it claims, what it prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factwire.evaluation import modern_news, modern_news_holdout
from factwire.evaluation.__main__ import main
from factwire.evaluation.modern_news import NAME_TYPES, read_article, read_articles

HELD_OUT = modern_news_holdout.REPO_DATA
ARTICLES = sorted(HELD_OUT.glob("*.json"))


def test_the_held_out_set_has_at_least_twenty_articles_on_six_topics() -> None:
    articles = read_articles(HELD_OUT)
    assert len(articles) >= 20
    assert {"tech", "biz", "sport", "pol", "sci", "culture"} <= {a.topic for a in articles}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_held_out_gold_span_is_the_text_it_names(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem
    for e in data["entities"]:
        assert data[e["field"]][e["start"] : e["end"]] == e["text"]
        assert e["text"] == e["text"].strip() and e["type"] in NAME_TYPES
    assert read_article(path).gold


def test_no_held_out_article_repeats_a_development_article() -> None:
    development = {(a.title, a.body) for a in read_articles(modern_news.REPO_DATA)}
    assert not development & {(a.title, a.body) for a in read_articles(HELD_OUT)}


@pytest.mark.parametrize(
    ("folder", "held_out", "development"),
    [(HELD_OUT, True, False), (modern_news.REPO_DATA, False, True)],
)
def test_each_folder_belongs_to_one_task(folder: Path, held_out: bool, development: bool) -> None:
    assert modern_news_holdout.handles(folder) is held_out
    assert modern_news.handles(folder) is development


def test_the_task_prints_its_figures_as_held_out(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--task", "modern-news-holdout", "--backend", "rules", "--limit", "2"])
    assert code == 0
    text = capsys.readouterr().out
    assert text.startswith("held out (measure only")
    assert "NER on modern_news_holdout (2 articles" in text and "backend rules" in text
