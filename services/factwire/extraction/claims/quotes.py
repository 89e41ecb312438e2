"""Direct quotations: who is quoted, and quotes inside sentences.

A quote (paired by `marks.find_quotes`) is attributed by the first of the `AFTER_QUOTE`
patterns that finds a speaker in the words right after it (`"...," Smith said`, `"...," said
Smith`), else by the first of the `BEFORE_QUOTE` patterns in the clause right before it (`Smith
said: "..."`); a quote with neither, set off on its own, continues the previous quote when it
follows it directly (`"A," she said. "B."`). A quote inside a sentence (`called the plan "a
disaster"`) is no direct quote: reported speech covers it, or `embedded_quotes` when nothing
else holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Attribution, Draft, continued_quote, first_match
from factwire.extraction.claims.marks import Quote
from factwire.extraction.claims.phrases import (
    Phrase,
    Token,
    addressee_end,
    phrase_after,
    phrase_before,
    shared_subject,
    subject_phrase,
    tokens,
)
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import DETERMINERS
from factwire.extraction.language.function_words import TITLE_SMALL_WORDS as _TITLE_SMALL_WORDS
from factwire.extraction.language.patterns import ACCORDING_TO as _ACCORDING_TO

_AFTER_WINDOW = 160
_CUE_SEARCH_WORDS = 8
_SET_OFF = ",:;.!?—–-("
_DASHES = frozenset("―—–-")
_CLAUSE_END = frozenset('.,;:!?"“”')
_OPEN_ENDED = ",?!—–-…"
_CUE_OBJECT_VERBS = lexicon().object_verbs
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?=\S)(.{2,160}?)\s+(puts?\s+it)\s*[,:]?$", re.DOTALL)
_SETTING = re.compile(
    r"\s+(?:in|on|during|via)\s+(?:an?|the|his|her|their)\s+"
    r"(?:statement|interview|email|tweet|speech|letter|post|op-ed|memo|press release)\b"
)


def attribute_quotes(ctx: ClaimContext, quotes: list[Quote]) -> list[Draft]:
    """Drafts for the quotes that stand as direct quotations, with their speaker phrases: the
    first pattern of `AFTER_QUOTE`, then of `BEFORE_QUOTE`, that finds a speaker; else the quote
    continues the previous one when it follows it directly."""
    body = ctx.body
    drafts: list[Draft] = []
    previous_line = -2  # the paragraph where the last direct quote closed
    for index, quote in enumerate(quotes):
        start, end = _content_bounds(body, quote)
        if end <= start or _looks_like_title(body, start, end):
            continue
        line = ctx.line_of(quote.open)
        earlier = quotes[index - 1].end if index else line.start
        later = quotes[index + 1].open if index + 1 < len(quotes) else line.end
        region_start = max(line.start, earlier)
        region_end = min(ctx.line_of(quote.close).end, later)
        attribution = first_match(AFTER_QUOTE, _after_quote(body, quote, region_end))
        if attribution is None:
            lead = body[region_start : quote.open].rstrip()
            if lead and lead[-1] not in _SET_OFF and not _spoken_sentence(body, lead, quote):
                continue  # a quote inside a sentence
            attribution = first_match(BEFORE_QUOTE, _before_quote(ctx, region_start, quote))
        if attribution is not None:
            drafts.append(attribution.draft("quote", start, end))
        elif _continues(ctx, quote, previous_line):
            drafts.append(continued_quote(start, end))
        else:
            continue
        previous_line = ctx.line_index(quote.close)
    return drafts


def _continues(ctx: ClaimContext, quote: Quote, previous_line: int) -> bool:
    """Whether an unattributed quote follows the last direct quote directly: in its paragraph,
    or opening the next one."""
    line_index = ctx.line_index(quote.open)
    return line_index == previous_line or (
        line_index == previous_line + 1 and quote.open == ctx.line_of(quote.open).start
    )


def _looks_like_title(body: str, start: int, end: int) -> bool:
    """`on "Sunday Morning Futures,"` / `"Orange is the New Black" star`: a name in title case
    (every word capitalised but short function words), not words anyone said."""
    if end - start > 120 or body[end - 1] in ".!?…":
        return False
    words = body[start:end].split()
    if len(words) < 2:
        return False
    return all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words[1:]
    ) and (words[0][:1].isupper() or words[0][:1].isdigit())


def _spoken_sentence(body: str, lead: str, quote: Quote) -> bool:
    """`She declared "What a night!"` / `by saying "Too many."`: a verb of speech right before
    the opening mark, without punctuation, and a quotation that ends the sentence."""
    if not quote.closed:
        return False
    verb = lead.rsplit(maxsplit=1)[-1]
    cues = lexicon()
    if verb not in cues.strong_cues and verb not in cues.quote_cues:
        return False
    inner = body[quote.inner_start : quote.close].rstrip()
    after = body[quote.end : quote.end + 2].lstrip(" ")
    return inner[-1:] in ".!?" or after[:1] in (".", "!", "?", "\n") or not after


def _content_bounds(body: str, quote: Quote) -> tuple[int, int]:
    start, end = quote.inner_start, quote.close
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class AfterQuote:
    """The words after a closed quotation (up to the next quote or the end of its paragraph),
    read once for the `AFTER_QUOTE` patterns."""

    body: str
    quote: Quote
    region_end: int
    words: list[Token]
    lead: int  # 1 when a comma or dash sets the attribution off (`"...," said`), else 0
    ends_sentence: bool  # `"... are missing." Smith said.`: the quote ends its sentence
    cue_at: int  # index in ``words`` of a cue within a few words of the quote, else -1
    cue: re.Match[str] | None
    open_scan: bool  # neither a cue nor the end of the clause within those few words


def _after_quote(body: str, quote: Quote, region_end: int) -> AfterQuote | None:
    if not quote.closed:
        return None
    words = tokens(body, quote.end, min(region_end, quote.end + _AFTER_WINDOW))
    if not words:
        return None
    last_inner = body[quote.close - 1] if quote.close > 0 else ""
    lead = 1 if words[0].text in (",", "—", "–") else 0
    ends_sentence = not lead and last_inner not in _OPEN_ENDED and not words[0].text[:1].islower()
    cue_at, cue, open_scan = -1, None, False
    if not ends_sentence:
        cue_at, cue, open_scan = _first_cue(body, words, lead)
    return AfterQuote(body, quote, region_end, words, lead, ends_sentence, cue_at, cue, open_scan)


def _first_cue(body: str, words: list[Token], lead: int) -> tuple[int, re.Match[str] | None, bool]:
    """The first cue among the few words after ``lead``, unless the clause ends before it."""
    cue_pattern = lexicon().quote_cue_pattern
    for k in range(lead, min(len(words), lead + _CUE_SEARCH_WORDS)):
        if _ends_clause(words, k):
            return -1, None, False
        cue = cue_pattern.match(body, words[k].start)
        if cue is not None:
            return k, cue, False
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
    return _cue_with_object(body, cue, site.region_end, phrase) if phrase is not None else None


def _described_writer_then_cue(site: AfterQuote) -> Attribution | None:
    """`"...," the release said.` / `"...," the suit reads.` / `"...," the committee chairmen
    wrote.`: right after a quote, a short noun phrase opened by a determiner and then a cue
    that ends the clause make the phrase a speaker, whatever its noun."""
    if site.cue is None or not 1 <= site.cue_at - site.lead <= 4:
        return None
    words, cue = site.words, site.cue
    named = words[site.lead : site.cue_at]
    if named[0].lower not in DETERMINERS or not all(t.text[:1].isalpha() for t in named):
        return None
    following = next((t for t in words[site.cue_at + 1 :] if t.start >= cue.end()), None)
    if following is not None and following.text not in ".,;":
        return None
    phrase = Phrase(
        site.body[named[0].start : named[-1].end], named[0].start, named[-1].end, tuple(named)
    )
    return Attribution.by_cue(phrase, cue)


def _unknown_verb_then_name(site: AfterQuote) -> Attribution | None:
    """`"...!" beamed Smith`: a verb in the past tense that is no known cue, then a name."""
    if not site.open_scan:
        return None
    body, words = site.body, site.words[site.lead :]
    if len(words) < 2 or not words[0].lower.endswith("ed") or not words[1].capitalized:
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


@dataclass(frozen=True, slots=True)
class BeforeQuote:
    """The words before a quotation's opening mark, from the start of its sentence (not before
    the previous quote), for the `BEFORE_QUOTE` patterns."""

    ctx: ClaimContext
    quote: Quote
    lo: int
    lead: str  # ``body[lo:quote.open]`` without trailing space


def _before_quote(ctx: ClaimContext, region_start: int, quote: Quote) -> BeforeQuote:
    lo = region_start
    sentence = ctx.sentences[ctx.sentence_index(quote.open)] if ctx.sentences else None
    if sentence is not None and sentence.start < quote.open:
        lo = max(lo, sentence.start)
    return BeforeQuote(ctx, quote, lo, ctx.body[lo : quote.open].rstrip())


def _speaker_and_cue_before(site: BeforeQuote) -> Attribution | None:
    """`Smith said: "..."` / `Smith told reporters, "..."` / `Smith reacted, saying: "..."`:
    the last cue shortly before the mark, and the speaker before the cue."""
    body, lo, opening = site.ctx.body, site.lo, site.quote.open
    cues = list(lexicon().quote_cue_pattern.finditer(body, max(lo, opening - 200), opening))
    cue = cues[-1] if cues else None
    if cue is None or len(tokens(body, cue.end(), opening)) > 7:
        return None
    phrase = phrase_before(body, lo, cue.start()) or shared_subject(body, lo, cue.start())
    if cue.group().endswith("ing"):  # "Smith reacted, saying: ..."
        phrase = subject_phrase(body, lo, cue.start())
    return _cue_with_object(body, cue, opening, phrase) if phrase is not None else None


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


# The patterns that attribute a quote by the words before it, tried when none of `AFTER_QUOTE`
# found a speaker, in priority order. A new pattern is a function of `BeforeQuote` and a line here.
BEFORE_QUOTE: tuple[Callable[[BeforeQuote], Attribution | None], ...] = (
    _speaker_and_cue_before,
    _according_to_before,
    _as_speaker_put_it,
    _name_before_colon,
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


def _cue_with_object(body: str, cue: re.Match[str], limit: int, speaker: Phrase) -> Attribution:
    """The cue as written, with the addressee of "told" and a setting ("in a statement")."""
    end = cue.end()
    if cue.group().lower() in _CUE_OBJECT_VERBS:
        stop = speaker.start if speaker.start >= end else limit
        end = addressee_end(body, end, min(limit, stop))
        while end > cue.end() and body[end - 1] in " \t\n,":
            end -= 1  # "told reporters, that": the addressee ends at its last word
    setting = _SETTING.match(body, end, limit)
    if setting is not None:
        end = setting.end()
    return Attribution.by_cue(speaker, cue, text=" ".join(body[cue.start() : end].split()), end=end)


def embedded_quotes(
    ctx: ClaimContext, quotes: list[Quote], claimed: list[tuple[int, int]]
) -> list[Draft]:
    """`Smith thanked them for "stepping up when Congress won't."`: a quotation of a few words
    or more inside a sentence that no other claim holds, attributed to the sentence's subject
    when that is a name or a pronoun. Titles ("Morning Joe") and one-word scare quotes stay out.
    """
    body = ctx.body
    held = sorted(claimed)
    starts = [a for a, _ in held]
    drafts: list[Draft] = []
    for quote in quotes:
        start, end = _content_bounds(body, quote)
        words = body[start:end].split() if end - start < 2000 else []
        if len(words) < 4 or all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            continue
        if _looks_like_title(body, start, end):
            continue
        i = bisect_right(starts, start) - 1
        if i >= 0 and held[i][1] > start:
            continue
        sentence = ctx.sentences[ctx.sentence_index(quote.open)]
        if sentence.start >= quote.open:
            continue
        phrase = subject_phrase(body, sentence.start, quote.open)
        if phrase is None or not (phrase.pronoun or phrase.tokens[0].capitalized):
            continue
        if phrase.tokens[0].lower in DETERMINERS or phrase.pronoun in ("it", "i", "you", "we"):
            continue
        drafts.append(Attribution(phrase).draft("quote", start, end))
    return drafts
