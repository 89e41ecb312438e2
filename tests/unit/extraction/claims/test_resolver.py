"""Speaker resolution, one row per rule of `claims.resolver` and `claims.speakers`: an invented
passage and the speaker of each of its quotes and reported claims (the entity id, else the words
naming the speaker). The people and organisations are the `PEOPLE` entities, each with a mention
wherever one of its forms is written."""

from __future__ import annotations

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.claims.context import ClaimContext
from factwire.extraction.claims.phrases import Phrase, tokens
from factwire.extraction.claims.resolver import SpeakerResolver
from factwire.extraction.claims.speakers import speaker_core
from factwire.extraction.document import ArticleText
from factwire.models import Entity, EntityType

from ..known_entities import entities_named

PEOPLE: list[tuple[str, EntityType, list[str]]] = [
    ("Nora Halvorsen", "PERSON", ["Halvorsen"]),
    ("Victor Anand", "PERSON", ["Anand"]),
    ("Lena Brooks", "PERSON", ["Brooks"]),
    ("Pell", "PERSON", []),
    ("April", "DATE", []),
    ("Brightwater Mining", "ORG", ["Brightwater"]),
    ("Ministry of Health", "ORG", []),
]


def entities(body: str) -> list[Entity]:
    return entities_named(body, PEOPLE)


def speakers(body: str) -> list[str | None]:
    return [
        (c.speaker.entity_id or c.speaker.name) if c.speaker else None
        for c in find_claims(ArticleText(body=body), entities(body))
        if c.kind != "statement"
    ]


def phrase(text: str) -> Phrase:
    return Phrase(text, 0, len(text), tuple(tokens(text, 0, len(text))))


# (phrase as the attribution rules found it, the speaker it names)
CORE_ROWS = [
    ("Halvorsen isn't", "Halvorsen"),
    ("Mr. Anand hasn’t", "Mr. Anand"),
    ("Brooks now", "Brooks"),
    ("Pell however", "Pell"),
    ("He’s comparing the", "He"),
    ("They're", "They"),
    ("the mine's owner", "the mine's owner"),
    ("Lena Brooks", "Lena Brooks"),
    # after "X's noun" a past-tense verb is no part of the name
    ("Halvorsen’s campaign shrugged", "Halvorsen’s campaign"),
    ("Halvorsen’s campaign manager", "Halvorsen’s campaign manager"),
    # a time or place after the head noun is no part of the name
    ("a survey in June", "a survey"),
    ("a miner in the crowd", "a miner"),
    ("Miners in general", "Miners"),
    ("the head of the agency", "the head of the agency"),
    # a past tense in -ed before an article, a preposition, a particle or nothing is the verb
    ("The town council released a statement", "The town council"),
    ("Halvorsen elaborated in a column", "Halvorsen"),
    ("Brightwater sent out a release", "Brightwater"),
    ("Her office put out a statement", "Her office"),
    ("Halvorsen handed back the keys", "Halvorsen"),
    ("a survey released", "a survey"),
    # ... but not an adjective before its noun, a passive, or a participle followed by its agent
    ("Republican elected officials", "Republican elected officials"),
    ("a retired miner", "a retired miner"),
    ("research to be released", "research to be released"),
    ("a court filing signed by Halvorsen", "a court filing signed by Halvorsen"),
    ("data released on Monday by the agency", "data released on Monday by the agency"),
    # adverbs and reflexives after the name
    ("Brooks Just", "Brooks"),
    ("Analysts soon", "Analysts"),
    ("the miners themselves", "the miners"),
]


@pytest.mark.parametrize(("written", "core"), CORE_ROWS)
def test_a_speaker_phrase_ends_before_its_verb(written: str, core: str) -> None:
    found = speaker_core(phrase(written))
    assert (found.text, found.end) == (core, len(core))
    assert [t.text for t in found.tokens][-1] == core.rsplit(maxsplit=1)[-1]


