"""Named-entity quality on CoNLL-2003 style data (IOB1 tags; classes PER, ORG, LOC, MISC).

Each ``-DOCSTART-`` document becomes one article (sentences joined by a newline, tokens by one
space) and goes through the whole extraction pipeline, so document-level corrections and merging
count. Predicted body mentions are mapped to the tokens they overlap, OntoNotes labels to the four
CoNLL classes, and spans are scored strictly: same tokens and same class.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factwire.evaluation import EvaluationDataError, Report
from factwire.extraction import ArticleText, get_extractor
from factwire.models import Entity

TASK = "ner"
DEFAULT_FILE = "conll2003-dev.txt"
CLASSES = ("PER", "ORG", "LOC", "MISC")

ONTONOTES_TO_CONLL: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

Span = tuple[int, int, str]
"""Token span of an entity: first token, last token + 1, CoNLL class."""


@dataclass(slots=True)
class Document:
    """One CoNLL document as an article text, with token offsets and gold spans."""

    text: str
    token_starts: list[int]
    token_ends: list[int]
    gold: set[Span]

    @property
    def words(self) -> int:
        return len(self.token_starts)

    def span_of(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens overlapped by the characters ``[start, end)``, or None when there are none."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end) - 1
        return (first, last + 1) if first <= last else None


def iob1_spans(tags: Sequence[str]) -> list[Span]:
    """Entity spans of one sentence's IOB1 tags (``I-`` continues a run of the same class)."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, cls = tag.partition("-")
        continues = prefix == "I" and cls == label
        if label and not continues:
            spans.append((start, i, label))
            label = ""
        if prefix in ("I", "B") and not continues:
            start, label = i, cls
    return spans


def read_conll(path: Path) -> list[Document]:
    """Documents of a CoNLL-2003 file (token in the first column, NER tag in the last)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationDataError(f"cannot read CoNLL data {path}: {exc}") from exc
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []

    def close_sentence() -> None:
        if sentence:
            if not documents:
                documents.append([])
            documents[-1].append(list(sentence))
            sentence.clear()

    for line in lines:
        columns = line.split()
        if not columns:
            close_sentence()
        elif columns[0] == "-DOCSTART-":
            close_sentence()
            documents.append([])
        else:
            sentence.append((columns[0], columns[-1]))
    close_sentence()
    return [_document(sentences) for sentences in documents if sentences]


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    gold: set[Span] = set()
    offset = 0
    for s, sentence in enumerate(sentences):
        if s:
            parts.append("\n")
            offset += 1
        first_token = len(starts)
        for t, (token, _) in enumerate(sentence):
            if t:
                parts.append(" ")
                offset += 1
            parts.append(token)
            starts.append(offset)
            offset += len(token)
            ends.append(offset)
        tags = [tag for _, tag in sentence]
        gold.update((first_token + a, first_token + b, c) for a, b, c in iob1_spans(tags))
    return Document(text="".join(parts), token_starts=starts, token_ends=ends, gold=gold)


def predicted_spans(document: Document, entities: Iterable[Entity]) -> set[Span]:
    """The token spans and CoNLL classes of an article's body mentions (other labels dropped)."""
    spans: set[Span] = set()
    for entity in entities:
        cls = ONTONOTES_TO_CONLL.get(entity.type)
        if cls is None:
            continue
        for mention in entity.mentions:
            if mention.field != "body":
                continue
            tokens = document.span_of(mention.start, mention.end)
            if tokens is not None:
                spans.add((tokens[0], tokens[1], cls))
    return spans


@dataclass(slots=True)
class Counts:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
        }


@dataclass(slots=True)
class Scores:
    """Strict entity-level counts per class."""

    per_class: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CLASSES})

    def add(self, gold: set[Span], predicted: set[Span]) -> None:
        for cls, counts in self.per_class.items():
            g = {s for s in gold if s[2] == cls}
            p = {s for s in predicted if s[2] == cls}
            counts.add(Counts(correct=len(g & p), predicted=len(p), gold=len(g)))

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.per_class.values():
            total.add(counts)
        return total


@dataclass(slots=True)
class BackendResult:
    backend: str
    description: str
    scores: Scores
    words: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def evaluate(backend: str, documents: Sequence[Document]) -> BackendResult:
    """Run one backend's full pipeline over the documents and score its body mentions."""
    extractor = get_extractor(backend)
    texts = [ArticleText(body=d.text) for d in documents]
    started = time.perf_counter()
    results = extractor.extract_many(texts)
    seconds = time.perf_counter() - started
    scores = Scores()
    for document, result in zip(documents, results, strict=True):
        scores.add(document.gold, predicted_spans(document, result.entities))
    info = extractor.info
    description = ", ".join(x for x in (info.model, info.version) if x)
    return BackendResult(
        backend=backend,
        description=description,
        scores=scores,
        words=sum(d.words for d in documents),
        seconds=seconds,
    )


def format_result(result: BackendResult, source: str, documents: int) -> str:
    header = (
        f"{'class':<6} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>6} {'pred':>6} {'ok':>6}"
    )
    rows = [
        f"NER on {source} ({documents} documents, {result.words:,} words): "
        f"backend {result.backend} ({result.description})",
        header,
    ]
    named = [*result.scores.per_class.items(), ("micro", result.scores.micro)]
    for cls, c in named:
        rows.append(
            f"{cls:<6} {c.precision:>9.4f} {c.recall:>7.4f} {c.f1:>7.4f} "
            f"{c.gold:>6} {c.predicted:>6} {c.correct:>6}"
        )
    rows.append(f"speed: {result.words_per_second:,.0f} words/s ({result.seconds:.1f} s)")
    return "\n".join(rows)


def handles(path: Path) -> bool:
    """A CoNLL file: a regular file (attribution corpora are directories)."""
    return path.is_file()


def default_paths(data_dir: Path) -> list[Path]:
    return [data_dir / DEFAULT_FILE]


def run(backends: list[str], paths: list[Path], limit: int | None = None) -> Report:
    """Score each backend on each CoNLL file (the first ``limit`` documents of each, if given)."""
    texts: list[str] = []
    figures: dict[str, Any] = {}
    for path in paths:
        documents = read_conll(path)[:limit]
        if not documents:
            raise EvaluationDataError(f"no CoNLL documents in {path}")
        per_backend: dict[str, Any] = {}
        for backend in backends:
            result = evaluate(backend, documents)
            texts.append(format_result(result, path.name, len(documents)))
            per_backend[backend] = {
                "extractor": result.description,
                "classes": {c: n.as_dict() for c, n in result.scores.per_class.items()},
                "micro": result.scores.micro.as_dict(),
                "words": result.words,
                "seconds": round(result.seconds, 3),
                "words_per_second": round(result.words_per_second, 1),
            }
        figures[path.name] = {"documents": len(documents), "backends": per_backend}
    return Report(task=TASK, text="\n\n".join(texts), figures=figures)
