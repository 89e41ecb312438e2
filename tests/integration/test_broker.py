"""The test broker itself: reachable at its published address, round trips records, makes topics.

Also the local broker `factwire broker` runs from the jar cache (no container).

Also a SASL_PLAINTEXT broker with PLAIN and SCRAM users, the way services with credentials are
tested (factwire.testing.KafkaContainer.with_sasl).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from factwire.localkafka import LocalBroker
from factwire.localkafka.probe import fetch_brokers
from factwire.testing import KafkaContainer, default_image


def unique(name: str) -> str:
    return f"{name}.{uuid.uuid4().hex[:8]}"


async def consume(bootstrap: str, topic: str, count: int, **options: object) -> list[tuple]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=unique("test-broker"),
        auto_offset_reset="earliest",
        **options,
    )
    await consumer.start()
    received: list[tuple] = []
    try:
        async with asyncio.timeout(60):
            async for record in consumer:
                received.append((record.key, record.value, tuple(record.headers)))
                if len(received) == count:
                    break
    finally:
        await consumer.stop()
    return received


def test_broker_advertises_the_address_clients_reach(kafka_bootstrap: str) -> None:
    host, port = kafka_bootstrap.rsplit(":", 1)
    brokers = fetch_brokers(host, int(port))
    assert [(b.host, b.port) for b in brokers] == [(host, int(port))]


async def test_records_round_trip_with_keys_and_headers(kafka_bootstrap: str) -> None:
    topic = unique("broker.roundtrip")
    sent = [
        (f"key-{i}".encode(), f"value {i} é".encode(), (("h", str(i).encode()),)) for i in range(20)
    ]
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        for key, value, headers in sent:
            await producer.send_and_wait(topic, value, key=key, headers=list(headers))
    finally:
        await producer.stop()

    assert await consume(kafka_bootstrap, topic, len(sent)) == sent


async def test_topics_are_created_with_their_partitions(kafka_bootstrap: str) -> None:
    topic = unique("broker.created")
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1)])
        assert topic in await admin.list_topics()
    finally:
        await admin.close()

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        assert await producer.partitions_for(topic) == {0, 1, 2}
    finally:
        await producer.stop()


@pytest.fixture(scope="module")
def sasl_kafka(
    kafka_starter: Callable[[KafkaContainer], KafkaContainer],
) -> Iterator[KafkaContainer]:
    container = kafka_starter(
        KafkaContainer(default_image()).with_sasl({"alice": "alice-secret", "bob": "bob-secret"})
    )
    try:
        yield container
    finally:
        container.stop()


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
async def test_sasl_users_produce_and_consume(sasl_kafka: KafkaContainer, mechanism: str) -> None:
    bootstrap = sasl_kafka.get_bootstrap_server()
    credentials = {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": mechanism,
        "sasl_plain_username": "alice",
        "sasl_plain_password": "alice-secret",
    }
    topic = unique("broker.sasl")
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, **credentials)
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"hello", key=b"k")
    finally:
        await producer.stop()

    assert await consume(bootstrap, topic, 1, **credentials) == [(b"k", b"hello", ())]


async def test_sasl_rejects_a_wrong_password(sasl_kafka: KafkaContainer) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=sasl_kafka.get_bootstrap_server(),
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-256",
        sasl_plain_username="bob",
        sasl_plain_password="not-bob-secret",
    )
    with pytest.raises(KafkaError):
        await producer.start()
    await producer.stop()


async def test_local_broker_from_the_jar_cache_serves_clients(tmp_path: Path) -> None:
    broker = LocalBroker(data_dir=tmp_path)
    await asyncio.to_thread(broker.start)
    try:
        assert broker.bootstrap.startswith("127.0.0.1:")
        topic = unique("broker.local")
        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(topic, b"local", key=b"k")
        finally:
            await producer.stop()
        assert await consume(broker.bootstrap, topic, 1) == [(b"k", b"local", ())]
    finally:
        await asyncio.to_thread(broker.stop)

    assert not broker.running
    assert "Kafka Server started" in (tmp_path / "broker.log").read_text()
