"""``Publisher``: put raw articles on the raw topic and learn, per article, if Kafka has them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from aiokafka import AIOKafkaProducer

from factwire.client.errors import RecordTooLargeError
from factwire.client.tracing import publish_trace_headers
from factwire.models import RawArticle
from factwire.settings import Settings

Headers = list[tuple[str, bytes]]

# Kafka's per-record overhead (record batch header, lengths, attributes), counted generously.
RECORD_OVERHEAD_BYTES = 128


@dataclass(frozen=True, slots=True)
class PublishResult:
    """What happened to one article: acknowledged by Kafka (``ok``), or why not (``error``)."""

    article_id: str
    ok: bool
    error: str | None = None
    partition: int | None = None
    offset: int | None = None


class Publisher:
    """An async context manager over an aiokafka producer, keyed by article id.

    >>> async with Publisher(Settings.from_env()) as publisher:   # doctest: +SKIP
    ...     result = await publisher.publish(article)
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        topic: str | None = None,
        linger_ms: int = 5,
        **producer_options: Any,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.topic = topic or self.settings.raw_topic
        self._producer = AIOKafkaProducer(
            **self.settings.kafka_client_options(AIOKafkaProducer),
            acks="all",
            linger_ms=linger_ms,
            max_request_size=self.settings.max_message_bytes,
            **producer_options,
        )

    async def __aenter__(self) -> Self:
        await self._producer.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._producer.stop()

    async def publish(self, article: RawArticle) -> PublishResult:
        """Publish one article and wait for Kafka's acknowledgement."""
        return (await self.publish_many([article]))[0]

    async def publish_many(
        self, articles: Iterable[RawArticle], *, batch_size: int = 1000
    ) -> list[PublishResult]:
        """Publish articles in batches, waiting for the acks of each batch; one result each."""
        results: list[PublishResult] = []
        batch: list[RawArticle] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                results.extend(await self._publish_batch(batch))
                batch = []
        if batch:
            results.extend(await self._publish_batch(batch))
        return results

    async def _publish_batch(self, articles: list[RawArticle]) -> list[PublishResult]:
        sends = [self._start_send(article) for article in articles]
        outcomes = await asyncio.gather(*sends, return_exceptions=True)
        return [
            _result(article, outcome) for article, outcome in zip(articles, outcomes, strict=True)
        ]

    async def _start_send(self, article: RawArticle) -> Any:
        key = article.id.encode()
        value = article.to_json()
        headers = raw_headers(self.topic)
        size = record_size(key, value, headers)
        if size > self.settings.max_message_bytes:
            raise RecordTooLargeError(
                f"record is {size} bytes, over the limit of {self.settings.max_message_bytes}"
                " (FACTWIRE_MAX_MESSAGE_BYTES)"
            )
        ack = await self._producer.send(self.topic, value=value, key=key, headers=headers)
        return await ack


def raw_headers(topic: str = "articles.raw") -> Headers:
    """Headers of a raw record: its content type and its trace context (see ``tracing``)."""
    return [("content-type", b"application/json"), *publish_trace_headers(topic)]


def record_size(key: bytes, value: bytes, headers: Headers) -> int:
    """An upper bound of the record's size as the broker counts it."""
    header_bytes = sum(len(k.encode()) + len(v) + 10 for k, v in headers)
    return len(key) + len(value) + header_bytes + RECORD_OVERHEAD_BYTES


def _result(article: RawArticle, outcome: Any) -> PublishResult:
    if isinstance(outcome, BaseException):
        reason = str(outcome) or type(outcome).__name__
        if not isinstance(outcome, RecordTooLargeError):
            reason = f"{type(outcome).__name__}: {reason}"
        return PublishResult(article.id, ok=False, error=reason)
    return PublishResult(article.id, ok=True, partition=outcome.partition, offset=outcome.offset)
