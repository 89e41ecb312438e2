"""Sentence splitting with character offsets, in one linear pass and without a model.

Newlines always end a sentence (titles, paragraphs). Inside a line, a sentence ends at ``.``,
``!``, ``?`` or ``…`` (plus any closing quotation marks or brackets) followed by white space and
a capital letter, digit or opening quotation mark — unless the period belongs to an
abbreviation ("Mr.", "Sen.", "Jan.") or an initial ("J. R. Smith").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import SENTENCE_STARTERS

# the first mark, then no mark before it (the same as a look-behind first, but a search can
# skip from mark to mark), more marks, closing quotes or brackets, a capital or digit after
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_WORD_MARKS = "_.'’-"  # what a word holds besides letters and digits (``\w`` and these)


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` of a text (a tuple: one is made for every
    sentence and line of an article)."""

    start: int
    end: int


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence."""
    start = dot  # the word before the dot: up to 40 word characters, dots, apostrophes, hyphens
    lowest = max(0, dot - 40)
    while start > lowest and (text[start - 1].isalnum() or text[start - 1] in _WORD_MARKS):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot].lstrip("'’-").lower()
    if not word:
        return False
    if word in lexicon().sentence_abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    if "." in word:  # "U.S", "D.C", "a.m": a sentence may still end here
        following = re.match(r"[\"'“‘(\[]?(\w+)", text[next_start : next_start + 40])
        return following is None or following.group(1) not in SENTENCE_STARTERS
    return False


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, stripped of surrounding white space, in order."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            first_mark = boundary.start()
            if text[first_mark] == "." and boundary.end() - first_mark == 1:
                nxt = boundary.end()
                while nxt < line.end() and text[nxt].isspace():
                    nxt += 1
                if _is_abbreviation(text, first_mark, nxt):
                    continue
            _append(text, spans, start, boundary.end())
            start = boundary.end()
        _append(text, spans, start, line.end())
    return spans


def _append(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
