"""Direct quotations: pairing quotation marks, and finding who is quoted.

Marks are paired within a paragraph (curly marks by shape, straight ones by alternation). A
paragraph that opens a quote without closing it continues into the next paragraph when that one
starts with an opening mark, the news convention for quotes over several paragraphs. A quote is
attributed by the words right after it (`"...," Smith said`, `"...," said Smith`), else by the
clause right before it (`Smith said: "..."`); a quote with neither, set off on its own, continues
the previous quote when it follows it directly (`"A," she said. "B."`). A quote inside a sentence
(`called the plan "a disaster"`) is no direct quote: reported speech covers it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.phrases import (
    Phrase,
    Token,
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

# Two apostrophes stand for a straight mark in some archives; of three, the last two close a
# quote that ends with a nested one (`... 'no boots,''' he said`).
_MARK = re.compile(r"''(?!')|[“”\"«»„]")
_SINGLE_OPEN = re.compile(r"(?<![\w’‘])‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])’(?!\w)")
_OPENERS = "“«„"
_CLOSERS = "”»"
_AFTER_WINDOW = 160
_CUE_SEARCH_WORDS = 8
_SET_OFF = ",:;.!?—–-("
_DASHES = frozenset("―—–-")
_CLAUSE_END = frozenset('.,;:!?"“”')
_OPEN_ENDED = ",?!—–-…"
_CUE_OBJECT_VERBS = lexicon().quote_object_verbs
_SETTING = re.compile(
    r"\s+(?:in|on|during|via)\s+(?:an?|the|his|her|their)\s+"
    r"(?:statement|interview|email|tweet|speech|letter|post|op-ed|memo|press release)\b"
)


@dataclass(frozen=True, slots=True)
class Quote:
    """Quotation marks at ``open`` and ``close`` (``close`` is the end of the paragraph when the
    quote is never closed); the quoted words lie between them."""

    open: int
    close: int
    closed: bool
    open_len: int = 1
    close_len: int = 1

    @property
    def inner_start(self) -> int:
        return self.open + self.open_len

    @property
    def end(self) -> int:
        """Just past the closing mark."""
        return self.close + self.close_len if self.closed else self.close


def find_quotes(ctx: ClaimContext) -> list[Quote]:
    """All top-level quotations of the body, in order, in one pass over its quotation marks."""
    body = ctx.body
    found: list[Quote] = []
    carried: tuple[int, int] | None = None  # a quote left open by the previous paragraph
    carried_end = 0
    for line in ctx.lines:
        open_at: tuple[int, int] | None = None  # position and length of the opening mark
        first = True
        for mark in _MARK.finditer(body, line.start, line.end):
            pos, size = mark.start(), mark.end() - mark.start()
            opening = _is_opening(body, pos, size, open_at is not None)
            if first and carried is not None:
                first = False
                if opening and not body[line.start : pos].strip():
                    open_at, carried = carried, None
                    continue
                found.append(Quote(carried[0], carried_end, False, carried[1]))
                carried = None
            first = False
            if opening:
                open_at = (pos, size)
            elif open_at is not None:
                found.append(Quote(open_at[0], pos, True, open_at[1], size))
                open_at = None
        if carried is not None:  # a paragraph without marks ends the carried quote
            found.append(Quote(carried[0], carried_end, False, carried[1]))
            carried = None
        if first and "‘" in body[line.start : line.end]:
            found.extend(_single_quotes(body, line.start, line.end))
        if open_at is not None and not body[line.start : max(line.start, open_at[0])].strip():
            carried, carried_end = open_at, line.end
    if carried is not None:
        found.append(Quote(carried[0], carried_end, False, carried[1]))
    return found


def _single_quotes(body: str, start: int, end: int) -> list[Quote]:
    """Quotes in single curly marks (‘…’), in a paragraph with no double marks (a headline,
    British style), where they cannot be a quote nested in another: an opening mark before a
    word, closed by the next mark that is no apostrophe (not followed by a letter: "don’t")."""
    found: list[Quote] = []
    for opening in _SINGLE_OPEN.finditer(body, start, end):
        if found and opening.start() < found[-1].end:
            continue
        closing = _SINGLE_CLOSE.search(body, opening.end(), end)
        if closing is None:
            break  # no later opening mark can be closed either: the scan stays linear
        found.append(Quote(opening.start(), closing.start(), True))
    return found


def _is_opening(body: str, pos: int, size: int, inside: bool) -> bool:
    mark = body[pos]
    if mark in _OPENERS:
        # an opening mark typed where a closing one belongs: `here,“ said Smith`
        after = body[pos + size] if pos + size < len(body) else " "
        before = body[pos - 1] if pos > 0 else " "
        return not (inside and not before.isspace() and (after.isspace() or after in ".,"))
    if mark in _CLOSERS:
        # a closing mark typed where an opening one belongs: `”Fortunately, ...` at a start
        before = body[pos - 1] if pos > 0 else " "
        after = body[pos + size] if pos + size < len(body) else " "
        return not inside and before.isspace() and after.isalnum()
    if inside:
        return False
    before = body[pos - 1] if pos > 0 else " "
    after = body[pos + size] if pos + size < len(body) else " "
    looks_closing = (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:")
    return not looks_closing


def attribute_quotes(ctx: ClaimContext, quotes: list[Quote]) -> list[Draft]:
    """Drafts for the quotes that stand as direct quotations, with their speaker phrases."""
    body = ctx.body
    drafts: list[Draft] = []
    previous: Draft | None = None
    previous_line = -2
    for index, quote in enumerate(quotes):
        start, end = _content_bounds(body, quote)
        if end <= start or _looks_like_title(body, start, end):
            continue
        line = ctx.line_of(quote.open)
        line_index = ctx.line_index(quote.open)
        earlier = quotes[index - 1].end if index else line.start
        later = quotes[index + 1].open if index + 1 < len(quotes) else line.end
        region_start = max(line.start, earlier)
        close_line = ctx.line_of(quote.close)
        region_end = min(close_line.end, later)
        draft = _attributed_after(body, quote, start, end, region_end)
        if draft is None:
            lead = body[region_start : quote.open].rstrip()
            if lead and lead[-1] not in _SET_OFF and not _spoken_sentence(body, lead, quote):
                continue  # a quote inside a sentence
            draft = _attributed_before(ctx, region_start, quote, start, end)
        if draft is None:
            continues = previous is not None and (
                line_index == previous_line
                or (line_index == previous_line + 1 and quote.open == line.start)
            )
            if not continues:
                continue
            draft = Draft("quote", start, end, inherits=True)
        drafts.append(draft)
        previous, previous_line = draft, ctx.line_index(quote.close)
    return drafts


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


def _attributed_after(
    body: str, quote: Quote, start: int, end: int, region_end: int
) -> Draft | None:
    """`"...," Smith said` / `"...," said Smith, the chief executive` / `"...?" she asked`."""
    if not quote.closed:
        return None
    after = quote.end
    window = tokens(body, after, min(region_end, after + _AFTER_WINDOW))
    if not window:
        return None
    last_inner = body[quote.close - 1] if quote.close > 0 else ""
    lead = 0
    if window[0].text in _DASHES and len(window) > 1 and window[1].capitalized:
        dashed = _dash_attribution(body, window, start, end)
        if dashed is not None:
            return dashed
    if window[0].text in (",", "—", "–"):
        lead = 1
    elif last_inner not in _OPEN_ENDED and not window[0].text[:1].islower():
        return _closing_attribution(body, window, start, end, region_end)
    cue_pattern = lexicon().quote_cue_pattern
    for k in range(lead, min(len(window), lead + _CUE_SEARCH_WORDS)):
        tok = window[k]
        if _ends_clause(window, k):
            return None
        cue = cue_pattern.match(body, tok.start)
        if cue is None:
            continue
        phrase: Phrase | None
        if k == lead:
            phrase = phrase_after(body, cue.end(), region_end)
        else:
            phrase = _speaker_starting_at(body, window[lead].start, cue.start())
        if phrase is None:
            return None
        cue_text, cue_end = _cue_with_object(body, cue.start(), cue.end(), region_end, phrase)
        return Draft("quote", start, end, cue_text, cue.start(), cue_end, phrase)
    return _any_verb_after(body, window[lead:], start, end) or _name_with_apposition(
        body, window[lead:], start, end, region_end
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


def _dash_attribution(body: str, words: list[Token], start: int, end: int) -> Draft | None:
    """`"..." ― Jane Roe.`: a name after a dash, alone up to the end of its clause."""
    phrase = phrase_after(body, words[1].start, words[-1].end)
    if phrase is None or phrase.pronoun or not phrase.tokens[0].capitalized:
        return None
    rest = [t for t in words[1:] if t.start >= phrase.end]
    if rest and rest[0].text not in (".", "/"):
        return None
    return Draft("quote", start, end, None, -1, -1, phrase)


def _closing_attribution(
    body: str, words: list[Token], start: int, end: int, region_end: int
) -> Draft | None:
    """`"... are missing." Smith said.`: a quote ending its sentence, then a short sentence
    that is only its attribution."""
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
        if phrase is None:
            return None
        return Draft("quote", start, end, cue.group(), cue.start(), cue.end(), phrase)
    return None


def _name_with_apposition(
    body: str, words: list[Token], start: int, end: int, region_end: int
) -> Draft | None:
    """`"...," Smith, the long-serving senator from Ohio and a critic of the plan, said.`"""
    comma = next((k for k, t in enumerate(words[:7]) if t.text == ","), None)
    if comma is None or comma == 0 or not any(t.capitalized for t in words[:comma]):
        return None
    cue_pattern = lexicon().quote_cue_pattern
    for k in range(comma + 1, min(len(words), comma + 30)):
        tok = words[k]
        if _ends_clause(words, k):
            return None
        cue = cue_pattern.match(body, tok.start)
        if cue is not None and words[k - 1].text == ",":
            phrase = phrase_before(body, words[0].start, words[comma].start)
            if phrase is None:
                return None
            return Draft("quote", start, end, cue.group(), cue.start(), cue.end(), phrase)
    return None


def _any_verb_after(body: str, words: list[Token], start: int, end: int) -> Draft | None:
    """`"...," an angry Smith retorted.`: a name, then a verb in the past tense, then the end
    of the clause, also attribute a quote when the verb is not a known cue."""
    if len(words) > 1 and words[0].lower.endswith("ed") and words[1].capitalized:
        phrase = phrase_after(body, words[0].end, words[-1].end)  # "...!" beamed Smith
        if phrase is not None and any(t.capitalized for t in phrase.tokens):
            return Draft("quote", start, end, words[0].text, words[0].start, words[0].end, phrase)
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
            return Draft("quote", start, end, tok.text, tok.start, tok.end, phrase)
    return None


def _attributed_before(
    ctx: ClaimContext, region_start: int, quote: Quote, start: int, end: int
) -> Draft | None:
    """`Smith said: "..."` / `Smith told reporters, "..."` / `According to Smith, "..."`."""
    body = ctx.body
    sentence = ctx.sentences[ctx.sentence_index(quote.open)] if ctx.sentences else None
    lo = region_start
    if sentence is not None and sentence.start <= quote.open:
        lo = max(lo, sentence.start) if sentence.start < quote.open else lo
    cues = list(lexicon().quote_cue_pattern.finditer(body, max(lo, quote.open - 200), quote.open))
    if cues:
        cue = cues[-1]
        if len(tokens(body, cue.end(), quote.open)) <= 7:
            phrase = phrase_before(body, lo, cue.start()) or shared_subject(body, lo, cue.start())
            if cue.group().endswith("ing"):  # "Smith reacted, saying: ..."
                phrase = subject_phrase(body, lo, cue.start())
            if phrase is not None:
                cue_text, cue_end = _cue_with_object(
                    body, cue.start(), cue.end(), quote.open, phrase
                )
                return Draft("quote", start, end, cue_text, cue.start(), cue_end, phrase)
    according = None
    for found in _ACCORDING_TO.finditer(body, max(lo, quote.open - 200), quote.open):
        according = found
    if according is not None:
        phrase = phrase_after(body, according.end(), quote.open, loose=True)
        if phrase is not None:
            return Draft(
                "quote", start, end, "according to", according.start(), according.end(), phrase
            )
    lead = body[lo : quote.open].rstrip()
    if lead.endswith(":") and len(lead) > 1:
        return _named_before_colon(ctx, lo + len(lead) - 1, start, end) or _introduced(
            body, lo, quote, start, end
        )
    if lo == ctx.line_of(quote.open).start and quote.open == lo:
        return _introduced_by_paragraph(ctx, quote, start, end)
    return None


def _named_before_colon(ctx: ClaimContext, colon: int, start: int, end: int) -> Draft | None:
    """`... surprise Republican pollster Jane Roe: "..."` / `More from Roe and Poe: "..."`: a
    person named right before the colon that opens the quote."""
    for m in ctx.mentions_before(colon + 1, 1):
        if m.entity.type != "PERSON" or ctx.body[m.end : colon].strip():
            return None
        words = tuple(tokens(ctx.body, m.start, m.end))
        phrase = Phrase(ctx.body[m.start : m.end], m.start, m.end, words)
        return Draft("quote", start, end, None, -1, -1, phrase)
    return None


def _introduced(body: str, lo: int, quote: Quote, start: int, end: int) -> Draft | None:
    """`Smith was blunt: "..."`: the subject of the clause ending in a colon."""
    phrase = subject_phrase(body, lo, quote.open)
    if phrase is None:
        return None
    cues = list(lexicon().quote_cue_pattern.finditer(body, phrase.end, quote.open))
    if cues:
        cue = cues[0]
        return Draft("quote", start, end, cue.group(), cue.start(), cue.end(), phrase)
    return Draft("quote", start, end, None, -1, -1, phrase)


def _introduced_by_paragraph(ctx: ClaimContext, quote: Quote, start: int, end: int) -> Draft | None:
    """A paragraph of quotation after one that ends with a colon ("Smith told the crowd:")."""
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
            cue = cues[-1]
            return Draft("quote", start, end, cue.group(), cue.start(), cue.end(), phrase)
    return _introduced(ctx.body, lo, Quote(previous.end - 1, quote.close, True), start, end)


def _cue_with_object(
    body: str, cue_start: int, cue_end: int, limit: int, phrase: Phrase
) -> tuple[str, int]:
    """The cue as written, with the addressee of "told" and a setting ("in a statement")."""
    end = cue_end
    verb = body[cue_start:cue_end].lower()
    if verb in _CUE_OBJECT_VERBS:
        follow = tokens(body, cue_end, min(limit, cue_end + 60))
        for taken, tok in enumerate(follow):
            if tok.text in ',.;:!?"“”' or tok.lower == "that" or taken >= 4:
                break
            if phrase.start <= tok.start < phrase.end:
                break
            end = tok.end
            if not tok.capitalized and tok.lower not in ("the", "a", "an", "his", "her"):
                break
    setting = _SETTING.match(body, end, limit)
    if setting is not None:
        end = setting.end()
    return " ".join(body[cue_start:end].split()), end


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
        drafts.append(Draft("quote", start, end, None, -1, -1, phrase))
    return drafts
