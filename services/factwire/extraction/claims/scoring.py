"""How hedged a claim is and how much it deserves a fact check.

The check-worthiness of a claim is a hand-set linear score over signals of its sentence, turned
into [0, 1] by the logistic function: each signal's weight is in log-odds, what a careful reader
would add or take away for it. A checkable claim states something that happened or is the case
(numbers, named people and bodies, what they did, comparisons, public money and laws); opinions,
wishes, promises, questions and small talk are not checkable. ``SIGNALS`` lists them in order,
each with an example; ``signals()`` tells which ones a claim has (for tests and for explaining a
score). The weights were set by hand from that reading, never fitted to labelled data.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from functools import lru_cache

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.features import SentenceFeatures, sentence_features
from factwire.extraction.language import lexicon
from factwire.extraction.sentences import Span
from factwire.models import ClaimKind

_LONG = 4000  # only the first characters of a very long claim are read for scoring
BIAS = -2.2  # a sentence with no signal at all scores 0.10

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT"})


@dataclass(slots=True)
class Evidence:
    """What a claim's score is read from: the sentence(s) holding it and what was found there.
    Only the first 4,000 characters of a very long sentence are read. ``hedged`` None: read
    from the content when needed; ``known``: the sentence's features, when read already."""

    kind: ClaimKind
    sentence: str
    content: str
    actors: frozenset[str] = frozenset()  # the named people, bodies and places in it (ids)
    named_speaker: bool = False
    hedged: bool | None = None
    known: InitVar[SentenceFeatures | None] = None
    features: SentenceFeatures = field(init=False)  # of the sentence

    def __post_init__(self, known: SentenceFeatures | None) -> None:
        self.features = sentence_features(self.sentence[:_LONG]) if known is None else known


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing a careful reader weighs; ``strength`` is 0 when absent, up to about 1."""

    name: str
    weight: float
    strength: Callable[[Evidence], float]


def evidence(
    ctx: ClaimContext, draft: Draft, span: Span, *, named_speaker: bool, hedged: bool | None = None
) -> Evidence:
    """The evidence of a draft whose sentence(s) are ``span``."""
    actors = frozenset(
        [m.entity.id for m in ctx.mentions_in(span.start, span.end) if m.entity.type in ACTOR_TYPES]
    )
    end = min(span.end, span.start + _LONG)
    sentence = ctx.body[span.start : end]
    start = draft.content_start
    content_end = min(draft.content_end, start + _LONG)
    # a statement is its own sentence: the same characters are not sliced twice
    same = start == span.start and content_end == end
    return Evidence(
        kind=draft.kind,
        sentence=sentence,
        content=sentence if same else ctx.body[start:content_end],
        actors=actors,
        named_speaker=named_speaker,
        hedged=hedged,
        known=ctx.features(span.start, end),
    )


def is_hedged(content: str) -> bool:
    """Whether hedging words occur; case matters so that the month "May" is no hedge."""
    return _hedged_head(content[:1].lower() + content[1:_LONG])


@lru_cache(maxsize=512)
def _hedged_head(head: str) -> bool:
    """Cached: a statement's content is read to decide on it and again for its claim."""
    return lexicon().hedge_pattern.search(head) is not None


def _numbers(e: Evidence) -> float:
    """Figures: "9 million jobs", "$3 billion", "seventy percent"; more than one a little more."""
    count = e.features.specifics
    return 0.0 if count == 0 else 1.0 + 0.15 * (count - 1)


def _dates(e: Evidence) -> float:
    """An absolute date ("in 1984", "March 3"), not "today" or "every day"."""
    return 1.0 if e.features.absolute_date else 0.0


def _actors(e: Evidence) -> float:
    """Named people, bodies, places, laws: "Governor Reagan", "the Senate", "Medicare Act"."""
    return min(len(e.actors), 2) / 2 + 0.5 if e.actors else 0.0


def _past_action(e: Evidence) -> float:
    """Something done: "voted against", "has cut", "sent troops"; opinions are mostly present
    or future."""
    return 1.0 if e.features.past_action else 0.0


def _comparison(e: Evidence) -> float:
    """A change or ranking: "rose", "more than", "the highest"."""
    return 1.0 if e.features.comparison else 0.0


def _public_affairs(e: Evidence) -> float:
    """What fact-checkers check most: taxes, budgets, jobs, prices, laws, votes, troops."""
    return 1.0 if e.features.public_affairs else 0.0


def _named_speaker(e: Evidence) -> float:
    """A quote or report by a named person or body ("Lopez said")."""
    return 1.0 if e.named_speaker else 0.0


