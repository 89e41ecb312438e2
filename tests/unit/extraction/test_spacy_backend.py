"""The spaCy backend: the NER component alone, capitals recased, memory released per batch."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from factwire.extraction.backends.spacy_backend import SpacyBackend, recase_shouting
from factwire.extraction.document import ArticleText
from factwire.extraction.pipeline import get_extractor


def test_only_the_entity_recogniser_runs() -> None:
    backend = get_extractor("spacy").backend
    assert isinstance(backend, SpacyBackend)
    assert backend._nlp.pipe_names == ["ner"]


def test_a_headline_in_capitals_is_recased_with_the_same_length() -> None:
    headline = "SOCCER - LEEDS BEAT THE KDP AT HOME\nNormal Text stays."
    recased = recase_shouting(headline, frozenset(STOP_WORDS))
    assert recased == "Soccer - Leeds Beat the KDP at Home\nNormal Text stays."
    assert len(recased) == len(headline)


def test_mentions_come_back_per_article_and_field_with_exact_offsets() -> None:
    backend = get_extractor("spacy").backend
    texts = [
        ArticleText(
            title="MERKEL VISITS PARIS", body="Angela Merkel met Emmanuel Macron in Paris."
        ),
        ArticleText(body="Nothing to see here."),
    ]
    found = backend.mentions(texts)
    assert len(found) == 2
    surfaces = {(m.field, texts[0].field(m.field)[m.start : m.end], m.label) for m in found[0]}
    assert ("body", "Angela Merkel", "PERSON") in surfaces
    assert ("body", "Paris", "GPE") in surfaces
    assert any(field == "title" for field, _, _ in surfaces)


def test_the_string_store_does_not_grow_with_new_words() -> None:
    backend = get_extractor("spacy").backend
    assert isinstance(backend, SpacyBackend)
    backend.mentions([ArticleText(body="Warm-up text about Acme Corp in Boston.")])
    before = len(backend._nlp.vocab.strings)
    unseen = " ".join(f"Zqx{i}vork" for i in range(500))
    backend.mentions([ArticleText(body=f"Mr. Blorf said {unseen}.")])
    assert len(backend._nlp.vocab.strings) == before


def test_a_long_run_without_spaces_is_tagged_quickly_with_exact_offsets() -> None:
    backend = get_extractor("spacy").backend
    body = "Angela Merkel said " + '"' * 5000 + " in Berlin."
    (found,) = backend.mentions([ArticleText(body=body)])
    assert ("Berlin", "GPE") in {(body[m.start : m.end], m.label) for m in found}
