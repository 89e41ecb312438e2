"""A model-free backend: gazetteers, capitalisation and context rules, in linear time.

One module per concern, in the order the text goes through them: ``tokens`` (one
regular-expression pass, sentence starts, capitals lines), ``amounts`` (dates, money, numbers
from token patterns), ``chunks`` (runs of capitalised words that may be names), ``name_types``
(the ordered typing rules that give each run its type), ``agreement`` (article-wide: a guessed
name takes the type a confident one of the same article has). ``gazetteer`` indexes the word
lists of :mod:`factwire.extraction.language` once per process.
"""

from factwire.extraction.backends.rules.backend import (
    RulesBackend,
    article_mentions,
    find_mentions,
)

__all__ = ["RulesBackend", "article_mentions", "find_mentions"]
