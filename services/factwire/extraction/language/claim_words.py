"""Words that tell a checkable statement from an opinion, a wish or a promise: the vocabulary of
check-worthiness (``claims/scoring.py``) and of unattributed statements (``claims/statements.py``).
Hand-written.

The sets are looked up in the lower-case words of a sentence, with apostrophes written ``'`` and
punctuation stripped ("Don't," -> "don't"). The number, month and comparison words of
:mod:`~factwire.extraction.language.amounts` serve other rules and differ on purpose, see
``STATEMENT_NUMBER_WORDS`` and ``STATEMENT_MONTHS``.
"""

from __future__ import annotations

import re

from factwire.extraction.language.loader import words

FIRST_PERSON_WORDS = words("i we i'm we're i'd we'd my")
"""Without one of these, no first-person view can be stated (a cheap test before the pattern)."""

FIRST_PERSON_VIEW = re.compile(
    r"\b(?:I|[Ww]e)(?:'d|’d| would| don't| don’t| do not| do| really| just| still| also| "
    r"strongly| firmly| personally| sincerely| honestly| certainly){0,3} "
    r"(?:think|believe|feel|want|wish|hope|guess|suppose|like|love|intend|plan)\b"
    r"|\b(?:I'm|I’m|I am|[Ww]e're|[Ww]e’re|[Ww]e are) (?:sure|convinced|confident|proud|going to|"
    r"gonna|not going to|determined|committed|here)\b"
    r"|\b(?i:in my (?:opinion|view|judgment)|it seems to me|my (?:hope|view|belief) is)\b"
)
"""I/we + a verb of opinion, wish or intention ("I think", "we don't want", "I'd like")."""

MODAL_WORDS = words(
    "will won't shall should must ought need needs going gonna let's can't cannot would "
    "could can i'll we'll you'll they'll he'll she'll it'll that'll there'll"
)
"""What will, should or could be: promises, plans and advice are not facts yet."""

PAST_IRREGULAR = words(
    "made got took went cut paid spent lost won gave sent sold bought built brought came "
    "became began grew fell rose left led met put ran saw set kept held stood taught wrote "
    "fought chose drove flew hit laid lent meant quit rode shot shut spoke spread stole "
    "struck swore threw withdrew overcame overtook"
)
"""Irregular past forms of verbs of action ("sent troops", "cut taxes")."""

NOT_PAST_ACTIONS = words(
    "need indeed speed seed feed breed bleed red bed shed hundred hundreds kindred sacred "
    "naked wicked wretched rugged ragged beloved concerned interested worried tired pleased "
    "surprised excited convinced committed determined dedicated prepared supposed scared "
    "believed hoped wanted wished liked loved hated feared needed seemed appeared talked "
    "asked called"
)
"""Words in -ed that are no past action: feelings, states of mind, and words that just end so."""

PERFECT_WORDS = words("has have had i've we've you've they've")
"""Without one of these, no perfect tense (a cheap test before the pattern)."""

PERFECT = re.compile(
    r"\b(?:has|have|had|'ve|’ve)(?: not| never| already| just| also)? [a-z]+(?:ed|en|t)\b"
)
"""A perfect tense of a verb of action: "has cut", "have never voted"."""

PUBLIC_AFFAIRS_WORDS = words(
    "tax taxes taxpayers budget budgets deficit deficits debt spending unemployment "
    "unemployed jobs wages income inflation economy gdp medicare medicaid welfare poverty "
    "crime law laws bill bills legislation vote votes voted veto treaty troops military "
    "weapons nuclear oil energy insurance pension pensions salaries prices tariffs exports "
    "imports interest surplus"
)
"""What fact-checkers check most: taxes, budgets, jobs, prices, laws, votes, troops."""

PUBLIC_AFFAIRS_PHRASES = ("social security", "health care", "minimum wage")
"""The same, of several words (looked up in the lower-case sentence)."""

STATEMENT_NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety"
)
"""Spelled numbers that make a statement specific. Unlike ``amounts.NUMBER_WORDS`` (the amount
grammar of the rules backend), "one" is left out, being mostly a pronoun ("no one", "one of
them"), and "dozen", "hundreds", ... are counted by ``amounts.SPECIFIC_WORDS`` instead."""

STATEMENT_MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb aug sept sep oct nov dec"
)
"""Lower-case months: a sentence with none of these and no digit has no absolute date. Unlike
``amounts.MONTHS`` (case kept, abbreviations with their dot), looked up in stripped lower-case
words; "mar", "apr", "jun", "jul" are left out as ``ABSOLUTE_MONTH`` does not read them."""

_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
ABSOLUTE_YEAR = re.compile(r"(?:1(?<!\w1)[5-9]|2(?<!\w2)0)\d\ds?\b")
"""A year: "in 1984", "the 1990s", from 1500 to 2099 at a word boundary; the boundary is checked
behind the first digit, so that a search skips from digit to digit."""

MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
"""What every month of ``ABSOLUTE_MONTH`` begins with: without it, no need to search for one."""

ABSOLUTE_MONTH = re.compile(
    rf"\b(?:{_MONTHS}|May)\s+\d"
    rf"|\b(?:in|since|until|by|of|last|this|next|early|late)\s+(?:{_MONTHS})(?!\w)"
)
"""A month with a day or after a preposition: "March 3", "since June" ("May" only before a
day, so that the modal is no date)."""
