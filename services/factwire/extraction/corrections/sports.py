"""Sports reports: in results tables and match reports a town stands for its team."""

from __future__ import annotations

import re
from dataclasses import replace

from factwire.extraction.corrections.text import Occupied, inside, is_country, table_rows
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import lexicon
from factwire.extraction.language.patterns import one_of
from factwire.extraction.language.sports import MATCH_VERBS_AFTER, MATCH_WORDS_BEFORE, SCORE_VERBS
from factwire.extraction.names import NAME_LABELS, name_key
from factwire.models import TextField


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
            and not is_country(s[m.start : m.end])
        ):
            out.append(replace(m, label="ORG"))
        else:
            out.append(m)
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
        rows = table_rows(s)
        if not rows:
            continue
        out = [m for m in out if not (m.field == field and _common_word_in_row(s, rows, m))]
        in_row = [i for i, m in enumerate(out) if m.field == field and inside(rows, m.start)]
        for i in in_row:
            if out[i].label in NAME_LABELS:
                out[i] = replace(out[i], label=_table_mention_label(s, out[i]))
        taken = Occupied(m for m in out if m.field == field)
        for row_start, row_end in rows:
            for run in _CAPITALISED_RUN.finditer(s, row_start, row_end):
                start, end = run.span()
                found = _table_name_label(run.group(), bool(_NATIONALITY_AFTER.match(s, end)))
                if found and not taken.overlaps(field, start, end):
                    out.append(RawMention(field, start, end, found))
    return out


_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’.-])(?:[A-Z]\.\s?)*[A-Z][\w'’&-]*(?:\s(?:[A-Z]\.\s?)*[A-Z][\w'’&-]*)*"
)

_NATIONALITY_AFTER = re.compile(r"\s?\(\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s?\)")

_INITIAL = re.compile(r"[A-Z]\.\s?[A-Z][a-z]")

_MATCH_VERB_AFTER = re.compile(
    rf"\s(?:{one_of(MATCH_VERBS_AFTER, space=' ')}|{one_of(SCORE_VERBS)} \d)\b"
)

_MATCH_WORD_BEFORE = re.compile(rf"\b{one_of(MATCH_WORDS_BEFORE, space=' ')}\s$")

_STANDINGS_ROW = re.compile(r"(?:[ \t]+[-+]?\.?\d[\d.,:/-]*%?){3,}[ \t]*(?:\n|$)")
"""After a name: nothing but three or more numbers to the end of the line (a league table)."""

_VENUE_BEFORE_COLON = re.compile(r"\s?:")


def _table_mention_label(s: str, m: RawMention) -> str:
    """The label of a tagged name in a table row (see :func:`teams_in_tables`)."""
    surface = s[m.start : m.end]
    if is_country(surface) or _VENUE_BEFORE_COLON.match(s, m.end):
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
        and inside(rows, m.start)
    )


def _table_name_label(run: str, nationality_after: bool) -> str | None:
    words = run.split()
    first = words[0]
    if len(words) == 1 and (first.lower() in lexicon().common_words or len(first) < 3):
        return None
    if is_country(run):
        return "GPE"
    if len(words) > 1 and (
        nationality_after or _INITIAL.match(run) or name_key(first) in lexicon().first_names
    ):
        return "PERSON"
    return "ORG"
