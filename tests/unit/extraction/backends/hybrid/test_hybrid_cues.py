"""Each context cue of the hybrid backend on a sentence a careful reader types at once."""

from __future__ import annotations

import pytest

from factwire.extraction.backends.hybrid.cues import CUES, NameInContext

CUE = dict(CUES)


def evidence(
    cue: str, text: str, name: str, *, sports: bool = False, labels: tuple[str, ...] = ()
) -> str | None:
    start = text.index(name)
    found = CUE[cue](
        NameInContext(text, start, start + len(name), sports, sports, frozenset(labels))
    )
    return found[0] if found else None


@pytest.mark.parametrize(
    ("cue", "text", "name", "label"),
    [
        ("age_after_name", "Rocha, 21, scored twice.", "Rocha", "PERSON"),
        ("age_after_name", "Rocha, who is 21, scored.", "Rocha", None),
        ("age_after_name", "Okafor , 34 , takes on Reyes .", "Okafor", "PERSON"),
        ("product_noun_after", "It said the Lumen 3 model is fast.", "Lumen", "PRODUCT"),
        ("product_noun_after", "SpaceX's Starship lander needs tests.", "Starship", "PRODUCT"),
        ("product_noun_after", "Kaia model Ann Lee smiled.", "Kaia", None),
        ("noun_before", "Chipmaker Halcyon beat forecasts.", "Halcyon", "ORG"),
        ("noun_before", "It uses the messaging app Chirp daily.", "Chirp", "PRODUCT"),
        ("noun_before", "He saw the thriller Nightfall Harbor.", "Nightfall Harbor", "WORK_OF_ART"),
        ("noun_before", "He names a team to play Liechtenstein.", "Liechtenstein", None),
        ("called", "It launched a video generator called Vireo.", "Vireo", "PRODUCT"),
        ("called", "The model, called Sable 2, runs on a laptop.", "Sable", "PRODUCT"),
        ("listed_after_plural", "Rivals such as Amazon, Google and Oracle grew.", "Oracle", "ORG"),
        ("listed_after_plural", "Companies like Figure and Norrland grew.", "Figure", "ORG"),
        ("apposition", "Brewline, the coffee chain founded in Seattle, grew.", "Brewline", "ORG"),
        ("apposition", "It opens in Dublin, the company said.", "Dublin", None),
        ("sold_as", "A vaccine, sold as Qdenga, is given.", "Qdenga", "PRODUCT"),
        ("which_launched", "Kling AI, which has launched Vireo, grew.", "Kling AI", "ORG"),
        ("launched", "On Tuesday it released Lumen 3.", "Lumen", "PRODUCT"),
        ("made_behind", "It asked the company behind Chirp to explain.", "Chirp", "PRODUCT"),
        ("made_behind", "Ashford are two points behind Valmar.", "Valmar", None),
        ("made_of", "The maker of Lumo soap cut prices.", "Lumo", "PRODUCT"),
        ("place_noun_after", "Shells hit the Veskara village at dawn.", "Veskara", "GPE"),
        ("place_noun_after", "Veskara village was hit at dawn.", "Veskara", None),
        ("made_of", "The mayor of Lumo cut taxes.", "Lumo", None),
        ("owner_of_product", "Mistral's Le Chat assistant will use it.", "Mistral", "ORG"),
        ("employer_of_role", "Veltrix chief executive Marcus Lindqvist said.", "Veltrix", "ORG"),
        ("employer_of_role", "Belarus president Alexander Lukashenko said.", "Belarus", None),
        ("version_after", "The HX-900 processor sells well.", "HX", "PRODUCT"),
        ("version_after", "Kent 3 points behind.", "Kent", None),
        ("maker", "It uses a model from Anthropic to sort.", "Anthropic", "ORG"),
        ("maker", "It gives a vaccine from Brazil to children.", "Brazil", None),
        ("apposition", "DeepField, a Cambridge start-up spun out of it, grew.", "DeepField", "ORG"),
        ("product_noun_after", "She led the Morena party.", "Morena", "ORG"),
        ("product_noun_after", "He told Vessia's Lumen newspaper.", "Lumen", "ORG"),
        ("product_noun_after", "He boarded a Skyvale flight.", "Skyvale", "ORG"),
        ("product_noun_after", "It said the Dublin team would hire.", "Dublin", None),
        (
            "place_in_address",
            "The test is at Hillcrest Park, Birmingham) in June.",
            "Birmingham",
            "GPE",
        ),
        (
            "place_in_address",
            "BOSTON, Massachusetts 2031-04-02\nThe mayor said.",
            "Massachusetts",
            "GPE",
        ),
        ("place_noun_before", "Troops took the town of Veskara on Monday.", "Veskara", "GPE"),
        ("place_noun_before", "Rebels are 3 km (2 miles) east of Veskara.", "Veskara", "GPE"),
        ("place_noun_before", "He is chief of Veskara Mining.", "Veskara", None),
        ("title_before", "Later President Marlow flew to Ohio.", "Marlow", "PERSON"),
        ("title_before", "Sen. Denton voted no.", "Denton", "PERSON"),
        ("title_before", "Premier League clubs spent more.", "League", None),
        ("title_before", "It sold Brandt shares in Denton.", "Denton", None),
        ("place_in_address", "She moved to a farm in Norwood, Texas.", "Texas", "GPE"),
        ("place_in_address", "It meets in Berlin, Brussels and Vienna.", "Brussels", None),
        ("place_in_address", "Keller, Texas Instruments said, will buy it.", "Texas", None),
    ],
)
def test_a_cue_types_a_name_from_its_context(
    cue: str, text: str, name: str, label: str | None
) -> None:
    assert evidence(cue, text, name) == label