def _length(e: Evidence) -> float:
    """Longer sentences have room for who, what and when: 0 at 10 words, 1 at 30, down to -0.45
    for one word ("Thank you." scores low without a rule of its own)."""
    return (min(e.features.word_count, 30) - 10) / 20


def _first_person_view(e: Evidence) -> float:
    """The speaker's own opinion or wish: "I think", "we want", "I'm going to"."""
    return 1.0 if e.features.first_person_view else 0.0


def _modal(e: Evidence) -> float:
    """What will, should or could happen: "we will", "you should", "it can"."""
    return 1.0 if e.features.modal else 0.0


def _hedge(e: Evidence) -> float:
    """Hedged content: "could", "probably", "reportedly"."""
    hedged = is_hedged(e.content) if e.hedged is None else e.hedged
    return 1.0 if hedged else 0.0


def _question(e: Evidence) -> float:
    """A question asks, it does not claim."""
    return 1.0 if e.features.question else 0.0


SIGNALS: tuple[Signal, ...] = (
    Signal("numbers", 1.6, _numbers),
    Signal("absolute_date", 0.6, _dates),
    Signal("named_actors", 0.6, _actors),
    Signal("past_action", 0.6, _past_action),
    Signal("comparison", 0.4, _comparison),
    Signal("public_affairs", 0.5, _public_affairs),
    Signal("named_speaker", 0.3, _named_speaker),
    Signal("length", 0.6, _length),
    Signal("first_person_view", -1.2, _first_person_view),
    Signal("modal", -0.5, _modal),
    Signal("hedge", -0.3, _hedge),
    Signal("question", -1.5, _question),
)


def signals(evidence: Evidence) -> dict[str, float]:
    """The signals a claim has, by name, with their strength (absent ones left out)."""
    strengths = ((s.name, s.strength(evidence)) for s in SIGNALS)
    return {name: value for name, value in strengths if value}


_RAISING = tuple((s.weight, s.strength) for s in SIGNALS if s.weight > 0)
_LOWERING = tuple((s.weight, s.strength) for s in SIGNALS if s.weight < 0)


def _raised(evidence: Evidence) -> float:
    """The bias plus the signals that raise a score."""
    total = BIAS
    for weight, strength in _RAISING:
        total += weight * strength(evidence)
    return total


def _lowered(evidence: Evidence, total: float) -> float:
    """``total`` plus the signals that lower a score."""
    for weight, strength in _LOWERING:
        total += weight * strength(evidence)
    return total


def log_odds(evidence: Evidence) -> float:
    """The linear score before the logistic function."""
    return _lowered(evidence, _raised(evidence))


def _probability(log_odds: float) -> float:
    return round(1 / (1 + math.exp(-log_odds)), 3)


def checkworthiness(evidence: Evidence) -> float:
    """A score in [0, 1], rounded to three decimals."""
    return _probability(log_odds(evidence))


def score_reaching(evidence: Evidence, floor: float) -> float | None:
    """The check-worthiness of ``evidence`` when it is at least ``floor``, else None; the
    signals that only lower a score are read only when the others reach it."""
    raised = _raised(evidence)
    if raised < _log_odds_of(floor):
        return None
    score = _probability(_lowered(evidence, raised))
    return score if score >= floor else None


@lru_cache(maxsize=8)
def _log_odds_of(probability: float) -> float:
    return math.log(probability / (1 - probability))


@dataclass(slots=True)
class ScoredDraft(Draft):
    """A draft scored where it was found, from ``evidence(ctx, draft, span, named_speaker=False)``
    with ``span`` its content: a statement, whose sentence is its content. ``hedged``: whether
    its content is hedged (``is_hedged``)."""

    score: float = 0.0
    hedged: bool = False


def claim_score(
    ctx: ClaimContext, draft: Draft, span: Span, *, named_speaker: bool, hedged: bool
) -> float:
    """``checkworthiness(evidence(ctx, draft, span, named_speaker=..., hedged=...))``, where
    ``hedged`` is ``is_hedged`` of the draft's content. The score of a `ScoredDraft` is reused
    when its evidence was read from the same span, speaker and hedging: the same evidence (an
    unknown ``hedged`` is read as ``is_hedged`` of the content), hence the same score."""
    if (
        type(draft) is ScoredDraft
        and not named_speaker
        and hedged is draft.hedged
        and span == (draft.content_start, draft.content_end)
    ):
        return draft.score
    return checkworthiness(evidence(ctx, draft, span, named_speaker=named_speaker, hedged=hedged))
