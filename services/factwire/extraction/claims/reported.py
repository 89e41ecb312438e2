"""Reported speech and beliefs: "X said (that) ...", "according to X, ...", "..., X said".

Each sentence is scanned once for reporting cues outside quotations. A cue with a speaker phrase
before it takes the rest of the sentence as its content; when nothing follows the cue (or only
a time or setting), the content is what precedes the speaker ("The plan failed, Smith said.").
Attributions read from a source rather than a reporting clause ("according to X", a headline's
"Source: ...", "In a new poll, ...") are in `claims.sourced`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import NamedTuple

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Attribution, Draft, first_match
from factwire.extraction.claims.last_words import last_kept
from factwire.extraction.claims.phrases import (
    Phrase,
    addressee_end,
    phrase_after,
    phrase_before,
    shared_subject,
    subject_phrase,
    tokens,
)
from factwire.extraction.claims.report_subjects import (
    before_dashes,
    names_someone,
    opening_subject,
    reports_bare,
    share_subject,
    words_follow,
)
from factwire.extraction.claims.sourced import MIN_CONTENT_WORDS as _MIN_CONTENT_WORDS
from factwire.extraction.claims.sourced import according_to as _according_to
from factwire.extraction.claims.sourced import char_before as _char_before
from factwire.extraction.claims.sourced import fewer_words as _fewer_words
from factwire.extraction.claims.sourced import headline_source as _headline_source
from factwire.extraction.claims.sourced import in_writing as _in_writing
from factwire.extraction.claims.sourced import possessive_stances as _possessive_stances
from factwire.extraction.claims.sourced import title_case_headline as _title_case_headline
from factwire.extraction.claims.sourced import trimmed as _trimmed
from factwire.extraction.claims.sourced import word_count as _words
from factwire.extraction.claims.speakers import is_possessive
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import (
    BE_FORMS,
    CLAUSE_BREAKS,
    COORDINATORS,
    FUNCTION_WORDS,
    PHRASE_SKIP,
    POSSESSIVES,
    PRONOUNS,
    WRITER_PRONOUNS,
)
from factwire.extraction.language.function_words import RELATIVE_PRONOUNS as SUBJECT_ENDS
from factwire.extraction.language.patterns import ACCORDING_TO as _ACCORDING_TO
from factwire.extraction.language.patterns import PASSIVE_AGENT, REPORT_FILLER
from factwire.extraction.sentences import Span

_OBJECT_VERBS = lexicon().object_verbs
_STATES = lexicon().state_cues
_SKIP_NOT_BE = PHRASE_SKIP - BE_FORMS  # made once, not per cue
_STRONG = lexicon().strong_cues
_WEAK_ONLY = lexicon().weak_cues - _STRONG  # "knows", "found": the kinds of a cue, made once
_ACT_ONLY = lexicon().act_cues - _STRONG - lexicon().weak_cues
_new_clause_tuple = tuple.__new__
_CUES_IN = lexicon().cue_pattern.finditer  # looked up once, not per sentence
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b|:)")
MAX_CUES_PER_SENTENCE = 40
_MIN_ACT_WORDS = 2
_BREAK = re.compile(r"\s(?:—|–|--)\s|;|,\s+(?:" + "|".join(sorted(CLAUSE_BREAKS)) + r")\s")


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

    def first_in(self, start: int, end: int) -> int:
        """The first position of ``[start, end)`` inside a range, else ``end``."""
        if start in self:
            return start
        i = bisect_left(self._starts, start)
        return min(end, self._starts[i]) if i < len(self._starts) else end


def find_reported(
    ctx: ClaimContext, quoted: list[tuple[int, int]], direct: list[Draft]
) -> list[Draft]:
    """Drafts of reported speech in the sentences, skipping quotes and direct-quote claims."""
    extents = [d.extent() for d in direct]  # read once for both sets of ranges
    blocked = _Blocked(quoted + extents)
    claimed = _Blocked(extents)
    drafts: list[Draft] = []
    headline = _headline_source(ctx) or _title_case_headline(ctx)
    if headline is not None and not _overlaps(headline, claimed):
        drafts.append(headline)
        blocked = _Blocked([*quoted, *extents, headline.extent()])
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
    writing = _in_writing(body, sentence)
    if writing is not None and not _overlaps(writing, claimed):
        found.append(writing)
    # a plain substring test first: the pattern's search would read every character
    accordings = (
        _ACCORDING_TO.finditer(body, sentence.start, sentence.end)
        if body.find("ccording to", sentence.start, sentence.end) >= 0
        else ()
    )
    for tried, according in enumerate(accordings):
        if tried >= MAX_CUES_PER_SENTENCE:
            break
        if according.start() in blocked:
            continue
        draft = _according_to(ctx, sentence, according.start(), according.end())
        if draft is not None and not _overlaps(draft, claimed):
            found.append(draft)
            consumed = max(consumed, draft.extent()[1])
    for tried, cue in enumerate(_CUES_IN(body, sentence.start, sentence.end)):
        if tried >= MAX_CUES_PER_SENTENCE:
            break  # no real sentence reports this much: stop spending time on it
        cue_start, cue_end = cue.span()
        if cue_start in blocked:
            continue
        inside = cue_start < consumed
        outer = _coordinated(body, found, cue_start) if inside else None
        subject = outer.speaker if outer is not None else None
        subject = subject or _main_subject(ctx, sentence, cue_start, found, direct)
        draft = _with_cue(ctx, sentence, cue_start, cue_end, subject)
        if draft is None or not _before_claimed(body, draft, claimed):
            continue
        if outer is not None:
            _end_before(body, outer, cue_start)
        elif inside:
            outer = _new_clause(body, found, draft)
            if outer is None or draft.speaker is None:
                continue
            _end_before(body, outer, draft.speaker.start)
        found.append(draft)
        consumed = max(consumed, draft.extent()[1])
    return _with_stances(body, sentence, blocked, claimed, found)


def _with_stances(
    body: str, sentence: Span, blocked: _Blocked, claimed: _Blocked, found: list[Draft]
) -> list[Draft]:
    """The claims found, with "Smith's decision to run" (`sourced.possessive_stances`) where
    no other claim of the sentence holds its words."""
    for draft in _possessive_stances(body, sentence):
        taken = _Blocked([d.extent() for d in found])
        if draft.cue_start in blocked or _overlaps(draft, claimed):
            continue
        if not taken.intersects(draft.cue_start, draft.content_end):
            found.append(draft)
    return found


def _new_clause(body: str, found: list[Draft], draft: Draft) -> Draft | None:
    """`While Smith admitted the plan had flaws, Jones said it would pass`: a named speaker
    after a comma inside the words of an earlier claim starts a report of its own; the claim
    it cuts short, else ``None``."""
    outer = found[-1] if found else None
    speaker = draft.speaker
    if outer is None or speaker is None or speaker.pronoun is not None:
        return None
    if not outer.content_start < speaker.start < outer.content_end or speaker.end > draft.cue_start:
        return None
    if outer.speaker is not None and outer.speaker.text == speaker.text:
        return None
    return outer if _char_before(body, speaker.start, outer.content_start) == "," else None


def _coordinated(body: str, found: list[Draft], cue_start: int) -> Draft | None:
    """`Smith called the plan reckless and said it would fail` / `Smith declined to comment,
    saying the case was closed`: a second cue joined to the first by "and"/"but" or as a
    participle inside its words reports again, by the same speaker; the claim it is joined to,
    else ``None``."""
    outer = found[-1] if found else None
    if outer is None or not outer.content_start < cue_start < outer.content_end:
        return None
    last = last_kept(body, max(outer.content_start, cue_start - 40), cue_start, PHRASE_SKIP)
    if last is None:
        return None
    participle = last.text == "," and body[cue_start:].split(maxsplit=1)[0].endswith("ing")
    return outer if last.lower in COORDINATORS or participle else None


def _end_before(body: str, draft: Draft, cue_start: int) -> None:
    """Cut a claim's words before the conjunction that joins the next report to it."""
    last = last_kept(body, max(draft.content_start, cue_start - 40), cue_start, PHRASE_SKIP)
    trimmed = _trimmed(body, draft.content_start, last.start) if last is not None else None
    if trimmed is not None:
        draft.content_end = trimmed[1]


