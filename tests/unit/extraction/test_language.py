"""The lexicon: every word list read once, each from its own file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from factwire.extraction.errors import LanguageDataError
from factwire.extraction.language import lexicon
from factwire.extraction.language.loader import data_lines, entries
from factwire.extraction.language.patterns import REPORT_FILLER, one_of

DATA_FILES = sorted(
    p.name
    for p in (Path(__file__).parents[3] / "services/factwire/extraction/language/data").iterdir()
    if p.suffix in (".txt", ".tsv")
)


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


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_reads_without_spaces_around_its_entries(name: str) -> None:
    assert data_lines(name)


@pytest.mark.parametrize(
    "text",
    [" Willemstad\tGPE major", "Saba \tGPE country", "Nice\t GPE", "may "],
)
def test_an_entry_with_spaces_around_it_is_a_data_error(text: str) -> None:
    with pytest.raises(LanguageDataError, match=r"places\.tsv, line 2: spaces around an entry"):
        entries(f"# comment\n{text}\n", "places.tsv")


def test_the_lexicon_is_one_object_per_process() -> None:
    assert lexicon() is lexicon()


@pytest.mark.parametrize(
    ("phrases", "options", "text", "matches"),
    [
        (["join", "joins"], {}, "joins", True),
        (["made by", "by"], {}, "made \n by", True),
        (["at home to"], {"space": " "}, "at  home to", False),
        (["the", "its"], {"capitalised": True}, "Its", True),
        (["the", "its"], {}, "The", False),
        (["c & b", "st"], {"space": " "}, "c & b", True),
    ],
)
def test_one_of_matches_a_phrase_of_the_list_and_nothing_else(
    phrases: list[str], options: dict[str, Any], text: str, matches: bool
) -> None:
    assert (re.fullmatch(one_of(phrases, **options), text) is not None) == matches


@pytest.mark.parametrize(
    ("after_cue", "read_up_to"),
    [
        (" on Monday that", " on Monday"),
        (", last week in a statement that", ", last week in a statement"),
        (" at a news conference again: the", " at a news conference again"),
        (" in a press release that", " in a press release"),
        (" the bill failed", ""),  # no filler: the clause starts at once
        (" at his weekend home", ""),  # "weekend" is a time, not an occasion after "at his"
    ],
)
def test_report_filler_reads_times_occasions_and_adverbs_after_a_cue(
    after_cue: str, read_up_to: str
) -> None:
    match = REPORT_FILLER.match(after_cue)
    assert match is not None and after_cue[: match.end()] == read_up_to
