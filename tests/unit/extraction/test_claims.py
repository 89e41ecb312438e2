"""Claims, one example per attribution pattern: who said what, and how it is scored."""

from __future__ import annotations

import re

from factwire.extraction.claims import find_claims
from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity, EntityType, Mention


def entities(body: str, *known: tuple[str, EntityType, list[str]]) -> list[Entity]:
    """Entities (name, type, aliases) with a mention at every whole-word occurrence in the body."""
    found = []
    for number, (name, label, aliases) in enumerate(known, start=1):
        forms = sorted([name, *aliases], key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
        mentions = [
            Mention(field="body", start=m.start(), end=m.end(), text=m.group())
            for m in pattern.finditer(body)
        ]
        entity = Entity(
            id=f"e{number}", name=name, type=label, aliases=aliases, mentions=mentions, salience=0.5
        )
        found.append(entity)
    return found


def claims(body: str, *known: tuple[str, EntityType, list[str]]) -> list[Claim]:
    return find_claims(ArticleText(body=body), entities(body, *known))


def spoken(found: list[Claim]) -> list[tuple[str, str, str | None]]:
    """(kind, content, speaker name) of each claim."""
    return [(c.kind, c.content, c.speaker.name if c.speaker else None) for c in found]


LOPEZ: tuple[str, EntityType, list[str]] = ("Maria Lopez", "PERSON", ["Lopez"])
BAKER: tuple[str, EntityType, list[str]] = ("Tom Baker", "PERSON", ["Baker"])
ACME: tuple[str, EntityType, list[str]] = ("Acme Corp", "ORG", ["Acme"])


# --- direct quotes ----------------------------------------------------------------------------


def test_speaker_after_quote() -> None:
    found = claims('"We will win this fight," Maria Lopez said.', LOPEZ)
    assert spoken(found) == [("quote", "We will win this fight", "Maria Lopez")]
    assert found[0].speaker is not None and found[0].speaker.entity_id == "e1"
    assert found[0].cue == "said"


def test_speaker_before_quote_with_colon() -> None:
    found = claims('Lopez said: "Prices will fall next year."', LOPEZ)
    assert spoken(found) == [("quote", "Prices will fall next year.", "Maria Lopez")]


def test_cue_before_name_with_apposition() -> None:
    body = '"Prices will fall," said Tom Baker, the chief executive of Acme.'
    found = claims(body, BAKER, ACME)
    assert spoken(found) == [("quote", "Prices will fall", "Tom Baker")]


def test_told_keeps_the_addressee_in_the_cue() -> None:
    found = claims('"We are ready," Lopez told Reuters.', LOPEZ)
    assert found[0].cue == "told Reuters"
    assert found[0].speaker is not None and found[0].speaker.name == "Maria Lopez"


def test_quote_spanning_sentences() -> None:
    found = claims('"Prices rose. Wages did not," Lopez said.', LOPEZ)
    assert spoken(found) == [("quote", "Prices rose. Wages did not", "Maria Lopez")]
    assert found[0].text == '"Prices rose. Wages did not," Lopez said.'


def test_quote_over_two_paragraphs() -> None:
    body = 'Lopez said:\n\n"The first part is long.\n\n"The second part ends here."'
    found = claims(body, LOPEZ)
    assert len(found) == 1
    assert found[0].content.startswith("The first part") and found[0].content.endswith("here.")
    assert found[0].speaker is not None and found[0].speaker.name == "Maria Lopez"


def test_curly_quotes() -> None:
    found = claims("“Nobody expected this,” Lopez said.", LOPEZ)
    assert spoken(found) == [("quote", "Nobody expected this", "Maria Lopez")]


def test_doubled_apostrophes_as_quotation_marks() -> None:
    found = claims("''Nobody expected this,'' Lopez said.", LOPEZ)
    assert spoken(found) == [("quote", "Nobody expected this", "Maria Lopez")]


def test_three_apostrophes_close_a_quote_ending_in_a_nested_one() -> None:
    body = "''Voters will not accept 'we will sort it out later,''' said Maria Lopez on Monday."
    assert spoken(claims(body, LOPEZ)) == [
        ("quote", "Voters will not accept 'we will sort it out later,'", "Maria Lopez")
    ]


def test_a_writing_can_be_the_speaker() -> None:
    body = '"Come and stay with us!" a message on the town website reads.'
    assert spoken(claims(body)) == [
        ("quote", "Come and stay with us!", "a message on the town website")
    ]


def test_party_tag_in_parentheses() -> None:
    found = claims('"The bill is dead," Sen. Tom Baker (R-Ohio) said.', BAKER)
    assert spoken(found) == [("quote", "The bill is dead", "Tom Baker")]


def test_speaker_named_by_description() -> None:
    found = claims('"The numbers are wrong," a senior official said.')
    assert spoken(found) == [("quote", "The numbers are wrong", "a senior official")]


def test_organisation_as_speaker() -> None:
    found = claims('"Our results were strong," Acme said.', ACME)
    assert found[0].speaker is not None and found[0].speaker.entity_id == "e1"


def test_second_piece_of_an_interrupted_quote() -> None:
    found = claims('"We will win," Lopez said. "And we will win big."', LOPEZ)
    assert spoken(found) == [
        ("quote", "We will win", "Maria Lopez"),
        ("quote", "And we will win big.", "Maria Lopez"),
    ]


def test_quote_interrupted_inside_a_sentence() -> None:
    found = claims('"We will win," Lopez said, "and we will win big."', LOPEZ)
    assert [c.speaker.name if c.speaker else None for c in found] == ["Maria Lopez"] * 2


def test_colon_after_a_name_introduces_a_quote() -> None:
    found = claims('Lopez was blunt: "Nobody believes this plan."', LOPEZ)
    assert spoken(found) == [("quote", "Nobody believes this plan.", "Maria Lopez")]


def test_paragraph_ending_in_colon_introduces_the_next_one() -> None:
    found = claims('Lopez told the crowd:\n\n"We are not going anywhere."', LOPEZ)
    assert spoken(found) == [("quote", "We are not going anywhere.", "Maria Lopez")]


def test_scare_quotes_inside_a_sentence_are_no_direct_quote() -> None:
    found = claims('Lopez called the plan "a disaster" on Monday.', LOPEZ)
    assert [c.kind for c in found] == ["reported"]
    assert claims('The bill, known as "Clean Rivers Now," passed.') == []


def test_partial_quote_goes_to_the_subject_of_its_sentence() -> None:
    body = 'Lopez thanked the mayor for "stepping up when the council would not."'
    found = claims(body, LOPEZ)
    assert spoken(found) == [("quote", "stepping up when the council would not.", "Maria Lopez")]


def test_a_speech_verb_right_before_a_closing_quote_attributes_it() -> None:
    body = 'Lopez took the stage in Miami and declared "What a night for this city!"'
    assert spoken(claims(body, LOPEZ)) == [("quote", "What a night for this city!", "Maria Lopez")]


def test_an_adverb_between_the_speaker_and_the_verb_is_skipped() -> None:
    body = '"It will pass," Lopez confidently predicted. Baker repeatedly argued that it would not.'
    assert spoken(claims(body, LOPEZ, BAKER)) == [
        ("quote", "It will pass", "Maria Lopez"),
        ("reported", "it would not.", "Tom Baker"),
    ]


def test_a_person_named_right_before_a_colon_is_the_speaker() -> None:
    body = 'The result did not surprise the pollster Tom Baker: "Late deciders broke our way."'
    assert spoken(claims(body, BAKER)) == [("quote", "Late deciders broke our way.", "Tom Baker")]


def test_a_title_in_quotation_marks_is_no_quote() -> None:
    body = 'On "Meet the Voters Tonight," Lopez said the plan would pass.'
    assert [c.kind for c in claims(body, LOPEZ)] == ["reported"]
    body = 'Lopez said she liked "The River and the Sea," a novel set in Ohio, very much.'
    assert all(c.kind != "quote" for c in claims(body, LOPEZ))


def test_words_after_a_quote_that_are_no_speaker_phrase_attribute_nothing() -> None:
    body = (
        'Lopez said the risk had grown "a couple of notches" because of Baker\'s remarks, '
        "which she called careless."
    )
    assert [c.kind for c in claims(body, LOPEZ, BAKER) if c.kind == "quote"] == []


# --- pronouns ---------------------------------------------------------------------------------


def test_he_said_resolves_to_last_person() -> None:
    body = 'Maria Lopez presented the plan. Tom Baker was skeptical. "It will fail," he said.'
    found = claims(body, LOPEZ, BAKER)
    assert spoken(found)[-1] == ("quote", "It will fail", "Tom Baker")


def test_she_said_skips_a_man_named_later() -> None:
    body = 'Maria Lopez met Tom Baker in Paris. "We agreed on nothing," she said.'
    found = [c for c in claims(body, LOPEZ, BAKER) if c.kind != "statement"]
    assert spoken(found) == [("quote", "We agreed on nothing", "Maria Lopez")]


def test_pronoun_prefers_the_subject_over_the_object() -> None:
    body = 'Baker criticized Ms. Lopez on Monday. "It is reckless," he said.'
    found = claims(body, LOPEZ, BAKER)
    assert spoken(found)[-1] == ("quote", "It is reckless", "Tom Baker")


def test_a_description_links_to_the_person_who_bears_that_title() -> None:
    body = (
        "Former Governor Tom Baker met Maria Lopez on Monday.\n\n"
        'The former governor said the talks went well. "We found common ground," he said.'
    )
    found = [c for c in claims(body, LOPEZ, BAKER) if c.kind != "statement"]
    assert spoken(found)[0][2] == "The former governor"  # the words used stay the name
    assert [c.speaker.entity_id if c.speaker else None for c in found] == ["e2", "e2"]
    assert spoken(found)[1] == ("quote", "We found common ground", "Tom Baker")


def test_a_description_right_after_a_quoted_person_is_that_person() -> None:
    body = '"Rents are too high," Lopez said.\n\n"Wages lag," the lawmaker added.'
    found = claims(body, LOPEZ)
    assert spoken(found)[1] == ("quote", "Wages lag", "the lawmaker")
    assert [c.speaker.entity_id if c.speaker else None for c in found] == ["e1", "e1"]


def test_single_curly_quotes_in_a_paragraph_without_double_marks() -> None:
    body = "‘We don’t back down,’ Lopez said. ‘The voters’ choice is clear.’"
    found = claims(body, LOPEZ)
    assert spoken(found)[0] == ("quote", "We don’t back down", "Maria Lopez")
    assert len(claims("Lopez said the ‘plan’ was “dead on arrival,” she said.", LOPEZ)) <= 1


def test_an_opening_adverbial_is_not_the_subject() -> None:
    body = 'Back in 2010, Lopez praised the plan, telling reporters: "It will work."'
    assert spoken(claims(body, LOPEZ)) == [("quote", "It will work.", "Maria Lopez")]


def test_pronoun_goes_to_the_speaker_of_an_inverted_attribution() -> None:
    body = (
        "Tom Baker met voters on Monday. Turnout will fall, said Paul Grant, a pollster.\n\n"
        '"Nobody is excited," he said.'
    )
    found = claims(body, BAKER, ("Paul Grant", "PERSON", ["Grant"]))
    assert spoken(found)[-1] == ("quote", "Nobody is excited", "Paul Grant")


def test_pronoun_goes_to_a_subject_behind_a_title_with_of() -> None:
    body = (
        '"We want them all back," Ana Ruiz said.\n\n'
        "Secretary of State Maria Lopez flew home on Sunday. "
        '"We gave up very little," she told reporters.'
    )
    found = claims(body, LOPEZ, ("Ana Ruiz", "PERSON", ["Ruiz"]))
    assert spoken(found)[-1] == ("quote", "We gave up very little", "Maria Lopez")


def test_pronoun_ignores_names_inside_the_quote_itself() -> None:
    body = (
        '"First, it was his fight," Paul Grant said.\n\n'
        '"Second, it is Baker who sounds angry. Baker is losing," he added.'
    )
    found = claims(body, ("Paul Grant", "PERSON", ["Grant"]), ("Tom Baker", "PERSON", []))
    assert [c.speaker.name if c.speaker else None for c in found] == ["Paul Grant"] * 2


def test_pronoun_without_a_subject_prefers_the_first_person_of_the_sentence() -> None:
    body = (
        "Democratic presidential hopeful Paul Grant stretched the truth when discussing "
        'Tom Baker. "He is their best recruiter," he said.'
    )
    found = claims(body, ("Paul Grant", "PERSON", ["Grant"]), BAKER)
    assert spoken(found)[-1] == ("quote", "He is their best recruiter", "Paul Grant")


def test_pronoun_after_a_quote_goes_to_the_last_speaker() -> None:
    body = '"Prices will rise," Baker said.\n\n"Wages will not," he added.'
    found = claims(body, BAKER)
    assert [c.speaker.name if c.speaker else None for c in found] == ["Tom Baker"] * 2


# --- reported speech and beliefs --------------------------------------------------------------


def test_said_that() -> None:
    found = claims("Lopez said that the plan would cost $2 billion.", LOPEZ)
    assert spoken(found) == [("reported", "the plan would cost $2 billion.", "Maria Lopez")]


def test_said_without_that_and_with_a_time() -> None:
    found = claims("Lopez said on Tuesday the talks had collapsed.", LOPEZ)
    assert spoken(found) == [("reported", "the talks had collapsed.", "Maria Lopez")]


def test_speaker_after_the_content() -> None:
    found = claims("The merger will fail within a year, Lopez warned.", LOPEZ)
    assert spoken(found) == [("reported", "The merger will fail within a year", "Maria Lopez")]


def test_according_to_before() -> None:
    found = claims("According to Acme, sales doubled in the spring.", ACME)
    assert spoken(found) == [("reported", "sales doubled in the spring.", "Acme Corp")]
    assert found[0].cue == "according to"


def test_according_to_after() -> None:
    found = claims("Sales doubled in the spring, according to Acme.", ACME)
    assert spoken(found) == [("reported", "Sales doubled in the spring", "Acme Corp")]


def test_belief_verb() -> None:
    found = claims("Lopez believes the recession will end soon.", LOPEZ)
    assert spoken(found) == [("reported", "the recession will end soon.", "Maria Lopez")]


def test_experts_say() -> None:
    found = claims("Experts say the drought will get worse.")
    assert spoken(found) == [("reported", "the drought will get worse.", "Experts")]


def test_officials_said_with_a_setting() -> None:
    found = claims("Officials said in a statement that the bridge was safe.")
    assert spoken(found) == [("reported", "the bridge was safe.", "Officials")]


def test_the_ministry_said() -> None:
    found = claims("The ministry said exports had fallen sharply.")
    assert spoken(found) == [("reported", "exports had fallen sharply.", "The ministry")]


def test_quoted_as_saying() -> None:
    found = claims("Lopez was quoted as saying the deal was dead.", LOPEZ)
    assert spoken(found) == [("reported", "the deal was dead.", "Maria Lopez")]


def test_participle_takes_the_subject_of_the_sentence() -> None:
    found = claims("Lopez left the meeting early, saying the talks had failed.", LOPEZ)
    assert spoken(found) == [("reported", "the talks had failed.", "Maria Lopez")]


def test_judging_verb_needs_a_named_subject() -> None:
    assert claims("A group called the Friends of Rivers held a march.") == []
    found = claims("Lopez called the plan a disaster.", LOPEZ)
    assert spoken(found) == [("reported", "the plan a disaster.", "Maria Lopez")]


def test_who_said_attributes_to_the_name_before() -> None:
    found = claims("It was Baker, who said the vote was rigged.", BAKER)
    assert spoken(found) == [("reported", "the vote was rigged.", "Tom Baker")]


# --- statements, scores, shape ----------------------------------------------------------------


def test_statement_with_numbers() -> None:
    found = claims("Exports rose 5 percent to $3 billion in 2023.")
    assert spoken(found) == [("statement", "Exports rose 5 percent to $3 billion in 2023.", None)]


def test_vague_sentence_is_no_claim() -> None:
    assert claims("The weather was pleasant and everyone seemed happy enough.") == []


def test_hedged_claim() -> None:
    assert claims("Lopez said the plan could fail.", LOPEZ)[0].hedged
    assert not claims("Lopez said exports rose in May.", LOPEZ)[0].hedged


def test_specific_claims_are_more_checkworthy_than_opinions() -> None:
    specific = claims("Lopez said the plan would cost $2 billion by 2030.", LOPEZ)[0]
    opinion = claims("Lopez said she would love a great summer.", LOPEZ)[0]
    assert specific.checkworthiness > opinion.checkworthiness
    assert 0.0 <= opinion.checkworthiness <= specific.checkworthiness <= 1.0


def test_entity_ids_are_the_entities_mentioned_in_the_content() -> None:
    found = claims("Baker said Acme would close two plants.", BAKER, ACME)
    assert found[0].entity_ids == ["e2"]


def test_claims_come_in_order_with_ids_and_exact_offsets() -> None:
    body = (
        "Exports rose 5 percent in 2023.\n\n"
        '"We are ready," Lopez said.\n\n'
        "Baker said the factory would reopen in June."
    )
    found = claims(body, LOPEZ, BAKER)
    assert [c.id for c in found] == ["c1", "c2", "c3"]
    assert [c.kind for c in found] == ["statement", "quote", "reported"]
    for claim in found:
        assert claim.text == body[claim.start : claim.end]
        assert claim.content in claim.text


def test_no_quotes_at_all() -> None:
    body = "The river flooded the town. People left their homes and moved uphill."
    assert claims(body) == []


def test_dash_attribution_after_a_quote() -> None:
    found = claims("“We can do better.” ― Maria Lopez\n\n“So can we.” ― Tom Baker", LOPEZ, BAKER)
    assert spoken(found) == [
        ("quote", "We can do better.", "Maria Lopez"),
        ("quote", "So can we.", "Tom Baker"),
    ]


def test_state_abbreviation_between_commas() -> None:
    found = claims('"The veto will hold," Sen. Tom Baker, R-Ky., said Tuesday.', BAKER)
    assert spoken(found) == [("quote", "The veto will hold", "Tom Baker")]


def test_attribution_as_its_own_short_sentence() -> None:
    found = claims('"The emails are missing." Lopez said.', LOPEZ)
    assert spoken(found) == [("quote", "The emails are missing.", "Maria Lopez")]


def test_a_secondary_source_adds_no_claim() -> None:
    body = '"We are winning," Baker said at the meeting, according to the Daily Planet.'
    assert spoken(claims(body, BAKER)) == [("quote", "We are winning", "Tom Baker")]


def test_hometown_after_a_name_is_not_part_of_the_speaker() -> None:
    found = claims('"I will vote for her," said Jane Roe of Cheyenne.')
    assert spoken(found) == [("quote", "I will vote for her", "Jane Roe")]
