"""Text shapes and bookkeeping shared by the correction rules: a mention's surface, table rows,
lines in capitals, characters already covered by a mention."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.names import name_key

NON_SPACE_RUN = re.compile(r"\S+")


def surface_of(text: ArticleText, m: RawMention) -> str:
    return (text.body if m.field == "body" else text.title)[m.start : m.end]


def shouted_lines(s: str) -> list[tuple[int, int]]:
    """Lines written in capitals (headlines, datelines), as (start, end) offsets."""
    lines = []
    start = 0
    for line in s.split("\n"):
        if is_shouted(line):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def is_shouted(line: str) -> bool:
    """A line written in capitals: at least four capitals and ten times fewer small letters."""
    upper = sum(1 for c in line if c.isupper())
    return upper >= 4 and sum(1 for c in line if c.islower()) * 10 <= upper


NUMBER_TOKEN = re.compile(r"[-+(]?\.?\d[\d.,:/-]*[)%]?")


def table_rows(s: str) -> list[tuple[int, int]]:
    """Lines that read as rows of a results or standings table, as (start, end) offsets."""
    rows = []
    start = 0
    for line in s.split("\n"):
        tokens = line.split()
        numbers = sum(1 for t in tokens if NUMBER_TOKEN.fullmatch(t))
        lower = sum(1 for t in tokens if t.isalpha() and t.islower())
        if numbers >= 2 and lower <= 2 and numbers > lower:
            rows.append((start, start + len(line)))
        start += len(line) + 1
    return rows


def inside(rows: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(rows, (offset, len(rows) and rows[-1][1] + 1)) - 1
    return i >= 0 and rows[i][0] <= offset < rows[i][1]


def is_country(name: str) -> bool:
    return name_key(name) in lexicon().countries


def plain_word(word: str) -> bool:
    """A capitalised word that is a common English word and no name the word lists know (no
    place, nationality, company, organisation, first name or surname): "Energy", "Bank"."""
    lex = lexicon()
    return (
        word.isalpha()
        and word.lower() in lex.common_words
        and word not in lex.places
        and word not in lex.countries
        and word not in lex.demonyms
        and word not in lex.companies
        and word not in lex.first_names
        and word not in lex.surnames
        and word not in lex.organisations
    )


def family_name_first(word: str) -> bool:
    """A known surname that is no given name, written first ("Wang Donghai")."""
    return word in lexicon().surnames and word not in lexicon().first_names


def longest_by_first_word(names: Iterable[tuple[str, ...]]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for words in names:
        if words:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


class Occupied:
    """Characters already covered by a mention, one flag per character of each field."""

    def __init__(self, mentions: Iterable[RawMention]) -> None:
        self._covered: dict[str, bytearray] = {}
        for m in mentions:
            self.add(m.field, m.start, m.end)

    def add(self, field: str, start: int, end: int) -> None:
        covered = self._covered.setdefault(field, bytearray())
        if len(covered) < end:
            covered.extend(b"\0" * (end - len(covered)))
        covered[start:end] = b"\1" * (end - start)

    def overlaps(self, field: str, start: int, end: int) -> bool:
        return any(self._covered.get(field, b"")[start:end])


def deduplicated(mentions: Iterable[RawMention]) -> list[RawMention]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.field != "title", m.start, -m.end)):
        key = (m.field, m.start, m.end)
        if key not in seen and m.end > m.start:
            seen.add(key)
            out.append(m)
    return out
