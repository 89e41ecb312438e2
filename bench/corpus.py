"""The benchmark corpus: news articles of realistic length (600-1,000 words), built the same way
every time from the development data, which is read in place and never copied into the repository.

Where the development data lives: ``FACTWIRE_BENCH_DATA`` if set, else ``../shared/data`` next to
the repository. Without it (e.g. on a fresh clone elsewhere) the corpus is built from the project's
own sample articles, so that ``make bench`` still runs, on a smaller and less varied corpus.

PolNeAR articles are used whole when they fit, or cut at a paragraph (then sentence) boundary when
longer; CoNLL-2003 documents, mostly short wire items, are joined in file order into digests.
The result is ordered by a hash of each article's id, so that any prefix mixes both sources.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

MIN_WORDS = 600
MAX_WORDS = 1000
DATA_ENV = "FACTWIRE_BENCH_DATA"

_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“A-Z0-9])")
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9.:/-]+")


class CorpusError(RuntimeError):
    """No source of benchmark articles could be found or none had a usable length."""


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One benchmark article; ``words`` counts whitespace-separated words of title and body."""

    id: str
    title: str
    body: str

    @property
    def words(self) -> int:
        return count_words(self.title) + count_words(self.body)


@dataclass(frozen=True, slots=True)
class Corpus:
    articles: tuple[CorpusArticle, ...]
    source: str  # "development data" or "samples"
    location: str  # where it was read from, for the results file

    @property
    def words(self) -> int:
        return sum(a.words for a in self.articles)

    def cycle(self, n: int) -> list[CorpusArticle]:
        """The first ``n`` articles, starting over when the corpus is shorter than ``n``."""
        return [self.articles[i % len(self.articles)] for i in range(n)]


def count_words(text: str) -> int:
    return len(text.split())


def build_corpus(data_dir: Path | None = None) -> Corpus:
    """The corpus from the development data when present, else from the bundled samples."""
    data_dir = data_dir if data_dir is not None else find_data_dir()
    if data_dir is not None:
        articles = list(from_development_data(data_dir))
        if articles:
            return Corpus(_shuffled(articles), "development data", str(data_dir))
    samples = _samples_dir()
    articles = list(from_samples(samples)) if samples is not None else []
    if not articles:
        raise CorpusError(
            f"no benchmark articles: set {DATA_ENV} to the development data directory "
            "(with conll2003-dev.txt and polnear-*/text/) or install the package samples"
        )
    return Corpus(_shuffled(articles), "samples", "factwire/samples")


def find_data_dir() -> Path | None:
    """``$FACTWIRE_BENCH_DATA``, or ``../shared/data`` beside the repository root."""
    configured = os.environ.get(DATA_ENV)
    if configured:
        path = Path(configured)
        if not path.is_dir():
            raise CorpusError(f"{DATA_ENV}={configured!r} is not a directory")
        return path
    repo_root = Path(__file__).resolve().parent.parent
    candidate = repo_root.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def from_development_data(data_dir: Path) -> Iterator[CorpusArticle]:
    for split in ("polnear-dev", "polnear-train"):
        text_dir = data_dir / split / "text"
        if text_dir.is_dir():
            for path in sorted(text_dir.glob("*.txt")):
                article = _polnear_article(f"{split}/{path.stem}", path.read_text("utf-8"))
                if article is not None:
                    yield article
    conll = data_dir / "conll2003-dev.txt"
    if conll.is_file():
        yield from _digests("conll-dev", _conll_documents(conll))


def from_samples(samples_dir: Path) -> Iterator[CorpusArticle]:
    """Sample articles (JSON, JSON lines or plain text), joined into digests of usable length."""
    docs: list[tuple[str, str, str]] = []
    for path in sorted(samples_dir.iterdir()):
        docs.extend(_sample_documents(path))
    seen: set[str] = set()
    for first in range(len(docs)):  # one digest starting at each sample: a few distinct articles
        rotated = docs[first:] + docs[:first]
        for article in _digests("samples", rotated):
            if article.id not in seen:
                seen.add(article.id)
                yield article
            break


