"""Who a speaker phrase refers to: an entity of the article, or the phrase itself.

Named phrases are linked to the entity mentioned at their head ("Apple chief executive Tim Cook"
-> Tim Cook, but "the chief executive of Apple" -> no entity). Pronouns ("he said") go to a
person mentioned shortly before: the subject of the nearest sentence with a candidate, or a
recent speaker, skipping people whose first name or title says the pronoun does not fit.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from factwire.extraction.claims.context import ClaimContext, MentionRef
from factwire.extraction.claims.phrases import (
    Phrase,
    subject_phrase,
    tokens,
)
from factwire.extraction.language import lexicon
from factwire.extraction.language.function_words import BEFORE_SUBJECT as _BEFORE_SUBJECT
from factwire.extraction.language.function_words import DESCRIPTION_OPENERS as _DESCRIPTION_OPENERS
from factwire.extraction.language.function_words import DETERMINERS, PRONOUNS
from factwire.extraction.language.function_words import (
    LINKING_PREPOSITIONS as _LINKING_PREPOSITIONS,
)
from factwire.extraction.language.function_words import POST_MODIFIERS as _POST_MODIFIERS
from factwire.extraction.language.name_words import NOT_PEOPLE as _NOT_PEOPLE
from factwire.extraction.language.name_words import TITLE_ADJECTIVE_ENDINGS as _TITLE_ADJECTIVE
from factwire.models import Entity, Speaker

SENTENCES_BACK = 4
_HEAD_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
_TITLES = lexicon().title_pronouns
# Abbreviated titles written before a name, as the noun a description uses ("the senator").
_TITLE_NOUNS = lexicon().title_nouns
_TITLE_WINDOW = 48  # characters before a name searched for its title ("Republican nominee X")
# Verbs that, right before a name, make it the speaker: "..., said Jane Roe".
_INVERTED_CUES = lexicon().inverted_verbs


def _without_post_modifier(phrase: Phrase) -> str:
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


def _describes_a_person(name: str) -> bool:
    """Whether a speaker named without an entity ("the senator") can be a "he" or "she"."""
    last = name.rsplit(maxsplit=1)[-1] if name.strip() else ""
    if not last or last.lower() in PRONOUNS or (last.isupper() and len(last) > 1):
        return False  # a pronoun left unresolved, or an acronym ("CNN")
    head = last.lower()
    if head in DETERMINERS or head in _NOT_PEOPLE:
        return False  # "Some said", "More than half said": no one a pronoun points back to
    return not (head.endswith("s") and not head.endswith("ss"))


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speaker phrases in order of appearance, remembering who has spoken."""

    ctx: ClaimContext
    quoted: list[tuple[int, int]]
    _speakers: list[tuple[int, Entity | None, str]] = field(default_factory=list)
    _speaker_mentions: set[int] = field(default_factory=set)
    _by_last_word: dict[str, Entity | None] = field(default_factory=dict)
    _genders: dict[str, str | None] = field(default_factory=dict)
    _subjects: dict[int, tuple[int, Entity | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ranked = sorted(
            (e for e in self.ctx.entities if e.type in _HEAD_PRIORITY),
            key=lambda e: _HEAD_PRIORITY[e.type],
        )
        for entity in ranked:  # people first: a surname also tagged ORG stays the person's
            for form in (entity.name, *entity.aliases):
                words = form.replace("’s", "").replace("'s", "").split()
                if not words:
                    continue
                key = words[-1].lower()
                if key not in self._by_last_word:
                    self._by_last_word[key] = entity
                    continue
                known = self._by_last_word[key]
                if known is not None and known is not entity and known.type == entity.type:
                    self._by_last_word[key] = None  # two people share the surname

    def resolve(self, phrase: Phrase) -> Speaker:
        pronoun = phrase.pronoun
        if pronoun in ("he", "she"):
            person = self._person_for(phrase.start, pronoun)
            self._speakers.append((phrase.start, person[0], person[1] or phrase.text))
            if person[0] is not None:
                return Speaker(name=person[0].name, entity_id=person[0].id)
            return Speaker(name=person[1] or phrase.text)
        if pronoun in ("they", "we", "it"):
            entity = self._group_for(phrase.start)
        elif pronoun is not None:
            entity = None
        else:
            entity = self._head_entity(phrase)
        if entity is None and pronoun in ("they", "we", "it", "he", "she"):
            name = self._recent_group_name(phrase.start) if pronoun in ("they", "we") else None
            speaker = Speaker(name=name or phrase.text)
        elif entity is None:
            described = self._described_person(phrase) if pronoun is None else None
            name = _without_post_modifier(phrase)
            speaker = Speaker(name=name, entity_id=described.id if described else None)
            entity = described
        else:
            speaker = Speaker(name=entity.name, entity_id=entity.id)
        self._speakers.append((phrase.start, entity, speaker.name))
        if pronoun is None:
            for m in self.ctx.mentions_overlapping(phrase.start, phrase.end):
                self._speaker_mentions.add(m.start)
        return speaker

    def _described_person(self, phrase: Phrase) -> Entity | None:
        """The person a description such as "the former president" or "the Republican nominee"
        refers to: the most recent person (within a few paragraphs) whose name was written with
        that title ("President Jane Roe", "Sen. Roe", "Roe, the Republican nominee,"), else the
        person quoted in the last two paragraphs ("Roe said ... the lawmaker added")."""
        words = phrase.tokens
        if len(words) < 2 or words[0].lower not in _DESCRIPTION_OPENERS:
            return None
        head = words[-1].lower
        if not head.isalpha() or not _is_role(head) or head.endswith("s"):
            return None
        line = self.ctx.line_index(phrase.start)
        for m in self.ctx.mentions_before(phrase.start, 12):
            if line - self.ctx.line_index(m.start) > 6:
                break
            if m.entity.type == "PERSON" and head in self._titles_near(m):
                return m.entity
        for start, entity, _ in reversed(self._speakers[-2:]):
            if line - self.ctx.line_index(start) > 2:
                break
            if entity is not None and entity.type == "PERSON":
                return entity  # "Roe said ... The senator added": the person just quoted
        return None

    def _titles_near(self, m: MentionRef) -> set[str]:
        """Lower-case title words written next to a mention: up to four words right before it
        ("former Secretary of State") and an apposition after it (", the Republican nominee,")."""
        body = self.ctx.body
        found: set[str] = set()
        lo = max(0, m.start - _TITLE_WINDOW)
        named = self.ctx.mentions_in(lo, m.start)
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

    def _head_entity(self, phrase: Phrase) -> Entity | None:
        best: MentionRef | None = None
        described = phrase.tokens[0].lower in ("the", "a", "an")
        for m in self.ctx.mentions_overlapping(phrase.start, phrase.end):
            if m.entity.type not in _HEAD_PRIORITY or not self._is_head(phrase, m):
                continue
            if described and m.entity.type == "NORP":
                continue  # "the Wisconsin Republican" is a person described, not the group
            if best is None or _HEAD_PRIORITY[m.entity.type] <= _HEAD_PRIORITY[best.entity.type]:
                best = m
        if best is not None and best.entity.type != "PERSON":
            surname = self._by_last_word.get(self.ctx.body[best.start : best.end].lower())
            if surname is not None and surname.type == "PERSON":
                return surname  # "Calderon" tagged ORG once, a person elsewhere
        if best is not None:
            return best.entity
        last = phrase.tokens[-1]
        before = phrase.tokens[-2].lower if len(phrase.tokens) > 1 else ""
        if last.capitalized and before not in _LINKING_PREPOSITIONS:
            return self._by_last_word.get(last.lower.replace("’s", "").replace("'s", ""))
        return None

    def _is_head(self, phrase: Phrase, m: MentionRef) -> bool:
        """A mention heads the phrase when nothing but punctuation or a place ("Jane Roe of
        Ohio") follows it inside the phrase and it is not the object of a preposition ("the head
        of Apple")."""
        after = [t for t in phrase.tokens if t.start >= m.end]
        if after and not (m.entity.type == "PERSON" and after[0].lower in _POST_MODIFIERS):
            return False
        before = [t for t in phrase.tokens if t.end <= m.start]
        return not (before and before[-1].lower in _LINKING_PREPOSITIONS)

    def _person_for(self, pos: int, pronoun: str) -> tuple[Entity | None, str | None]:
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
            candidates = [
                m
                for m in self.ctx.mentions_in(sentence.start, min(sentence.end, pos))
                if m.entity.type == "PERSON"
                and not self._in_quote(m.start)
                and self._gender(m.entity) in (None, pronoun)
            ]
            for m in candidates:
                if m.start in self._speaker_mentions or self._is_subject(m, sentence.start):
                    if last is not None and m.start < last_pos:
                        return last
                    return m.entity, None
            if not candidates and sentence.start < pos and self._by_last_word:
                named = self._named_subject(s, pos, pronoun)
                if named is not None and (last is None or sentence.start > last_pos):
                    return named, None
            if candidates and fallback is None:
                fallback = candidates[0].entity
        if last is not None:
            return last
        return fallback, None

    def _named_subject(self, index: int, pos: int, pronoun: str) -> Entity | None:
        """A person opening sentence ``index`` (before ``pos``) by a name the backend did not
        mark there, found through the surnames of the article's people ("Jolly, 43, said")."""
        if index not in self._subjects:
            sentence = self.ctx.sentences[index]
            phrase = subject_phrase(self.ctx.body, sentence.start, sentence.end)
            entity = None
            if (
                phrase is not None
                and not phrase.pronoun
                and phrase.tokens[-1].capitalized
                and not self._in_quote(phrase.start)
            ):
                key = phrase.tokens[-1].lower.replace("’s", "").replace("'s", "")
                entity = self._by_last_word.get(key)
            found = (phrase.end if phrase else 0, entity)
            self._subjects[index] = found
        end, entity = self._subjects[index]
        if entity is None or end > pos or entity.type != "PERSON":
            return None
        return entity if self._gender(entity) in (None, pronoun) else None

    def _last_person_speaker(
        self, pos: int, pronoun: str
    ) -> tuple[int, tuple[Entity | None, str | None] | None]:
        """The latest speaker within a few paragraphs who can be a "he"/"she"."""
        line = self.ctx.line_index(pos)
        for start, entity, name in reversed(self._speakers[-4:]):
            if line - self.ctx.line_index(start) > 3:
                break
            if entity is not None:
                if entity.type == "PERSON" and self._gender(entity) in (None, pronoun):
                    return start, (entity, None)
            elif _describes_a_person(name):
                return start, (None, name)
        return -1, None

    def _group_for(self, pos: int) -> Entity | None:
        line = self.ctx.line_index(pos)
        for start, entity, _ in reversed(self._speakers[-3:]):
            if (
                entity is not None
                and entity.type != "PERSON"
                and line - self.ctx.line_index(start) <= 3
            ):
                return entity
        return None

    def _recent_group_name(self, pos: int) -> str | None:
        line = self.ctx.line_index(pos)
        for start, entity, name in reversed(self._speakers[-3:]):
            if (
                entity is None
                and name.lower() not in ("he", "she", "they", "we", "it", "i")
                and line - self.ctx.line_index(start) <= 2
                and name.lower().endswith("s")
            ):
                return name
        return None

    def _in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted_near(pos))

    def quoted_near(self, pos: int) -> list[tuple[int, int]]:
        i = bisect_right(self.quoted, (pos, len(self.ctx.body) + 1))
        return self.quoted[max(0, i - 2) : i]

    def _is_subject(self, m: MentionRef, sentence_start: int) -> bool:
        """Whether a mention opens its sentence or clause ("On Monday, Smith ..." counts)."""
        before = tokens(self.ctx.body, sentence_start, m.start)
        if any(t.text in '"“”' for t in before):
            return False
        if before and before[-1].lower == "the":
            return False  # "the Smith campaign", "The Murdoch papers": a modifier
        if self.ctx.body.startswith(("'s", "’s"), m.end):
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

    def _gender(self, entity: Entity) -> str | None:
        if entity.id in self._genders:
            return self._genders[entity.id]
        found: str | None = None
        for form in (entity.name, *entity.aliases):
            words = form.split()
            if len(words) >= 2 and words[0].lower() in _TITLES:
                found = _TITLES[words[0].lower()]
            elif words and words[0].lower() in lexicon().gender and len(words) >= 2:
                found = lexicon().gender[words[0].lower()]
            if found:
                break
        if found is None:
            for m in entity.mentions[:20]:
                if m.field != "body":
                    continue
                prefix = self.ctx.body[max(0, m.start - 5) : m.start].split()
                if prefix and prefix[-1].lower() in _TITLES:
                    found = _TITLES[prefix[-1].lower()]
                    break
        self._genders[entity.id] = found
        return found
