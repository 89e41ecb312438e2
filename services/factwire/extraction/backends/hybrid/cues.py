"""Context cues: what the words around a name say about its type.

Each cue is a small named rule that reads the text just before or after a name and, when it
applies, returns a label and the weight of its evidence; :data:`CUES` is their registry, read in
order by the hybrid backend, which adds the weights to the other evidence about the name. The
cues are stated for any name, not for particular ones: a careful reader applies them to names
they have never seen ("chipmaker Halcyon" is a company whatever Halcyon is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from factwire.extraction.language import context_words as cw
from factwire.extraction.language import cue_words as cuw
from factwire.extraction.language import lexicon
from factwire.extraction.language.patterns import one_of

STRONG = 3.0
"""A cue that settles the type on its own against both backends' guesses."""
MEDIUM = 2.0
"""A cue that settles the type against one backend's guess."""
CLUB_VERB = 2.5
"""A town that signs or plays in a team-sport report: a club even where both backends read
the town."""


@dataclass(frozen=True, slots=True)
class NameInContext:
    """A name with the text of its field around it."""

    text: str
    start: int
    end: int
    sports: bool
    """The article reads as a sports report (numbers after names are scores)."""
    clubs: bool = False
    """The article reads as a team-sport report (a town's name may stand for its club)."""
    labels: frozenset[str] = frozenset()
    """The labels the backends gave this span."""

    @property
    def surface(self) -> str:
        return self.text[self.start : self.end]

    def before(self, chars: int = 60) -> str:
        return self.text[max(0, self.start - chars) : self.start]

    def after(self, chars: int = 60) -> str:
        return self.text[self.end : self.end + chars]


Evidence = tuple[str, float] | None
Cue = Callable[[NameInContext], Evidence]

