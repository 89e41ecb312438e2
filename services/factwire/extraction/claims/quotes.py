"""Direct quotations: who is quoted, and quotes inside sentences.

A quote (paired by `marks.find_quotes`) is attributed by the first of the `quote_after`
patterns that finds a speaker in the words right after it (`"...," Smith said`, `"...," said
Smith`), else by the first of the `quote_before` patterns in the clause right before it (`Smith
said: "..."`); a quote with neither, set off on its own, continues the previous quote when it
follows it directly (`"A," she said. "B."`). A quote inside a sentence (`called the plan "a
disaster"`) is no direct quote: reported speech covers it, or `embedded_quotes` makes it a
`reported` claim when nothing else holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Attribution, Draft, continued_quote, first_match
from factwire.extraction.claims.marks import Quote
from factwire.extraction.claims.phrases import Phrase, phrase_after, subject_phrase, tokens
from factwire.extraction.claims.quote_after import AFTER_QUOTE, after_quote
from factwire.extraction.claims.quote_before import BEFORE_QUOTE, before_quote
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import DETERMINERS
from factwire.extraction.language.function_words import TITLE_SMALL_WORDS as _TITLE_SMALL_WORDS
from factwire.extraction.sentences import Span

_SET_OFF = ",:;.!?—–-("
_DASHES = frozenset("―—–-")
# A line whose first token is a dash: `tokens` skips only white space and "_", and a dash is a
# token of its own, so this is the same test as ``words[0].text in _DASHES``.
_DASH_FIRST = re.compile(r"[\s_]*+[―—–-]")
_HEADLINE_SPEAKERS = frozenset(("PERSON", "ORG", "NORP"))


def attribute_quotes(ctx: ClaimContext, quotes: list[Quote]) -> list[Draft]:
    """Drafts for the quotes that stand as direct quotations, with their speaker phrases: the
    first pattern of `AFTER_QUOTE`, then of `BEFORE_QUOTE`, that finds a speaker; else the quote
    continues the previous one when it follows it directly."""
    body = ctx.body
    drafts: list[Draft] = []
    previous_line = -2  # the paragraph where the last direct quote closed
    for index, quote in enumerate(quotes):
        start, end = _content_bounds(body, quote)
        headline = _headline_speaker(ctx, quote)
        if headline is not None:
            drafts.append(headline.draft("quote", start, end))
            continue
        if end <= start or _looks_like_title(body, start, end):
            continue
        # each line looked up once per quote (the quote's marks lie in lines, so there are some)
        open_index, close_index = ctx.line_index(quote.open), ctx.line_index(quote.close)
        line = ctx.lines[open_index]
        earlier = quotes[index - 1].end if index else line.start
        later = quotes[index + 1].open if index + 1 < len(quotes) else len(body)
        region_start = max(line.start, earlier)
        region_end = min(ctx.lines[close_index].end, later)
        attribution = first_match(AFTER_QUOTE, after_quote(body, quote, region_end))
        if attribution is None:
            lead = body[region_start : quote.open].rstrip()
            if lead and lead[-1] not in _SET_OFF and not _spoken_sentence(body, lead, quote):
                continue  # a quote inside a sentence
            attribution = first_match(BEFORE_QUOTE, before_quote(ctx, region_start, quote))
        if attribution is None:
            attribution = _dash_line_after(ctx, quote, close_index)
        if attribution is not None:
            drafts.append(attribution.draft("quote", start, end))
        elif _continues(quote, line, open_index, previous_line):
            drafts.append(continued_quote(start, end))
        else:
            continue
        previous_line = close_index
    return drafts


def _headline_speaker(ctx: ClaimContext, quote: Quote) -> Attribution | None:
    """`Roe Slams Plan: ‘A Disaster.’` / `A lesson from Jane Roe: 'Be heard.'`: a quote in the
    headline (the body's first line, followed by more) is the words of the first person, body
    or group the headline names before it; a headline's capitals make it no title."""
    if len(ctx.lines) < 2 or quote.open >= ctx.lines[0].end or quote.close > ctx.lines[0].end:
        return None
    if not ctx.body[ctx.lines[0].start : quote.open].rstrip().endswith(":"):
        return None
    for m in ctx.mentions_in(ctx.lines[0].start, quote.open):
        if m.entity.type in _HEADLINE_SPEAKERS:
            words = tuple(tokens(ctx.body, m.start, m.end))
            return Attribution(Phrase(ctx.body[m.start : m.end], m.start, m.end, words))
    return None


def _dash_line_after(ctx: ClaimContext, quote: Quote, index: int) -> Attribution | None:
    """A quote that fills its paragraph (line ``index``), signed in the next one: `"We will
    win."` then `- Jane Roe, tweeting after the debate.`"""
    line = ctx.lines[index]
    body = ctx.body
    if index + 1 >= len(ctx.lines) or body[quote.end : line.end].strip(" .\t"):
        return None
    following = ctx.lines[index + 1]
    stop = min(following.end, following.start + 160)
    if _DASH_FIRST.match(body, following.start, stop) is None:
        return None  # saves the window's tokens: the next line opens with no dash
    words = tokens(body, following.start, stop)
    if len(words) < 2 or words[0].text not in _DASHES or not words[1].capitalized:
        return None
    phrase = phrase_after(body, words[1].start, following.end)
    if phrase is None or phrase.pronoun or not phrase.tokens[0].capitalized:
        return None
    rest = [t for t in words[1:] if t.start >= phrase.end]
    return Attribution(phrase) if not rest or rest[0].text in ".,/" else None


def _continues(quote: Quote, line: Span, line_index: int, previous_line: int) -> bool:
    """Whether an unattributed quote (opening in ``line``, number ``line_index``) follows the
    last direct quote directly: in its paragraph, or opening the next one."""
    return line_index == previous_line or (
        line_index == previous_line + 1 and quote.open == line.start
    )


def _looks_like_title(body: str, start: int, end: int) -> bool:
    """`on "Sunday Morning Futures,"` / `"Orange is the New Black" star`: a name in title case
    (every word capitalised but short function words), not words anyone said; one ending in a
    full stop only after a comma inside a sentence (`her memoir, "Tough Choices."`)."""
    if end - start > 120 or body[end - 1] in "!?…":
        return False
    if body[end - 1] == "." and not _after_comma_in_sentence(body, start):
        return False
    words = body[start:end].split()
    if len(words) < 2:
        return False
    return all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words[1:]
    ) and (words[0][:1].isupper() or words[0][:1].isdigit())


