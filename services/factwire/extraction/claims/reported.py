"""Reported speech and beliefs: "X said (that) ...", "according to X, ...", "..., X said".

Each sentence is scanned once for reporting cues outside quotations. A cue with a speaker phrase
before it takes the rest of the sentence as its content; when nothing follows the cue (or only
a time or setting), the content is what precedes the speaker ("The plan failed, Smith said.").
"According to X" works on either side of the content.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.lexicon import lexicon
from factwire.extraction.claims.phrases import Phrase, phrase_after, phrase_before, tokens
from factwire.extraction.sentences import Span

_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_OBJECT_VERBS = _wordset("told tells tell telling warned warns assured reminded informed promised")
_FILLER = re.compile(
    r"(?:\s*+,)?+(?:\s++(?:(?:on|last|this|early|late|earlier)\s++)?+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|"
    r"morning|afternoon|evening|weekend|yesterday|today|tonight)\b"
    r"|\s++(?:in|on|during|via|at)\s++(?:an?|the|his|her|their)\s++"
    r"(?:statement|interview|email|tweet|speech|letter|post|op-ed|memo|press release|"
    r"news conference|press conference|rally|debate|event|call|conference call|radio interview|"
    r"television interview|appearance)\b"
    r"|\s++(?:also|again|repeatedly|previously|recently|later|publicly|privately|then)\b)*+"
)
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b|:)")
_MIN_CONTENT_WORDS = 3
_TRAILING = " \t\n,;:—–-"


def find_reported(
    ctx: ClaimContext, quoted: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[Draft]:
    """Drafts of reported speech in the sentences, skipping quotes and direct-quote claims."""
    blocked = sorted(quoted + taken)
    starts = [a for a, _ in blocked]
    ends_max: list[int] = []
    running = -1
    for _, b in blocked:
        running = max(running, b)
        ends_max.append(running)

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and ends_max[i] > pos

    drafts: list[Draft] = []
    for sentence in ctx.sentences:
        drafts.extend(_in_sentence(ctx, sentence, inside))
    return drafts


def _in_sentence(ctx: ClaimContext, sentence: Span, inside: object) -> list[Draft]:
    assert callable(inside)
    body = ctx.body
    found: list[Draft] = []
    consumed = sentence.start
    for according in _ACCORDING_TO.finditer(body, sentence.start, sentence.end):
        if inside(according.start()):
            continue
        draft = _according_to(ctx, sentence, according.start(), according.end())
        if draft is not None:
            found.append(draft)
            consumed = max(consumed, draft.extent()[1])
    for cue in lexicon().cue_pattern.finditer(body, sentence.start, sentence.end):
        if cue.start() < consumed or inside(cue.start()):
            continue
        draft = _with_cue(ctx, sentence, cue.start(), cue.end())
        if draft is not None:
            found.append(draft)
            consumed = draft.extent()[1]
    return found


def _with_cue(ctx: ClaimContext, sentence: Span, cue_start: int, cue_end: int) -> Draft | None:
    body = ctx.body
    verb = " ".join(body[cue_start:cue_end].lower().split())
    weak = verb in lexicon().weak_cues and verb not in lexicon().strong_cues
    phrase = phrase_before(body, sentence.start, cue_start)
    inverted = False
    if phrase is None:
        if _char_before(body, cue_start, sentence.start) != ",":
            return None
        phrase = phrase_after(body, cue_end, sentence.end)  # "..., said Smith."
        if phrase is None:
            return None
        inverted = True
    after = cue_end if not inverted else phrase.end
    after = _skip_object(body, verb, after, sentence.end) if not inverted else after
    after = _FILLER.match(body, after, sentence.end).end()  # type: ignore[union-attr]
    that = _THAT.match(body, after, sentence.end)
    if that is not None:
        after = that.end()
    elif weak:
        return None
    content = _trimmed(body, after, sentence.end)
    cue_text = " ".join(body[cue_start:cue_end].split())
    if (
        content is not None
        and not inverted
        and _words(body, *content) >= _MIN_CONTENT_WORDS
        and "," not in body[after : content[0]]
    ):
        return Draft("reported", content[0], content[1], cue_text, cue_start, cue_end, phrase)
    before = _content_before(body, sentence, phrase)
    if before is None or (weak and that is None):
        return None
    if content is not None and _words(body, *content) > _words(body, *before):
        before = content  # "The plan, Smith said, would fail": the longer piece
    return Draft("reported", before[0], before[1], cue_text, cue_start, cue_end, phrase)


def _content_before(body: str, sentence: Span, phrase: Phrase) -> tuple[int, int] | None:
    """``The plan failed, Smith said.``: the words before the comma ahead of the speaker."""
    lead_end = min(phrase.start, sentence.end)
    if _char_before(body, lead_end, sentence.start) != ",":
        return None
    content = _trimmed(body, sentence.start, lead_end)
    if content is None or _words(body, *content) < _MIN_CONTENT_WORDS:
        return None
    return content


def _according_to(ctx: ClaimContext, sentence: Span, start: int, end: int) -> Draft | None:
    body = ctx.body
    phrase = phrase_after(body, end, sentence.end, loose=True)
    if phrase is None:
        return None
    lead = body[max(sentence.start, start - 6) : start].strip()
    opening = start - sentence.start <= 6 and lead.lower() in ("", "and", "but", "so", "yet")
    if opening:  # "According to X, ..."
        comma = body.find(",", phrase.end, min(sentence.end, phrase.end + 3))
        if comma < 0:
            return None
        content = _trimmed(body, comma + 1, sentence.end)
    else:  # "..., according to X."
        content = _trimmed(body, sentence.start, start)
    if content is None or _words(body, *content) < _MIN_CONTENT_WORDS:
        return None
    return Draft("reported", content[0], content[1], "according to", start, end, phrase)


def _skip_object(body: str, verb: str, pos: int, limit: int) -> int:
    """After "told"-like verbs, step over the addressee ("told reporters", "told CNN")."""
    if verb not in _OBJECT_VERBS:
        return pos
    follow = tokens(body, pos, min(limit, pos + 80))
    for tok in follow[:5]:
        if tok.lower == "that":
            return tok.start
    end = pos
    for tok in follow[:4]:
        if tok.text in ',.;:!?"“”':
            break
        end = tok.end
        if not tok.capitalized and tok.lower not in ("the", "a", "an", "his", "her", "their"):
            break
    return end


def _char_before(body: str, pos: int, lo: int) -> str:
    """The last non-space character before ``pos`` (looking back a little way, not past lo)."""
    i = pos - 1
    while i >= max(lo, pos - 100) and body[i].isspace():
        i -= 1
    return body[i] if i >= lo else ""


def _trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and body[start] in _TRAILING:
        start += 1
    while end > start and body[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end > start else None


def _words(body: str, start: int, end: int) -> int:
    return len(body[start:end].split()) if end - start < 2000 else _MIN_CONTENT_WORDS + 1