_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s+$")
_DETERMINERS = one_of(cuw.ARTICLES | cuw.ORG_POSSESSIVES | cuw.PERSON_POSSESSIVES, capitalised=True)
_DETERMINED_WORD_BEFORE = re.compile(
    rf"\b(?:{_DETERMINERS}|{one_of(cuw.NEW_WORDS)}|[\w]['’]s)\s+(?:[\w-]+\s+)?"
    r"([a-z][\w-]*)\s+(?:The\s+)?$"
)
_DETERMINER_BEFORE = re.compile(rf"(?:\b{_DETERMINERS}|['’]s)\s+$")
_WORD_AFTER = re.compile(r"^(?:\s+\d+)?\s+([a-z][\w-]*)")
_AGE_AFTER = re.compile(r"^\s?,\s+\d{1,2}\s?,")
_CALLED_BEFORE = re.compile(rf"([a-z][\w-]*),?\s+{one_of(cuw.NAMING_VERBS)}\s+$")
_SOLD_AS_BEFORE = re.compile(rf"\b{one_of(cuw.SOLD_AS_VERBS)}\s+as\s+$")
_VERSION_AFTER = re.compile(
    r"^(?:\s[A-Z]?\d{1,2}[a-z]?|-\d{2,4}|\s?[A-Z]\d{1,3})(?=[\s,.;:)]|$)(?:\s+(\w+))?"
)
_LIST_OPENER = one_of(cuw.LIST_OPENERS, space=" ")
_LIST_BEFORE = re.compile(
    rf"([A-Za-z][\w-]*)\s+{_LIST_OPENER}\s+(?:[A-Z][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*)*"
    r"(?:,\s+|,?\s+and\s+|,?\s+or\s+))*$"
)
_LIST_OPENER_IN = tuple(f" {w} " for w in cuw.LIST_OPENERS)
_ORG_DETERMINERS = one_of(cuw.ARTICLES | cuw.ORG_POSSESSIVES)
_APPOSITION_AFTER = re.compile(rf"^,\s+{_ORG_DETERMINERS}\s+((?:[\w.'’-]+\s*){{1,6}})")
_REPORTING = re.compile(rf"\b{one_of(cuw.REPORTING_VERBS)}\b")
_WHICH_LAUNCHED_AFTER = re.compile(
    rf"^,\s+which\s+(?:{one_of(cuw.PERFECT_AUXILIARIES)}\s+)?{one_of(cuw.OWNER_VERBS)}\b"
)
_MAKER_BEFORE = re.compile(rf"\b([a-z][\w-]*)\s+{one_of(cuw.MAKER_LINKS)}\s+$")
_BEHIND_BEFORE = re.compile(rf"\b{one_of(cuw.MAKERS_BEHIND)}\s+behind\s+$")
_MAKER_OF_BEFORE = re.compile(rf"\b{one_of(cuw.MAKER_OF_NOUNS)}\s+of\s+(?:the\s+)?$")
_LAUNCHED_BEFORE = re.compile(
    rf"\b{one_of(cuw.LAUNCHED_VERBS)}\s+(?:{_ORG_DETERMINERS}\s+)?(?:new\s+)?$"
)
_POSSESSIVE_PRODUCT_AFTER = re.compile(
    rf"^['’]s\s+(?:{one_of(cuw.FLAGSHIP_WORDS)}\s+)?(?:[A-Z][\w-]*\s+){{1,3}}(?:\d+\s+)?"
    r"([a-z][\w-]*)"
)
_CHIEF = re.compile(rf"^\s+{one_of(cuw.ROLES_AFTER_EMPLOYER)}\b")
_CLUB_BEFORE = re.compile(
    rf"\b(?:{one_of(cuw.CLUB_VERBS_BEFORE, space=' ')}|"
    rf"{one_of(cuw.FOR_CLUB_VERBS)}(?:\s+\w+)? for)\s+$"
)
_CLUB_AFTER = re.compile(rf"^\s+{one_of(cuw.CLUB_VERBS_AFTER, space=' ')}\b")
_TOWN_OR_CLUB = frozenset({"GPE", "LOC", "ORG"})
_TITLE_BEFORE = re.compile(r"(?:^|[\s\"'“(])([A-Z][\w.-]*)\s+$")
_PLACE_NOUN_OF_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+$")
_DIRECTION_OF_BEFORE = re.compile(
    rf"\b{one_of(cuw.DISTANCE_UNITS)}\s*\)?\s+{one_of(cuw.COMPASS_POINTS)}\s+of\s+$"
)
_RANK_BEFORE = re.compile(r"(?:^|\n)\s*\d{1,3}\s*[.-]\s+$")
_COUNTRY_IN_BRACKETS_AFTER = re.compile(r"^\s+\(\s*([A-Z][\w.' -]*?)\s*\)")
_MINUTE_AFTER = re.compile(
    rf"^\s+(?:\(\s*)?\d{{1,3}}{one_of(cuw.ORDINAL_SUFFIXES)}(?:\s+{one_of(cuw.MINUTE_WORDS)})?"
    r"\s*[,;)]"
)
_DISMISSAL_BEFORE = re.compile(rf"(?:^|\s){one_of(cuw.DISMISSALS, space=' ')}\s+$")
_BOWLING_AFTER = re.compile(r"^\s+\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}\b")
_ADDRESS_BEFORE = re.compile(
    rf"(?:^|\n|\(\s*|\b{one_of(cuw.ADDRESS_PREPOSITIONS)}\s+)(?:[A-Z][\w.'’-]*\s+(?:['’]s\s+)?){{0,3}}"
    r"[A-Z][\w.'’-]*(?:\s+['’]s)?\s*,\s*$"
)
_ADDRESS_AFTER = re.compile(r"^\s*(?:[),;]|\.?\s*$|\.\s|\s\d{4}-\d\d-\d\d|\n)")


def age_after_name(name: NameInContext) -> Evidence:
    """A name followed by an age between commas is a person's ("Rocha, 21, scored"); a
    nationality stays one ("The American, 21, will play")."""
    if "NORP" in name.labels:
        return None
    return ("PERSON", STRONG) if _AGE_AFTER.match(name.after(8)) else None


