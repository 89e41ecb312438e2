"""The one reader of the word lists in ``language/data/``: one entry a line, ``#`` starts a
comment line, blank lines are skipped; columns of a table are separated by tabs."""

from __future__ import annotations

from importlib import resources

from factwire.extraction.errors import LanguageDataError


def data_lines(name: str) -> list[str]:
    """The entries of ``language/data/<name>``, as written (comments and blank lines left out)."""
    source = resources.files("factwire.extraction.language").joinpath("data", name)
    return entries(source.read_text(encoding="utf-8"), name)


def entries(text: str, name: str) -> list[str]:
    """The entries of a word-list file's ``text``; an entry or column with spaces around it
    (it would never equal a word of an article) is a :class:`LanguageDataError`."""
    found: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if any(column != column.strip() for column in line.split("\t")):
            raise LanguageDataError(f"{name}, line {number}: spaces around an entry: {line!r}")
        found.append(line)
    return found


def data_rows(name: str) -> list[list[str]]:
    """The entries of a table in ``language/data/``, split at tabs."""
    return [line.split("\t") for line in data_lines(name)]


def words(text: str) -> frozenset[str]:
    """The words of a space-separated string: keeps a long closed word list readable in code."""
    return frozenset(text.split())
