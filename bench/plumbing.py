"""(b) The plumbing ceiling: the same records copied from one topic to another by a bare aiokafka
consumer and producer, with the worker's delivery rule (offsets committed after the copies are
acknowledged), and no decoding, validation or extraction. Nothing that moves records through
Kafka on this broker can be faster than this."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer

from bench.kafka import Record, delete_topics, new_producer, publish_all
from factwire.client import ensure_topics
from factwire.settings import Settings


@dataclass(frozen=True, slots=True)
class Passthrough:
    records: int
    seconds: float
    preload_records_per_s: float

    @property
    def records_per_s(self) -> float:
        return self.records / self.seconds

    @property
    def ms_per_record(self) -> float:
        return 1000 * self.seconds / self.records

    def as_dict(self) -> dict[str, float]:
        return {
            "records": self.records,
            "seconds": round(self.seconds, 3),
            "records_per_s": round(self.records_per_s, 1),
            "ms_per_record": round(self.ms_per_record, 4),
            "preload_records_per_s": round(self.preload_records_per_s, 1),
        }


async def passthrough(settings: Settings, records: Sequence[Record], run_id: str) -> Passthrough:
    options = settings.kafka_client_options()
    source, target = f"bench.{run_id}.pass.in", f"bench.{run_id}.pass.out"
    await ensure_topics(settings, [source, target])
    try:
        producer = new_producer(options)
        await producer.start()
        try:
            started = await publish_all(producer, source, records)
            preload_rate = len(records) / (time.monotonic() - started)
            seconds = await _copy(options, producer, source, target, len(records))
        finally:
            await producer.stop()
    finally:
        await delete_topics(options, [source, target])
    return Passthrough(len(records), seconds, preload_rate)


async def _copy(
    options: dict[str, Any], producer: Any, source: str, target: str, expected: int
) -> float:
    """Copy ``expected`` records; the clock starts at the first fetched batch (after the group
    join) and stops when the last copy is acknowledged and its offset committed."""
    consumer = AIOKafkaConsumer(
        source,
        **options,
        group_id=f"bench-pass-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    await consumer.start()
    try:
        copied = 0
        started: float | None = None
        while copied < expected:
            batches = await consumer.getmany(timeout_ms=1000, max_records=500)
            if not batches:
                continue
            if started is None:
                started = time.monotonic()
            pending = [
                await producer.send(target, value=m.value, key=m.key, headers=m.headers)
                for messages in batches.values()
                for m in messages
            ]
            for future in pending:
                await future
            await consumer.commit()
            copied += len(pending)
        assert started is not None
        return time.monotonic() - started
    finally:
        await consumer.stop()
