"""`factwire dlq` on a real broker with a real worker: a record dead-lettered for its missing key
is listed, shown, replayed under the body's id and comes back enriched, once; a second replay of
the same dead letter yields no second enriched event (the worker's dedup)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import urllib.request

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from factwire.client import deadletters as dl
from factwire.client import ensure_topics
from factwire.settings import Settings

from .faults_support import Outputs, as_raw, fault_settings, good_article, headers_of, send_raw
from .faults_support import worker as worker_process

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]


def factwire(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """``factwire ARGS`` in a child process configured for ``settings``' topics."""
    return subprocess.run(
        [sys.executable, "-m", "factwire.cli", *args],
        env={**os.environ, **settings.environment()},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def test_a_keyless_record_is_replayed_under_its_id_and_enriched_once(
    kafka_bootstrap: str,
) -> None:
    settings = fault_settings(kafka_bootstrap)
    await ensure_topics(settings)
    lost, good = good_article(1, prefix="keyless"), good_article(2)
    await send_raw(settings, [(None, lost.to_json()), as_raw(good)])

    async with Outputs(settings) as out:
        with worker_process(settings) as process:
            await asyncio.to_thread(process.wait_until_ready)
            await out.wait_until(lambda o: o.enriched and o.dead, within=90, what="both outcomes")

            listed = await asyncio.to_thread(factwire, settings, "dlq", "list", "--json")
            assert listed.returncode == 0, listed.stderr
            rows = [orjson.loads(line) for line in listed.stdout.splitlines()]
            assert [(r["key"], r["stage"], r["type"]) for r in rows] == [
                (None, "decode", "MissingKey")
            ]
            assert (rows[0]["source_topic"], rows[0]["source_offset"]) == (settings.raw_topic, 0)
            position = f"{rows[0]['partition']}:{rows[0]['offset']}"

            shown = await asyncio.to_thread(factwire, settings, "dlq", "show", position)
            assert shown.returncode == 0, shown.stderr
            assert "factwire.error.type: MissingKey" in shown.stdout
            assert '"id":"keyless-1"' in shown.stdout

            dry = await asyncio.to_thread(factwire, settings, "dlq", "replay", "--all", "--dry-run")
            assert dry.returncode == 0, dry.stderr
            assert "would replay 1 of 1" in dry.stderr
            await asyncio.sleep(2)
            assert out.enriched_ids() == [good.id]  # a dry run sends nothing

            replayed = await asyncio.to_thread(
                factwire, settings, "dlq", "replay", "--type", "MissingKey"
            )
            assert replayed.returncode == 0, replayed.stderr
            assert "replayed 1 of 1" in replayed.stderr
            await out.wait_until(lambda o: len(o.enriched) >= 2, within=60, what="the replay")
            assert out.enriched_ids() == [good.id, lost.id]
            assert "traceparent" in headers_of(out.enriched[1])

            # The same dead letter again, through the library: the worker has that content.
            letters = await dl.read_dead_letters(settings)
            report = await dl.replay(settings, letters)
            assert [(r.key, r.rekeyed) for r in report.replayed] == [(lost.id, True)]
            await asyncio.sleep(5)
            assert out.enriched_ids() == [good.id, lost.id]
            assert len(out.dead) == 1
            assert process.process.poll() is None, process.log_tail()
            assert "content already enriched" in process.log_path.read_text()

            scraped = await asyncio.to_thread(metrics_of, process.web_port)
    assert scraped['factwire_dead_letters_total{stage="decode",type="MissingKey"}'] == 1
    assert scraped["factwire_enriched_total"] == 2
    assert scraped["factwire_duplicates_total"] == 1
    assert scraped["factwire_end_to_end_latency_seconds_count"] == 2
    assert scraped["factwire_records_total"] == 4
    lag = f'factwire_consumer_lag{{partition="0",topic="{settings.raw_topic}"}}'
    assert scraped[lag] == 0  # everything read and committed


def metrics_of(port: int) -> dict[str, float]:
    """The worker's /metrics page as {sample with labels: value}."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    samples = (line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))
    return {name: float(value) for name, value in samples}


async def test_replayed_records_carry_the_replay_header(kafka_bootstrap: str) -> None:
    settings = fault_settings(kafka_bootstrap)
    await ensure_topics(settings)
    # A dead letter as the worker writes it, without a worker: key and id disagree.
    article = good_article(3, prefix="mismatch")
    trace = "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01"
    headers = [
        ("traceparent", trace.encode()),
        ("factwire.error.stage", b"validate"),
        ("factwire.error.type", b"KeyMismatch"),
    ]
    producer = AIOKafkaProducer(**settings.kafka_client_options(), acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(
            settings.dlq_topic, article.to_json(), key=b"wrong-key", headers=headers
        )
    finally:
        await producer.stop()

    letters = await dl.read_dead_letters(settings)
    assert [letter.error_type for letter in letters] == ["KeyMismatch"]
    report = await dl.replay(settings, letters)
    assert [(r.key, r.rekeyed, r.raw_offset) for r in report.replayed] == [(article.id, True, 0)]

    # The raw topic read the same way as the dead-letter topic.
    raw = await dl.read_dead_letters(fault_settings(kafka_bootstrap, dlq_topic=settings.raw_topic))
    assert [(r.key, r.value) for r in raw] == [(article.id.encode(), article.to_json())]
    assert raw[0].header(dl.REPLAY_HEADER) == f"{settings.dlq_topic}/0/0"
    assert raw[0].header("traceparent") == trace
    assert raw[0].header("factwire.error.type") is None
