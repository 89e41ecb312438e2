"""Where names are: runs of capitalised tokens ("chunks", at most 12 words), joined by
connectors ("de", "of" after a head word, "for" in the name of a body). A capitalised common
word opening a sentence starts none unless a name follows it; in capitals lines the common-word
list decides what is a name. Each chunk is typed by :func:`name_types.classify`."""

from __future__ import annotations

import re

from factwire.extraction.backends.rules.gazetteer import Entry, Gazetteer
from factwire.extraction.backends.rules.name_types import Name, classify
from factwire.extraction.backends.rules.tokens import Tokens
from factwire.extraction.language.function_words import FUNCTION_WORDS, NAME_CONNECTORS
from factwire.extraction.language.name_words import OF_HEADS
from factwire.extraction.language.sports import RESULT_LINE_WORDS, SPORTS, SPORTS_WORDS

_CAMEL_CASE = re.compile(r"[a-z]{1,4}[A-Z][a-z]{2,}")
"""A brand written in lower case with a capital inside ("iPhone", "eBay", "easyJet"); not a
unit or a molecule ("kWh", "mRNA"), whose capitals are no word."""
_MAX_NAME_WORDS = 12  # longer runs of capitals are cut: keeps the typing recursion shallow


class NameFinder:
    """Finds and types the capitalised names of one text."""

    def __init__(self, tok: Tokens, lex: Gazetteer, taken: list[bool]) -> None:
        self.tok, self.lex, self.taken = tok, lex, taken
        self.words = tok.words
        self.lower = [w.lower() for w in tok.words]
        self.n = len(tok.words)
        self.sports = self._about_sports()
        self._memo: dict[int, tuple[int, Entry] | None] = {}

    def _about_sports(self) -> bool:
        """A sports report: its first line names a sport, or sports words are frequent in it."""
        first_line = 0
        while first_line < self.n and (first_line == 0 or not self.tok.sentence_start[first_line]):
            first_line += 1
        if any(w in SPORTS for w in self.lower[:first_line]):
            return True
        hits = sum(1 for w in self.lower if w in SPORTS_WORDS)
        return hits >= 3 and hits * 60 >= self.n

    def gazetteer_at(self, i: int, limit: int) -> tuple[int, Entry] | None:
        """The longest gazetteer entry starting at token i and ending by token `limit`."""
        if i in self._memo:
            found = self._memo[i]
            if found is None or found[0] <= limit:
                return found
            return self._lookup(i, limit)
        found = self._memo[i] = self._lookup(i, self.n)
        return found if found is None or found[0] <= limit else self._lookup(i, limit)

    def _lookup(self, i: int, limit: int) -> tuple[int, Entry] | None:
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
        if self.taken[i] or not (w[:1].isupper() or _CAMEL_CASE.match(w)) or len(w) == 1:
            return False
        if "-" in w and w.rpartition("-")[2][:1].islower():
            return False  # "Vienna-based", "Year-on-year": see _hyphenated
        if self.tok.caps_line[i]:
            low = self.lower[i]
            if low in SPORTS:
                return False
            return not self.plain(low) or self.gazetteer_at(i, self.n) is not None
        return True

    def plain(self, low: str) -> bool:
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
            return self.lower[i] not in FUNCTION_WORDS or self.gazetteer_at(i, self.n) is not None
        return self._starts_sentence_name(i)

    def _starts_sentence_name(self, i: int) -> bool:
        """Does the capitalised word opening a sentence start a name? A known name, a word that
        is no common word or a first name does; a common word does when a name follows it."""
        w = self.words[i]
        low = self.lower[i]
        if self.gazetteer_at(i, self.n) is not None:
            return True
        if low in FUNCTION_WORDS:
            return False
        if not self.plain(low) or w in self.lex.first_names:
            return True
        return i + 1 < self.n and self._capitalised(i + 1) and w not in self.lex.titles

    def _chunk_end(self, i: int) -> int:
        """The end of the run of name words from i (at most _MAX_NAME_WORDS long)."""
        limit = min(self.n, i + _MAX_NAME_WORDS)
        hit = self.gazetteer_at(i, limit)
        j = hit[0] if hit is not None else i + 1
        words = self.words
        while j < limit:
            if self.tok.sentence_start[j]:
                break
            hit = self.gazetteer_at(j, limit) if words[j][:1].isupper() else None
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

    def find(self) -> list[Name]:
        out: list[Name] = []
        i = 0
        while i < self.n:
            if not self._starts_name(i):
                i += 1
                continue
            end = self._chunk_end(i)
            out.extend(classify(self, i, end, person_context=self._title_before(i)))
            i = end
        return out

    def _title_before(self, i: int) -> bool:
        return i > 0 and self.words[i - 1] in self.lex.titles and not self.tok.caps_line[i]

    def results_line(self, end: int) -> bool:
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

    def in_prose(self, i: int) -> bool:
        """Is a word next to a lower-case word (prose, not a table header)?"""
        before = self.words[i - 1] if i > 0 else ""
        after = self.words[i + 1] if i + 1 < self.n else ""
        return before[:1].islower() or after[:1].islower()
