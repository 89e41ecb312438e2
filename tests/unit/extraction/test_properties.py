"""Properties of extraction on any input: it never raises, offsets are exact, time is linear."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factwire.extraction import ArticleText, Extraction, get_extractor

BACKENDS = ["hybrid", "spacy", "rules"]

# Pieces of news-like text that exercise the correction rules: names, titles, possessives,
# articles, acronyms, capitals, dashes, numbers, quotes and line breaks.
PIECES = [
    "Lourdes", "Casanova", "Casanova's", "President", "Mr.", "the", "The", "United", "States",
    "U.S.", "Apple", "Inc.", "Kurdistan", "Democratic", "Party", "KDP", "AI", "iPhone",
    "said", "told", "rose", "Rose", "in", "of", "and", "LONDON", "SOCCER", "-", "--", "2-0",
    "63", "1996-08-30", ",", ".", "'s", "’s", '"', "“", "”", "(", ")", ":", "\n", "\n\n",
    "Chicago", "Stoke", "Romania", "é", "Zoë", "北京", "İstanbul", "ß", "\u200b", "\t",
]  # fmt: skip


def newsish(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(words))


def assert_exact(text: ArticleText, result: Extraction) -> None:
    for entity in result.entities:
        assert 0.0 <= entity.salience <= 1.0
        assert entity.name
        for m in entity.mentions:
            field = text.field(m.field)
            assert 0 <= m.start < m.end <= len(field)
            assert m.text == field[m.start : m.end]


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.text(max_size=400), title=st.text(max_size=60))
def test_arbitrary_unicode_never_raises_and_offsets_are_exact(
    backend: str, body: str, title: str
) -> None:
    text = ArticleText(body=body, title=title)
    assert_exact(text, get_extractor(backend).extract(text))


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), words=st.integers(0, 300))
def test_news_like_text_never_raises_and_offsets_are_exact(
    backend: str, seed: int, words: int
) -> None:
    rng = random.Random(seed)
    text = ArticleText(body=newsish(rng, words), title=newsish(rng, words // 10))
    assert_exact(text, get_extractor(backend).extract(text))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("body", ["", " ", "\n", "A", "'s", "-", "The", "U.S.", "ÉÉ", "\u0301"])
def test_near_empty_input(backend: str, body: str) -> None:
    text = ArticleText(body=body, title=body)
    assert_exact(text, get_extractor(backend).extract(text))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_1_mb_body_within_a_time_linear_in_its_size(backend: str) -> None:
    extractor = get_extractor(backend)
    rng = random.Random(7)
    sample = ArticleText(body=newsish(rng, 5_000))
    extractor.extract(sample)  # loads and warms the model
    started = time.process_time()
    extractor.extract(sample)
    per_char = (time.process_time() - started) / len(sample.body)

    big = newsish(rng, 400_000)[:1_000_000]
    big = ArticleText(body=big + "x" * (1_000_000 - len(big)), title="BIG")
    started = time.process_time()
    result = extractor.extract(big)
    elapsed = time.process_time() - started

    assert_exact(big, result)
    assert result.entities
    # CPU time, so that other processes on the machine do not count. Generous: five times the
    # measured cost per character, plus a fixed allowance.
    assert elapsed < 5 * per_char * len(big.body) + 10.0
