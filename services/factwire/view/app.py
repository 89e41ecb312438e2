"""The view as a Faust app of its own: its topics, agents and windowed tables.

Read this module as the table of contents of the view service. It joins its own consumer group
(``FACTWIRE_VIEW_GROUP_ID``), reads the public raw and enriched topics, and keeps its counts in
tables backed by changelog topics, so a restarted view recovers them. The counting rules live in
``tallies``, the live feed in ``feed``, the HTTP side in ``web``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import faust
from faust.types import FieldDescriptorT, StreamT

from factwire.enricher.app import faust_options
from factwire.settings import Settings
from factwire.view.config import ViewSettings
from factwire.view.feed import Feed
from factwire.view.tallies import Counts, Tally, tallies_of

log = logging.getLogger("factwire.view")


@dataclass(frozen=True)
class WindowCounts:
    """Every entity's and speaker's counts in one window: ``start <= enriched_at < end``."""

    start: float
    end: float
    counts: list[Counts]


class TrendingTables:
    """Read access to the windowed tables, for the web pages (same event loop as the agents).

    A tumbling window's value for a key is stored under ``(key, (start, end))``; the counts of a
    window are the entries whose range is the one holding ``at``.
    """

    def __init__(self, windows: dict[str, Any]) -> None:
        self._windows = windows  # label -> the windowed table (Faust's WindowWrapper)

    @property
    def labels(self) -> list[str]:
        return list(self._windows)

    def window_counts(self, label: str, at: float | None = None) -> WindowCounts:
        table = self._windows[label]
        start, end = table.table.window.current(time.time() if at is None else at)
        counts = list(_entries_in(table.table.data, (start, end)))
        return WindowCounts(start=start, end=end, counts=counts)

    def table_names(self) -> list[str]:
        return [table.table.name for table in self._windows.values()]


def _entries_in(data: Any, window_range: tuple[float, float]) -> Iterator[Counts]:
    for (_, key_range), value in list(data.items()):
        if tuple(key_range) == window_range:
            yield value


def create_view_app(
    settings: Settings, view: ViewSettings, feed: Feed, *, datadir: str
) -> tuple[faust.App, TrendingTables]:
    """The view's Faust app and read access to its tables; ``feed`` receives the articles."""
    options = {
        **faust_options(settings),
        "web_enabled": False,  # the page has its own aiohttp server (``web``)
        "table_cleanup_interval": 60.0,
    }
    app = faust.App(view.group_id, **options, datadir=datadir)

    # -- topics: the public raw and enriched topics, and the tallies keyed by entity ------------
    raw_topic = app.topic(settings.raw_topic, key_type=bytes, value_type=bytes)
    enriched_topic = app.topic(settings.enriched_topic, key_type=bytes, value_type=bytes)
    tallies_topic = app.topic(
        f"{view.group_id}-tallies",
        key_type=str,
        value_type=Tally,
        key_serializer="raw",
        value_serializer="json",
        partitions=settings.topic_partitions,
        internal=True,
    )

    # -- tables: counts per window, and what was counted --------------------------------------
    tables = trending_tables(app, settings, view)
    counted = counted_articles(app, settings, view)
    for table in [*tables.values(), counted]:
        table.table.on_recover(_after_recovery(table.table))

    # -- agents ---------------------------------------------------------------------------------
    @app.agent(raw_topic)
    async def remember_bodies(stream: StreamT[bytes]) -> None:
        async for value in stream:
            feed.take_raw(value)

    @app.agent(enriched_topic)
    async def show_and_split(stream: StreamT[bytes]) -> None:
        """Each article goes to the pages, and (once per content) out again as one tally per
        entity and speaker, keyed by entity: the repartitioning that ``group_by`` does for
        one-to-one streams, here one article to many entities."""
        async for value in stream:
            article = feed.take_enriched(value)
            if article is None or counted[article.article_id].value() == article.content_sha256:
                continue
            counted[article.article_id] = article.content_sha256
            for tally in tallies_of(article, view.checkworthy):
                await tallies_topic.send(key=tally.table_key(), value=tally)

    @app.agent(tallies_topic)
    async def count(stream: StreamT[Tally]) -> None:
        async for tally in stream:
            key = tally.table_key()
            for table in tables.values():
                table[key] = table[key].value().plus(tally)

    return app, TrendingTables(tables)


def trending_tables(app: faust.App, settings: Settings, view: ViewSettings) -> dict[str, Any]:
    """One tumbling-window table per configured window, keyed by ``Tally.table_key()``; an
    article counts in the window of its ``enriched_at`` (``Tally.at``), not of its arrival."""
    enriched_at = cast(FieldDescriptorT[float], Tally.at)
    return {
        window.label: app.Table(
            f"trending-{window.label}",
            default=Counts,
            key_type=str,
            value_type=Counts,
            partitions=settings.topic_partitions,
        )
        .tumbling(window.seconds, expires=window.expires)
        .relative_to_field(enriched_at)
        for window in view.windows
    }


def counted_articles(app: faust.App, settings: Settings, view: ViewSettings) -> Any:
    """Article id -> the content hash counted, over the longest window.

    The enricher delivers at least once: an article repeated with the same content (after a
    crash, a replay) is counted once, as long as this table remembers it. Keyed by article id
    like the enriched topic, so it is co-partitioned with it.
    """
    longest = max(view.windows, key=lambda w: w.seconds)
    return (
        app.Table(
            "counted-articles",
            default=str,
            key_type=str,
            value_type=str,
            partitions=settings.topic_partitions,
        )
        .tumbling(longest.seconds, expires=longest.expires)
        .relative_to_stream()
    )


def _after_recovery(table: Any) -> Callable[[], Awaitable[None]]:
    async def forget_stale() -> None:
        dropped = drop_stale_windows(table)
        log.info("recovered table", extra={"table": table.name, "stale_entries_dropped": dropped})

    return forget_stale


def drop_stale_windows(table: Any, now: float | None = None) -> int:
    """Forget recovered windows that have expired; returns how many entries went.

    Faust expires the windows it writes, but not those it recovers from a changelog (whose
    records outlive ``expires`` until Kafka deletes their segment), so a view restarted after a
    day would keep yesterday's counts in memory forever. The changelog keeps them until Kafka's
    retention removes them.
    """
    at = time.time() if now is None else now
    stale = [key for key in list(table.data) if table.window.stale(key[1][1], at)]
    for key in stale:
        table.data.pop(key, None)
    return len(stale)


def ready(app: faust.App) -> bool:
    """Ready when the consumer has partitions and the tables are recovered from changelogs."""
    try:
        assigned = len(app.consumer.assignment())
    except Exception:  # ConsumerNotStarted and friends, before the consumer runs
        return False
    return assigned > 0 and cast(Any, app.tables).recovery.completed.is_set()
