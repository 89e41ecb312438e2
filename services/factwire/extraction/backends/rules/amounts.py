"""Dates, times, money, percentages, quantities, ordinals and cardinals, read from token
patterns before any name is looked for."""

from __future__ import annotations

import re

from factwire.extraction.backends.rules.tokens import Tokens
from factwire.extraction.language.amounts import (
    BEFORE_MONTH,
    CLOCK_SUFFIXES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DATE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    PERIOD_PARTS,
    PERIODS,
    RELATIVE_WORDS,
    SCALES,
    UNITS,
    WEEKDAYS,
)

_YEAR = re.compile(r"(?:1[5-9]|20)\d\d(?:s)?")

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d|\d\d?/\d\d?/\d{2,4}")

_CLOCK = re.compile(r"\d\d?[:.]\d\d")

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

_CASED_TRIGGERS = MONTHS | WEEKDAYS | CURRENCY_SIGNS | CURRENCY_CODES

_LOWER_TRIGGERS = DATE_WORDS | RELATIVE_WORDS | NUMBER_WORDS | ORDINAL_WORDS


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in NUMBER_WORDS


Span = tuple[int, int, str]  # first token, token after the last, label


def find_amounts(tok: Tokens) -> list[Span]:
    """Dates, times, money, percentages, quantities, ordinals and cardinals."""
    words, n = tok.words, len(tok.words)
    out: list[Span] = []
    i = 0
    while i < n:
        w = words[i]
        if not (w[0].isdigit() or w in _CASED_TRIGGERS or w.lower() in _LOWER_TRIGGERS):
            i += 1  # most words start no amount: skip them cheaply
            continue
        if _number_in_name(tok, i):
            i += 1
            continue
        span = _amount_at(words, i, n)
        if span is None:
            i += 1
            continue
        start, end, label = span
        for k in range(start + 1, end):
            if tok.sentence_start[k]:
                end = k  # an amount never runs across a line or sentence break
                break
        while out and out[-1][1] > start:
            out.pop()  # "12 March 2024" replaces the cardinal "12" read just before
        out.append((start, end, label))
        i = end
    return out


def _number_in_name(tok: Tokens, i: int) -> bool:
    """A capitalised number word inside a sentence, after a capitalised word, ends a name
    ("League One", "Formula One"); not in a line of capitals, where every word is."""
    w = tok.words[i]
    if not (w[:1].isupper() and w.lower() in NUMBER_WORDS) or i == 0:
        return False
    if tok.sentence_start[i] or tok.caps_line[i]:
        return False
    return tok.words[i - 1][:1].isupper()


def _amount_at(words: list[str], i: int, n: int) -> Span | None:
    """The amount starting at token ``i``: a date, money, a number and what it counts."""
    found = _date_at(words, i, n)
    if found is not None:
        return found
    w = words[i]
    nxt = words[i + 1] if i + 1 < n else ""
    if w in CURRENCY_SIGNS or (w in CURRENCY_CODES and nxt in CURRENCY_SIGNS):
        return _money_at(words, i, n)
    if not _is_number(w):
        return _ordinal_or_none(w, i, nxt)
    return _number_at(words, i, n)


def _date_at(words: list[str], i: int, n: int) -> Span | None:
    """ "12 March 1997", "Monday", "yesterday", "1996-08-30", "last week"."""
    w = words[i]
    low = w.lower()
    nxt = words[i + 1] if i + 1 < n else ""
    if w in MONTHS and (
        nxt[:1].isdigit()
        or (i > 0 and words[i - 1][:1].isdigit())
        or w != "May"
        or (i > 0 and words[i - 1].lower() in BEFORE_MONTH)
        or nxt.lower() in RELATIVE_WORDS
    ):
        j = i + 1
        while j < n and (words[j][:1].isdigit() or words[j] == ","):
            j += 1
        while j > i + 1 and words[j - 1] == ",":
            j -= 1
        start = i - 1 if i > 0 and words[i - 1].isdigit() and len(words[i - 1]) <= 2 else i
        return (start, j, "DATE")
    if w in WEEKDAYS or low in DATE_WORDS or ISO_DATE.fullmatch(w):
        return (i, i + 1, "DATE")
    if low in RELATIVE_WORDS and nxt.lower() in PERIODS:
        return (i, i + 2, "DATE")
    return None


def _money_at(words: list[str], i: int, n: int) -> Span | None:
    """A currency sign (after its code) before a number: "$ 4.5 billion", "US$ 3"."""
    j = i + 1 if words[i] in CURRENCY_SIGNS else i + 2
    if j < n and words[j][:1].isdigit():
        j += 1
        if j < n and words[j] in SCALES:
            j += 1
        return (i, j, "MONEY")
    return None


def _number_at(words: list[str], i: int, n: int) -> Span:
    """A number and its unit: a time, a percentage, money, a quantity, a year, an ordinal."""
    w = words[i]
    if _CLOCK.fullmatch(w) and ":" in w:
        j = i + 1
        if j < n and words[j].lower() in CLOCK_SUFFIXES:
            j += 1
        return (i, j, "TIME")
    j = i + 1
    while j < n and words[j] in SCALES:
        j += 1
    unit = words[j] if j < n else ""
    measured = _measured(words, i, j, n)
    if measured is not None:
        return measured
    if _YEAR.fullmatch(w) and j == i + 1:
        return (i, j, "DATE")
    if _ORDINAL.fullmatch(w):
        return (i, j + 1, "DATE") if unit in PERIOD_PARTS else (i, j, "ORDINAL")
    return (i, j, "CARDINAL")


def _measured(words: list[str], i: int, j: int, n: int) -> Span | None:
    """The number ``i``..``j`` with the unit at ``j``: "4 percent", "4 per cent", "30 marks",
    "40 km"."""
    unit = words[j] if j < n else ""
    if unit in PERCENT_WORDS:
        return (i, j + 1, "PERCENT")
    if unit == "per" and j + 1 < n and words[j + 1].lower() == "cent":
        return (i, j + 2, "PERCENT")
    if unit in CURRENCY_WORDS:
        return (i, j + 1, "MONEY")
    if unit in UNITS:
        return (i, j + 1, "QUANTITY")
    return None


def _ordinal_or_none(word: str, i: int, nxt: str) -> Span | None:
    if word.lower() not in ORDINAL_WORDS:
        return None
    if nxt in PERIOD_PARTS:
        return (i, i + 2, "DATE")  # "the third quarter"
    return (i, i + 1, "ORDINAL")


def is_date_token(word: str) -> bool:
    return word in MONTHS or ISO_DATE.fullmatch(word) is not None
