"""Speaker phrases of reporting clauses beyond `claims.phrases`: a long subject opening the
sentence, a speaker before an aside set off by dashes, a share of a group as polls report it,
and whether a phrase names someone who can take a side (`claims.reported`)."""

from __future__ import annotations

from factwire.extraction.claims.phrases import Phrase, phrase_before, phrase_of, tokens
from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import NUMBER_WORDS
from factwire.extraction.language.function_words import (
    COORDINATORS,
    DETERMINERS,
    FUNCTION_WORDS,
    INDEFINITE_ARTICLES,
    PHRASE_BOUNDARY,
    PHRASE_SKIP,
)
from factwire.extraction.language.function_words import LINKING_PREPOSITIONS as POST_HEAD
from factwire.extraction.language.function_words import RELATIVE_PRONOUNS as SUBJECT_ENDS
from factwire.extraction.language.name_words import NOT_PEOPLE
from factwire.extraction.language.speaker_words import SHARE_LEADS, SHARE_WORDS, SURVEYED_WORDS

MAX_SUBJECT_WORDS = 16  # "many supporters who came to Philadelphia to protest ... say"
_SHARE_WORDS_MAX = 8  # "more than four in 10 likely Republican voters"
_ASIDE_CHARS = 120
_NOT_SHARE_ENDS = FUNCTION_WORDS - SHARE_WORDS  # made once, not per cue


def words_follow(body: str, pos: int) -> bool:
    """Whether a word, not punctuation, comes next after ``pos``."""
    rest = body[pos : pos + 3].lstrip()
    return rest[:1].isalnum()


def opening_subject(body: str, start: int, cue_start: int) -> Phrase | None:
    """`At least half of the voters in each state say ...`: a long subject that opens the
    sentence and runs up to a speech verb, when no shorter speaker phrase is found before it."""
    if body.find(",", start, cue_start) >= 0:
        return None  # a comma is a token of its own, which no word of the subject may be
    words = tokens(body, start, cue_start)
    while words and words[0].lower in COORDINATORS:
        words = words[1:]
    if not 2 <= len(words) <= MAX_SUBJECT_WORDS or any(not t.text[0].isalnum() for t in words):
        return None
    cut = next((k for k, t in enumerate(words) if k and t.lower in SUBJECT_ENDS), len(words))
    words = words[:cut]  # "supporters who came to protest": the head before the clause
    last = words[-1].lower
    if last in FUNCTION_WORDS or last in PHRASE_SKIP or last.endswith(("ly", "ing", "ed")):
        return None  # "She has since", "The star then", "the poll is showing"
    nouns = lexicon().speaker_nouns
    if not any(t.lower in nouns or t.lower.rstrip("s") in nouns for t in words):
        return None
    return phrase_of(body, words)


def before_dashes(body: str, start: int, cue_start: int) -> Phrase | None:
    """`Jane Roe — a teacher from Dayton — says ...`: the speaker before an aside set off by
    dashes right before the cue."""
    end = cue_start
    while end > start and body[end - 1].isspace():
        end -= 1
    if end <= start or body[end - 1] not in "—–-":
        return None
    while end > start and body[end - 1] in "—–-":
        end -= 1
    opening = max(body.rfind(d, max(start, end - _ASIDE_CHARS), end) for d in ("—", "–", "--"))
    return phrase_before(body, start, opening) if opening > start else None


def share_subject(body: str, start: int, cue_start: int) -> Phrase | None:
    """`Most say ...`, `three-quarters of the voters said`, `47% believe`, `one in three said`,
    `those surveyed said`: a share of a group, as polls report them, speaks for its part."""
    words = tokens(body, max(start, cue_start - 60), cue_start)
    while words and (words[-1].lower in PHRASE_SKIP or words[-1].lower.endswith("ly")):
        words.pop()
    k = len(words)
    while k > 0 and len(words) - k < _SHARE_WORDS_MAX:
        low = words[k - 1].lower
        if low in PHRASE_BOUNDARY or (not low[0].isalnum() and low != "%"):
            break
        k -= 1
    run = words[k:]
    lead = 0
    while lead < len(run) - 1 and run[lead].lower in SHARE_LEADS:
        lead += 1
    if not run or run[-1].lower in _NOT_SHARE_ENDS:
        return None
    first = run[lead].lower
    surveyed = first == "those" and len(run) > lead + 1 and run[lead + 1].lower in SURVEYED_WORDS
    if not (surveyed or first in SHARE_WORDS or first in NUMBER_WORDS or first[0].isdigit()):
        return None
    return phrase_of(body, run)


def names_someone(phrase: Phrase) -> bool:
    """A pronoun or a short name ("Smith", "Smith's campaign"), not a long noun phrase."""
    if phrase.pronoun:
        return True
    named = [t for t in phrase.tokens if t.capitalized and t.lower not in DETERMINERS]
    return (bool(named) and len(phrase.tokens) - len(named) <= 2) or _a_speaker(phrase)


def _a_speaker(phrase: Phrase) -> bool:
    """A description headed by a noun of ``speaker_nouns.txt``: people, bodies and writings
    ("a spokeswoman for the firm", "aides", "the campaign", "the report"); a body named
    with "a" ("a group", "a company") only introduces a name."""
    head = next(
        (phrase.tokens[k - 1] for k, t in enumerate(phrase.tokens) if k and t.lower in POST_HEAD),
        phrase.tokens[-1],
    ).lower
    if phrase.tokens[0].lower in INDEFINITE_ARTICLES and head in NOT_PEOPLE:
        return False  # "a group called the Friends of ...": naming, not judging
    return head in lexicon().speaker_nouns


def reports_bare(phrase: Phrase) -> bool:
    """Whether a weak cue reports without "that" after this speaker: someone named ("Smith
    knows the plan failed") or a writing or record ("The poll shows Smith ahead")."""
    return names_someone(phrase) or any(t.lower in lexicon().writings for t in phrase.tokens)
