"""The enricher as a Faust app: its topics, its one agent and its web pages.

Read this module as the table of contents of the service; the work happens in plain functions
(``batch``, ``decode``, ``headers``, ``pool``, ``web``) that are tested without Kafka.
"""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import faust
from faust.types import EventT, StreamT, TopicT
from faust.web import Request, Response, View

from factwire.enricher import faults, web
from factwire.enricher.batch import BatchPipeline, BatchProcessor, Record, Send
from factwire.enricher.headers import Headers, SourcePosition
from factwire.enricher.metrics import CONTENT_TYPE, Metrics, faust_lag
from factwire.enricher.pool import ExtractionPool, pool_size
from factwire.enricher.watchdog import LoopHeartbeat
from factwire.settings import Settings

# Batches in flight in the agent: while one is published and its acks awaited, the pool
# extracts the next one, whose chunks are queued before the first batch's last chunk ends, so
# no process idles at a batch boundary. Two suffice; each more one lengthens a rebalance,
# which waits until every record taken has been acked (Faust's ``stream_wait_empty``).
IN_FLIGHT_BATCHES = 2


@dataclass(frozen=True)
class Topics:
    """The three topics of the enricher, as Faust topics of raw bytes."""

    raw: TopicT
    enriched: TopicT
    dlq: TopicT


@dataclass(frozen=True)
class Enricher:
    """What ``create_app`` builds: the Faust app, its topics, and the parts the worker and the
    pages use. Its methods are the app's task, shutdown hook and agent."""

    app: EnricherApp
    settings: Settings
    topics: Topics
    pool: ExtractionPool
    metrics: Metrics
    processor: BatchProcessor
    heartbeat: LoopHeartbeat

    async def start_pool(self) -> None:
        """The extraction processes live as long as the app."""
        await self.pool.start()

    async def beat(self) -> None:
        """The event loop's heartbeat, which liveness reads."""
        await self.heartbeat.run()

    async def stop_pool(self, sender: Any, /, *args: Any, **kwargs: Any) -> None:
        self.pool.close()

    async def enrich(self, stream: StreamT[bytes]) -> None:
        """The agent: raw records in batches -> enriched events and dead letters."""
        batches = cast(faust.Stream[bytes], stream).take_events(
            self.settings.batch_size, within=self.settings.batch_wait_ms / 1000
        )
        # A new pipeline per run of the agent: after a failure the supervisor restarts the agent
        # and the records not acked are consumed again.
        pipeline = BatchPipeline(self.processor, IN_FLIGHT_BATCHES)
        try:
            async for events in batches:
                hold_acks(events)
                try:
                    await pipeline.submit(
                        [to_record(event) for event in events],
                        on_done=partial(release_acks, self.app, events),
                        on_abandon=partial(withhold_acks, events),
                    )
                except BaseException:
                    withhold_acks(events)
                    raise
        finally:
            pipeline.cancel()


class EnricherApp(faust.App):
    """The Faust app, knowing the ``Enricher`` it belongs to (its pages read it)."""

    enricher: Enricher


def create_app(settings: Settings, *, datadir: str | None = None) -> Enricher:
    """The enricher of ``settings.raw_topic`` into the enriched and dead-letter topics.

    ``datadir`` is where Faust keeps its (empty: the app has no tables) local state; by default
    a new temporary directory.
    """
    datadir = datadir or tempfile.mkdtemp(prefix="factwire-faust-")
    app = EnricherApp(settings.group_id, **faust_options(settings), datadir=datadir)
    pool = ExtractionPool(
        settings.extractor,
        size=pool_size(settings.concurrency),
        retries=settings.extract_retries,
        timeout=settings.extract_timeout_s,
        work=faults.chunk_work(),
    )
    metrics = Metrics()
    metrics.watch_pool_size(lambda: pool.size)
    metrics.watch_lag(faust_lag(app))
    topics = Topics(
        raw=app.topic(settings.raw_topic, key_type=bytes, value_type=bytes),
        enriched=app.topic(settings.enriched_topic, key_type=bytes, value_type=bytes),
        dlq=app.topic(settings.dlq_topic, key_type=bytes, value_type=bytes),
    )
    processor = BatchProcessor(settings, pool, sender(topics.enriched), sender(topics.dlq), metrics)
    enricher = Enricher(app, settings, topics, pool, metrics, processor, LoopHeartbeat())
    app.enricher = enricher
    app.task(enricher.start_pool, on_leader=False)
    app.task(enricher.beat, on_leader=False)
    app.on_before_shutdown.connect(enricher.stop_pool)
    app.agent(topics.raw)(enricher.enrich)
    app.page("/health")(HealthPage)
    app.page("/ready")(ReadyPage)
    app.page("/metrics")(MetricsPage)
    return enricher


