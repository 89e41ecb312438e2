"""Numbers inside names: results tables run names and scores together."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from factwire.extraction.corrections.text import (
    NON_SPACE_RUN,
    NUMBER_TOKEN,
    inside,
    surface_of,
    table_rows,
)
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language.amounts import UNIT_NAMES
from factwire.extraction.names import NAME_LABELS

_HAS_DIGIT = re.compile(r"\d")

_NUMBERLESS_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})

_SCORE = re.compile(r"\s+\d+-\d+$")


def split_at_numbers(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Numbers are not part of a person's or a place's name: they separate names.

    In results tables the tagger runs names and scores together ("Kersey 63", "Oldham 3
    Ipswich"); each stretch of words between the numbers is a name of its own. In a table row
    this holds for every name; elsewhere organisations lose only a trailing score ("Mexico 2-0")
    and names of products, events and works keep their numbers ("Euro 96", "Windows 95").
    """
    rows: dict[str, list[tuple[int, int]]] = {}  # a field's table rows, found when first needed
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        if m.label not in NAME_LABELS or not _HAS_DIGIT.search(surface):
            out.append(m)
            continue
        if m.label not in _NUMBERLESS_LABELS and m.field not in rows:
            rows[m.field] = table_rows(text.field(m.field))
        if m.label in _NUMBERLESS_LABELS or inside(rows[m.field], m.start):
            out.extend(
                replace(m, start=m.start + a, end=m.start + b) for a, b in _wordy_stretches(surface)
            )
        else:
            score = _SCORE.search(surface)
            out.append(replace(m, end=m.start + score.start()) if score and score.start() else m)
    return out


_AMOUNT_BEFORE = re.compile(r"[-+]?\d[\d.,]*(?:[ -]?(?:degrees?|°))?[ -]?$")
_MEASURE_REACH = 24


def units_are_amounts(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A unit after a number is part of a quantity, not a name: "1.9 degrees Celsius" is one
    QUANTITY, and so is "600 MW" (any number or quantity inside it is taken in)."""
    measures: list[RawMention] = []
    for m in mentions:
        s = text.field(m.field)
        if m.label not in NAME_LABELS or s[m.start : m.end] not in UNIT_NAMES:
            continue
        amount = _AMOUNT_BEFORE.search(s, max(0, m.start - _MEASURE_REACH), m.start)
        if amount is not None:
            measures.append(RawMention(m.field, amount.start(), m.end, "QUANTITY"))
    if not measures:
        return mentions
    spans = sorted((q.field, q.start, q.end) for q in measures)
    return [m for m in mentions if not _inside_one(spans, m)] + measures


def _inside_one(spans: Sequence[tuple[str, int, int]], m: RawMention) -> bool:
    """Whether ``m`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (m.field, m.start, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] == m.field and spans[i][1] <= m.start and m.end <= spans[i][2]


def _wordy_stretches(surface: str) -> list[tuple[int, int]]:
    """Offsets of the runs of tokens between number tokens that contain a letter."""
    stretches: list[tuple[int, int]] = []
    start = end = -1
    for token in NON_SPACE_RUN.finditer(surface):
        if NUMBER_TOKEN.fullmatch(token.group()):
            if start >= 0:
                stretches.append((start, end))
            start = -1
        else:
            start = token.start() if start < 0 else start
            end = token.end()
    if start >= 0:
        stretches.append((start, end))
    return [(a, b) for a, b in stretches if any(c.isalpha() for c in surface[a:b])]
