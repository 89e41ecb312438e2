"""Claims, one row per attribution pattern: who said what, and how it is scored.

Each table is a list of examples a reader scans: a sentence and what the claims must be. A new
attribution pattern gets a row in the table of its kind. The people and organisations of the
examples are the `KNOWN` entities, each with a mention wherever its name or alias occurs.
"""

from __future__ import annotations

import pytest

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity, EntityType

from .known_entities import entities_named

KNOWN: list[tuple[str, EntityType, list[str]]] = [
    ("Maria Lopez", "PERSON", ["Lopez"]),
    ("Tom Baker", "PERSON", ["Baker"]),
    ("Paul Grant", "PERSON", ["Grant"]),
    ("Ana Ruiz", "PERSON", ["Ruiz"]),
    ("Acme Corp", "ORG", ["Acme"]),
    ("Ortiz", "PERSON", []),
]


def entities(body: str) -> list[Entity]:
    """The `KNOWN` entities named in the body, with a mention at every whole-word occurrence."""
    return entities_named(body, KNOWN)


def claims(body: str) -> list[Claim]:
    return find_claims(ArticleText(body=body), entities(body))


def spoken(body: str) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker name) of each claim of the body."""
    return [(c.kind, c.content, c.speaker.name if c.speaker else None) for c in claims(body)]


def speakers(body: str) -> list[str | None]:
    """The speaker of each quote or reported claim: its entity id, else the words naming it."""
    return [
        (c.speaker.entity_id or c.speaker.name) if c.speaker else None
        for c in claims(body)
        if c.kind != "statement"
    ]


# --- direct quotes: the words after the quote (quotes.AFTER_QUOTE) -----------------------------

AFTER_QUOTE_ROWS = [
    ('"We will win this fight," Maria Lopez said.', "Maria Lopez"),
    ('"Prices will fall," said Tom Baker, the chief executive of Acme.', "Tom Baker"),
    ('"The bill is dead," Sen. Tom Baker (R-Ohio) said.', "Tom Baker"),
    ('"The veto will hold," Sen. Tom Baker, R-Ky., said Tuesday.', "Tom Baker"),
    ('"The numbers are wrong," a senior official said.', "a senior official"),
    (
        '"Come and stay with us!" a message on the town website reads.',
        "a message on the town website",
    ),
    ('"I will vote for her," said Jane Roe of Cheyenne.', "Jane Roe"),
    ('"Is it over?" she asked.', "she"),
    ("“Nobody expected this,” Lopez said.", "Maria Lopez"),
    ("''Nobody expected this,'' Lopez said.", "Maria Lopez"),
    ("‘We don’t back down,’ Lopez said.", "Maria Lopez"),
    # dash then name
    ("“We can do better.” ― Maria Lopez", "Maria Lopez"),
    # a short sentence that is only the attribution
    ('"The emails are missing." Lopez said.', "Maria Lopez"),
    # a noun phrase of any noun between a quote and a cue that ends the clause
    ('"The plant will close in May," the release said.', "the release"),
    ('"Turnout will be low," Paul M. Grant wrote.', "Paul Grant"),
    # a verb that is no known cue, before or after the name
    ('"We did it!" beamed Lopez as the results came in from the last districts.', "Maria Lopez"),
    ('"Not a chance," an angry Baker retorted.', "Tom Baker"),
    # a name, then a long apposition, then the cue
    (
        '"It is a bad deal," Baker, the long-serving senator from Ohio and a critic of the '
        "plan, said.",
        "Tom Baker",
    ),
]


@pytest.mark.parametrize(("body", "speaker"), AFTER_QUOTE_ROWS)
def test_speaker_after_the_quote(body: str, speaker: str) -> None:
    found = spoken(body)
    assert [(kind, name) for kind, _, name in found] == [("quote", speaker)]


# --- direct quotes: the clause before the quote (quotes.BEFORE_QUOTE) --------------------------

BEFORE_QUOTE_ROWS = [
    ('Lopez said: "Prices will fall next year."', "Maria Lopez"),
    ('Back in 2010, Lopez praised the plan, telling reporters: "It will work."', "Maria Lopez"),
    ('According to Lopez, "the plan is dead."', "Maria Lopez"),
    ('As Lopez, a professor of law, put it, "the plan is dead."', "Maria Lopez"),
    (
        'The result did not surprise the pollster Tom Baker: "Late deciders broke our way."',
        "Tom Baker",
    ),
    ('Lopez was blunt: "Nobody believes this plan."', "Maria Lopez"),
    ('Lopez told the crowd:\n\n"We are not going anywhere."', "Maria Lopez"),
    ('Lopez took the stage in Miami and declared "What a night for this city!"', "Maria Lopez"),
]


@pytest.mark.parametrize(("body", "speaker"), BEFORE_QUOTE_ROWS)
def test_speaker_before_the_quote(body: str, speaker: str) -> None:
    assert [(kind, name) for kind, _, name in spoken(body)] == [("quote", speaker)]


# --- direct quotes: what the quote holds, pieces of one quote, quotes that are none ------------

QUOTE_ROWS = [
    (
        '"Prices rose. Wages did not," Lopez said.',
        [("quote", "Prices rose. Wages did not", "Maria Lopez")],
    ),
    (
        "''Voters will not accept 'we will sort it out later,''' said Maria Lopez on Monday.",
        [("quote", "Voters will not accept 'we will sort it out later,'", "Maria Lopez")],
    ),
    (
        'Lopez said:\n\n"The first part is long.\n\n"The second part ends here."',
        [("quote", 'The first part is long.\n\n"The second part ends here.', "Maria Lopez")],
    ),
    (
        '"We will win," Lopez said. "And we will win big."',
        [("quote", "We will win", "Maria Lopez"), ("quote", "And we will win big.", "Maria Lopez")],
    ),
    (
        '"We will win," Lopez said, "and we will win big."',
        [("quote", "We will win", "Maria Lopez"), ("quote", "and we will win big.", "Maria Lopez")],
    ),
    (
        "“We can do better.” ― Maria Lopez\n\n“So can we.” ― Tom Baker",
        [("quote", "We can do better.", "Maria Lopez"), ("quote", "So can we.", "Tom Baker")],
    ),
    # a quotation inside a sentence is no direct quote ...
    (
        'Lopez called the plan "a disaster" on Monday.',
        [("reported", 'the plan "a disaster" on Monday.', "Maria Lopez")],
    ),
    ('The bill, known as "Clean Rivers Now," passed.', []),
    (
        'On "Meet the Voters Tonight," Lopez said the plan would pass.',
        [("reported", "the plan would pass.", "Maria Lopez")],
    ),
    (
        'Lopez said the risk had grown "a couple of notches" because of Baker\'s remarks, '
        "which she called careless.",
        [
            (
                "reported",
                'the risk had grown "a couple of notches" because of Baker\'s remarks, which '
                "she called careless.",
                "Maria Lopez",
            )
        ],
    ),
    # ... unless nothing else holds it: then it is the subject's
    (
        'Lopez credited the mayor with "stepping up when the council would not."',
        [("reported", "stepping up when the council would not.", "Maria Lopez")],
    ),
    # a second reporting clause about a quote adds no claim
    (
        '"We are winning," Baker said at the meeting, according to the Daily Planet.',
        [("quote", "We are winning", "Tom Baker")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), QUOTE_ROWS)
def test_quotes(body: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert spoken(body) == expected


def test_a_title_in_quotation_marks_inside_a_sentence_is_no_quote() -> None:
    body = 'Lopez said she liked "The River and the Sea," a novel set in Ohio, very much.'
    assert all(c.kind != "quote" for c in claims(body))
    assert len(claims("Lopez said the ‘plan’ was “dead on arrival,” she said.")) <= 1


# --- reported speech and beliefs (reported.WITH_CUE, "according to") --------------------------

REPORTED_ROWS = [
    (
        "Lopez said that the plan would cost $2 billion.",
        "the plan would cost $2 billion.",
        "Maria Lopez",
    ),
    ("Lopez said on Tuesday the talks had collapsed.", "the talks had collapsed.", "Maria Lopez"),
    ("Baker repeatedly argued that it would not.", "it would not.", "Tom Baker"),
    ("Lopez believes the recession will end soon.", "the recession will end soon.", "Maria Lopez"),
    ("Experts say the drought will get worse.", "the drought will get worse.", "Experts"),
    (
        "Officials said in a statement that the bridge was safe.",
        "the bridge was safe.",
        "Officials",
    ),
    (
        "The ministry said exports had fallen sharply.",
        "exports had fallen sharply.",
        "The ministry",
    ),
    ("Lopez was quoted as saying the deal was dead.", "the deal was dead.", "Maria Lopez"),
    (
        "Lopez told a gathering of donors that the race was close.",
        "the race was close.",
        "Maria Lopez",
    ),
    (
        "Lopez left the meeting early, saying the talks had failed.",
        "the talks had failed.",
        "Maria Lopez",
    ),
    ("Lopez called the plan a disaster.", "the plan a disaster.", "Maria Lopez"),
    ("It was Baker, who said the vote was rigged.", "the vote was rigged.", "Tom Baker"),
    # the content before the speaker
    (
        "The merger will fail within a year, Lopez warned.",
        "The merger will fail within a year",
        "Maria Lopez",
    ),
    ("The plan, Lopez said, would fail within a year.", "would fail within a year.", "Maria Lopez"),
    ("Turnout will fall sharply, said Paul Grant.", "Turnout will fall sharply", "Paul Grant"),
    ("Most voters liked the plan, the survey found.", "Most voters liked the plan", "the survey"),
    # an "as" clause, on either side
    ("As Lopez noted, the plan failed in May.", "the plan failed in May.", "Maria Lopez"),
    ("The plan failed in May, as Lopez noted on Monday.", "The plan failed in May", "Maria Lopez"),
    # a headline: "Source: ...", or a cue in title case
    (
        "Lopez: The Plan Will Cost More Than Promised\n\nThe council met.",
        "The Plan Will Cost More Than Promised",
        "Maria Lopez",
    ),
    (
        "Lopez Says The Plan Will Cost More\n\nThe council met.",
        "The Plan Will Cost More",
        "Maria Lopez",
    ),
    (
        "The Plan Will Cost More, Lopez Says\n\nThe council met.",
        "The Plan Will Cost More",
        "Maria Lopez",
    ),
    # according to, on either side
    (
        "According to Acme, sales doubled in the spring.",
        "sales doubled in the spring.",
        "Acme Corp",
    ),
    ("Sales doubled in the spring, according to Acme.", "Sales doubled in the spring", "Acme Corp"),
]


@pytest.mark.parametrize(("body", "content", "speaker"), REPORTED_ROWS)
def test_reported_speech(body: str, content: str, speaker: str) -> None:
    assert spoken(body) == [("reported", content, speaker)]


NOT_REPORTED_ROWS = [
    "A group called the Friends of Rivers held a march.",
    "The weather was pleasant and everyone seemed happy enough.",
    "The river flooded the town. People left their homes and moved uphill.",
]


@pytest.mark.parametrize("body", NOT_REPORTED_ROWS)
def test_no_claim(body: str) -> None:
    assert claims(body) == []


# --- cues as written -----------------------------------------------------------------------

CUE_ROWS = [
    ('"We will win this fight," Maria Lopez said.', "said"),
    ('"We are ready," Lopez told Reuters.', "told Reuters"),
    ('Lopez told reporters on Monday: "We are ready."', "told reporters"),
    ('Lopez said in a statement: "We are ready."', "said in a statement"),
    ("According to Acme, sales doubled in the spring.", "according to"),
    ("“We can do better.” ― Maria Lopez", None),
    ('As Lopez put it, "the plan is dead."', "put it"),
]


@pytest.mark.parametrize(("body", "cue"), CUE_ROWS)
def test_cue(body: str, cue: str | None) -> None:
    assert [c.cue for c in claims(body)] == [cue]


# --- who a pronoun or a description is (resolver.SpeakerResolver) -----------------------------

SPEAKER_ROWS = [
    ('"Our results were strong," Acme said.', ["acme"]),
    (
        'Maria Lopez presented the plan. Tom Baker was skeptical. "It will fail," he said.',
        ["baker"],
    ),
    ('Maria Lopez met Tom Baker in Paris. "We agreed on nothing," she said.', ["lopez"]),
    ('Baker criticized Ms. Lopez on Monday. "It is reckless," he said.', ["baker", "baker"]),
    ('"Prices will rise," Baker said.\n\n"Wages will not," he added.', ["baker", "baker"]),
    # no first name or title: the pronouns after the name tell
    (
        'Ortiz visited his staff. Lopez praised Ortiz. Ortiz hugged his family. "It was a team '
        'effort," she said.',
        ["lopez"],
    ),
    (
        '"We will win," Lopez said.\n\n"Rents are too high," the lawmaker added.',
        ["lopez", "lopez"],
    ),
    (
        "Former Governor Tom Baker met Maria Lopez on Monday.\n\n"
        'The former governor said the talks went well. "We found common ground," he said.',
        ["baker", "baker"],
    ),
    (
        "Tom Baker met voters on Monday. Turnout will fall, said Paul Grant, a pollster.\n\n"
        '"Nobody is excited," he said.',
        ["grant", "grant"],
    ),
    (
        '"We want them all back," Ana Ruiz said.\n\n'
        "Secretary of State Maria Lopez flew home on Sunday. "
        '"We gave up very little," she told reporters.',
        ["ruiz", "lopez"],
    ),
    (
        '"First, it was his fight," Paul Grant said.\n\n'
        '"Second, it is Baker who sounds angry. Baker is losing," he added.',
        ["grant", "grant"],
    ),
    (
        "Democratic presidential hopeful Paul Grant stretched the truth when discussing "
        'Tom Baker. "He is their best recruiter," he said.',
        ["grant"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPEAKER_ROWS)
def test_speaker_resolution(body: str, expected: list[str | None]) -> None:
    assert speakers(body) == expected


def test_a_description_keeps_its_words_as_the_name() -> None:
    body = "Former Governor Tom Baker met voters.\n\nThe former governor said the talks went well."
    found = claims(body)
    assert [(c.speaker.name, c.speaker.entity_id) for c in found if c.speaker] == [
        ("The former governor", "baker")
    ]


# --- statements, scores, shape ----------------------------------------------------------------


def test_statement_with_numbers() -> None:
    body = "Exports rose 5 percent to $3 billion in 2023."
    assert spoken(body) == [("statement", body, None)]


def test_hedged_claim() -> None:
    assert claims("Lopez said the plan could fail.")[0].hedged
    assert not claims("Lopez said exports rose in May.")[0].hedged


def test_specific_claims_are_more_checkworthy_than_opinions() -> None:
    specific = claims("Lopez said the plan would cost $2 billion by 2030.")[0]
    opinion = claims("Lopez said she would love a great summer.")[0]
    assert specific.checkworthiness > opinion.checkworthiness
    assert 0.0 <= opinion.checkworthiness <= specific.checkworthiness <= 1.0


def test_entity_ids_are_the_entities_mentioned_in_the_content() -> None:
    assert claims("Baker said Acme would close two plants.")[0].entity_ids == ["acme"]


def test_claims_come_in_order_with_ids_and_exact_offsets() -> None:
    body = (
        "Exports rose 5 percent in 2023.\n\n"
        '"We are ready," Lopez said.\n\n'
        "Baker said the factory would reopen in June."
    )
    found = claims(body)
    assert [c.id for c in found] == ["c1", "c2", "c3"]
    assert [c.kind for c in found] == ["statement", "quote", "reported"]
    for claim in found:
        assert claim.text == body[claim.start : claim.end]
        assert claim.content in claim.text


def test_a_quote_over_sentences_keeps_its_whole_text() -> None:
    found = claims('"Prices rose. Wages did not," Lopez said.')
    assert found[0].text == '"Prices rose. Wages did not," Lopez said.'


def test_a_claim_is_the_claim_validation_would_make() -> None:
    # claims are built from values valid by construction, without validating them again: each
    # must equal, dump and list its fields exactly as the validated claim of the same values
    body = (
        'Maria Lopez said, "Acme will cut 200 jobs." Acme Corp may close two plants, '
        "according to Tom Baker. Unemployment rose 4% in 2023."
    )
    found = claims(body)
    assert {c.kind for c in found} == {"quote", "reported", "statement"}
    for claim in found:
        validated = Claim.model_validate(dict(claim))
        assert claim == validated
        assert claim.model_dump_json() == validated.model_dump_json()
        assert list(vars(claim)) == list(vars(validated)) == list(Claim.model_fields)
        assert claim.model_fields_set == validated.model_fields_set
        assert claim.speaker is validated.speaker
