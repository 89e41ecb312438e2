"""Article-level agreement: one label per name across the article, and repeated mentions the
backend missed."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate, compress, count, islice

from factwire.extraction.corrections.text import (
    Occupied,
    family_name_first,
    longest_by_first_word,
    surface_of,
)
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.names import NAME_LABELS, acronym, name_key, without_legal_suffix
from factwire.models import TextField

_WORD = re.compile(r"\w+(?:['’.&-]\w+)*")

_MAX_NAME_WORDS = 8

_LOWERCASE_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*(?![\w'’-])")


def consistent_labels(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """The same name gets the same label throughout an article: the majority one.

    A lone surname or given name of a person named in full elsewhere in the article is that
    person ("Wang" after "Wang Junyi", "Casanova" after "Lourdes Casanova"), whatever the tagger
    said about it in isolation.
    """
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label in NAME_LABELS:
            votes.setdefault(name_key(surface_of(text, m)), Counter())[m.label] += 1
    for m in mentions:
        words = surface_of(text, m).split()
        if m.label == "PERSON" and len(words) > 1:
            surname = votes.get(name_key(words[-1]))
            if surname is not None:
                surname["PERSON"] += sum(surname.values()) + 1
            first = name_key(words[0])
            given = votes.get(first)
            if given is not None:
                strong = family_name_first(first)
                given["PERSON"] += sum(given.values()) + 1 if strong else 1
    majority = {key: _majority(counts) for key, counts in votes.items()}
    out = []
    for m in mentions:
        label = majority.get(name_key(surface_of(text, m))) if m.label in NAME_LABELS else None
        out.append(replace(m, label=label) if label and label != m.label else m)
    return out


def names_in_full(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Where a name of several words found elsewhere in the article is written again, a
    mention of a part of it is the whole name: "League" in "Premier League clubs" after "the
    Premier League transfer window" (a title word was cut off at the start of the sentence),
    "England" in a headline "Bank of England holds rates" over a body that names the bank."""
    full: dict[str, str] = {}
    longest: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.start - m.end):
        surface = surface_of(text, m)
        words = _WORD.findall(surface)
        if (
            m.label in NAME_LABELS
            and 1 < len(words) <= _MAX_NAME_WORDS
            and "\n" not in surface
            and surface.startswith(words[0])
            and surface.endswith(words[-1])
        ):
            full.setdefault(surface, m.label)
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    parts: set[int] = set()
    added = []
    for f in ("title", "body") if full else ():
        field: TextField = "title" if f == "title" else "body"
        inside = _MentionsInside([m for m in mentions if m.field == field])
        for start, end in _written_again(text.field(field), full, longest):
            covered = inside.within(start, end)
            if covered:
                parts.update(map(id, covered))
                added.append(RawMention(field, start, end, full[text.field(field)[start:end]]))
    return [m for m in mentions if id(m) not in parts] + added


def _written_again(s: str, full: dict[str, str], longest: dict[str, int]) -> list[tuple[int, int]]:
    """Offsets of the names of ``full`` in ``s``, longest first, from word to word (at most
    :data:`_MAX_NAME_WORDS` look-ups a word)."""
    tokens = list(_WORD.finditer(s))
    found = []
    i = 0
    while i < len(tokens):
        n = min(longest.get(tokens[i].group(), 0), len(tokens) - i)
        step = 1
        for k in range(n, 1, -1):
            start, end = tokens[i].start(), tokens[i + k - 1].end()
            if s[start:end] in full:
                found.append((start, end))
                step = k
                break
        i += step
    return found


class _MentionsInside:
    """One field's mentions, to find in logarithmic time those that lie inside a span."""

    def __init__(self, mentions: list[RawMention]) -> None:
        self._ordered = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._ordered]
        self._reach = list(accumulate((m.end for m in self._ordered), max))

    def within(self, start: int, end: int) -> list[RawMention]:
        """The mentions inside ``[start, end)`` when at least one is a name, none is the whole
        span and none crosses its edges; else none."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, lo=i)
        inside = self._ordered[i:j]
        if (i and self._reach[i - 1] > start) or not any(m.label in NAME_LABELS for m in inside):
            return []
        if any(m.end > end or (m.start, m.end) == (start, end) for m in inside):
            return []
        return inside


def propagate_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Tag the repeated mentions of a known name that the backend missed.

    Known names are the article's name mentions, the first and last words of people named in
    full ("Wang Donghai" -> "Wang", "Lourdes Casanova" -> "Casanova"), the acronyms of
    organisations ("Kurdistan Democratic Party" -> "KDP") and companies without their legal form
    ("Apic Yamada Corp" -> "Apic Yamada"); countries are always known names. A one-word name
    that is also written in lower case in the article ("Rose" and "rose") is not propagated: its
    capitalised form may just start a sentence.
    """
    lowercase = _lowercase_words(text)
    names = _known_names(text, mentions, lowercase)
    longest = longest_by_first_word(names)
    taken = Occupied(mentions)
    out = list(mentions)
    for field in ("title", "body"):
        f: TextField = "title" if field == "title" else "body"
        out.extend(_repeated_mentions(text, f, (names, longest), lowercase, taken))
    return out


