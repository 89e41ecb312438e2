"""Quotation marks paired into quotes.

Marks are paired within a paragraph (curly marks by shape, straight ones by alternation). A
paragraph that leaves a quote open (opened at its start or after an attribution: `"A," she
said. "B`) continues into the next paragraph when that one starts with an opening mark, the
news convention for quotes over several paragraphs.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factwire.extraction.claims.context import ClaimContext

# Two apostrophes stand for a straight mark in some archives; of three, the last two close a
# quote that ends with a nested one (`... 'no boots,''' he said`). The same as ``''(?!')|[“”"«»„]``
# written with one character class first (the second apostrophe checked after it): the engine
# then skips from candidate to candidate instead of trying both alternatives at every position.
_MARK = re.compile(r"[\"'“”«»„](?:(?<=')'(?!')|(?<!'))")
_SINGLE_OPEN = re.compile(r"(?<![\w’‘])‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])’(?!\w)")
_STRAIGHT = (re.compile(r"(?<![\w'’‘])'(?=\w)"), re.compile(r"(?<=[\w.,!?])'(?!\w)"))
_OPENERS = "“«„"
_CLOSERS = "”»"
# Invisible format characters (direction marks, zero-width space) stand where a space would.
_INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


class Quote(NamedTuple):
    """Quotation marks at ``open`` and ``close`` (``close`` is the end of the paragraph when the
    quote is never closed); the quoted words lie between them (a tuple: one is made for every
    quote of an article)."""

    open: int
    close: int
    closed: bool
    open_len: int = 1
    close_len: int = 1

    @property
    def inner_start(self) -> int:
        return self.open + self.open_len

    @property
    def end(self) -> int:
        """Just past the closing mark."""
        return self.close + self.close_len if self.closed else self.close


# tuple.__new__: the named tuple without its Python-level constructor (one per quote)
_new_quote = tuple.__new__


def find_quotes(ctx: ClaimContext) -> list[Quote]:
    """All top-level quotations of the body, in order, in one pass over its quotation marks."""
    body = ctx.body
    found: list[Quote] = []
    carried: tuple[int, int] | None = None  # a quote left open by the previous paragraph
    carried_end = 0
    line_opened = False  # whether the carried quote opened its paragraph
    for line in ctx.lines:
        open_at: tuple[int, int] | None = None  # position and length of the opening mark
        first = True
        for mark in _MARK.finditer(body, line.start, line.end):
            pos, size = mark.start(), mark.end() - mark.start()
            opening = _is_opening(body, pos, size, open_at is not None)
            if first and carried is not None:
                first = False
                if opening and not body[line.start : pos].strip():
                    open_at, carried = carried, None
                    continue
                found.extend(_unclosed(carried, carried_end, line_opened))
                carried = None
            first = False
            if opening:
                open_at = (pos, size)
            elif open_at is not None:
                found.append(_new_quote(Quote, (open_at[0], pos, True, open_at[1], size)))
                open_at = None
        if carried is not None:  # a paragraph without marks ends the carried quote
            found.extend(_unclosed(carried, carried_end, line_opened))
            carried = None
        if first and body.find("‘", line.start, line.end) >= 0:  # (no copy of the line)
            found.extend(_single_quotes(body, line.start, line.end))
        elif first and line is ctx.lines[0] and len(ctx.lines) > 1:  # a headline: 'straight'
            found.extend(_single_quotes(body, line.start, line.end, _STRAIGHT))
        if open_at is not None:  # continued if the next paragraph opens with a mark
            carried, carried_end = open_at, line.end
            line_opened = not body[line.start : open_at[0]].strip()
    if carried is not None:
        found.extend(_unclosed(carried, carried_end, line_opened))
    return found


def _unclosed(opening: tuple[int, int], end: int, line_opened: bool) -> list[Quote]:
    """A quote left open at the end of its paragraph and not continued in the next: kept (up
    to the paragraph's end) when it opened the paragraph, else dropped as a stray mark."""
    return [_new_quote(Quote, (opening[0], end, False, opening[1], 1))] if line_opened else []


def _single_quotes(
    body: str, start: int, end: int, marks: tuple[re.Pattern[str], re.Pattern[str]] | None = None
) -> list[Quote]:
    """Quotes in single curly marks (‘…’), in a paragraph with no double marks (a headline,
    British style), where they cannot be a quote nested in another: an opening mark before a
    word, closed by the next mark that is no apostrophe (not followed by a letter: "don’t").
    ``marks`` replaces the curly opening and closing patterns (straight marks in a headline)."""
    single_open, single_close = marks or (_SINGLE_OPEN, _SINGLE_CLOSE)
    found: list[Quote] = []
    for opening in single_open.finditer(body, start, end):
        if found and opening.start() < found[-1].end:
            continue
        closing = single_close.search(body, opening.end(), end)
        if closing is None:
            break  # no later opening mark can be closed either: the scan stays linear
        found.append(_new_quote(Quote, (opening.start(), closing.start(), True, 1, 1)))
    return found


def _is_opening(body: str, pos: int, size: int, inside: bool) -> bool:
    mark = body[pos]
    if mark in _OPENERS:
        # an opening mark typed where a closing one belongs: `here,“ said Smith`
        after = body[pos + size] if pos + size < len(body) else " "
        before = body[pos - 1] if pos > 0 else " "
        return not (inside and not before.isspace() and (after.isspace() or after in ".,"))
    if mark in _CLOSERS:
        # a closing mark typed where an opening one belongs: `”Fortunately, ...` at a start,
        # or any closing mark that opens a paragraph (`” … he delivered`)
        before = body[pos - 1] if pos > 0 else "\n"
        if before in _INVISIBLE:
            before = body[pos - 2] if pos > 1 else "\n"
        after = body[pos + size] if pos + size < len(body) else " "
        return not inside and before.isspace() and (after.isalnum() or before == "\n")
    if inside:
        return False
    before = body[pos - 1] if pos > 0 else " "
    after = body[pos + size] if pos + size < len(body) else " "
    looks_closing = (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:")
    return not looks_closing
