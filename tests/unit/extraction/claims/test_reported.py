"""Reported speech, beliefs and intentions (`claims.reported`): one row per rule, with the
claims a sentence must give as (content, speaker) pairs.

Every sentence here is invented for the test. Attributions read from a source (`claims.sourced`)
are in test_sourced.py.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText


def reported(body: str) -> list[tuple[str, str | None]]:
    """(content, speaker words) of each reported claim of the body, found without entities."""
    return [
        (c.content, c.speaker.name if c.speaker else None)
        for c in find_claims(ArticleText(body=body), [])
        if c.kind == "reported"
    ]


REPORTED_ROWS = [
    # intentions and refusals with a "to" clause
    ("Lopez declined to comment on the report.", [("to comment on the report.", "Lopez")]),
    ("Baker refused to rule out a third run.", [("to rule out a third run.", "Baker")]),
    ("Ruiz hopes to win back the suburbs.", [("to win back the suburbs.", "Ruiz")]),
    # stances towards a person or a plan
    ("Lopez denounced the new border policy.", [("the new border policy.", "Lopez")]),
    ("Baker condemned the attack on the mosque.", [("the attack on the mosque.", "Baker")]),
    # a named speaker after a comma inside the words of an earlier report starts a new one
    (
        "While Lopez admitted the plan had flaws, Baker said it would pass easily.",
        [("the plan had flaws", "Lopez"), ("it would pass easily.", "Baker")],
    ),
    (
        "Most voters backed the plan, the survey found.",
        [("Most voters backed the plan", "the survey"), ("the plan", "Most voters")],
    ),
    # more reporting verbs: "reiterated", "the court ruled that", "echoed"
    (
        "Lopez reiterated the bridge would reopen in May.",
        [("the bridge would reopen in May.", "Lopez")],
    ),
    ("The court ruled that the ban was lawful.", [("the ban was lawful.", "The court")]),
    ("Baker echoed the mayor's warning.", [("the mayor's warning.", "Baker")]),
    ("Lopez made it clear that she would run again.", [("she would run again.", "Lopez")]),
    # a belief or feeling stated with "be" (not a passive)
    ("Lopez is confident that the plan will pass.", [("the plan will pass.", "Lopez")]),
    # stances and wishes: "sees ... as", "expressed", "prefers", "ordered"
    ("Lopez sees the tax as a burden on farmers.", [("the tax as a burden on farmers.", "Lopez")]),
    ("Baker expressed concern about the new rules.", [("concern about the new rules.", "Baker")]),
    ("Ruiz prefers a smaller budget.", [("a smaller budget.", "Ruiz")]),
    ("Lopez learned that the vote had been moved.", [("the vote had been moved.", "Lopez")]),
    # "be" before an -ing form is progressive, not passive
    ("Lopez is seeking a second term as mayor.", [("a second term as mayor.", "Lopez")]),
    # phrasal cues
    ("Lopez pointed to the rising cost of housing.", [("the rising cost of housing.", "Lopez")]),
    ("Ruiz sided with the striking nurses.", [("the striking nurses.", "Ruiz")]),
    (
        "Baker blames the drought for the poor harvest.",
        [("the drought for the poor harvest.", "Baker")],
    ),
    ("Ruiz refers to the levy as a tax on work.", [("the levy as a tax on work.", "Ruiz")]),
    # a long subject opening the sentence, up to its relative clause
    (
        "Many farmers who came to the capital this week say the drought has cost them dearly.",
        [("the drought has cost them dearly.", "Many farmers")],
    ),
    # a writing or record reports what it shows without "that"
    (
        "The latest poll shows Lopez ahead by six points.",
        [("Lopez ahead by six points.", "The latest poll")],
    ),
    # a description of a person, not only a name, makes a stance or intention a report; a
    # participle after a comma reports again, by the same speaker
    (
        "A spokeswoman for the firm declined to comment, saying the case was closed.",
        [
            ("to comment", "A spokeswoman for the firm"),
            ("the case was closed.", "A spokeswoman for the firm"),
        ],
    ),
    # a second report joined to the first by "and" / "but": same speaker, words cut at the join
    (
        "Lopez called the plan reckless and said it would fail by spring.",
        [("the plan reckless", "Lopez"), ("it would fail by spring.", "Lopez")],
    ),
    (
        "Baker said the bill was dead, but added that talks would go on.",
        [("the bill was dead", "Baker"), ("talks would go on.", "Baker")],
    ),
    # an act of judging ("praised", "called") takes its object up to a comma
    (
        "Lopez praised the new bridge, and the crowd cheered for a long while.",
        [("the new bridge", "Lopez")],
    ),
    # a dash setting off an aside, a semicolon, or ", and" / ", but" / ", while" ends the report
    (
        "Baker said the depot would close in May — a blow to the town's drivers.",
        [("the depot would close in May", "Baker")],
    ),
    (
        "Lopez said the fares would rise in June; the drivers had expected it.",
        [("the fares would rise in June", "Lopez")],
    ),
    (
        "Ruiz said the new line would open in May, but the drivers doubt it.",
        [("the new line would open in May", "Ruiz")],
    ),
    (
        "Baker argued the tax was too high, while Ruiz wanted it doubled.",
        [("the tax was too high", "Baker"), ("it doubled.", "Ruiz")],
    ),
    # a cue in a relative clause ends at the comma closing it when the main clause reports
    (
        "Lopez, who called the levy unfair last spring, said the council would drop it.",
        [("the levy unfair last spring", "Lopez"), ("the council would drop it.", "Lopez")],
    ),
    # a share of a group speaks for its part, as polls report them
    (
        "Nearly half said they would vote for the levy in May.",
        [("they would vote for the levy in May.", "Nearly half")],
    ),
    (
        "In the survey, two-thirds of the farmers say the drought was worse.",
        [("the drought was worse.", "two-thirds of the farmers")],
    ),
    (
        "Those surveyed said the mayor had done well.",
        [("the mayor had done well.", "Those surveyed")],
    ),
    # "spoke" reports only with what was spoken of; a contracted "has" is no possessive
    (
        "Lopez spoke of a long winter for the farmers.",
        [("a long winter for the farmers.", "Lopez")],
    ),
    ("She's said the plan would fail by spring.", [("the plan would fail by spring.", "She")]),
    # people named by the side they take or the part they play
    (
        "The organizers said they did not know how many would come.",
        [("they did not know how many would come.", "The organizers")],
    ),
    # a body described by its head noun takes a side as a person does
    (
        "The committee criticized the new budget rules.",
        [("the new budget rules.", "The committee")],
    ),
    # the speaker before an aside set off by dashes
    (
        "Jane Roe — a teacher from Dayton — says she will vote for the levy.",
        [("she will vote for the levy.", "Jane Roe")],
    ),
    # no inverted "said he": a pronoun after a cue opens the reported clause
    (
        "Rep. Jane Roe (D-Ohio), the ranking member of the transit committee and one of the "
        "bill's authors, said she supports it.",
        [("she supports it.", "Rep. Jane Roe")],
    ),
    # a negation between a speaker and the cue
    ("Lopez has not commented on the audit.", [("the audit.", "Lopez")]),
    ("Baker didn’t say whether he would run again.", [("whether he would run again.", "Baker")]),
    # the forms missing from listed verbs (base, -s, -ing)
    ("Ruiz agrees that the fares are too high.", [("the fares are too high.", "Ruiz")]),
    ("Lopez is stressing that the budget is tight.", [("the budget is tight.", "Lopez")]),
    ("Baker will discuss the closure of the plant.", [("the closure of the plant.", "Baker")]),
    # common verbs of saying, judging and knowing not listed before in any form
    ("Lopez hailed the new bridge over the river.", [("the new bridge over the river.", "Lopez")]),
    ("Baker signaled that he would not run again.", [("he would not run again.", "Baker")]),
    # phrasal verbs of judging and taking a side
    ("Lopez railed against the new parking fees.", [("the new parking fees.", "Lopez")]),
    ("Baker took issue with the size of the budget.", [("the size of the budget.", "Baker")]),
    # stances stated with "be" and an adjective; "been" between a speaker and a cue
    (
        "Lopez has been critical of the new parking fees.",
        [("the new parking fees.", "Lopez")],
    ),
    ("Baker was eager to leave the council.", [("leave the council.", "Baker")]),
    # a report running into a direct quote of its sentence ends before the quote
    (
        "Lopez said the bridge would reopen in May. ''It was never safe,'' she added.",
        [("the bridge would reopen in May.", "Lopez")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), REPORTED_ROWS)
def test_reported(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert reported(body) == expected


NOT_REPORTED_ROWS = [
    # a verb of intention with no one (person, body, writing) before it reports nothing
    "The rain decided the match early.",
    # ... but not when the words before the cue end in an adverb or auxiliary
    "Anyone in the room could say what they liked about the plan.",
    # a passive cue: the subject is not the one who speaks
    "Lopez is expected to run for the Senate next year.",
    "Baker was asked about the missing funds.",
    # a participle followed by its agent is passive: "promised by the council"
    "Only four of the eleven flood walls promised by the regional council have been built.",
    # "support" and "states" are mostly nouns: "their support", "in swing states"
    "Lopez needs the support of union members in swing states across the region.",
    # "shows" without "that" after someone who is no writing
    "The new gallery shows paintings by local artists.",
    # a body named with "a" only introduces a name
    "A group called the Friends of the Park met on Monday.",
    # "spoke" with a place, an audience or a manner reports nothing
    "Lopez spoke at the rally in Dayton on Sunday.",
    # a cue right after a possessive is a noun
    "Editor's note: the mayor has since resigned from the board.",
    # the writer and the reader ("we", "you") are nobody's attribution
    "We know that the council will vote again.",
    "You may think the plan is too costly.",
]


@pytest.mark.parametrize("body", NOT_REPORTED_ROWS)
def test_no_reported_claim(body: str) -> None:
    assert reported(body) == []
