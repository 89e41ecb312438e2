"""Articles from files: plain text, RawArticle JSON, JSON Lines, and directories of them.

Every input becomes either an ``ArticleItem`` or a ``Rejected`` item naming the file (and line)
and the reason, so that a caller can report everything it could not take.

- ``*.txt``, ``*.text``, ``*.md`` and files without a known suffix: one article each; the id is
  the file name without its suffix; a short first line followed by a blank line is the title.
- ``*.json``: one RawArticle object.
- ``*.jsonl``, ``*.ndjson``: one RawArticle object a line (blank lines are ignored).
- directories: the files above, recursively, in name order (hidden files and other suffixes are
  left out and counted in ``Skipped``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from factwire.client.validation import describe
from factwire.models import DEFAULT_MAX_BODY_CHARS, RawArticle

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
MAX_TITLE_CHARS = 300
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._:/-]+")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article came from: ``path`` or ``path:line``."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class ArticleItem:
    origin: Origin
    article: RawArticle


@dataclass(frozen=True, slots=True)
class Rejected:
    origin: Origin
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a directory that is not an article file."""

    path: str


Item = ArticleItem | Rejected | Skipped


def read_articles(
    paths: Iterable[str | Path], *, max_body_chars: int = DEFAULT_MAX_BODY_CHARS
) -> Iterator[Item]:
    """Every article (or rejection) in ``paths``, in order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if not found.is_file() or _hidden(found.relative_to(path)):
                    continue
                if found.suffix.lower() in ARTICLE_SUFFIXES:
                    yield from read_file(found, max_body_chars=max_body_chars)
                else:
                    yield Skipped(str(found))
        elif path.is_file():
            yield from read_file(path, max_body_chars=max_body_chars)
        else:
            yield Rejected(Origin(str(path)), "no such file or directory")


def read_file(path: Path, *, max_body_chars: int = DEFAULT_MAX_BODY_CHARS) -> Iterator[Item]:
    """The articles of one file, by its suffix."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(Origin(str(path)), exc.strerror or str(exc))
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from parse_jsonl(data, str(path), max_body_chars=max_body_chars)
    elif suffix in JSON_SUFFIXES:
        yield parse_json(data, Origin(str(path)), max_body_chars=max_body_chars)
    else:
        yield parse_text(data, Origin(str(path)), article_id=id_from_name(path.name))


def parse_jsonl(data: bytes, path: str, *, max_body_chars: int) -> Iterator[Item]:
    """One item per non-blank line; line numbers start at 1."""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield parse_json(line, Origin(path, number), max_body_chars=max_body_chars)


def parse_json(data: bytes, origin: Origin, *, max_body_chars: int) -> Item:
    try:
        return ArticleItem(origin, RawArticle.from_json(data, max_body_chars=max_body_chars))
    except ValidationError as exc:
        return Rejected(origin, describe(exc))


def parse_text(data: bytes, origin: Origin, *, article_id: str) -> Item:
    """A plain-text article: an optional title line, a blank line, then the body."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    title, body = split_title(text)
    if not article_id:
        return Rejected(origin, "no usable article id in the file name")
    try:
        return ArticleItem(origin, RawArticle(id=article_id, title=title, body=body))
    except ValidationError as exc:
        return Rejected(origin, describe(exc))


def split_title(text: str) -> tuple[str | None, str]:
    """``("Title", body)`` when the text starts with a short line and a blank line."""
    first, sep, rest = text.lstrip("\n").partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first.strip()) <= MAX_TITLE_CHARS:
        return first.strip(), rest.strip("\r\n")
    return None, text.strip("\r\n")


def id_from_name(name: str) -> str:
    """An article id from a file name: the stem, with characters ids can't hold replaced."""
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return _ID_UNSAFE.sub("-", stem).strip("-")[:256]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