def sender(topic: TopicT) -> Send:
    """A send callable for ``BatchProcessor`` that writes to ``topic``."""

    async def send(key: bytes | None, value: bytes | None, headers: Headers) -> Awaitable[Any]:
        return await topic.send(key=key, value=value, headers=headers)

    return send


class HealthPage(View):
    """Liveness: 200, or 503 when the event loop or the extraction pool is stuck."""

    async def get(self, request: Request) -> Response:
        enricher = cast(EnricherApp, self.app).enricher
        body, live = web.health(enricher.heartbeat, enricher.pool)
        return self.json(body, status=200 if live else 503)


class ReadyPage(View):
    """Readiness: 200 when ready, else 503."""

    async def get(self, request: Request) -> Response:
        app = cast(EnricherApp, self.app)
        body, ready = web.readiness(web.group_state(app), app.enricher.pool)
        return self.json(body, status=200 if ready else 503)


class MetricsPage(View):
    """Prometheus metrics."""

    async def get(self, request: Request) -> Response:
        metrics = cast(EnricherApp, self.app).enricher.metrics
        return self.text(metrics.text().decode(), content_type=CONTENT_TYPE)


def faust_options(settings: Settings) -> dict[str, Any]:
    """Faust configuration from factwire settings (passthrough Faust settings last)."""
    return {
        "broker": [f"kafka://{host.strip()}" for host in settings.bootstrap_servers.split(",")],
        "broker_credentials": faust_credentials(settings),
        "key_serializer": "raw",
        "value_serializer": "raw",
        "topic_partitions": settings.topic_partitions,
        "topic_replication_factor": settings.topic_replication,
        "consumer_auto_offset_reset": "earliest",
        "producer_acks": -1,
        "producer_max_request_size": settings.max_message_bytes,
        "web_port": settings.web_port,
        "web_enabled": True,
        "store": "memory://",
        **settings.faust_passthrough(),
    }


def faust_credentials(settings: Settings) -> Any:
    """Faust broker credentials for the security settings (None for PLAINTEXT)."""
    security = settings.security
    if security.uses_sasl:
        return faust.SASLCredentials(
            username=security.username,
            password=security.password,
            ssl_context=security.ssl_context,
            mechanism=security.sasl_mechanism,
        )
    if security.ssl_context is not None:
        return faust.SSLCredentials(security.ssl_context)
    return None


def to_record(event: EventT[Any]) -> Record:
    message = event.message
    return Record(
        key=message.key,
        value=message.value,
        headers=message.headers,
        source=SourcePosition(message.topic, message.partition, message.offset),
        timestamp=message.timestamp,
    )


def hold_acks(events: Sequence[EventT[Any]]) -> None:
    """Keep ``take_events`` from acking a batch that is only handed to the pipeline.

    ``take_events`` acks a batch when control comes back to the loop, which with pipelining is
    before its outputs are acknowledged. One more reference per message turns that ack into a
    mere decrement; ``release_acks`` gives the final one once the outputs are acknowledged.
    """
    for event in events:
        event.message.incref()


def release_acks(app: faust.App, events: Sequence[EventT[Any]]) -> None:
    """The final ack of each record of a batch whose outputs Kafka acknowledged, in order."""
    for event in events:
        if event.ack():
            message = event.message
            app.sensors.on_message_out(message.tp, message.offset, message)


def withhold_acks(events: Sequence[EventT[Any]]) -> None:
    """Keep the offsets of an unfinished batch from being committed.

    Marking the messages as already acked makes any later ack (``take_events``' own, or
    ``release_acks``) a no-op, so their offsets stay uncommitted and the records are consumed
    again later.
    """
    for event in events:
        event.message.acked = True
