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
_FOLLOWING = re.compile(r"[\"'“‘(\[]?(\w+)")
_WORD_MARKS = "_.'’-"  # what a word holds besides letters and digits (``\w`` and these)


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` of a text (a tuple: one is made for every
    sentence and line of an article)."""

    start: int
    end: int


def _is_abbreviation(text: str, dot: int, line_end: int) -> bool:
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
        after = _next_word(text, dot + 1, line_end)
        following = _FOLLOWING.match(text, after, min(line_end, after + 40))
        return following is None or following.group(1) not in SENTENCE_STARTERS
    return False


def _next_word(text: str, pos: int, line_end: int) -> int:
    """The first position from ``pos`` that is no white space (``line_end`` at most)."""
    while pos < line_end and text[pos].isspace():
        pos += 1
    return pos


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, stripped of surrounding white space, in order."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start, line_end = line.span()
        for boundary in _BOUNDARY.finditer(text, start, line_end):
            first_mark, end = boundary.span()
            # (the word after the dot is read only for a dotted word, in _is_abbreviation)
            if (
                end - first_mark == 1
                and text[first_mark] == "."
                and _is_abbreviation(text, first_mark, line_end)
            ):
                continue
            _append(text, spans, start, end)
            start = end
        _append(text, spans, start, line_end)
    return spans


_new_span = tuple.__new__  # the named tuple without its Python-level constructor (per sentence)


def _append(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(_new_span(Span, (start, end)))
