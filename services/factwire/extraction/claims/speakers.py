"""What a speaker phrase and the article's text say about a person, one question a function.

Named phrases are linked to the entity mentioned at their head ("Apple chief executive Tim Cook"
-> Tim Cook, but "the chief executive of Apple" -> no entity); a description ("the senator") to
a person written with that title; first names and titles ("Mrs.") give a gender. The resolver
that asks these questions in order of appearance, remembering who has spoken, is
`resolver.SpeakerResolver`.
"""

from __future__ import annotations

import re

from factwire.extraction.claims.context import ClaimContext, MentionRef
from factwire.extraction.claims.phrases import Phrase, Token, tokens
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import BEFORE_SUBJECT as _BEFORE_SUBJECT
from factwire.extraction.language.function_words import DESCRIPTION_OPENERS as _DESCRIPTION_OPENERS
from factwire.extraction.language.function_words import DETERMINERS, PRONOUNS
from factwire.extraction.language.function_words import (
    LINKING_PREPOSITIONS as _LINKING_PREPOSITIONS,
)
from factwire.extraction.language.function_words import POST_MODIFIERS as _POST_MODIFIERS
from factwire.extraction.language.function_words import PREPOSITIONS as _PREPOSITIONS
from factwire.extraction.language.name_words import NOT_PEOPLE as _NOT_PEOPLE
from factwire.extraction.language.name_words import TITLE_ADJECTIVE_ENDINGS as _TITLE_ADJECTIVE
from factwire.extraction.language.speaker_words import (
    CONTRACTION_ENDINGS,
    IRREGULAR_PAST,
    NO_ONE_IN_PARTICULAR,
    NOUN_PRONOUNS,
    PASSIVE_AUXILIARIES,
    PHRASE_ENDERS,
    POST_MODIFIER_OPENERS,
    RELATIONAL_ROLES,
    VERB_PARTICLES,
    WRITINGS,
)
from factwire.extraction.language.speaker_words import PRONOUN_CONTRACTIONS as _CONTRACTED
from factwire.models import Entity

_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b")
_PRONOUN_WINDOW = 120

_HEAD_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
_TITLES = lexicon().title_pronouns
# Abbreviated titles written before a name, as the noun a description uses ("the senator").
_TITLE_NOUNS = lexicon().title_nouns
_TITLE_WINDOW = 48  # characters before a name searched for its title ("Republican nominee X")
# Verbs that, right before a name, make it the speaker: "..., said Jane Roe".
_INVERTED_CUES = lexicon().inverted_verbs


def speaker_core(phrase: Phrase) -> Phrase:
    """The speaker a phrase names, without the words of its verb that the phrase ran into:
    "Trump isn't" -> "Trump", "Carter however" -> "Carter", "He’s comparing" -> "He"."""
    words = phrase.tokens
    first = words[0]
    for ending in _CONTRACTED:
        core = first.text.removesuffix(ending)
        if core != first.text and core.lower() in PRONOUNS:
            return _cut(phrase, first._replace(text=core, end=first.start + len(core)), 0)
    for k in range(1, len(words)):
        word = words[k].lower
        if word in PHRASE_ENDERS or word.endswith(CONTRACTION_ENDINGS):
            return _cut(phrase, words[k - 1], k - 1)
        if k >= 1 and word in POST_MODIFIER_OPENERS:
            return _cut(phrase, words[k - 1], k - 1)
        if k >= 2 and is_possessive(words[k - 2].text) and word.endswith("ed"):
            return _cut(phrase, words[k - 1], k - 1)  # "Roe's campaign shrugged"
        if _ran_into_verb(words, k):
            return _cut(phrase, words[k - 1], k - 1)
    return phrase


_AGENT_REACH = 4  # words between a participle and its "by" ("released on Monday by")


