"""The word lists claims are found with, loaded once from ``extraction/data/claims/``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _lines(name: str) -> list[str]:
    data = resources.files("factwire.extraction").joinpath("data", "claims", name)
    lines = (line.strip() for line in data.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def word_list(text: str) -> list[str]:
    """The words of a space-separated string (keeps long word lists readable in code)."""
    return text.split()


def _trie(phrases: list[str]) -> str:
    """A regex matching any of the phrases, written as a prefix tree so that the engine tries
    a few characters at each position instead of every phrase in turn."""
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: dict[str, Any]) -> str:
    ending = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_node(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ending else "(?:" + "|".join(branches) + ")"
    return body + "?" if ending else body


class PhraseFinder:
    """Finds whole-word phrases from a list, in one regex built as a prefix tree."""

    def __init__(self, phrases: list[str], *, ignore_case: bool) -> None:
        words = sorted({" ".join(p.lower().split()) for p in phrases})
        flags = re.IGNORECASE if ignore_case else 0
        self._pattern = re.compile(rf"(?<![\w'’-])(?:{_trie(words)})(?![\w'’-])", flags)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self._pattern.finditer(text, start, len(text) if end is None else end)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """A phrase starting exactly at ``pos``."""
        return self._pattern.match(text, pos)

    def search(self, text: str) -> re.Match[str] | None:
        return self._pattern.search(text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    strong_cues: frozenset[str]
    weak_cues: frozenset[str]
    quote_cues: frozenset[str]
    act_cues: frozenset[str]
    cue_pattern: PhraseFinder
    quote_cue_pattern: PhraseFinder
    hedge_pattern: PhraseFinder
    opinion_pattern: PhraseFinder
    speaker_nouns: frozenset[str]
    gender: dict[str, str]

    def is_cue(self, phrase: str) -> bool:
        key = " ".join(phrase.lower().split())
        return key in self.strong_cues or key in self.weak_cues or key in self.quote_cues


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, set[str]] = {"strong": set(), "weak": set(), "quote": set(), "act": set()}
    for line in _lines("cues.txt"):
        phrase, _, strength = line.rpartition(" ")
        kinds[strength].add(phrase.lower())
    strong, weak, quote, act = kinds["strong"], kinds["weak"], kinds["quote"], kinds["act"]
    gender: dict[str, str] = {}
    for line in _lines("first_names.tsv"):
        name, _, pronoun = line.partition("\t")
        gender[name.lower()] = pronoun.strip()
    return Lexicon(
        strong_cues=frozenset(strong),
        weak_cues=frozenset(weak),
        quote_cues=frozenset(quote),
        act_cues=frozenset(act),
        # case matters: a capitalised "Said" or "Reports" is rarely a reporting verb, and
        # "May" is a month, not a hedge
        cue_pattern=PhraseFinder(sorted(strong | weak | act), ignore_case=False),
        quote_cue_pattern=PhraseFinder(sorted(strong | weak | quote | act), ignore_case=False),
        hedge_pattern=PhraseFinder(_lines("hedges.txt"), ignore_case=False),
        opinion_pattern=PhraseFinder(_lines("opinion_words.txt"), ignore_case=True),
        speaker_nouns=frozenset(w.lower() for w in _lines("speaker_nouns.txt")),
        gender=gender,
    )