@pytest.mark.parametrize(
    ("text", "name", "labels", "label"),
    [
        ("Ashford signed Rocha from Flamengo on Friday.", "Flamengo", ("GPE",), "ORG"),
        ("Arsenal manager Mikel Arteta was pleased.", "Arsenal", ("ORG",), "ORG"),
        ("India beat Australia by six wickets.", "Australia", ("GPE",), None),
        ("The Brazilian forward Rocha scored.", "Brazilian", ("NORP",), None),
        ("Mendes scored twice for Valmar on Sunday.", "Valmar", ("PERSON",), "ORG"),
    ],
)
def test_in_a_team_sport_report_a_town_that_plays_or_signs_is_a_club(
    text: str, name: str, labels: tuple[str, ...], label: str | None
) -> None:
    assert evidence("club_in_sports_report", text, name, sports=True, labels=labels) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("T. Hale c Orwin b Mehta 31\nJ. Dunn not out 4", "Mehta", "PERSON"),
        ("R. Voss st Abeyratne b Corr 12", "Abeyratne", "PERSON"),
        ("Bowling: Kessel 9.4-1-38-3, Marwick 10-0-51-1", "Marwick", "PERSON"),
        ("Ashford 3 Kessel 1\nBrampton 2 Dorling 2", "Kessel", None),
    ],
)
def test_in_a_cricket_scorecard_dismissals_and_bowling_figures_name_players(
    text: str, name: str, label: str | None
) -> None:
    assert evidence("cricket_scorecard", text, name, sports=True) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Men's 800 metres\n4. Tomas Ferrol (Kenya) 1:45.03", "Tomas Ferrol", "PERSON"),
        ("Scorers: Peru - Ramos (41st min, pen), Soto (88th)", "Ramos", "PERSON"),
        ("Substitutes: 12 - Lamas 87th), 9 - Vidal", "Lamas", "PERSON"),
        ("Red Lions (Peru) beat Dynamo (Chile) 92-90", "Red Lions", None),
    ],
)
def test_in_results_ranked_athletes_and_scorers_are_people(
    text: str, name: str, label: str | None
) -> None:
    assert evidence("competitor_in_results", text, name, sports=True) == label


def test_club_cues_need_a_team_sport_report() -> None:
    text = "Clinton won in 1992 against Bush."
    assert evidence("club_in_sports_report", text, "Bush", labels=("PERSON",)) is None


@pytest.mark.parametrize(
    ("labels", "label"), [(("NORP",), None), (("NORP", "PERSON"), None), (("PERSON",), "PERSON")]
)
def test_an_age_after_a_nationality_leaves_it_a_nationality(
    labels: tuple[str, ...], label: str | None
) -> None:
    text = "The American, 21, will play Sabalenka."
    assert evidence("age_after_name", text, "American", labels=labels) == label
