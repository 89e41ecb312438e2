"""Attributions read from a source rather than a reporting clause: a headline's "Source: ..."
or title-case "Source Says ...", "according to X" on either side of its content, and a
sentence opening "In <a poll, a study, a report>, ...". Also the small text helpers the
reported-speech rules share (trimming, counting words)."""

from __future__ import annotations

import re

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Attribution, Draft
from factwire.extraction.claims.phrases import Phrase, Token, phrase_after, phrase_of, tokens
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import (
    BEFORE_SUBJECT,
    DETERMINERS,
    INDEFINITE_ARTICLES,
    PHRASE_BOUNDARY,
    SENTENCE_LINKS,
)
from factwire.extraction.language.patterns import POSSESSIVE_NOUN_CUE
from factwire.extraction.sentences import Span

_HEADLINE_SOURCE = re.compile(
    r"\s*([A-Z][\w.’'&-]*(?:[ \t]+[A-Z][\w.’'&-]*){0,3})[ \t]*:[ \t]+(?=\S)"
)
_HEADLINE_CHARS = 200
_SOURCE_TAIL = 120  # how far past its name the source of "According to X, ..." may run
MAX_WRITING_WORDS = 8  # "In the latest NBC News/Wall Street Journal poll, ..."
MIN_CONTENT_WORDS = 3
_WRITING_OPENINGS = ("In ", "in ")  # how a sentence `in_writing` reads opens
_APPOSITION_WORDS = 8  # tokens, its closing comma included
_TRAILING = " \t\n,;:—–-"
_CUES = lexicon().report_cues  # of a title-case headline ("Smith Slams ...", "Smith Backs ...")


def headline_source(ctx: ClaimContext) -> Draft | None:
    """`Sanders: Endorsements prove Clinton 'candidate of the establishment.'` as the first
    line of a body (its headline): the capitalised words before the colon say the rest."""
    line = _headline(ctx)
    body = ctx.body
    source = _HEADLINE_SOURCE.match(body, line.start, line.end) if line is not None else None
    if line is None or source is None:
        return None
    content = trimmed(body, source.end(), line.end)
    if content is None or word_count(body, *content) < MIN_CONTENT_WORDS:
        return None
    start, end = source.span(1)
    phrase = Phrase(body[start:end], start, end, tuple(tokens(body, start, end)))
    return Attribution(phrase).draft("reported", *content)


def _headline(ctx: ClaimContext) -> Span | None:
    """The first line of a body when it is a short one with more text after it."""
    if len(ctx.lines) < 2 or ctx.lines[0].end - ctx.lines[0].start > _HEADLINE_CHARS:
        return None
    return ctx.lines[0]


def title_case_headline(ctx: ClaimContext) -> Draft | None:
    """`Trump Says He Will Win Ohio.` / `Ohio Is Lost, Trump Aide Says.`: a headline in title
    case, where the cue is capitalised like every word."""
    line = _headline(ctx)
    body = ctx.body
    words = tokens(body, line.start, line.end) if line is not None else []
    alphabetic = [t for t in words if t.text[:1].isalpha()]
    if len(alphabetic) < 4 or sum(t.capitalized for t in alphabetic) < 0.8 * len(alphabetic):
        return None
    k = next((k for k, t in enumerate(words) if k and t.capitalized and t.lower in _CUES), None)
    if k is None:
        return None
    cue = words[k]
    if all(not t.text[:1].isalnum() for t in words[k + 1 :]):  # "..., Trump Aide Says."
        comma = next((j for j in range(k - 1, 0, -1) if words[j].text == ","), None)
        if comma is None or k - comma > 6:
            return None
        speaker, content = words[comma + 1 : k], trimmed(body, words[0].start, words[comma].start)
    else:
        if k > 6 or any(not t.text[:1].isalnum() for t in words[:k]):
            return None
        speaker, content = words[:k], trimmed(body, cue.end, words[-1].end)
    if content is None or word_count(body, *content) < MIN_CONTENT_WORDS:
        return None
    phrase = phrase_of(body, speaker)
    return Attribution.by_cue(phrase, cue).draft("reported", *content)


def according_to(ctx: ClaimContext, sentence: Span, start: int, end: int) -> Draft | None:
    body = ctx.body
    phrase = phrase_after(body, end, sentence.end, loose=True) or _any_source(body, end, sentence)
    if phrase is None:
        return None
    lead = body[max(sentence.start, start - 6) : start].strip()
    opening = start - sentence.start <= 6 and (not lead or lead.lower() in SENTENCE_LINKS)
    if opening:  # "According to X, ..." (X may run past the words read as its name)
        comma = body.find(",", phrase.end, min(sentence.end, phrase.end + _SOURCE_TAIL))
        if comma < 0:
            return None
        content = trimmed(body, _past_apposition(body, comma, sentence.end), sentence.end)
    else:  # "..., according to X." / "The plan, according to X, would fail."
        content = trimmed(body, sentence.start, start)
        if content is None or word_count(body, *content) < MIN_CONTENT_WORDS:
            content = _after_source(body, sentence, phrase)
    if content is None or word_count(body, *content) < MIN_CONTENT_WORDS:
        return None
    attribution = Attribution(phrase, "according to", start, end)
    return attribution.draft("reported", *content)


