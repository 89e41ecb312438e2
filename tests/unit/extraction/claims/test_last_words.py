"""The last tokens before a cue (`claims.last_words`): reading only the last word gives the
tokens the whole window ends with. Every sentence is invented for the test."""

from __future__ import annotations

import pytest

from factwire.extraction.claims.last_words import last_kept, last_tokens
from factwire.extraction.claims.phrases import tokens
from factwire.extraction.language.function_words import PHRASE_SKIP

TEXTS = [
    "Jane Roe, the U.S. envoy, has since said the deal was off.",
    "Sen. Jeffrey M. Jones (R-Ohio) also told reporters it failed.",
    "The mayor's office -- in a long statement -- later said: no.",
    "Roe, who\tonce\nsaid it, was\u00a0not asked; she is quoted as saying so.",
    "Officials of the co-op & its board _ were   repeatedly    asked.",
    "It is, the report's authors wrote, what 47% of them believe.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_last_tokens_end_the_window(text: str) -> None:
    for end in range(1, len(text) + 1):
        for lo in range(max(0, end - 45), end):
            whole = tokens(text, lo, end)
            tail, complete = last_tokens(text, lo, end)
            assert tail == whole[len(whole) - len(tail) :]
            assert not complete or tail == whole


@pytest.mark.parametrize("text", TEXTS)
def test_last_kept_is_the_last_token_not_skipped(text: str) -> None:
    for end in range(1, len(text) + 1):
        lo = max(0, end - 30)
        kept = tokens(text, lo, end)
        while kept and kept[-1].lower in PHRASE_SKIP:
            kept.pop()
        assert last_kept(text, lo, end, PHRASE_SKIP) == (kept[-1] if kept else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roe has also said", "Roe"),  # "has" and "also" are skipped: the whole window is read
        ("the plan, Roe said", "Roe"),
        ("was also said", None),  # every word skipped
    ],
)
def test_last_kept_rows(text: str, expected: str | None) -> None:
    cue = text.rindex(" ") + 1
    found = last_kept(text, 0, cue, PHRASE_SKIP)
    assert (found.text if found is not None else None) == expected
