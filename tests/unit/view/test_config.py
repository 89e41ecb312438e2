"""The view's settings: windows as labels, FACTWIRE_VIEW_* variables, clear errors."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from factwire.view.config import (
    VIEW_PREFIX,
    ViewSettings,
    ViewSettingsError,
    Window,
    parse_windows,
)


@pytest.mark.parametrize(
    ("label", "seconds"),
    [("30s", 30), ("15m", 900), ("1h", 3600), ("24h", 86400), ("7d", 604800)],
)
def test_a_window_label_is_a_number_and_a_unit(label: str, seconds: int) -> None:
    assert Window.parse(label) == Window(label, seconds)


@pytest.mark.parametrize("label", ["", "h", "0h", "1.5h", "1w", "-1h", "1 h"])
def test_a_bad_window_label_is_refused_with_an_example(label: str) -> None:
    with pytest.raises(ViewSettingsError, match=r"e\.g\. 1h"):
        Window.parse(label)


def test_windows_expire_after_two_of_their_sizes() -> None:
    assert Window.parse("1h").expires == 7200


def test_windows_are_a_comma_separated_list_without_repeats() -> None:
    assert [w.label for w in parse_windows("1h, 24h")] == ["1h", "24h"]
    with pytest.raises(ViewSettingsError, match="repeat"):
        parse_windows("1h,1h")
    with pytest.raises(ViewSettingsError, match="at least one"):
        parse_windows(" , ")


def test_settings_come_from_the_environment_and_options_win() -> None:
    env = {
        "FACTWIRE_VIEW_PORT": "9001",
        "FACTWIRE_VIEW_WINDOWS": "5m",
        "FACTWIRE_VIEW_HISTORY": "7",
    }
    view = ViewSettings.from_env(env, port=9002)
    assert (view.port, [w.label for w in view.windows], view.history) == (9002, ["5m"], 7)
    assert view.window("5m").seconds == 300


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"FACTWIRE_VIEW_PORT": "http"}, "FACTWIRE_VIEW_PORT='http'"),
        ({"FACTWIRE_VIEW_PORT": "70000"}, "FACTWIRE_VIEW_PORT=70000"),
        ({"FACTWIRE_VIEW_HISTORY": "0"}, "FACTWIRE_VIEW_HISTORY=0"),
        ({"FACTWIRE_VIEW_CHECKWORTHY": "2"}, "FACTWIRE_VIEW_CHECKWORTHY=2.0"),
        ({"FACTWIRE_VIEW_WINDOWS": "1y"}, "FACTWIRE_VIEW_WINDOWS='1y'"),
    ],
)
def test_a_bad_variable_is_named_in_the_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(ViewSettingsError, match=message.replace(".", r"\.")):
        ViewSettings.from_env(env)


def test_an_unknown_window_names_the_kept_ones() -> None:
    with pytest.raises(ViewSettingsError, match="1h, 24h"):
        ViewSettings().window("2h")


def test_every_view_variable_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    missing = [
        VIEW_PREFIX + f.name.upper()
        for f in fields(ViewSettings)
        if f"| `{VIEW_PREFIX}{f.name.upper()}` |" not in readme
    ]
    assert missing == []
