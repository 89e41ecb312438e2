"""Unattributed statements worth checking, and what makes a sentence specific.

A sentence outside quotes and reported claims becomes a ``statement`` when its check-worthiness
(``scoring``) reaches ``STATEMENT_FLOOR``: a figure, an absolute date, or a named actor doing
something is enough; a question, a quotation fragment or a sentence under three words never is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.language.amounts import COMPARISON_WORDS, SPECIFIC_WORDS
from factwire.extraction.language.claim_words import (
    ABSOLUTE_DATE,
    STATEMENT_MONTHS,
    STATEMENT_NUMBER_WORDS,
)

_NUMERIC = re.compile(r"[\d$€£¥%]")
_FIGURE = re.compile(r"[$€£¥]?\d(?:[\d,.]*\d)?%?")
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’—–-…"


@lru_cache(maxsize=512)
def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of a text ("don't" is one word): read once, looked up in
    word sets many times (a statement's sentence is read to find it, then to score it)."""
    return frozenset(w.strip(_PUNCTUATION) for w in text.lower().replace("’", "'").split())


def count_specifics(text: str, words: frozenset[str], limit: int) -> int:
    """How many figures and kinds of number word ("9 million jobs" is two), up to ``limit``."""
    figures = len(_FIGURE.findall(text)) if _NUMERIC.search(text) else 0
    return min(limit, figures + len(words & SPECIFIC_WORDS) + len(words & STATEMENT_NUMBER_WORDS))


def has_absolute_date(text: str, words: frozenset[str] | None = None) -> bool:
    """A year, or a month with a day or a preposition: "in 1984", "March 3", "since June";
    relative dates ("today", "every day", "last week") are no specifics."""
    if words is not None and STATEMENT_MONTHS.isdisjoint(words) and not _NUMERIC.search(text):
        return False  # neither a digit nor a month: no need to read further
    return ABSOLUTE_DATE.search(text) is not None


def has_comparison(words: frozenset[str]) -> bool:
    """A change or a ranking among the words: "rose", "more", "the highest"."""
    return not COMPARISON_WORDS.isdisjoint(words)


MIN_WORDS = 3
MAX_CHARS = 1500
STATEMENT_FLOOR = 0.3  # a figure alone, or a named actor doing something, reaches it


def find_statements(ctx: ClaimContext, covered: list[tuple[int, int]]) -> list[Draft]:
    """Sentences outside other claims that state something specific enough to check."""
    # scoring reads the word tests of this module; importing it here keeps that one-way
    from factwire.extraction.claims.scoring import evidence, reaches

    drafts: list[Draft] = []
    covered = sorted(covered)
    k = 0
    for sentence in ctx.sentences:
        while k < len(covered) and covered[k][1] <= sentence.start:
            k += 1
        if k < len(covered) and covered[k][0] < sentence.end:
            continue
        if sentence.end - sentence.start > MAX_CHARS:
            continue
        text = ctx.body[sentence.start : sentence.end]
        if text.rstrip(_CLOSERS).endswith("?") or text[:1] in '"“”':
            continue
        if len(text.split()) < MIN_WORDS:
            continue
        draft = Draft("statement", sentence.start, sentence.end)
        if reaches(evidence(ctx, draft, sentence, named_speaker=False), STATEMENT_FLOOR):
            drafts.append(draft)
    return drafts


_CLOSERS = " \t\n\"'”’)]"
