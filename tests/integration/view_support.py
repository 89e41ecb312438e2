"""Helpers of the view's integration tests: settings of their own, a `factwire view` child
process, the page's JSON API, and enriched events made offline and published as the enricher
would (so that a test of the view's tables needs no enricher)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer

from factwire.cli import SAMPLES_DIR
from factwire.client.files import ArticleItem, read_articles
from factwire.extraction import enrich, get_extractor
from factwire.models import EnrichedArticle, RawArticle
from factwire.processes import free_port
from factwire.settings import Settings
from factwire.view.process import ViewProcess, start_view_process

from .settings_support import own_settings


def view_settings(bootstrap: str, **more: Any) -> Settings:
    """Topics of their own, so that the view sees only what its test publishes; three
    partitions, and short batch waits for the enricher."""
    return own_settings(bootstrap, "view", **{"topic_partitions": 3, "batch_wait_ms": 20, **more})


def sample_articles() -> list[RawArticle]:
    """The bundled sample articles (the ones `make run` publishes)."""
    return [item.article for item in read_articles([SAMPLES_DIR]) if isinstance(item, ArticleItem)]


def enriched_offline(articles: list[RawArticle], at: datetime) -> list[EnrichedArticle]:
    extractor = get_extractor("rules")
    return [enrich(a, extractor).model_copy(update={"enriched_at": at}) for a in articles]


async def publish(settings: Settings, topic: str, events: list[tuple[str, bytes]]) -> None:
    producer = AIOKafkaProducer(**settings.kafka_client_options(), acks="all")
    await producer.start()
    try:
        sends = [await producer.send(topic, key=k.encode(), value=v) for k, v in events]
        await asyncio.gather(*sends)
    finally:
        await producer.stop()


async def publish_enriched(settings: Settings, articles: list[EnrichedArticle]) -> None:
    await publish(
        settings, settings.enriched_topic, [(a.article_id, a.to_json()) for a in articles]
    )


async def publish_raw(settings: Settings, articles: list[RawArticle]) -> None:
    await publish(settings, settings.raw_topic, [(a.id, a.to_json()) for a in articles])


@contextlib.contextmanager
def view(settings: Settings, group_id: str, windows: str = "1h,24h") -> Iterator[ViewProcess]:
    """`factwire view` on a free port in consumer group ``group_id``, ready when yielded."""
    env = {"FACTWIRE_VIEW_GROUP_ID": group_id, "FACTWIRE_VIEW_WINDOWS": windows}
    with start_view_process(settings, free_port(), extra_env=env) as process:
        process.wait_until_ready(within=120)
        yield process


def get_json(base_url: str, path: str) -> Any:
    with urllib.request.urlopen(base_url + path.lstrip("/"), timeout=10) as response:
        return json.loads(response.read())


async def poll(
    read: Callable[[], Any], done: Callable[[Any], bool], within: float, what: str
) -> Any:
    """``read()`` (blocking, run in a thread) until ``done`` of it, or fail after ``within`` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        value = await asyncio.to_thread(read)
        if done(value):
            return value
        if loop.time() > deadline:
            raise AssertionError(f"{what} not reached within {within:.0f} s; last: {value!r}")
        await asyncio.sleep(0.5)


def utc_now() -> datetime:
    return datetime.now(UTC)


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Headless, as root, with no network beyond the page: no sandbox (root), no GPU, no QUIC, and
# none of the background fetches (updates, sync, first-run) a closed network would stall on.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


@contextlib.contextmanager
def headless_chromium(profile_dir: str) -> Iterator[Any]:
    """A Selenium driver for Debian's Chromium and chromedriver with a fresh profile."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or CHROMIUM
    driver_path = shutil.which("chromedriver") or CHROMEDRIVER
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()
