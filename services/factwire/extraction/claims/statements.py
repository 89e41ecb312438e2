"""Unattributed statements worth checking.

A sentence outside quotes and reported claims becomes a ``statement`` when its check-worthiness
(``scoring``) reaches ``STATEMENT_FLOOR``: a figure, an absolute date, or a named actor doing
something is enough; a question, a quotation fragment or a sentence under three words never is.
What makes a sentence specific is read by ``features``.
"""

from __future__ import annotations

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.scoring import evidence, reaches

MIN_WORDS = 3
MAX_CHARS = 1500
STATEMENT_FLOOR = 0.3  # a figure alone, or a named actor doing something, reaches it


def find_statements(ctx: ClaimContext, covered: list[tuple[int, int]]) -> list[Draft]:
    """Sentences outside other claims that state something specific enough to check."""
    drafts: list[Draft] = []
    covered = sorted(covered)
    k = 0
    for sentence in ctx.sentences:
        while k < len(covered) and covered[k][1] <= sentence.start:
            k += 1
        if k < len(covered) and covered[k][0] < sentence.end:
            continue
        if sentence.end - sentence.start > MAX_CHARS:
            continue
        text = ctx.body[sentence.start : sentence.end]
        if text[:1] in '"“”':
            continue
        draft = Draft("statement", sentence.start, sentence.end)
        found = evidence(ctx, draft, sentence, named_speaker=False)
        if found.features.question or found.features.word_count < MIN_WORDS:
            continue
        if reaches(found, STATEMENT_FLOOR):
            drafts.append(draft)
    return drafts
