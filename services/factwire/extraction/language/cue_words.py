"""The small words of the hybrid backend's context cue patterns ("a model made by X", "signed
from X", "20 km north of X"): the cues build their regular expressions from these sets with
:func:`factwire.extraction.language.patterns.one_of`. Hand-written."""

from __future__ import annotations

from factwire.extraction.language.function_words import NAME_CONNECTORS
from factwire.extraction.language.loader import words

ARTICLES = words("the a an")
ORG_POSSESSIVES = words("its their")
PERSON_POSSESSIVES = words("his her")
NEW_WORDS = words("new latest")
"""Adjectives between a determiner and a product ("its latest Lumen 3 model")."""
FLAGSHIP_WORDS = NEW_WORDS | words("flagship")

NAMING_VERBS = words("called named dubbed")
"""Participles before a name that the noun before them types ("a chatbot called Chirp")."""
SOLD_AS_VERBS = words("sold marketed branded")
"""Verbs of "<verb> as X": what something is sold as is a product."""
LIST_OPENERS = frozenset(("such as", "like", "including"))
"""What opens a list of examples after a plural noun ("companies like X, Y and Z")."""
REPORTING_VERBS = words("said says told added announced reported wrote")
"""Verbs of a reporting clause, which is no apposition ("in Dublin, the company said")."""
PERFECT_AUXILIARIES = words("has had")
OWNER_VERBS = words("launched released makes owns developed built unveiled sells runs")
"""Verbs after "X, which (has)" that make X an organisation ("X, which owns Y")."""
MAKER_LINKS = frozenset(("made by", "built by", "from", "by"))
"""What links a product noun to its maker ("a model from X", "chips made by X")."""
MAKERS_BEHIND = words(
    "company companies firm firms start-up start-ups startup startups developer developers "
    "studio studios maker makers"
)
"""Who stands "behind" a product ("the company behind Chirp"); not a team, which stands behind
a rival in a table."""
LAUNCHED_VERBS = words("launched released unveiled introduced")
"""Verbs whose object is a product ("released Lumen 3")."""
ROLES_AFTER_EMPLOYER = words("chief co-founder founder president chairman chairwoman")
"""The first word of a role after its employer ("Veltrix chief executive")."""

CLUB_VERBS_BEFORE = words(
    "from join joins joined against beat beats host hosts stun stunned knocked"
) | frozenset(("at home to",))
"""Words before a club in a team-sport report ("signed from X", "at home to X")."""
FOR_CLUB_VERBS = words("goal goals played plays playing signed scored")
"""Words of "<word> (...) for X", X a club ("scored twice for X")."""
CLUB_VERBS_AFTER = words("beat beats stun knocked") | frozenset(
    ("have signed", "have agreed", "drew with")
)
"""Words after a club in a team-sport report ("X have signed ...")."""

DISTANCE_UNITS = words("km kms kilometres kilometers miles metres meters")
COMPASS_POINTS = words(
    "north south east west north-east north-west south-east south-west northeast northwest "
    "southeast southwest"
)
ORDINAL_SUFFIXES = words("st nd rd th")
MINUTE_WORDS = words("min mins minute minutes")
DISMISSALS = words("c b st") | frozenset(("lbw b", "c & b"))
"""Cricket scorecard marks before a fielder's or bowler's name ("c Lee b Khan")."""
ADDRESS_PREPOSITIONS = words("in at of near from")
"""Prepositions before a place or venue named with its town ("at Edgbaston, Birmingham")."""

INSTITUTION_WORDS = words(
    "Ministry Survey Association Council Federation Union Commission Agency Authority Office "
    "Institute University Academy Society Service Bureau Committee Foundation Museum Library "
    "Corporation Cross Party Army Navy Bank Board"
)
"""Last words of the name of a nation's institution, whose nationality is part of its name
("British Antarctic Survey", "German Foreign Ministry"); a company's name is not ("Chinese
Kling AI")."""
MAKER_OF_NOUNS = words("maker makers developer developers creator creators")
"""Nouns of "the <noun> of X": X is what they make ("the maker of Dove soap")."""

ORG_NAME_JOINERS = words("of for the in on dello della delle degli dei des") | NAME_CONNECTORS
"""Lower-case words inside an organisation's name ("Human Rights in China", "Gazzetta dello
Sport"); "and" joins two names unless the name ends with an organisation's word."""
