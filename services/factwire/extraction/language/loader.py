"""The one reader of the word lists in ``language/data/``: one entry a line, ``#`` starts a
comment line, blank lines are skipped; columns of a table are separated by tabs."""

from __future__ import annotations

from importlib import resources


def data_lines(name: str) -> list[str]:
    """The entries of ``language/data/<name>``, as written (comments and blank lines left out)."""
    source = resources.files("factwire.extraction.language").joinpath("data", name)
    return [
        line
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def data_rows(name: str) -> list[list[str]]:
    """The entries of a table in ``language/data/``, split at tabs."""
    return [line.split("\t") for line in data_lines(name)]


def words(text: str) -> frozenset[str]:
    """The words of a space-separated string: keeps a long closed word list readable in code."""
    return frozenset(text.split())
