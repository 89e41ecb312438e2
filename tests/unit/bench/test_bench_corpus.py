"""The benchmark corpus: the same articles every time, each 600-1,000 words, cut at boundaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.corpus import (
    MAX_WORDS,
    MIN_WORDS,
    CorpusError,
    build_corpus,
    count_words,
    fit_paragraphs,
)

from factwire.models import RawArticle

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def sentence(n: int, words: int = 12) -> str:
    """A sentence of ``words`` words, different for each ``n``."""
    body = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words - 1))
    return f"Sentence{n} {body}."


def paragraph(first: int, sentences: int) -> str:
    return " ".join(sentence(first + i) for i in range(sentences))


def write_polnear(root: Path, split: str, name: str, paragraphs: list[str]) -> None:
    text_dir = root / split / "text"
    text_dir.mkdir(parents=True, exist_ok=True)
    text = f"Headline of {name}\n\n" + "\n\n".join(paragraphs) + "\n"
    (text_dir / f"{name}.txt").write_text(text, encoding="utf-8")


def write_conll(root: Path, documents: list[int]) -> None:
    """CoNLL-2003 layout: one token a line (4 columns, CRLF), blank line between sentences."""
    lines: list[str] = []
    for doc, sentences in enumerate(documents):
        lines += ["-DOCSTART- -X- -X- O", ""]
        for s in range(sentences):
            tokens = sentence(doc * 100 + s).replace(".", " .").split()
            lines += [f"{t} NNP I-NP O" for t in tokens] + [""]
    (root / "conll2003-dev.txt").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    write_polnear(tmp_path, "polnear-dev", "fits_whole", [paragraph(0, 20), paragraph(20, 40)])
    write_polnear(tmp_path, "polnear-dev", "too_long", [paragraph(i * 30, 30) for i in range(5)])
    write_polnear(tmp_path, "polnear-train", "too_short", [paragraph(0, 10)])
    write_polnear(tmp_path, "polnear-train", "one_huge_paragraph", [paragraph(500, 150)])
    write_conll(tmp_path, [8, 12, 20, 15, 9, 30, 3])
    return tmp_path


def test_every_article_has_a_realistic_length_and_a_valid_id(data_dir: Path) -> None:
    corpus = build_corpus(data_dir)

    assert corpus.source == "development data"
    assert len(corpus.articles) >= 4
    for article in corpus.articles:
        assert MIN_WORDS <= article.words <= MAX_WORDS, article.id
        RawArticle(id=article.id, title=article.title, body=article.body)  # contract-valid


def test_the_corpus_is_the_same_on_every_build(data_dir: Path) -> None:
    assert build_corpus(data_dir) == build_corpus(data_dir)


def test_long_articles_are_cut_at_a_boundary_and_short_ones_left_out(data_dir: Path) -> None:
    articles = {a.id: a for a in build_corpus(data_dir).articles}

    assert "polnear-dev/fits-whole" in articles
    assert "polnear-train/too-short" not in articles
    cut = articles["polnear-dev/too-long"]
    assert cut.body.endswith(".")
    assert cut.body.split("\n\n")[0] == paragraph(0, 30)
    huge = articles["polnear-train/one-huge-paragraph"]
    assert huge.body.startswith(sentence(500)) and huge.body.endswith(".")


def test_short_wire_documents_are_joined_into_digests(data_dir: Path) -> None:
    digests = [a for a in build_corpus(data_dir).articles if a.id.startswith("conll-dev/")]

    assert digests
    assert all("-doc" in a.id for a in digests)  # each joins several documents
    assert all(" ." in a.body for a in digests)  # tokens joined with single spaces


def test_any_prefix_mixes_the_sources(data_dir: Path) -> None:
    ids = [a.id for a in build_corpus(data_dir).articles]
    assert ids != sorted(ids)


def test_fit_paragraphs_keeps_whole_sentences_within_the_budget() -> None:
    text = fit_paragraphs([paragraph(0, 3), paragraph(3, 10)], budget=60)

    assert count_words(text) <= 60
    assert text.split("\n\n")[0] == paragraph(0, 3)
    assert text.split("\n\n")[1] == paragraph(3, 2)


def test_a_data_directory_without_articles_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bench.corpus._samples_dir", lambda: None)
    with pytest.raises(CorpusError):
        build_corpus(tmp_path)


def test_without_development_data_the_samples_are_joined_into_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    for n in range(4):
        article = {"id": f"sample-{n}", "title": f"Sample {n}", "body": paragraph(n * 40, 20)}
        (samples / f"sample-{n}.json").write_text(json.dumps(article), encoding="utf-8")
    monkeypatch.setattr("bench.corpus._samples_dir", lambda: samples)

    corpus = build_corpus(tmp_path / "no-data-here")

    assert corpus.source == "samples"
    assert len(corpus.articles) == 4  # one digest starting at each sample
    assert all(MIN_WORDS <= a.words <= MAX_WORDS for a in corpus.articles)
