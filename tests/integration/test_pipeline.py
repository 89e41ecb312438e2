"""The pipeline on a real broker: Publisher -> `factwire worker` (a child process) -> Subscriber,
with malformed records going to the dead-letter topic untouched."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Callable, Iterator

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from factwire.cli import SAMPLES_DIR
from factwire.client import Publisher, Subscriber, ensure_topics
from factwire.client.files import ArticleItem, read_articles
from factwire.models import EnrichedArticle, RawArticle, content_sha256
from factwire.processes import start_worker_process, stop_process
from factwire.settings import Settings
from factwire.testing import KafkaContainer, default_image

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

PEOPLE = ["Ana Lima", "Tomas Eguren", "Helena Marques", "Peter Otieno", "Priya Lomax"]
PLACES = ["Lisbon", "Nairobi", "Brussels", "Valencia", "Porto"]


def unique_settings(bootstrap: str, extractor: str = "rules", **more: object) -> Settings:
    """Settings with topics and a group of their own, so that tests never see each other's data."""
    run = uuid.uuid4().hex[:8]
    values: dict[str, object] = {
        "bootstrap_servers": bootstrap,
        "raw_topic": f"test-{run}.raw",
        "enriched_topic": f"test-{run}.enriched",
        "dlq_topic": f"test-{run}.dlq",
        "group_id": f"test-{run}",
        "extractor": extractor,
        "topic_partitions": 3,
        "concurrency": 1 if extractor == "rules" else 0,
        "batch_wait_ms": 50,
    }
    return Settings(**{**values, **more})  # type: ignore[arg-type]


def article(number: int) -> RawArticle:
    person, place = PEOPLE[number % len(PEOPLE)], PLACES[number % len(PLACES)]
    body = (
        f"{person} said on Monday that the port of {place} would reopen after a strike that cost "
        f'$12 million. "We lost {number + 3} days of trade," {person} told reporters in {place}.'
    )
    return RawArticle(id=f"article-{number}", title=f"Port of {place} reopens", body=body)


async def collect(settings: Settings, count: int, within: float) -> list[EnrichedArticle]:
    """Enriched events from the beginning until ``count`` distinct articles arrived or ``within``
    passed (at-least-once delivery may repeat an article)."""
    found: list[EnrichedArticle] = []

    async def read() -> None:
        async with Subscriber(settings, from_beginning=True) as events:
            async for enriched in events:
                found.append(enriched)
                if len({e.article_id for e in found}) >= count:
                    return

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(read(), within)
    return found


async def read_all(settings: Settings, topic: str, count: int, within: float) -> list[object]:
    """Raw records (with headers) of ``topic`` from the beginning."""
    consumer = AIOKafkaConsumer(
        topic, **settings.kafka_client_options(), auto_offset_reset="earliest"
    )
    await consumer.start()
    records: list[object] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while len(records) < count and loop.time() < deadline:
            batches = await consumer.getmany(timeout_ms=500)
            for batch in batches.values():
                records.extend(batch)
    finally:
        await consumer.stop()
    return records


async def test_published_articles_come_back_enriched(kafka_bootstrap: str) -> None:
    settings = unique_settings(kafka_bootstrap)
    articles = [article(n) for n in range(20)]
    await ensure_topics(settings)
    with start_worker_process(settings) as worker:
        await asyncio.to_thread(worker.wait_until_ready)
        async with Publisher(settings) as publisher:
            results = await publisher.publish_many(articles)
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]

        enriched = await collect(settings, len(articles), within=90)

    assert sorted(e.article_id for e in enriched) == sorted(a.id for a in articles)
    by_id = {e.article_id: e for e in enriched}
    for raw in articles:
        event = by_id[raw.id]
        assert event.content_sha256 == content_sha256(raw.body)
        assert event.title == raw.title
        assert event.extractor.name == "rules"
        assert {"PERSON", "GPE"} <= {entity.type for entity in event.entities}


