"""Check-worthiness quality on sentences labelled check-worthy (1) or not (0).

The data is a JSON array of ``{"sentence_id", "label", "text"}`` (ClaimBuster's layout). Each
sentence goes through the whole pipeline as one article (``{"id", "body": text}``); its score is
the highest ``checkworthiness`` among its claims, 0 when it has none. Figures: ROC-AUC (a tie
between a check-worthy and another sentence counts half) and the F1 of the check-worthy class at
the best threshold, next to a baseline scored in the same run: 1 when the sentence has a digit or
a number word, else 0. The labels only measure: nothing here feeds back into extraction.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from factwire.evaluation import EvaluationDataError, Report
from factwire.extraction import ArticleText, get_extractor
from factwire.models import Claim

TASK = "checkworthiness"
DEFAULT_FILE = "claimbuster/dev.json"
BATCH = 64


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


NUMBER_WORDS = _wordset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion trillions dozen dozens"
)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    check_worthy: bool


@dataclass(frozen=True, slots=True)
class Ranking:
    """How well scores rank the check-worthy sentences above the others."""

    auc: float
    best_f1: float
    threshold: float

    @classmethod
    def of(cls, scores: Sequence[float], labels: Sequence[bool]) -> Ranking:
        f1, threshold = best_f1(scores, labels)
        return cls(roc_auc(scores, labels), f1, threshold)


# --- the figures --------------------------------------------------------------------------


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The chance that a random positive scores above a random negative, ties counting half
    (Mann-Whitney U over mid-ranks)."""
    if len(scores) != len(labels):
        raise ValueError("one label per score")
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        raise ValueError("ROC-AUC needs both positive and negative examples")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j) / 2 + 1  # ranks from 1; a tied group shares its average rank
        rank_sum += mid_rank * sum(1 for k in order[i : j + 1] if labels[k])
        i = j + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def best_f1(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """The highest F1 of the positive class over thresholds "score >= t" (t = each distinct
    score), and the lowest threshold reaching it."""
    if len(scores) != len(labels):
        raise ValueError("one label per score")
    positives = sum(labels)
    if not positives:
        raise ValueError("F1 of the positive class needs a positive example")
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: p[0], reverse=True)
    best, best_threshold = 0.0, pairs[0][0]
    predicted = hits = 0
    for k, (score, label) in enumerate(pairs):
        predicted += 1
        hits += label
        if k + 1 < len(pairs) and pairs[k + 1][0] == score:
            continue  # a threshold takes every sentence with that score
        f1 = 2 * hits / (predicted + positives)
        if f1 >= best:
            best, best_threshold = f1, score
    return best, best_threshold


def number_baseline(text: str) -> float:
    """1 when the sentence has a digit or a number word, else 0."""
    if any(c.isdigit() for c in text):
        return 1.0
    return 1.0 if NUMBER_WORDS.intersection(_WORD.findall(text.lower())) else 0.0


def sentence_score(claims: Sequence[Claim]) -> float:
    """A sentence's check-worthiness: its best claim's, 0 without claims."""
    return max((c.checkworthiness for c in claims), default=0.0)


# --- reading and running ------------------------------------------------------------------


def read_sentences(path: Path) -> list[Sentence]:
    """The labelled sentences of a JSON file; a malformed item is an error naming its index."""
    try:
        items = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise EvaluationDataError(f"cannot read {path}: {exc}") from exc
    if not isinstance(items, list) or not items:
        raise EvaluationDataError(f"{path} is not a non-empty JSON array")
    sentences: list[Sentence] = []
    for k, item in enumerate(items):
        ok = isinstance(item, dict) and isinstance(item.get("text"), str)
        if not ok or item.get("label") not in (0, 1):
            raise EvaluationDataError(f"{path}: item {k} needs a text and a label 0 or 1")
        sentences.append(
            Sentence(str(item.get("sentence_id", k)), item["text"], item["label"] == 1)
        )
    return sentences


