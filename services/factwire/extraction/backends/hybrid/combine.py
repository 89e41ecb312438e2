"""The hybrid policy: which spans are names, and of which type, from two backends' evidence.

Spans: the rules name finder's spans are taken (its boundaries follow capitalisation and its
gazetteers, and it splits "Chinese Kling AI" into a nationality and a company), except that a
capitalised word opening a sentence, which the rules backend leaves out, is put back where
spaCy's name has it ("Coco Gauff", not "Gauff"). A spaCy name that
overlaps none of them is added when something else supports it: it has more than one word, a
type the rules backend never gives (PRODUCT, WORK_OF_ART, LAW, EVENT, FAC), or gazetteer or
context evidence -- and never on a line written in capitals, where spaCy reads headings as names.
A product name takes the number that follows it ("Lumen 3", "HX-900"), a title of a work its
leading "The", and no name ends inside a word ("Jet2").

Types: each mention has its own votes -- the rules label (1) and the spaCy label for the same
span (1; half for an overlapping span with the same last word); ties keep the rules label. To
those are added the votes that hold for the name wherever it stands, pooled over all its
mentions in the article (article-level voting): the gazetteers (a listed company 1.5, a company,
facility, law or landscape word in the name 1.5-2) and the context cues of :mod:`.cues` (2-3),
so that "Cloud software company Veltrix" types every later "Veltrix".
Values (dates, amounts) are spaCy's, except where they overlap a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from factwire.extraction.backends.hybrid.cues import CUES, LIST_CUES, NameInContext
from factwire.extraction.corrections.text import is_shouted
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.language import context_words as cw
from factwire.extraction.language import cue_words as cuw
from factwire.extraction.language import lexicon
from factwire.extraction.language.sports import SPORTS_WORDS
from factwire.extraction.names import NAME_LABELS
from factwire.models import TextField

SPACY_ONLY_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"})
"""Types spaCy gives that the rules backend does not know how to give."""
RULES_WEIGHT = 1.0
SPACY_WEIGHT = 1.0
SPACY_OVERLAP_WEIGHT = 0.5
SPORTS_WORDS_NEEDED = 2

_WORD = re.compile(r"[\w-]+")
_TRAILING_NUMBER = re.compile(r"^(?:\s|-)?[A-Z]?\d{1,4}[a-z]?\b(?!\s*(?:%|percent|per\b))")
_GLUED = re.compile(r"\w+")


Votes = defaultdict[str, float]
"""Weighted votes for the labels of a name."""


def _votes(label: str | None = None, weight: float = 0.0) -> Votes:
    votes: Votes = defaultdict(float)
    if label is not None:
        votes[label] += weight
    return votes


def _add(votes: Votes, more: Votes) -> None:
    for label, weight in more.items():
        votes[label] += weight


@dataclass(slots=True)
class _Candidate:
    mention: RawMention
    own: Votes
    """Votes of the backends for this very span."""
    context: Votes = field(default_factory=_votes)
    """Votes of the context cues around this mention: they hold for the name anywhere in the
    article, so they are pooled over its mentions."""
    shared: Votes = field(default_factory=_votes)
    """The part of ``context`` from cues before the name that hold for a list it opens."""
    knowledge: Votes = field(default_factory=_votes)
    """Votes of the gazetteers and the name's own words: the same for every mention."""
    from_rules: bool = True
    seen_by_spacy: bool = False


def combine(
    text: ArticleText, rules: list[RawMention], spacy: list[RawMention]
) -> list[RawMention]:
    """One article's mentions from the two backends' mentions of it."""
    sports = _sports_report(text)
    names: list[_Candidate] = []
    for name in ("title", "body"):
        f: TextField = "title" if name == "title" else "body"
        names.extend(_field_names(text.field(f), f, rules, spacy, sports))
    chosen = _vote_by_name(text, names)
    taken = sorted((m.field, m.start, m.end) for m in chosen)
    values = [m for m in spacy if m.label not in NAME_LABELS and not _overlaps(taken, m)]
    return chosen + values


