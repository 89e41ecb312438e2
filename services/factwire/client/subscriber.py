"""``Subscriber``: read enriched articles as validated ``EnrichedArticle`` objects."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from factwire.models import EnrichedArticle
from factwire.settings import Settings

log = logging.getLogger(__name__)
COMMIT_EVERY_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Delivery:
    """An enriched article with where it was read and the headers it came with."""

    article: EnrichedArticle
    partition: int
    offset: int
    headers: tuple[tuple[str, bytes], ...]


class Subscriber:
    """An async context manager and async iterator over the enriched topic.

    With ``group_id`` the subscriber joins that consumer group (offsets are committed, the
    partitions are shared with the group's other members); without, it reads every partition
    and commits nothing. Delivery is at least once: an event counts as done (its offset may be
    committed) only when the caller asks for the next one, calls ``commit()``, or leaves the
    ``async with`` block normally; when the block ends with an exception, the group resumes at
    the event in hand. ``from_beginning`` starts at the earliest offset where no committed
    offset exists; otherwise at the end. ``idle_timeout`` (seconds) ends the iteration when no
    event arrives for that long. Records that do not validate are logged and counted in
    ``invalid``, never returned; fields of a newer minor contract version are ignored, and an
    event of a newer major version raises ``UnsupportedVersionError`` (docs/contract.md).

    >>> async with Subscriber(Settings.from_env(), from_beginning=True) as events:  # doctest: +SKIP
    ...     async for article in events:
    ...         print(article.article_id, len(article.entities))
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        group_id: str | None = None,
        from_beginning: bool = False,
        topic: str | None = None,
        idle_timeout: float | None = None,
        **consumer_options: Any,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.topic = topic or self.settings.enriched_topic
        self.idle_timeout = idle_timeout
        self.invalid = 0
        self._consumer = AIOKafkaConsumer(
            self.topic,
            **self.settings.kafka_client_options(AIOKafkaConsumer),
            group_id=group_id,
            auto_offset_reset="earliest" if from_beginning else "latest",
            # Offsets are committed for what the caller finished (see ``_mark``), not for
            # everything fetched: stopping after ``--limit N`` must not skip the rest of a batch.
            enable_auto_commit=False,
            **consumer_options,
        )
        self._group_id = group_id
        self._done: dict[TopicPartition, int] = {}
        self._in_hand: Any = None  # the record handed out last, until the caller is done with it
        self._committed_at = 0.0

    async def __aenter__(self) -> Self:
        try:
            await self._consumer.start()
        except BaseException:
            await self._consumer.stop()  # else an unclosed consumer is reported at exit
            raise
        if self._group_id is None:
            # Resolve the start positions now, so that events published after this returns
            # are seen even when reading from the end.
            for tp in self._consumer.assignment():
                await self._consumer.position(tp)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close(include_current=exc_type is None)

    async def close(self, *, include_current: bool = True) -> None:
        """Commit and stop. ``include_current=False`` leaves the event in hand uncommitted (the
        caller failed on it), so that the group's next subscriber gets it again."""
        try:
            if include_current:
                await self.commit()
            else:
                await self._commit_done()
        finally:
            await self._consumer.stop()

    async def commit(self) -> None:
        """Commit the position after the last event handed out (with a group; else no-op)."""
        if self._in_hand is not None:
            self._mark(self._in_hand)
        await self._commit_done()

    async def _commit_done(self) -> None:
        """Commit the position after the events the caller finished."""
        if self._group_id is not None and self._done:
            await self._consumer.commit(dict(self._done))
        self._committed_at = time.monotonic()

    def __aiter__(self) -> AsyncIterator[EnrichedArticle]:
        return self._articles()

    async def _articles(self) -> AsyncIterator[EnrichedArticle]:
        async for delivery in self.deliveries():
            yield delivery.article

    async def deliveries(self) -> AsyncIterator[Delivery]:
        """Like iterating the subscriber, with each article's partition, offset and headers."""
        idle_ms = 0.0
        poll_ms = 500
        while True:
            if time.monotonic() - self._committed_at > COMMIT_EVERY_SECONDS:
                await self.commit()
            batches = await self._consumer.getmany(timeout_ms=poll_ms)
            if not batches:
                idle_ms += poll_ms
                if self.idle_timeout is not None and idle_ms >= self.idle_timeout * 1000:
                    return
                continue
            idle_ms = 0.0
            for records in batches.values():
                for record in records:
                    # A newer major version raises here, before the record counts as done.
                    article = self._validate(record)
                    if article is None:
                        self._mark(record)
                        continue
                    self._in_hand = record
                    yield Delivery(
                        article, record.partition, record.offset, tuple(record.headers or ())
                    )
                    # The caller asked for the next event: it is done with this one. (When its
                    # loop body raised instead, the generator is closed at the yield.)
                    self._mark(record)

    def _mark(self, record: Any) -> None:
        """Count ``record`` as done: a commit moves the group past it."""
        self._done[TopicPartition(record.topic, record.partition)] = record.offset + 1
        if self._in_hand is record:
            self._in_hand = None

    def _validate(self, record: Any) -> EnrichedArticle | None:
        try:
            return EnrichedArticle.from_json(record.value)
        except (ValidationError, TypeError) as exc:
            self.invalid += 1
            log.warning(
                "skipped an enriched record that does not validate",
                extra={
                    "topic": record.topic,
                    "partition": record.partition,
                    "offset": record.offset,
                    "errors": exc.error_count() if isinstance(exc, ValidationError) else 1,
                },
            )
            return None