def product_noun_after(name: NameInContext) -> Evidence:
    """A name between a determiner and a product noun is the product's ("the Lumen 3 model",
    "SpaceX's Starship lander"), and before "party" or "company" an organisation's ("the
    Morena party", but "the Dublin team" is a team in Dublin); without the determiner it may be
    the maker ("Acme model")."""
    if not _DETERMINER_BEFORE.search(name.before(12)):
        return None
    m = _WORD_AFTER.match(name.after(24))
    if m and m.group(1) in cw.PRODUCT_NOUNS:
        return ("PRODUCT", STRONG)
    if m and m.group(1) in cw.ORG_NOUNS_AFTER and not _well_known_place(name.surface):
        return ("ORG", MEDIUM)
    return None


def place_noun_after(name: NameInContext) -> Evidence:
    """A name between a determiner and a place noun is the place's ("the Sharqiyah province",
    "a Veskara village"); not a nationality ("the Kurdish region")."""
    if "NORP" in name.labels or not _DETERMINER_BEFORE.search(name.before(12)):
        return None
    m = _WORD_AFTER.match(name.after(24))
    return ("GPE", MEDIUM) if m and m.group(1) in cw.PLACE_NOUNS else None


def noun_before(name: NameInContext) -> Evidence:
    """The noun just before a name types it: "chipmaker Halcyon"; a product or work noun only
    after a determiner, where it cannot be a verb ("the messaging app Chirp", "the thriller
    Nightfall Harbor", but "to play Liechtenstein")."""
    before = name.before(40)
    m = _DETERMINED_WORD_BEFORE.search(before)
    if m and m.group(1) in cw.PRODUCT_NOUNS:
        return ("PRODUCT", STRONG)
    if m and m.group(1) in cw.WORK_NOUNS:
        return ("WORK_OF_ART", STRONG)
    m = _WORD_BEFORE.search(before)
    if m and m.group(1).lower() in cw.ORG_NOUNS:
        return ("ORG", MEDIUM)
    return None


def called(name: NameInContext) -> Evidence:
    """ "a video generator called Vireo": the noun before "called" types the name."""
    m = _CALLED_BEFORE.search(name.before(40))
    if not m:
        return None
    word = m.group(1)
    if word in cw.PRODUCT_NOUNS:
        return ("PRODUCT", STRONG)
    return ("ORG", MEDIUM) if word in cw.ORG_NOUNS else None


def sold_as(name: NameInContext) -> Evidence:
    """What something is sold, marketed or branded as is a product ("sold as Qdenga")."""
    return ("PRODUCT", STRONG) if _SOLD_AS_BEFORE.search(name.before(24)) else None


def listed_after_plural(name: NameInContext) -> Evidence:
    """Every name in "companies like X, Y and Z" is what the noun says."""
    before = name.before(160)
    if not any(opener in before for opener in _LIST_OPENER_IN):
        return None
    m = _LIST_BEFORE.search(before)
    if not m:
        return None
    word = m.group(1).lower()
    if word in cw.ORG_NOUNS:
        return ("ORG", STRONG)
    return ("PRODUCT", STRONG) if word in cw.PRODUCT_NOUNS else None


def apposition(name: NameInContext) -> Evidence:
    """ "Brewline, the coffee chain founded in Seattle": the head noun of the apposition (its
    last word before a preposition, a relative or a participle) types the name."""
    m = _APPOSITION_AFTER.match(name.after(80))
    if not m or _REPORTING.search(m.group(1)):
        return None  # "in Dublin, the company said": a reporting clause, no apposition
    word = ""
    for raw in m.group(1).split():
        w = raw.rstrip(".,;:")
        if w in cw.APPOSITION_END:
            break
        if w in cw.ORG_NOUNS or w in cw.PRODUCT_NOUNS:
            word = w
        if w != raw:
            break  # the sentence or the clause ends here
    if word in cw.ORG_NOUNS:
        return ("ORG", STRONG)
    return ("PRODUCT", STRONG) if word in cw.PRODUCT_NOUNS else None


def which_launched(name: NameInContext) -> Evidence:
    """ "Kling AI, which has launched a video generator": the launcher is an organisation."""
    return ("ORG", STRONG) if _WHICH_LAUNCHED_AFTER.match(name.after(40)) else None