def _sports_report(text: ArticleText) -> tuple[bool, bool]:
    """Whether the article is a sports report, and a team-sport one: with a word of clubs
    ("manager", "league")."""
    found = _WORD.findall(text.body.lower())
    sports = sum(1 for w in found if w in SPORTS_WORDS) >= SPORTS_WORDS_NEEDED
    return sports, sports and any(w in cw.CLUB_CONTEXT for w in found)


def _field_names(
    s: str,
    field: TextField,
    rules: Iterable[RawMention],
    spacy: Iterable[RawMention],
    sports: tuple[bool, bool],
) -> list[_Candidate]:
    mine = sorted((m for m in rules if m.field == field and m.label in NAME_LABELS), key=_start)
    candidates = [_Candidate(m, _votes(m.label, _rules_weight(s, m))) for m in mine]
    starts = [m.start for m in mine]
    added = []
    theirs = [m for m in spacy if m.field == field and m.label in NAME_LABELS]
    candidates = _joined(s, candidates, theirs)
    _opening_word_restored(s, candidates, theirs)
    starts = [c.mention.start for c in candidates]
    for m in theirs:
        overlapping = _overlapping(candidates, starts, m)
        if not overlapping:
            added.append(_Candidate(m, _votes(m.label, SPACY_WEIGHT), from_rules=False))
        for candidate in overlapping:
            candidate.seen_by_spacy = True
            same = _same_name(s, candidate.mention, m)
            if same or _last_word(s, candidate.mention) == _last_word(s, m):
                candidate.own[m.label] += SPACY_WEIGHT if same else SPACY_OVERLAP_WEIGHT
    out = []
    for candidate in candidates + added:
        m = candidate.mention
        name = NameInContext(s, m.start, m.end, sports[0], sports[1], frozenset(candidate.own))
        candidate.knowledge = _knowledge(name.surface)
        for cue_name, cue in CUES:
            evidence = cue(name)
            if evidence is not None:
                candidate.context[evidence[0]] += evidence[1]
                if cue_name in LIST_CUES:
                    candidate.shared[evidence[0]] += evidence[1]
        if _supported(s, candidate):
            out.append(candidate)
    return out


def _rules_weight(s: str, m: RawMention) -> float:
    """The rules label's vote: less when it calls a name a person by its shape alone."""
    if m.label != "PERSON":
        return RULES_WEIGHT
    return RULES_WEIGHT * _person_shape_weight(s[m.start : m.end])


def _person_shape_weight(surface: str) -> float:
    """How much the rules backend's PERSON is worth: half for a lone word that is neither a known
    first name nor a surname (a capitalised word taken for a person by its shape), half for a
    name opening with a common English word that is no first name ("Advanced Micro Devices",
    "Deutsche Bahn": people's names rarely open with one), else whole. (Less for all longer
    names without a known first name was tried: on CoNLL dev, where the rules backend says
    PERSON and spaCy ORG, the rules backend is right 112 times in 141.)"""
    words = surface.split()
    if len(words) == 1:
        known = surface in lexicon().first_names or surface in lexicon().surnames
        return 1.0 if known else 0.5
    first = words[0]
    if first.lower() in lexicon().common_words and first not in lexicon().first_names:
        return 0.5
    return 1.0


def _supported(s: str, candidate: _Candidate) -> bool:
    """Whether a candidate is kept: a name that only one backend found needs support (see the
    module's docstring); a capitalised common word opening a sentence ("Outage at ...") that
    only the rules backend took for a name is dropped."""
    m = candidate.mention
    evidence = bool(candidate.context or candidate.knowledge)
    if candidate.from_rules:
        return candidate.seen_by_spacy or evidence or not _common_opening_word(s, m)
    line_start = s.rfind("\n", 0, m.start) + 1
    line_end = s.find("\n", m.end)
    if is_shouted(s[line_start : line_end if line_end >= 0 else len(s)]):
        return False
    surface = s[m.start : m.end]
    return " " in surface or m.label in SPACY_ONLY_LABELS or evidence


def _common_opening_word(s: str, m: RawMention) -> bool:
    surface = s[m.start : m.end]
    if " " in surface or surface.lower() not in lexicon().common_words:
        return False
    return _opens_sentence(s, m.start)


