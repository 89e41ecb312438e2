"""Raw records start a trace; the size check refuses what the broker would refuse."""

from __future__ import annotations

import re

from factwire.client.publisher import raw_headers, record_size


def test_raw_records_carry_content_type_and_a_new_traceparent() -> None:
    headers = dict(raw_headers())
    assert headers["content-type"] == b"application/json"
    assert re.fullmatch(rb"00-[0-9a-f]{32}-[0-9a-f]{16}-01", headers["traceparent"])
    assert dict(raw_headers())["traceparent"] != headers["traceparent"]


def test_record_size_counts_key_value_and_headers() -> None:
    small = record_size(b"k", b"v", [])
    assert record_size(b"k", b"v" * 1000, [("h", b"x" * 100)]) > small + 1100
