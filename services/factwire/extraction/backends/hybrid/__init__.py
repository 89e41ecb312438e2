"""The default backend: spaCy's statistical NER and the rules name finder, combined.

The two fail in different places -- spaCy misses names it has never seen, the rules backend
finds them but guesses their type from capitalisation -- so the hybrid runs both over the
article and decides each name from their agreement, the gazetteers, context cues and an
article-level vote (:mod:`.combine` states the policy, :mod:`.cues` the context rules).
"""

from __future__ import annotations

from collections.abc import Sequence

from factwire.extraction.backends.hybrid.combine import combine
from factwire.extraction.backends.rules import RulesBackend
from factwire.extraction.backends.spacy_backend import SpacyBackend
from factwire.extraction.document import ArticleText, RawMention
from factwire.models import ExtractorName

VERSION = "hybrid-0.2"


class HybridBackend:
    name: ExtractorName = "hybrid"
    # The rules backend's decisions on tables, match reports and repeated names are kept; the
    # shared corrections written against a statistical tagger would only undo them.
    corrections_not_needed = RulesBackend.corrections_not_needed | {"join_possessive_org"}

    def __init__(self) -> None:
        self._spacy = SpacyBackend()
        self._rules = RulesBackend()
        self.model: str | None = self._spacy.model
        self.version = f"{VERSION} ({self._spacy.version}, {self._rules.version})"

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        statistical = self._spacy.mentions(texts)
        found = self._rules.mentions(texts)
        return [
            combine(text, rules, spacy)
            for text, rules, spacy in zip(texts, found, statistical, strict=True)
        ]