def _before_claimed(body: str, draft: Draft, claimed: _Blocked) -> bool:
    """Whether a report keeps words of its own before any direct quote already claimed: `Roe
    said the plan failed. ''It was doomed,'' she added` (no sentence break before doubled
    apostrophes) ends before the quote; a report that opens inside one is dropped."""
    cut = claimed.first_in(draft.content_start, draft.content_end)
    if cut == draft.content_end:
        return True
    while cut > draft.content_start and not body[cut - 1].isalnum() and body[cut - 1] not in ".?!:":
        cut -= 1  # back over the opening marks
    kept = _trimmed(body, draft.content_start, cut)
    if kept is None or _fewer_words(body, *kept, _MIN_CONTENT_WORDS):
        return False
    if not body[cut].isalnum() and body[cut - 1] not in ".?!:":
        return False  # `called it a "disaster" and left`: a quote inside the report
    draft.content_end = kept[1]
    return True


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
    if "ing" not in body[cue_start : cue_start + 12]:
        return None  # the verb read below ends with "ing": a substring test spares the split
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


class ReportingClause(NamedTuple):
    """A reporting cue with its speaker, read once for the `WITH_CUE` patterns: where the
    reported words may start (past the cue, its addressee, a time or setting, and "that") and
    what kind of verb the cue is (a tuple: one is made for most cues)."""

    body: str
    sentence: Span
    attribution: Attribution
    inverted: bool  # "..., said Smith": the speaker follows the cue
    weak: bool  # "knows", "found": reports speech only with "that" or a named subject
    act: bool  # "called", "praised": an act of judging, which needs a named subject
    given_subject: bool  # the speaker is the subject of an earlier clause ("..., adding")
    after: int
    that: bool
    content: tuple[int, int] | None  # the words from ``after`` to the end of the sentence


