"""Dead letters an operator can act on: read them, filter them, preview them, replay them.

The dead-letter topic holds each refused raw record byte for byte with ``factwire.error.*``
and ``factwire.source.*`` headers (docs/contract.md, "On dead letters"). ``read_dead_letters``
reads the topic from the beginning to its end at the time of the call (no consumer group,
nothing committed); ``replay`` sends selected dead letters back to the raw topic, keyed so that the
worker accepts them, with a ``factwire.replay.of`` header naming the dead letter.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from factwire.client.errors import ClientError
from factwire.settings import Settings

REPLAY_HEADER = "factwire.replay.of"
PREVIEW_BYTES = 2048
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class DeadLetterError(ClientError):
    """The dead-letter topic can't be read, or a selection names no dead letter."""


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """One record of the dead-letter topic, with its error and source headers parsed."""

    partition: int
    offset: int
    timestamp_ms: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key == name:
                return value.decode("utf-8", "replace")
        return None

    @property
    def position(self) -> str:
        """``PARTITION:OFFSET`` in the dead-letter topic."""
        return f"{self.partition}:{self.offset}"

    @property
    def stage(self) -> str | None:
        return self.header("factwire.error.stage")

    @property
    def error_type(self) -> str | None:
        return self.header("factwire.error.type")

    @property
    def failed_at(self) -> datetime:
        """When the worker refused the record (its header; else the record's timestamp)."""
        stamp = self.header("factwire.failed_at")
        if stamp:
            try:
                return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            except ValueError:
                pass
        return datetime.fromtimestamp(self.timestamp_ms / 1000, UTC)

    def summary(self) -> dict[str, Any]:
        """The fields ``factwire dlq list`` shows, JSON-ready (never the record's value)."""
        source_partition = self.header("factwire.source.partition")
        source_offset = self.header("factwire.source.offset")
        return {
            "partition": self.partition,
            "offset": self.offset,
            "key": safe_text(self.key, 200) if self.key is not None else None,
            "stage": self.stage,
            "type": self.error_type,
            "message": self.header("factwire.error.message"),
            "source_topic": self.header("factwire.source.topic"),
            "source_partition": int(source_partition) if source_partition else None,
            "source_offset": int(source_offset) if source_offset else None,
            "failed_at": self.failed_at.isoformat().replace("+00:00", "Z"),
        }


@dataclass(frozen=True, slots=True)
class Selection:
    """Which dead letters to act on: every criterion given must hold (none given: all)."""

    positions: frozenset[str] = frozenset()  # "OFFSET" (any partition) or "PARTITION:OFFSET"
    stage: str | None = None
    error_type: str | None = None
    since: datetime | None = None

    def matches(self, letter: DeadLetter) -> bool:
        if self.positions and not (
            letter.position in self.positions or str(letter.offset) in self.positions
        ):
            return False
        if self.stage is not None and letter.stage != self.stage:
            return False
        if self.error_type is not None and letter.error_type != self.error_type:
            return False
        return self.since is None or letter.failed_at >= self.since


def parse_position(text: str) -> str:
    """``OFFSET`` or ``PARTITION:OFFSET`` (whole numbers), normalised; else DeadLetterError."""
    parts = text.strip().split(":")
    if len(parts) > 2 or not all(part.isdigit() for part in parts):
        raise DeadLetterError(f"{text!r}: expected OFFSET or PARTITION:OFFSET (whole numbers)")
    return ":".join(str(int(part)) for part in parts)


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """A time from ``2026-05-01T12:00:00Z`` (zone-less means UTC) or a duration ago (``90m``)."""
    match = _DURATION.match(text.strip().lower())
    if match:
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        return (now or datetime.now(UTC)) - timedelta(seconds=seconds)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise DeadLetterError(
            f"{text!r}: expected an ISO 8601 time (2026-05-01T12:00:00Z) or a duration "
            "such as 30m, 2h, 1d"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def safe_text(data: bytes, limit: int = PREVIEW_BYTES) -> str:
    """A printable preview of any bytes: UTF-8 where it decodes, ``\\xNN`` for what doesn't,
    control characters escaped, cut after ``limit`` bytes with a note of what was left out."""
    head = data[:limit]
    text = head.decode("utf-8", "backslashreplace")
    text = "".join(_printable(char) for char in text)
    if len(data) > limit:
        text += f" … ({len(data) - limit} more bytes)"
    return text


def _printable(char: str) -> str:
    if char in "\n\t" or (char.isprintable() and char != "\x7f"):
        return char
    return char.encode("unicode_escape").decode("ascii")


async def read_dead_letters(settings: Settings, *, within: float = 30.0) -> list[DeadLetter]:
    """Every record of the dead-letter topic up to its end when called, in partition order."""
    topic = settings.dlq_topic
    admin = AIOKafkaAdminClient(**settings.kafka_client_options(AIOKafkaAdminClient))
    await admin.start()
    try:
        if topic not in await admin.list_topics():
            raise DeadLetterError(f"topic {topic!r} does not exist (FACTWIRE_DLQ_TOPIC)")
    finally:
        await admin.close()
    # Without a group the consumer is given every partition of the topic when it starts.
    consumer = AIOKafkaConsumer(
        topic,
        **settings.kafka_client_options(AIOKafkaConsumer),
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        tps = sorted(consumer.assignment())
        ends = await consumer.end_offsets(tps)
        await consumer.seek_to_beginning(*tps)
        try:
            async with asyncio.timeout(within):
                return await _read_until(consumer, ends)
        except TimeoutError:
            raise DeadLetterError(
                f"could not read {topic!r} to its end within {within:.0f} s"
            ) from None
    finally:
        await consumer.stop()


async def _read_until(
    consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]
) -> list[DeadLetter]:
    letters: list[DeadLetter] = []
    todo = {tp for tp, end in ends.items() if end > 0}
    while todo:
        for tp in list(todo):
            if await consumer.position(tp) >= ends[tp]:
                todo.discard(tp)
        if not todo:
            break
        batches = await consumer.getmany(*todo, timeout_ms=500)
        for tp, records in batches.items():
            letters.extend(_letter(r) for r in records if r.offset < ends[tp])
    return sorted(letters, key=lambda letter: (letter.partition, letter.offset))


def _letter(record: Any) -> DeadLetter:
    return DeadLetter(
        partition=record.partition,
        offset=record.offset,
        timestamp_ms=record.timestamp,
        key=record.key,
        value=record.value,
        headers=tuple(record.headers or ()),
    )


def select(letters: Iterable[DeadLetter], selection: Selection) -> list[DeadLetter]:
    return [letter for letter in letters if selection.matches(letter)]


@dataclass(frozen=True, slots=True)
class Replayed:
    """One dead letter sent back (or, in a dry run, that would be) to the raw topic."""

    position: str
    key: str
    rekeyed: bool
    raw_partition: int | None = None
    raw_offset: int | None = None


@dataclass(frozen=True, slots=True)
class NotReplayed:
    position: str
    reason: str


@dataclass
class ReplayReport:
    """What ``replay`` did, for the summary line and ``--json``."""

    dry_run: bool
    replayed: list[Replayed] = field(default_factory=list)
    skipped: list[NotReplayed] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "replayed": [vars_of(r) for r in self.replayed],
            "skipped": [vars_of(s) for s in self.skipped],
        }


