"""Kafka helpers shared by the plumbing and end-to-end benchmarks: fresh topics, the benchmark's
records, bulk publishing, and a watcher that timestamps every record arriving on output topics."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from bench.corpus import CorpusArticle
from factwire.models import RawArticle

Record = tuple[bytes, bytes]


def make_records(
    articles: Sequence[CorpusArticle], run_id: str, start: int, count: int
) -> list[Record]:
    """Raw-article records ``start`` .. ``start + count - 1``, cycling through the corpus.

    Each record gets a unique id and a unique reference line at the end of its body, as real
    streams keep bringing new strings (names, numbers): that is what makes an unmanaged spaCy
    string store grow, and the memory benchmark should see it.
    """
    records: list[Record] = []
    for i in range(start, start + count):
        article = articles[i % len(articles)]
        key = f"bench-{run_id}-{i:06d}"
        raw = RawArticle(
            id=key,
            title=article.title,
            body=f"{article.body}\n\nRef. {run_id}-{i:06d}",
            source="factwire-bench",
            metadata={"corpus_id": article.id},
        )
        records.append((key.encode(), raw.to_json()))
    return records


async def delete_topics(options: dict[str, Any], names: Sequence[str]) -> None:
    admin = AIOKafkaAdminClient(**options)
    await admin.start()
    try:
        await admin.delete_topics(list(names))
    finally:
        await admin.close()


def new_producer(options: dict[str, Any], **extra: Any) -> AIOKafkaProducer:
    """A producer that batches records of a few KB well (aiokafka's default batch is 16 KB)."""
    settings: dict[str, Any] = {
        "acks": "all",
        "max_request_size": 2_000_000,
        "max_batch_size": 1_048_576,
        "linger_ms": 5,
    }
    return AIOKafkaProducer(**options, **(settings | extra))


async def publish_all(producer: AIOKafkaProducer, topic: str, records: Sequence[Record]) -> float:
    """Send every record as fast as the producer batches them; returns the time of the first
    send (``time.monotonic``). Returns after Kafka acknowledged all of them."""
    started = time.monotonic()
    pending = [await producer.send(topic, value=value, key=key) for key, value in records]
    await asyncio.gather(*pending)
    return started


@dataclass
class Watcher:
    """Reads output topics from the beginning and notes when each key first arrived."""

    options: dict[str, Any]
    enriched_topic: str
    dlq_topic: str
    arrived: dict[str, float] = field(default_factory=dict)
    dead: dict[str, float] = field(default_factory=dict)
    duplicates: int = 0
    entities: int = 0
    claims: int = 0
    extractors: set[str] = field(default_factory=set)
    _consumer: AIOKafkaConsumer | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def done(self) -> int:
        return len(self.arrived) + len(self.dead)

    async def start(self) -> None:
        self._consumer = AIOKafkaConsumer(
            self.enriched_topic,
            self.dlq_topic,
            **self.options,
            group_id=None,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=50,
            max_partition_fetch_bytes=8 * 1024 * 1024,
        )
        await self._consumer.start()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()

    async def wait_for(
        self, count: int, within: float, alive: Any = None, poll: float = 0.1
    ) -> None:
        """Until ``count`` records have arrived in all; ``alive()`` false or time up raise."""
        deadline = time.monotonic() + within
        while self.done < count:
            if alive is not None and not alive():
                raise BenchError(f"the worker exited with {self.done} of {count} records done")
            if time.monotonic() > deadline:
                raise BenchError(f"timed out after {within:.0f} s: {self.done} of {count} done")
            await asyncio.sleep(poll)

    async def _run(self) -> None:
        assert self._consumer is not None
        while True:
            batches = await self._consumer.getmany(timeout_ms=200, max_records=1000)
            now = time.monotonic()
            for tp, messages in batches.items():
                for message in messages:
                    self._note(tp.topic, message.key, message.value, now)

    def _note(self, topic: str, key: bytes | None, value: bytes | None, now: float) -> None:
        name = (key or b"").decode("utf-8", "replace")
        if topic == self.dlq_topic:
            self.dead.setdefault(name, now)
            return
        if name in self.arrived:
            self.duplicates += 1
            return
        self.arrived[name] = now
        event = orjson.loads(value or b"{}")
        self.entities += len(event.get("entities", []))
        self.claims += len(event.get("claims", []))
        self.extractors.add(str(event.get("extractor", {}).get("name")))


class BenchError(RuntimeError):
    """A benchmark could not complete its measurement."""
