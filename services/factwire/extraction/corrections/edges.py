"""Span clean-up: where a name begins and ends (line breaks, punctuation, articles, common
words, dashes, possessives)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from factwire.extraction.corrections.text import (
    NON_SPACE_RUN,
    inside,
    plain_word,
    shouted_lines,
    surface_of,
)
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.names import NAME_LABELS, name_key

_LEADING_JUNK = "\"'“”‘’«»([{-–—,;:*•|/ \t"

_TRAILING_JUNK = "\"'“”‘’«»)]},;:-–—!?*•|/ \t"

_SENTENCE_GOES_ON = re.compile(r"[ \t]*[a-z0-9(,;]")

_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")

_POSSESSIVE = re.compile(r"\s?['’]s?$")

_PLAIN_NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})

_DASH_OR_PARENTHESIS = re.compile(r"[–—()-]")

_BETWEEN_DASHES = re.compile(r"[^\s–—()-](?:.*?[^\s–—()-])??(?=\s*[()]\s*|\s+(?:--?|[–—])\s+|$)")

_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"”’]?\s+|\n\s*)$")


def cut_at_line_breaks(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A name never runs across a line break: keep the longest line of such a span."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        if "\n" not in surface:
            out.append(m)
            continue
        offset, best = 0, (0, 0)
        for line in surface.split("\n"):
            if len(line.strip()) > best[1] - best[0]:
                best = (offset, offset + len(line))
            offset += len(line) + 1
        if best[1] > best[0]:
            out.append(replace(m, start=m.start + best[0], end=m.start + best[1]))
    return out


def trim_edges(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Strip spaces, quotes, dashes and sentence punctuation caught at a span's edges.

    A final period stays when it ends an abbreviation ("U.S.", "Inc.") or the sentence goes on
    after it ("Cupertino, Calif. (Reuters)").
    """
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        start = len(surface) - len(surface.lstrip(_LEADING_JUNK))
        kept = surface[start:]
        field_text = text.field(m.field)
        while kept:
            stripped = kept.rstrip(_TRAILING_JUNK)
            if (
                stripped.endswith(".")
                and not _is_abbreviation(stripped)
                and _SENTENCE_GOES_ON.match(field_text, m.start + start + len(stripped)) is None
            ):
                stripped = stripped[:-1]
            if stripped == kept:
                break
            kept = stripped
        if kept and (start or len(kept) < len(surface) - start):
            out.append(replace(m, start=m.start + start, end=m.start + start + len(kept)))
        elif kept:
            out.append(m)
    return out


