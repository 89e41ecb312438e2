"""Mention backends: each turns article texts into typed spans (OntoNotes labels).

``hybrid`` (the default) combines ``spacy`` (statistical NER) and ``rules`` (model-free name
finder); the two stay selectable on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.errors import UnknownExtractorError
from factwire.models import ExtractorName

BACKEND_NAMES: tuple[ExtractorName, ...] = ("hybrid", "spacy", "rules")


class Backend(Protocol):
    """Finds entity mentions. Batched so that statistical backends can use their fast path."""

    name: ExtractorName
    version: str
    model: str | None

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]: ...


def load_backend(name: str) -> Backend:
    if name == "spacy":
        from factwire.extraction.backends.spacy_backend import SpacyBackend

        return SpacyBackend()
    if name == "hybrid":
        from factwire.extraction.backends.hybrid import HybridBackend

        return HybridBackend()
    if name == "rules":
        from factwire.extraction.backends.rules import RulesBackend

        return RulesBackend()
    raise UnknownExtractorError(f"unknown extractor {name!r}: expected one of {BACKEND_NAMES}")
