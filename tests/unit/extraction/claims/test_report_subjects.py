"""Speaker phrases of reporting clauses beyond `claims.phrases` (`claims.report_subjects`): the
phrase each finder reads before the cue, or ``None``. Every sentence is invented for the test."""

from __future__ import annotations

import pytest

from factwire.extraction.claims.phrases import Phrase
from factwire.extraction.claims.report_subjects import before_dashes, share_subject


def _before(finder: str, body: str, cue: str) -> str | None:
    cue_start = body.index(cue)
    found: Phrase | None = {"share": share_subject, "dashes": before_dashes}[finder](
        body, 0, cue_start
    )
    return found.text if found is not None else None


ROWS = [
    ("share", "Nearly half said they would vote for it.", "said", "Nearly half"),
    ("share", "In May, 47% say the levy is too high.", "say", "47%"),
    ("share", "Most of the farmers believe the drought is over.", "believe", "Most of the farmers"),
    ("share", "Those polled said the mayor did well.", "said", "Those polled"),
    ("share", "The farmers said the drought was over.", "said", None),
    ("share", "Lopez most recently said the plan was dead.", "said", None),
    ("dashes", "Jane Roe — a teacher from Dayton — says she will vote.", "says", "Jane Roe"),
    ("dashes", "Jane Roe, a teacher, says she will vote.", "says", None),
]


@pytest.mark.parametrize(("finder", "body", "cue", "expected"), ROWS)
def test_subject_before_cue(finder: str, body: str, cue: str, expected: str | None) -> None:
    assert _before(finder, body, cue) == expected
