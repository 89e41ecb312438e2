"""The last tokens before a cue, read from its last word instead of a whole window.

The checks next to a reporting cue (`claims.reported`: is it passive, does it open a relative
clause) read the tokens of a window before the cue from its end, and nearly always stop at the
last one. `last_tokens` reads only the last run of characters without a space, and says whether
that run is the whole window; the caller reads the whole window only when the run's tokens run
out before its check is decided.
"""

from __future__ import annotations

from factwire.extraction.claims.phrases import Token, tokens

_new_token = tuple.__new__


def last_tokens(body: str, lo: int, end: int) -> tuple[list[Token], bool]:
    """The tokens that ``tokens(body, lo, end)`` ends with, and whether they are all of them.

    Exact because no token holds white space and the token pattern looks at no character
    before the one it starts at: a scan that starts just after a space inside the window finds
    the very tokens that the scan from ``lo`` finds after that space (``tests/unit/extraction/
    claims/test_last_words.py`` checks this). The space searched for is the last one before
    the window's last character, so the run after it holds the word before the cue. A run of
    ASCII letters is a single token (the pattern's first alternative takes it whole).
    """
    space = body.rfind(" ", lo, end - 1)
    if space < 0:
        return tokens(body, lo, end), True
    word = body[space + 1 : end].rstrip()
    if word.isalpha() and word.isascii():  # "Smith", "also": one token, made without a scan
        return [_new_token(Token, (word, space + 1, space + 1 + len(word)))], False
    return tokens(body, space + 1, end), False


def last_kept(body: str, lo: int, end: int, skip: frozenset[str]) -> Token | None:
    """The last token of ``tokens(body, lo, end)`` whose lower case is not in ``skip``."""
    words, whole = last_tokens(body, lo, end)
    kept = _last_not_in(words, skip)
    if kept is None and not whole:  # the last word was skipped: read the whole window
        kept = _last_not_in(tokens(body, lo, end), skip)
    return kept


def _last_not_in(words: list[Token], skip: frozenset[str]) -> Token | None:
    return next((w for w in reversed(words) if w.lower not in skip), None)