def _opens_sentence(s: str, start: int) -> bool:
    before = s[max(0, start - 3) : start].rstrip(" \"'‘“")
    return not before or before[-1] in ".!?:\n"


def _joined(s: str, candidates: list[_Candidate], theirs: list[RawMention]) -> list[_Candidate]:
    """Rules names that a spaCy organisation spans exactly, joined by nothing but a space or
    lower-case joining words, are one organisation ("Office" + "National Statistics" -> "Office
    for National Statistics"); the first part must be an organisation for the rules backend
    too, or a nationality before an institution's word."""
    starts = [c.mention.start for c in candidates]
    replaced: dict[int, _Candidate] = {}
    dropped: set[int] = set()
    for spacy_mention in theirs:
        if spacy_mention.label != "ORG":
            continue
        m = _without_article(s, spacy_mention)
        i = bisect_left(starts, m.start)
        j = i
        while j < len(candidates) and candidates[j].mention.end <= m.end:
            j += 1
        parts = candidates[i:j]
        if len(parts) < 2 or parts[0].mention.start != m.start or parts[-1].mention.end != m.end:
            continue
        gaps = {s[a.mention.end : b.mention.start] for a, b in pairwise(parts)}
        if _opens_organisation(s, parts[0].mention, m) and _joining(s, m, gaps):
            replaced[i] = _Candidate(m, _votes("ORG", RULES_WEIGHT + SPACY_WEIGHT))
            replaced[i].seen_by_spacy = True
            dropped.update(range(i + 1, j))
    return [replaced.get(k, c) for k, c in enumerate(candidates) if k not in dropped]


_ONE_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’.-]* ")


def _joining(s: str, whole: RawMention, gaps: set[str]) -> bool:
    """Whether the gaps between the parts of one organisation's name are its own: a space or
    lower-case joining words, and "and" only in a name ending with an organisation's word
    ("Test and County Cricket Board", not "Kent and Essex")."""
    last = _last_word(s, whole)
    for gap in gaps:
        if gap[:1] != " " or gap[-1:] != " ":
            return False
        for word in gap.split():
            if word == "and" and (_company_word(last) or last in cuw.INSTITUTION_WORDS):
                continue
            if word not in cuw.ORG_NAME_JOINERS:
                return False
    return True


def _opens_organisation(s: str, first: RawMention, whole: RawMention) -> bool:
    """The first part of an organisation's name: an organisation, or a nationality before an
    institution's word ("British" in "British Antarctic Survey")."""
    if first.label == "ORG":
        return True
    return first.label == "NORP" and _last_word(s, whole) in cuw.INSTITUTION_WORDS


def _opening_word_restored(s: str, candidates: list[_Candidate], theirs: list[RawMention]) -> None:
    """A capitalised common word opening a sentence is left out of a name by the rules backend
    ("Coco Gauff" -> "Gauff"); where spaCy's name of the same end has it, it is part of the
    name. The rules label then counts as for an overlapping span."""
    ends = {c.mention.end: c for c in candidates}
    for m in theirs:
        c = ends.get(m.end)
        if c is None or c.mention.start <= m.start or not _opens_sentence(s, m.start):
            continue
        if c.mention.label == "NORP" or _opens_with_first_name(s, c.mention):
            continue  # "Striker Tiago Mendes", "Controversial Australian": a word before it
        if not _ONE_CAPITALISED_WORD.fullmatch(s, m.start, c.mention.start):
            continue
        if any(o.mention.start < c.mention.start and o.mention.end > m.start for o in candidates):
            continue  # the rules backend took the word as a name of its own
        c.mention = replace(c.mention, start=m.start)
        for label in c.own:
            c.own[label] *= SPACY_OVERLAP_WEIGHT


def _opens_with_first_name(s: str, m: RawMention) -> bool:
    words = s[m.start : m.end].split()
    return bool(words) and words[0] in lexicon().first_names


