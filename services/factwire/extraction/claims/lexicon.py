"""The word lists claims are found with, loaded once from ``extraction/data/claims/``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    data = resources.files("factwire.extraction").joinpath("data", "claims", name)
    lines = (line.strip() for line in data.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One alternation of whole-word phrases, longest first, matched case-insensitively."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    strong_cues: frozenset[str]
    weak_cues: frozenset[str]
    quote_cues: frozenset[str]
    cue_pattern: re.Pattern[str]
    quote_cue_pattern: re.Pattern[str]
    hedge_pattern: re.Pattern[str]
    opinion_pattern: re.Pattern[str]
    speaker_nouns: frozenset[str]
    gender: dict[str, str]

    def is_cue(self, phrase: str) -> bool:
        key = " ".join(phrase.lower().split())
        return key in self.strong_cues or key in self.weak_cues or key in self.quote_cues


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, set[str]] = {"strong": set(), "weak": set(), "quote": set()}
    for line in _lines("cues.txt"):
        phrase, _, strength = line.rpartition(" ")
        kinds[strength].add(phrase.lower())
    strong, weak, quote = kinds["strong"], kinds["weak"], kinds["quote"]
    gender: dict[str, str] = {}
    for line in _lines("first_names.tsv"):
        name, _, pronoun = line.partition("\t")
        gender[name.lower()] = pronoun.strip()
    return Lexicon(
        strong_cues=frozenset(strong),
        weak_cues=frozenset(weak),
        quote_cues=frozenset(quote),
        # case-sensitive: a capitalised "Said" or "Reports" is rarely a reporting verb
        cue_pattern=re.compile(_phrase_pattern(sorted(strong | weak)).pattern),
        quote_cue_pattern=re.compile(_phrase_pattern(sorted(strong | weak | quote)).pattern),
        hedge_pattern=re.compile(_phrase_pattern(_lines("hedges.txt")).pattern),
        opinion_pattern=_phrase_pattern(_lines("opinion_words.txt")),
        speaker_nouns=frozenset(w.lower() for w in _lines("speaker_nouns.txt")),
        gender=gender,
    )
