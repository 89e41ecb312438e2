"""How hedged a claim is and how much it deserves a fact check."""

from __future__ import annotations

from factwire.extraction.claims.statements import SPECIFIC_TYPES, has_comparison, has_specifics
from factwire.extraction.language import lexicon
from factwire.models import ClaimKind

_BASE: dict[str, float] = {"statement": 0.35, "reported": 0.3, "quote": 0.25}
_LONG = 4000  # only the first characters of a very long claim are read for scoring


def is_hedged(content: str) -> bool:
    """Whether hedging words occur; case matters so that the month "May" is no hedge."""
    head = content[:1].lower() + content[1:_LONG]
    return lexicon().hedge_pattern.search(head) is not None


def checkworthiness(
    kind: ClaimKind,
    content: str,
    entity_types: list[str],
    *,
    named_speaker: bool,
    hedged: bool,
) -> float:
    """A score in [0, 1]: specifics (numbers, named actors, comparisons) raise it; hedges,
    opinions, questions and very short claims lower it."""
    head = content[:_LONG]
    score = _BASE[kind]
    if has_specifics(head) or any(t in SPECIFIC_TYPES for t in entity_types):
        score += 0.3
    if any(t in ("PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT") for t in entity_types):
        score += 0.15
    if has_comparison(head):
        score += 0.1
    if named_speaker:
        score += 0.1
    if hedged:
        score -= 0.1
    if lexicon().opinion_pattern.search(head):
        score -= 0.15
    if head.rstrip().endswith("?"):
        score -= 0.2
    if len(head.split()) < 5:
        score -= 0.15
    return round(min(1.0, max(0.0, score)), 3)
