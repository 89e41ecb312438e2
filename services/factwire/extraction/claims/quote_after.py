"""Who is quoted, by the words right after a closing quotation mark.

`AFTER_QUOTE` lists the patterns in priority order (`"...," Smith said`, `"...," said Smith`,
`"..." ― Smith`); `quotes.attribute_quotes` tries them before the `quote_before` ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from factwire.extraction.claims.drafts import Attribution
from factwire.extraction.claims.marks import Quote
from factwire.extraction.claims.phrases import (
    Phrase,
    Token,
    addressee_end,
    phrase_after,
    phrase_before,
    phrase_of,
    tokens,
)
from factwire.extraction.language import lexicon
from factwire.extraction.language.amounts import TIME_WORDS
from factwire.extraction.language.function_words import DETERMINERS, PREPOSITIONS
from factwire.extraction.language.patterns import QUOTE_SETTING

_AFTER_WINDOW = 240
_CUE_SEARCH_WORDS = 8
_DASHES = frozenset("―—–-")
_CLAUSE_END = frozenset('.,;:!?"“”')
_OPEN_ENDED = ",?!—–-…"
_NESTED_CLOSERS = " '’"
_CUE_OBJECT_VERBS = lexicon().object_verbs
_DESCRIPTION_WORDS = 7  # at most so many words between a quote and its cue make a description
_SETTING_WORDS = PREPOSITIONS | TIME_WORDS


class AfterQuote(NamedTuple):
    """The words after a closed quotation (up to the next quote or the end of its paragraph),
    read once for the `AFTER_QUOTE` patterns (a tuple: one is made for every quote)."""

    body: str
    quote: Quote
    region_end: int
    words: list[Token]
    lead: int  # 1 when a comma or dash sets the attribution off (`"...," said`), else 0
    ends_sentence: bool  # `"... are missing." Smith said.`: the quote ends its sentence
    cue_at: int  # index in ``words`` of a cue within a few words of the quote, else -1
    cue: re.Match[str] | None
    open_scan: bool  # no known cue within those few words or before the clause ends


# tuple.__new__: the named tuple without its Python-level constructor (one per quote)
_new_site = tuple.__new__


def after_quote(body: str, quote: Quote, region_end: int) -> AfterQuote | None:
    hi = min(region_end, quote.end + _AFTER_WINDOW)
    if not quote.closed or hi <= quote.end:
        return None  # (an empty window has no tokens: the next quote or paragraph end follows)
    words = tokens(body, quote.end, hi)
    if not words:
        return None
    last_inner = _last_spoken_char(body, quote)
    lead = 1 if words[0].text in (",", "—", "–") else 0
    ends_sentence = not lead and last_inner not in _OPEN_ENDED and not words[0].text[:1].islower()
    cue_at, cue, open_scan = -1, None, False
    if not ends_sentence:
        cue_at, cue, open_scan = _first_cue(body, words, lead)
    fields = (body, quote, region_end, words, lead, ends_sentence, cue_at, cue, open_scan)
    return _new_site(AfterQuote, fields)


def _last_spoken_char(body: str, quote: Quote) -> str:
    """The last character of the quoted words, behind the closing mark of a quote nested at
    its end: `"... he said, 'I sort of hope that happens,'" Clinton told` ends in a comma."""
    inner = body[max(quote.inner_start, quote.close - 8) : quote.close].rstrip(_NESTED_CLOSERS)
    return inner[-1:]


def _first_cue(body: str, words: list[Token], lead: int) -> tuple[int, re.Match[str] | None, bool]:
    """The first cue among the few words after ``lead``, unless the clause ends before it;
    punctuation does not count as a word (`Rep. Jane Roe (D-Md.) said`)."""
    cue_pattern = lexicon().quote_cue_pattern
    counted = 0
    for k in range(lead, len(words)):
        if _ends_clause(words, k):
            return -1, None, True  # the clause ends without a known cue
        cue = cue_pattern.match(body, words[k].start)
        if cue is not None:
            return k, cue, False
        counted += words[k].text[:1].isalnum()
        if counted >= _CUE_SEARCH_WORDS:
            break
    return -1, None, True


def _dash_then_name(site: AfterQuote) -> Attribution | None:
    """`"..." ― Jane Roe.`: a name after a dash, alone up to the end of its clause."""
    words = site.words
    if words[0].text not in _DASHES or len(words) < 2 or not words[1].capitalized:
        return None
    phrase = phrase_after(site.body, words[1].start, words[-1].end)
    if phrase is None or phrase.pronoun or not phrase.tokens[0].capitalized:
        return None
    rest = [t for t in words[1:] if t.start >= phrase.end]
    if rest and rest[0].text not in (".", "/"):
        return None
    return Attribution(phrase)


def _attribution_sentence(site: AfterQuote) -> Attribution | None:
    """`"... are missing." Smith said.`: a quote ending its sentence, then a short sentence
    that is only its attribution."""
    if not site.ends_sentence:
        return None
    body, words = site.body, site.words
    cue_pattern = lexicon().quote_cue_pattern
    for k, tok in enumerate(words[:5]):
        if tok.text in _CLAUSE_END:
            return None
        cue = cue_pattern.match(body, tok.start)
        if cue is None or k == 0:
            continue
        follow = [t for t in words[k + 1 : k + 4] if not t.capitalized]
        if not follow or follow[0].text != ".":
            return None
        phrase = phrase_before(body, words[0].start, cue.start())
        return Attribution.by_cue(phrase, cue) if phrase is not None else None
    return None


def _cue_next_to_speaker(site: AfterQuote) -> Attribution | None:
    """`"...," Smith said` / `"...," said Smith, the chief executive` / `"...?" she asked`."""
    if site.cue is None:
        return None
    body, cue, lead_word = site.body, site.cue, site.words[site.lead]
    if site.cue_at == site.lead:
        phrase = phrase_after(body, cue.end(), site.region_end)
    else:
        phrase = _speaker_starting_at(body, lead_word.start, cue.start())
    return cue_with_object(body, cue, site.region_end, phrase) if phrase is not None else None


def _described_writer_then_cue(site: AfterQuote) -> Attribution | None:
    """`"...," the release said.` / `"...," the suit reads.` / `"...," the committee chairmen
    wrote.`: right after a quote, a short noun phrase opened by a determiner and then a cue
    that ends the clause make the phrase a speaker, whatever its noun; the cue may be followed
    by a setting or an addressee (`the senator said in a statement`, `the doctor told CNN`)."""
    if site.cue is None or not 1 <= site.cue_at - site.lead <= _DESCRIPTION_WORDS:
        return None
    words, cue = site.words, site.cue
    named = words[site.lead : site.cue_at]
    if named[0].lower not in DETERMINERS or not all(t.text[:1].isalpha() for t in named):
        return None
    following = next((t for t in words[site.cue_at + 1 :] if t.start >= cue.end()), None)
    if (
        following is not None
        and following.text not in ".,;"
        and not _setting_or_addressee(following, cue.group())
    ):
        return None
    phrase = phrase_of(site.body, named)
    return Attribution.by_cue(phrase, cue)


def _setting_or_addressee(following: Token, cue: str) -> bool:
    """Whether the word after a cue opens its setting ("in a statement", "on Tuesday") or the
    addressee of a verb like "told"."""
    return following.lower in _SETTING_WORDS or cue.lower() in _CUE_OBJECT_VERBS


def _unknown_verb_then_name(site: AfterQuote) -> Attribution | None:
    """`"...!" beamed Smith` / `"...," agrees Smith`: a verb in the past or present tense that is
    no known cue, then a name (a known cue further on is another clause's)."""
    if not site.open_scan and site.cue_at <= site.lead + 2:
        return None
    body, words = site.body, site.words[site.lead :]
    if len(words) < 2 or not _looks_like_verb(words[0]) or not words[1].capitalized:
        return None
    phrase = phrase_after(body, words[0].end, words[-1].end)
    if phrase is None or not any(t.capitalized for t in phrase.tokens):
        return None
    return Attribution.by_cue(phrase, words[0])


def _name_then_unknown_verb(site: AfterQuote) -> Attribution | None:
    """`"...," an angry Smith retorted.`: a name, then a verb in the past or present tense that
    is no known cue, then the end of the clause."""
    if not site.open_scan:
        return None
    body, words = site.body, site.words[site.lead :]
    for k, tok in enumerate(words[:6]):
        if tok.text in _CLAUSE_END:
            return None
        if k and _looks_like_verb(tok) and not tok.capitalized:
            following = words[k + 1].text if k + 1 < len(words) else "."
            if following not in _CLAUSE_END:
                return None
            phrase = _speaker_starting_at(body, words[0].start, tok.start)
            if phrase is None or not (phrase.pronoun or any(t.capitalized for t in phrase.tokens)):
                return None
            return Attribution.by_cue(phrase, tok)
    return None


def _name_with_apposition(site: AfterQuote) -> Attribution | None:
    """`"...," Smith, the long-serving senator from Ohio and a critic of the plan, said.`"""
    if not site.open_scan:
        return None
    body, words = site.body, site.words[site.lead :]
    comma = next((k for k, t in enumerate(words[:7]) if t.text == ","), None)
    if comma is None or comma == 0 or not any(t.capitalized for t in words[:comma]):
        return None
    cue_pattern = lexicon().quote_cue_pattern
    for k in range(comma + 1, min(len(words), comma + 30)):
        if _ends_clause(words, k):
            return None
        cue = cue_pattern.match(body, words[k].start)
        if cue is not None and words[k - 1].text == ",":
            phrase = phrase_before(body, words[0].start, words[comma].start)
            return Attribution.by_cue(phrase, cue) if phrase is not None else None
    return None


# The patterns that attribute a quote by the words after it, in priority order: the first that
# finds a speaker wins. A new pattern is a function of `AfterQuote` and a line here.
AFTER_QUOTE: tuple[Callable[[AfterQuote], Attribution | None], ...] = (
    _dash_then_name,
    _attribution_sentence,
    _cue_next_to_speaker,
    _described_writer_then_cue,
    _unknown_verb_then_name,
    _name_then_unknown_verb,
    _name_with_apposition,
)


def _speaker_starting_at(body: str, start: int, cue_start: int) -> Phrase | None:
    """The speaker phrase before a cue, only if it starts right at ``start`` (just after the
    quote): in `"a couple clicks" because of Smith's remarks` nobody is quoted."""
    phrase = phrase_before(body, start, cue_start)
    return phrase if phrase is not None and phrase.start == start else None


def _looks_like_verb(tok: Token) -> bool:
    """A past or present tense form ("retorted", "quips") standing alone after a name."""
    low = tok.lower
    return len(low) > 3 and (low.endswith("ed") or (low.endswith("s") and not low.endswith("ss")))


def _ends_clause(words: list[Token], k: int) -> bool:
    """Whether token ``k`` ends the clause after a quote: sentence punctuation or a quotation
    mark; a period inside "(D-Wis.)" or before a comma ("R-Ky., said") does not."""
    text = words[k].text
    if text in '!?;"“”':
        return True
    if text != ".":
        return False
    following = words[k + 1].text if k + 1 < len(words) else ""
    return following not in (",", ")")


def cue_with_object(body: str, cue: re.Match[str], limit: int, speaker: Phrase) -> Attribution:
    """The cue as written, with the addressee of "told" and a setting ("in a statement")."""
    end = cue.end()
    if cue.group().lower() in _CUE_OBJECT_VERBS:
        stop = speaker.start if speaker.start >= end else limit
        end = addressee_end(body, end, min(limit, stop))
        while end > cue.end() and body[end - 1] in " \t\n,":
            end -= 1  # "told reporters, that": the addressee ends at its last word
    setting = QUOTE_SETTING.match(body, end, limit)
    if setting is not None:
        end = setting.end()
    return Attribution.by_cue(speaker, cue, text=" ".join(body[cue.start() : end].split()), end=end)