def _reporting_clause(
    ctx: ClaimContext, sentence: Span, cue_start: int, cue_end: int, subject: Phrase | None
) -> ReportingClause | None:
    """The clause of a cue, or ``None`` when the cue has no speaker who can report."""
    body = ctx.body
    cue = " ".join(body[cue_start:cue_end].split())
    verb = cue.lower()
    weak = verb in _WEAK_ONLY
    act = verb in _ACT_ONLY
    phrase = (
        subject
        or before_dashes(body, sentence.start, cue_start)
        or phrase_before(body, sentence.start, cue_start)
        or shared_subject(body, sentence.start, cue_start)
        or (opening_subject(body, sentence.start, cue_start) if verb in _STRONG else None)
    )
    share = None if phrase is not None else share_subject(body, sentence.start, cue_start)
    phrase = phrase or share
    inverted = phrase is None and not act and _char_before(body, cue_start, sentence.start) == ","
    if inverted:
        phrase = phrase_after(body, cue_end, sentence.end)  # "..., said Smith."
        if phrase is not None and phrase.pronoun is not None and words_follow(body, phrase.end):
            # "Smith, the ranking member of ..., said he supports it": no inverted "said he"
            inverted, phrase = False, subject_phrase(body, sentence.start, cue_start)
    if phrase is None or (act and share is None and not names_someone(phrase)):
        return None  # "a group called X" is no claim; "Smith called X" is
    if inverted:
        after = phrase.end
    elif verb in _OBJECT_VERBS:
        after = addressee_end(body, cue_end, sentence.end)
    else:
        after = cue_end
    after = REPORT_FILLER.match(body, after, sentence.end).end()  # type: ignore[union-attr]
    that = _THAT.match(body, after, sentence.end)
    if that is not None:
        after = that.end()
    content = _trimmed(body, after, sentence.end)
    if weak and that is None and not _ends(body, content) and not reports_bare(phrase):
        return None  # "the keys found" no; "Smith knows it failed", "a poll shows" yes
    attribution = Attribution(phrase, cue, cue_start, cue_end)
    # the fields in their order, without the Python-level constructor (one clause per cue)
    fields = (body, sentence, attribution, inverted, weak, act, subject is not None, after)
    return _new_clause_tuple(ReportingClause, (*fields, that is not None, content))


