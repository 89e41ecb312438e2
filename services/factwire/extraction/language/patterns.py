"""Phrase patterns shared by several rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

from factwire.extraction.language import speaker_words as sw

ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")
"""The cue of "according to X", in the middle or at the start of a sentence."""

POSSESSIVE_NOUN_CUE = re.compile(
    r"(?:\b((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s|\b([Hh]is|[Hh]er|[Tt]heir))\s+"
    r"(?:[a-z]+\s+)??([a-z]+)\s+(that|to|for|of|on|about|against)\b"
)
"""A named possessor, up to one modifier, a noun and the word opening what the noun is about:
"Smith's decision to", "Lopez's public criticism of" (the noun is checked against a list)."""


def one_of(phrases: Iterable[str], *, capitalised: bool = False, space: str = r"\s+") -> str:
    """A regex group matching any phrase of a word list, longest first; ``capitalised`` adds
    each phrase with a capital first letter ("the" and "The"), ``space`` is what a space in a
    phrase matches (any run of white space unless told)."""
    forms = set(phrases)
    if capitalised:
        forms |= {p[:1].upper() + p[1:] for p in forms}
    ordered = sorted(forms, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(space.join(re.escape(w) for w in p.split(" ")) for p in ordered) + ")"


REPORT_FILLER = re.compile(
    rf"(?:\s*+,)?+(?:\s++(?:{one_of(sw.REPORT_TIME_LEADS)}\s++)?+{one_of(sw.REPORT_TIMES)}\b"
    rf"|\s++{one_of(sw.REPORT_VENUE_PREPOSITIONS)}\s++{one_of(sw.REPORT_VENUE_DETERMINERS)}\s++"
    rf"{one_of(sw.REPORT_VENUES, space=' ')}\b"
    rf"|\s++{one_of(sw.REPORT_ADVERBS)}\b)*+"
)
"""Times, occasions and adverbs after a reporting cue, before the clause it reports (an optional
comma first): "said on Monday in a statement that" is read up to "that"."""


PASSIVE_AGENT = re.compile(r"\s+by\s+(?:the|a|an|[A-Z])")
"""An agent right after a participle ("promised by the government", "announced by Smith"): the
participle is passive, not a report by the words before it ("said by phone" is no agent)."""


QUOTE_SETTING = re.compile(
    rf"\s+{one_of(sw.SETTING_PREPOSITIONS)}\s+{one_of(sw.REPORT_VENUE_DETERMINERS)}\s+"
    rf"{one_of(sw.WRITTEN_SETTINGS, space=' ')}\b"
)
"""Where a quote's words were given, right after its cue ("said in a statement")."""
