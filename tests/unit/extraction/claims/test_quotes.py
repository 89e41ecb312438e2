"""Direct quotes (`factwire.extraction.claims.quotes`): one row per rule, a text and who is quoted.

Every text here is invented for the test. The people of the examples are the `PEOPLE`, each with
a mention wherever its name or surname occurs.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText
from factwire.models import Entity

from ..known_entities import entities_named

PEOPLE = ("Maria Lopez", "Tom Baker", "Ana Ruiz")


def _entities(body: str) -> list[Entity]:
    return entities_named(body, [(n, "PERSON", [n.split()[-1]]) for n in PEOPLE])


def quotes(body: str) -> list[tuple[str, str | None]]:
    """(content, speaker name) of each direct quote of the body."""
    return [
        (c.content, c.speaker.name if c.speaker else None)
        for c in find_claims(ArticleText(body=body), _entities(body))
        if c.kind == "quote"
    ]


QUOTE_ROWS = [
    # a quote that ends in a nested quote still ends in a comma: the attribution follows
    (
        "“Then he said, ‘I hope it happens,’” Lopez told the crowd in Miami.",
        [("Then he said, ‘I hope it happens,’", "Maria Lopez")],
    ),
    # a closing mark that opens a paragraph opens a quote
    (
        "Ruiz spoke last.\n\n” … and nothing came of the plan,” Ruiz wrote.",
        [("… and nothing came of the plan", "Ana Ruiz")],
    ),
    # a headline quote after a colon: the first person the headline names
    (
        "Baker Answers Lopez: ‘We Will Not Sign This Deal.’\n\nThe talks ended on Monday.",
        [("We Will Not Sign This Deal.", "Tom Baker")],
    ),
    # straight single marks in a headline
    (
        "A lesson from Ana Ruiz: 'Be the voice people hear.'\n\nShe spoke to students.",
        [("Be the voice people hear.", "Ana Ruiz")],
    ),
    # a name and a verb that is no known cue, then the end of the clause; the next piece follows
    (
        '"I would put it this way," Baker answered. "We will find a fair system."',
        [("I would put it this way", "Tom Baker"), ("We will find a fair system.", "Tom Baker")],
    ),
    # a quote that fills its paragraph, signed after a dash in the next one
    (
        '"We will win this state."\n\n- Ana Ruiz, tweeting after the debate.\n\nShe did.',
        [("We will win this state.", "Ana Ruiz")],
    ),
    # an unknown verb then a name, though a known cue follows in another clause
    (
        '"Silly boys acting up," scoffed Ana Ruiz, 22, who helped found the group in 2014.',
        [("Silly boys acting up", "Ana Ruiz")],
    ),
    # a comma after a parenthesis between the speaker and the cue
    (
        'On Tuesday, after the vote, Gov. Tom Baker (R-OH), said, "We are ready to win."',
        [("We are ready to win.", "Tom Baker")],
    ),
    # a description, then a cue with a setting or an addressee after it
    (
        '"We will not back down," the retired surgeon told CNN in an interview.',
        [("We will not back down", "the retired surgeon")],
    ),
    (
        '"It is a bad deal," the progressive groups wrote in a joint statement.',
        [("It is a bad deal", "the progressive groups")],
    ),
    # a quote left open after its attribution runs on into the next paragraph opening with a mark
    (
        "“We will win,” Lopez said. “We will win big.\n\n“And then we rest.”\n\nThe end.",
        [("We will win", "Maria Lopez"), ("We will win big.\n\n“And then we rest.", "Maria Lopez")],
    ),
    # a quote over two paragraphs, attributed after its close at the end of the article
    (
        'Lopez spoke.\n\n"We will win this state.\n\n"And the next one," Lopez said.',
        [('We will win this state.\n\n"And the next one', "Maria Lopez")],
    ),
    # a title ending in a full stop after a comma inside a sentence is no quote ...
    ('Ruiz told the story in her memoir, "Hard Choices Made." It sold well.', []),
    # ... but words in title case after a cue and a comma are
    ('Lopez said, "Make The Deal Now."', [("Make The Deal Now.", "Maria Lopez")]),
    # several adverbs before the subject of a clause that ends in a cue
    (
        'And then Lopez went on the attack, saying, "Is the mayor going to resign? He should."',
        [("Is the mayor going to resign? He should.", "Maria Lopez")],
    ),
    # a description after an inverted cue, without the words that do not fit a speaker
    ('"It was a mess," said a person close to the campaign.', [("It was a mess", "a person")]),
    # a mixed quote (quoted words inside the writer's sentence) is no direct quotation
    ('Baker praised the mayor for "stepping up when the council would not."', []),
    # punctuation between the quote and its cue does not count as words
    (
        '"Subpoenas are not optional," panel Chairman Rep. Tom Baker (R-Utah) said after it.',
        [("Subpoenas are not optional", "Tom Baker")],
    ),
    # a verb in the present tense that is no known cue, then a name
    (
        '"Our ideas of success differ," agrees Ana Ruiz, 30.',
        [("Our ideas of success differ", "Ana Ruiz")],
    ),
    # an invisible direction mark before a closing mark typed where an opening one belongs
    (
        "Readers wrote in.\n\n\u202a”This is why we came,” said Ana Ruiz.",
        [("This is why we came", "Ana Ruiz")],
    ),
    # a time phrase set off by a comma opens the clause before its subject
    (
        "Ruiz left the hall. Minutes later, she sent a note saying, “We will be back.”",
        [("We will be back.", "Ana Ruiz")],
    ),
    (
        "Baker stayed home. Eight years ago, he backed Lopez and said, “She is the one.”",
        [("She is the one.", "Tom Baker")],
    ),
    # a description of up to seven words between a quote and its cue
    (
        '"We will not give up," the former mayor and longtime party chair said in a statement.',
        [("We will not give up", "the former mayor and longtime party chair")],
    ),
    # "one of" a group of speakers after an inverted cue
    (
        '"There is no way back," said one of those advisers, who asked not to be named.',
        [("There is no way back", "one of those advisers")],
    ),
    # verbs that introduce a quote only: chants, songs, quips
    (
        'Asked about her age, Ruiz cracked, "I never lose a race."',
        [("I never lose a race.", "Ana Ruiz")],
    ),
    (
        'The rally ended late. Baker walked on stage, chanting "Four more years!"',
        [("Four more years!", "Tom Baker")],
    ),
    # a sentence that opens with a cue written before its speaker, then the quote
    (
        'The home is now a museum. Said Ana Ruiz, who grew up nearby, "We were so proud."',
        [("We were so proud.", "Ana Ruiz")],
    ),
    # a short description and a cue ending in the colon that opens the quote
    (
        'The senators sent a letter on Monday. The letter continues: "Please explain it."',
        [("Please explain it.", "The letter")],
    ),
    # "begins" and "continues" introduce quotes
    (
        '"Please stay calm and do not touch anyone," begins a message read before every rally.',
        [("Please stay calm and do not touch anyone", "a message")],
    ),
    (
        'The crowd cheered, and then Baker continues: "We have only begun."',
        [("We have only begun.", "Tom Baker")],
    ),
    # a clause opened by "Even before", "Ever since", "Here in" comes before the subject
    (
        'Here in Ohio, Baker stepped up his attacks, saying, "We will win this state."',
        [("We will win this state.", "Tom Baker")],
    ),
    (
        'Ever since she lost, Ruiz has been a fierce critic, saying: "They lied to us."',
        [("They lied to us.", "Ana Ruiz")],
    ),
    # a long apposition between the quote's speaker and the cue
    (
        '"Very good reporter," Baker, the presidential front-runner nationally and undisputed'
        " polling leader throughout Connecticut by considerable margins following victories"
        " everywhere imaginable, said.",
        [("Very good reporter", "Tom Baker")],
    ),
    # "had written" introduces a quote
    (
        'As the columnist Ana Ruiz had written years earlier, "We could not do without him."',
        [("We could not do without him.", "Ana Ruiz")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), QUOTE_ROWS)
def test_quotes(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(body) == expected