def _ran_into_verb(words: tuple[Token, ...], k: int) -> bool:
    """Whether word ``k`` is the verb after the speaker's name: a past tense in -ed followed by
    an article, a preposition, a particle or nothing ("The town released a statement", "a poll
    released"), not an adjective before its noun ("Republican elected officials", "a retired
    teacher")."""
    word, before = words[k].text, words[k - 1]
    if word not in IRREGULAR_PAST and (
        not word.islower() or len(word) <= 4 or not word.endswith("ed") or word.endswith("eed")
    ):
        return False
    if before.lower in DETERMINERS or before.lower in PASSIVE_AUXILIARIES:
        return False
    if _agent_follows(words, k):
        return False  # "a filing signed by Roe", "figures released on Monday by the agency"
    after = words[k + 1].lower if k + 1 < len(words) else ""
    return not after or after in DETERMINERS or after in _PREPOSITIONS or after in VERB_PARTICLES


def _agent_follows(words: tuple[Token, ...], k: int) -> bool:
    """Whether "by" follows word ``k`` within a few words and no punctuation: the participle is
    passive and its agent is named after "by", so the phrase goes on past it."""
    for word in words[k + 1 : k + 1 + _AGENT_REACH]:
        if word.lower == "by":
            return True
        if not word.text[:1].isalnum():
            return False
    return False


def is_possessive(word: str) -> bool:
    """ "Roe's", "the Smiths'": a word written as a possessive."""
    return word.endswith(("’s", "'s", "s’", "s'"))


def _cut(phrase: Phrase, last: Token, index: int) -> Phrase:
    """The phrase up to and including ``last`` (its token ``index``, possibly shortened)."""
    text = phrase.text[: last.end - phrase.start]
    return Phrase(text, phrase.start, last.end, (*phrase.tokens[:index], last))


def without_post_modifier(phrase: Phrase) -> str:
    """ "Jane Roe of Cheyenne" -> "Jane Roe"; "the head of the agency" stays whole."""
    for k, tok in enumerate(phrase.tokens):
        if tok.lower in _POST_MODIFIERS and k >= 2:
            named = phrase.tokens[:k]
            if all(t.capitalized for t in named):
                return " ".join(t.text for t in named)
            break
    return phrase.text


def _is_role(word: str) -> bool:
    """A lower-case title before a name: "pollster", "front-runner", "senator"."""
    return word in lexicon().speaker_nouns or (
        len(word) > 4 and word.endswith(("er", "or", "ist", "man", "woman"))
    )


def describes_a_person(name: str) -> bool:
    """Whether a speaker named without an entity ("the senator") can be a "he" or "she"."""
    last = name.rsplit(maxsplit=1)[-1] if name.strip() else ""
    if not last or last.lower() in PRONOUNS or (last.isupper() and len(last) > 1):
        return False  # a pronoun left unresolved, or an acronym ("CNN")
    head = last.lower()
    if head in DETERMINERS or head in _NOT_PEOPLE or head in NO_ONE_IN_PARTICULAR:
        return False  # "Some said", "More than half said": no one a pronoun points back to
    return not (head.endswith("s") and not head.endswith("ss"))


def description_gender(name: str) -> str | None:
    """ "she" for "the spokeswoman", "he" for "his brother", else ``None``."""
    words = name.split()
    return NOUN_PRONOUNS.get(words[-1].lower()) if words else None


def description_role(phrase: Phrase) -> str | None:
    """The role a description names ("the former president" -> "president", "a Republican
    lawmaker" -> "lawmaker"), or ``None`` when the phrase is no description of one person."""
    words = phrase.tokens
    if len(words) < 2 or words[0].lower not in _DESCRIPTION_OPENERS:
        return None
    head = words[-1].lower
    if not head.isalpha() or not _is_role(head) or head.endswith("s"):
        return None
    return head


def writer_of(phrase: Phrase, overlapping: list[MentionRef]) -> Entity | None:
    """The person or organisation named in a phrase about a writing ("a Donald Trump tweet",
    "Roe's statement", "the Acme letter"), whose words the writing gives; ``overlapping``: the
    mentions sharing a character with the phrase (`ClaimContext.mentions_overlapping`)."""
    if phrase.tokens[-1].lower not in WRITINGS and not _possessed_thing(phrase):
        return None
    named = [m.entity for m in overlapping if m.entity.type in ("PERSON", "ORG")]
    return named[0] if len(named) == 1 else None