def _content_after_cue(clause: ReportingClause) -> tuple[int, int] | None:
    """`Smith said (that) the plan failed.` / `Smith told reporters on Monday it failed.` An act
    of judging ends at a comma: `Smith praised the plan, and won the vote` praised the plan;
    any report ends at a dash that sets off an aside (`Smith said it failed — a rare admission`),
    at a semicolon or at ", and" / ", but" / ", while", which start a clause of their own."""
    content, body = clause.content, clause.body
    least = _MIN_ACT_WORDS if clause.act else _MIN_CONTENT_WORDS
    if content is None or clause.inverted or _fewer_words(body, *content, least):
        return None
    if "," in body[clause.after : content[0]]:
        return None
    comma = body.find(",", content[0], content[1]) if clause.act else -1
    cut = _trimmed(body, content[0], comma) if comma > content[0] else None
    content = cut if cut is not None else content
    dash = _BREAK.search(body, content[0], content[1])
    cut = _trimmed(body, content[0], dash.start()) if dash is not None else None
    return cut if cut is not None and not _fewer_words(body, *cut, least) else content


def _content_before_speaker(clause: ReportingClause) -> tuple[int, int] | None:
    """`The plan failed, Smith said.` / `The plan failed, said Smith.` / `The plan, Smith
    said, would fail` (the longer piece)."""
    if (
        clause.act
        or clause.given_subject
        or (clause.weak and not (clause.that or _ends(clause.body, clause.content)))
    ):
        return None
    speaker = clause.attribution.speaker
    before = _content_before(clause.body, clause.sentence, speaker.start)
    content = clause.content
    longer = (
        before is not None
        and content is not None
        and _words(clause.body, *content) > _words(clause.body, *before)
    )
    return content if longer else before


def _ends(body: str, content: tuple[int, int] | None) -> bool:
    """Whether nothing but punctuation follows a cue ("..., the study found."): then even a
    verb that often reports no speech ("found", "shows") attributes the words before it."""
    return content is None or not any(c.isalnum() for c in body[content[0] : content[1]])


def _content_before_inverted_cue(clause: ReportingClause) -> tuple[int, int] | None:
    """`The plan will fail, said Jane Roe, a pollster.`: the words before the comma ahead of a
    cue that its speaker follows."""
    if not clause.inverted or clause.weak:
        return None
    return _content_before(clause.body, clause.sentence, clause.attribution.cue_start)


def _as_speaker_said(clause: ReportingClause) -> tuple[int, int] | None:
    """`As Smith noted, the plan failed.` / `The plan failed, as Smith noted in May.`: a cue in
    an "as" clause attributes the rest of the sentence, on either side."""
    if clause.inverted or clause.act or clause.given_subject:
        return None
    body, sentence = clause.body, clause.sentence
    speaker = clause.attribution.speaker
    start = speaker.start - 3
    if start < sentence.start or body[start : speaker.start].lower() != "as ":
        return None
    if start == sentence.start:
        comma = body.find(",", clause.attribution.cue_end, sentence.end)
        content = _trimmed(body, comma + 1, sentence.end) if comma >= 0 else None
    else:
        content = _content_before(body, sentence, start)
    enough = content is not None and not _fewer_words(body, *content, _MIN_CONTENT_WORDS)
    return content if enough else None


