"""Tokens of one text: one regular-expression pass, with sentence starts and capitals lines.

Every alternative of the token pattern consumes a bounded prefix or a run of one character
class, so the scan is linear on any input. A full stop joins an abbreviation ("Mr.") or an
initial; a possessive "'s" is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factwire.extraction.language.function_words import FUNCTION_WORDS

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S. / U.S.A.
    r"|\d+(?:[.,:/\-]\d+)*(?:st|nd|rd|th|s)?"  # 1996-08-30  4-38  1,250.5  21st  1990s
    r"|[^\W\d_]+(?:['’\-&][^\W\d_]+)*"  # words: O'Gorman  Chester-le-Street  AT&T
    r"|\S"  # any other character
)

_SENTENCE_END = frozenset({".", "!", "?"})

_OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "-", "--", "—", "–", ":", "*", "`"})

_POSSESSIVE = ("'s", "’s", "'S", "’S")


@dataclass(slots=True)
class Tokens:
    """The tokens of one text as parallel lists (cheaper than one object per token)."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence_start: list[bool]
    caps_line: list[bool]


def tokenize(text: str, abbreviations: frozenset[str]) -> Tokens:
    words, starts, ends = split_words(text, abbreviations)
    newline = [i > 0 and "\n" in text[ends[i - 1] : starts[i]] for i in range(len(words))]
    return Tokens(
        text, words, starts, ends, _sentence_starts(words, newline), _caps_lines(words, newline)
    )


def split_words(text: str, abbreviations: frozenset[str]) -> tuple[list[str], list[int], list[int]]:
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    skip_to = 0
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if start < skip_to:
            continue  # the full stop already joined to an abbreviation
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            words += (word[:-2], word[-2:])
            starts += (start, end - 2)
            ends += (end - 2, end)
            continue
        if end < len(text) and text[end] == "." and (word in abbreviations or _is_initial(word)):
            word, end = word + ".", end + 1
            skip_to = end
        words.append(word)
        starts.append(start)
        ends.append(end)
    return words, starts, ends


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _sentence_starts(words: list[str], newline: list[bool]) -> list[bool]:
    out = [False] * len(words)
    previous_ended = True
    for i, word in enumerate(words):
        out[i] = previous_ended or newline[i]
        if word in _SENTENCE_END:
            previous_ended = True
        elif word in _OPENERS:
            previous_ended = True  # "said: In the end" -- a new clause may start here
        else:
            previous_ended = False
    return out


def _caps_lines(words: list[str], newline: list[bool]) -> list[bool]:
    """Per token: is it on a line written in capitals (a headline or a dateline), or on a
    title-case headline line (no figures; a full stop at the end only on the first line)?"""
    out = [False] * len(words)
    begin, n = 0, len(words)
    while begin < n:
        end = begin + 1
        while end < n and not newline[end]:
            end += 1
        upper = lower = 0
        for w in words[begin:end]:
            if len(w) > 1 and w[0].isalpha():
                if w.isupper():
                    upper += 1
                else:
                    lower += 1
        line = words[begin:end]
        if upper > 2 * lower or (
            title_case(line)
            and not any(w[0].isdigit() for w in line)
            and (begin == 0 or line[-1] not in ".?!")
        ):
            out[begin:end] = [True] * (end - begin)
        begin = end
    return out


def title_case(words: list[str]) -> bool:
    """Is a headline written with every main word capitalised ("Oil Prices Fall in Asia")?"""
    capitalised = plain = 0
    for w in words:
        if w.isalpha():
            if w[0].isupper():
                capitalised += len(w) > 3
            elif w not in FUNCTION_WORDS:
                plain += 1  # "won", "met": a sentence, not a headline
    return capitalised >= 3 and plain == 0
