"""The rules backend's gazetteer: the lexicon's names indexed by their lower-case words, with
the word sets the typing rules look up, built once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from factwire.extraction.backends.rules.tokens import split_words
from factwire.extraction.language import lexicon


def _key(name: str, abbreviations: frozenset[str]) -> tuple[str, ...]:
    if name.isalpha():
        return (name.lower(),)
    return tuple(w.lower() for w in split_words(name, abbreviations)[0])


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    exact: str | None  # acronyms ("WHO", "US") only match as written
    weak: bool = False  # a small town that is also a personal name ("Clinton", "Dole")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything the rules look up, loaded once per process."""

    names: dict[tuple[str, ...], Entry]
    countries: frozenset[str]
    longest: dict[str, int]  # first word -> longest entry starting with it
    common: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    titles: frozenset[str]
    org_suffix: frozenset[str]
    org_any: frozenset[str]
    events: frozenset[str]
    abbreviations: frozenset[str]
    speaker_verbs: frozenset[str]  # "Dole said": the name before them is a person


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    words = lexicon()
    abbreviations = words.token_abbreviations
    common = words.common_words
    first_names = words.first_names
    surnames = words.surnames
    names: dict[tuple[str, ...], Entry] = {}
    countries: set[str] = set()

    def add(name: str, label: str, *, overwrite: bool, weak: bool = False) -> None:
        key = _key(name, abbreviations)
        if not key or (not overwrite and key in names):
            return
        exact = name if name.isupper() and len(name) <= 5 else None
        names[key] = Entry(label, exact, weak)

    for name, kind in words.place_rows:
        label, _, major = kind.partition(" ")
        if major == "country":
            countries.add(name)
        if not major and " " not in name and name.lower() in common:
            continue  # "Police" (Poland), "Split" (Croatia): too often the plain word
        personal = name in surnames or name in first_names
        add(name, label, overwrite=False, weak=personal and not major)
    for name in words.languages:
        add(name, "LANGUAGE", overwrite=True)
    for name in words.norp_names:
        add(name, "NORP", overwrite=True)
    for name, kind in words.location_rows:
        label, _, major = kind.partition(" ")
        if major == "country":
            countries.add(name)
        add(name, label, overwrite=True)
    for name in words.organisations:
        add(name, "ORG", overwrite=True)
    for name in words.events:
        add(name, "EVENT", overwrite=True)
    longest: dict[str, int] = {}
    for key in names:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return Gazetteer(
        names=names,
        countries=frozenset(countries),
        longest=longest,
        common=common,
        first_names=first_names,
        surnames=surnames,
        titles=words.person_titles,
        org_suffix=words.organisation_suffixes | words.organisation_anywhere,
        org_any=words.organisation_anywhere,
        events=words.event_words,
        abbreviations=abbreviations,
        speaker_verbs=words.speaker_verbs,
    )