async def test_enriched_events_carry_cloudevents_and_trace_headers(kafka_bootstrap: str) -> None:
    settings = unique_settings(kafka_bootstrap)
    await ensure_topics(settings)
    trace_id = uuid.uuid4().hex
    raw = article(1)
    with start_worker_process(settings) as worker:
        await asyncio.to_thread(worker.wait_until_ready)
        producer = AIOKafkaProducer(**settings.kafka_client_options())
        await producer.start()
        try:
            await producer.send_and_wait(
                settings.raw_topic,
                raw.to_json(),
                key=raw.id.encode(),
                headers=[("traceparent", f"00-{trace_id}-00f067aa0ba902b7-01".encode())],
            )
        finally:
            await producer.stop()
        [record] = await read_all(settings, settings.enriched_topic, 1, within=60)

    headers = {k: v.decode() for k, v in record.headers}  # type: ignore[attr-defined]
    assert record.key == raw.id.encode()  # type: ignore[attr-defined]
    assert headers["content-type"] == "application/json"
    assert headers["ce_specversion"] == "1.0"
    assert headers["ce_id"] == f"{raw.id}:{content_sha256(raw.body)}"
    assert headers["ce_type"] and headers["ce_source"] and headers["ce_time"]
    assert headers["traceparent"].split("-")[1] == trace_id
    logged = [orjson.loads(line) for line in worker.log_path.read_bytes().splitlines()]
    [enriched_line] = [entry for entry in logged if entry.get("message") == "enriched"]
    assert enriched_line["trace_id"] == trace_id  # the worker's log line names the trace


async def test_malformed_records_are_dead_lettered_untouched_among_good_ones(
    kafka_bootstrap: str,
) -> None:
    settings = unique_settings(kafka_bootstrap, topic_partitions=1)
    await ensure_topics(settings)
    good = [article(n) for n in range(3)]
    sent: list[tuple[bytes | None, bytes, str]] = [
        (good[0].id.encode(), good[0].to_json(), "ok"),
        (b"broken-json", b'{"id": "broken-json", "body": ', "decode"),
        (None, good[1].to_json(), "decode"),  # no key
        (b"bad-fields", orjson.dumps({"id": "bad id!", "body": ""}), "validate"),
        (good[1].id.encode(), good[1].to_json(), "ok"),
        (b"\xff\xfe", b"\x00\x01 binary garbage \xff", "decode"),
        (good[2].id.encode(), good[2].to_json(), "ok"),
    ]
    offsets: dict[int, int] = {}
    producer = AIOKafkaProducer(**settings.kafka_client_options())
    await producer.start()
    try:
        for index, (key, value, _) in enumerate(sent):
            metadata = await producer.send_and_wait(settings.raw_topic, value, key=key)
            offsets[index] = metadata.offset
    finally:
        await producer.stop()

    with start_worker_process(settings) as worker:
        await asyncio.to_thread(worker.wait_until_ready)
        enriched = await collect(settings, len(good), within=60)
        dead = await read_all(settings, settings.dlq_topic, 4, within=30)

    assert sorted(e.article_id for e in enriched) == sorted(a.id for a in good)
    expected = [(i, k, v, stage) for i, (k, v, stage) in enumerate(sent) if stage != "ok"]
    assert len(dead) == len(expected)
    for record, (index, key, value, stage) in zip(dead, expected, strict=True):
        headers = {k: v.decode() for k, v in record.headers}  # type: ignore[attr-defined]
        assert record.key == key  # type: ignore[attr-defined]
        assert record.value == value  # type: ignore[attr-defined]
        assert headers["factwire.error.stage"] == stage
        assert headers["factwire.error.type"]
        assert 0 < len(headers["factwire.error.message"].encode()) <= 4096
        assert headers["factwire.source.topic"] == settings.raw_topic
        assert headers["factwire.source.partition"] == "0"
        assert headers["factwire.source.offset"] == str(offsets[index])
        assert headers["factwire.failed_at"].endswith("Z")


