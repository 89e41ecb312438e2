"""The `rules` backend, one rule per test: each reads as an example of what it finds."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factwire.extraction.backends.rules import RulesBackend, find_mentions, name_types
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


def test_title_inside_a_name_splits_nationality_from_person() -> None:
    result = found("Talks began after Chilean President Tomas Aravena arrived.")
    assert ("NORP", "Chilean") in result
    assert ("PERSON", "Tomas Aravena") in result


def test_office_titles_are_not_part_of_the_name() -> None:
    result = found("He met Foreign Minister Ilse Brandvold in Oslo.")
    assert ("PERSON", "Ilse Brandvold") in result
    assert ("GPE", "Oslo") in result


@pytest.mark.parametrize(
    "text", ["Vice President Lena Ortiz spoke.", "Vice Chancellor Lena Ortiz spoke."]
)
def test_a_vice_title_is_no_name_of_its_own(text: str) -> None:
    assert found(text) == {("PERSON", "Lena Ortiz")}


def test_nationality_before_a_name_is_split_from_it() -> None:
    result = found("Australian Tom Moody took six wickets.")
    assert ("NORP", "Australian") in result
    assert ("PERSON", "Tom Moody") in result


# --- capitalisation ---------------------------------------------------------------------------


def test_capitalised_common_word_at_sentence_start_is_not_a_name() -> None:
    assert not found("Officials said the talks would resume.")


@pytest.mark.parametrize(
    ("text", "name", "is_name"),
    [
        ("Fares at zoomAir fell by a tenth.", "zoomAir", True),
        ("She bought the new iPhone on Friday.", "iPhone", True),
        ("The battery holds 80 kWh when full.", "kWh", False),
        ("Its mRNA vaccine was approved.", "mRNA", False),
    ],
)
def test_a_brand_in_lower_case_with_a_capital_inside_is_a_name(
    text: str, name: str, is_name: bool
) -> None:
    assert bool(labels_of(text, name)) == is_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ashford are bottom of League Two again.", ("ORG", "League Two")),
        ("One striker was injured.", ("CARDINAL", "One")),
        ("ASHFORD SIGN TWO STRIKERS .", ("CARDINAL", "TWO")),
    ],
)
def test_a_capitalised_number_word_after_a_name_word_ends_the_name(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


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


# --- numbers, dates and amounts ---------------------------------------------------------------


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


def test_personal_name_inside_a_run_of_capitals_is_split_off() -> None:
    text = "The Assistant Secretary of State Lorna Ekwueme arrived."
    assert labels_of(text, "Lorna Ekwueme") == {"PERSON"}


def test_amount_stops_at_a_line_break() -> None:
    text = "Final score 6-2\nMark Philippe won."
    assert ("PERSON", "Mark Philippe") in found(text)
    assert all("\n" not in s for _, s in found(text))


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


# --- the typing rules, one row each (a new rule in name_types.TYPING_RULES needs a row) ---------

TYPING_ROWS = [
    ("whole_gazetteer_entry", "He flew to New York at noon.", {("GPE", "New York")}),
    ("whole_gazetteer_entry", "Dole said no.", {("PERSON", "Dole")}),
    ("title_inside", "Israeli President Ezer Weizman arrived.",
     {("NORP", "Israeli"), ("PERSON", "Ezer Weizman")}),
    ("event_word", "Fans watched the Zorgbax Open on television.", {("EVENT", "Zorgbax Open")}),
    ("event_with_of", "He played the World Series of Poker.", {("EVENT", "World Series of Poker")}),
    ("organisation_word", "Shares of Acme Corp rose.", {("ORG", "Acme Corp")}),
    ("foreign_article", "He reads Der Spiegel daily.", {("ORG", "Der Spiegel")}),
    ("facility_word", "They met at Wembley Stadium at noon.", {("FAC", "Wembley Stadium")}),
    ("landscape_word", "They crossed the Jordan River at dawn.", {("LOC", "Jordan River")}),
    ("common_word_at_sentence_start", "Ruling Moslem party leaders met.", {("NORP", "Moslem")}),
    ("leading_nationality", "He spoke to Iraqi Kurds there.", {("NORP", "Iraqi Kurds")}),
    ("personal_start", "The talks with Tom Moody went well.", {("PERSON", "Tom Moody")}),
    ("first_name_inside", "The talks with State John Kornblum went well.",
     {("ORG", "State"), ("PERSON", "John Kornblum")}),
    ("leading_place", "Soccer results: Madrid Zorgbax beat them in the league match.",
     {("ORG", "Madrid Zorgbax")}),
    ("lone_common_word", "May we all agree on it.", set()),
    ("hyphenated_compound", "The Arab-Israeli talks went on.", {("NORP", "Arab-Israeli")}),
    ("label_before_colon", "Zorgq: 12 points.", {("CARDINAL", "12")}),
    ("score_after", "Zorgton 2 Quibbleby 0",
     {("ORG", "Zorgton"), ("CARDINAL", "2"), ("ORG", "Quibbleby"), ("CARDINAL", "0")}),
    ("abbreviation_of_no_organisation", "It was 9 GMT when they met.", {("CARDINAL", "9")}),
    ("acronym_in_prose", "He said the ZQX agreed.", {("ORG", "ZQX")}),
    ("surname_ending", "Then he met Zorgenko there.", {("PERSON", "Zorgenko")}),
    ("club_in_sports_report", "The league match ended: Zorgbax Moscow beat them, the coach said.",
     {("ORG", "Zorgbax Moscow")}),
    ("known_surname_or_speaker", "Then Zorg Quibble Smith said no.",
     {("PERSON", "Zorg Quibble Smith")}),
    ("after_locative", "They live in Kibeho now.", {("GPE", "Kibeho")}),
    ("lone_personal_name", "He met Jenkins there.", {("PERSON", "Jenkins")}),
    ("fallback", "He met Zorgbax Quibble there.", {("PERSON", "Zorgbax Quibble")}),
    ("fallback", "He met Zorgbax there.", {("ORG", "Zorgbax")}),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text", "expected"), TYPING_ROWS)
def test_typing_rule(
    rule: str, text: str, expected: set[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    decided: list[str] = []

    def traced(typing_rule: name_types.TypingRule) -> name_types.TypingRule:
        def run_rule(run: name_types.Run) -> list[name_types.Name] | None:
            names = typing_rule(run)
            if names is not None:
                decided.append(typing_rule.__name__)
            return names

        return run_rule

    monkeypatch.setattr(
        name_types, "TYPING_RULES", tuple(traced(r) for r in name_types.TYPING_RULES)
    )
    assert found(text) == expected
    assert rule in decided


def test_every_typing_rule_has_a_row() -> None:
    rows = {rule for rule, _, _ in TYPING_ROWS}
    assert rows == {rule.__name__ for rule in name_types.TYPING_RULES}


# --- one name, its type: (text, surface, labels) rows -----------------------------------

LABEL_ROWS = [
    # an initial and a surname make a person
    ("The bowling figures of P. Kestrelby were the best.", "P. Kestrelby", {"PERSON"}),
    # lower case role word before a name makes a person
    ("The side's captain Dovid Zaremba scored twice.", "Dovid Zaremba", {"PERSON"}),
    # organisation suffix makes an organisation
    ("Shares of Brambleworth Holdings rose.", "Brambleworth Holdings", {"ORG"}),
    ("The Green Valley Party won seats.", "Green Valley Party", {"ORG"}),
    # organisation head with of joins the place
    ("Rates were held by the Bank of Japan today.", "Bank of Japan", {"ORG"}),
    # known organisation acronym is an organisation
    ("The plan was backed by NATO and the IMF.", "NATO", {"ORG"}),
    # unknown acronym in prose is an organisation
    ("Analysts at ZQX expect growth.", "ZQX", {"ORG"}),
    # nationality is norp
    ("Three Norwegian climbers were rescued.", "Norwegian", {"NORP"}),
    # event word makes an event
    ("She won the Harbourside Cup in May.", "Harbourside Cup", {"EVENT"}),
    # region from the hand written list is a location
    ("Tension rose across the Middle East.", "Middle East", {"LOC"}),
    # place word at the end makes a facility
    ("Crowds gathered at Quillon Stadium.", "Quillon Stadium", {"FAC"}),
    # country in a results line stays a place
    ("Portugal 2 Norway 1", "Portugal", {"GPE"}),
    # money with a currency sign and a scale
    ("The deal is worth $ 4.5 billion.", "$ 4.5 billion", {"MONEY"}),
    ("It cost £30.", "£30", {"MONEY"}),
    # money with a currency word
    ("They paid 300 million marks.", "300 million marks", {"MONEY"}),
    # percentages
    ("Sales rose 4.2 percent.", "4.2 percent", {"PERCENT"}),
    ("Sales rose 4.2%.", "4.2%", {"PERCENT"}),
    # dates
    ("It opened on March 3, 1997.", "March 3, 1997", {"DATE"}),
    ("It opened last week.", "last week", {"DATE"}),
    ("It opened in 1997.", "1997", {"DATE"}),
    # nationality after a lower case prefix is found
    ("Several ex-Soviet states joined.", "Soviet", {"NORP"}),
    # compound of two nationalities is norp
    ("The Arab-Israeli talks resumed.", "Arab-Israeli", {"NORP"}),
    # lone first name is a person
    ("Later that day Svetlana thanked the crowd.", "Svetlana", {"PERSON"}),
    # slavic surname ending makes an unknown name a person
    ("The goal came from Zhabotenko late on.", "Zhabotenko", {"PERSON"}),
    # capitalised will mid sentence is a name
    ("Former captain Will Carlow kicked 20 points.", "Will Carlow", {"PERSON"}),
    # ampersand joins an organisation
    ("Shares of Hollis & Brennard fell.", "Hollis & Brennard", {"ORG"}),
    # foreign article starts an organisation name
    ("The weekly Der Morgenblick reported it.", "Der Morgenblick", {"ORG"}),
    # may after in is the month
    ("Talks broke down in May and resumed.", "May", {"DATE"}),
    # event name goes on with of
    ("He won the World Series of Poker.", "World Series of Poker", {"EVENT"}),
    # ordinal quarter is a date
    ("Profit fell in the third quarter.", "third quarter", {"DATE"}),
    # named storm is an event
    ("Hurricane Ivette hit the coast.", "Hurricane Ivette", {"EVENT"}),
    # two nationality words are one group
    ("Iraqi Kurds fled north.", "Iraqi Kurds", {"NORP"}),
    # first name that is also a religion starts a person
    ("The goal by Christian Vaudreuil stood.", "Christian Vaudreuil", {"PERSON"}),
    # small town named like a person before said is the person
    ("Dole said the bill would pass.", "Dole", {"PERSON"}),
    # named day is an event
    ("Shops close on Labor Day.", "Labor Day", {"EVENT"}),
]


@pytest.mark.parametrize(("text", "surface", "labels"), LABEL_ROWS)
def test_name_type(text: str, surface: str, labels: set[str]) -> None:
    assert labels_of(text, surface) == labels