def _past_apposition(body: str, comma: int, end: int) -> int:
    """Where the words after the source's comma begin, past an apposition that describes the
    source: `According to the Institute, a Nairobi think tank, similar deals ...` (a short
    phrase opening with "a"/"an" and closed by a comma)."""
    words = tokens(body, comma + 1, min(end, comma + 1 + _SOURCE_TAIL))
    if not words or words[0].lower not in INDEFINITE_ARTICLES:
        return comma + 1
    closing = next((k for k, t in enumerate(words[:_APPOSITION_WORDS]) if t.text == ","), None)
    return words[closing].end if closing is not None and closing > 1 else comma + 1


def _any_source(body: str, end: int, sentence: Span) -> Phrase | None:
    """`according to a congressional timeline`: whatever noun phrase follows "according to"
    is its source, a name or not, up to punctuation or a clause word."""
    words: list[Token] = []
    for tok in tokens(body, end, min(sentence.end, end + _SOURCE_TAIL)):
        if not tok.text[0].isalnum() or tok.lower in PHRASE_BOUNDARY or len(words) >= 12:
            break
        words.append(tok)
    while words and words[-1].lower in DETERMINERS:
        words.pop()
    if not words:
        return None
    return phrase_of(body, words)


def _after_source(body: str, sentence: Span, phrase: Phrase) -> tuple[int, int] | None:
    """`Fundraising, according to the campaign, has surged.`: the words after a source set
    off by commas, when too few come before it."""
    comma = body.find(",", phrase.end, min(sentence.end, phrase.end + 3))
    return trimmed(body, comma + 1, sentence.end) if comma >= 0 else None


def in_writing(body: str, sentence: Span) -> Draft | None:
    """`In a new poll released Monday, most voters backed the plan.`: a sentence opening with
    "In" and a writing or record (a poll, a study, a report) says what follows the comma; not
    when a reporting verb in the rest names someone else ("In a report, Smith said ...")."""
    if not body.startswith(_WRITING_OPENINGS, sentence.start):
        return None
    comma = body.find(",", sentence.start, min(sentence.end, sentence.start + _SOURCE_TAIL))
    words = tokens(body, sentence.start + 3, comma) if comma > 0 else []
    head = next((k for k, t in enumerate(words) if t.lower in lexicon().writings), None)
    if head is None or head >= MAX_WRITING_WORDS:
        return None
    content = trimmed(body, comma + 1, sentence.end)
    if content is None or word_count(body, *content) < MIN_CONTENT_WORDS:
        return None
    if next(lexicon().cue_pattern.finditer(body, content[0], content[1]), None) is not None:
        return None
    source = words[: head + 1]
    phrase = phrase_of(body, source)
    return Attribution(phrase, "in", sentence.start, sentence.start + 2).draft("reported", *content)


def possessive_stances(body: str, sentence: Span) -> list[Draft]:
    """`Smith's decision to run surprised her party.` / `Lopez's criticism of the plan ...`: a
    noun of saying, judging or intending reports a stance of its named possessor; the words
    after it, up to a comma, say what about."""
    found: list[Draft] = []
    nouns = lexicon().stance_nouns
    # the pattern's noun has white space on both sides, so it is one of the sentence's
    # space-separated words: a set test skips the search in the many sentences without one
    if nouns.isdisjoint(body[sentence.start : sentence.end].split()):
        return found
    for match in POSSESSIVE_NOUN_CUE.finditer(body, sentence.start, sentence.end):
        if match.group(3) not in nouns:
            continue
        start = match.start(4) if match.group(4) == "to" else match.end(4)
        comma = body.find(",", start, sentence.end)
        content = trimmed(body, start, comma if comma >= 0 else sentence.end)
        if match.group(2) is not None:  # "his decision to run": the pronoun "his" stands for
            possessor = {"his": "he", "her": "she", "their": "they"}[match.group(2).lower()]
            words = [Token(possessor, *match.span(2))]
        else:
            words = tokens(body, *match.span(1))
        while words and words[0].lower in BEFORE_SUBJECT | DETERMINERS:
            words = words[1:]
        if content is None or not words:
            continue
        phrase = phrase_of(body, words)
        cue = body[match.start(3) : match.end(4)]
        attribution = Attribution(phrase, cue, match.start(3), match.end(4))
        found.append(attribution.draft("reported", *content))
    return found


def char_before(body: str, pos: int, lo: int) -> str:
    """The last non-space character before ``pos`` (looking back a little way, not past lo)."""
    i = pos - 1
    while i >= max(lo, pos - 100) and body[i].isspace():
        i -= 1
    return body[i] if i >= lo else ""


def trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and body[start] in _TRAILING:
        start += 1
    while end > start and body[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end > start else None


def word_count(body: str, start: int, end: int) -> int:
    return len(body[start:end].split()) if end - start < 2000 else MIN_CONTENT_WORDS + 1


def fewer_words(body: str, start: int, end: int, least: int) -> bool:
    """Whether ``word_count(body, start, end) < least`` (``least`` >= 1), splitting off no more
    than ``least`` words: ``split(maxsplit=least - 1)`` gives min(words, least) pieces."""
    if end - start >= 2000:
        return least > MIN_CONTENT_WORDS + 1  # as word_count counts a long span
    return len(body[start:end].split(maxsplit=least - 1)) < least
