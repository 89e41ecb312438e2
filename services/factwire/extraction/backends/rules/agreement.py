"""Article-level agreement: a guessed name takes the type a confident name of the same article
has ("Simmons" alone becomes PERSON after "Phil Simmons")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factwire.extraction.backends.rules.name_types import STRONG

if TYPE_CHECKING:
    from factwire.extraction.backends.rules.backend import FieldScan


def agree(fields: Sequence[FieldScan]) -> None:
    """Give a guessed name the type that a confidently typed name of the article has.

    "Simmons" alone takes PERSON from "Phil Simmons", "SIMMONS" in a headline too; "Essex"
    takes ORG if it was typed ORG with confidence elsewhere in the article.
    """
    known: dict[str, str] = {}
    surname_of: dict[str, str] = {}
    for f in fields:
        words = f.tok.words
        for name in f.names:
            if name.label == "PERSON" and name.end - name.start >= 2 and name.strength:
                for word in words[name.start : name.end]:
                    surname_of.setdefault(word.lower(), "PERSON")
                rest = " ".join(words[name.start + 1 : name.end]).lower()
                surname_of.setdefault(rest, "PERSON")
            if name.strength < STRONG:
                continue
            text = " ".join(words[name.start : name.end]).lower()
            known.setdefault(text, name.label)
    for f in fields:
        words = f.tok.words
        for name in f.names:
            if name.strength == STRONG:
                continue
            text = " ".join(words[name.start : name.end]).lower()
            label = known.get(text) or surname_of.get(text)
            if label is not None:
                name.label = label
