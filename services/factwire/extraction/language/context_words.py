"""Words around and inside a name that tell its type: the vocabulary of the hybrid backend's
context cues ("the messaging app Chirp", "chipmaker Halcyon", "Ondine AI"). Hand-written."""

from __future__ import annotations

from factwire.extraction.language.loader import words

PRODUCT_NOUNS = words(
    "model models chatbot chatbots assistant app apps platform software processor processors "
    "chip chips phone phones smartphone smartphones handset lander rocket robot robots vaccine "
    "drug browser game console headset tablet laptop laptops car cars vehicle vehicles "
    "generator tool device devices network service product products"
)
"""Common nouns that name what a product is ("the Lumen 3 model", "the messaging app Chirp")."""

ORG_NOUNS = words(
    "company companies firm firms start-up start-ups startup startups chipmaker chipmakers "
    "carmaker carmakers automaker automakers drugmaker drugmakers maker makers provider "
    "providers group rival rivals retailer retailers lender lenders bank banks airline "
    "airlines carrier fintech insurer club clubs side giant investor investors distributor "
    "regulator chain brand brands operator developer developers publisher studio label "
    "manufacturer manufacturers supplier suppliers conglomerate broker agency outlet "
    "newspaper broadcaster teams team journal magazine"
)
"""Nouns that say a name after them is an organisation ("chipmaker Halcyon", "rival Quantora")."""

ORG_ROLES = words(
    "chief executive officer financial operating technology president chairman chairwoman "
    "founder co-founder spokesman spokeswoman spokesperson analyst analysts shares stock "
    "manager coach boss executives engineers board director sporting researchers"
)
"""Words after a name that make it the employer of what follows ("Veltrix chief executive")."""

CLUB_ROLES = words(
    "manager coach boss striker forward midfielder defender goalkeeper captain winger fans chairman"
)

WORK_NOUNS = words(
    "film films movie novel book song single album series thriller comedy documentary "
    "musical memoir drama sitcom"
)
"""Nouns before a title that make it a work of art ("the thriller Nightfall Harbor")."""

LAUNCH_VERBS = words("launched released unveiled introduced launches releases unveils")

FACILITY_WORDS = words(
    "Stadium Bridge Airport Centre Center Auditorium Circuit Arena Tower Station Base "
    "Palace Hall Hospital Museum Cathedral Square Avenue House Estádio Estadio Stade Stadio"
)
LAW_WORDS = words("Act Bill Agreement Treaty Directive Regulation Accord Constitution")
PLACE_WORDS = words(
    "Shelf Ocean Sea River Mountains Valley Desert Lake Gulf Peninsula Glacier Basin Strait"
)
PLACE_NOUNS = words(
    "town towns city cities village villages island islands province provinces region "
    "district state county port suburb capital settlement enclave"
)
"""Nouns of a place whose name follows "of": "the town of X", "the island of X"."""
ORG_NAME_WORDS = words(
    "AI Labs Lab Robotics Semiconductor Semiconductors Money Partners Research Records "
    "Authority Agency Commission Office Survey University Institute Ministry Council Party "
    "Alliance Federation Association Union League Rovers Athletic Wanderers Albion FC CF "
    "Capital Ventures Airways Air Motors Studios Games Solar Coffee Foods Software Cloud"
)
"""Words inside a name that make it an organisation's ("Norrland Robotics", "Ondine AI")."""

CLUB_CONTEXT = words(
    "club clubs league manager transfer squad striker midfielder defender goalkeeper winger"
)
"""Words of a team-sport report: with them, a town's name may stand for its club (not in a
tennis or motor-racing report, where "beat" is said of people)."""

NOT_A_VERSION = words(
    "percent per cent million billion trillion year years day days point points goal goals "
    "minute minutes hour hours people seats votes to and or of in on at"
)
"""Words after "Name N" that make N a quantity, not a version ("Sable 2" vs "Kent 3 points")."""

ORG_NOUNS_AFTER = words(
    "party company group firm club team union coalition movement agency newspaper daily weekly "
    "tabloid magazine broadcaster airline flight flights"
)
"""Nouns after a determined name that make it an organisation ("the Morena party")."""

APPOSITION_END = words(
    "of that which who in from with for at on by already now founded based backed used made "
    "known owned run led"
)
"""Words that end the head noun of an apposition ("the coffee chain founded in ...")."""

REGION_WORDS = words("County Province Prefecture Oblast Governorate Municipality")
"""Last words of the names of administrative regions ("Turkana County"): places (GPE)."""
