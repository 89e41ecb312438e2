"""The type of a run of capitalised words: an ordered list of small typing rules.

:data:`TYPING_RULES` is the priority order. Each rule looks at one run (a :class:`Run`) and
either decides its names (a list, empty for "no name here") or passes (``None``), and the first
rule that decides wins. A rule may split the run and type the parts again ("Israeli President
Ezer Weizman" -> NORP + PERSON). A new rule is one function here, one line in
:data:`TYPING_RULES` at the place of its priority, and one row in the rules backend's tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factwire.extraction.backends.rules.amounts import is_date_token
from factwire.extraction.backends.rules.gazetteer import Entry
from factwire.extraction.language.function_words import FOREIGN_ARTICLES, LOCATIVE_WORDS
from factwire.extraction.language.name_words import (
    BUILT_PLACE_WORDS,
    EVENT_HEADS,
    NATURAL_PLACE_WORDS,
    NOT_ORGANISATIONS,
    SURNAME_ENDINGS,
)

if TYPE_CHECKING:
    from factwire.extraction.backends.rules.chunks import NameFinder

STRONG, CONTEXT, GUESS = 2, 1, 0
"""How sure a type is: a gazetteer or a name word (strong), the surroundings (context), or the
shape alone (guess). Article-level agreement overrides all but strong types."""


@dataclass(slots=True)
class Name:
    start: int
    end: int
    label: str
    strength: int


@dataclass(slots=True)
class Run:
    """Tokens ``start``..``end`` of a text, to be typed, with the longest gazetteer entry that
    opens them (``hit``: its end and entry)."""

    finder: NameFinder
    start: int
    end: int
    person_context: bool  # a title stands right before the run ("President ...")
    hit: tuple[int, Entry] | None

    @property
    def words(self) -> list[str]:
        return self.finder.words

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def first(self) -> str:
        return self.finder.words[self.start]

    @property
    def last(self) -> str:
        return self.finder.words[self.end - 1]

    def name(self, label: str, strength: int = STRONG) -> list[Name]:
        """The whole run as one name."""
        return [Name(self.start, self.end, label, strength)]

    def starts_sentence(self) -> bool:
        return self.finder.tok.sentence_start[self.start]

    def word_after(self) -> str:
        return _after_word(self.words, self.end)

    def word_before(self) -> str:
        return self.words[self.start - 1].lower() if self.start > 0 else ""


TypingRule = Callable[[Run], "list[Name] | None"]


def classify(finder: NameFinder, i: int, end: int, *, person_context: bool) -> list[Name]:
    """The names in tokens ``i``..``end``: the answer of the first typing rule that decides."""
    if i >= end:
        return []  # every word of the run was dropped ("New" at a line start, then nothing)
    run = Run(finder, i, end, person_context, finder.gazetteer_at(i, end))
    for rule in TYPING_RULES:
        found = rule(run)
        if found is not None:
            return found
    return []


# --- known names and name words ---------------------------------------------------------------


def whole_gazetteer_entry(run: Run) -> list[Name] | None:
    """The whole run is a known name ("New York"); a small town that is also a personal name
    is a person when it speaks ("Dole said")."""
    hit = run.hit
    if hit is None or hit[0] != run.end:
        return None
    entry = hit[1]
    if entry.weak and run.word_after() in run.finder.lex.speaker_verbs:
        return run.name("PERSON", CONTEXT)
    label = _place_or_team(run.finder, run.start, run.end, entry.label)
    return run.name(label, CONTEXT if entry.weak else STRONG)


def title_inside(run: Run) -> list[Name] | None:
    """A title inside the run: what follows it is a person, what precedes it is typed again
    ("Israeli President Ezer Weizman" -> NORP + PERSON)."""
    title = _title_inside(run.finder, run.start, run.end)
    if title is None:
        return None
    left = _before_title(run.finder, run.start, title)
    before = classify(run.finder, run.start, left, person_context=False) if left > run.start else []
    return [*before, Name(title + 1, run.end, "PERSON", STRONG)]


def event_word(run: Run) -> list[Name] | None:
    """An event word ends it or an event head opens it ("Davis Cup", "Hurricane Fran")."""
    lex = run.finder.lex
    if run.size >= 2 and (run.last in lex.events or run.first in EVENT_HEADS):
        return run.name("EVENT")
    return None


def event_with_of(run: Run) -> list[Name] | None:
    """A known event goes on with "of" ("World Series of Poker")."""
    hit = run.hit
    if hit is not None and hit[1].label == "EVENT" and run.words[hit[0]] == "of":
        return run.name("EVENT")
    return None


def organisation_word(run: Run) -> list[Name] | None:
    """An organisation word ends it or stands in it ("Acme Corp", "Bank of Japan", "AT & T")."""
    lex, words = run.finder.lex, run.words
    if (run.size >= 2 and run.last in lex.org_suffix) or any(
        words[k] in lex.org_any or words[k] == "&" for k in range(run.start, run.end)
    ):
        return run.name("ORG")
    return None


def foreign_article(run: Run) -> list[Name] | None:
    """A foreign article opens it: a newspaper or a company ("Der Spiegel", "El Al")."""
    if run.size >= 2 and run.first in FOREIGN_ARTICLES:
        return run.name("ORG", CONTEXT)
    return None


def facility_word(run: Run) -> list[Name] | None:
    """A building word ends it ("Wembley Stadium", "Heathrow Airport")."""
    if run.size >= 2 and run.last in BUILT_PLACE_WORDS:
        return run.name("FAC")
    return None


def landscape_word(run: Run) -> list[Name] | None:
    """A landscape word ends it ("Jordan River", "Gaza Strip")."""
    if run.size >= 2 and run.last in NATURAL_PLACE_WORDS:
        return run.name("LOC")
    return None


def common_word_at_sentence_start(run: Run) -> list[Name] | None:
    """A capitalised common word opening a sentence is no part of the name after it ("Ruling
    Moslem party" -> "Moslem")."""
    f = run.finder
    if (
        run.starts_sentence()
        and f.plain(f.lower[run.start])
        and run.first not in f.lex.first_names
        and run.hit is None
    ):
        return classify(f, run.start + 1, run.end, person_context=False)
    return None


def leading_nationality(run: Run) -> list[Name] | None:
    """A nationality opens it: a group ("Iraqi Kurds") or a nationality before another name
    ("Australian Tom Moody" -> NORP + PERSON)."""
    hit, f = run.hit, run.finder
    if hit is None or hit[1].label != "NORP" or run.first in f.lex.first_names:
        return None
    rest = f.gazetteer_at(hit[0], run.end)
    if rest is not None and rest[0] == run.end and rest[1].label == "NORP":
        return run.name("NORP")
    head = Name(run.start, hit[0], hit[1].label, STRONG)
    return [head, *classify(f, hit[0], run.end, person_context=run.person_context)]


def personal_start(run: Run) -> list[Name] | None:
    """A title before it, or a first name or an initial opening a run of two words or more:
    a person ("President Clinton", "Tom Moody", "J. Smith")."""
    personal = run.first in run.finder.lex.first_names or _is_initial_token(run.first)
    if run.person_context or (personal and run.size >= 2):
        return run.name("PERSON")
    return None


def first_name_inside(run: Run) -> list[Name] | None:
    """A first name inside it starts a person ("State John Kornblum" -> "John Kornblum")."""
    first = _first_name_inside(run.finder, run.start, run.end)
    if first is None:
        return None
    before = classify(run.finder, run.start, first, person_context=False)
    return [*before, Name(first, run.end, "PERSON", STRONG)]


def leading_place(run: Run) -> list[Name] | None:
    """A place opens it: in a sports report a club ("Houston Astros"), else the place and
    whatever follows, typed again."""
    hit, f = run.hit, run.finder
    if hit is None or hit[1].label not in ("GPE", "LOC"):
        return None
    if f.sports:
        return run.name("ORG", CONTEXT)
    head = Name(run.start, hit[0], hit[1].label, STRONG)
    return [head, *classify(f, hit[0], run.end, person_context=run.person_context)]


def lone_common_word(run: Run) -> list[Name] | None:
    """A capitalised common word alone at a sentence start is no name ("Officials said")."""
    f = run.finder
    if run.size == 1 and run.starts_sentence() and f.plain(f.lower[run.start]):
        return []
    return None


def hyphenated_compound(run: Run) -> list[Name] | None:
    """A hyphenated word whose parts share a type has it ("Arab-Israeli", "Austria-Hungary")."""
    if run.size != 1 or "-" not in run.first:
        return None
    label = _compound_label(run.finder, run.first)
    return run.name(label) if label is not None else None


# --- unknown names: surroundings and shape ----------------------------------------------------


def label_before_colon(run: Run) -> list[Name] | None:
    """One word opening a line before a colon is a label ("Scorers:", "Attendance:")."""
    if run.size == 1 and run.starts_sentence() and run.word_after() == ":":
        return []
    return None


def score_after(run: Run) -> list[Name] | None:
    """A name before a score in a results line is a team ("Leeds 2 Wimbledon 0")."""
    if run.finder.results_line(run.end):
        return run.name("ORG", CONTEXT)
    return None


def abbreviation_of_no_organisation(run: Run) -> list[Name] | None:
    """Capitals that name no organisation ("GMT", "CEO", "GDP")."""
    if run.size == 1 and run.first in NOT_ORGANISATIONS:
        return []
    return None


def acronym_in_prose(run: Run) -> list[Name] | None:
    """A short word in capitals among lower-case words is an organisation ("the WHO said")."""
    f, w = run.finder, run.first
    if run.size != 1 or not (w.isupper() and len(w) <= 5):
        return None
    if not f.tok.caps_line[run.start] and f.in_prose(run.start):
        return run.name("ORG", CONTEXT)
    return None


def surname_ending(run: Run) -> list[Name] | None:
    """One word with a family-name ending is a person ("Petrenko", "Karlsson")."""
    if run.size == 1 and _shape_label(run.first) == "PERSON":
        return run.name("PERSON", GUESS)
    return None


def club_in_sports_report(run: Run) -> list[Name] | None:
    """In a sports report, a name ending with a place is a club ("Dynamo Moscow")."""
    f = run.finder
    lex = f.lex
    if (
        run.size > 1
        and f.sports
        and f.gazetteer_at(run.end - 1, run.end) is not None
        and run.last not in lex.surnames
        and run.first not in lex.surnames
    ):
        return run.name("ORG", CONTEXT)
    return None


def known_surname_or_speaker(run: Run) -> list[Name] | None:
    """Up to three words ending with a known surname, or followed by a speech verb, are a
    person ("Lee Kuan Yew said")."""
    lex = run.finder.lex
    if 1 < run.size <= 3 and (
        run.last in lex.surnames or run.word_after().lower() in lex.speaker_verbs
    ):
        return run.name("PERSON", CONTEXT)
    return None


def after_locative(run: Run) -> list[Name] | None:
    """A name after "in", "near", "from" is a place ("in Kibeho")."""
    if run.word_before() in LOCATIVE_WORDS:
        return run.name("GPE", CONTEXT)
    return None


def lone_personal_name(run: Run) -> list[Name] | None:
    """One word that is a surname or a first name, or that speaks, is a person."""
    lex, w = run.finder.lex, run.first
    if run.size != 1:
        return None
    if run.word_after().lower() in lex.speaker_verbs or w in lex.surnames or w in lex.first_names:
        return run.name("PERSON", CONTEXT)
    return None


def fallback(run: Run) -> list[Name] | None:
    """Anything else: up to three words a person, one word or a longer run an organisation."""
    label = "PERSON" if 1 < run.size <= 3 else "ORG"
    return run.name(label, GUESS)


TYPING_RULES: tuple[TypingRule, ...] = (
    whole_gazetteer_entry,
    title_inside,
    event_word,
    event_with_of,
    organisation_word,
    foreign_article,
    facility_word,
    landscape_word,
    common_word_at_sentence_start,
    leading_nationality,
    personal_start,
    first_name_inside,
    leading_place,
    lone_common_word,
    hyphenated_compound,
    label_before_colon,
    score_after,
    abbreviation_of_no_organisation,
    acronym_in_prose,
    surname_ending,
    club_in_sports_report,
    known_surname_or_speaker,
    after_locative,
    lone_personal_name,
    fallback,
)
"""The typing rules in priority order: the first that decides types the run."""


# --- helpers ----------------------------------------------------------------------------------


def _compound_label(f: NameFinder, word: str) -> str | None:
    labels = set()
    for part in word.lower().split("-"):
        entry = f.lex.names.get((part,))
        if entry is None:
            return None
        labels.add(entry.label)
    return labels.pop() if len(labels) == 1 else None


def _first_name_inside(f: NameFinder, i: int, end: int) -> int | None:
    """Where a personal name starts inside a run, past any place or name that opens the run
    ("South Carolina Gov David Beasley")."""
    hit = f.gazetteer_at(i, end)
    for k in range(hit[0] if hit is not None else i + 1, end - 1):
        if f.words[k] in f.lex.first_names and f.words[k + 1][:1].isupper():
            return k
    return None


def _title_inside(f: NameFinder, i: int, end: int) -> int | None:
    """The last title in a name with a personal name after it: "Israeli President Ezer
    Weizman", "Foreign Minister Klaus Kinkel"; not in "Minister of Finance Corp"."""
    lex = f.lex
    for k in range(end - 2, i - 1, -1):
        if f.words[k] in lex.titles and f.words[k][:1].isupper() and f.words[k + 1][:1].isupper():
            rest = f.words[k + 1 : end]
            if any(w in lex.org_suffix or w in lex.events for w in rest):
                return None
            return k
    return None


def _before_title(f: NameFinder, i: int, title: int) -> int:
    """Where the name before a run of titles and plain words ends ("Palestinian" in
    "Palestinian President", nothing in "Prime Minister")."""
    k = title
    while k > i:
        w = f.words[k - 1]
        plain = f.lower[k - 1] in f.lex.common and f.gazetteer_at(k - 1, k) is None
        if w in f.lex.titles or (plain and w not in f.lex.org_suffix):
            k -= 1
        else:
            break
    return k


def _place_or_team(f: NameFinder, i: int, end: int, label: str) -> str:
    """In sports reports a town stands for its club ("Surrey beat Kent"), unless it is
    where something happens ("in Leeds") or a dateline; a country stays a place."""
    if label != "GPE" or not (f.sports or f.results_line(end)):
        return label
    name = " ".join(f.words[i:end])
    if name in f.lex.countries or name.title() in f.lex.countries:
        return label
    if i > 0 and f.lower[i - 1] in LOCATIVE_WORDS:
        return label
    if f.tok.sentence_start[i] and end < f.n:
        after = f.words[end]
        if is_date_token(after) or after in (":", "("):
            return label  # a dateline "LEEDS 1996-08-30", a venue "Leeds : ..."
    return "ORG"


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


def _is_initial_token(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()