SPEAKER_ROWS = [
    # the phrase ran into the verb: the name before it is the speaker
    ("Halvorsen isn't saying whether the mine will reopen.", ["halvorsen"]),
    # "it", "they": the organisation that is the subject of a sentence just before
    (
        "Brightwater Mining faces a strike. It said the wage offer was final.",
        ["brightwater"],
    ),
    ("Nora Halvorsen visited the pit. It said the wage offer was final.", ["It"]),
    # an "it" that no organisation fits: the writing of the one quoted just before
    (
        'Halvorsen said in a letter, "The pit stays shut." It added, "Wages will rise."',
        ["halvorsen", "halvorsen"],
    ),
    (
        "Brightwater Mining turned the offer down on Monday. They said the wage offer was too low.",
        ["brightwater"],
    ),
    # a writing speaks for the one who wrote it, and "she" after it is the writer
    (
        "A Halvorsen email said the mine would reopen. She added that wages would rise.",
        ["halvorsen", "halvorsen"],
    ),
    # a "they" after one person quoted, when no organisation fits, is that person
    ('Pell said, "The pit stays shut." They added, "Wages will rise."', ["pell", "pell"]),
    # "he" does not go back to a spokeswoman
    (
        "Victor Anand opened the plant. A spokeswoman said the mine was safe. "
        "He added that wages would rise.",
        ["A spokeswoman", "anand"],
    ),
    # a description goes to the person who opened a sentence just before, when no one with
    # that title has spoken; the pronoun after it follows
    (
        "Lena Brooks arrived late at the hall. The singer said the tour would go on. "
        "She added that every ticket was sold.",
        ["brooks", "brooks"],
    ),
    # a thing of someone named with a possessive gives their words; a person of theirs does
    # not; a report speaks for the body named in it
    ("Halvorsen’s catch phrase says the pit will reopen.", ["halvorsen"]),
    ("Halvorsen's aide said the pit would reopen.", ["Halvorsen's aide"]),
    ("The Brightwater report said the pit would reopen.", ["brightwater"]),
    # an aside between commas after the name, opening with a participle or a preposition
    (
        "Halvorsen, speaking at a rally in Dover, Delaware, warned that the pit would close.",
        ["halvorsen"],
    ),
    ("Anand, during a town hall in Dover, Delaware, said the pit was safe.", ["anand"]),
    # a dateline is no speaker: the subject follows its dash
    (
        "DOVER (AP) — Nora Halvorsen met the miners on Monday, saying the pit would reopen.",
        ["halvorsen"],
    ),
    # "many people", "nobody" are no one a later "she" refers to
    (
        "Lena Brooks arrived late at the hall. Many people said the tour was over. "
        "She said every ticket was sold.",
        ["Many people", "brooks"],
    ),
    # a date opening a sentence is no group a "they" refers to
    ("In April, the miners walked out. They said the pit was unsafe.", ["They"]),
    # "they" after two people joined by "and" opening a sentence: the first of them
    (
        "Halvorsen and Anand visited the pit on Monday. They said the wage offer was final.",
        ["halvorsen"],
    ),
    # "Also Monday," is no subject either
    ("Also Monday, Halvorsen sent a letter to the board, asking for a new vote.", ["halvorsen"]),
    # a clause subject opening with an article is a description ("the Dover senator"), linked
    # to the person with that title
    (
        "Sen. Victor Anand skipped the vote. Instead, the Dover senator is touring the pit, "
        "hoping to avoid a strike.",
        ["anand"],
    ),
    # a sentence opening with a preposition or a time ("Hours later,") has its subject after
    # the comma
    (
        "Over the weekend, Halvorsen returned the compliment, telling reporters the pit would "
        "reopen.",
        ["halvorsen"],
    ),
    (
        "Hours later, Brooks returned the compliment, telling reporters the tour would go on.",
        ["brooks"],
    ),
    (
        "Throughout the strike, Anand returned the compliment, telling reporters the pit was safe.",
        ["anand"],
    ),
    # a sentence opening with the same pronoun continues the chain: a person named later in
    # it (here in an apposition) is not its subject
    (
        "Lena Brooks said the tour would go on. She has toured with her rival, the singer "
        "Nora Halvorsen, twice. She said every ticket was sold.",
        ["brooks", "brooks"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPEAKER_ROWS)
def test_speaker_resolution(body: str, expected: list[str | None]) -> None:
    assert speakers(body) == expected


# (a sentence up to a "she", whether it may name a person "she" fits by a surname): the test
# that saves reading the sentence's subject never says no to a surname, whatever the apostrophe
# or the case of a final sigma ("ΚΩΣΤΑΣ" is "κωστας" alone, "κωστασ" before ".Α")
MAY_NAME_ROWS = [
    ("Halvorsen arrived at the pit", True),
    ("Halvorsen’s campaign shrugged", True),
    ("Halvorsen's aide arrived", True),
    ("The miners’ union met", False),
    ("The miners' union met", False),
    ("Anand arrived", False),  # Victor Anand is no "she"
    ("ΚΩΣΤΑΣ.Α arrived", True),
    ("Nobody was there", False),
]


@pytest.mark.parametrize(("text", "expected"), MAY_NAME_ROWS)
def test_a_sentence_is_read_for_a_surname_only_when_it_may_hold_one(
    text: str, expected: bool
) -> None:
    roster = "Nora Halvorsen, Victor Anand, Eleni Kostas, ΚΩΣΤΑΣ"
    people = entities_named(roster, [*PEOPLE, ("Eleni Kostas", "PERSON", ["ΚΩΣΤΑΣ"])])
    resolver = SpeakerResolver(ClaimContext(text, people), [])
    assert resolver._may_name(text, "she") is expected