def _known_names(
    text: ArticleText, mentions: list[RawMention], lowercase: set[str]
) -> dict[tuple[str, ...], str]:
    """The names of :func:`propagate_names` as word tuples, with their labels."""
    names: dict[tuple[str, ...], str] = {}
    for m in mentions:
        if m.label not in NAME_LABELS:
            continue
        words = tuple(name_key(w) for w in _WORD.findall(surface_of(text, m)))
        if words:
            names.setdefault(words, m.label)
            if m.label == "PERSON" and len(words) > 1:
                names.setdefault(words[-1:], "PERSON")
                if family_name_first(words[0]):
                    names.setdefault(words[:1], "PERSON")
            elif m.label != "PERSON" and acronym(words):
                names.setdefault((acronym(words),), m.label)
            if m.label == "ORG":
                names.setdefault(without_legal_suffix(words), "ORG")
    return {
        w: label
        for w, label in names.items()
        if len(w) <= _MAX_NAME_WORDS and (len(w) > 1 or _propagatable(w[0], lowercase))
    }


def _repeated_mentions(
    text: ArticleText,
    f: TextField,
    known: tuple[dict[tuple[str, ...], str], dict[str, int]],
    lowercase: set[str],
    taken: Occupied,
) -> list[RawMention]:
    """The untagged mentions of known names and countries in one field."""
    names, longest = known
    countries, longest_country = _country_names()
    first_words = longest.keys() | longest_country.keys()
    out = []
    s = text.field(f)
    keys = _WORD.findall(s)
    for j in list(compress(count(), map(str.isupper, keys))):
        keys[j] = name_key(keys[j])
    # Only tokens that may start a known name are looked at, and the offsets of a token are
    # read only for the names found (skipping ahead in one pass over the tokens).
    candidates = list(compress(count(), map(first_words.__contains__, keys)))
    offsets = _WORD.finditer(s)
    read = 0  # tokens taken from ``offsets`` so far
    i = 0
    for j in candidates:
        if j < i:
            continue  # inside the name found last
        i = j
        match = _longest_name_at(keys, i, names, longest)
        label = names.get(match) if match else None
        if match is None:
            match = _longest_name_at(keys, i, countries, longest_country)
            if match and len(match) == 1 and not _propagatable(match[0], lowercase):
                match = None
            label = "GPE"
        if match is None:
            i += 1
            continue
        first = next(islice(offsets, i - read, None))
        last = next(islice(offsets, len(match) - 2, None)) if len(match) > 1 else first
        read = i + len(match)
        start, end = first.start(), last.end()
        if s[start].isupper() and not taken.overlaps(f, start, end):
            out.append(RawMention(f, start, end, label or "GPE"))
            taken.add(f, start, end)
        i += len(match)
    return out


def _majority(counts: Counter[str]) -> str:
    # Ties go to the label seen first (Counter keeps insertion order).
    return max(counts, key=lambda label: counts[label])


@lru_cache(maxsize=1)
def _country_names() -> tuple[dict[tuple[str, ...], str], dict[str, int]]:
    """Country names as word tuples, with the longest name per first word."""
    names = {tuple(_WORD.findall(name)): "GPE" for name in lexicon().countries}
    return names, longest_by_first_word(names)


def _lowercase_words(text: ArticleText) -> set[str]:
    found: set[str] = set()
    for s in (text.title, text.body):
        found.update(_LOWERCASE_WORD.findall(s))
    return found


def _propagatable(word: str, lowercase: set[str]) -> bool:
    return len(word) > 1 and word[0].isupper() and word.lower() not in lowercase


def _longest_name_at(
    keys: list[str],
    i: int,
    names: dict[tuple[str, ...], str],
    longest: dict[str, int],
) -> tuple[str, ...] | None:
    """The longest known name starting at token ``i`` (a bounded number of dict lookups)."""
    for n in range(longest.get(keys[i], 0), 0, -1):
        words = tuple(keys[i : i + n])
        if words in names:
            return words
    return None
