"""Reported speech and beliefs: "X said (that) ...", "according to X, ...", "..., X said".

Each sentence is scanned once for reporting cues outside quotations. A cue with a speaker phrase
before it takes the rest of the sentence as its content; when nothing follows the cue (or only
a time or setting), the content is what precedes the speaker ("The plan failed, Smith said.").
"According to X" works on either side of the content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.phrases import (
    Phrase,
    phrase_after,
    phrase_before,
    shared_subject,
    subject_phrase,
    tokens,
)
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import DETERMINERS
from factwire.extraction.language.patterns import ACCORDING_TO as _ACCORDING_TO
from factwire.extraction.sentences import Span

_OBJECT_VERBS = lexicon().object_verbs
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
MAX_CUES_PER_SENTENCE = 40
_MIN_CONTENT_WORDS = 3
_MIN_ACT_WORDS = 2
_TRAILING = " \t\n,;:—–-"


class _Blocked:
    """Character ranges no reported claim is looked for in: quotations and direct-quote claims."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self._starts = [a for a, _ in ranges]
        self._reach: list[int] = []
        running = -1
        for _, b in ranges:
            running = max(running, b)
            self._reach.append(running)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def intersects(self, start: int, end: int) -> bool:
        """Whether any range shares a character with ``[start, end)``."""
        return start in self or bisect_left(self._starts, start) < bisect_left(self._starts, end)


def find_reported(
    ctx: ClaimContext, quoted: list[tuple[int, int]], direct: list[Draft]
) -> list[Draft]:
    """Drafts of reported speech in the sentences, skipping quotes and direct-quote claims."""
    blocked = _Blocked(quoted + [d.extent() for d in direct])
    claimed = _Blocked([d.extent() for d in direct])
    drafts: list[Draft] = []
    earlier = sorted(direct, key=lambda d: d.extent()[1])
    for sentence in ctx.sentences:
        drafts.extend(_in_sentence(ctx, sentence, blocked, claimed, earlier))
    return drafts


def _in_sentence(
    ctx: ClaimContext, sentence: Span, blocked: _Blocked, claimed: _Blocked, direct: list[Draft]
) -> list[Draft]:
    body = ctx.body
    found: list[Draft] = []
    consumed = sentence.start
    for tried, according in enumerate(_ACCORDING_TO.finditer(body, sentence.start, sentence.end)):
        if tried >= MAX_CUES_PER_SENTENCE:
            break
        if according.start() in blocked:
            continue
        draft = _according_to(ctx, sentence, according.start(), according.end())
        if draft is not None and not _overlaps(draft, claimed):
            found.append(draft)
            consumed = max(consumed, draft.extent()[1])
    for tried, cue in enumerate(lexicon().cue_pattern.finditer(body, sentence.start, sentence.end)):
        if tried >= MAX_CUES_PER_SENTENCE:
            break  # no real sentence reports this much: stop spending time on it
        if cue.start() < consumed or cue.start() in blocked:
            continue
        subject = _main_subject(ctx, sentence, cue.start(), found, direct)
        draft = _with_cue(ctx, sentence, cue.start(), cue.end(), subject)
        if draft is not None and not _overlaps(draft, claimed):
            found.append(draft)
            consumed = draft.extent()[1]
    return found


def _overlaps(draft: Draft, blocked: _Blocked) -> bool:
    """Whether the content runs into a quotation already claimed ("'...,' Smith said,
    according to the Times" adds no claim of its own)."""
    return blocked.intersects(draft.content_start, draft.content_end)


def _main_subject(
    ctx: ClaimContext, sentence: Span, cue_start: int, found: list[Draft], direct: list[Draft]
) -> Phrase | None:
    """For a participle after a comma ("..., adding that"), the speaker of the clause before:
    the speaker of a claim just made in the sentence, else the name opening the sentence."""
    body = ctx.body
    verb = body[cue_start : cue_start + 12].split()[0] if body[cue_start : cue_start + 1] else ""
    if not verb.endswith("ing") or _char_before(body, cue_start, sentence.start) != ",":
        return None
    for draft in reversed(found):
        if draft.speaker is not None:
            return draft.speaker
    ends = [d.extent()[1] for d in direct]
    i = bisect_right(ends, cue_start) - 1
    if i >= 0 and ends[i] >= sentence.start and direct[i].speaker is not None:
        return direct[i].speaker
    return subject_phrase(body, sentence.start, cue_start)


def _with_cue(
    ctx: ClaimContext, sentence: Span, cue_start: int, cue_end: int, subject: Phrase | None
) -> Draft | None:
    body = ctx.body
    lex = lexicon()
    verb = " ".join(body[cue_start:cue_end].lower().split())
    weak = verb in lex.weak_cues and verb not in lex.strong_cues
    act = verb in lex.act_cues and verb not in lex.strong_cues and verb not in lex.weak_cues
    phrase = (
        subject
        or phrase_before(body, sentence.start, cue_start)
        or shared_subject(body, sentence.start, cue_start)
    )
    inverted = False
    if phrase is None:
        if act or _char_before(body, cue_start, sentence.start) != ",":
            return None
        phrase = phrase_after(body, cue_end, sentence.end)  # "..., said Smith."
        if phrase is None:
            return None
        inverted = True
    if act and not _names_someone(phrase):
        return None  # "a group called X" is no claim; "Smith called X" is
    after = cue_end if not inverted else phrase.end
    after = _skip_object(body, verb, after, sentence.end) if not inverted else after
    after = _FILLER.match(body, after, sentence.end).end()  # type: ignore[union-attr]
    that = _THAT.match(body, after, sentence.end)
    if that is not None:
        after = that.end()
    elif weak and not _names_someone(phrase):
        return None  # "the keys found" no; "Smith knows the plan failed" yes
    content = _trimmed(body, after, sentence.end)
    cue_text = " ".join(body[cue_start:cue_end].split())
    least = _MIN_ACT_WORDS if act else _MIN_CONTENT_WORDS
    if (
        content is not None
        and not inverted
        and _words(body, *content) >= least
        and "," not in body[after : content[0]]
    ):
        return Draft("reported", content[0], content[1], cue_text, cue_start, cue_end, phrase)
    if act or subject is not None:
        return None
    before = _content_before(body, sentence, phrase)
    if before is None or (weak and that is None):
        return None
    if content is not None and _words(body, *content) > _words(body, *before):
        before = content  # "The plan, Smith said, would fail": the longer piece
    return Draft("reported", before[0], before[1], cue_text, cue_start, cue_end, phrase)


def _names_someone(phrase: Phrase) -> bool:
    """A pronoun or a short name ("Smith", "Smith's campaign"), not a long noun phrase."""
    if phrase.pronoun:
        return True
    named = [t for t in phrase.tokens if t.capitalized and t.lower not in DETERMINERS]
    return bool(named) and len(phrase.tokens) - len(named) <= 2


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
