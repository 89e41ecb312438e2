"""What the check-worthiness score and the statement finder read from a sentence's words.

A sentence is read in one pass (``sentence_features``); ``ClaimContext.features`` keeps what was
found for the article's other claims in the same sentence.
"""

from __future__ import annotations

import re
from itertools import compress, repeat
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
_ASCII_NUMERIC = re.compile(r"[0-9$%]")
_FIGURE = re.compile(r"[$€£¥]?\d(?:[\d,.]*\d)?%?")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’—–-…"
CLOSERS = " \t\n\"'”’)]"
MAX_SPECIFICS = 3

# The word classes a sentence's words are looked up in, one bit each (``_word_classes``)
_SPECIFIC, _NUMBER, _COMPARISON, _MODAL, _PUBLIC, _PAST, _PERFECT, _FIRST, _MONTH = (
    1 << bit for bit in range(9)
)
_CLASSES = (
    (_SPECIFIC, SPECIFIC_WORDS),
    (_NUMBER, STATEMENT_NUMBER_WORDS),
    (_COMPARISON, COMPARISON_WORDS),
    (_MODAL, MODAL_WORDS),
    (_PUBLIC, PUBLIC_AFFAIRS_WORDS),
    (_PAST, PAST_IRREGULAR),
    (_PERFECT, PERFECT_WORDS),
    (_FIRST, FIRST_PERSON_WORDS),
    (_MONTH, STATEMENT_MONTHS),
)
_CLASS_OF = {
    word: sum(bit for bit, members in _CLASSES if word in members)
    for _, members in _CLASSES
    for word in members
}
_VOCABULARY = frozenset(_CLASS_OF)


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


def has_absolute_date(text: str) -> bool:
    """A year, or a month with a day or a preposition: "in 1984", "March 3", "since June";
    relative dates ("today", "every day", "last week") are no specifics."""
    if ABSOLUTE_YEAR.search(text) is not None:
        return True
    return MONTH_NAME.search(text) is not None and ABSOLUTE_MONTH.search(text) is not None


def _word_classes(words: frozenset[str]) -> int:
    """The word classes of ``_CLASS_OF`` that some of ``words`` belong to, as bits: one set
    intersection with all their words instead of one set test per class."""
    found = 0
    for word in _VOCABULARY & words:  # a handful of words: the rest is one C-level pass
        found |= _CLASS_OF[word]
    return found


def _past_action(text: str, words: frozenset[str], classes: int) -> bool:
    """Something done: "voted against", "has cut", "sent troops" (not "worried", "needed");
    ``classes``: the word classes of ``words``."""
    if classes & _PAST:
        return True
    if "ed" in text:
        # the words in -ed picked at C level: the loop sees a few words, not all
        for w in compress(words, map(str.endswith, words, repeat("ed"))):
            if len(w) > 4 and w not in NOT_PAST_ACTIONS:
                return True
    return classes & _PERFECT != 0 and PERFECT.search(text) is not None


def _public_affairs(lower: str, classes: int) -> bool:
    """Taxes, budgets, jobs, prices, laws, votes, troops; ``lower`` is the lower-case text."""
    if classes & _PUBLIC:
        return True
    return any(map(lower.__contains__, PUBLIC_AFFAIRS_PHRASES))  # map: no generator made


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


_new_features = tuple.__new__  # the named tuple without its Python-level constructor


def sentence_features(text: str) -> SentenceFeatures:
    """Every feature of a sentence, in one pass over its words."""
    lower = text.lower()
    split = lower.replace("’", "'").split()
    words = _words(split)
    classes = _word_classes(words)
    # an ASCII text has no other digits than 0-9: the cheaper ASCII pattern says the same
    numeric = (_ASCII_NUMERIC if text.isascii() else _NUMERIC).search(text) is not None
    specifics = 0
    if numeric or classes & (_SPECIFIC | _NUMBER):  # else no figure and no number word
        specifics = count_specifics(text, words, MAX_SPECIFICS, numeric=numeric)
    return _new_features(
        SentenceFeatures,
        (
            words,
            len(split),
            specifics,
            # neither a digit nor a month: no absolute date, no need to search for one
            (numeric or classes & _MONTH != 0) and has_absolute_date(text),
            _past_action(text, words, classes),
            classes & _COMPARISON != 0,
            _public_affairs(lower, classes),
            classes & _FIRST != 0 and FIRST_PERSON_VIEW.search(text) is not None,
            classes & _MODAL != 0,
            text.rstrip(CLOSERS).endswith("?"),
        ),
    )
