"""Unattributed statements worth checking.

A sentence outside quotes and reported claims becomes a ``statement`` when its check-worthiness
(``scoring``) reaches ``STATEMENT_FLOOR``: a figure, an absolute date, or a named actor doing
something is enough; a question, a quotation fragment or a sentence under three words never is.
What makes a sentence specific is read by ``features``.
"""

from __future__ import annotations

from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.drafts import Draft
from factwire.extraction.claims.scoring import ScoredDraft, evidence, is_hedged, score_reaching

MIN_WORDS = 3
MAX_CHARS = 1500
STATEMENT_FLOOR = 0.3  # a figure alone, or a named actor doing something, reaches it
_QUOTE_MARKS = ('"', "“", "”")  # a sentence opening with one is a quotation fragment


def find_statements(ctx: ClaimContext, covered: list[tuple[int, int]]) -> list[Draft]:
    """Sentences outside other claims that state something specific enough to check."""
    drafts: list[Draft] = []
    covered = sorted(covered)
    body = ctx.body
    k = 0
    for sentence in ctx.sentences:
        start, end = sentence
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        if k < len(covered) and covered[k][0] < end:
            continue
        # an empty sentence (which startswith does not see) has no words: skipped below
        if end - start > MAX_CHARS or body.startswith(_QUOTE_MARKS, start, end):
            continue
        # the features the evidence reads (no sentence here is over 4,000 characters): a
        # question or a short sentence needs no evidence
        features = ctx.features(start, end)
        if features.question or features.word_count < MIN_WORDS:
            continue
        draft = ScoredDraft("statement", start, end)
        found = evidence(ctx, draft, sentence, named_speaker=False)
        score = score_reaching(found, STATEMENT_FLOOR)
        if score is not None:
            draft.score = score
            draft.hedged = is_hedged(found.content)  # read by the score already (cached)
            drafts.append(draft)
    return drafts