def maker(name: NameInContext) -> Evidence:
    """What a product comes from is its maker: "a model from Anthropic", "chips made by X";
    a known place stays a place ("a vaccine from Brazil")."""
    m = _MAKER_BEFORE.search(name.before(40))
    if not m or m.group(1) not in cw.PRODUCT_NOUNS or _well_known_place(name.surface):
        return None
    if "NORP" in name.labels:
        return None  # "made by Japanese drugmaker Takeda": the maker comes after
    return ("ORG", STRONG)


def made_behind(name: NameInContext) -> Evidence:
    """What a company is "behind" is its product ("the company behind Chirp")."""
    return ("PRODUCT", STRONG) if _BEHIND_BEFORE.search(name.before(40)) else None


def made_of(name: NameInContext) -> Evidence:
    """What "the maker of" or "the developer of" is named for is its product ("the maker of
    Dove soap", "the developer of Chirp")."""
    return ("PRODUCT", MEDIUM) if _MAKER_OF_BEFORE.search(name.before(40)) else None


def launched(name: NameInContext) -> Evidence:
    """What a company launches or releases is a product ("released Lumen 3")."""
    return ("PRODUCT", MEDIUM) if _LAUNCHED_BEFORE.search(name.before(40)) else None


def owner_of_product(name: NameInContext) -> Evidence:
    """ "X's <name> <product noun>" ("SpaceX's Starship lander"): X is an organisation."""
    m = _POSSESSIVE_PRODUCT_AFTER.match(name.after(60))
    return ("ORG", STRONG) if m and m.group(1) in cw.PRODUCT_NOUNS else None


def employer_of_role(name: NameInContext) -> Evidence:
    """ "Veltrix chief executive Marcus Lindqvist": the name before a role is the employer.

    Countries have presidents too ("Belarus president"), so a country keeps its type.
    """
    if not _CHIEF.match(name.after(16)) or name.surface in lexicon().countries:
        return None
    return ("ORG", MEDIUM)


def club_in_sports_report(name: NameInContext) -> Evidence:
    """In a sports report, a town or a name that plays, signs or employs is a club
    ("signed from Flamengo", "Arsenal manager Mikel Arteta"); countries stay places."""
    if not name.clubs or name.surface in lexicon().countries:
        return None
    if "NORP" in name.labels or not (name.labels & _TOWN_OR_CLUB or _club_like(name)):
        return None
    m = _WORD_AFTER.match(name.after(24))
    if m and m.group(1) in cw.CLUB_ROLES:
        return ("ORG", STRONG)
    if name.surface in lexicon().clubs:
        return ("ORG", MEDIUM)
    if _CLUB_BEFORE.search(name.before(24)) or _CLUB_AFTER.match(name.after(24)):
        return ("ORG", CLUB_VERB)
    return None


def place_noun_before(name: NameInContext) -> Evidence:
    """ "the town of X", "the island of X", "20 km east of X": X is a place."""
    before = name.before(48)
    m = _PLACE_NOUN_OF_BEFORE.search(before)
    if (m and m.group(1) in cw.PLACE_NOUNS) or _DIRECTION_OF_BEFORE.search(before):
        return ("GPE", STRONG)
    return None


def title_before(name: NameInContext) -> Evidence:
    """A name right after a person's title is that person's, even where it is also a town's
    ("President Clinton", "Sen. Dole", "Mrs Warren"); not a common word or an organisation's
    word after a capitalised title, which opens a name ("Premier League")."""
    m = _TITLE_BEFORE.search(name.before(24))
    if not m or m.group(1) not in lexicon().person_titles:
        return None
    last = name.surface.split()[-1]
    if last.lower() in lexicon().common_words or last in cw.ORG_NAME_WORDS:
        return None  # "Premier League", "General Assembly": the title word opens a name
    return ("PERSON", STRONG)


