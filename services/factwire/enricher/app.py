"""The enricher as a Faust app: its topics, its one agent and its web pages.

Read this module as the table of contents of the service; the work happens in plain functions
(``batch``, ``decode``, ``headers``, ``pool``, ``web``) that are tested without Kafka.
"""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Sequence
from functools import partial
from typing import Any, cast

import faust
from faust.types import EventT, StreamT
from faust.web import Request, Response, View

from factwire.enricher import faults, web
from factwire.enricher.batch import BatchPipeline, BatchProcessor, Record
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


def create_app(settings: Settings, *, datadir: str | None = None) -> faust.App:
    """A Faust app that enriches ``settings.raw_topic`` into the enriched and dead-letter topics.

    ``datadir`` is where Faust keeps its (empty: the app has no tables) local state; by default
    a new temporary directory.
    """
    datadir = datadir or tempfile.mkdtemp(prefix="factwire-faust-")
    app = faust.App(settings.group_id, **faust_options(settings), datadir=datadir)
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

    # -- topics ---------------------------------------------------------------------------------
    raw_topic = app.topic(settings.raw_topic, key_type=bytes, value_type=bytes)
    enriched_topic = app.topic(settings.enriched_topic, key_type=bytes, value_type=bytes)
    dlq_topic = app.topic(settings.dlq_topic, key_type=bytes, value_type=bytes)

    async def send_enriched(
        key: bytes | None, value: bytes | None, headers: Headers
    ) -> Awaitable[Any]:
        return await enriched_topic.send(key=key, value=value, headers=headers)

    async def send_dead_letter(
        key: bytes | None, value: bytes | None, headers: Headers
    ) -> Awaitable[Any]:
        return await dlq_topic.send(key=key, value=value, headers=headers)

    processor = BatchProcessor(settings, pool, send_enriched, send_dead_letter, metrics)

    # -- the extraction processes live as long as the app --------------------------------------
    @app.task(on_leader=False)  # type: ignore[untyped-decorator]
    async def start_pool() -> None:
        await pool.start()

    @app.on_before_shutdown.connect
    async def stop_pool(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        pool.close()

    # -- the agent: raw records in batches -> enriched events and dead letters ------------------
    @app.agent(raw_topic)
    async def enrich(stream: StreamT[bytes]) -> None:
        batches = cast(faust.Stream[bytes], stream).take_events(
            settings.batch_size, within=settings.batch_wait_ms / 1000
        )
        # A new pipeline per run of the agent: after a failure the supervisor restarts the agent
        # and the records not acked are consumed again.
        pipeline = BatchPipeline(processor, IN_FLIGHT_BATCHES)
        try:
            async for events in batches:
                hold_acks(events)
                try:
                    await pipeline.submit(
                        [to_record(event) for event in events],
                        on_done=partial(release_acks, app, events),
                        on_abandon=partial(withhold_acks, events),
                    )
                except BaseException:
                    withhold_acks(events)
                    raise
        finally:
            pipeline.cancel()

    # -- web pages: liveness, readiness, metrics -------------------------------------------------
    heartbeat = LoopHeartbeat()

    @app.task(on_leader=False)  # type: ignore[untyped-decorator]
    async def beat() -> None:
        await heartbeat.run()

    @app.page("/health")
    class Health(View):
        async def get(self, request: Request) -> Response:
            body, live = web.health(heartbeat, pool)
            return self.json(body, status=200 if live else 503)

    @app.page("/ready")
    class Ready(View):
        async def get(self, request: Request) -> Response:
            body, ready = web.readiness(web.group_state(app), pool)
            return self.json(body, status=200 if ready else 503)

    @app.page("/metrics")
    class MetricsPage(View):
        async def get(self, request: Request) -> Response:
            return self.text(metrics.text().decode(), content_type=CONTENT_TYPE)

    app.factwire_pool = pool  # type: ignore[attr-defined]
    app.factwire_metrics = metrics  # type: ignore[attr-defined]
    return app


def faust_options(settings: Settings) -> dict[str, Any]:
    """Faust configuration from factwire settings."""
    return {
        "broker": [f"kafka://{host.strip()}" for host in settings.bootstrap_servers.split(",")],
        "broker_credentials": web.faust_credentials(settings),
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
    }


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