def vars_of(item: Replayed | NotReplayed) -> dict[str, Any]:
    return {name: getattr(item, name) for name in item.__slots__}


def replay_key(letter: DeadLetter) -> bytes | None:
    """The key the record should have had: the body's ``id`` where the body has one, else the
    original key (None when neither exists: the record can't be keyed)."""
    body_id = _body_id(letter.value)
    if body_id is not None:
        return body_id.encode()
    return letter.key


def _body_id(value: bytes | None) -> str | None:
    if not value:
        return None
    try:
        document = orjson.loads(value)
    except orjson.JSONDecodeError:
        return None
    if isinstance(document, dict) and isinstance(document.get("id"), str) and document["id"]:
        return str(document["id"])
    return None


def replay_headers(letter: DeadLetter, dlq_topic: str) -> list[tuple[str, bytes]]:
    """The original record's headers (trace context included), without factwire's error and
    source headers, plus ``factwire.replay.of: TOPIC/PARTITION/OFFSET``."""
    kept = [(k, v) for k, v in letter.headers if not k.startswith("factwire.")]
    origin = f"{dlq_topic}/{letter.partition}/{letter.offset}"
    return [*kept, (REPLAY_HEADER, origin.encode())]


async def replay(
    settings: Settings, letters: Sequence[DeadLetter], *, dry_run: bool = False
) -> ReplayReport:
    """Send ``letters`` back to the raw topic, in order, and wait for Kafka's acks."""
    report = ReplayReport(dry_run=dry_run)
    planned: list[tuple[DeadLetter, bytes]] = []
    for letter in letters:
        key = replay_key(letter)
        if key is None:
            report.skipped.append(NotReplayed(letter.position, "no key and no id in the body"))
        elif letter.value is None:
            report.skipped.append(NotReplayed(letter.position, "no value (a tombstone)"))
        else:
            planned.append((letter, key))
    if dry_run:
        report.replayed.extend(_replayed(letter, key) for letter, key in planned)
        return report
    if planned:
        await _send(settings, planned, report)
    return report


async def _send(
    settings: Settings, planned: list[tuple[DeadLetter, bytes]], report: ReplayReport
) -> None:
    producer = AIOKafkaProducer(
        **settings.kafka_client_options(AIOKafkaProducer),
        acks="all",
        max_request_size=settings.max_message_bytes,
    )
    await producer.start()
    try:
        acks = [
            await producer.send(
                settings.raw_topic,
                value=letter.value,
                key=key,
                headers=replay_headers(letter, settings.dlq_topic),
            )
            for letter, key in planned
        ]
        for (letter, key), ack in zip(planned, acks, strict=True):
            try:
                metadata = await ack
            except Exception as exc:  # the broker refused this one: report it, go on
                report.skipped.append(NotReplayed(letter.position, f"{type(exc).__name__}: {exc}"))
                continue
            report.replayed.append(_replayed(letter, key, metadata.partition, metadata.offset))
    finally:
        await producer.stop()


def _replayed(
    letter: DeadLetter, key: bytes, partition: int | None = None, offset: int | None = None
) -> Replayed:
    return Replayed(
        position=letter.position,
        key=safe_text(key, 200),
        rekeyed=key != letter.key,
        raw_partition=partition,
        raw_offset=offset,
    )
