"""From a raw Kafka record to a validated RawArticle, or to the reason it can't become one.

Validation happens here, once, at the edge; bad input becomes a ``Rejection`` that the worker
turns into a dead letter at stage ``decode`` (not JSON, no key) or ``validate`` (JSON that breaks
the contract). Rejection messages never quote the input.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from factwire.client.validation import describe, is_json_error
from factwire.models import ErrorStage, RawArticle


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
        return RawArticle.from_json(value, max_body_chars=max_body_chars)
    except ValidationError as exc:
        return rejection_from_validation(exc)


def rejection_from_validation(exc: ValidationError) -> Rejection:
    """A Rejection that names each failing field and rule, without the input values."""
    if is_json_error(exc):
        return Rejection("decode", "InvalidJSON", describe(exc))
    return Rejection("validate", "ValidationError", describe(exc))
