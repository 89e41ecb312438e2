"""Fuzzing the worker's own path, decode → validate → extract → publish, in-process (no Kafka).

Random bytes, random JSON and mutated articles go through ``BatchProcessor`` with the real
``ExtractionPool`` logic (threads instead of processes, so the test stays in one process). The
only outcomes allowed: one enriched event that validates against the contract, or one dead
letter with a stage, the original bytes untouched. Nothing raises, nothing is dropped.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note
from hypothesis import strategies as st

from factwire.enricher.batch import BatchProcessor, Record
from factwire.enricher.headers import Headers, SourcePosition, header_value
from factwire.enricher.pool import ExtractionPool
from factwire.models import EnrichedArticle, content_sha256
from factwire.settings import Settings

STAGES = {b"decode", b"validate", b"extract", b"publish"}
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class InProcessPool(ExtractionPool):
    """The worker's pool with one thread in place of the processes (same retry logic)."""

    shared: Executor | None = None

    def _new_executor(self) -> Executor:
        if InProcessPool.shared is None:
            InProcessPool.shared = ThreadPoolExecutor(max_workers=1)
        return InProcessPool.shared

    def _discard_executor(self) -> None:
        self._executor = None


@dataclass
class Sink:
    sent: list[tuple[bytes | None, bytes | None, Headers]] = field(default_factory=list)

    async def __call__(
        self, key: bytes | None, value: bytes | None, headers: Headers
    ) -> Awaitable[Any]:
        self.sent.append((key, value, headers))
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def run_through_worker(key: bytes | None, value: bytes | None, backend: str) -> None:
    """One record through the worker's batch path; asserts it has exactly one valid outcome."""
    enriched, dead = Sink(), Sink()
    config = Settings(extractor=backend, max_body_chars=5_000, dedup_cache_size=0)
    processor = BatchProcessor(config, InProcessPool(backend, size=1, retries=2), enriched, dead)
    record = Record(key, value, [("traceparent", b"garbage")], SourcePosition("raw", 0, 7))
    asyncio.run(processor.process([record]))

    assert len(enriched.sent) + len(dead.sent) == 1, (enriched.sent, dead.sent)
    if enriched.sent:
        note("enriched")
        out_key, out_value, headers = enriched.sent[0]
        assert out_value is not None
        event = EnrichedArticle.from_json(out_value)
        assert out_key == key == event.article_id.encode()
        raw = orjson.loads(value or b"")
        assert event.content_sha256 == content_sha256(raw["body"])
        for entity in event.entities:
            for mention in entity.mentions:
                source = raw["body"] if mention.field == "body" else raw.get("title") or ""
                assert source[mention.start : mention.end] == mention.text
        assert (
            header_value(headers, "ce_id") == f"{event.article_id}:{event.content_sha256}".encode()
        )
    else:
        out_key, out_value, headers = dead.sent[0]
        assert (out_key, out_value) == (key, value)  # untouched
        note(f"dead letter: {header_value(headers, 'factwire.error.type')!r}")
        assert header_value(headers, "factwire.error.stage") in STAGES
        assert header_value(headers, "factwire.error.type")
        assert header_value(headers, "factwire.source.offset") == b"7"


# -- strategies ----------------------------------------------------------------------------

ids = st.from_regex(r"[A-Za-z0-9._:/-]{1,40}", fullmatch=True)
text = st.text(max_size=300)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
# Objects that look like articles: right field names, values of any type, some missing.
article_like = st.fixed_dictionaries(
    {},
    optional={
        "id": ids | json_values,
        "body": text | json_values,
        "title": st.none() | text | json_values,
        "url": st.none() | text,
        "source": st.none() | text,
        "language": st.none() | st.text(max_size=40),
        "published_at": st.none() | text | st.just("2024-05-01T10:00:00Z"),
        "metadata": st.dictionaries(st.text(max_size=8), text | json_values, max_size=3),
    },
)
# Articles that pass validation most of the time, so that extraction sees random text.
valid_article = st.fixed_dictionaries(
    {"id": ids, "body": st.text(min_size=1, max_size=2_000)},
    optional={"title": st.none() | text, "language": st.none() | st.sampled_from(["en", "pt"])},
)


def encode(document: object) -> bytes:
    """JSON as any producer might write it: non-ASCII escaped, lone surrogates included."""
    return json.dumps(document).encode()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid article's bytes, cut, or with bytes flipped, inserted or removed."""
    data = bytearray(encode(draw(valid_article)))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        if action == "flip" and data:
            data[position] ^= draw(st.integers(1, 255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 4))]
        else:
            del data[position:]
    return bytes(data)


keys = st.none() | st.binary(max_size=20) | ids.map(str.encode)


# -- properties ----------------------------------------------------------------------------


def key_for(document: object) -> bytes:
    """The id as key when there is a string id (else the key check would reject it first)."""
    found = document.get("id") if isinstance(document, dict) else None
    return found.encode("utf-8", "surrogatepass") if isinstance(found, str) else b"a1"


@FUZZ
@given(key=keys, value=st.none() | st.binary(max_size=500))
def test_random_keys_and_bytes_end_as_one_enriched_event_or_one_dead_letter(
    key: bytes | None, value: bytes | None
) -> None:
    run_through_worker(key, value, "rules")


@FUZZ
@given(value=st.binary(min_size=1, max_size=2_000))
def test_random_bytes_end_as_one_dead_letter(value: bytes) -> None:
    run_through_worker(b"a1", value, "rules")


@FUZZ
@given(document=json_values | article_like)
def test_random_json_ends_as_one_enriched_event_or_one_dead_letter(document: object) -> None:
    run_through_worker(key_for(document), encode(document), "rules")


@FUZZ
@given(document=valid_article)
def test_random_valid_articles_are_enriched_or_dead_lettered(document: dict[str, Any]) -> None:
    run_through_worker(document["id"].encode(), encode(document), "rules")


@FUZZ
@given(value=mutated())
def test_mutated_articles_end_as_one_enriched_event_or_one_dead_letter(value: bytes) -> None:
    try:
        document = orjson.loads(value)
    except orjson.JSONDecodeError:
        document = None
    run_through_worker(key_for(document), value, "rules")


@pytest.mark.parametrize("backend", ["spacy"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=valid_article | article_like)
def test_random_articles_through_the_spacy_backend(backend: str, document: object) -> None:
    run_through_worker(key_for(document), encode(document), backend)
