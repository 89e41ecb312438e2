"""The lexicon: every word list of ``language/data/``, each read on first use and kept.

One object per process (:func:`lexicon`); a list is read from its file the first time a rule
asks for it, so that a module needing only the abbreviations does not load the 73,000 places.
The files and their sources are described in ``language/data/README.md``.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

from factwire.extraction.language.loader import data_lines, data_rows
from factwire.extraction.language.name_words import HOME_NATIONS
from factwire.extraction.language.phrase_finder import PhraseFinder

CUE_KINDS = ("strong", "weak", "quote", "act")
"""Speech-verb categories that report a claim: says (strong), believes (weak), introduces a
quote (quote), a speech act (act). The other categories say how a verb treats its neighbours."""


class Lexicon:
    """Word lists by name. Sets for membership, tuples where the file order matters."""

    # --- names --------------------------------------------------------------------------------

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Given names: the US census list and the hand-written names from elsewhere."""
        return frozenset([*data_lines("first_names.txt"), *data_lines("first_names_world.txt")])

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Family names (US census)."""
        return frozenset(data_lines("surnames.txt"))

    @cached_property
    def companies(self) -> frozenset[str]:
        """Listed companies as news writes them ("Nvidia", "Goldman Sachs")."""
        return frozenset(data_lines("companies.txt"))

    @cached_property
    def company_words(self) -> frozenset[str]:
        """Last words shared by many listed companies' names ("Technologies", "Energy")."""
        return frozenset(data_lines("company_words.txt"))

    @cached_property
    def clubs(self) -> frozenset[str]:
        """Football clubs and their short names ("Manchester United", "Man Utd")."""
        return frozenset(data_lines("clubs.txt"))

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Frequent English words, lower case, that are not also names."""
        return frozenset(data_lines("common_words.txt"))

    @cached_property
    def place_rows(self) -> tuple[tuple[str, str], ...]:
        """``places.tsv`` as (name, kind) rows; kind is a label with ``major`` or ``country``."""
        return tuple((row[0], row[1]) for row in data_rows("places.tsv"))

    @cached_property
    def places(self) -> frozenset[str]:
        """The names of ``places.tsv``."""
        return frozenset(name for name, _ in self.place_rows)

    @cached_property
    def countries(self) -> frozenset[str]:
        """Names of countries, with every spelling of ``aliases.tsv`` ("U.S.", "Britain")."""
        names = {name for name, kind in self.place_rows if kind.endswith("country")}
        names |= HOME_NATIONS
        groups: dict[str, set[str]] = {}
        for spelling, canonical in self.aliases.items():
            groups.setdefault(canonical, set()).add(spelling)
        for spellings in groups.values():
            if spellings & names:
                names |= spellings
        return frozenset(names)

    @cached_property
    def location_rows(self) -> tuple[tuple[str, str], ...]:
        """``locations.txt``: regions, seas, buildings, short country names, as (name, kind)."""
        return tuple((row[0], row[1]) for row in data_rows("locations.txt"))

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return tuple(data_lines("languages.txt"))

    @cached_property
    def norp_names(self) -> tuple[str, ...]:
        """Nationalities, religious and political groups, in file order."""
        return tuple(data_lines("norp.txt"))

    @cached_property
    def demonyms(self) -> frozenset[str]:
        """The same names as :attr:`norp_names`, as a set."""
        return frozenset(self.norp_names)

    @cached_property
    def organisations(self) -> tuple[str, ...]:
        return tuple(data_lines("organisations.txt"))

    @cached_property
    def events(self) -> tuple[str, ...]:
        return tuple(data_lines("events.txt"))

    @cached_property
    def event_words(self) -> frozenset[str]:
        """Last words that make a name an event ("Cup", "War")."""
        return frozenset(data_lines("event_words.txt"))

    @cached_property
    def organisation_suffixes(self) -> frozenset[str]:
        """Words that make a name an organisation as its last word ("Inc", "Party")."""
        return frozenset(w for w, where in data_rows("organisation_words.txt") if where == "suffix")

    @cached_property
    def organisation_anywhere(self) -> frozenset[str]:
        """Words that make a name an organisation anywhere in it ("Bank", "Ministry")."""
        return frozenset(w for w, where in data_rows("organisation_words.txt") if where == "any")

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Every spelling of a well-known name (``aliases.tsv``) -> its canonical form."""
        table: dict[str, str] = {}
        for names in data_rows("aliases.tsv"):
            for name in names:
                table.setdefault(name, names[0])
        return table

    @cached_property
    def confusions(self) -> dict[tuple[str, str], str]:
        """(surface form, label given or ``*``) -> right label or ``-`` (``confusions.tsv``)."""
        return {(surface, given): fixed for surface, given, fixed in data_rows("confusions.tsv")}

    # --- titles and abbreviations -------------------------------------------------------------

    @cached_property
    def _title_rows(self) -> tuple[tuple[str, dict[str, str]], ...]:
        rows = []
        for title, *attributes in data_rows("person_titles.tsv"):
            rows.append((title, dict(a.split("=", 1) for a in attributes)))
        return tuple(rows)

    @cached_property
    def person_titles(self) -> frozenset[str]:
        """Words before a name that are not part of it ("President", "Mr.")."""
        return frozenset(title for title, _ in self._title_rows)

    @cached_property
    def title_pronouns(self) -> dict[str, str]:
        """A title in lower case -> the pronoun of its bearer ("mrs." -> "she")."""
        return {t.lower(): a["pronoun"] for t, a in self._title_rows if "pronoun" in a}

    @cached_property
    def title_nouns(self) -> dict[str, str]:
        """An abbreviated title in lower case -> the noun a description uses ("sen." ->
        "senator")."""
        return {t.lower(): a["noun"] for t, a in self._title_rows if "noun" in a}

    @cached_property
    def _abbreviation_uses(self) -> dict[str, tuple[str, ...]]:
        uses: dict[str, list[str]] = {}
        for word, tags in data_rows("abbreviations.tsv"):
            for tag in tags.split():
                uses.setdefault(tag, []).append(word)
        return {tag: tuple(found) for tag, found in uses.items()}

    @cached_property
    def sentence_abbreviations(self) -> frozenset[str]:
        """Words, lower case, whose period ends no sentence ("mr", "calif")."""
        return frozenset(w.lower() for w in self._abbreviation_uses["sentence"])

    @cached_property
    def token_abbreviations(self) -> frozenset[str]:
        """Words, as written, that the rules backend's tokenizer joins to their period."""
        return frozenset(self._abbreviation_uses["token"])

    @cached_property
    def name_end_abbreviations(self) -> frozenset[str]:
        """Words, lower case, whose period may end a name ("Acme Inc.")."""
        return frozenset(w.lower() for w in self._abbreviation_uses["name-end"])

    @cached_property
    def title_abbreviations(self) -> tuple[str, ...]:
        """Abbreviated titles before a speaker's name, as written ("Mr", "Sen"), in file order."""
        return self._abbreviation_uses["title"]

    # --- speech and claims --------------------------------------------------------------------

    @cached_property
    def speech_verbs(self) -> dict[str, frozenset[str]]:
        """A category of ``speech_verbs.tsv`` -> its verbs and phrases in lower case."""
        found: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
        for phrase, category in data_rows("speech_verbs.tsv"):
            found.setdefault(category, set()).add(phrase.lower())
        return {category: frozenset(phrases) for category, phrases in found.items()}

    @property
    def strong_cues(self) -> frozenset[str]:
        return self.speech_verbs["strong"]

    @property
    def weak_cues(self) -> frozenset[str]:
        return self.speech_verbs["weak"]

    @property
    def quote_cues(self) -> frozenset[str]:
        return self.speech_verbs["quote"]

    @property
    def act_cues(self) -> frozenset[str]:
        return self.speech_verbs["act"]

    @property
    def state_cues(self) -> frozenset[str]:
        """Beliefs and feelings stated with "be", not passives ("X is confident that")."""
        return self.speech_verbs.get("state", frozenset())

    @property
    def object_verbs(self) -> frozenset[str]:
        """Verbs whose object is the addressee ("told reporters that", "told reporters: ...")."""
        return self.speech_verbs["object"]

    @property
    def inverted_verbs(self) -> frozenset[str]:
        """Verbs that may come before their speaker ('"...," said Jane Roe')."""
        return self.speech_verbs["inverted"]

    @property
    def speaker_verbs(self) -> frozenset[str]:
        """Verbs that make the name right before them a person ("Dole said")."""
        return self.speech_verbs["names-speaker"]

    @property
    def place_speaker_verbs(self) -> frozenset[str]:
        """Verbs that make the place name right before them a speaker ("Valencia said")."""
        return self.speech_verbs["names-speaker-place"]

    @cached_property
    def report_cues(self) -> frozenset[str]:
        """Every cue that reports speech or a stance: strong, weak and acts of judging."""
        return self.strong_cues | self.weak_cues | self.act_cues

    @cached_property
    def cue_pattern(self) -> PhraseFinder:
        # case matters: a capitalised "Said" or "Reports" is rarely a reporting verb
        return PhraseFinder(sorted(self.report_cues), ignore_case=False)

    @cached_property
    def quote_cue_pattern(self) -> PhraseFinder:
        return PhraseFinder(sorted(self.report_cues | self.quote_cues), ignore_case=False)

    @cached_property
    def hedge_pattern(self) -> PhraseFinder:
        # case matters: "May" is a month, not a hedge
        return PhraseFinder(data_lines("hedges.txt"), ignore_case=False)

    @cached_property
    def speaker_nouns(self) -> frozenset[str]:
        """Common nouns that can head a speaker phrase ("officials said"), lower case."""
        return frozenset(w.lower() for w in data_lines("speaker_nouns.txt"))

    @cached_property
    def stance_nouns(self) -> frozenset[str]:
        """Nouns of saying, judging and intending whose possessor speaks ("Smith's decision
        to run"), lower case."""
        return frozenset(w.lower() for w in data_lines("stance_nouns.txt"))

    @cached_property
    def writings(self) -> frozenset[str]:
        """Writings and records that say something themselves ("In a new poll, ..."), lower
        case."""
        return frozenset(w.lower() for w in data_lines("writings.txt"))

    @cached_property
    def gender(self) -> dict[str, str]:
        """A first name in lower case -> the pronoun that usually refers to its bearer."""
        rows = data_rows("first_name_pronouns.tsv")
        return {name.lower(): pronoun.strip() for name, pronoun in rows}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon."""
    return Lexicon()
