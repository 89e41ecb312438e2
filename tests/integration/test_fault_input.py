"""Hostile input and poison pills through a real worker on a real broker: every bad record is
dead-lettered untouched with its stage and type, the good records around it are enriched, the
worker keeps running and its committed offset reaches the end of the partition."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from factwire.client import ensure_topics
from factwire.enricher.faults import HOOK_ENV
from factwire.models import DEFAULT_MAX_BODY_CHARS, RawArticle
from factwire.settings import Settings

from .faults_hooks import LOG_ENV
from .faults_support import (
    HOOK,
    Outputs,
    Raw,
    as_raw,
    fault_settings,
    good_article,
    headers_of,
    send_raw,
    worker,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

BODY = "Ana Lima said the port of Lisbon would reopen on Monday."


def doc(**fields: object) -> bytes:
    return orjson.dumps({"id": "bad-1", "body": BODY, **fields})


# (key, value, stage, error type)
HOSTILE: list[tuple[bytes | None, bytes | None, str, str]] = [
    (b"bad-1", b"Ana Lima said the port would reopen", "decode", "InvalidJSON"),
    (b"bad-1", b"", "decode", "InvalidJSON"),
    (b"bad-1", None, "decode", "MissingValue"),
    (b"bad-1", b"[1, 2, 3]", "validate", "ValidationError"),
    (b"bad-1", b'"just a string"', "validate", "ValidationError"),
    (b"bad-1", b'{"id": "bad-1"}', "validate", "ValidationError"),
    (b"bad-1", doc(body=42), "validate", "ValidationError"),
    (b"bad-1", doc(metadata={"k": [1]}), "validate", "ValidationError"),
    (b"bad 1", orjson.dumps({"id": "bad 1", "body": BODY}), "validate", "ValidationError"),
    (b"bad-1", doc(body=""), "validate", "ValidationError"),
    (b"bad-1", doc(body=" \n\t "), "validate", "ValidationError"),
    (b"bad-1", doc(body="x" * (DEFAULT_MAX_BODY_CHARS + 1)), "validate", "ValidationError"),
    (b"bad-1", b'{"id": "bad-1", "body": "caf\xe9 \xff\xfe"}', "decode", "InvalidJSON"),
    (b"bad-1", b"\x00\x01\x02\xff binary", "decode", "InvalidJSON"),
    (b"bad-1", doc(body="Ana\u0000Lima"), "validate", "ControlCharacters"),
    (b"bad-1", doc(body="Ana \u001b[31mLima\u0007"), "validate", "ControlCharacters"),
    (b"bad-1", b'{"id": "bad-1", "body": "x", "m": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "decode", "InvalidJSON"),
    (None, doc(), "decode", "MissingKey"),
    (b"\xff\xfe", doc(), "decode", "InvalidKey"),
    (b"bad-2", doc(), "validate", "KeyMismatch"),
]  # fmt: skip

ODD_BUT_GOOD = [
    RawArticle(id="odd-pt", body="O presidente Lula disse em Brasília que o porto reabre."),
    RawArticle(id="odd-zh", body="国家主席习近平周一表示，上海港将重新开放。"),
    RawArticle(
        id="odd-html",
        title="<h1>Port</h1>",
        body='<p>Ana Lima <b>said</b> the port of <a href="/x">Lisbon</a> reopens.</p>',
    ),
]


async def committed_offset(settings: Settings, partition: int = 0) -> int:
    admin = AIOKafkaAdminClient(**settings.kafka_client_options())
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(settings.group_id)
    finally:
        await admin.close()
    found = offsets.get(TopicPartition(settings.raw_topic, partition))
    return found.offset if found is not None else -1


async def wait_for_commit(settings: Settings, end: int, within: float = 30.0) -> int:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    offset = -1
    while loop.time() < deadline:
        offset = await committed_offset(settings)
        if offset >= end:
            return offset
        await asyncio.sleep(0.5)
    return offset


async def test_hostile_records_are_dead_lettered_among_good_ones(kafka_bootstrap: str) -> None:
    settings = fault_settings(kafka_bootstrap)
    await ensure_topics(settings)
    good = [good_article(n) for n in range(len(HOSTILE) + 1)] + ODD_BUT_GOOD
    records: list[Raw] = []
    expected: list[tuple[int, bytes | None, bytes | None, str, str]] = []
    for index, (key, value, stage, error_type) in enumerate(HOSTILE):
        records.append(as_raw(good[index]))
        expected.append((len(records), key, value, stage, error_type))
        records.append((key, value))
    records.extend(as_raw(article) for article in good[len(HOSTILE) :])
    positions = await send_raw(settings, records)

    async with Outputs(settings) as out:
        with worker(settings) as process:
            await asyncio.to_thread(process.wait_until_ready)
            await out.wait_until(
                lambda o: len(o.enriched) >= len(good) and len(o.dead) >= len(HOSTILE),
                within=90,
                what="every record's outcome",
            )
            committed = await wait_for_commit(settings, end=positions[-1][1] + 1)
            assert process.process.poll() is None, process.log_tail()
            await asyncio.sleep(1)  # anything more would be a duplicate or a stray

        assert sorted(out.enriched_ids()) == sorted(a.id for a in good)
        assert len(out.dead) == len(HOSTILE)
        for record, (index, key, value, stage, error_type) in zip(out.dead, expected, strict=True):
            headers = headers_of(record)
            assert (record.key, record.value) == (key, value), index
            assert (headers["factwire.error.stage"], headers["factwire.error.type"]) == (
                stage,
                error_type,
            ), headers["factwire.error.message"]
            assert headers["factwire.source.offset"] == str(positions[index][1])
            assert BODY not in headers["factwire.error.message"]
    assert committed == positions[-1][1] + 1


async def test_poison_pills_are_retried_then_dead_lettered_and_the_partition_moves_on(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = fault_settings(
        kafka_bootstrap, extract_retries=2, batch_size=8, extract_timeout_s=4.0
    )
    await ensure_topics(settings)
    calls = tmp_path / "hook-calls.txt"
    good = [good_article(n) for n in range(30)]
    poison = [
        RawArticle(id="poison-raise-1", body=BODY),
        RawArticle(id="poison-exit-2", body=BODY),
        RawArticle(id="poison-raise-3", body=BODY),
        RawArticle(id="poison-hang-4", body=BODY),
    ]
    records = [as_raw(a) for a in good[:10]]
    records += [as_raw(poison[0]), *map(as_raw, good[10:20]), as_raw(poison[1]), as_raw(poison[2])]
    records += [*map(as_raw, good[20:25]), as_raw(poison[3]), *map(as_raw, good[25:])]
    positions = await send_raw(settings, records)

    env = {HOOK_ENV: HOOK, LOG_ENV: str(calls)}
    async with Outputs(settings) as out:
        with worker(settings, env) as process:
            await asyncio.to_thread(process.wait_until_ready)
            seconds = await out.wait_until(
                lambda o: len(o.enriched) >= len(good) and len(o.dead) >= len(poison),
                within=120,
                what="good articles enriched, poison pills dead-lettered",
            )
            committed = await wait_for_commit(settings, end=positions[-1][1] + 1)
            assert process.process.poll() is None, process.log_tail()

    assert sorted(out.enriched_ids()) == sorted(a.id for a in good)
    assert [r.key.decode() for r in out.dead] == [p.id for p in poison]
    types = [headers_of(r)["factwire.error.type"] for r in out.dead]
    assert [headers_of(r)["factwire.error.stage"] for r in out.dead] == ["extract"] * 4
    assert types == ["InjectedFault", "BrokenProcessPool", "InjectedFault", "ExtractTimeoutError"]
    attempts = calls.read_text().split()
    for pill in poison:
        # Once in its chunk (unless a neighbour broke the chunk first), then alone per retry.
        assert 1 <= attempts.count(pill.id) <= 1 + settings.extract_retries, attempts
    assert committed == positions[-1][1] + 1
    print(f"poison pills: {len(poison)} dead-lettered, {len(good)} enriched in {seconds:.1f} s")
