"""Raw records become RawArticles or rejections with a stage, never quoting the input."""

from __future__ import annotations

import orjson

from factwire.enricher.decode import Rejection, decode_raw
from factwire.models import RawArticle

SECRET_BODY = "Confidential draft: the merger closes on Friday."


def decode(key: bytes | None, value: bytes | None, limit: int = 1000) -> RawArticle | Rejection:
    return decode_raw(key, value, max_body_chars=limit)


def test_a_valid_record_becomes_a_raw_article() -> None:
    article = decode(b"a1", orjson.dumps({"id": "a1", "body": SECRET_BODY}))
    assert isinstance(article, RawArticle)
    assert article.body == SECRET_BODY


def test_a_record_without_key_is_rejected_at_decode() -> None:
    rejection = decode(None, orjson.dumps({"id": "a1", "body": SECRET_BODY}))
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.error_type) == ("decode", "MissingKey")


def test_bytes_that_are_not_json_are_rejected_at_decode() -> None:
    rejection = decode(b"a1", b"\x00\xffnot json")
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.error_type) == ("decode", "InvalidJSON")


def test_json_that_breaks_the_contract_is_rejected_at_validate_naming_the_fields() -> None:
    rejection = decode(b"a1", orjson.dumps({"id": "bad id!", "body": SECRET_BODY, "title": 7}))
    assert isinstance(rejection, Rejection)
    assert rejection.stage == "validate"
    assert "id:" in rejection.message and "title:" in rejection.message
    assert SECRET_BODY not in rejection.message


def test_a_body_over_the_limit_is_rejected_without_quoting_it() -> None:
    rejection = decode(b"a1", orjson.dumps({"id": "a1", "body": SECRET_BODY}), limit=10)
    assert isinstance(rejection, Rejection)
    assert rejection.stage == "validate"
    assert "over the limit of 10" in rejection.message
    assert "merger" not in rejection.message


def test_a_key_that_is_not_utf8_is_rejected_at_decode() -> None:
    rejection = decode(b"\xff\xfe", orjson.dumps({"id": "a1", "body": "x"}))
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.error_type) == ("decode", "InvalidKey")
