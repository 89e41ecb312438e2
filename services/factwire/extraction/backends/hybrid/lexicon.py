"""What the hybrid backend knows about words: the nouns and name words its context cues read,
and the gazetteers of companies and clubs derived from maintained data packages.

Word lists are data, kept here apart from the rules that read them. The derived gazetteers
(``companies.txt``, ``company_words.txt``, ``clubs.txt``) are written by
``deploy/gazetteers/build.py``; see ``extraction/data/rules/README.md`` for their sources.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parents[2] / "data" / "rules"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRODUCT_NOUNS = _words(
    "model models chatbot chatbots assistant app apps platform software processor processors "
    "chip chips phone phones smartphone smartphones handset lander rocket robot robots vaccine "
    "drug browser game console headset tablet laptop laptops car cars vehicle vehicles "
    "generator tool device devices network service"
)
"""Common nouns that name what a product is ("the Lumen 3 model", "the messaging app Chirp")."""

ORG_NOUNS = _words(
    "company companies firm firms start-up start-ups startup startups chipmaker chipmakers "
    "carmaker carmakers automaker automakers drugmaker drugmakers maker makers provider "
    "providers group rival rivals retailer retailers lender lenders bank banks airline "
    "airlines carrier fintech insurer club clubs side giant investor investors distributor "
    "regulator chain brand brands operator developer developers publisher studio label "
    "manufacturer manufacturers supplier suppliers conglomerate broker agency outlet "
    "newspaper broadcaster teams team"
)
"""Nouns that say a name after them is an organisation ("chipmaker Halcyon", "rival Quantora")."""

ORG_ROLES = _words(
    "chief executive officer financial operating technology president chairman chairwoman "
    "founder co-founder spokesman spokeswoman spokesperson analyst analysts shares stock "
    "manager coach boss executives engineers board director sporting researchers"
)
"""Words after a name that make it the employer of what follows ("Veltrix chief executive")."""

CLUB_ROLES = _words(
    "manager coach boss striker forward midfielder defender goalkeeper captain winger fans chairman"
)

WORK_NOUNS = _words(
    "film films movie novel book song single album series show thriller comedy documentary "
    "play musical track memoir drama sitcom"
)
"""Nouns before a title that make it a work of art ("the thriller Nightfall Harbor")."""

LAUNCH_VERBS = _words("launched released unveiled introduced launches releases unveils")

FACILITY_WORDS = _words(
    "Stadium Bridge Airport Centre Center Auditorium Circuit Arena Tower Station Base "
    "Palace Hall Hospital Museum Cathedral Square Avenue Estádio Estadio Stade Stadio"
)
LAW_WORDS = _words("Act Bill Agreement Treaty Directive Regulation Accord Constitution")
PLACE_WORDS = _words(
    "Shelf Ocean Sea River Mountains Valley Desert Lake Gulf Peninsula Glacier Basin Strait"
)
ORG_NAME_WORDS = _words(
    "AI Labs Lab Robotics Semiconductor Semiconductors Money Partners Research Records "
    "Authority Agency Commission Office Survey University Institute Ministry Council Party "
    "Alliance Federation Association Union League Rovers Athletic Wanderers Albion FC CF "
    "Capital Ventures Airways Air Motors Studios Games Solar Coffee Foods Software Cloud"
)
"""Words inside a name that make it an organisation's ("Norrland Robotics", "Ondine AI")."""

SPORTS_WORDS = _words(
    "goal goals scored match league season striker midfielder defender goalkeeper manager "
    "coach transfer loan wickets innings penalty cup championship tournament fixture "
    "semi-final quarter-finals quarter-final final stadium squad"
)
"""Words that make an article a sports report, where a town's name may stand for its club."""


def _lines(name: str) -> frozenset[str]:
    path = _DATA / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def companies() -> frozenset[str]:
    """Names of listed companies as news writes them ("Nvidia", "Goldman Sachs")."""
    return _lines("companies.txt")


@lru_cache(maxsize=1)
def company_words() -> frozenset[str]:
    """Last words of many company names ("Technologies"), plus :data:`ORG_NAME_WORDS`."""
    return _lines("company_words.txt") | ORG_NAME_WORDS


@lru_cache(maxsize=1)
def clubs() -> frozenset[str]:
    """Football clubs and their short names ("Manchester United", "Man Utd")."""
    return _lines("clubs.txt")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _lines("first_names.txt") | _lines("first_names_world.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _lines("surnames.txt")


@lru_cache(maxsize=1)
def _place_rows() -> tuple[tuple[str, str], ...]:
    rows = (line.split("\t") for line in _lines("places.tsv"))
    return tuple((r[0], r[1]) for r in rows if len(r) > 1)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Every name of the place gazetteer (countries, cities, regions)."""
    return frozenset(name for name, _ in _place_rows())


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country names of the place gazetteer ("GPE country" entries)."""
    return frozenset(name for name, label in _place_rows() if label == "GPE country")