def _possessed_thing(phrase: Phrase) -> bool:
    """A thing of someone named with a possessive ("Roe's catch phrase", "Acme's latest
    statement"), not a person or body of theirs ("Roe's aide", "Roe's wife", "Roe's campaign"):
    it gives their words."""
    head = phrase.tokens[-1].lower
    if _is_role(head) or head in RELATIONAL_ROLES or head in NOUN_PRONOUNS:
        return False
    return any(is_possessive(t.text) for t in phrase.tokens[:-1])


def without_possessive(text: str) -> str:
    return text.replace("’s", "").replace("'s", "")


def surname_index(entities: list[Entity]) -> dict[str, Entity | None]:
    """The entity each last word of a name or alias stands for ("roe" -> Jane Roe); ``None``
    when two entities of one type share it. People first: a surname also tagged as an
    organisation stays the person's."""
    index: dict[str, Entity | None] = {}
    ranked = sorted(
        (e for e in entities if e.type in _HEAD_PRIORITY), key=lambda e: _HEAD_PRIORITY[e.type]
    )
    for entity in ranked:
        for form in (entity.name, *entity.aliases):
            words = without_possessive(form).split()
            if not words:
                continue
            key = words[-1].lower()
            if key not in index:
                index[key] = entity
                continue
            known = index[key]
            if known is not None and known is not entity and known.type == entity.type:
                index[key] = None  # two people share the surname
    return index


def titles_near(ctx: ClaimContext, m: MentionRef) -> set[str]:
    """Lower-case title words written next to a mention: up to four words right before it
    ("former Secretary of State") and an apposition after it (", the Republican nominee,")."""
    body = ctx.body
    found: set[str] = set()
    lo = max(0, m.start - _TITLE_WINDOW)
    named = ctx.mentions_in(lo, m.start)
    lo = max([lo, *(n.end for n in named)])  # not past another name ("X met Y")
    before = tokens(body, lo, m.start)[-4:]
    if before and (before[-1].text[:1].isupper() or _is_role(before[-1].lower)):
        for tok in reversed(before):
            word = tok.lower
            if not (word[:1].isalpha() or word in _TITLE_NOUNS):
                break
            found.add(_TITLE_NOUNS.get(word, word))
    after = body[m.end : m.end + 64]
    for opener in (", the ", ", a ", ", who is the ", ", now the "):
        if after.startswith(opener):
            clause = after[len(opener) :].split(",", 1)[0].split(".", 1)[0]
            found.update(w.lower() for w in clause.split()[:6])
            break
    return found


def head_entity(
    ctx: ClaimContext,
    surnames: dict[str, Entity | None],
    phrase: Phrase,
    overlapping: list[MentionRef],
) -> Entity | None:
    """The entity a named phrase is about: the mention at its head, else its last word as a
    surname of the article ("Apple chief executive Tim Cook" -> Tim Cook); ``overlapping``: the
    mentions sharing a character with the phrase (`ClaimContext.mentions_overlapping`)."""
    best: MentionRef | None = None
    described = phrase.tokens[0].lower in ("the", "a", "an")
    for m in overlapping:
        if m.entity.type not in _HEAD_PRIORITY or not _is_head(phrase, m):
            continue
        if described and m.entity.type == "NORP":
            continue  # "the Wisconsin Republican" is a person described, not the group
        if best is None or _HEAD_PRIORITY[m.entity.type] <= _HEAD_PRIORITY[best.entity.type]:
            best = m
    if best is not None and best.entity.type != "PERSON":
        surname = surnames.get(ctx.body[best.start : best.end].lower())
        if surname is not None and surname.type == "PERSON":
            return surname  # "Calderon" tagged ORG once, a person elsewhere
    if best is not None:
        return best.entity
    last = phrase.tokens[-1]
    before = phrase.tokens[-2].lower if len(phrase.tokens) > 1 else ""
    if last.capitalized and before not in _LINKING_PREPOSITIONS:
        return surnames.get(without_possessive(last.lower))
    return None


