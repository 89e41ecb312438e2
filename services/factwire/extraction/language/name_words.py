"""Words that tell what kind of name a capitalised run is. Hand-written."""

from __future__ import annotations

from factwire.extraction.language.loader import words

OF_HEADS = words(
    "Republic Kingdom Duke Earl Isle Cape Bank State States Province Prince Princess Gulf Bay "
    "Sea Strait Lake Mount Ministry Department University College Institute Council Court "
    "Church House Board Bureau Office Commission Committee Federation Association Society "
    "League Union Chamber Academy School Party Museum Order Organisation Organization"
)
"""Words after which a name goes on with "of" ("Bank of Japan")."""

PLACE_HEADS = words(
    "Republic Kingdom Principality Duchy Emirate Sultanate Federation Commonwealth State States "
    "Isle Island Islands Cape Gulf Bay Sea Strait Lake Mount Port City Province Region Coast "
    "North South East West Northern Southern Eastern Western Central Centre Holy"
)
"""First words of a name "<X> of <place>" that is itself a place ("Republic of Ireland",
"Gulf of Mexico", "South of France")."""

COUNTRY_LINKS = words("of de do da du des di del")
"""Words joining a name's head to the country it ends in ("Bank of England",
"Infraestruturas de Portugal")."""

EVENT_HEADS = words("Hurricane Typhoon Cyclone Storm Operation")
"""First words that make a name an event ("Hurricane Katrina")."""

NATURAL_PLACE_WORDS = words(
    "River Mountains Mountain Island Islands Lake Bay Valley Region Peninsula Strait Sea Ocean "
    "Gulf Coast Desert Heights Hills Basin Delta Plain Plateau Forest"
)
"""Last words that make a name a landscape (LOC)."""

LANDFORM_NOUNS = words(
    "river rivers lake mountains mountain range valley desert basin delta glacier plateau sea "
    "ocean gulf peninsula strait estuary"
)
"""Common nouns after a name that make it a landscape's ("the Júcar river", "the Rhine
valley")."""

BUILT_PLACE_WORDS = words(
    "Road Street Avenue Square Stadium Park Airport Bridge Canal Hall Palace Arena Ground Oval "
    "Field Garden Gardens Circuit Course Tower Cathedral Temple Mosque Prison Port Harbour Dam"
)
"""Last words that make a name a facility (FAC)."""

NOT_ORGANISATIONS = words(
    "GMT CET EST EDT PST RBI ERA CEO CFO GDP GNP VAT TV AM PM IPO EPS PMI DNA AIDS HIV OK PC "
    "CD DVD FM SMS PR ID PCT NA"
)
"""Abbreviations in capitals that name no organisation."""

SURNAME_ENDINGS = (
    "ov", "ova", "ev", "eva", "sky", "ski", "ska", "vic", "vich", "enko", "chuk", "dze",
    "shvili", "escu", "opoulos", "akis", "idis", "oglu", "ucci", "sson",
)  # fmt: skip
"""Endings of family names ("Petrenko", "Karlsson")."""

LEGAL_FORMS = frozenset({
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Limited", "Plc",
    "PLC", "plc", "LLC", "LLP", "AG", "SA", "S.A.", "NV", "N.V.", "BV", "GmbH", "SpA", "AB", "ASA",
    "Oyj", "KK", "Bhd",
})  # fmt: skip
"""Legal forms of companies: no part of their acronym."""

DEMONYM_ENDINGS = (("an", "a"), ("ian", ""), ("ian", "y"), ("ean", "e"), ("ese", ""))
"""How an adjective of a place is made from its name: (ending of the adjective, ending of the
place name it replaces) -- "Valencian" from "Valencia", "Parisian" from "Paris", "Hungarian"
from "Hungary", "Chilean" from "Chile", "Milanese" from "Milan"."""

HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})
"""Parts of the United Kingdom that field national teams: countries in sports results."""

GENERATIONS = frozenset(["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"])
"""Generation suffixes after a person's name ("Martin Luther King Jr.")."""

PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ess", "man", "woman")
"""Endings of nouns for people ("spokeswoman", "economist"), heads of speaker phrases."""

TITLE_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ary")
"""Endings of lower-case words inside a title before a name ("presidential nominee")."""

NOT_PEOPLE = words(
    "campaign ministry department agency company firm poll polls report study survey statement "
    "committee government administration office group organization organisation network "
    "newspaper paper magazine website court board council union party commission house"
)
"""Heads of speaker phrases that are no person ("the ministry said")."""
