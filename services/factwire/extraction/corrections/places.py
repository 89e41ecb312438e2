"""Places: countries, place names the context says are places, nationalities."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count, islice

from factwire.extraction.corrections.text import Occupied, is_country, surface_of
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.name_words import (
    COUNTRY_LINKS,
    DEMONYM_ENDINGS,
    LANDFORM_NOUNS,
    PLACE_HEADS,
)
from factwire.extraction.names import NAME_LABELS, name_key
from factwire.models import TextField

_PLACE_BEFORE = re.compile(
    r"\b(?:(?:province|region|city|town|state|county|capital|village|port) of|in|near|outside)"
    r"\s+$"
)


def countries_are_places(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A country named on its own is a place (GPE), never an organisation or a person, even
    when it stands for its government or its national team ("Belarus beat Estonia 1-0")."""
    out = []
    for m in mentions:
        if m.label in ("ORG", "PERSON", "LOC") and is_country(surface_of(text, m)):
            out.append(replace(m, label="GPE"))
        else:
            out.append(m)
    return out


def organisations_named_after_countries(
    text: ArticleText, mentions: list[RawMention]
) -> list[RawMention]:
    """A name that ends in a country's, joined by "of" or "de" to words that name no kind of
    place, is a body of that country: a company, a bank, an agency ("Infraestruturas de
    Portugal", "National Bank of Poland"), not the country nor a person whose given name would
    open it; "Republic of Ireland", "Gulf of Mexico" and a listed place ("Santiago de Cuba")
    stay places."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        named = _country_after_link(surface) and (
            m.label == "GPE"
            or (m.label == "PERSON" and surface.split()[0] not in lexicon().first_names)
        )
        out.append(replace(m, label="ORG") if named else m)
    return out


def _country_after_link(surface: str) -> bool:
    words = surface.split()
    if len(words) < 3 or words[0] in PLACE_HEADS or surface in lexicon().places:
        return False
    links = [i for i, w in enumerate(words) if w in COUNTRY_LINKS]
    return bool(links) and links[0] > 0 and is_country(" ".join(words[links[0] + 1 :]))


def places_by_context(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A known place name tagged as a person, in an article where the words before one of its
    mentions say place ("the province of Valencia", "in Valencia"), is a place in all of them
    (one sense per article), unless a mention speaks ("Valencia said"). Many place names are
    also surnames ("Valencia", "Houston"), so the gazetteer alone decides nothing, and a full
    name ("Ana Valencia") is left alone."""
    placed = {
        surface_of(text, m) for m in mentions if m.label == "PERSON" and _place_context(text, m)
    }
    if not placed:
        return mentions
    speaking = {
        surface_of(text, m)
        for m in mentions
        if surface_of(text, m) in placed and _speaks_after().match(text.field(m.field), m.end)
    }
    places = placed - speaking
    return [
        replace(m, label="GPE") if m.label == "PERSON" and surface_of(text, m) in places else m
        for m in mentions
    ]


@lru_cache(maxsize=1)
def _speaks_after() -> re.Pattern[str]:
    """A speech verb right after a name ("Valencia said")."""
    verbs = "|".join(sorted(lexicon().place_speaker_verbs))
    return re.compile(rf",?\s+(?:{verbs})\b")


def _place_context(text: ArticleText, m: RawMention) -> bool:
    name = surface_of(text, m)
    if " " in name or name not in lexicon().places:
        return False
    field = text.field(m.field)
    before = field[max(0, m.start - 24) : m.start]
    return _PLACE_BEFORE.search(before) is not None


_LANDFORM_AFTER = re.compile(r" ([a-z]+)\b")


def landforms_by_noun_after(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A name followed by a landscape noun names that river, lake or valley (LOC), whatever
    the name alone might be: "the Júcar river authority", "the Mississippi delta"."""
    out = []
    for m in mentions:
        after = _LANDFORM_AFTER.match(text.field(m.field), m.end)
        landform = after is not None and after.group(1) in LANDFORM_NOUNS
        if landform and m.label in NAME_LABELS and m.label not in ("LOC", "NORP"):
            out.append(replace(m, label="LOC"))
        else:
            out.append(m)
    return out


_MIN_STEM = 4


def adjectives_of_places(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A nationality ("Hutu"), or a word made from a known place's name with an adjective
    ending ("Valencian" from "Valencia", "Parisian" from "Paris"), names the people or things of
    a place (NORP), not an organisation, a place or a person. A word that is itself a known
    name or a common word ("Moran", "Roman") is derived from nothing."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        adjective = m.label in NAME_LABELS and m.label != "NORP" and _place_adjective(surface)
        out.append(replace(m, label="NORP") if adjective else m)
    return out


def _place_adjective(word: str) -> bool:
    lex = lexicon()
    if not word.isalpha() or not word[:1].isupper() or word.isupper():
        return False
    if word in lex.demonyms:
        return True
    if word in lex.places or word in lex.first_names or word in lex.surnames:
        return False
    if word in lex.companies or word.lower() in lex.common_words:
        return False
    return any(
        word.endswith(ending)
        and len(word) - len(ending) >= _MIN_STEM
        and word[: len(word) - len(ending)] + stem_end in lex.places
        for ending, stem_end in DEMONYM_ENDINGS
    )


def tag_demonyms(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Nationalities and other groups the tagger left out are NORP ("Canadian", "Panamanian"),
    also inside an amount ("37 million French francs") or a name the tagger cut short."""
    demonyms = lexicon().demonyms
    taken = Occupied(m for m in mentions if m.label in NAME_LABELS)
    out = list(mentions)
    for f in ("title", "body"):
        field: TextField = "title" if f == "title" else "body"
        s = text.field(field)
        keys = _CAPITALISED_WORD.findall(s)
        for j in list(compress(count(), map(str.isupper, keys))):
            keys[j] = name_key(keys[j])
        # The offsets are read only for the words that are demonyms, skipping ahead to them.
        words = _CAPITALISED_WORD.finditer(s)
        read = 0
        for j in list(compress(count(), map(demonyms.__contains__, keys))):
            word = next(islice(words, j - read, None))
            read = j + 1
            if not taken.overlaps(field, *word.span()):
                out.append(RawMention(field, word.start(), word.end(), "NORP"))
    return out


_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w]+(?![\w'’-])")
