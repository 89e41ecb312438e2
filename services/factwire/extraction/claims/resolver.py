"""Who a speaker phrase refers to: an entity of the article, or the phrase itself.

Phrases are resolved in order of appearance, and the resolver remembers who has spoken. A named
phrase goes to the entity at its head; a description ("the former governor") to the person
written with that title, else to the person just quoted; "he"/"she" to a person mentioned
shortly before (the subject of the nearest sentence with a candidate, or a recent speaker),
skipping people whose first name or title says the pronoun does not fit; "they"/"we"/"it" to
a recent organisation that spoke, and an "it" or "they" no organisation fits to the speaker of
the same or the previous paragraph ("Roe wrote in the affidavit. It continued"). The questions
about the text are in `speakers`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from factwire.extraction.claims.context import ClaimContext, MentionRef
from factwire.extraction.claims.phrases import Phrase, subject_phrase
from factwire.extraction.claims.speakers import (
    describes_a_person,
    description_gender,
    description_role,
    gender_of,
    head_entity,
    is_subject,
    speaker_core,
    surname_index,
    titles_near,
    without_possessive,
    without_post_modifier,
    writer_of,
)
from factwire.extraction.language.speaker_words import RELATIONAL_ROLES
from factwire.models import Entity, Speaker

SENTENCES_BACK = 4  # how many sentences back a "he"/"she" looks for its person
SPEAKERS_BACK = 4  # how many earlier speakers a "he"/"she" considers
PARAGRAPHS_BACK = 3  # how many paragraphs back an earlier speaker still counts
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})  # entities an "it" or "they" can be


class Spoken(NamedTuple):
    """A speaker resolved earlier: where its phrase starts, its entity and the name given."""

    start: int
    entity: Entity | None
    name: str


# The person a "he"/"she" goes to: an entity, or the words of a speaker who is none ("the
# senator"); both ``None`` when there is no candidate.
Person = tuple[Entity | None, str | None]


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speaker phrases in order of appearance, remembering who has spoken."""

    ctx: ClaimContext
    quoted: list[tuple[int, int]]
    _speakers: list[Spoken] = field(default_factory=list)
    _speaker_mentions: set[int] = field(default_factory=set)
    _surnames: dict[str, Entity | None] = field(default_factory=dict)
    _genders: dict[str, str | None] = field(default_factory=dict)
    _subjects: dict[int, tuple[int, Entity | None]] = field(default_factory=dict)
    _person_surnames: list[tuple[str, str, Entity]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._surnames = surname_index(self.ctx.entities)
        self._person_surnames = [
            (_folded(key), _folded(key, apostrophes=True), e)
            for key, e in self._surnames.items()
            if e is not None and e.type == "PERSON"
        ]

    def resolve(self, written: Phrase) -> Speaker:
        phrase = speaker_core(written)
        pronoun = phrase.pronoun
        if pronoun in ("he", "she"):
            entity, words = self._person_for(phrase.start, pronoun)
            speaker = _speaker(entity, words or phrase.text)
        elif pronoun in ("they", "we", "it"):
            entity = self._group_for(phrase.start)
            group = None
            if entity is None and pronoun != "it":
                group = self._recent_group_name(phrase.start)
            if entity is None and group is None and pronoun == "they":
                entity, group = self._joint_subject(phrase.start)
            if entity is None and group is None and pronoun in ("it", "they"):
                entity = self._subject_group(phrase.start)
            if entity is None and group is None and pronoun in ("it", "they"):
                entity, group = self._last_source(phrase.start)
            speaker = _speaker(entity, group or phrase.text)
        elif pronoun is not None:  # "I", "you", "who": nobody the article names
            entity, speaker = None, Speaker(name=phrase.text)
        else:
            entity, speaker = self._named(phrase)
        self._speakers.append(Spoken(phrase.start, entity, speaker.name))
        return speaker

    def _named(self, phrase: Phrase) -> tuple[Entity | None, Speaker]:
        """A phrase with a name or a description: its head entity, else the person the
        description refers to (keeping the words used as the name)."""
        overlapping = self.ctx.mentions_overlapping(phrase.start, phrase.end)  # read once here
        for m in overlapping:
            self._speaker_mentions.add(m.start)
        entity = head_entity(self.ctx, self._surnames, phrase, overlapping)
        if entity is not None:
            return entity, _speaker(entity, phrase.text)
        described = self._described_person(phrase) or writer_of(phrase, overlapping)
        name = without_post_modifier(phrase)
        return described, Speaker(name=name, entity_id=described.id if described else None)

    def _described_person(self, phrase: Phrase) -> Entity | None:
        """The person a description such as "the former president" or "the Republican nominee"
        refers to: the most recent person (within a few paragraphs) whose name was written with
        that title ("President Jane Roe", "Sen. Roe", "Roe, the Republican nominee,"), else the
        person quoted in the last two paragraphs ("Roe said ... the lawmaker added")."""
        role = description_role(phrase)
        if role is None:
            return None
        line = self.ctx.line_index(phrase.start)
        for m in self.ctx.mentions_before(phrase.start, 12):
            if line - self.ctx.line_index(m.start) > 6:
                break
            if m.entity.type == "PERSON" and role in titles_near(self.ctx, m):
                return m.entity
        for spoken in reversed(self._speakers[-2:]):
            if line - self.ctx.line_index(spoken.start) > 2:
                break
            if spoken.entity is not None and spoken.entity.type == "PERSON":
                return spoken.entity  # "Roe said ... The senator added": the person just quoted
        if role in RELATIONAL_ROLES:
            return None  # "Roe arrived. A spokeswoman said": someone else, speaking for Roe
        gender = description_gender(phrase.text)
        found = self._recent_subject(phrase.start)
        if found is None or gender is None or self._gender(found) in (None, gender):
            return found
        return None

    def _recent_subject(self, pos: int) -> Entity | None:
        """The person opening the nearest of the last few sentences before ``pos`` ("Roe
        arrived late. The actress said ...")."""
        index = self.ctx.sentence_index(pos)
        for s in range(index, max(-1, index - SENTENCES_BACK - 1), -1):
            sentence = self.ctx.sentences[s]
            for m in self.ctx.mentions_in(sentence.start, min(sentence.end, pos)):
                if (
                    m.entity.type == "PERSON"
                    and not self._in_quote(m.start)
                    and self._speaks_or_leads(m, sentence.start)
                ):
                    return m.entity
        return None

    def _person_for(self, pos: int, pronoun: str) -> Person:
        """The person a "he"/"she" at ``pos`` refers to: a subject or speaker of the nearest
        sentence that has one, unless the last speaker was named after it. Returned as an
        entity, or as the words that named a speaker who is no entity ("the senator")."""
        last_pos, last = self._last_person_speaker(pos, pronoun)
        index = self.ctx.sentence_index(pos)
        fallback: Entity | None = None
        for s in range(index, max(-1, index - SENTENCES_BACK - 1), -1):
            sentence = self.ctx.sentences[s]
            if last is not None and sentence.end <= last_pos:
                return last
            if s < index and self._opens_with(sentence.start, pronoun):
                continue  # "She has faced ... his wife, Jane Roe. She said": the chain goes on
            candidates = self._candidates(sentence.start, min(sentence.end, pos), pronoun)
            subject = next(
                (m for m in candidates if self._speaks_or_leads(m, sentence.start)), None
            )
            if subject is not None:
                return (
                    last
                    if last is not None and subject.start < last_pos
                    else (subject.entity, None)
                )
            if not candidates and sentence.start < pos and self._surnames:
                named = self._named_subject(s, pos, pronoun)
                if named is not None and (last is None or sentence.start > last_pos):
                    return named, None
            if candidates and fallback is None:
                fallback = candidates[0].entity
        return last if last is not None else (fallback, None)

    def _opens_with(self, start: int, pronoun: str) -> bool:
        """Whether the sentence at ``start`` opens with ``pronoun`` (its subject is the same
        person, so no one named later in it is)."""
        head = self.ctx.body[start : start + len(pronoun) + 1]
        return head[: len(pronoun)].lower() == pronoun and not head[len(pronoun) :].isalpha()

    def _candidates(self, start: int, end: int, pronoun: str) -> list[MentionRef]:
        """People mentioned in ``[start, end)`` outside quotations whom the pronoun can fit."""
        return [
            m
            for m in self.ctx.mentions_in(start, end)
            if m.entity.type == "PERSON"
            and not self._in_quote(m.start)
            and self._gender(m.entity) in (None, pronoun)
        ]

    def _speaks_or_leads(self, m: MentionRef, sentence_start: int) -> bool:
        """A mention that named a speaker, or opens its sentence or clause."""
        return m.start in self._speaker_mentions or is_subject(self.ctx.body, m, sentence_start)

    def _named_subject(self, index: int, pos: int, pronoun: str) -> Entity | None:
        """A person opening sentence ``index`` (before ``pos``) by a name the backend did not
        mark there, found through the surnames of the article's people ("Jolly, 43, said")."""
        sentence = self.ctx.sentences[index]
        if index not in self._subjects:
            if not self._may_name(self.ctx.body[sentence.start : min(sentence.end, pos)], pronoun):
                return None  # not kept: another pronoun, or a later one, may fit
            phrase = subject_phrase(self.ctx.body, sentence.start, sentence.end)
            entity = None
            if (
                phrase is not None
                and not phrase.pronoun
                and phrase.tokens[-1].capitalized
                and not self._in_quote(phrase.start)
            ):
                entity = self._surnames.get(without_possessive(phrase.tokens[-1].lower))
            self._subjects[index] = (phrase.end if phrase else 0, entity)
        end, entity = self._subjects[index]
        if entity is None or end > pos or entity.type != "PERSON":
            return None
        return entity if self._gender(entity) in (None, pronoun) else None

    def _may_name(self, text: str, pronoun: str) -> bool:
        """Whether ``text`` (a sentence up to the pronoun) may hold the surname of a person the
        pronoun fits, the only kind of subject `_named_subject` returns: a substring test on the
        folded text (`_folded`) that saves reading the sentence's subject (it finds a person in
        a few sentences in a thousand). Exact: the subject's last word is a token of ``text``,
        and its key in the surname index is its lower case less some "'s" / "’s"; the lower case
        of a token (a slice of the text) is the lower case of the text at its place but for a
        capital sigma (final or not by its context), which folding makes one letter; with no
        apostrophe in the text the key is that lower case whole, else folding drops the
        apostrophes and every "s" from both sides, which keeps a substring a substring."""
        apostrophes = "'" in text or "’" in text
        folded = _folded(text.lower(), apostrophes=apostrophes)
        return any(
            (stripped if apostrophes else key) in folded and self._gender(entity) in (None, pronoun)
            for key, stripped, entity in self._person_surnames
        )

    def _last_person_speaker(self, pos: int, pronoun: str) -> tuple[int, Person | None]:
        """The latest speaker within a few paragraphs who can be a "he"/"she"."""
        line = self.ctx.line_index(pos)
        for spoken in reversed(self._speakers[-SPEAKERS_BACK:]):
            if line - self.ctx.line_index(spoken.start) > PARAGRAPHS_BACK:
                break
            entity = spoken.entity
            if entity is not None:
                if entity.type == "PERSON" and self._gender(entity) in (None, pronoun):
                    return spoken.start, (entity, None)
            elif describes_a_person(spoken.name) and description_gender(spoken.name) in (
                None,
                pronoun,
            ):
                return spoken.start, (None, spoken.name)
        return -1, None

    def _group_for(self, pos: int) -> Entity | None:
        """The organisation (or place) that spoke last, within a few paragraphs."""
        line = self.ctx.line_index(pos)
        for spoken in reversed(self._speakers[-3:]):
            entity = spoken.entity
            if (
                entity is not None
                and entity.type in GROUP_TYPES
                and line - self.ctx.line_index(spoken.start) <= PARAGRAPHS_BACK
            ):
                return entity
        return None

    def _subject_group(self, pos: int) -> Entity | None:
        """The organisation or place opening the sentence of ``pos`` or one of the two before
        it ("The agency does not want ... It plans to"), nearest first."""
        index = self.ctx.sentence_index(pos)
        for s in range(index, max(-1, index - 3), -1):
            sentence = self.ctx.sentences[s]
            for m in self.ctx.mentions_in(sentence.start, min(sentence.end, pos)):
                if m.entity.type == "PERSON":
                    break  # a person opens the sentence: no group is its subject
                if m.entity.type not in GROUP_TYPES:
                    continue  # "In April, ...": a date or a number speaks for no one
                if not self._in_quote(m.start) and is_subject(self.ctx.body, m, sentence.start):
                    return m.entity
        return None

    def _joint_subject(self, pos: int) -> tuple[Entity | None, str | None]:
        """Two people joined by "and" opening the sentence of ``pos`` or one of the two before
        it ("Roe and Mr. Poe said ... They added"): the first of them, named as both."""
        index = self.ctx.sentence_index(pos)
        for s in range(index, max(-1, index - 3), -1):
            sentence = self.ctx.sentences[s]
            people = [
                m
                for m in self.ctx.mentions_in(sentence.start, min(sentence.end, pos))
                if m.entity.type == "PERSON" and not self._in_quote(m.start)
            ]
            if len(people) < 2:
                continue
            first, second = people[0], people[1]  # only the people opening the sentence
            between = self.ctx.body[first.end : second.start].split()
            if (
                between[:1] == ["and"]
                and len(between) <= 2
                and is_subject(self.ctx.body, first, sentence.start)
            ):
                return first.entity, self.ctx.body[first.start : second.end]
        return None, None

    def _last_source(self, pos: int) -> tuple[Entity | None, str | None]:
        """The speaker of this or the previous paragraph, for an "it" or "they" that no
        organisation fits: in `Roe wrote in the affidavit. It continued: "..."` the writing
        quoted on is Roe's; a "they" after one person quoted is that person."""
        if not self._speakers:
            return None, None
        last = self._speakers[-1]
        if self.ctx.line_index(pos) - self.ctx.line_index(last.start) > 1:
            return None, None
        return last.entity, last.name

    def _recent_group_name(self, pos: int) -> str | None:
        """The words of a recent speaker that is a group but no entity ("Officials")."""
        line = self.ctx.line_index(pos)
        for spoken in reversed(self._speakers[-3:]):
            if (
                spoken.entity is None
                and spoken.name.lower() not in ("he", "she", "they", "we", "it", "i")
                and line - self.ctx.line_index(spoken.start) <= 2
                and spoken.name.lower().endswith("s")
            ):
                return spoken.name
        return None

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted, (pos, len(self.ctx.body) + 1))
        return any(a <= pos < b for a, b in self.quoted[max(0, i - 2) : i])

    def _gender(self, entity: Entity) -> str | None:
        if entity.id not in self._genders:
            self._genders[entity.id] = gender_of(self.ctx, entity)
        return self._genders[entity.id]


def _speaker(entity: Entity | None, words: str) -> Speaker:
    """The entity's name and id, or the words used when there is no entity."""
    if entity is None:
        return Speaker(name=words)
    return Speaker(name=entity.name, entity_id=entity.id)


def _folded(lower: str, *, apostrophes: bool = False) -> str:
    """A lower-case text with one sigma ("σ" for "ς", which only a word's end decides); with
    ``apostrophes``, less every apostrophe and "s" (what dropping a possessive "'s" can take)."""
    folded = lower.replace("ς", "σ")
    if apostrophes:
        folded = folded.replace("'", "").replace("’", "").replace("s", "")
    return folded