def _is_head(phrase: Phrase, m: MentionRef) -> bool:
    """A mention heads the phrase when nothing but punctuation or a place ("Jane Roe of
    Ohio") follows it inside the phrase and it is not the object of a preposition ("the head
    of Apple")."""
    after = [t for t in phrase.tokens if t.start >= m.end]
    if after and not (m.entity.type == "PERSON" and after[0].lower in _POST_MODIFIERS):
        return False
    before = [t for t in phrase.tokens if t.end <= m.start]
    return not (before and before[-1].lower in _LINKING_PREPOSITIONS)


def is_subject(body: str, m: MentionRef, sentence_start: int) -> bool:
    """Whether a mention opens its sentence or clause ("On Monday, Smith ..." counts)."""
    before = tokens(body, sentence_start, m.start)
    if any(t.text in '"“”' for t in before):
        return False
    if before and before[-1].lower == "the":
        return False  # "the Smith campaign", "The Murdoch papers": a modifier
    if body.startswith(("'s", "’s"), m.end):
        return False  # "Smith's aide said": the aide speaks
    if before and before[-1].lower in _INVERTED_CUES:
        return True  # "..., said Jane Roe": the speaker of an inverted attribution
    after_comma = before
    for k in range(len(before) - 1, -1, -1):
        if before[k].text == ",":
            after_comma = before[k + 1 :]
            break
    return len(after_comma) <= 5 and all(
        t.capitalized
        or t.lower in _BEFORE_SUBJECT
        or _is_role(t.lower)
        or (t.lower == "of" and 0 < i < len(after_comma) - 1)  # "Secretary of State"
        or (i and t.lower.endswith(_TITLE_ADJECTIVE))  # "Democratic presidential nominee"
        for i, t in enumerate(after_comma)
    )


def gender_of(ctx: ClaimContext, entity: Entity) -> str | None:
    """ "he" or "she" when a title ("Mrs. Roe") or a first name says so, else when the
    pronouns right after the person's mentions do (`Roe ... his`, twice and never `her`)."""
    body = ctx.body
    for form in (entity.name, *entity.aliases):
        words = form.split()
        if len(words) >= 2 and words[0].lower() in _TITLES:
            return _TITLES[words[0].lower()]
        if words and words[0].lower() in lexicon().gender and len(words) >= 2:
            return lexicon().gender[words[0].lower()]
    for m in entity.mentions[:20]:
        if m.field != "body":
            continue
        prefix = body[max(0, m.start - 5) : m.start].split()
        if prefix and prefix[-1].lower() in _TITLES:
            return _TITLES[prefix[-1].lower()]
    return _gender_by_pronouns(ctx, entity)


def _gender_by_pronouns(ctx: ClaimContext, entity: Entity) -> str | None:
    """The pronoun that follows the person's mentions in their clause, when no other person is
    named in between: "Roe said his plan ..." counts for "he"."""
    if entity.type != "PERSON":
        return None
    counts = {"he": 0, "she": 0}
    for m in entity.mentions[:12]:
        if m.field != "body" or m.end > len(ctx.body):
            continue
        end = min(len(ctx.body), m.end + _PRONOUN_WINDOW)
        stop = ctx.body.find(".", m.end, end)
        end = stop if stop >= 0 else end
        others = [n for n in ctx.mentions_in(m.end, end) if n.entity.type == "PERSON"]
        end = min([end, *(n.start for n in others if n.entity is not entity)])
        for found in _PRONOUN.finditer(ctx.body, m.end, end):
            counts[
                "she" if found.group().lower() in ("she", "her", "hers", "herself") else "he"
            ] += 1
            break
    if counts["he"] >= 2 and not counts["she"]:
        return "he"
    if counts["she"] >= 2 and not counts["he"]:
        return "she"
    return None