def competitor_in_results(name: NameInContext) -> Evidence:
    """In a sports report, a ranked line's name with a country in brackets ("4. Ana Reyes
    (Peru) 13:06.57") is an athlete's, and a name followed by the minute of a goal or a
    substitution ("Okafor (41st min)", "Lamas 87th)") is a player's."""
    if not name.sports:
        return None
    after = name.after(40)
    if _MINUTE_AFTER.match(after):
        return ("PERSON", STRONG)
    m = _COUNTRY_IN_BRACKETS_AFTER.match(after)
    if m and m.group(1) in lexicon().places and _RANK_BEFORE.search(name.before(12)):
        return ("PERSON", STRONG)
    return None


def cricket_scorecard(name: NameInContext) -> Evidence:
    """In a cricket scorecard a name after a dismissal ("c Lee b Khan 22", "st Roy b Das") or
    before bowling figures ("Khan 10-1-41-2", overs-maidens-runs-wickets) is a player's, not a
    team's whose score follows it."""
    if not name.sports:
        return None
    if _DISMISSAL_BEFORE.search(name.before(8)) or _BOWLING_AFTER.match(name.after(20)):
        return ("PERSON", STRONG)
    return None


def place_in_address(name: NameInContext) -> Evidence:
    """A known place after a comma that ends a place or venue's name is where that is, not a
    club or a person ("at Edgbaston, Birmingham)", "in Springfield, Illinois.", "BOSTON,
    Massachusetts" opening a dateline); a list goes on after it ("Berlin, Brussels and
    Zurich"), so the place must end the phrase."""
    if name.surface not in lexicon().places or name.surface in lexicon().clubs:
        return None
    if not _ADDRESS_AFTER.match(name.after(16)):
        return None
    return ("GPE", STRONG) if _ADDRESS_BEFORE.search(name.before(60)) else None


def _well_known_place(surface: str) -> bool:
    """A country, a capital, a state or a city of a million people."""
    return surface in _major_places()


@lru_cache(maxsize=1)
def _major_places() -> frozenset[str]:
    rows = lexicon().place_rows
    return frozenset(name for name, kind in rows if kind.endswith(("major", "country")))


def _club_like(name: NameInContext) -> bool:
    """A name read as a person or a product that may be a club: no known first name opens it
    ("Sporting Valmar", not "Lucas Rocha")."""
    return name.surface.split()[0] not in lexicon().first_names


def version_after(name: NameInContext) -> Evidence:
    """A name followed by a version number is a product's ("Sable 2", "HX-900", "Galaxy
    S26"); not in sports reports, where numbers after names are scores, nor when the number
    is a quantity ("Kent 3 points")."""
    if name.sports:
        return None
    m = _VERSION_AFTER.match(name.after(24))
    if not m or (m.group(1) or "").lower() in cw.NOT_A_VERSION:
        return None
    return ("PRODUCT", MEDIUM)


CUES: tuple[tuple[str, Cue], ...] = (
    ("age_after_name", age_after_name),
    ("product_noun_after", product_noun_after),
    ("place_noun_after", place_noun_after),
    ("noun_before", noun_before),
    ("called", called),
    ("sold_as", sold_as),
    ("listed_after_plural", listed_after_plural),
    ("apposition", apposition),
    ("which_launched", which_launched),
    ("launched", launched),
    ("made_behind", made_behind),
    ("made_of", made_of),
    ("maker", maker),
    ("owner_of_product", owner_of_product),
    ("employer_of_role", employer_of_role),
    ("club_in_sports_report", club_in_sports_report),
    ("place_in_address", place_in_address),
    ("cricket_scorecard", cricket_scorecard),
    ("competitor_in_results", competitor_in_results),
    ("title_before", title_before),
    ("place_noun_before", place_noun_before),
    ("version_after", version_after),
)

LIST_CUES = frozenset(
    ("noun_before", "called", "maker", "launched", "made_behind", "made_of", "place_noun_before")
)
"""Cues read before a name that hold for every name of a list it opens ("chips from Nvidia and
Advanced Micro Devices", "the towns of Alby and Norrvik"); a title or an age is one person's."""
