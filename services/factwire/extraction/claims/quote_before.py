"""Who is quoted, by the clause right before an opening quotation mark.

`BEFORE_QUOTE` lists the patterns in priority order (`Smith said: "..."`, `According to Smith,
"..."`, `Smith was blunt: "..."`), tried when none of `quote_after.AFTER_QUOTE` found a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Attribution
from factwire.extraction.claims.marks import Quote
from factwire.extraction.claims.phrases import (
    Phrase,
    phrase_after,
    phrase_before,
    phrase_of,
    shared_subject,
    subject_phrase,
    tokens,
)
from factwire.extraction.claims.quote_after import cue_with_object
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import DETERMINERS
from factwire.extraction.language.patterns import ACCORDING_TO as _ACCORDING_TO

_INVERTED = lexicon().inverted_verbs
_DESCRIPTION_WORDS = 4  # at most so many words make a description before a cue and a colon
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?=\S)(.{2,160}?)\s+(puts?\s+it)\s*[,:]?$", re.DOTALL)
# The letters of the first token after white space (`tokens` skips only white space and "_"): a
# token of ASCII letters alone, as every inverted verb is, ends where the run of letters ends.
_FIRST_LETTERS = re.compile(r"[\s_]*+([A-Za-z]+)")


class BeforeQuote(NamedTuple):
    """The words before a quotation's opening mark, from the start of its sentence (not before
    the previous quote), for the `BEFORE_QUOTE` patterns (a tuple: one is made per quote)."""

    ctx: ClaimContext
    quote: Quote
    lo: int
    lead: str  # ``body[lo:quote.open]`` without trailing space


_new_site = tuple.__new__


def before_quote(ctx: ClaimContext, region_start: int, quote: Quote) -> BeforeQuote:
    lo = region_start
    sentence = ctx.sentences[ctx.sentence_index(quote.open)] if ctx.sentences else None
    if sentence is not None and sentence.start < quote.open:
        lo = max(lo, sentence.start)
    # tuple.__new__: the named tuple without its Python-level constructor
    return _new_site(BeforeQuote, (ctx, quote, lo, ctx.body[lo : quote.open].rstrip()))


def _speaker_and_cue_before(site: BeforeQuote) -> Attribution | None:
    """`Smith said: "..."` / `Smith told reporters, "..."` / `Smith reacted, saying: "..."`:
    the last cue shortly before the mark, and the speaker before the cue."""
    body, lo, opening = site.ctx.body, site.lo, site.quote.open
    cues = list(lexicon().quote_cue_pattern.finditer(body, max(lo, opening - 200), opening))
    cue = cues[-1] if cues else None
    # tokens are disjoint and non-empty: fewer than 8 characters hold at most 7 of them
    if cue is None or (opening - cue.end() > 7 and len(tokens(body, cue.end(), opening)) > 7):
        return None
    phrase = phrase_before(body, lo, cue.start()) or shared_subject(body, lo, cue.start())
    if cue.group().endswith("ing"):  # "Smith reacted, saying: ..."
        phrase = subject_phrase(body, lo, cue.start())
    return cue_with_object(body, cue, opening, phrase) if phrase is not None else None


def _according_to_before(site: BeforeQuote) -> Attribution | None:
    """`According to Smith, "..."`."""
    body, opening = site.ctx.body, site.quote.open
    found = list(_ACCORDING_TO.finditer(body, max(site.lo, opening - 200), opening))
    according = found[-1] if found else None
    if according is None:
        return None
    phrase = phrase_after(body, according.end(), opening, loose=True)
    if phrase is None:
        return None
    return Attribution(phrase, "according to", according.start(), according.end())


def _as_speaker_put_it(site: BeforeQuote) -> Attribution | None:
    """`As Jane Roe, a professor of law, put it, "..."`."""
    found = _AS_PUT_IT.search(site.lead)
    if found is None:
        return None
    body, start = site.ctx.body, site.lo + found.start(1)
    phrase = phrase_after(body, start, site.lo + found.end(1), loose=True)
    if phrase is None or phrase.start != start or phrase.pronoun:
        return None
    cue_start, cue_end = site.lo + found.start(2), site.lo + found.end(2)
    return Attribution(phrase, " ".join(body[cue_start:cue_end].split()), cue_start, cue_end)


def _name_before_colon(site: BeforeQuote) -> Attribution | None:
    """`... surprise Republican pollster Jane Roe: "..."` / `More from Roe and Poe: "..."`: a
    person named right before the colon that opens the quote."""
    if not _ends_in_colon(site.lead):
        return None
    ctx = site.ctx
    colon = site.lo + len(site.lead) - 1
    for m in ctx.mentions_before(colon + 1, 1):
        if m.entity.type != "PERSON" or ctx.body[m.end : colon].strip():
            return None
        words = tuple(tokens(ctx.body, m.start, m.end))
        return Attribution(Phrase(ctx.body[m.start : m.end], m.start, m.end, words))
    return None


def _description_and_cue_before_colon(site: BeforeQuote) -> Attribution | None:
    """`The letter continued: "..."` / `The senator wrote: "..."`: a clause of a short noun phrase
    opened by a determiner and a cue, ending in the colon that opens the quote."""
    if not _ends_in_colon(site.lead):
        return None
    body = site.ctx.body
    words = tokens(body, site.lo, site.lo + len(site.lead) - 1)
    if not 2 <= len(words) <= _DESCRIPTION_WORDS + 1 or words[0].lower not in DETERMINERS:
        return None
    cue = lexicon().quote_cue_pattern.match(body, words[-1].start)
    if cue is None or cue.end() != words[-1].end or not all(t.text.isalpha() for t in words):
        return None
    named = words[:-1]
    phrase = phrase_of(body, named)
    return Attribution.by_cue(phrase, cue)


def _clause_before_colon(site: BeforeQuote) -> Attribution | None:
    """`Smith was blunt: "..."`: the subject of the clause ending in a colon."""
    if not _ends_in_colon(site.lead):
        return None
    return _subject_before_colon(site.ctx.body, site.lo, site.quote.open)


def _paragraph_ending_in_colon(site: BeforeQuote) -> Attribution | None:
    """A paragraph of quotation after one that ends with a colon ("Smith told the crowd:")."""
    ctx, quote = site.ctx, site.quote
    if site.lo != ctx.line_of(quote.open).start or quote.open != site.lo:
        return None
    index = ctx.line_index(quote.open)
    if index == 0:
        return None
    previous = ctx.lines[index - 1]
    if ctx.body[previous.end - 1] != ":" or previous.end - previous.start > 400:
        return None
    sentence = ctx.sentences[ctx.sentence_index(previous.end - 1)]
    lo = max(sentence.start, previous.start)
    cues = list(lexicon().quote_cue_pattern.finditer(ctx.body, lo, previous.end))
    if cues:
        phrase = phrase_before(ctx.body, lo, cues[-1].start())
        if phrase is not None:
            return Attribution.by_cue(phrase, cues[-1])
    return _subject_before_colon(ctx.body, lo, previous.end - 1)


def _inverted_cue_opening(site: BeforeQuote) -> Attribution | None:
    """`Said Jane Roe, who grew up nearby, "..."`: a sentence opening with a cue written before
    its speaker."""
    body = site.ctx.body
    hi = min(site.quote.open, site.lo + 160)
    first = _FIRST_LETTERS.match(body, site.lo, hi)
    if first is None or first[1].lower() not in _INVERTED:
        return None  # saves the window's tokens: the first token is no inverted verb
    words = tokens(body, site.lo, hi)
    if len(words) < 2 or not words[0].capitalized or words[0].lower not in _INVERTED:
        return None
    phrase = phrase_after(body, words[0].end, site.quote.open)
    if phrase is None or phrase.pronoun:
        return None
    return Attribution.by_cue(phrase, words[0])


# The patterns that attribute a quote by the words before it, tried when none of `AFTER_QUOTE`
# found a speaker, in priority order. A new pattern is a function of `BeforeQuote` and a line here.
BEFORE_QUOTE: tuple[Callable[[BeforeQuote], Attribution | None], ...] = (
    _speaker_and_cue_before,
    _according_to_before,
    _as_speaker_put_it,
    _inverted_cue_opening,
    _name_before_colon,
    _description_and_cue_before_colon,
    _clause_before_colon,
    _paragraph_ending_in_colon,
)


def _ends_in_colon(lead: str) -> bool:
    return lead.endswith(":") and len(lead) > 1


def _subject_before_colon(body: str, lo: int, colon: int) -> Attribution | None:
    """The subject of the clause from ``lo`` to the colon, with its cue if it has one."""
    phrase = subject_phrase(body, lo, colon)
    if phrase is None:
        return None
    cue = next(lexicon().quote_cue_pattern.finditer(body, phrase.end, colon), None)
    return Attribution(phrase) if cue is None else Attribution.by_cue(phrase, cue)
