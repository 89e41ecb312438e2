"""Merging mentions into one entity per real-world referent.

Mentions with the same comparison key (titles, a leading "the" and capitals aside) form one
*form*; forms then join when they name the same thing: a surname or the tail of a full name
("Casanova" -> "Lourdes Casanova"), a company without its legal suffix ("Apple" -> "Apple Inc."),
an acronym of a longer name in the article ("KDP" -> "Kurdistan Democratic Party"), or two
spellings of a well-known name (``language/data/aliases.tsv``: "U.S." -> "United States"). The
entity's ``name`` is its fullest form and every other surface form is an alias. Linear in the
mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language.name_words import GENERATIONS
from factwire.extraction.names import (
    NAME_LABELS,
    acronym,
    category_noun,
    known_aliases,
    name_key,
    person_titles,
    without_legal_suffix,
)
from factwire.models import Entity

_FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
"""Labels whose mentions may join one entity (the tagger hesitates between them)."""

_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"\s?['’]s?$")
_WORDS = re.compile(r"[^\s,]+")


@dataclass(slots=True)
class _Form:
    """Mentions that share a comparison key: one spelling of a name."""

    family: str
    key: str
    words: tuple[str, ...]
    display: str
    mentions: list[RawMention] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    """How often each label was given, in order of first use."""


def build_entities(text: ArticleText, mentions: list[RawMention]) -> list[Entity]:
    """One :class:`Entity` per referent, in order of first appearance (title first); salience 0."""
    ordered = sorted(mentions, key=lambda m: (m.field != "title", m.start, -m.end))
    forms: dict[tuple[str, str], _Form] = {}
    for m in ordered:
        surface = text.field(m.field)[m.start : m.end]
        if m.label in NAME_LABELS:
            display = _strip_name(surface, person=m.label == "PERSON")
            key = (_FAMILY.get(m.label, m.label), name_key(display))
        else:
            display = surface
            key = (m.label, surface)
        form = forms.get(key)
        if form is None:
            words = tuple(_WORDS.findall(key[1]))
            form = forms[key] = _Form(family=key[0], key=key[1], words=words, display=display)
        form.mentions.append(m)
        form.labels[m.label] = form.labels.get(m.label, 0) + 1
        if form.display.isupper() and not display.isupper():
            form.display = display
    groups = _join_forms([f for k, f in forms.items() if k[0] not in _VALUE_FAMILIES])
    groups.extend([f] for k, f in forms.items() if k[0] in _VALUE_FAMILIES)
    groups.sort(key=lambda group: _position(group[0].mentions[0]))
    return [_entity(text, f"e{i}", group) for i, group in enumerate(groups, start=1)]


_VALUE_FAMILIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def _join_forms(forms: list[_Form]) -> list[list[_Form]]:
    """Group the name forms that refer to one thing (union-find over the joining rules)."""
    parent = list(range(len(forms)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for i, j in _same_referent_pairs(forms):
        union(i, j)
    groups: dict[int, list[_Form]] = {}
    for i, form in enumerate(forms):
        groups.setdefault(find(i), []).append(form)
    return list(groups.values())


_SHORT_FORM_FAMILIES = frozenset({"ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "LAW"})


def _short_form_pairs(forms: list[_Form]) -> list[tuple[int, int]]:
    """A one-word name that opens or ends exactly one longer name of the same kind is its
    short form ("Halcyon" -> "Halcyon Semiconductor", "League" -> "Premier League")."""
    by_end: dict[tuple[str, str], set[int]] = {}
    for i, form in enumerate(forms):
        if form.family in _SHORT_FORM_FAMILIES and len(form.words) > 1:
            for word in (form.words[0], form.words[-1]):
                by_end.setdefault((form.family, word), set()).add(i)
    pairs = []
    for i, form in enumerate(forms):
        if len(form.words) == 1:
            longer = by_end.get((form.family, form.words[0]), set())
            if len(longer) == 1:
                pairs.append((next(iter(longer)), i))
    return pairs


def _same_referent_pairs(forms: list[_Form]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = _short_form_pairs(forms)
    aliases = known_aliases()
    by_alias: dict[str, int] = {}
    by_base: dict[tuple[str, tuple[str, ...]], int] = {}
    by_acronym: dict[str, int] = {}
    by_tail: dict[tuple[str, ...], list[int]] = {}
    for i, form in enumerate(forms):
        group = aliases.get(form.display) or aliases.get(form.key)
        if group is not None:
            pairs.append((by_alias.setdefault(group, i), i))
        if form.family != "PERSON":
            base = without_legal_suffix(form.words)
            pairs.append((by_base.setdefault((form.family, base), i), i))
            initials = acronym(form.words)
            if initials:
                by_acronym.setdefault(initials, i)
        elif len(form.words) > 1:
            words = form.words
            if words[-1] in GENERATIONS and len(words) > 2:
                words = words[:-1]  # "Joseph R. Biden Jr." is also "Biden", "R. Biden"
                by_tail.setdefault(words, []).append(i)
            for n in range(1, len(words)):
                by_tail.setdefault(words[-n:], []).append(i)
    for i, form in enumerate(forms):
        if form.family == "PERSON":
            candidates = by_tail.get(form.words)
            if candidates:
                pairs.append((_nearest_before(forms, candidates, form), i))
        elif len(form.words) == 1:
            j = by_acronym.get(form.key.replace(".", ""))
            if j is not None and forms[j].family != "PERSON":
                pairs.append((j, i))
    return pairs


def _nearest_before(forms: list[_Form], candidates: list[int], short: _Form) -> int:
    """Of several full names ending alike, the one last mentioned before the short form."""
    first = _position(short.mentions[0])
    before = [c for c in candidates if _position(forms[c].mentions[0]) <= first]
    if not before:
        return candidates[0]
    return max(before, key=lambda c: _position(forms[c].mentions[0]))


def _entity(text: ArticleText, entity_id: str, group: list[_Form]) -> Entity:
    mentions = sorted(
        (m for form in group for m in form.mentions),
        key=lambda m: (m.field != "title", m.start, -m.end),
    )
    labels: dict[str, int] = {}
    for form in group:
        for label, n in form.labels.items():
            labels[label] = labels.get(label, 0) + n
    fullest = max(group, key=lambda f: (len(f.words), len(f.display), -f.mentions[0].start))
    name = fullest.display
    aliases: dict[str, None] = {}
    out_mentions: list[dict[str, object]] = []
    for m in mentions:
        surface = text.field(m.field)[m.start : m.end]
        out_mentions.append({"field": m.field, "start": m.start, "end": m.end, "text": surface})
        if surface != name and not category_noun(_strip_name(surface, person=False)):
            aliases.setdefault(surface)
    # One validation of the whole entity: nested plain data validates faster than models.
    return Entity.model_validate(
        {
            "id": entity_id,
            "name": name,
            "type": max(labels, key=labels.__getitem__),  # ties: the label seen first
            "aliases": list(aliases),
            "mentions": out_mentions,
            "salience": 0.0,
        }
    )


@lru_cache(maxsize=4096)
def _strip_name(surface: str, *, person: bool = True) -> str:
    """The name inside a mention: without a leading article, a possessive ending, or (for a
    person) titles -- "Premier League" is no league with a title."""
    name = _POSSESSIVE.sub("", _ARTICLE.sub("", surface)).strip() or surface
    if not person:
        return name
    titles = person_titles()
    while True:
        head, _, rest = name.partition(" ")
        if head not in titles or not rest.strip():
            return name
        name = rest.strip()


def _position(m: RawMention) -> tuple[int, int]:
    return (m.field != "title", m.start)