@dataclass(slots=True)
class Scored:
    """One backend's scores, in sentence order, and how long extraction took."""

    backend: str
    scores: list[float]
    seconds: float
    cpu_seconds: float  # on a shared machine the fairer figure


def score_sentences(sentences: Sequence[Sentence], backend: str) -> Scored:
    """Each sentence through the whole pipeline as an article of its own."""
    extractor = get_extractor(backend)
    scores: list[float] = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for k in range(0, len(sentences), BATCH):
        texts = [ArticleText(body=s.text) for s in sentences[k : k + BATCH]]
        scores += [sentence_score(e.claims) for e in extractor.extract_many(texts)]
    cpu = time.process_time() - cpu_started
    return Scored(backend, scores, time.perf_counter() - started, cpu)


def _row(name: str, ranking: Ranking, scores: Sequence[float], labels: Sequence[bool]) -> str:
    missed = sum(1 for s, y in zip(scores, labels, strict=True) if y and s == 0)
    return (
        f"{name:18}{ranking.auc:>8.3f}{ranking.best_f1:>9.3f}{ranking.threshold:>11.3f}"
        f"{missed / max(sum(labels), 1):>15.1%}{len(set(scores)):>10}"
    )


def evaluate(sentences: Sequence[Sentence], backends: list[str], label: str) -> Report:
    labels = [s.check_worthy for s in sentences]
    if all(labels) or not any(labels):
        raise EvaluationDataError(f"{label}: ROC-AUC needs sentences labelled 1 and 0")
    header = [
        f"checkworthiness  {label}  sentences={len(sentences)}  check-worthy={sum(labels)}",
        f"{'scorer':18}{'ROC-AUC':>8}{'best F1':>9}{'threshold':>11}{'pos. at 0':>15}"
        f"{'distinct':>10}   speed",
    ]
    lines, figures = header[:], {}
    for backend in backends:
        scored = score_sentences(sentences, backend)
        ranking = Ranking.of(scored.scores, labels)
        row = _row(f"factwire {backend}", ranking, scored.scores, labels)
        lines.append(f"{row}   {scored.seconds:.1f} s, {scored.cpu_seconds:.1f} s CPU")
        figures[backend] = _figures(ranking) | {
            "seconds": round(scored.seconds, 2),
            "cpu_seconds": round(scored.cpu_seconds, 2),
        }
    baseline = [number_baseline(s.text) for s in sentences]
    ranking = Ranking.of(baseline, labels)
    lines.append(_row("number baseline", ranking, baseline, labels))
    figures["number_baseline"] = _figures(ranking)
    return Report(task=TASK, text="\n".join(lines), figures=figures)


def _figures(ranking: Ranking) -> dict[str, Any]:
    return {
        "roc_auc": round(ranking.auc, 4),
        "best_f1": round(ranking.best_f1, 4),
        "threshold": ranking.threshold,
    }


def handles(path: Path) -> bool:
    """A JSON file of labelled sentences (its first items have a "label")."""
    if not path.is_file() or path.suffix != ".json":
        return False
    with path.open("rb") as file:
        return b'"label"' in file.read(4096)


def default_paths(data_dir: Path) -> list[Path]:
    return [data_dir / DEFAULT_FILE]


def spread(sentences: list[Sentence], limit: int | None) -> list[Sentence]:
    """``limit`` sentences spread evenly over the file (files may come sorted by label)."""
    if limit is None or limit >= len(sentences):
        return sentences
    return [sentences[k * len(sentences) // limit] for k in range(max(limit, 0))]


def run(backends: list[str], paths: list[Path], limit: int | None = None) -> Report:
    """Score each backend and the number baseline on each file (``limit``: that many sentences
    spread over it)."""
    reports = [evaluate(spread(read_sentences(p), limit), backends, _label(p)) for p in paths]
    return Report(
        task=TASK,
        text="\n\n".join(r.text for r in reports),
        figures={p.name: r.figures for p, r in zip(paths, reports, strict=True)},
    )


def _label(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
