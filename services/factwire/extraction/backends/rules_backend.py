"""A model-free backend: gazetteers, capitalisation and context rules, in linear time.

The text is cut into tokens by one regular-expression pass. Numbers, dates and amounts are read
from token patterns first. Names are runs of capitalised tokens ("chunks", at most 12 words); a
capitalised common word opening a sentence starts none unless a name follows it. A chunk is typed
by, in order: a gazetteer entry for all of it; a title inside it ("Israeli President Ezer
Weizman" -> NORP + PERSON); an event or organisation word; a facility or landscape word; a
leading nationality ("Australian Tom Moody"); a title or first name at its start; a first name
inside it; a leading place; and, for the rest, its surroundings (sports results lines, "in X",
"X said") and its shape (surname endings, acronyms). In sports reports a town stands for its
club. All-caps lines and title-case headlines are read with the common-word list deciding what is
a name there. Names inside hyphenated words ("Vienna-based") are found separately. A last,
article-wide pass (title and body together) gives a guessed name the type that a confident one of
the same text has: "Simmons" alone becomes PERSON after "Phil Simmons".

The word lists live in `extraction/language/`; see `language/data/README.md` for their sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import (
    BEFORE_MONTH,
    CLOCK_SUFFIXES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DATE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    PERIOD_PARTS,
    PERIODS,
    RELATIVE_WORDS,
    SCALES,
    UNITS,
    WEEKDAYS,
)
from factwire.extraction.language.function_words import (
    FOREIGN_ARTICLES,
    FUNCTION_WORDS,
    LOCATIVE_WORDS,
    NAME_CONNECTORS,
)
from factwire.extraction.language.name_words import (
    BUILT_PLACE_WORDS,
    EVENT_HEADS,
    NATURAL_PLACE_WORDS,
    NOT_ORGANISATIONS,
    OF_HEADS,
    SURNAME_ENDINGS,
)
from factwire.extraction.language.sports import RESULT_LINE_WORDS, SPORTS, SPORTS_WORDS
from factwire.models import ExtractorName, TextField

# --- tokens -----------------------------------------------------------------------------------

# One pass, no nested quantifiers over the same characters: every alternative consumes a
# bounded prefix or a run of one character class, so the scan is linear on any input.
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
class _Tokens:
    """The tokens of one text as parallel lists (cheaper than one object per token)."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence_start: list[bool]
    caps_line: list[bool]


def _tokenize(text: str, abbreviations: frozenset[str]) -> _Tokens:
    words, starts, ends = _split(text, abbreviations)
    newline = [i > 0 and "\n" in text[ends[i - 1] : starts[i]] for i in range(len(words))]
    return _Tokens(
        text, words, starts, ends, _sentence_starts(words, newline), _caps_lines(words, newline)
    )


def _split(text: str, abbreviations: frozenset[str]) -> tuple[list[str], list[int], list[int]]:
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
            _title_case(line)
            and not any(w[0].isdigit() for w in line)
            and (begin == 0 or line[-1] not in ".?!")
        ):
            out[begin:end] = [True] * (end - begin)
        begin = end
    return out


def _title_case(words: list[str]) -> bool:
    """Is a headline written with every main word capitalised ("Oil Prices Fall in Asia")?"""
    capitalised = plain = 0
    for w in words:
        if w.isalpha():
            if w[0].isupper():
                capitalised += len(w) > 3
            elif w not in FUNCTION_WORDS:
                plain += 1  # "won", "met": a sentence, not a headline
    return capitalised >= 3 and plain == 0


# --- word lists -------------------------------------------------------------------------------


