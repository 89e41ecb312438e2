"""A model-free backend: capitalisation and number patterns. Fast, and good enough to start with."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factwire.extraction.document import ArticleText, RawMention
from factwire.models import ExtractorName, TextField

_MONEY = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?")
_PERCENT = re.compile(r"\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+\b")


class RulesBackend:
    name: ExtractorName = "rules"
    version = "rules-0.1"
    model: str | None = None

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        return [self._one(t) for t in texts]

    def _one(self, text: ArticleText) -> list[RawMention]:
        out: list[RawMention] = []
        for field in ("title", "body"):
            f: TextField = "title" if field == "title" else "body"
            s = text.field(f)
            for pattern, label in ((_MONEY, "MONEY"), (_PERCENT, "PERCENT"), (_NAME, "PERSON")):
                out.extend(RawMention(f, m.start(), m.end(), label) for m in pattern.finditer(s))
        return out
