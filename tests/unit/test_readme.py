"""The README's configuration table covers every setting, so a new one can't go undocumented."""

from __future__ import annotations

from pathlib import Path

from factwire.settings import variables

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_in_the_readme_table() -> None:
    text = README.read_text()
    missing = [name for name in variables() if f"| `{name}` |" not in text]
    assert missing == []


def test_the_first_screen_gives_the_two_commands() -> None:
    first_screen = "\n".join(README.read_text().splitlines()[:25])
    assert "make run" in first_screen
    assert "make test" in first_screen
