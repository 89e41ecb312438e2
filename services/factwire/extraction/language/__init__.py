"""English language data for the extraction rules, kept apart from the rules (the idea of
spaCy's ``lang/en/``).

Word lists read from files live in ``language/data/`` (one list, one file; sources in the README
there) and are reached through the one cached :func:`lexicon`. Short closed word classes are
Python sets in the modules of this package, named by what the rules do with them:
``function_words`` (articles, pronouns, conjunctions), ``amounts`` (dates, numbers, money),
``name_words`` (words that type a name), ``claim_words`` (what makes a statement
checkable), ``speaker_words`` (where a speaker phrase ends, what a description says about its
speaker), ``sports``, and ``patterns`` (shared phrase patterns).
A rule module imports its words from here and defines none of its own.
"""

from factwire.extraction.language.lexicon import Lexicon, lexicon
from factwire.extraction.language.loader import data_lines, data_rows, words
from factwire.extraction.language.phrase_finder import PhraseFinder

__all__ = ["Lexicon", "PhraseFinder", "data_lines", "data_rows", "lexicon", "words"]
