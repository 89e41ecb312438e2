"""Document-level corrections of a backend's systematic errors.

A statistical tagger decides one sentence at a time; an article gives more evidence than that.
Each rule is a small function from the article and its mentions to corrected mentions, and the
rules run in the order of :data:`RULES`: first the spans are cleaned (line breaks, edges,
articles, possessives, trailing numbers), then known confusions are fixed, then labels are made
consistent across the article and propagated to repeated mentions the backend missed. Every
rule is linear in the size of the article.

A rule lives in the module of its theme (``edges``, ``numbers``, ``people``, ``sports``,
``places``, ``agreement``), with the patterns it uses beside it and an example in its docstring.
A new rule is one function there, one line in :data:`RULES` and one test row.

The rules were written against a statistical tagger's errors; a backend that settles some of
these cases itself names the rules it does not need in a ``corrections_not_needed`` attribute,
built with :func:`rule_names` so that a misspelt name fails at import; the pipeline passes it
on as ``skip``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from factwire.extraction.corrections.agreement import (
    consistent_labels,
    names_in_full,
    propagate_names,
)
from factwire.extraction.corrections.edges import (
    cut_at_dashes,
    cut_at_line_breaks,
    drop_non_names,
    join_coordinated_names,
    join_possessive_org,
    trim_edges,
    trim_leading_article,
    trim_lowercase_words,
    trim_possessive,
    trim_shouted_common_word,
)
from factwire.extraction.corrections.numbers import split_at_numbers, units_are_amounts
from factwire.extraction.corrections.people import (
    complete_person_names,
    currencies_are_not_names,
    fix_known_confusions,
    offices_are_not_names,
    products_not_people,
)
from factwire.extraction.corrections.places import (
    adjectives_of_places,
    countries_are_places,
    landforms_by_noun_after,
    organisations_named_after_countries,
    places_by_context,
    tag_demonyms,
)
from factwire.extraction.corrections.sports import teams_in_match_reports, teams_in_tables
from factwire.extraction.corrections.text import deduplicated
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.errors import UnknownCorrectionError

Rule = Callable[[ArticleText, list[RawMention]], list[RawMention]]

_ORDER: tuple[Rule, ...] = (
    cut_at_line_breaks,
    trim_edges,
    cut_at_dashes,
    trim_leading_article,
    trim_lowercase_words,
    trim_shouted_common_word,
    join_possessive_org,
    join_coordinated_names,
    trim_possessive,
    split_at_numbers,
    units_are_amounts,
    complete_person_names,
    drop_non_names,
    fix_known_confusions,
    currencies_are_not_names,
    offices_are_not_names,
    products_not_people,
    teams_in_tables,
    teams_in_match_reports,
    countries_are_places,
    organisations_named_after_countries,
    places_by_context,
    landforms_by_noun_after,
    adjectives_of_places,
    tag_demonyms,
    consistent_labels,
    names_in_full,
    propagate_names,
)

RULES: tuple[tuple[str, Rule], ...] = tuple((rule.__name__, rule) for rule in _ORDER)
"""Every rule with its name (the function's own), in the order they run."""

RULE_NAMES = frozenset(name for name, _ in RULES)


def rule_names(*names: str) -> frozenset[str]:
    """Names of rules, checked: a name that is no rule of :data:`RULES` raises."""
    unknown = sorted(set(names) - RULE_NAMES)
    if unknown:
        raise UnknownCorrectionError(f"no correction rule named {', '.join(unknown)}")
    return frozenset(names)


def correct(
    text: ArticleText, mentions: list[RawMention], *, skip: Collection[str] = ()
) -> list[RawMention]:
    """Apply every rule of :data:`RULES` in order (``skip`` names rules to leave out)."""
    for name, rule in RULES:
        if name not in skip:
            mentions = rule(text, mentions)
    return deduplicated(mentions)


__all__ = [
    "RULES",
    "RULE_NAMES",
    "Rule",
    "adjectives_of_places",
    "complete_person_names",
    "consistent_labels",
    "correct",
    "countries_are_places",
    "currencies_are_not_names",
    "cut_at_dashes",
    "cut_at_line_breaks",
    "drop_non_names",
    "fix_known_confusions",
    "join_coordinated_names",
    "join_possessive_org",
    "landforms_by_noun_after",
    "names_in_full",
    "offices_are_not_names",
    "organisations_named_after_countries",
    "places_by_context",
    "products_not_people",
    "propagate_names",
    "rule_names",
    "split_at_numbers",
    "tag_demonyms",
    "teams_in_match_reports",
    "teams_in_tables",
    "trim_edges",
    "trim_leading_article",
    "trim_lowercase_words",
    "trim_possessive",
    "trim_shouted_common_word",
    "units_are_amounts",
]
