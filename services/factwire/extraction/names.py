"""What a name is, for every step that compares names: the labels of proper names, the key
names are compared by across an article, acronyms, legal forms and well-known aliases."""

from __future__ import annotations

from collections.abc import Sequence

from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import ACRONYM_SKIP
from factwire.extraction.language.name_words import LEGAL_FORMS

NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
    | {"LANGUAGE"}
)
"""Labels of proper names (the other OntoNotes labels are values: dates, amounts, numbers)."""


def name_key(word_or_name: str) -> str:
    """A name as compared across an article: an all-capitals form matches the capitalised one."""
    if word_or_name.isupper() and sum(c.isalpha() for c in word_or_name) > 3:
        return " ".join(w.capitalize() for w in word_or_name.split(" "))
    return word_or_name


def acronym(words: Sequence[str]) -> str:
    """The initials of a name of capitalised words ("Kurdistan Democratic Party" -> "KDP"),
    legal forms aside ("Apple Inc." has none)."""
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    initials = [w[0] for w in words if w[:1].isupper()]
    skipped = [w for w in words if not w[:1].isupper()]
    if len(initials) < 2 or len(initials) + len(skipped) < 2:
        return ""
    if any(w.lower() not in ACRONYM_SKIP for w in skipped):
        return ""
    return "".join(initials)


def without_legal_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    """A company name without its legal form ("Apic Yamada Corp" -> "Apic Yamada")."""
    suffixes = lexicon().organisation_suffixes
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return words


def known_aliases() -> dict[str, str]:
    """Every spelling of a well-known name (``aliases.tsv``) -> its canonical form."""
    return lexicon().aliases


def category_noun(name: str) -> bool:
    """A name that is only the word for a kind of organisation or event ("Bank", "League",
    "Authority", "Cup"): alone it describes a referent ("the Bank's target"), it does not name
    it, so it is no alias of "Bank of England"."""
    lex = lexicon()
    return (
        name in lex.organisation_anywhere
        or name in lex.organisation_suffixes
        or (name in lex.event_words)
    )


def person_titles() -> frozenset[str]:
    """Words before a name that are not part of it ("President", "Mr.")."""
    return lexicon().person_titles
