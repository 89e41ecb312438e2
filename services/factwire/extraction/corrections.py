"""Document-level corrections of a backend's systematic errors.

A statistical tagger decides one sentence at a time; an article gives more evidence than that.
Each rule below is a small function from the article and its mentions to corrected mentions, and
the rules run in the order of :data:`RULES`: first the spans are cleaned (line breaks, edges,
articles, possessives, trailing numbers), then known confusions are fixed, then labels are made
consistent across the article and propagated to repeated mentions the backend missed. Every
rule is linear in the size of the article.

The rules were written against a statistical tagger's errors; a backend that settles some of
these cases itself names the rules it does not need in a ``corrections_not_needed`` attribute
(a set of names from :data:`RULES`), which the pipeline passes on as ``skip``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count, islice

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import ACRONYM_SKIP
from factwire.extraction.language.name_words import LEGAL_FORMS
from factwire.models import TextField

Rule = Callable[[ArticleText, list[RawMention]], list[RawMention]]

NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
    | {"LANGUAGE"}
)
"""Labels of proper names (the other OntoNotes labels are values: dates, amounts, numbers)."""

_LEADING_JUNK = "\"'“”‘’«»([{-–—,;:*•|/ \t"
_TRAILING_JUNK = "\"'“”‘’«»)]},;:-–—!?*•|/ \t"
_SENTENCE_GOES_ON = re.compile(r"[ \t]*[a-z0-9(,;]")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")
_POSSESSIVE = re.compile(r"\s?['’]s?$")
_HAS_DIGIT = re.compile(r"\d")
_NUMBERLESS_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
_SCORE = re.compile(r"\s+\d+-\d+$")
_WORD = re.compile(r"\w+(?:['’.&-]\w+)*")
_PLAIN_NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"})
_DASH_OR_PARENTHESIS = re.compile(r"[–—()-]")
_BETWEEN_DASHES = re.compile(r"[^\s–—()-](?:.*?[^\s–—()-])??(?=\s*[()]\s*|\s+(?:--?|[–—])\s+|$)")
_MAX_NAME_WORDS = 8
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:province|region|city|town|state|county|capital|village|port) of|in|near|outside)"
    r"\s+$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"”’]?\s+|\n\s*)$")
_NON_SPACE_RUN = re.compile(r"\S+")
_LOWERCASE_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*(?![\w'’-])")


# ---------------------------------------------------------------------------- span clean-up


def cut_at_line_breaks(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A name never runs across a line break: keep the longest line of such a span."""
    out = []
    for m in mentions:
        surface = _surface(text, m)
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
        surface = _surface(text, m)
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
        surface = _surface(text, m)
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
        surface = _surface(text, m)
        words = list(_NON_SPACE_RUN.finditer(surface))
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
    shouted = {f: _shouted_lines(text.field(f)) for f in ("title", "body")}
    out = []
    for m in mentions:
        surface = _surface(text, m)
        head, _, last = surface.rpartition(" ")
        if (
            m.label in NAME_LABELS
            and head.strip()
            and last.isalpha()
            and last.isupper()
            and last.lower() in lexicon().common_words
            and name_key(surface) not in lexicon().places
            and _inside(shouted[m.field], m.start)
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
        surface = _surface(text, m)
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
    ordered = sorted(mentions, key=lambda m: (m.field, m.start))
    out: list[RawMention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.field == m.field
            and prev.label in ("PERSON", "ORG")
            and m.label == "ORG"
            and " " not in _surface(text, prev).strip()
            and text.field(m.field)[prev.end : m.start] in ("'s ", "’s ", " 's ")
        ):
            out[-1] = RawMention(m.field, prev.start, m.end, "ORG")
        else:
            out.append(m)
    return out


def trim_possessive(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Drop a possessive ending ("Smith's" -> "Smith", "the Jones'" -> "Jones")."""
    out = []
    for m in mentions:
        surface = _surface(text, m)
        match = _POSSESSIVE.search(surface)
        if match and match.start() > 0 and (match.group().rstrip("'’") or surface[-2] in "sS"):
            out.append(replace(m, end=m.start + match.start()))
        else:
            out.append(m)
    return out


def split_at_numbers(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Numbers are not part of a person's or a place's name: they separate names.

    In results tables the tagger runs names and scores together ("Kersey 63", "Oldham 3
    Ipswich"); each stretch of words between the numbers is a name of its own. In a table row
    this holds for every name; elsewhere organisations lose only a trailing score ("Mexico 2-0")
    and names of products, events and works keep their numbers ("Euro 96", "Windows 95").
    """
    rows: dict[str, list[tuple[int, int]]] = {}  # a field's table rows, found when first needed
    out = []
    for m in mentions:
        surface = _surface(text, m)
        if m.label not in NAME_LABELS or not _HAS_DIGIT.search(surface):
            out.append(m)
            continue
        if m.label not in _NUMBERLESS_LABELS and m.field not in rows:
            rows[m.field] = _table_rows(text.field(m.field))
        if m.label in _NUMBERLESS_LABELS or _inside(rows[m.field], m.start):
            out.extend(
                replace(m, start=m.start + a, end=m.start + b) for a, b in _wordy_stretches(surface)
            )
        else:
            score = _SCORE.search(surface)
            out.append(replace(m, end=m.start + score.start()) if score and score.start() else m)
    return out


def _wordy_stretches(surface: str) -> list[tuple[int, int]]:
    """Offsets of the runs of tokens between number tokens that contain a letter."""
    stretches: list[tuple[int, int]] = []
    start = end = -1
    for token in _NON_SPACE_RUN.finditer(surface):
        if _NUMBER_TOKEN.fullmatch(token.group()):
            if start >= 0:
                stretches.append((start, end))
            start = -1
        else:
            start = token.start() if start < 0 else start
            end = token.end()
    if start >= 0:
        stretches.append((start, end))
    return [(a, b) for a, b in stretches if any(c.isalpha() for c in surface[a:b])]


def complete_person_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Take in the initials and given names the tagger left out of a person's name.

    "R. Ponting" tagged "R." alone, or "Sandrine Testud" tagged "Testud" alone: a capitalised
    word or an initial right before a person's name belongs to it, unless it is a title, a
    common word or a place ("President Testud", "Monday Testud", "France Testud" stay apart).
    """
    taken = _Occupied(mentions)
    return [_completed_name(text.field(m.field), m, taken) for m in mentions]


def _completed_name(s: str, m: RawMention, taken: _Occupied) -> RawMention:
    if _LONE_INITIAL.fullmatch(s[m.start : m.end]):
        after = _NEXT_NAME_WORD.match(s, m.end)
        if after and not taken.overlaps(m.field, m.end, after.end()):
            taken.add(m.field, m.end, after.end())
            m = RawMention(m.field, m.start, after.end(), "PERSON")
    if m.label != "PERSON":
        return m
    start = m.start
    for _ in range(2):
        before = _PREVIOUS_NAME_WORD.search(s, max(0, start - 40), start)
        if not before or taken.overlaps(m.field, before.start(), start - 1):
            break
        if not _given_name_or_initial(before.group(1)):
            break
        start = before.start()
    if start == m.start:
        return m
    taken.add(m.field, start, m.start)
    return replace(m, start=start)


def drop_non_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A proper name has a capital letter: drop name-typed spans without one ("congress")."""
    return [
        m
        for m in mentions
        if m.end > m.start
        and (m.label not in NAME_LABELS or any(c.isupper() for c in _surface(text, m)))
    ]


# ---------------------------------------------------------------------------- known confusions


def fix_known_confusions(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Surface forms a general model gets wrong the same way every time ("AI" is no place).

    The table lives in ``language/data/confusions.tsv``: a surface form, the label the model
    gives it (or ``*``), and the right label (or ``-`` for "not an entity").
    """
    table = lexicon().confusions
    out = []
    for m in mentions:
        surface = _surface(text, m)
        fix = table.get((surface, m.label)) or table.get((surface, "*"))
        if fix is None:
            out.append(m)
        elif fix != "-":
            out.append(replace(m, label=fix))
    return out


_PRODUCT_SPELLING = re.compile(r"^[a-z]+[A-Z]|[a-z][A-Z]{2,}|[A-Za-z]-?\d|\d[A-Za-z]")
"""Lower case then capitals ("iPhone", "ChatGPT") or letters glued to digits ("GPT-4", "A380");
a capital after a lower-case prefix alone is a surname ("McGrath", "LeBron")."""


def products_not_people(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A one-word "person" spelled like a product ("iPhone", "ChatGPT", "GPT-4") is a product."""
    out = []
    for m in mentions:
        surface = _surface(text, m)
        if m.label == "PERSON" and " " not in surface and _PRODUCT_SPELLING.search(surface):
            out.append(replace(m, label="PRODUCT"))
        else:
            out.append(m)
    return out


# ---------------------------------------------------------------------------- article-level


def teams_in_match_reports(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A city or a one-word "person" that beats, draws with or plays against another side is a
    team ("Leicestershire beat Somerset", "a 1-1 draw against Nice"); countries stay places."""
    out = []
    for m in mentions:
        s = text.field(m.field)
        if (
            m.label in ("GPE", "LOC", "PERSON")
            and (
                _MATCH_VERB_AFTER.match(s, m.end)
                or _MATCH_WORD_BEFORE.search(s, max(0, m.start - 16), m.start)
            )
            and not (m.label == "PERSON" and " " in s[m.start : m.end])
            and not _is_country(s[m.start : m.end])
        ):
            out.append(replace(m, label="ORG"))
        else:
            out.append(m)
    return out


def countries_are_places(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A country named on its own is a place (GPE), never an organisation or a person, even
    when it stands for its government or its national team ("Belarus beat Estonia 1-0")."""
    out = []
    for m in mentions:
        if m.label in ("ORG", "PERSON", "LOC") and _is_country(_surface(text, m)):
            out.append(replace(m, label="GPE"))
        else:
            out.append(m)
    return out


def places_by_context(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """A known place name tagged as a person, in an article where the words before one of its
    mentions say place ("the province of Valencia", "in Valencia"), is a place in all of them
    (one sense per article), unless a mention speaks ("Valencia said"). Many place names are
    also surnames ("Valencia", "Houston"), so the gazetteer alone decides nothing, and a full
    name ("Ana Valencia") is left alone."""
    placed = {
        _surface(text, m) for m in mentions if m.label == "PERSON" and _place_context(text, m)
    }
    if not placed:
        return mentions
    speaking = {
        _surface(text, m)
        for m in mentions
        if _surface(text, m) in placed and _speaks_after().match(text.field(m.field), m.end)
    }
    places = placed - speaking
    return [
        replace(m, label="GPE") if m.label == "PERSON" and _surface(text, m) in places else m
        for m in mentions
    ]


@lru_cache(maxsize=1)
def _speaks_after() -> re.Pattern[str]:
    """A speech verb right after a name ("Valencia said")."""
    verbs = "|".join(sorted(lexicon().place_speaker_verbs))
    return re.compile(rf",?\s+(?:{verbs})\b")


def _place_context(text: ArticleText, m: RawMention) -> bool:
    name = _surface(text, m)
    if " " in name or name not in lexicon().places:
        return False
    field = text.field(m.field)
    before = field[max(0, m.start - 24) : m.start]
    return _PLACE_BEFORE.search(before) is not None


def consistent_labels(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """The same name gets the same label throughout an article: the majority one.

    A lone surname or given name of a person named in full elsewhere in the article is that
    person ("Wang" after "Wang Junyi", "Casanova" after "Lourdes Casanova"), whatever the tagger
    said about it in isolation.
    """
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label in NAME_LABELS:
            votes.setdefault(name_key(_surface(text, m)), Counter())[m.label] += 1
    for m in mentions:
        words = _surface(text, m).split()
        if m.label == "PERSON" and len(words) > 1:
            surname = votes.get(name_key(words[-1]))
            if surname is not None:
                surname["PERSON"] += sum(surname.values()) + 1
            first = name_key(words[0])
            given = votes.get(first)
            if given is not None:
                strong = _family_name_first(first)
                given["PERSON"] += sum(given.values()) + 1 if strong else 1
    majority = {key: _majority(counts) for key, counts in votes.items()}
    out = []
    for m in mentions:
        label = majority.get(name_key(_surface(text, m))) if m.label in NAME_LABELS else None
        out.append(replace(m, label=label) if label and label != m.label else m)
    return out


def propagate_names(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Tag the repeated mentions of a known name that the backend missed.

    Known names are the article's name mentions, the first and last words of people named in
    full ("Wang Donghai" -> "Wang", "Lourdes Casanova" -> "Casanova"), the acronyms of
    organisations ("Kurdistan Democratic Party" -> "KDP") and companies without their legal form
    ("Apic Yamada Corp" -> "Apic Yamada"); countries are always known names. A one-word name
    that is also written in lower case in the article ("Rose" and "rose") is not propagated: its
    capitalised form may just start a sentence.
    """
    names: dict[tuple[str, ...], str] = {}
    for m in mentions:
        if m.label not in NAME_LABELS:
            continue
        words = tuple(name_key(w) for w in _WORD.findall(_surface(text, m)))
        if words:
            names.setdefault(words, m.label)
            if m.label == "PERSON" and len(words) > 1:
                names.setdefault(words[-1:], "PERSON")
                if _family_name_first(words[0]):
                    names.setdefault(words[:1], "PERSON")
            elif m.label != "PERSON" and acronym(words):
                names.setdefault((acronym(words),), m.label)
            if m.label == "ORG":
                names.setdefault(without_legal_suffix(words), "ORG")
    lowercase = _lowercase_words(text)
    names = {
        w: label
        for w, label in names.items()
        if len(w) <= _MAX_NAME_WORDS and (len(w) > 1 or _propagatable(w[0], lowercase))
    }
    longest = _longest_by_first_word(names)
    countries, longest_country = _country_names()
    first_words = longest.keys() | longest_country.keys()
    taken = _Occupied(mentions)
    out = list(mentions)
    for field in ("title", "body"):
        f: TextField = "title" if field == "title" else "body"
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


def teams_in_tables(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """In a results or standings row, a place is a team and a bare name is a club.

    A table row is a line of numbers and names with almost no lower-case words ("Stoke 4 3 1 0 7
    4 10", "Leeds 2 Wimbledon 0"). There a city is the club named after it (ORG) while a country
    stays a place (a national side); a capitalised name the tagger left out becomes a person when
    it starts with an initial or a first name, a place when it is a country, else a club.
    """
    out = list(mentions)
    for f in ("title", "body"):
        field: TextField = "title" if f == "title" else "body"
        s = text.field(field)
        rows = _table_rows(s)
        if not rows:
            continue
        out = [m for m in out if not (m.field == field and _common_word_in_row(s, rows, m))]
        in_row = [i for i, m in enumerate(out) if m.field == field and _inside(rows, m.start)]
        for i in in_row:
            if out[i].label in NAME_LABELS:
                out[i] = replace(out[i], label=_table_mention_label(s, out[i]))
        taken = _Occupied(m for m in out if m.field == field)
        for row_start, row_end in rows:
            for run in _CAPITALISED_RUN.finditer(s, row_start, row_end):
                start, end = run.span()
                found = _table_name_label(run.group(), bool(_NATIONALITY_AFTER.match(s, end)))
                if found and not taken.overlaps(field, start, end):
                    out.append(RawMention(field, start, end, found))
    return out


def tag_demonyms(text: ArticleText, mentions: list[RawMention]) -> list[RawMention]:
    """Nationalities and other groups the tagger left out are NORP ("Canadian", "Panamanian"),
    also inside an amount ("37 million French francs") or a name the tagger cut short."""
    demonyms = lexicon().demonyms
    taken = _Occupied(m for m in mentions if m.label in NAME_LABELS)
    out = list(mentions)
    for f in ("title", "body"):
        field: TextField = "title" if f == "title" else "body"
        s = text.field(field)
        keys = _CAPITALISED_WORD.findall(s)
        for j in list(compress(count(), map(str.isupper, keys))):
            keys[j] = name_key(keys[j])
        # The offsets are read only for the words that are demonyms, skipping ahead to them.
        words = _CAPITALISED_WORD.finditer(s)
        read = 0
        for j in list(compress(count(), map(demonyms.__contains__, keys))):
            word = next(islice(words, j - read, None))
            read = j + 1
            if not taken.overlaps(field, *word.span()):
                out.append(RawMention(field, word.start(), word.end(), "NORP"))
    return out


RULES: tuple[tuple[str, Rule], ...] = (
    ("cut_at_line_breaks", cut_at_line_breaks),
    ("trim_edges", trim_edges),
    ("cut_at_dashes", cut_at_dashes),
    ("trim_leading_article", trim_leading_article),
    ("trim_lowercase_words", trim_lowercase_words),
    ("trim_shouted_common_word", trim_shouted_common_word),
    ("join_possessive_org", join_possessive_org),
    ("trim_possessive", trim_possessive),
    ("split_at_numbers", split_at_numbers),
    ("complete_person_names", complete_person_names),
    ("drop_non_names", drop_non_names),
    ("fix_known_confusions", fix_known_confusions),
    ("products_not_people", products_not_people),
    ("teams_in_tables", teams_in_tables),
    ("teams_in_match_reports", teams_in_match_reports),
    ("countries_are_places", countries_are_places),
    ("places_by_context", places_by_context),
    ("tag_demonyms", tag_demonyms),
    ("consistent_labels", consistent_labels),
    ("propagate_names", propagate_names),
)


def correct(
    text: ArticleText, mentions: list[RawMention], *, skip: Collection[str] = ()
) -> list[RawMention]:
    """Apply every rule of :data:`RULES` in order (``skip`` names rules to leave out)."""
    for name, rule in RULES:
        if name not in skip:
            mentions = rule(text, mentions)
    return _deduplicated(mentions)


# ---------------------------------------------------------------------------- helpers


def name_key(word_or_name: str) -> str:
    """A name as compared across an article: an all-capitals form matches the capitalised one."""
    if word_or_name.isupper() and sum(c.isalpha() for c in word_or_name) > 3:
        return " ".join(w.capitalize() for w in word_or_name.split(" "))
    return word_or_name


def acronym(words: Sequence[str]) -> str:
    """The initials of a name of capitalised words ("Kurdistan Democratic Party" -> "KDP"),
    legal forms aside ("Apple Inc." has none)."""
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    initials = [w[0] for w in words if w[:1].isupper()]
    skipped = [w for w in words if not w[:1].isupper()]
    if len(initials) < 2 or len(initials) + len(skipped) < 2:
        return ""
    if any(w.lower() not in ACRONYM_SKIP for w in skipped):
        return ""
    return "".join(initials)


def without_legal_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    """A company name without its legal form ("Apic Yamada Corp" -> "Apic Yamada")."""
    suffixes = lexicon().organisation_suffixes
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return words


def _surface(text: ArticleText, m: RawMention) -> str:
    return (text.body if m.field == "body" else text.title)[m.start : m.end]


def _is_abbreviation(span: str) -> bool:
    last = span.rsplit(" ", 1)[-1]
    return bool(_INITIALS.search(last)) or last[:-1].lower() in lexicon().name_end_abbreviations


def _shouted_lines(s: str) -> list[tuple[int, int]]:
    """Lines written in capitals (headlines, datelines), as (start, end) offsets."""
    lines = []
    start = 0
    for line in s.split("\n"):
        if is_shouted(line):
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def is_shouted(line: str) -> bool:
    """A line written in capitals: at least four capitals and ten times fewer small letters."""
    upper = sum(1 for c in line if c.isupper())
    return upper >= 4 and sum(1 for c in line if c.islower()) * 10 <= upper


def _is_lowercase_word(word: str) -> bool:
    return word.isalpha() and word.islower()


def _at_sentence_start(field_text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(field_text[max(0, start - 4) : start]))


def _majority(counts: Counter[str]) -> str:
    # Ties go to the label seen first (Counter keeps insertion order).
    return max(counts, key=lambda label: counts[label])


_NUMBER_TOKEN = re.compile(r"[-+(]?\.?\d[\d.,:/-]*[)%]?")
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z]\.\s?)*[A-Z][\w'’&-]*(?:\s(?:[A-Z]\.\s?)*[A-Z][\w'’&-]*)*"
)
_NATIONALITY_AFTER = re.compile(r"\s?\(\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s?\)")
_INITIAL = re.compile(r"[A-Z]\.\s?[A-Z][a-z]")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w]+(?![\w'’-])")
_MATCH_VERB_AFTER = re.compile(
    r"\s(?:beat|beats|defeated|drew with|drew \d|lost to|lost \d|thrashed|routed|edged|won \d|"
    r"won by|were held|held on to draw)\b"
)
_MATCH_WORD_BEFORE = re.compile(
    r"\b(?:beat|beating|defeated|against|v|vs\.?|versus|draw with|drew with|lost to|"
    r"thrashed|routed|edged)\s$"
)
_LONE_INITIAL = re.compile(r"[A-Z]\.")
_NEXT_NAME_WORD = re.compile(r"[ ]?[A-Z][a-z][\w'’-]*")
_PREVIOUS_NAME_WORD = re.compile(r"(?<![\w.'’-])([A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?) ?$")
_STANDINGS_ROW = re.compile(r"(?:[ \t]+[-+]?\.?\d[\d.,:/-]*%?){3,}[ \t]*(?:\n|$)")
"""After a name: nothing but three or more numbers to the end of the line (a league table)."""
_VENUE_BEFORE_COLON = re.compile(r"\s?:")


def _table_rows(s: str) -> list[tuple[int, int]]:
    """Lines that read as rows of a results or standings table, as (start, end) offsets."""
    rows = []
    start = 0
    for line in s.split("\n"):
        tokens = line.split()
        numbers = sum(1 for t in tokens if _NUMBER_TOKEN.fullmatch(t))
        lower = sum(1 for t in tokens if t.isalpha() and t.islower())
        if numbers >= 2 and lower <= 2 and numbers > lower:
            rows.append((start, start + len(line)))
        start += len(line) + 1
    return rows


def _inside(rows: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(rows, (offset, len(rows) and rows[-1][1] + 1)) - 1
    return i >= 0 and rows[i][0] <= offset < rows[i][1]


def _is_country(name: str) -> bool:
    return name_key(name) in lexicon().countries


def _family_name_first(word: str) -> bool:
    """A known surname that is no given name, written first ("Wang Donghai")."""
    return word in lexicon().surnames and word not in lexicon().first_names


def _given_name_or_initial(word: str) -> bool:
    if _LONE_INITIAL.fullmatch(word):
        return True
    return (
        word.lower() not in lexicon().common_words
        and word not in lexicon().person_titles
        and word not in lexicon().places
        and word not in lexicon().countries
    )


def _table_mention_label(s: str, m: RawMention) -> str:
    """The label of a tagged name in a table row (see :func:`teams_in_tables`)."""
    surface = s[m.start : m.end]
    if _is_country(surface) or _VENUE_BEFORE_COLON.match(s, m.end):
        return "GPE"
    if _NATIONALITY_AFTER.match(s, m.end) or _INITIAL.match(surface):
        return "PERSON"
    if m.label in ("GPE", "LOC") or _STANDINGS_ROW.match(s, m.end):
        return "ORG"
    return m.label


def _common_word_in_row(s: str, rows: list[tuple[int, int]], m: RawMention) -> bool:
    """A lone common word tagged in a table row is a column or line label ("Attendance").

    Places and surnames are left alone: many are common words too ("Reading", "York").
    """
    surface = s[m.start : m.end]
    return (
        m.label in NAME_LABELS
        and m.label not in ("GPE", "LOC")
        and surface.isalpha()
        and surface.lower() in lexicon().common_words
        and name_key(surface) not in lexicon().surnames
        and name_key(surface) not in lexicon().places
        and _inside(rows, m.start)
    )


def _table_name_label(run: str, nationality_after: bool) -> str | None:
    words = run.split()
    first = words[0]
    if len(words) == 1 and (first.lower() in lexicon().common_words or len(first) < 3):
        return None
    if _is_country(run):
        return "GPE"
    if len(words) > 1 and (
        nationality_after or _INITIAL.match(run) or name_key(first) in lexicon().first_names
    ):
        return "PERSON"
    return "ORG"


@lru_cache(maxsize=1)
def _country_names() -> tuple[dict[tuple[str, ...], str], dict[str, int]]:
    """Country names as word tuples, with the longest name per first word."""
    names = {tuple(_WORD.findall(name)): "GPE" for name in lexicon().countries}
    return names, _longest_by_first_word(names)


def _longest_by_first_word(names: Iterable[tuple[str, ...]]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for words in names:
        if words:
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def known_aliases() -> dict[str, str]:
    """Every spelling of a well-known name (``aliases.tsv``) -> its canonical form."""
    return lexicon().aliases


def person_titles() -> frozenset[str]:
    """Words before a name that are not part of it ("President", "Mr.")."""
    return lexicon().person_titles


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


class _Occupied:
    """Characters already covered by a mention, one flag per character of each field."""

    def __init__(self, mentions: Iterable[RawMention]) -> None:
        self._covered: dict[str, bytearray] = {}
        for m in mentions:
            self.add(m.field, m.start, m.end)

    def add(self, field: str, start: int, end: int) -> None:
        covered = self._covered.setdefault(field, bytearray())
        if len(covered) < end:
            covered.extend(b"\0" * (end - len(covered)))
        covered[start:end] = b"\1" * (end - start)

    def overlaps(self, field: str, start: int, end: int) -> bool:
        return any(self._covered.get(field, b"")[start:end])


def _deduplicated(mentions: Iterable[RawMention]) -> list[RawMention]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.field != "title", m.start, -m.end)):
        key = (m.field, m.start, m.end)
        if key not in seen and m.end > m.start:
            seen.add(key)
            out.append(m)
    return out
