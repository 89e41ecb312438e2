"""From a raw Kafka record to a validated RawArticle, or to the reason it can't become one.

Validation happens here, once, at the edge; bad input becomes a ``Rejection`` that the worker
turns into a dead letter at stage ``decode`` (not JSON, no key) or ``validate`` (JSON that breaks
the contract, a key that is not the article id, control characters in the text). Rejection
messages never quote the input. docs/reliability.md explains each decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from factwire.client.validation import describe, is_json_error
from factwire.models import ErrorStage, RawArticle

# C0 controls and DEL, except the whitespace ones (tab, newline, vertical tab, form feed, CR):
# they mean binary or corrupted content, and NUL breaks many stores downstream.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a record can't be enriched, in words fit for a dead-letter header."""

    stage: ErrorStage
    error_type: str
    message: str


def decode_raw(
    key: bytes | None, value: bytes | None, *, max_body_chars: int
) -> RawArticle | Rejection:
    """Validate one record of ``articles.raw``."""
    if key is None:
        return Rejection("decode", "MissingKey", "record has no key (expected the article id)")
    if value is None:
        return Rejection("decode", "MissingValue", "record has no value (a tombstone)")
    try:
        key.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(
            "decode", "InvalidKey", f"key is not UTF-8: {exc.reason} at byte {exc.start}"
        )
    try:
        article = RawArticle.from_json(value, max_body_chars=max_body_chars)
    except ValidationError as exc:
        return rejection_from_validation(exc)
    return check_text(key, article)


def check_text(key: bytes, article: RawArticle) -> RawArticle | Rejection:
    """Rules beyond the JSON contract: the key is the article id, the text has no control codes.

    A key that differs from the id could put two versions of one article on two partitions,
    where the older could overtake the newer: the record is refused rather than reordered.
    """
    if key != article.id.encode():
        return Rejection(
            "validate", "KeyMismatch", "record key is not the article id (keys must equal ids)"
        )
    for name, text in (("title", article.title), ("body", article.body)):
        found = CONTROL_CHARACTERS.search(text) if text else None
        if found:
            return Rejection(
                "validate",
                "ControlCharacters",
                f"{name}: control character U+{ord(found.group()):04X} at offset {found.start()}",
            )
    return article


def rejection_from_validation(exc: ValidationError) -> Rejection:
    """A Rejection that names each failing field and rule, without the input values."""
    if is_json_error(exc):
        return Rejection("decode", "InvalidJSON", describe(exc))
    return Rejection("validate", "ValidationError", describe(exc))
