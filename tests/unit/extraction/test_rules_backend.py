"""The `rules` backend, one rule per test: each reads as an example of what it finds."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.extraction.backends.rules_backend import RulesBackend, find_mentions
from factwire.extraction.document import ArticleText


def found(text: str) -> set[tuple[str, str]]:
    """(label, surface) pairs the backend finds in a body text."""
    return {(m.label, text[m.start : m.end]) for m in find_mentions(text)}


def labels_of(text: str, surface: str) -> set[str]:
    return {label for label, s in found(text) if s == surface}


# --- names from gazetteers and word lists -------------------------------------------------------


def test_title_word_before_a_name_makes_a_person_and_a_known_city_is_a_place() -> None:
    result = found("President Ana Ruiz visited Lisbon on Tuesday.")
    assert ("PERSON", "Ana Ruiz") in result
    assert ("GPE", "Lisbon") in result
    assert ("DATE", "Tuesday") in result


def test_first_name_and_a_capitalised_word_make_a_person() -> None:
    assert labels_of("The report was written by Margaret Oyelaran last year.", "Margaret Oyelaran")
    assert labels_of("It was written by Margaret Oyelaran.", "Margaret Oyelaran") == {"PERSON"}


def test_an_initial_and_a_surname_make_a_person() -> None:
    assert labels_of("The bowling figures of P. Kestrelby were the best.", "P. Kestrelby") == {
        "PERSON"
    }


def test_lower_case_role_word_before_a_name_makes_a_person() -> None:
    assert labels_of("The side's captain Dovid Zaremba scored twice.", "Dovid Zaremba") == {
        "PERSON"
    }


def test_title_inside_a_name_splits_nationality_from_person() -> None:
    result = found("Talks began after Chilean President Tomas Aravena arrived.")
    assert ("NORP", "Chilean") in result
    assert ("PERSON", "Tomas Aravena") in result


def test_office_titles_are_not_part_of_the_name() -> None:
    result = found("He met Foreign Minister Ilse Brandvold in Oslo.")
    assert ("PERSON", "Ilse Brandvold") in result
    assert ("GPE", "Oslo") in result


def test_organisation_suffix_makes_an_organisation() -> None:
    assert labels_of("Shares of Brambleworth Holdings rose.", "Brambleworth Holdings") == {"ORG"}
    assert labels_of("The Green Valley Party won seats.", "Green Valley Party") == {"ORG"}


def test_organisation_head_with_of_joins_the_place() -> None:
    assert labels_of("Rates were held by the Bank of Japan today.", "Bank of Japan") == {"ORG"}


def test_known_organisation_acronym_is_an_organisation() -> None:
    assert labels_of("The plan was backed by NATO and the IMF.", "NATO") == {"ORG"}


def test_unknown_acronym_in_prose_is_an_organisation() -> None:
    assert labels_of("Analysts at ZQX expect growth.", "ZQX") == {"ORG"}


def test_nationality_is_norp() -> None:
    assert labels_of("Three Norwegian climbers were rescued.", "Norwegian") == {"NORP"}


def test_nationality_before_a_name_is_split_from_it() -> None:
    result = found("Australian Tom Moody took six wickets.")
    assert ("NORP", "Australian") in result
    assert ("PERSON", "Tom Moody") in result


def test_event_word_makes_an_event() -> None:
    assert labels_of("She won the Harbourside Cup in May.", "Harbourside Cup") == {"EVENT"}


def test_region_from_the_hand_written_list_is_a_location() -> None:
    assert labels_of("Tension rose across the Middle East.", "Middle East") == {"LOC"}


def test_place_word_at_the_end_makes_a_facility() -> None:
    assert labels_of("Crowds gathered at Quillon Stadium.", "Quillon Stadium") == {"FAC"}


# --- capitalisation ---------------------------------------------------------------------------


def test_capitalised_common_word_at_sentence_start_is_not_a_name() -> None:
    assert not found("Officials said the talks would resume.")


def test_function_words_never_start_a_name() -> None:
    assert found('He said: "We are ready."') == set()


def test_unknown_name_at_sentence_start_is_still_a_name() -> None:
    assert labels_of("Zubrowka said nothing.", "Zubrowka")


def test_headline_in_capitals_keeps_only_names() -> None:
    result = found("TENNIS - GRAF WINS IN BERLIN AFTER LONG FIGHT")
    assert ("GPE", "BERLIN") in result
    surfaces = {s for _, s in result}
    assert not surfaces & {"TENNIS", "WINS", "AFTER", "LONG", "FIGHT"}


def test_dateline_city_in_capitals_is_a_place() -> None:
    assert ("GPE", "NEW YORK") in found("NEW YORK 1996-08-30\nStocks fell.")


def test_lone_surname_takes_the_type_of_the_full_name() -> None:
    text = "Rosalind Okonkwo won the vote. Later, Okonkwo thanked voters."
    assert labels_of(text, "Okonkwo") == {"PERSON"}


def test_label_before_a_colon_is_not_a_name() -> None:
    assert not labels_of("Scorers: none.", "Scorers")


# --- sports reports ---------------------------------------------------------------------------


def test_town_in_a_sports_report_is_the_club() -> None:
    text = "SOCCER - LEAGUE RESULTS\nLeeds beat Bristol on Saturday to go top of the league."
    assert labels_of(text, "Leeds") == {"ORG"}


def test_town_after_in_stays_a_place_in_a_sports_report() -> None:
    text = "SOCCER - CUP FINAL\nThe final was played in Leeds on Saturday."
    assert labels_of(text, "Leeds") == {"GPE"}


def test_country_in_a_results_line_stays_a_place() -> None:
    assert labels_of("Portugal 2 Norway 1", "Portugal") == {"GPE"}


# --- numbers, dates and amounts ---------------------------------------------------------------


def test_money_with_a_currency_sign_and_a_scale() -> None:
    assert labels_of("The deal is worth $ 4.5 billion.", "$ 4.5 billion") == {"MONEY"}
    assert labels_of("It cost £30.", "£30") == {"MONEY"}


def test_money_with_a_currency_word() -> None:
    assert labels_of("They paid 300 million marks.", "300 million marks") == {"MONEY"}


def test_percentages() -> None:
    assert labels_of("Sales rose 4.2 percent.", "4.2 percent") == {"PERCENT"}
    assert labels_of("Sales rose 4.2%.", "4.2%") == {"PERCENT"}


def test_dates() -> None:
    assert labels_of("It opened on March 3, 1997.", "March 3, 1997") == {"DATE"}
    assert labels_of("It opened last week.", "last week") == {"DATE"}
    assert labels_of("It opened in 1997.", "1997") == {"DATE"}


def test_times_quantities_ordinals_cardinals() -> None:
    result = found("At 10:30 the third convoy drove 40 km with 12 trucks.")
    assert ("TIME", "10:30") in result
    assert ("ORDINAL", "third") in result
    assert ("QUANTITY", "40 km") in result
    assert ("CARDINAL", "12") in result


# --- the backend interface and robustness -----------------------------------------------------


def test_backend_reads_title_and_body_with_offsets_into_each() -> None:
    article = ArticleText(title="Lisbon talks", body="Ana Ruiz went to Lisbon.")
    [mentions] = RulesBackend().mentions([article])
    fields = {(m.field, article.field(m.field)[m.start : m.end], m.label) for m in mentions}
    assert ("title", "Lisbon", "GPE") in fields
    assert ("body", "Lisbon", "GPE") in fields
    assert ("body", "Ana Ruiz", "PERSON") in fields


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_mentions_that_match_their_offsets(text: str) -> None:
    for m in find_mentions(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end].strip()


@pytest.mark.parametrize(
    "hostile",
    [
        "x" * 1_000_000,  # a megabyte without a space
        '"' * 100_000,  # a hundred thousand quotation marks
        "A." * 200_000,  # initials without end
        "Bank of " * 100_000,  # a name that never ends
        "1-" * 300_000,  # a number that never ends
    ],
)
def test_hostile_input_is_read_in_linear_time(hostile: str) -> None:
    find_mentions("warm up")
    started = time.perf_counter()
    find_mentions(hostile)
    assert time.perf_counter() - started < 10


# --- hyphenated words -------------------------------------------------------------------------


def test_place_inside_a_hyphenated_word_is_found() -> None:
    result = found("A Vienna-based fund and a New York-based bank merged.")
    assert ("GPE", "Vienna") in result
    assert ("GPE", "New York") in result


def test_nationality_after_a_lower_case_prefix_is_found() -> None:
    assert labels_of("Several ex-Soviet states joined.", "Soviet") == {"NORP"}


def test_compound_of_two_nationalities_is_norp() -> None:
    assert labels_of("The Arab-Israeli talks resumed.", "Arab-Israeli") == {"NORP"}


def test_personal_name_inside_a_run_of_capitals_is_split_off() -> None:
    text = "The Assistant Secretary of State Lorna Ekwueme arrived."
    assert labels_of(text, "Lorna Ekwueme") == {"PERSON"}


def test_lone_first_name_is_a_person() -> None:
    assert labels_of("Later that day Svetlana thanked the crowd.", "Svetlana") == {"PERSON"}


def test_slavic_surname_ending_makes_an_unknown_name_a_person() -> None:
    assert labels_of("The goal came from Zhabotenko late on.", "Zhabotenko") == {"PERSON"}


def test_capitalised_will_mid_sentence_is_a_name() -> None:
    assert labels_of("Former captain Will Carlow kicked 20 points.", "Will Carlow") == {"PERSON"}


def test_amount_stops_at_a_line_break() -> None:
    text = "Final score 6-2\nMark Philippe won."
    assert ("PERSON", "Mark Philippe") in found(text)
    assert all("\n" not in s for _, s in found(text))


def test_ampersand_joins_an_organisation() -> None:
    assert labels_of("Shares of Hollis & Brennard fell.", "Hollis & Brennard") == {"ORG"}


def test_foreign_article_starts_an_organisation_name() -> None:
    assert labels_of("The weekly Der Morgenblick reported it.", "Der Morgenblick") == {"ORG"}


def test_time_zone_abbreviation_is_no_organisation() -> None:
    assert not labels_of("Trading closed at 1600 GMT on Friday.", "GMT")


def test_town_and_nickname_in_a_sports_report_is_one_club() -> None:
    text = "BASEBALL - RESULTS\nThe Seattle Pilots beat the home side 5-3 in the final game."
    assert labels_of(text, "Seattle Pilots") == {"ORG"}


def test_small_town_named_like_a_person_yields_to_the_full_name() -> None:
    text = "Senator Bob Dole spoke first. Dole then left for Kansas."
    assert labels_of(text, "Dole") == {"PERSON"}


def test_any_word_of_a_full_name_alone_is_the_person() -> None:
    text = "Jansher Khan won again. Jansher needed only 40 minutes."
    assert labels_of(text, "Jansher") == {"PERSON"}


def test_may_after_in_is_the_month() -> None:
    assert labels_of("Talks broke down in May and resumed.", "May") == {"DATE"}


def test_event_name_goes_on_with_of() -> None:
    assert labels_of("He won the World Series of Poker.", "World Series of Poker") == {"EVENT"}


_TRICKY_WORDS = [
    "12", "March", "2024", "May", "New", "York", "York-based", "Mr.", "U.S.", "$", "'s", "-",
    "\n", ".", '"', "Bank", "of", "Japan", "President", "Ana", "Ruiz", "LONDON", "the", "in",
    "percent", "million", "ex-Soviet", "Arab-Israeli", "&", "Corp", "first", "quarter", "P.",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TRICKY_WORDS), max_size=60))
@settings(max_examples=300, deadline=None)
def test_mentions_never_overlap(words: list[str]) -> None:
    text = " ".join(words)
    mentions = sorted(find_mentions(text), key=lambda m: m.start)
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start, (text, before, after)


def test_day_month_year_is_one_date() -> None:
    assert found("They met on 12 March 2024.") == {("DATE", "12 March 2024")}


def test_ordinal_quarter_is_a_date() -> None:
    assert labels_of("Profit fell in the third quarter.", "third quarter") == {"DATE"}


def test_named_storm_is_an_event() -> None:
    assert labels_of("Hurricane Ivette hit the coast.", "Hurricane Ivette") == {"EVENT"}


def test_two_nationality_words_are_one_group() -> None:
    assert labels_of("Iraqi Kurds fled north.", "Iraqi Kurds") == {"NORP"}


def test_first_name_that_is_also_a_religion_starts_a_person() -> None:
    assert labels_of("The goal by Christian Vaudreuil stood.", "Christian Vaudreuil") == {"PERSON"}


def test_small_town_named_like_a_person_before_said_is_the_person() -> None:
    assert labels_of("Dole said the bill would pass.", "Dole") == {"PERSON"}


def test_named_day_is_an_event() -> None:
    assert labels_of("Shops close on Labor Day.", "Labor Day") == {"EVENT"}


def test_inflected_and_hyphenated_common_words_in_headlines_are_not_names() -> None:
    assert not found("SOCCER - UPSETS IN QUARTER-FINALS")


def test_title_case_headline_keeps_only_names() -> None:
    article = ArticleText(
        title="Oil Prices Fall as Saudi Arabia Raises Output",
        body="Saudi Arabia raised output on Monday.",
    )
    [mentions] = RulesBackend().mentions([article])
    in_title = {article.title[m.start : m.end] for m in mentions if m.field == "title"}
    assert in_title == {"Saudi Arabia"}


def test_surname_in_the_title_takes_the_type_of_the_full_name_in_the_body() -> None:
    article = ArticleText(title="Okonkwo wins vote", body="Rosalind Okonkwo won the vote.")
    [mentions] = RulesBackend().mentions([article])
    assert ("title", "PERSON") in {(m.field, m.label) for m in mentions}


def test_common_word_opening_a_sentence_is_dropped_from_the_name() -> None:
    assert found("Ruling Moslem leaders met.") == {("NORP", "Moslem")}


def test_name_of_a_body_goes_on_with_for() -> None:
    text = "The Commission for Human Rights and Amnesty met."
    assert labels_of(text, "Commission for Human Rights") == {"ORG"}


def test_title_case_first_line_of_a_body_is_read_as_a_headline() -> None:
    text = "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nVoters said so."
    result = found(text)
    assert ("PERSON", "Hillary Clinton") in result
    assert ("NORP", "Republican") in result
    assert not any("Wealthy" in s for _, s in result)


def test_a_run_whose_only_word_is_dropped_gives_no_name() -> None:
    # Found by hypothesis: a plain sentence-initial word alone in its run indexed past the end.
    (found,) = RulesBackend().mentions([ArticleText(body="New\nNew")])
    assert all(0 <= m.start < m.end <= len("New\nNew") for m in found)
