"""Named-entity quality on today's news: the project's own annotated articles.

The articles in ``tests/data/modern_news/`` (one JSON file each; the README there gives the
format and the annotation guide) were written for the project: technology, business, sport,
politics and science stories of the 2020s with invented companies, models, apps and clubs. Every
name mention of the title and body is gold, with its OntoNotes type. Scoring is strict and by
mention: a predicted mention counts when its field, offsets and type equal a gold one. Only the
name labels are scored (values such as dates and amounts are not annotated).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwire.evaluation import EvaluationDataError, Report
from factwire.evaluation.conll import Counts
from factwire.extraction import ArticleText, get_extractor
from factwire.models import Entity

TASK = "modern-news"
NAME_TYPES = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
)
REPO_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "modern_news"
HOLDOUT_DATA = REPO_DATA.with_name("modern_news_holdout")
"""The held-out articles: the ``modern-news-holdout`` task's, not this one's."""

Gold = tuple[str, int, int, str]
"""A typed mention: field, start, end, type."""


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    topic: str
    title: str
    body: str
    gold: frozenset[Gold]

    @property
    def words(self) -> int:
        return len(self.title.split()) + len(self.body.split())


def read_article(path: Path) -> Article:
    """One annotated article; a gold span whose text differs from the article's is an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fields = {"title": data.get("title") or "", "body": data["body"]}
        gold: set[Gold] = set()
        for e in data["entities"]:
            span = fields[e["field"]][e["start"] : e["end"]]
            if span != e["text"] or e["type"] not in NAME_TYPES:
                raise EvaluationDataError(f"{path.name}: bad gold entity {e}")
            gold.add((e["field"], e["start"], e["end"], e["type"]))
        return Article(data["id"], data["topic"], fields["title"], fields["body"], frozenset(gold))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvaluationDataError(f"cannot read annotated article {path}: {exc}") from exc


def read_articles(directory: Path) -> list[Article]:
    return [read_article(p) for p in sorted(directory.glob("*.json"))]


def predicted(entities: Iterable[Entity]) -> set[Gold]:
    """The typed name mentions of an extraction, in the gold format."""
    return {
        (m.field, m.start, m.end, e.type)
        for e in entities
        if e.type in NAME_TYPES
        for m in e.mentions
    }


def score(gold: Iterable[tuple[Any, ...]], found: Iterable[tuple[Any, ...]]) -> dict[str, Counts]:
    """Strict counts per type (the last item of each tuple) and ``micro`` over all of them."""
    gold, found = set(gold), set(found)
    out: dict[str, Counts] = {}
    for kind in NAME_TYPES:
        g = {x for x in gold if x[-1] == kind}
        p = {x for x in found if x[-1] == kind}
        if g or p:
            out[kind] = Counts(correct=len(g & p), predicted=len(p), gold=len(g))
    out["micro"] = Counts(correct=len(gold & found), predicted=len(found), gold=len(gold))
    return out


def extract(backend: str, articles: Sequence[Article]) -> tuple[list[set[Gold]], float]:
    """Each article's predicted mentions with one backend's full pipeline, and the seconds."""
    extractor = get_extractor(backend)
    texts = [ArticleText(body=a.body, title=a.title) for a in articles]
    started = time.perf_counter()
    results = extractor.extract_many(texts)
    seconds = time.perf_counter() - started
    return [predicted(r.entities) for r in results], seconds


def _table(backend: str, counts: dict[str, Counts], words: int, seconds: float) -> list[str]:
    rows = [
        f"backend {backend}",
        f"{'type':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>5} {'pred':>5} {'ok':>5}",
    ]
    for kind, c in counts.items():
        rows.append(
            f"{kind:<12} {c.precision:>9.4f} {c.recall:>7.4f} {c.f1:>7.4f} "
            f"{c.gold:>5} {c.predicted:>5} {c.correct:>5}"
        )
    rows.append(f"speed: {words / seconds if seconds else 0:,.0f} words/s ({seconds:.2f} s)")
    return rows


def handles(path: Path) -> bool:
    """A folder of annotated article files (other than the held-out set)."""
    return path.is_dir() and any(path.glob("*.json")) and path.resolve() != HOLDOUT_DATA


def default_paths(data_dir: Path) -> list[Path]:
    """The project's own articles (they live in the repository, not in the data folder)."""
    return [REPO_DATA]


def run(
    backends: list[str], paths: list[Path], limit: int | None = None, task: str = TASK
) -> Report:
    """Score each backend on each folder of annotated articles (``task`` names the report)."""
    texts: list[str] = []
    figures: dict[str, Any] = {}
    for path in paths:
        articles = read_articles(path)[:limit]
        if not articles:
            raise EvaluationDataError(f"no annotated articles in {path}")
        words = sum(a.words for a in articles)
        head = f"NER on {path.name} ({len(articles)} articles, {words:,} words; strict mentions)"
        texts.append(head)
        per_backend: dict[str, Any] = {}
        for backend in backends:
            found, seconds = extract(backend, articles)
            counts = score(
                {g for a in articles for g in {(a.id, *x) for x in a.gold}},
                {p for a, f in zip(articles, found, strict=True) for p in {(a.id, *x) for x in f}},
            )
            texts.append("\n".join(_table(backend, counts, words, seconds)))
            per_backend[backend] = {k: c.as_dict() for k, c in counts.items()}
        figures[path.name] = {"articles": len(articles), "backends": per_backend}
    return Report(task=task, text="\n\n".join(texts), figures=figures)
