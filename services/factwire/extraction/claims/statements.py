"""Unattributed statements worth checking: sentences that carry numbers, money, dates or
comparisons and are not already part of a quote or reported claim."""

from __future__ import annotations

import re

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.language import PhraseFinder
from factwire.extraction.language.amounts import COMPARISON_WORDS, SPECIFIC_WORDS

SPECIFIC_TYPES = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE"})
_NUMERIC = re.compile(r"[\d$€£¥%]")
_SPECIFIC_WORDS = PhraseFinder(SPECIFIC_WORDS, ignore_case=True)
_COMPARISON_WORDS = PhraseFinder(COMPARISON_WORDS, ignore_case=True)


def has_specifics(text: str) -> bool:
    """Numbers, money, percentages or number words."""
    return _NUMERIC.search(text) is not None or _SPECIFIC_WORDS.search(text) is not None


def has_comparison(text: str) -> bool:
    return _COMPARISON_WORDS.search(text) is not None


MIN_WORDS = 6
MAX_CHARS = 1500


def find_statements(ctx: ClaimContext, covered: list[tuple[int, int]]) -> list[Draft]:
    """Sentences outside other claims that state something specific enough to check."""
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
        if text.endswith("?") or text[:1] in '"“”' or len(text.split()) < MIN_WORDS:
            continue
        typed = any(
            m.entity.type in SPECIFIC_TYPES for m in ctx.mentions_in(sentence.start, sentence.end)
        )
        if (
            typed
            or has_specifics(text)
            or (has_comparison(text) and _has_actor(ctx, sentence.start, sentence.end))
        ):
            drafts.append(Draft("statement", sentence.start, sentence.end))
    return drafts


def _has_actor(ctx: ClaimContext, start: int, end: int) -> bool:
    return any(m.entity.type in ("PERSON", "ORG", "GPE") for m in ctx.mentions_in(start, end))