def _same_name(s: str, mine: RawMention, theirs: RawMention) -> bool:
    """Whether spaCy's span is the rules span, give or take a possessive ending ("Google
    DeepMind's"). (Also without a leading "the" was tried: CoNLL dev lost a mention.)"""
    t = theirs
    end = t.end - 2 if s[t.end - 2 : t.end] in _POSSESSIVE_ENDINGS else t.end
    return t.start == mine.start and end == mine.end


_POSSESSIVE_ENDINGS = ("'s", "’s")


def _without_article(s: str, m: RawMention) -> RawMention:
    """spaCy's span without a leading "the" ("the Office for National Statistics")."""
    if s[m.start : m.start + 4] in ("the ", "The "):
        return replace(m, start=m.start + 4)
    return m


def _start(m: RawMention) -> int:
    return m.start


def _overlapping(
    candidates: list[_Candidate], starts: list[int], m: RawMention
) -> list[_Candidate]:
    """The candidates (sorted by start, not nested) that overlap ``m``."""
    i = bisect_left(starts, m.end)
    out = []
    while i > 0 and candidates[i - 1].mention.end > m.start:
        i -= 1
        out.append(candidates[i])
    return out


def _overlaps(taken: list[tuple[TextField, int, int]], m: RawMention) -> bool:
    i = bisect_left(taken, (m.field, m.end))
    return i > 0 and taken[i - 1][0] == m.field and taken[i - 1][2] > m.start


def _last_word(s: str, m: RawMention) -> str:
    words = s[m.start : m.end].split()
    return words[-1] if words else ""


def _knowledge(surface: str) -> Votes:
    """Votes from the gazetteers and from the words of the name itself."""
    votes = _votes()
    words = surface.split()
    if not words:
        return votes
    if surface in lexicon().companies and surface not in lexicon().countries:
        votes["ORG"] += 1.5 if surface in lexicon().places else 2.5
    if len(words) > 1:
        if _company_word(words[-1]) or words[0] in cw.ORG_NAME_WORDS:
            votes["ORG"] += 1.5
        if words[0] in lexicon().companies and words[0] not in lexicon().places:
            votes["ORG"] += 1.5
        if words[-1] in cw.FACILITY_WORDS or words[0] in cw.FACILITY_WORDS:
            votes["FAC"] += 2.5
        if words[-1] in cw.LAW_WORDS:
            votes["LAW"] += 2.0
        if words[-1] in cw.PLACE_WORDS:
            votes["LOC"] += 2.0
        if words[-1] in cw.REGION_WORDS:
            votes["GPE"] += 2.5
    return votes


def _company_word(word: str) -> bool:
    return word in lexicon().company_words or word in cw.ORG_NAME_WORDS


def _vote_by_name(text: ArticleText, names: list[_Candidate]) -> list[RawMention]:
    """Each mention's label: its own votes plus the context votes of all mentions of its name."""
    _shared_context(text, names)
    pooled: dict[str, Votes] = {}
    for c in names:
        key = _key(text, c.mention)
        if key not in pooled:
            pooled[key] = _votes()
            _add(pooled[key], c.knowledge)
        _add(pooled[key], c.context)
    labels = []
    for c in names:
        m = c.mention
        total = _votes()
        _add(total, c.own)
        _add(total, pooled[_key(text, m)])
        best = max(total.values())
        labels.append(m.label if total[m.label] == best else max(total, key=total.__getitem__))
    _coordinated(text, names, labels)
    _owned_products(text, names, labels)
    return [
        _extended(text.field(c.mention.field), replace(c.mention, label=label))
        for c, label in zip(names, labels, strict=True)
    ]


_COORDINATION = re.compile(r",\s+|,?\s+(?:and|or)\s+")
_HARMONISED = frozenset({"ORG", "GPE", "PERSON", "PRODUCT"})
MIN_LIST = 3


def _coordinated(text: ArticleText, names: list[_Candidate], labels: list[str]) -> None:
    """Names in one list ("OpenAI, Google DeepMind and Meta") are things of one kind: a member
    without evidence of its own takes the type most members have."""
    run: list[int] = []
    for k in range(len(names) + 1):
        if run and k < len(names) and _follows_in_list(text, names[run[-1]], names[k]):
            run.append(k)
            continue
        if len(run) >= MIN_LIST:
            _harmonise(names, labels, run)
        run = [k]


