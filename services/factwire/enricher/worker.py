"""``factwire worker``: create the topics, then run the Faust app until stopped."""

from __future__ import annotations

import asyncio
import atexit
import logging
import logging.config
import tempfile
from typing import NoReturn

import faust
from aiokafka.errors import KafkaConnectionError

from factwire.client.admin import ensure_topics
from factwire.client.tracing import setup_tracing
from factwire.enricher.app import create_app
from factwire.logs import logging_config
from factwire.settings import Settings

log = logging.getLogger("factwire.enricher")


def run_worker(settings: Settings, *, wait_for_kafka: float = 0.0) -> NoReturn:
    """Run the enricher in this process (blocks; exits on SIGINT/SIGTERM).

    ``wait_for_kafka`` (seconds) keeps retrying an unreachable broker at start instead of
    failing at once, e.g. when the worker starts together with its broker.
    """
    logging.config.dictConfig(logging_config(settings.log_level))
    setup_tracing("factwire-enricher")  # exports spans only if OTEL_TRACES_EXPORTER says so
    state = tempfile.TemporaryDirectory(prefix="factwire-faust-")
    atexit.register(state.cleanup)  # execute_from_commandline leaves by SystemExit
    enricher = create_app(settings, datadir=state.name)
    enricher.pool.prewarm()  # models load while the worker connects to Kafka
    try:
        asyncio.run(_topics_when_kafka_answers(settings, wait_for_kafka))
    except BaseException:
        enricher.pool.close()
        raise
    log.info(
        "starting worker",
        extra={
            "bootstrap_servers": settings.bootstrap_servers,
            "raw_topic": settings.raw_topic,
            "enriched_topic": settings.enriched_topic,
            "dlq_topic": settings.dlq_topic,
            "extractor": settings.extractor,
            "group_id": settings.group_id,
            "web_port": settings.web_port,
        },
    )
    worker = faust.Worker(
        enricher.app,
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level),
        quiet=True,
        redirect_stdouts=False,
    )
    worker.execute_from_commandline()


async def _topics_when_kafka_answers(settings: Settings, within: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        try:
            await ensure_topics(settings)
            return
        except KafkaConnectionError:
            if loop.time() >= deadline:
                raise
            log.info("waiting for Kafka", extra={"bootstrap_servers": settings.bootstrap_servers})
            await asyncio.sleep(1.0)
