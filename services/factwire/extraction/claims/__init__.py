"""Claims: direct quotes, reported speech and checkable statements, with who makes them.

Rules over sentences, quotation marks, reporting cues and the entity mentions of either backend;
no parser. Every step is linear in the length of the body (each looks at bounded windows).
"""

from __future__ import annotations

from typing import Any

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.marks import find_quotes
from factwire.extraction.claims.quotes import attribute_quotes, embedded_quotes
from factwire.extraction.claims.reported import find_reported
from factwire.extraction.claims.resolver import SpeakerResolver
from factwire.extraction.claims.scoring import ACTOR_TYPES, claim_score, is_hedged
from factwire.extraction.claims.statements import find_statements
from factwire.extraction.document import ArticleText
from factwire.extraction.sentences import Span
from factwire.models import Claim, Entity, Speaker

__all__ = ["find_claims"]

MAX_CONTEXT_CHARS = 2000


def find_claims(text: ArticleText, entities: list[Entity]) -> list[Claim]:
    """The claims of an article's body, in order of appearance."""
    if not text.body.strip():
        return []
    ctx = ClaimContext(text.body, entities)
    quotes = find_quotes(ctx)
    quoted = [(q.open, q.end) for q in quotes]
    direct = attribute_quotes(ctx, quotes)
    taken = [d.extent() for d in direct]
    reported = find_reported(ctx, quoted, direct)
    held = taken + [(d.content_start, d.content_end) for d in reported]
    embedded = embedded_quotes(ctx, quotes, held)
    reported += embedded
    covered = taken + [d.extent() for d in reported]
    statements = find_statements(ctx, covered)
    drafts = sorted(direct + reported + statements, key=lambda d: (d.extent()[0], d.content_start))
    return _resolve(ctx, drafts, quoted)


def _resolve(ctx: ClaimContext, drafts: list[Draft], quoted: list[tuple[int, int]]) -> list[Claim]:
    resolver = SpeakerResolver(ctx, sorted(quoted))
    named = _entities_by_name(ctx.entities)
    actors = {e.id for e in ctx.entities if e.type in ACTOR_TYPES}
    claims: list[Claim] = []
    last_quote_speaker: Speaker | None = None
    for draft in drafts:
        speaker: Speaker | None = None
        if draft.speaker is not None:
            speaker = _linked(resolver.resolve(draft.speaker), named)
        elif draft.inherits:
            speaker = last_quote_speaker
        if draft.kind == "quote":
            last_quote_speaker = speaker
        by_actor = speaker is not None and speaker.entity_id in actors
        claims.append(_claim(ctx, draft, speaker, len(claims) + 1, named_speaker=by_actor))
    return claims


def _entities_by_name(entities: list[Entity]) -> dict[str, Entity]:
    """Each name and alias of the article's entities, to the first entity that has it."""
    named: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            named.setdefault(name, entity)
    return named


def _linked(speaker: Speaker, named: dict[str, Entity]) -> Speaker:
    """A speaker written as an entity of the article is that entity, whatever rule found it
    ("Twelve percent said", a poll's share of voters, is the PERCENT entity "Twelve percent")."""
    if speaker.entity_id is not None:
        return speaker
    entity = named.get(speaker.name)
    return speaker if entity is None else Speaker(name=entity.name, entity_id=entity.id)


def _claim(
    ctx: ClaimContext, draft: Draft, speaker: Speaker | None, number: int, *, named_speaker: bool
) -> Claim:
    """The claim of a draft; ``named_speaker``: said by a named person or body."""
    body = ctx.body
    extent = draft.extent()
    span = ctx.sentences_covering(*extent)
    if (span.end - span.start) - (extent[1] - extent[0]) > MAX_CONTEXT_CHARS:
        span = Span(*extent)  # a "sentence" without end (no punctuation): keep to the claim
    content = body[draft.content_start : draft.content_end]
    mentioned = ctx.mentions_in(draft.content_start, draft.content_end)
    entity_ids = list(dict.fromkeys(m.entity.id for m in mentioned))
    hedged = is_hedged(content)
    score = claim_score(ctx, draft, span, named_speaker=named_speaker, hedged=hedged)
    # every field in the model's order, as validation would store it (see `_valid_claim`)
    return _valid_claim(
        {
            "id": f"c{number}",
            "kind": draft.kind,
            "text": body[span.start : span.end],
            "start": span.start,
            "end": span.end,
            "content": content,
            "speaker": speaker,
            "cue": draft.cue,
            "entity_ids": entity_ids,
            "hedged": hedged,
            "checkworthiness": score,
        }
    )


_CLAIM_FIELDS = frozenset(Claim.model_fields)
_set_attribute = object.__setattr__


def _valid_claim(fields: dict[str, Any]) -> Claim:
    """The `Claim` of values valid by construction, as `Claim.model_construct` stores it
    without its loop over the fields (validation was half the cost of a claim). Safe because the
    values are what validation would keep: positions of the body (ints >= 0), a score rounded in
    [0, 1] (`scoring.checkworthiness`), a kind of `ClaimKind`, a `Speaker` instance (validation
    keeps instances), a new list of entity ids (str), a bool; every field is given, in the
    model's order, so the dump and equality are the validated claim's (tests compare the two)."""
    claim = Claim.__new__(Claim)
    _set_attribute(claim, "__dict__", fields)
    _set_attribute(claim, "__pydantic_fields_set__", set(_CLAIM_FIELDS))
    _set_attribute(claim, "__pydantic_extra__", None)  # extra="ignore": none kept
    _set_attribute(claim, "__pydantic_private__", None)  # the model has no private attributes
    return claim
