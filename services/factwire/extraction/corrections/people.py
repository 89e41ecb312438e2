"""People: names the tagger cut short, and surface forms it gets wrong every time (products
tagged as people, known confusions)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from factwire.extraction.corrections.text import Occupied, plain_word, surface_of
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import CURRENCY_WORDS


def complete_person_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Take in the initials and given names the tagger left out of a person's name.

    "R. Ponting" tagged "R." alone, or "Sandrine Testud" tagged "Testud" alone: a capitalised
    word or an initial right before a person's name belongs to it, unless it is a title, a
    common word or a place ("President Testud", "Monday Testud", "France Testud" stay apart).
    """
    taken = Occupied(mentions)
    return [_completed_name(text.field(m.field), m, taken) for m in mentions]


def _completed_name(s: str, m: RawMention, taken: Occupied) -> RawMention:
    if _LONE_INITIAL.fullmatch(s[m.start : m.end]):
        after = _NEXT_NAME_WORD.match(s, m.end)
        if after and not taken.overlaps(m.field, m.end, after.end()):
            taken.add(m.field, m.end, after.end())
            m = RawMention(m.field, m.start, after.end(), "PERSON")
    if m.label != "PERSON":
        return m
    start = m.start
    for _ in range(2):
        before = _PREVIOUS_NAME_WORD.search(s, max(0, start - 40), start)
        if not before or taken.overlaps(m.field, before.start(), start - 1):
            break
        if not _given_name_or_initial(before.group(1)):
            break
        start = before.start()
    if start == m.start:
        return m
    taken.add(m.field, start, m.start)
    return replace(m, start=start)


def fix_known_confusions(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Surface forms a general model gets wrong the same way every time ("AI" is no place).

    The table lives in ``language/data/confusions.tsv``: a surface form, the label the model
    gives it (or ``*``), and the right label (or ``-`` for "not an entity").
    """
    table = lexicon().confusions
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        fix = table.get((surface, m.label)) or table.get((surface, "*"))
        if fix is None:
            out.append(m)
        elif fix != "-":
            out.append(replace(m, label=fix))
    return out


_MAX_TITLE_WORDS = 2


def offices_are_not_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Common words before a title and a person's name say which office the person holds, and
    name no organisation: "Energy" and "Cabinet" in "Energy Cabinet Secretary Wanjiru Kamau"
    (a company's own name there stays: "Masdar chief executive Omar Al Suwaidi")."""
    ordered = sorted(mentions, key=lambda m: (m.field, m.start))
    dropped: set[int] = set()
    for m, after in pairwise(ordered):
        if m.field != after.field or after.label != "PERSON" or m.label == "PERSON":
            continue
        between = text.field(m.field)[m.end : after.start].split()
        if (
            0 < len(between) <= _MAX_TITLE_WORDS
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in between)
            and between[-1] in lexicon().person_titles
            and all(map(plain_word, surface_of(text, m).split()))
        ):
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


_CURRENCY_CONFUSIONS = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC"})
"""Labels a tagger gives a currency's name (a person's name stays: "Raheem Sterling")."""


def currencies_are_not_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A currency's name alone is no place or organisation ("Sterling rose 0.4% against the
    dollar")."""
    return [
        m
        for m in mentions
        if m.label not in _CURRENCY_CONFUSIONS or surface_of(text, m).lower() not in CURRENCY_WORDS
    ]


_PRODUCT_SPELLING = re.compile(r"^[a-z]+[A-Z]|[a-z][A-Z]{2,}|[A-Za-z]-?\d|\d[A-Za-z]")
"""Lower case then capitals ("iPhone", "ChatGPT") or letters glued to digits ("GPT-4", "A380");
a capital after a lower-case prefix alone is a surname ("McGrath", "LeBron")."""


def products_not_people(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A one-word "person" spelled like a product ("iPhone", "ChatGPT", "GPT-4") is a product."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        if m.label == "PERSON" and " " not in surface and _PRODUCT_SPELLING.search(surface):
            out.append(replace(m, label="PRODUCT"))
        else:
            out.append(m)
    return out


_LONE_INITIAL = re.compile(r"[A-Z]\.")

_NEXT_NAME_WORD = re.compile(r"[ ]?[A-Z][a-z][\w'’-]*")

_PREVIOUS_NAME_WORD = re.compile(r"(?<![\w.'’-])([A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?) ?$")


def _given_name_or_initial(word: str) -> bool:
    if _LONE_INITIAL.fullmatch(word):
        return True
    return (
        word.lower() not in lexicon().common_words
        and word not in lexicon().person_titles
        and word not in lexicon().places
        and word not in lexicon().countries
    )
