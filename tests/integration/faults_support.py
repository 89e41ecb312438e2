"""What the fault-injection tests share: their own topics, raw records sent as bytes, a reader
that watches the enriched and dead-letter topics, and a worker process with extra variables."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from factwire.models import EnrichedArticle, RawArticle
from factwire.processes import WorkerProcess, start_worker_process
from factwire.settings import Settings

from .settings_support import own_settings

TESTS_DIR = Path(__file__).parent.parent
HOOK = "integration.faults_hooks:by_id"
PEOPLE = ["Ana Lima", "Tomas Eguren", "Helena Marques", "Peter Otieno", "Priya Lomax"]
PLACES = ["Lisbon", "Nairobi", "Brussels", "Valencia", "Porto"]


def fault_settings(bootstrap: str, **more: Any) -> Settings:
    """Topics and a group of the test's own; the rules extractor in one process (fast)."""
    return own_settings(bootstrap, "faults", **more)


def good_article(number: int, prefix: str = "good") -> RawArticle:
    person, place = PEOPLE[number % len(PEOPLE)], PLACES[number % len(PLACES)]
    body = (
        f"{person} said on Monday that the port of {place} would reopen after a strike that cost "
        f'${number + 2} million. "We lost {number % 9 + 3} days of trade," {person} told '
        f"reporters in {place}."
    )
    return RawArticle(id=f"{prefix}-{number}", title=f"Port of {place} reopens", body=body)


Raw = tuple[bytes | None, bytes | None]


def as_raw(article: RawArticle) -> Raw:
    return article.id.encode(), article.to_json()


async def send_raw(
    settings: Settings, records: list[Raw], **producer_options: Any
) -> list[tuple[int, int]]:
    """Send records as they are (any bytes, any key); returns (partition, offset) of each."""
    producer = AIOKafkaProducer(
        **settings.kafka_client_options(),
        acks="all",
        max_request_size=2_000_000,
        **producer_options,
    )
    await producer.start()
    try:
        pending = [
            await producer.send(settings.raw_topic, value=value, key=key) for key, value in records
        ]
        done = await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return [(m.partition, m.offset) for m in done]


@dataclass
class Outputs:
    """Reads the enriched and dead-letter topics from the beginning, in the background."""

    settings: Settings
    enriched: list[Any] = field(default_factory=list)
    dead: list[Any] = field(default_factory=list)
    _task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Self:
        consumer = AIOKafkaConsumer(
            self.settings.enriched_topic,
            self.settings.dlq_topic,
            **self.settings.kafka_client_options(),
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            isolation_level="read_committed",  # what a consumer of a transactional worker reads
            fetch_max_bytes=8_000_000,
            max_partition_fetch_bytes=4_000_000,
        )
        await consumer.start()
        self._task = asyncio.create_task(self._read(consumer))
        return self

    async def _read(self, consumer: AIOKafkaConsumer) -> None:
        try:
            while True:
                batches = await consumer.getmany(timeout_ms=300)
                for tp, records in batches.items():
                    target = (
                        self.enriched if tp.topic == self.settings.enriched_topic else self.dead
                    )
                    target.extend(records)
        finally:
            await consumer.stop()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def wait_until(
        self, condition: Callable[[Outputs], bool], within: float, what: str = ""
    ) -> float:
        """Seconds until ``condition`` held; raises TimeoutError after ``within`` seconds."""
        started = time.monotonic()
        while not condition(self):
            if self._task is not None and self._task.done():
                self._task.result()
            if time.monotonic() - started > within:
                raise TimeoutError(f"not within {within:.0f} s: {what} ({self.summary()})")
            await asyncio.sleep(0.2)
        return time.monotonic() - started

    def summary(self) -> str:
        return f"{len(self.enriched)} enriched, {len(self.dead)} dead letters"

    def enriched_ids(self) -> list[str]:
        return [record.key.decode() for record in self.enriched]

    def dead_keys(self) -> list[bytes | None]:
        return [record.key for record in self.dead]

    def events(self) -> list[EnrichedArticle]:
        return [EnrichedArticle.from_json(record.value) for record in self.enriched]


def headers_of(record: Any) -> dict[str, str]:
    return {k: v.decode("utf-8", "replace") for k, v in record.headers}


@contextlib.contextmanager
def worker(settings: Settings, env: Mapping[str, str] | None = None) -> Iterator[WorkerProcess]:
    """``factwire worker`` as a child process with ``env`` added to its environment."""
    added = {"PYTHONPATH": os.pathsep.join([str(TESTS_DIR), os.environ.get("PYTHONPATH", "")])}
    with start_worker_process(settings, env={**added, **(env or {})}) as process:
        yield process


def worker_log(process: WorkerProcess) -> str:
    return process.log_path.read_text(encoding="utf-8", errors="replace")