async def test_spacy_backend_through_the_worker(kafka_bootstrap: str) -> None:
    settings = unique_settings(kafka_bootstrap, extractor="spacy")
    articles = [i.article for i in read_articles([SAMPLES_DIR]) if isinstance(i, ArticleItem)]
    await ensure_topics(settings)
    with start_worker_process(settings) as worker:
        await asyncio.to_thread(worker.wait_until_ready, 180.0)
        async with Publisher(settings) as publisher:
            assert all(r.ok for r in await publisher.publish_many(articles))
        enriched = await collect(settings, len(articles), within=120)

    assert sorted(e.article_id for e in enriched) == sorted(a.id for a in articles)
    assert all(event.extractor.name == "spacy" and event.entities for event in enriched)
    types = {entity.type for event in enriched for entity in event.entities}
    assert {"PERSON", "ORG", "GPE", "MONEY", "PERCENT", "DATE"} <= types
    assert sum(claim.speaker is not None for event in enriched for claim in event.claims) >= 10


async def test_publisher_refuses_a_record_over_the_size_limit(kafka_bootstrap: str) -> None:
    settings = unique_settings(kafka_bootstrap, max_message_bytes=2_000)
    await ensure_topics(settings)
    small, large = article(1), RawArticle(id="too-large", body="word " * 1_000)
    async with Publisher(settings) as publisher:
        results = await publisher.publish_many([small, large])
    assert results[0].ok and results[0].offset is not None
    assert not results[1].ok
    assert results[1].error is not None and "over the limit of 2000" in results[1].error


async def test_no_article_is_lost_when_a_worker_joins_and_one_leaves_under_load(
    kafka_bootstrap: str,
) -> None:
    """A second worker joins while the first is saturated (the rebalance must complete), then
    the first is stopped mid-stream: every article still comes out enriched at least once."""
    settings = unique_settings(kafka_bootstrap, extractor="spacy", batch_size=8)
    samples = [i.article for i in read_articles([SAMPLES_DIR]) if isinstance(i, ArticleItem)]
    # Enough work that the first worker is still busy when the second has loaded its model.
    articles = [s.model_copy(update={"id": f"{s.id}-{n}"}) for n in range(24) for s in samples]
    await ensure_topics(settings)
    async with Publisher(settings) as publisher:
        assert all(r.ok for r in await publisher.publish_many(articles))

    with start_worker_process(settings) as first:
        await asyncio.to_thread(first.wait_until_ready, 180.0)
        with start_worker_process(settings) as second:
            # Ready means the pool is loaded and partitions are assigned: the rebalance is done.
            await asyncio.to_thread(second.wait_until_ready, 180.0)
            stop_process(first.process)
            enriched = await collect(settings, len(articles), within=240)
            second_log = second.log_path.read_text()

    assert {e.article_id for e in enriched} == {a.id for a in articles}
    assert '"message":"enriched"' in second_log  # the second worker took over some work
    # Repeats are allowed (at-least-once) but must be the same event for the same content.
    by_id: dict[str, EnrichedArticle] = {}
    for event in enriched:
        first_seen = by_id.setdefault(event.article_id, event)
        assert first_seen.content_sha256 == event.content_sha256


@pytest.fixture(scope="module")
def sasl_bootstrap(kafka_starter: Callable[[KafkaContainer], KafkaContainer]) -> Iterator[str]:
    """A second broker whose client listener wants SASL (PLAIN and SCRAM users)."""
    container = kafka_starter(KafkaContainer(default_image()).with_sasl({"reader": "r3ader-pw"}))
    try:
        yield container.get_bootstrap_server()
    finally:
        container.stop()


async def test_worker_and_clients_authenticate_with_sasl_scram(sasl_bootstrap: str) -> None:
    settings = unique_settings(
        sasl_bootstrap,
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="reader",
        sasl_password="r3ader-pw",
    )
    articles = [article(n) for n in range(3)]
    await ensure_topics(settings)
    with start_worker_process(settings) as worker:
        await asyncio.to_thread(worker.wait_until_ready)
        async with Publisher(settings) as publisher:
            assert all(r.ok for r in await publisher.publish_many(articles))
        enriched = await collect(settings, len(articles), within=60)
        log = worker.log_path.read_text()

    assert sorted(e.article_id for e in enriched) == sorted(a.id for a in articles)
    assert "r3ader-pw" not in log  # the password never reaches the logs
