"""What the check-worthiness score and the statement finder read from a sentence's words.

A sentence is read in one pass (``sentence_features``); ``ClaimContext.features`` keeps what was
found for the article's other claims in the same sentence.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

from factwire.extraction.language.amounts import COMPARISON_WORDS, SPECIFIC_WORDS
from factwire.extraction.language.claim_words import (
    ABSOLUTE_MONTH,
    ABSOLUTE_YEAR,
    FIRST_PERSON_VIEW,
    FIRST_PERSON_WORDS,
    MODAL_WORDS,
    MONTH_NAME,
    NOT_PAST_ACTIONS,
    PAST_IRREGULAR,
    PERFECT,
    PERFECT_WORDS,
    PUBLIC_AFFAIRS_PHRASES,
    PUBLIC_AFFAIRS_WORDS,
    STATEMENT_MONTHS,
    STATEMENT_NUMBER_WORDS,
)

_NUMERIC = re.compile(r"[\d$€£¥%]")
_FIGURE = re.compile(r"[$€£¥]?\d(?:[\d,.]*\d)?%?")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’—–-…"
CLOSERS = " \t\n\"'”’)]"
MAX_SPECIFICS = 3


def _words(split: list[str]) -> frozenset[str]:
    """The distinct words of a split text ("don't" is one word), punctuation stripped."""
    return frozenset(map(str.strip, split, repeat(_PUNCTUATION)))


def _numeric(text: str, known: bool | None) -> bool:
    """Whether the text has a digit or a currency or percent sign (``known`` when not None)."""
    return _NUMERIC.search(text) is not None if known is None else known


def count_specifics(
    text: str, words: frozenset[str], limit: int, *, numeric: bool | None = None
) -> int:
    """How many figures and kinds of number word ("9 million jobs" is two), up to ``limit``.
    ``numeric``: whether the text has a digit or a currency or percent sign, when known."""
    figures = len(_FIGURE.findall(text)) if _numeric(text, numeric) else 0
    return min(limit, figures + len(words & SPECIFIC_WORDS) + len(words & STATEMENT_NUMBER_WORDS))


def has_absolute_date(
    text: str, words: frozenset[str] | None = None, *, numeric: bool | None = None
) -> bool:
    """A year, or a month with a day or a preposition: "in 1984", "March 3", "since June";
    relative dates ("today", "every day", "last week") are no specifics."""
    if words is not None and STATEMENT_MONTHS.isdisjoint(words) and not _numeric(text, numeric):
        return False  # neither a digit nor a month: no need to read further
    if ABSOLUTE_YEAR.search(text) is not None:
        return True
    return MONTH_NAME.search(text) is not None and ABSOLUTE_MONTH.search(text) is not None


def has_past_action(text: str, words: frozenset[str]) -> bool:
    """Something done: "voted against", "has cut", "sent troops" (not "worried", "needed")."""
    if not PAST_IRREGULAR.isdisjoint(words):
        return True
    if "ed" in text:
        for w in words:  # a loop, not any(): no generator made for every sentence
            if w.endswith("ed") and len(w) > 4 and w not in NOT_PAST_ACTIONS:
                return True
    return not PERFECT_WORDS.isdisjoint(words) and PERFECT.search(text) is not None


def has_public_affairs(lower: str, words: frozenset[str]) -> bool:
    """Taxes, budgets, jobs, prices, laws, votes, troops; ``lower`` is the lower-case text."""
    if not PUBLIC_AFFAIRS_WORDS.isdisjoint(words):
        return True
    return any(p in lower for p in PUBLIC_AFFAIRS_PHRASES)


def has_first_person_view(text: str, words: frozenset[str]) -> bool:
    """The speaker's own opinion or wish: "I think", "we want", "I'm going to"."""
    return not FIRST_PERSON_WORDS.isdisjoint(words) and FIRST_PERSON_VIEW.search(text) is not None


class SentenceFeatures(NamedTuple):
    """What a sentence's words say, for the signals of ``scoring`` (a tuple: one is made for
    nearly every sentence of an article)."""

    words: frozenset[str]
    word_count: int
    specifics: int  # figures and kinds of number word, at most ``MAX_SPECIFICS``
    absolute_date: bool
    past_action: bool
    comparison: bool
    public_affairs: bool
    first_person_view: bool
    modal: bool
    question: bool


def sentence_features(text: str) -> SentenceFeatures:
    """Every feature of a sentence, in one pass over its words."""
    lower = text.lower()
    split = lower.replace("’", "'").split()
    words = _words(split)
    numeric = _NUMERIC.search(text) is not None
    return SentenceFeatures(
        words,
        len(split),
        count_specifics(text, words, MAX_SPECIFICS, numeric=numeric),
        has_absolute_date(text, words, numeric=numeric),
        has_past_action(text, words),
        not COMPARISON_WORDS.isdisjoint(words),
        has_public_affairs(lower, words),
        has_first_person_view(text, words),
        not MODAL_WORDS.isdisjoint(words),
        text.rstrip(CLOSERS).endswith("?"),
    )
