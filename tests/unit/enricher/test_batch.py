"""A batch of raw records: every record ends as an enriched event, a dead letter or a known
duplicate, in input order, and only once Kafka has acknowledged the outputs."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest

from factwire.enricher.batch import BatchProcessor, PublishError, Record, SeenContent
from factwire.enricher.headers import Headers, SourcePosition, header_value
from factwire.enricher.pool import Enriched, ExtractFailure
from factwire.models import RawArticle, utc_now
from factwire.settings import Settings


class FakePool:
    """Enriches every article except those whose body contains 'CRASH'."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def enrich(self, raws: Sequence[RawArticle]) -> list[Enriched | ExtractFailure]:
        self.seen.extend(r.id for r in raws)
        return [
            ExtractFailure("ExtractionError", "backend gave up")
            if "CRASH" in r.body
            else Enriched(
                r.id,
                r.content_sha256(),
                b'{"article_id":"%s"}' % r.id.encode(),
                1,
                0,
                1.0,
                utc_now(),
            )
            for r in raws
        ]


@dataclass
class Sink:
    """Records what was sent; each send resolves (or fails) when ``ack`` says so."""

    fail_with: Exception | None = None
    sent: list[tuple[bytes | None, bytes | None, Headers]] = field(default_factory=list)
    acked: list[bytes | None] = field(default_factory=list)

    async def __call__(
        self, key: bytes | None, value: bytes | None, headers: Headers
    ) -> Awaitable[Any]:
        self.sent.append((key, value, headers))
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.fail_with is not None:
            future.set_exception(self.fail_with)
        else:
            future.set_result(None)
            self.acked.append(key)
        return future


def record(offset: int, key: bytes | None, value: bytes | None) -> Record:
    return Record(key, value, [], SourcePosition("articles.raw", 0, offset))


def article(article_id: str, body: str = "Ana Lima said the port would reopen.") -> bytes:
    return orjson.dumps({"id": article_id, "body": body})


def processor(enriched: Sink, dead: Sink, pool: FakePool | None = None) -> BatchProcessor:
    return BatchProcessor(Settings(), pool or FakePool(), enriched, dead)


async def test_good_records_are_enriched_and_bad_ones_dead_lettered_untouched() -> None:
    enriched, dead = Sink(), Sink()
    bad_value = b"{not json"
    await processor(enriched, dead).process(
        [
            record(0, b"a", article("a")),
            record(1, b"x", bad_value),
            record(2, None, article("c")),
            record(3, b"d", article("d", "CRASH here")),
            record(4, b"e", article("e")),
        ]
    )
    assert [k for k, _, _ in enriched.sent] == [b"a", b"e"]
    assert [(k, v) for k, v, _ in dead.sent] == [
        (b"x", bad_value),
        (None, article("c")),
        (b"d", article("d", "CRASH here")),
    ]
    stages = [header_value(h, "factwire.error.stage") for _, _, h in dead.sent]
    assert stages == [b"decode", b"decode", b"extract"]
    offsets = [header_value(h, "factwire.source.offset") for _, _, h in dead.sent]
    assert offsets == [b"1", b"2", b"3"]


async def test_content_already_enriched_is_skipped() -> None:
    enriched, dead, pool = Sink(), Sink(), FakePool()
    batch = processor(enriched, dead, pool)
    await batch.process([record(0, b"a", article("a")), record(1, b"a", article("a"))])
    await batch.process([record(2, b"a", article("a")), record(3, b"a", article("a", "New text."))])
    assert pool.seen == [
        "a",
        "a",
    ]  # the repeat in the batch and in the next batch never reach extraction
    assert len(enriched.sent) == 2
    assert batch.metrics.sample("factwire_duplicates_total") == 2


async def test_an_enriched_event_kafka_refuses_goes_to_the_dead_letter_topic() -> None:
    enriched, dead = Sink(fail_with=ValueError("MessageSizeTooLargeError")), Sink()
    await processor(enriched, dead).process([record(0, b"a", article("a"))])
    assert [header_value(h, "factwire.error.stage") for _, _, h in dead.sent] == [b"publish"]
    assert dead.sent[0][1] == article("a")


async def test_a_dead_letter_kafka_refuses_fails_the_batch() -> None:
    enriched, dead = Sink(), Sink(fail_with=ConnectionError("broker gone"))
    with pytest.raises(PublishError):
        await processor(enriched, dead).process([record(0, b"x", b"not json")])


def test_seen_content_forgets_the_oldest_pair_beyond_its_capacity() -> None:
    seen = SeenContent(capacity=2)
    for pair in (("a", "1"), ("b", "1"), ("c", "1")):
        seen.add(pair)
    assert ("a", "1") not in seen
    assert ("b", "1") in seen and ("c", "1") in seen


async def test_a_repeat_of_an_article_that_failed_is_dead_lettered_too() -> None:
    enriched, dead = Sink(), Sink()
    poison = article("p", "CRASH again")
    await processor(enriched, dead).process([record(0, b"p", poison), record(1, b"p", poison)])
    assert enriched.sent == []
    assert [header_value(h, "factwire.source.offset") for _, _, h in dead.sent] == [b"0", b"1"]