def trim_leading_article(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Drop "the" before a name ("the United States" -> "United States").

    A capitalised "The" is part of the name when it sits mid-sentence ("at The Hague") or starts a
    title of a work; at the start of a sentence it is just the article.
    """
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        head, _, rest = surface.partition(" ")
        drop = head == "the" or (
            head == "The"
            and m.label != "WORK_OF_ART"
            and _at_sentence_start(text.field(m.field), m.start)
        )
        if drop and rest.strip():
            skip = len(surface) - len(rest.lstrip())
            out.append(replace(m, start=m.start + skip))
        else:
            out.append(m)
    return out


def trim_lowercase_words(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Drop common words caught at the end or start of a name ("Interfax news agency").

    Titles of works, events and laws keep theirs ("Gone with the Wind", "Battle of the Bulge").
    """
    out = []
    for m in mentions:
        if m.label not in _PLAIN_NAME_LABELS:
            out.append(m)
            continue
        surface = surface_of(text, m)
        words = list(NON_SPACE_RUN.finditer(surface))
        if not words:
            out.append(m)
            continue
        first, last = 0, len(words)
        while last > first + 1 and _is_lowercase_word(words[last - 1].group()):
            last -= 1
        while first < last - 1 and _is_lowercase_word(words[first].group()):
            first += 1
        start, end = words[first].start(), words[last - 1].end()
        out.append(RawMention(m.field, m.start + start, m.start + end, m.label))
    return out


def trim_shouted_common_word(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """In an all-capitals line, the last word of a longer name is dropped when it is a common
    word: capitals there say nothing about where a name ends ("WORLD CUP QUALIFIER",
    "MAJOR LEAGUE STANDINGS")."""
    shouted = {f: shouted_lines(text.field(f)) for f in ("title", "body")}
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        head, _, last = surface.rpartition(" ")
        if (
            m.label in NAME_LABELS
            and head.strip()
            and last.isalpha()
            and last.isupper()
            and last.lower() in lexicon().common_words
            and name_key(surface) not in lexicon().places
            and inside(shouted[m.field], m.start)
        ):
            out.append(replace(m, end=m.start + len(head.rstrip())))
        else:
            out.append(m)
    return out


def cut_at_dashes(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A spaced dash or a parenthesis separates names ("Romania - Cosmin Contra", "SOCCER -
    LEEDS", "The Oval ( London"): keep the longest part."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        if m.label not in NAME_LABELS or _DASH_OR_PARENTHESIS.search(surface) is None:
            out.append(m)  # one part at most: nothing to cut
            continue
        parts = list(_BETWEEN_DASHES.finditer(surface))
        if len(parts) > 1:
            best = max(parts, key=lambda p: len(p.group()))
            out.append(replace(m, start=m.start + best.start(), end=m.start + best.end()))
        else:
            out.append(m)
    return out


def join_possessive_org(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Rejoin an organisation that the tagger split at its possessive ("McDonald's Corp").

    The tagger often reads the founder's name before the "'s" as a person and the rest as an
    organisation; the whole span is the organisation.
    """

    def joins(prev: RawMention, m: RawMention) -> bool:
        return (
            prev.label in ("PERSON", "ORG")
            and " " not in surface_of(text, prev).strip()
            and text.field(m.field)[prev.end : m.start] in ("'s ", "’s ", " 's ")
        )

    return _join_into_org(mentions, joins)


def _join_into_org(
    mentions: list[RawMention], joins: Callable[[RawMention, RawMention], bool]
) -> list[RawMention]:
    """Merge each organisation with the mention just before it in the same field when `joins`
    says the two are one name; the merged span is an organisation."""
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda m: (m.field, m.start)):
        prev = out[-1] if out else None
        if prev is not None and prev.field == m.field and m.label == "ORG" and joins(prev, m):
            out[-1] = RawMention(m.field, prev.start, m.end, "ORG")
        else:
            out.append(m)
    return out


_AND = frozenset({" and ", " & "})


def join_coordinated_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A capitalised common word joined by "and" to an organisation's name is the first half of
    that name, not a name of its own ("the Energy and Petroleum Regulatory Authority")."""

    def joins(prev: RawMention, m: RawMention) -> bool:
        return (
            prev.label in NAME_LABELS
            and " " in surface_of(text, m)
            and text.field(m.field)[prev.end : m.start] in _AND
            and plain_word(surface_of(text, prev))
        )

    return _join_into_org(mentions, joins)


def trim_possessive(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Drop a possessive ending ("Smith's" -> "Smith", "the Jones'" -> "Jones")."""
    out = []
    for m in mentions:
        surface = surface_of(text, m)
        match = _POSSESSIVE.search(surface)
        if match and match.start() > 0 and (match.group().rstrip("'’") or surface[-2] in "sS"):
            out.append(replace(m, end=m.start + match.start()))
        else:
            out.append(m)
    return out


def drop_non_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A proper name has a capital letter: drop name-typed spans without one ("congress")."""
    return [
        m
        for m in mentions
        if m.end > m.start
        and (m.label not in NAME_LABELS or any(c.isupper() for c in surface_of(text, m)))
    ]


def _is_abbreviation(span: str) -> bool:
    last = span.rsplit(" ", 1)[-1]
    return bool(_INITIALS.search(last)) or last[:-1].lower() in lexicon().name_end_abbreviations


def _is_lowercase_word(word: str) -> bool:
    return word.isalpha() and word.islower()


def _at_sentence_start(field_text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(field_text[max(0, start - 4) : start]))
