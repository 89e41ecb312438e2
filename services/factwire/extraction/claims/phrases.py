"""Speaker phrases next to a reporting cue, found by word-level rules (no parser).

``phrase_before`` reads leftwards from a cue ("the former secretary of state | said"),
``phrase_after`` rightwards ("said | John Smith, the chief executive"). Both look at a bounded
window, so their cost does not grow with the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import TIME_WORDS as _TIME_WORDS
from factwire.extraction.language.function_words import ADVERB_OPENERS as _ADVERB_OPENERS
from factwire.extraction.language.function_words import CLAUSE_LEADS as _CLAUSE_LEADS
from factwire.extraction.language.function_words import CLAUSE_OPENERS as _CLAUSE_OPENERS
from factwire.extraction.language.function_words import DESCRIPTION_OPENERS as _DESCRIPTION_OPENERS
from factwire.extraction.language.function_words import DETERMINERS, PRONOUNS
from factwire.extraction.language.function_words import PHRASE_BOUNDARY as _BOUNDARY
from factwire.extraction.language.function_words import PHRASE_SKIP as _SKIP
from factwire.extraction.language.function_words import PREPOSITIONS as _PREPOSITIONS
from factwire.extraction.language.function_words import SHARED_SUBJECT as _SHARED_SUBJECT
from factwire.extraction.language.function_words import TIME_LEADS as _TIME_LEADS
from factwire.extraction.language.function_words import TIME_PHRASE_ENDS as _TIME_PHRASE_ENDS
from factwire.extraction.language.name_words import PERSON_SUFFIXES as _PERSON_SUFFIXES

WINDOW = 160
MAX_WORDS = 12

_TITLES = lexicon().title_abbreviations
# Each alternative is tried at every word: the first two fail on their first character for
# most words ("U.S." needs a dot second, a title one of the titles' first letters). The first
# line is a shortcut for the common case, a word of letters that no dot follows: none of the
# next three alternatives can match it, so it is the word the fourth would find.
_TOKEN = re.compile(
    r"[A-Za-z][\w'’&-]*+(?!\.)"
    r"|[A-Za-z]\.(?:[A-Za-z]\.)+"  # U.S., D.C.
    rf"|(?=[{re.escape(''.join(sorted({t[0] for t in _TITLES})))}])"
    rf"(?:{'|'.join(_TITLES)})\.(?!\w)"
    r"|[A-Z]\.(?=\s[A-Z][a-z])"  # a middle initial: Jeffrey M. Jones
    r"|[^\W_][\w'’&-]*"
    r"|[^\w\s]"
)
_AGE = re.compile(r"\d+-year-old")
_PHRASE_ENDERS = _PREPOSITIONS | DETERMINERS  # no phrase ends in "of" or "the"
_STOP_PUNCT = frozenset(",;:()[]{}\"“”‘’«»—–!?.…'")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a tuple: cheap to make by the thousand)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


class Phrase(NamedTuple):
    """A candidate speaker: its words and where they are (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def pronoun(self) -> str | None:
        if len(self.tokens) == 1 and self.tokens[0].lower in PRONOUNS:
            return self.tokens[0].lower
        return None


_new_token = tuple.__new__


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` with their offsets."""
    # tuple.__new__ makes the named tuple without the Python-level constructor (hot: called per
    # cue and per quote)
    return [
        _new_token(Token, (m[0], m.start(), m.end())) for m in _TOKEN.finditer(text, start, end)
    ]


def phrase_before(text: str, lo: int, cue_start: int) -> Phrase | None:
    """The speaker phrase ending just before a cue that starts at ``cue_start``."""
    window = tokens(text, max(lo, cue_start - WINDOW), cue_start)
    i = len(window) - 1
    i = _skip_adverbials(window, i)
    if i < 0:
        return None
    if window[i].lower == "who" and i >= 1:
        i -= 2 if window[i - 1].text == "," else 1  # "Smith, who said": the phrase before
    elif window[i].text == "," and i >= 1 and window[i - 1].text == ")":
        i -= 1  # "Sen. Smith (R-Texas), said"
    elif window[i].text == "," and i >= 1:
        i = _skip_apposition(window, i)
        if i < 0:
            return None
        aside = _aside_start(window, i)
        i = aside if aside >= 0 else i
    if window[i].text == ")":  # "Sen. Smith (R-Texas) said"
        opening = next((k for k in range(i - 1, max(-1, i - 8), -1) if window[k].text == "("), -1)
        i = opening - 1
        if i < 0:
            return None
    if window[i].lower in PRONOUNS:
        return phrase_of(text, window[i : i + 1])
    j = i
    while j >= 0 and i - j < MAX_WORDS and _np_word(window[j]):
        j -= 1
    words = _trim_leading(window[j + 1 : i + 1])
    return _validated(text, words)


def phrase_after(text: str, start: int, hi: int, *, loose: bool = False) -> Phrase | None:
    """The speaker phrase starting right after a cue (``said Smith``, ``according to X``)."""
    window = tokens(text, start, min(hi, start + WINDOW))
    words: list[Token] = []
    for tok in window:
        if len(words) >= MAX_WORDS or tok.text in _STOP_PUNCT:
            break
        low = tok.lower
        if words and (low in _TIME_WORDS or (low in _TIME_LEADS and not loose)):
            break
        if low in _BOUNDARY and not (loose and low == "to"):
            break
        if not loose and low in _PREPOSITIONS and low not in ("of", "for", "at", "from"):
            break
        words.append(tok)
    while words and words[-1].lower in _PHRASE_ENDERS:
        words.pop()
    if words and words[0].lower in PRONOUNS and len(words) > 1:
        words = words[:1]
    phrase = _validated(text, words)
    if phrase is None and len(words) > 2 and words[-1].lower not in _PREPOSITIONS:
        phrase = _validated(text, words[:-1])  # "a person close | to the campaign"
    return phrase


def shared_subject(text: str, lo: int, cue_start: int) -> Phrase | None:
    """`Smith did not name them, but told the crowd: ...` / `Smith was prompted to say`: a cue
    after "and"/"but"/"to" shares the subject that opens the clause."""
    window = tokens(text, max(lo, cue_start - 24), cue_start)
    if not window or window[-1].lower not in _SHARED_SUBJECT:
        return None
    return subject_phrase(text, lo, cue_start)


def subject_phrase(text: str, start: int, end: int) -> Phrase | None:
    """The name or pronoun opening a clause ("Smith's campaign shrugged ..." -> "Smith's
    campaign"): capitalised words, a pronoun, and after them at most a speaker noun or, after a
    possessive, two words."""
    opening = tokens(text, start, min(end, start + WINDOW))
    dateline = _dateline_end(opening)
    if dateline >= 0:
        opening = opening[dateline:]
        start = opening[0].start if opening else end
    opener = opening[0].lower if opening else ""
    if (
        opener in _CLAUSE_OPENERS
        or opener.endswith(("ing", "ly"))
        or _time_phrase(opening)
        or _led_clause(opening)
    ):
        comma = next((t for t in opening[1:16] if t.text == ","), None)
        if comma is None:  # "Prior to the vote, Smith ...": the subject follows the comma
            return None
        start = comma.end
    elif opener in _ADVERB_OPENERS and len(opening) > 1:
        # "Back in 1999, Smith ...", "Instead, the senator ...", "Yet Smith ...": the subject
        # follows the adverbial, up to a comma when no name comes before it
        comma = next((t for t in opening[1:7] if t.text == ","), None)
        named = comma is not None and any(
            t.capitalized for t in opening[1:7] if t.start < comma.start
        )
        k = 1
        while k + 1 < len(opening) and opening[k].lower in _ADVERB_OPENERS:
            k += 1  # "And then Smith ..."
        if comma is not None and opening[k].lower in _TIME_WORDS:
            named = False  # "Also Monday, Smith ...": a day, not the subject
        start = comma.end if comma is not None and not named else opening[k].start
    phrase = phrase_after(text, start, end)
    if phrase is None or phrase.pronoun:
        return phrase
    first = phrase.tokens[0]
    opens_with_name = first.capitalized and first.lower not in DETERMINERS
    if not opens_with_name and (len(phrase.tokens) < 2 or not phrase.tokens[1].capitalized):
        return None
    kept = _subject_words(phrase.tokens)
    return phrase_of(text, kept) if kept else None


def _subject_words(words: tuple[Token, ...]) -> list[Token]:
    """The words of a subject: capitalised words and, after them, at most a speaker noun, or
    two words after a possessive or an opening article ("the Vermont senator")."""
    kept: list[Token] = []
    loose = 0
    for tok in words:
        if tok.capitalized:
            kept.append(tok)
            continue
        if kept and kept[-1].text.endswith(("'s", "’s")):
            loose = 2
        if not kept and tok.lower in _DESCRIPTION_OPENERS:
            loose = 2  # the article and one word after the names
        if loose > 0 or tok.lower in lexicon().speaker_nouns:
            kept.append(tok)
            loose -= 1
            continue
        break
    return kept


def _dateline_end(opening: list[Token]) -> int:
    """The index of the first word after a dateline ("WASHINGTON (AP) —", "PARIS, Aug. 31
    (Reuters) -"): a place in capitals or a news agency in brackets, then a dash; -1 when the
    clause opens with none."""
    for k, tok in enumerate(opening[:12]):
        if tok.text in "-—–":
            first = opening[0].text
            dated = (first.isupper() and len(first) > 1) or (k and opening[k - 1].text == ")")
            return k + 1 if dated and k + 1 < len(opening) else -1
    return -1


def _time_phrase(opening: list[Token]) -> bool:
    """Whether the clause opens with a time phrase set off by a comma ("Minutes later,", "Eight
    years ago,"): its subject follows the comma."""
    comma = next((k for k, t in enumerate(opening[:5]) if t.text == ","), 0)
    return comma > 1 and opening[comma - 1].lower in _TIME_PHRASE_ENDS


def _led_clause(opening: list[Token]) -> bool:
    """Whether the clause opens with a word that leads a clause opener ("Even before the vote,",
    "Ever since she won,", "Here in Ohio,"): its subject follows the comma."""
    return (
        len(opening) > 2
        and opening[0].lower in _CLAUSE_LEADS
        and opening[1].lower in _CLAUSE_OPENERS
    )


def addressee_end(text: str, pos: int, limit: int) -> int:
    """Where the addressee of a "told"-like verb ending at ``pos`` ends ("told | reporters",
    "told | the crowd", "told | CNN"): capitalised words and articles, up to four words, the
    first other word ending it; not past punctuation. A "that" within five words ends it ("told
    a gathering of donors | that", "told Politico, however, | that"), unless a participle after
    a comma opens a clause of its own first ("told the group, adding that"). ``pos`` when there
    is none."""
    follow = tokens(text, pos, min(limit, pos + 80))
    for k, tok in enumerate(follow[:5]):
        if tok.lower == "that":
            return tok.start
        if k and follow[k - 1].text == "," and tok.lower.endswith("ing"):
            break  # "told the group, adding that": a new clause
    end = pos
    for tok in follow[:4]:
        if tok.text in ',.;:!?"“”':
            break
        end = tok.end
        if not tok.capitalized and tok.lower not in ("the", "a", "an", "his", "her", "their"):
            break
    return end


def _skip_adverbials(window: list[Token], i: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases between a subject and its verb."""
    while i >= 0:
        low = window[i].lower
        if low in _SKIP or (low.endswith("ly") and len(low) > 5 and not window[i].capitalized):
            i -= 1  # "Smith also said", "Smith hardly clarified", "Smith angrily replied"
        elif low in _TIME_WORDS:
            i -= 1
            if i >= 0 and window[i].lower in _TIME_LEADS:
                i -= 1
        else:
            break
    return i


def _aside_start(window: list[Token], i: int) -> int:
    """The word before an aside set off by commas between a name and its cue ("Roe, speaking
    at a rally in Dover, warned", "Roe, during a town hall in Dover, said": the aside opens
    with a participle or a preposition), else -1."""
    j = i
    while j >= 0 and i - j < MAX_WORDS and _np_word(window[j]):
        j -= 1
    if j < 1 or window[j].text != "," or not window[j - 1].capitalized:
        return -1
    first = window[j + 1].lower
    if first in _CLAUSE_OPENERS or (first.endswith("ing") and len(first) > 5):
        return j - 1
    return -1


def _skip_apposition(window: list[Token], comma: int) -> int:
    """``Smith, the chief executive, said``: the index of the word before the first comma."""
    for k in range(comma - 1, max(-1, comma - 2 * MAX_WORDS - 1), -1):
        if window[k].text == ",":
            return k - 1 if k >= 1 and window[k - 1].text not in _STOP_PUNCT else -1
        if window[k].text in _STOP_PUNCT and window[k].text != ".":  # "Smith, R-Ky., said"
            return -1
    return -1


def _np_word(tok: Token) -> bool:
    if tok.text in _STOP_PUNCT:
        return False
    low = tok.lower
    if low in _BOUNDARY or low in lexicon().strong_cues or low in lexicon().weak_cues:
        return False
    return not (low in PRONOUNS and not tok.capitalized and low != "i")


def _trim_leading(words: list[Token]) -> list[Token]:
    """Drop an opening prepositional phrase: "In an interview Smith" -> "Smith"."""
    if not words or words[0].lower not in _PREPOSITIONS:
        return words
    k = len(words)
    while k > 0 and (words[k - 1].capitalized or words[k - 1].text in "'’"):
        k -= 1
    return words[k:]


def _validated(text: str, words: list[Token]) -> Phrase | None:
    while words and words[0].text in _STOP_PUNCT:
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return phrase_of(text, words)
    if words[-1].lower in _PHRASE_ENDERS:
        return None
    named = any(w.capitalized and w.lower not in DETERMINERS for w in words)
    return phrase_of(text, words) if named or _headed_by_a_speaker_noun(words) else None


def _headed_by_a_speaker_noun(words: list[Token]) -> bool:
    """ "the 46-year-old", "a senior official", "the head of the agency", "analysts", "one of
    the advisers"."""
    head = words[-1]
    if _AGE.fullmatch(head.lower):
        return True
    for k, w in enumerate(words):
        if k > 0 and w.lower in _PREPOSITIONS:
            if w.lower == "of" and words[k - 1].lower in DETERMINERS:
                continue  # "one of those advisers": the head is the noun after "of"
            head = words[k - 1]
            break
    low = head.lower
    nouns = lexicon().speaker_nouns
    return (
        low in nouns
        or (len(low) > 4 and low.endswith(_PERSON_SUFFIXES))
        or (low.endswith("s") and low[:-1] in nouns)
    )


def phrase_of(text: str, words: Sequence[Token]) -> Phrase:
    """The phrase of ``text`` that runs from the first of ``words`` to the last."""
    start, end = words[0].start, words[-1].end
    return Phrase(text[start:end], start, end, tuple(words))
