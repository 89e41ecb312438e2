"""Unattributed statements worth checking: sentences that carry numbers, money, dates or
comparisons and are not already part of a quote or reported claim."""

from __future__ import annotations

import re

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft

SPECIFIC_TYPES = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE"})
SPECIFICS = re.compile(
    r"\d|[$€£¥%]|\b(?:percent|per cent|million|billion|trillion|thousands?|hundreds?|dozens?|"
    r"half|twice|doubled?|tripled?)\b",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|most|least|largest|"
    r"smallest|biggest|highest|lowest|record|first|only|increase[ds]?|decrease[ds]?|rose|fell|"
    r"grew|dropped|declined)\b",
    re.IGNORECASE,
)
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
            or SPECIFICS.search(text)
            or (COMPARISON.search(text) and _has_actor(ctx, sentence.start, sentence.end))
        ):
            drafts.append(Draft("statement", sentence.start, sentence.end))
    return drafts


def _has_actor(ctx: ClaimContext, start: int, end: int) -> bool:
    return any(m.entity.type in ("PERSON", "ORG", "GPE") for m in ctx.mentions_in(start, end))