def _key(name: str, abbreviations: frozenset[str]) -> tuple[str, ...]:
    if name.isalpha():
        return (name.lower(),)
    return tuple(w.lower() for w in _split(name, abbreviations)[0])


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    exact: str | None  # acronyms ("WHO", "US") only match as written
    weak: bool = False  # a small town that is also a personal name ("Clinton", "Dole")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Everything the rules look up, loaded once per process."""

    names: dict[tuple[str, ...], _Entry]
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
def _lexicon() -> _Lexicon:
    words = lexicon()
    abbreviations = words.token_abbreviations
    common = words.common_words
    first_names = words.first_names
    surnames = words.surnames
    names: dict[tuple[str, ...], _Entry] = {}
    countries: set[str] = set()

    def add(name: str, label: str, *, overwrite: bool, weak: bool = False) -> None:
        key = _key(name, abbreviations)
        if not key or (not overwrite and key in names):
            return
        exact = name if name.isupper() and len(name) <= 5 else None
        names[key] = _Entry(label, exact, weak)

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
    return _Lexicon(
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


# --- numbers, dates and amounts ---------------------------------------------------------------

_YEAR = re.compile(r"(?:1[5-9]|20)\d\d(?:s)?")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d|\d\d?/\d\d?/\d{2,4}")
_CLOCK = re.compile(r"\d\d?[:.]\d\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


_CASED_TRIGGERS = MONTHS | WEEKDAYS | CURRENCY_SIGNS | CURRENCY_CODES
_LOWER_TRIGGERS = DATE_WORDS | RELATIVE_WORDS | NUMBER_WORDS | ORDINAL_WORDS


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in NUMBER_WORDS


_Span = tuple[int, int, str]  # first token, token after the last, label


def _amounts(tok: _Tokens) -> list[_Span]:
    """Dates, times, money, percentages, quantities, ordinals and cardinals."""
    words, n = tok.words, len(tok.words)
    out: list[_Span] = []
    i = 0
    while i < n:
        w = words[i]
        if not (w[0].isdigit() or w in _CASED_TRIGGERS or w.lower() in _LOWER_TRIGGERS):
            i += 1  # most words start no amount: skip them cheaply
            continue
        span = _amount_at(words, i, n)
        if span is None:
            i += 1
            continue
        start, end, label = span
        for k in range(start + 1, end):
            if tok.sentence_start[k]:
                end = k  # an amount never runs across a line or sentence break
                break
        while out and out[-1][1] > start:
            out.pop()  # "12 March 2024" replaces the cardinal "12" read just before
        out.append((start, end, label))
        i = end
    return out


def _amount_at(words: list[str], i: int, n: int) -> _Span | None:
    w = words[i]
    low = w.lower()
    nxt = words[i + 1] if i + 1 < n else ""
    if w in MONTHS and (
        nxt[:1].isdigit()
        or (i > 0 and words[i - 1][:1].isdigit())
        or w != "May"
        or (i > 0 and words[i - 1].lower() in BEFORE_MONTH)
        or nxt.lower() in RELATIVE_WORDS
    ):
        j = i + 1
        while j < n and (words[j][:1].isdigit() or words[j] == ","):
            j += 1
        while j > i + 1 and words[j - 1] == ",":
            j -= 1
        start = i - 1 if i > 0 and words[i - 1].isdigit() and len(words[i - 1]) <= 2 else i
        return (start, j, "DATE")
    if w in WEEKDAYS or low in DATE_WORDS or _ISO_DATE.fullmatch(w):
        return (i, i + 1, "DATE")
    if low in RELATIVE_WORDS and nxt.lower() in PERIODS:
        return (i, i + 2, "DATE")
    if w in CURRENCY_SIGNS or (w in CURRENCY_CODES and nxt in CURRENCY_SIGNS):
        j = i + 1 if w in CURRENCY_SIGNS else i + 2
        if j < n and words[j][:1].isdigit():
            j += 1
            if j < n and words[j] in SCALES:
                j += 1
            return (i, j, "MONEY")
        return None
    if not _is_number(w):
        return _ordinal_or_none(w, i, nxt)
    if _CLOCK.fullmatch(w) and ":" in w:
        j = i + 1
        if j < n and words[j].lower() in CLOCK_SUFFIXES:
            j += 1
        return (i, j, "TIME")
    j = i + 1
    while j < n and words[j] in SCALES:
        j += 1
    unit = words[j] if j < n else ""
    if unit in PERCENT_WORDS:
        return (i, j + 1, "PERCENT")
    if unit == "per" and j + 1 < n and words[j + 1].lower() == "cent":
        return (i, j + 2, "PERCENT")
    if unit in CURRENCY_WORDS:
        return (i, j + 1, "MONEY")
    if unit in UNITS:
        return (i, j + 1, "QUANTITY")
    if _YEAR.fullmatch(w) and j == i + 1:
        return (i, j, "DATE")
    if _ORDINAL.fullmatch(w):
        return (i, j + 1, "DATE") if unit in PERIOD_PARTS else (i, j, "ORDINAL")
    return (i, j, "CARDINAL")


def _ordinal_or_none(word: str, i: int, nxt: str) -> _Span | None:
    if word.lower() not in ORDINAL_WORDS:
        return None
    if nxt in PERIOD_PARTS:
        return (i, i + 2, "DATE")  # "the third quarter"
    return (i, i + 1, "ORDINAL")


# --- names ------------------------------------------------------------------------------------

_STRONG, _CONTEXT, _GUESS = 2, 1, 0
_MAX_NAME_WORDS = 12  # longer runs of capitals are cut: keeps the typing recursion shallow


@dataclass(slots=True)
class _Name:
    start: int
    end: int
    label: str
    strength: int


class _NameFinder:
    """Finds and types the capitalised names of one text."""

    def __init__(self, tok: _Tokens, lex: _Lexicon, taken: list[bool]) -> None:
        self.tok, self.lex, self.taken = tok, lex, taken
        self.words = tok.words
        self.lower = [w.lower() for w in tok.words]
        self.n = len(tok.words)
        self.sports = self._about_sports()
        self._memo: dict[int, tuple[int, _Entry] | None] = {}

    def _about_sports(self) -> bool:
        """A sports report: its first line names a sport, or sports words are frequent in it."""
        first_line = 0
        while first_line < self.n and (first_line == 0 or not self.tok.sentence_start[first_line]):
            first_line += 1
        if any(w in SPORTS for w in self.lower[:first_line]):
            return True
        hits = sum(1 for w in self.lower if w in SPORTS_WORDS)
        return hits >= 3 and hits * 60 >= self.n

    # which tokens can be part of a name

    def _gazetteer_at(self, i: int, limit: int) -> tuple[int, _Entry] | None:
        """The longest gazetteer entry starting at token i and ending by token `limit`."""
        if i in self._memo:
            found = self._memo[i]
            if found is None or found[0] <= limit:
                return found
            return self._lookup(i, limit)
        found = self._memo[i] = self._lookup(i, self.n)
        return found if found is None or found[0] <= limit else self._lookup(i, limit)

    def _lookup(self, i: int, limit: int) -> tuple[int, _Entry] | None:
        words = self.words
        first = self.lower[i]
        longest = self.lex.longest.get(first, 0)
        if not longest:
            return None
        caps = self.tok.caps_line[i]
        for length in range(min(longest, limit - i), 0, -1):
            key = (first,) if length == 1 else tuple(self.lower[i : i + length])
            entry = self.lex.names.get(key)
            if entry is None:
                continue
            if entry.exact is not None:
                if caps and entry.exact.lower() in self.lex.common:
                    continue
                if not caps and words[i] != entry.exact:
                    continue
            if not caps and not words[i + length - 1][:1].isupper():
                continue
            return i + length, entry
        return None

    def _capitalised(self, i: int) -> bool:
        w = self.words[i]
        if self.taken[i] or not w[:1].isupper() or len(w) == 1:
            return False
        if "-" in w and w.rpartition("-")[2][:1].islower():
            return False  # "Vienna-based", "Year-on-year": see _hyphenated
        if self.tok.caps_line[i]:
            low = self.lower[i]
            if low in SPORTS:
                return False
            return not self._plain(low) or self._gazetteer_at(i, self.n) is not None
        return True

    def _plain(self, low: str) -> bool:
        """Is a lower-cased word a common English word, inflected or hyphenated ("upsets",
        "quarter-final")? Decides what is a name at sentence starts and in all-caps lines."""
        common = self.lex.common
        if low in common:
            return True
        if "-" in low:
            return all(part in common or not part.isalpha() for part in low.split("-"))
        for ending, stem_end in (("s", 1), ("es", 2), ("ed", 1), ("ed", 2), ("ing", 3)):
            if low.endswith(ending) and low[:-stem_end] in common and len(low) > stem_end + 2:
                return True
        return False

    def _starts_name(self, i: int) -> bool:
        if not self._capitalised(i):
            return False
        if self.tok.caps_line[i]:
            return True
        if not self.tok.sentence_start[i]:
            return self.lower[i] not in FUNCTION_WORDS or self._gazetteer_at(i, self.n) is not None
        w = self.words[i]
        low = self.lower[i]
        if self._gazetteer_at(i, self.n) is not None:
            return True
        if low in FUNCTION_WORDS:
            return False
        if not self._plain(low) or w in self.lex.first_names:
            return True
        return i + 1 < self.n and self._capitalised(i + 1) and w not in self.lex.titles

    def _chunk_end(self, i: int) -> int:
        """The end of the run of name words from i (at most _MAX_NAME_WORDS long)."""
        limit = min(self.n, i + _MAX_NAME_WORDS)
        hit = self._gazetteer_at(i, limit)
        j = hit[0] if hit is not None else i + 1
        words = self.words
        while j < limit:
            if self.tok.sentence_start[j]:
                break
            hit = self._gazetteer_at(j, limit) if words[j][:1].isupper() else None
            if hit is not None:
                j = hit[0]
            elif self._capitalised(j):
                j += 1
            elif (
                j + 1 < limit
                and self._capitalised(j + 1)
                and (
                    words[j] in NAME_CONNECTORS
                    or (words[j] == "of" and self._takes_of(j - 1))
                    or (words[j] == "for" and self._names_body(i, j))
                )
            ):
                j += 2
            else:
                break
        return j

    def _names_body(self, i: int, j: int) -> bool:
        """Does the run i..j name a body, which may go on with "for" ("Commission for Human
        Rights", "Council for Mutual Economic Assistance")?"""
        return any(w in self.lex.org_any for w in self.words[i:j])

    def _takes_of(self, k: int) -> bool:
        """Can a name go on with "of" after word k ("Bank of", "World Series of")?"""
        return self.words[k] in OF_HEADS or self.words[k] in self.lex.events

    # typing

    def find(self) -> list[_Name]:
        out: list[_Name] = []
        i = 0
        while i < self.n:
            if not self._starts_name(i):
                i += 1
                continue
            end = self._chunk_end(i)
            out.extend(self._classify(i, end, person_context=self._title_before(i)))
            i = end
        return out

    def _title_before(self, i: int) -> bool:
        return i > 0 and self.words[i - 1] in self.lex.titles and not self.tok.caps_line[i]

    def _classify(self, i: int, end: int, *, person_context: bool) -> list[_Name]:
        if i >= end:
            return []  # every word of the run was dropped ("New" at a line start, then nothing)
        words, lex = self.words, self.lex
        hit = self._gazetteer_at(i, end)
        if hit is not None and hit[0] == end:
            if hit[1].weak and _after_word(words, end) in lex.speaker_verbs:
                return [_Name(i, end, "PERSON", _CONTEXT)]  # "Dole said"
            strength = _CONTEXT if hit[1].weak else _STRONG
            return [_Name(i, end, self._place_or_team(i, end, hit[1].label), strength)]
        title = self._title_inside(i, end)
        if title is not None:
            left = self._before_title(i, title)
            before = self._classify(i, left, person_context=False) if left > i else []
            return [*before, _Name(title + 1, end, "PERSON", _STRONG)]
        last = words[end - 1]
        if end - i >= 2 and (last in lex.events or words[i] in EVENT_HEADS):
            return [_Name(i, end, "EVENT", _STRONG)]
        if hit is not None and hit[1].label == "EVENT" and words[hit[0]] == "of":
            return [_Name(i, end, "EVENT", _STRONG)]  # "World Series of Poker"
        if (end - i >= 2 and last in lex.org_suffix) or any(
            words[k] in lex.org_any or words[k] == "&" for k in range(i, end)
        ):
            return [_Name(i, end, "ORG", _STRONG)]
        if end - i >= 2 and words[i] in FOREIGN_ARTICLES:
            return [_Name(i, end, "ORG", _CONTEXT)]  # "Der Spiegel", "Le Monde", "El Al"
        if end - i >= 2 and last in BUILT_PLACE_WORDS:
            return [_Name(i, end, "FAC", _STRONG)]
        if end - i >= 2 and last in NATURAL_PLACE_WORDS:
            return [_Name(i, end, "LOC", _STRONG)]
        if (
            self.tok.sentence_start[i]
            and self._plain(self.lower[i])
            and words[i] not in lex.first_names
            and hit is None
        ):
            return self._classify(i + 1, end, person_context=False)  # "Ruling Moslem party"
        if hit is not None and hit[1].label == "NORP" and words[i] not in lex.first_names:
            rest = self._gazetteer_at(hit[0], end)
            if rest is not None and rest[0] == end and rest[1].label == "NORP":
                return [_Name(i, end, "NORP", _STRONG)]  # "Iraqi Kurds", "Bosnian Serb"
            head = _Name(i, hit[0], hit[1].label, _STRONG)
            return [head, *self._classify(hit[0], end, person_context=person_context)]
        personal = words[i] in lex.first_names or _is_initial_token(words[i])
        if person_context or (personal and end - i >= 2):
            return [_Name(i, end, "PERSON", _STRONG)]
        first = self._first_name_inside(i, end)
        if first is not None:
            before = self._classify(i, first, person_context=False)
            return [*before, _Name(first, end, "PERSON", _STRONG)]
        if hit is not None and hit[1].label in ("GPE", "LOC"):
            if self.sports:
                return [_Name(i, end, "ORG", _CONTEXT)]  # "Houston Astros", "Lokomotiv Sofia"
            head = _Name(i, hit[0], hit[1].label, _STRONG)
            return [head, *self._classify(hit[0], end, person_context=person_context)]
        if end - i == 1 and self.tok.sentence_start[i] and self._plain(self.lower[i]):
            return []  # "Officials said": a capitalised common word alone is no name
        if end - i == 1 and "-" in words[i]:
            label = self._compound_label(words[i])
            if label is not None:
                return [_Name(i, end, label, _STRONG)]
        guess = self._guess(i, end)
        return [guess] if guess is not None else []

    def _compound_label(self, word: str) -> str | None:
        """ "Arab-Israeli" is NORP because each part is; "Austria-Hungary" GPE likewise."""
        labels = set()
        for part in word.lower().split("-"):
            entry = self.lex.names.get((part,))
            if entry is None:
                return None
            labels.add(entry.label)
        return labels.pop() if len(labels) == 1 else None

    def _first_name_inside(self, i: int, end: int) -> int | None:
        """Where a personal name starts inside a run ("State John Kornblum" -> "John"), past
        any place or name that opens the run ("South Carolina Gov David Beasley")."""
        hit = self._gazetteer_at(i, end)
        for k in range(hit[0] if hit is not None else i + 1, end - 1):
            if self.words[k] in self.lex.first_names and self.words[k + 1][:1].isupper():
                return k
        return None

    def _title_inside(self, i: int, end: int) -> int | None:
        """The last title in a name with a personal name after it: "Israeli President Ezer
        Weizman", "Foreign Minister Klaus Kinkel"; not in "Minister of Finance Corp"."""
        lex = self.lex
        for k in range(end - 2, i - 1, -1):
            if (
                self.words[k] in lex.titles
                and self.words[k][:1].isupper()
                and self.words[k + 1][:1].isupper()
            ):
                rest = self.words[k + 1 : end]
                if any(w in lex.org_suffix or w in lex.events for w in rest):
                    return None
                return k
        return None

    def _before_title(self, i: int, title: int) -> int:
        """Where the name before a run of titles and plain words ends ("Palestinian" in
        "Palestinian President", nothing in "Prime Minister")."""
        k = title
        while k > i:
            w = self.words[k - 1]
            plain = self.lower[k - 1] in self.lex.common and self._gazetteer_at(k - 1, k) is None
            if w in self.lex.titles or (plain and w not in self.lex.org_suffix):
                k -= 1
            else:
                break
        return k

    def _place_or_team(self, i: int, end: int, label: str) -> str:
        """In sports reports a town stands for its club ("Surrey beat Kent"), unless it is
        where something happens ("in Leeds") or a dateline; a country stays a place."""
        if label != "GPE" or not (self.sports or self._results_line(end)):
            return label
        name = " ".join(self.words[i:end])
        if name in self.lex.countries or name.title() in self.lex.countries:
            return label
        if i > 0 and self.lower[i - 1] in LOCATIVE_WORDS:
            return label
        if self.tok.sentence_start[i] and end < self.n:
            after = self.words[end]
            if _is_date_token(after) or after in (":", "("):
                return label  # a dateline "LEEDS 1996-08-30", a venue "Leeds : ..."
        return "ORG"

    def _results_line(self, end: int) -> bool:
        """Is the name followed by a score, in a line made mostly of names and numbers?"""
        if end >= self.n or not self.words[end][:1].isdigit() or self.tok.sentence_start[end]:
            return False
        numbers = lowercase = 0
        k = end
        while k < self.n and (k == end or not self.tok.sentence_start[k]) and k < end + 12:
            w = self.words[k]
            if w[:1].isdigit():
                numbers += 1
            elif w[:1].islower() and w.lower() not in RESULT_LINE_WORDS:
                lowercase += 1
            k += 1
        return numbers >= 2 and lowercase <= 1

    def _in_prose(self, i: int) -> bool:
        """Is a word next to a lower-case word (prose, not a table header)?"""
        before = self.words[i - 1] if i > 0 else ""
        after = self.words[i + 1] if i + 1 < self.n else ""
        return before[:1].islower() or after[:1].islower()

    def _guess(self, i: int, end: int) -> _Name | None:
        words, lex = self.words, self.lex
        last = words[end - 1]
        if end - i == 1 and self.tok.sentence_start[i] and _after_word(self.words, end) == ":":
            return None  # a label such as "Scorers:" or "Attendance:"
        if self._results_line(end):
            return _Name(i, end, "ORG", _CONTEXT)
        before = words[i - 1].lower() if i > 0 else ""
        after = words[end].lower() if end < self.n else ""
        if end - i == 1:
            w = words[i]
            if w in NOT_ORGANISATIONS:
                return None
            if w.isupper() and len(w) <= 5 and not self.tok.caps_line[i] and self._in_prose(i):
                return _Name(i, end, "ORG", _CONTEXT)
            if _shape_label(w) == "PERSON":
                return _Name(i, end, "PERSON", _GUESS)
            if before in LOCATIVE_WORDS:
                return _Name(i, end, "GPE", _CONTEXT)
            if after in lex.speaker_verbs or w in lex.surnames or w in lex.first_names:
                return _Name(i, end, "PERSON", _CONTEXT)
            return _Name(i, end, "ORG", _GUESS)
        if (
            self.sports
            and self._gazetteer_at(end - 1, end) is not None
            and last not in lex.surnames
            and words[i] not in lex.surnames
        ):
            return _Name(i, end, "ORG", _CONTEXT)  # a club: "Dynamo Moscow", "Standard Liege"
        if end - i <= 3 and (last in lex.surnames or after in lex.speaker_verbs):
            return _Name(i, end, "PERSON", _CONTEXT)
        if before in LOCATIVE_WORDS:
            return _Name(i, end, "GPE", _CONTEXT)
        return _Name(i, end, "PERSON" if end - i <= 3 else "ORG", _GUESS)


def _after_word(words: list[str], end: int) -> str:
    return words[end] if end < len(words) else ""


def _shape_label(word: str) -> str | None:
    """The likely type of an unknown name from its ending: "Petrenko", "Karlsson" are people."""
    low = word.lower()
    if len(low) < 5:
        return None
    if low.endswith(SURNAME_ENDINGS):
        return "PERSON"
    return None


def _is_date_token(word: str) -> bool:
    return word in MONTHS or _ISO_DATE.fullmatch(word) is not None


def _is_initial_token(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _hyphenated(
    tok: _Tokens, lex: _Lexicon, field: TextField, taken: list[bool]
) -> list[RawMention]:
    """Known names inside hyphenated words: "Vienna-based" -> Vienna, "ex-Soviet" -> Soviet,
    "New York-based" -> New York (the name ends inside the word, so it is found here)."""
    out: list[RawMention] = []
    for i, w in enumerate(tok.words):
        if "-" not in w or len(w) < 4:
            continue
        parts = w.split("-")
        upper = [p[:1].isupper() for p in parts]
        if all(upper) or not any(upper):
            continue
        first = upper.index(True)
        last = first
        while last + 1 < len(parts) and upper[last + 1]:
            last += 1
        name = "-".join(parts[first : last + 1])
        offset = len("-".join(parts[:first])) + (1 if first else 0)
        start = tok.starts[i] + offset
        key: tuple[str, ...] = (name.lower(),)
        if first == 0 and i > 0 and (tok.words[i - 1].lower(), name.lower()) in lex.names:
            key = (tok.words[i - 1].lower(), name.lower())
            start = tok.starts[i - 1]
        entry = lex.names.get(key)
        if entry is not None and entry.exact in (None, name):
            out.append(RawMention(field, start, tok.starts[i] + offset + len(name), entry.label))
            taken[i - len(key) + 1 : i + 1] = [True] * len(key)
    return out


@dataclass(slots=True)
class _Field:
    """What was found in one text field, before the article-level agreement."""

    field: TextField
    tok: _Tokens
    amounts: list[_Span]
    names: list[_Name]
    inside: list[RawMention]

    def mentions(self) -> list[RawMention]:
        starts, ends = self.tok.starts, self.tok.ends
        spans = sorted([*self.amounts, *((n.start, n.end, n.label) for n in self.names)])
        out = [RawMention(self.field, starts[s], ends[e - 1], label) for s, e, label in spans]
        if self.inside:
            out = sorted(out + self.inside, key=lambda m: m.start)
        return out


def _scan(text: str, field: TextField) -> _Field:
    lex = _lexicon()
    tok = _tokenize(text, lex.abbreviations)
    if field == "title" and _title_case(tok.words):
        tok.caps_line = [True] * len(tok.words)  # "Rivals Agree Deal": read like capitals
    taken = [False] * len(tok.words)
    amounts = _amounts(tok)
    for start, end, _ in amounts:
        taken[start:end] = [True] * (end - start)
    inside = _hyphenated(tok, lex, field, taken)
    names = _NameFinder(tok, lex, taken).find()
    return _Field(field, tok, amounts, names, inside)


def _agree(fields: Sequence[_Field]) -> None:
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
            if name.strength < _STRONG:
                continue
            text = " ".join(words[name.start : name.end]).lower()
            known.setdefault(text, name.label)
    for f in fields:
        words = f.tok.words
        for name in f.names:
            if name.strength == _STRONG:
                continue
            text = " ".join(words[name.start : name.end]).lower()
            label = known.get(text) or surname_of.get(text)
            if label is not None:
                name.label = label


# --- the backend ------------------------------------------------------------------------------


def find_mentions(text: str, field: TextField = "body") -> list[RawMention]:
    """Typed mentions in one text, in order of appearance."""
    found = _scan(text, field)
    _agree([found])
    return found.mentions()


def article_mentions(article: ArticleText) -> list[RawMention]:
    """Typed mentions in an article's title and body, agreeing on types across both."""
    fields = [_scan(article.title, "title"), _scan(article.body, "body")]
    _agree(fields)
    return [*fields[0].mentions(), *fields[1].mentions()]


class RulesBackend:
    """Gazetteers and capitalisation rules: no model to load, tens of thousands of words/s."""

    name: ExtractorName = "rules"
    version = "rules-0.3"
    model: str | None = None
    # Tables, match reports, headlines and repeated names are decided here already; the shared
    # rules for them (written against a statistical tagger) only undo those decisions.
    corrections_not_needed = frozenset(
        {
            "teams_in_tables",
            "teams_in_match_reports",
            "consistent_labels",
            "trim_shouted_common_word",
        }
    )

    def __init__(self) -> None:
        _lexicon()  # load the word lists now rather than on the first article

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        return [article_mentions(text) for text in texts]