def fit_paragraphs(paragraphs: Iterable[str], budget: int) -> str:
    """Leading paragraphs (then sentences) of a text, as many as fit in ``budget`` words."""
    kept: list[str] = []
    used = 0
    for paragraph in paragraphs:
        size = count_words(paragraph)
        if used + size <= budget:
            kept.append(paragraph)
            used += size
            continue
        sentences: list[str] = []
        for sentence in _SENTENCE_END.split(paragraph):
            size = count_words(sentence)
            if used + size > budget:
                break
            sentences.append(sentence)
            used += size
        if sentences:
            kept.append(" ".join(sentences))
        break
    return "\n\n".join(kept)


def _polnear_article(name: str, text: str) -> CorpusArticle | None:
    title, _, rest = text.strip().partition("\n")
    title = title.strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", rest) if p.strip()]
    body = fit_paragraphs(paragraphs, MAX_WORDS - count_words(title))
    article = CorpusArticle(_safe_id(name), title, body)
    return article if MIN_WORDS <= article.words <= MAX_WORDS else None


def _conll_documents(path: Path) -> Iterator[tuple[str, str, str]]:
    """(name, title, body) per CoNLL document: first sentence as title, one sentence a line."""
    sentences: list[str] = []
    tokens: list[str] = []
    number = 0

    def finish() -> tuple[str, str, str] | None:
        if not sentences:
            return None
        return f"doc{number:03d}", sentences[0], "\n".join(sentences[1:])

    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip("\r\n")
            if line.startswith("-DOCSTART-"):
                if tokens:
                    sentences.append(" ".join(tokens))
                    tokens = []
                doc = finish()
                if doc is not None:
                    yield doc
                    number += 1
                sentences = []
            elif line.strip():
                tokens.append(line.split(" ", 1)[0])
            elif tokens:
                sentences.append(" ".join(tokens))
                tokens = []
    if tokens:
        sentences.append(" ".join(tokens))
    doc = finish()
    if doc is not None:
        yield doc


def _digests(prefix: str, docs: Iterable[tuple[str, str, str]]) -> Iterator[CorpusArticle]:
    """Consecutive short documents joined into articles of 600-1,000 words; longer ones cut."""
    group: list[tuple[str, str, str]] = []
    for doc in docs:
        group.append(doc)
        article = _digest(prefix, group)
        if article.words >= MIN_WORDS:
            if article.words <= MAX_WORDS:
                yield article
            group = []
    # a short remainder at the end is dropped: it has no usable length


def _digest(prefix: str, group: list[tuple[str, str, str]]) -> CorpusArticle:
    first_name, title, first_body = group[0]
    parts = [first_body] + [f"{t}\n{b}" if b else t for _, t, b in group[1:]]
    paragraphs = [p for p in parts if p.strip()]
    body = fit_paragraphs(paragraphs, MAX_WORDS - count_words(title))
    name = first_name if len(group) == 1 else f"{first_name}-{group[-1][0]}"
    return CorpusArticle(_safe_id(f"{prefix}/{name}"), title, body)


def _sample_documents(path: Path) -> Iterator[tuple[str, str, str]]:
    if path.suffix == ".txt":
        title, _, body = path.read_text("utf-8").strip().partition("\n")
        yield path.stem, title.strip(), body.strip()
        return
    if path.suffix not in (".json", ".jsonl"):
        return
    text = path.read_text("utf-8")
    try:
        loaded = json.loads(text)
        items = loaded if isinstance(loaded, list) else [loaded]
    except json.JSONDecodeError:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    for n, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("body"), str):
            name = str(item.get("id") or f"{path.stem}-{n}")
            yield name, str(item.get("title") or ""), item["body"]


def _samples_dir() -> Path | None:
    try:
        samples = resources.files("factwire") / "samples"
    except ModuleNotFoundError:
        return None
    path = Path(str(samples))
    return path if path.is_dir() else None


def _safe_id(name: str) -> str:
    return _UNSAFE_ID_CHARS.sub("-", name)[:256]


def _shuffled(articles: list[CorpusArticle]) -> tuple[CorpusArticle, ...]:
    return tuple(sorted(articles, key=lambda a: hashlib.sha256(a.id.encode()).hexdigest()))