def _after_comma_in_sentence(body: str, start: int) -> bool:
    """Whether the quotation starting at ``start`` follows a comma after a word in lower case
    that is no cue (`her memoir, "`, not `Smith said, "`)."""
    lead = body[max(0, start - 40) : start].rstrip(" \"“'‘").rstrip()
    if not lead.endswith(","):
        return False
    words = lead[:-1].split()
    if not words or not words[-1].isalpha() or not words[-1][:1].islower():
        return False
    cues = lexicon()
    return words[-1] not in cues.strong_cues and words[-1] not in cues.quote_cues


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


def embedded_quotes(
    ctx: ClaimContext, quotes: list[Quote], claimed: list[tuple[int, int]]
) -> list[Draft]:
    """`Smith thanked them for "stepping up when Congress won't."`: a quotation of a few words
    or more inside a sentence that no other claim holds, attributed to the sentence's subject
    when that is a name or a pronoun. Titles ("Morning Joe") and one-word scare quotes stay out.
    A mixed quote (quoted words inside the writer's own sentence) is no direct quotation, so
    its claim is `reported` (docs/contract.md: `quote` is a direct quotation).
    """
    body = ctx.body
    held = sorted(claimed)
    starts = [a for a, _ in held]
    drafts: list[Draft] = []
    for quote in quotes:
        start, end = _content_bounds(body, quote)
        # a quote another claim holds goes first: most do, and every test here is pure, so
        # their order does not change what passes (it saves splitting the quote into words)
        i = bisect_right(starts, start) - 1
        if i >= 0 and held[i][1] > start:
            continue
        words = body[start:end].split() if end - start < 2000 else []
        if len(words) < 4 or all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            continue
        if _looks_like_title(body, start, end):
            continue
        sentence = ctx.sentences[ctx.sentence_index(quote.open)]
        if sentence.start >= quote.open:
            continue
        phrase = subject_phrase(body, sentence.start, quote.open)
        if phrase is None or not (phrase.pronoun or phrase.tokens[0].capitalized):
            continue
        if phrase.tokens[0].lower in DETERMINERS or phrase.pronoun in ("it", "i", "you", "we"):
            continue
        drafts.append(Attribution(phrase).draft("reported", start, end))
    return drafts
