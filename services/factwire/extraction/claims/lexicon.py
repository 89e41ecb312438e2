"""Former home of the claims word lists, now in :mod:`factwire.extraction.language`.

Kept only so that code written against the old import path keeps working while other changes
are merged; new code imports from ``factwire.extraction.language``.
"""

from __future__ import annotations

from factwire.extraction.language import Lexicon, PhraseFinder, lexicon

__all__ = ["Lexicon", "PhraseFinder", "lexicon", "word_list"]


def word_list(text: str) -> list[str]:
    """The words of a space-separated string (superseded by ``language.words``)."""
    return text.split()
