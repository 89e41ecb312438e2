"""Validation errors in words: which field broke which rule, never the input values."""

from __future__ import annotations

from pydantic import ValidationError

MAX_LISTED_ERRORS = 10


def is_json_error(exc: ValidationError) -> bool:
    """True when the input was not JSON at all (rather than JSON breaking the contract)."""
    return any(err["type"] == "json_invalid" for err in exc.errors(include_url=False))


def describe(exc: ValidationError) -> str:
    """``field: rule`` for each error (at most ten), without quoting the input."""
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    json_errors = [err["msg"] for err in errors if err["type"] == "json_invalid"]
    if json_errors:
        return json_errors[0]
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
        for err in errors[:MAX_LISTED_ERRORS]
    ]
    if len(errors) > MAX_LISTED_ERRORS:
        parts.append(f"... and {len(errors) - MAX_LISTED_ERRORS} more")
    return "; ".join(parts)