# Where the reported words of a cue with a speaker lie, in priority order: the first pattern
# that finds them wins. A new pattern is a function of `ReportingClause` and a line here.
WITH_CUE: tuple[Callable[[ReportingClause], tuple[int, int] | None], ...] = (
    _content_after_cue,
    _content_before_speaker,
    _content_before_inverted_cue,
    _as_speaker_said,
)


def _with_cue(
    ctx: ClaimContext, sentence: Span, cue_start: int, cue_end: int, subject: Phrase | None
) -> Draft | None:
    word = ctx.body[cue_start:cue_end]
    participle = " " not in word and not word.endswith("ing")  # "is seeking" is no passive
    if participle and word not in _STATES and _passive(ctx.body, sentence.start, cue_start):
        return None
    if participle and PASSIVE_AGENT.match(ctx.body, cue_end, sentence.end):
        return None  # "the barriers promised by the government": the one who speaks follows
    if _possessed(ctx.body, sentence.start, cue_start):
        return None
    clause = _reporting_clause(ctx, sentence, cue_start, cue_end, subject)
    content = first_match(WITH_CUE, clause)
    if clause is None or content is None or clause.attribution.speaker.pronoun in WRITER_PRONOUNS:
        return None
    if _relative(ctx.body, sentence.start, cue_start):
        content = _to_comma(ctx.body, content)
    return clause.attribution.draft("reported", *content)


def _possessed(body: str, start: int, cue_start: int) -> bool:
    """`Editor's note:`, `his call for`, `their plans`: a cue right after a possessive is a
    noun (a noun of saying with its possessor is `sourced.possessive_stances`)."""
    # only the last word is read: rsplit makes two pieces where split makes one per word
    before = body[max(start, cue_start - 20) : cue_start].rsplit(maxsplit=1)
    if not before or not (before[-1][-1:].isalpha() or before[-1][-1:] in "'’"):
        return False  # nothing, or punctuation ("Roe, the rep," / "(his")
    last = before[-1].lower()
    if last[:-2] in PRONOUNS or last[:-2] in FUNCTION_WORDS:
        return False  # "he's said", "that's": a contracted "is" or "has"
    return last in POSSESSIVES or is_possessive(last)


def _relative(body: str, start: int, cue_start: int) -> bool:
    """Whether the cue opens a relative clause ("Smith, who called the plan reckless, ...")."""
    last = last_kept(body, max(start, cue_start - 40), cue_start, PHRASE_SKIP)
    return last is not None and last.lower in SUBJECT_ENDS and last.lower != "that"


def _to_comma(body: str, content: tuple[int, int]) -> tuple[int, int]:
    """`Smith, who called the plan reckless, said it failed`: the words of a cue in a relative
    clause end at the comma closing the clause when a cue of the main clause follows it."""
    comma = body.find(",", content[0], content[1])
    if comma <= content[0]:
        return content
    after = tokens(body, comma + 1, min(content[1], comma + 40))
    while after and after[0].lower in PHRASE_SKIP:
        after = after[1:]
    if not after or lexicon().cue_pattern.match(body, after[0].start) is None:
        return content
    trimmed = _trimmed(body, content[0], comma)
    return trimmed if trimmed is not None else content


def _passive(body: str, start: int, cue_start: int) -> bool:
    """`Smith is expected to run`, `Smith was asked about it`: after a form of "be" a one-word
    cue is passive, and its subject is not the one who speaks (a phrase such as "quoted as
    saying" is written whole in the list)."""
    last = last_kept(body, max(start, cue_start - 30), cue_start, _SKIP_NOT_BE)
    return last is not None and last.lower in BE_FORMS


def _content_before(body: str, sentence: Span, lead_end: int) -> tuple[int, int] | None:
    """``The plan failed, Smith said.``: the words before the comma ahead of ``lead_end`` (the
    speaker, or the cue of an inverted attribution)."""
    lead_end = min(lead_end, sentence.end)
    if _char_before(body, lead_end, sentence.start) != ",":
        return None
    content = _trimmed(body, sentence.start, lead_end)
    if content is None or _fewer_words(body, *content, _MIN_CONTENT_WORDS):
        return None
    return content