def _shared_context(text: ArticleText, names: list[_Candidate]) -> None:
    """The context before a list is the context of each name in it: "chips from Nvidia and
    Advanced Micro Devices", "the companies behind Chirp, Snapchat and Roblox". A later member
    without cues of its own takes the first member's."""
    ordered = sorted(names, key=lambda c: (c.mention.field, c.mention.start))
    first: _Candidate | None = None
    for a, b in pairwise(ordered):
        if not _follows_in_list(text, a, b):
            first = None
            continue
        first = first or a
        if first.shared and not b.context:
            _add(b.context, first.shared)


def _follows_in_list(text: ArticleText, a: _Candidate, b: _Candidate) -> bool:
    if a.mention.field != b.mention.field:
        return False
    gap = text.field(a.mention.field)[a.mention.end : b.mention.start]
    return _COORDINATION.fullmatch(gap) is not None


def _harmonise(names: list[_Candidate], labels: list[str], run: list[int]) -> None:
    counts: dict[str, int] = {}
    for k in run:
        counts[labels[k]] = counts.get(labels[k], 0) + 1
    label, n = max(counts.items(), key=lambda item: item[1])
    if label not in _HARMONISED or n * 2 <= len(run):
        return
    for k in run:
        if labels[k] in _HARMONISED and not (names[k].context or names[k].knowledge):
            labels[k] = label


_POSSESSIVE = ("'s ", "’s ")
_OWNED = frozenset({"ORG", "PERSON", "GPE"})


def _owned_products(text: ArticleText, names: list[_Candidate], labels: list[str]) -> None:
    """ "<company>'s <name>": a name that a company owns is its product ("Alibaba's Qwen",
    "Samsung's Galaxy S26"), unless a gazetteer or a first name says what it is."""
    ends = {(c.mention.field, c.mention.end): i for i, c in enumerate(names)}
    for j, c in enumerate(names):
        m = c.mention
        s = text.field(m.field)
        if s[max(0, m.start - 3) : m.start] not in _POSSESSIVE or labels[j] not in _OWNED:
            continue
        i = ends.get((m.field, m.start - 3))
        if i is None or labels[i] != "ORG" or c.knowledge:
            continue
        if s[m.start : m.end].split()[0] not in lexicon().first_names:
            labels[j] = "PRODUCT"


def _key(text: ArticleText, m: RawMention) -> str:
    return text.field(m.field)[m.start : m.end]


def _extended(s: str, m: RawMention) -> RawMention:
    """The span grown to the whole word, a product's number or a work's leading "The", and
    without a leading category noun ("Chipmaker Halcyon Semiconductor" in a headline)."""
    end = m.end
    glued = _GLUED.match(s, end)
    if glued and glued.end() > end and s[end - 1].isalnum():
        end = glued.end()
    if m.label == "PRODUCT":
        number = _TRAILING_NUMBER.match(s[end : end + 12])
        if number:
            end += number.end()
    start = m.start
    if m.label == "WORK_OF_ART" and s[max(0, start - 4) : start] == "The ":
        start -= 4
    head, space, rest = s[start:end].partition(" ")
    if space and rest and head.lower() in _CATEGORY_NOUNS and _opens_sentence(s, start):
        start += len(head) + 1
    prefix = _NUMBER_PREFIX.search(s, max(0, start - 8), start)
    if prefix and m.label in _NUMBERED_NAMES:
        start = prefix.start()
    return RawMention(m.field, start, end, m.label)


_NUMBER_PREFIX = re.compile(r"\b\d{1,2} (?:de|of) $")
"""A day number joined to a name by "de" belongs to it ("25 de Abril Bridge")."""
_NUMBERED_NAMES = frozenset({"FAC", "GPE", "LOC", "ORG", "EVENT"})
_CATEGORY_NOUNS = cw.ORG_NOUNS | cw.PRODUCT_NOUNS | cw.WORK_NOUNS | cw.CLUB_ROLES
