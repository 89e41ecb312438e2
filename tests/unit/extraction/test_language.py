"""The lexicon: every word list read once, each from its own file."""

from __future__ import annotations

import pytest

from factwire.extraction.language import lexicon
from factwire.extraction.language.loader import data_lines


@pytest.mark.parametrize("name", ["Klaus", "Wolfgang", "Ibrahim", "John", "Mary"])
def test_the_one_first_name_source_holds_census_and_world_names(name: str) -> None:
    assert name in lexicon().first_names


@pytest.mark.parametrize(
    ("verb", "category"),
    [
        ("said", "strong"),
        ("believing", "weak"),
        ("shot back", "quote"),
        ("told", "object"),
        ("asked", "object"),
        ("warned", "object"),
        ("wrote", "inverted"),
        ("according", "names-speaker"),
        ("argued", "names-speaker-place"),
    ],
)
def test_a_speech_verb_belongs_to_its_categories(verb: str, category: str) -> None:
    assert verb in lexicon().speech_verbs[category]


def test_every_speech_verb_line_names_a_known_category() -> None:
    known = {"strong", "weak", "quote", "act", "object", "inverted"}
    known |= {"names-speaker", "names-speaker-place", "state"}
    assert set(lexicon().speech_verbs) == known


@pytest.mark.parametrize(
    ("title", "pronoun", "noun"),
    [
        ("mrs.", "she", None),
        ("mr", "he", None),
        ("sen.", None, "senator"),
        ("pres.", None, "president"),
    ],
)
def test_a_title_says_the_pronoun_or_noun_of_its_bearer(
    title: str, pronoun: str | None, noun: str | None
) -> None:
    assert lexicon().title_pronouns.get(title) == pronoun
    assert lexicon().title_nouns.get(title) == noun


@pytest.mark.parametrize(
    ("word", "sentence", "token", "name_end"),
    [("calif", True, False, False), ("Inc", True, True, True), ("plc", False, False, True)],
)
def test_an_abbreviation_is_read_by_the_rules_its_uses_name(
    word: str, sentence: bool, token: bool, name_end: bool
) -> None:
    words = lexicon()
    assert (word.lower() in words.sentence_abbreviations) is sentence
    assert (word in words.token_abbreviations) is token
    assert (word.lower() in words.name_end_abbreviations) is name_end


def test_a_data_file_gives_entries_without_comments_or_blank_lines() -> None:
    lines = data_lines("hedges.txt")
    assert "may" in lines
    assert not any(line.startswith("#") or not line.strip() for line in lines)


def test_the_lexicon_is_one_object_per_process() -> None:
    assert lexicon() is lexicon()
