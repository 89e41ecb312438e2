"""One type per referent: the step between a backend's corrected mentions and the entities.

A reader who has met "Nadia Okafor" reads a later "Okafor" as her, whatever a tagger says about
the word alone; likewise "Halcyon" after "Halcyon Semiconductor". Each rule of :data:`RULES` is
a small function from the article and its mentions to mentions, run in order for every backend.
Which mentions then form one entity, and its canonical (fullest) name, is decided in
:mod:`factwire.extraction.entities`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import AGE_CUES
from factwire.extraction.names import NAME_LABELS, name_key

Rule = Callable[[ArticleText, list[RawMention]], list[RawMention]]

_AGE = re.compile(r"\d{1,3}")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+) $")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_RETYPED = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_TOWN_OR_CLUB = frozenset({"GPE", "LOC", "ORG"})
_PERSON_PARTICLES = frozenset({"van", "von", "der", "de", "da", "del", "la", "le", "bin", "al"})


def _surface(text: ArticleText, m: RawMention) -> str:
    return text.field(m.field)[m.start : m.end]


def _words(text: ArticleText, m: RawMention) -> tuple[str, ...]:
    return tuple(name_key(w) for w in _NAME_WORD.findall(_surface(text, m)))


def short_forms_of_people(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A surname alone is the person named in full in the article ("Okafor" after "Nadia
    Okafor"), and so is "Van der Westhuizen" after "Joost van der Westhuizen"."""
    tails: set[tuple[str, ...]] = set()
    for m in mentions:
        words = _words(text, m)
        if m.label == "PERSON" and len(words) > 1:
            tails.update(
                words[i:]
                for i in range(1, len(words))
                if words[i - 1].lower() not in _PERSON_PARTICLES or i > 1
            )
    out = []
    for m in mentions:
        if m.label in NAME_LABELS and m.label != "PERSON" and _words(text, m) in tails:
            out.append(replace(m, label="PERSON"))
        else:
            out.append(m)
    return out


def short_forms_of_organisations(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A name alone that opens an organisation's name met earlier is that organisation
    ("Halcyon" after "Halcyon Semiconductor", "Ashford" after "Ashford Rovers"), unless it is
    a known place or a nationality, which often opens a name ("Iraqi National Congress")."""
    heads: dict[str, int] = {}
    for m in mentions:
        words = _words(text, m)
        if m.label == "ORG" and len(words) > 1:
            heads.setdefault(words[0], m.start if m.field == "body" else -1)
    people = _person_names(text, mentions)
    out = []
    for m in mentions:
        words = _words(text, m)
        first = heads.get(words[0]) if len(words) == 1 and "." not in words[0] else None
        later = first is not None and (m.field == "body" and m.start > first)
        retyped = m.label in _RETYPED and _surface(text, m) not in lexicon().places
        unnamed = m.label == "PERSON" and words and words[0] not in people
        if later and (retyped or unnamed):
            out.append(replace(m, label="ORG"))
        else:
            out.append(m)
    return out


def _person_names(text: ArticleText, mentions: list[RawMention]) -> set[str]:
    """First words of the people named in full ("Nadia" of "Nadia Okafor")."""
    named = (_words(text, m) for m in mentions if m.label == "PERSON")
    return {words[0] for words in named if len(words) > 1}


def one_type_per_name(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Every mention of one name has the type most of its mentions have (ties: keep).

    A town and its club share a name, and the text tells them apart ("NEW YORK 5 Chicago 3"
    under a "NEW YORK" dateline), so a place never becomes an organisation here, nor the
    reverse.
    """
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label in NAME_LABELS:
            votes.setdefault(name_key(_surface(text, m)), Counter())[m.label] += 1
    out = []
    for m in mentions:
        counts = votes.get(name_key(_surface(text, m))) if m.label in NAME_LABELS else None
        if counts and len(counts) > 1:
            best = max(counts.values())
            label = m.label if counts[m.label] == best else counts.most_common(1)[0][0]
            if {label, m.label} <= _TOWN_OR_CLUB:
                label = m.label
            out.append(replace(m, label=label))
        else:
            out.append(m)
    return out


def ages_are_not_dates(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A bare number between commas right after a person's name, or after "aged" or "over",
    is an age, not a date ("Rocha, 21, scored", "most were over 75")."""
    people_ends = {(m.field, m.end) for m in mentions if m.label == "PERSON"}
    out = []
    for m in mentions:
        s = text.field(m.field)
        bare = m.label == "DATE" and _AGE.fullmatch(s[m.start : m.end]) is not None
        after_name = (
            s[m.start - 2 : m.start] == ", "
            and (m.field, m.start - 2) in people_ends
            and s[m.end : m.end + 1] == ","
        )
        cue = _WORD_BEFORE.search(s, max(0, m.start - 8), m.start)
        after_cue = cue is not None and cue.group(1).lower() in AGE_CUES
        out.append(replace(m, label="CARDINAL") if bare and (after_name or after_cue) else m)
    return out


_DATELINE_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s+\.)?)?"
    r"\s*(?:—|–|--|\((?:[A-Z][\w ]*)\)|\d{4}-\d\d-\d\d)"
)


def datelines_are_places(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A name in capitals opening a line and followed by a dash, a news agency or a date is a
    dateline: a place ("LONDON — Arsenal completed ...", "BERLIN 1996-08-30", "WIGAN, England
    1996-08-31"), even in a sports report where the same word may name a club."""
    out = []
    for m in mentions:
        s = text.field(m.field)
        surface = s[m.start : m.end]
        dateline = (
            m.label in ("ORG", "PERSON", "NORP")
            and surface.isupper()
            and (m.start == 0 or s[m.start - 1] == "\n")
            and _DATELINE_AFTER.match(s, m.end) is not None
        )
        out.append(replace(m, label="GPE") if dateline else m)
    return out


RULES: tuple[tuple[str, Rule], ...] = (
    ("short_forms_of_people", short_forms_of_people),
    ("short_forms_of_organisations", short_forms_of_organisations),
    ("one_type_per_name", one_type_per_name),
    ("ages_are_not_dates", ages_are_not_dates),
    ("datelines_are_places", datelines_are_places),
)


def one_type_per_referent(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Apply every rule of :data:`RULES` in order."""
    for _, rule in RULES:
        mentions = rule(text, mentions)
    return mentions
