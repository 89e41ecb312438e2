"""Former module of the rules backend, now the package :mod:`factwire.extraction.backends.rules`.

Kept so that imports written against the old path keep working while other changes are merged.
"""

from factwire.extraction.backends.rules import RulesBackend, article_mentions, find_mentions

__all__ = ["RulesBackend", "article_mentions", "find_mentions"]
