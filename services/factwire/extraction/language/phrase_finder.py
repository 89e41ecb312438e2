"""Finding any phrase of a word list in a text, with one regular expression."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any


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

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool) -> None:
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
