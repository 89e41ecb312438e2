"""The view's Faust app without a broker: its topics and tables, reading one window of a table,
and forgetting recovered windows that have expired."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factwire.settings import Settings
from factwire.view.app import TrendingTables, create_view_app, drop_stale_windows
from factwire.view.config import ViewSettings, parse_windows
from factwire.view.feed import Feed
from factwire.view.tallies import Counts

HOUR = 3600.0


@pytest.fixture
def view_app(tmp_path: Path) -> tuple[Any, TrendingTables]:
    settings = Settings(raw_topic="in.raw", enriched_topic="in.enriched", topic_partitions=4)
    view = ViewSettings(group_id="viewtest", windows=parse_windows("1h,24h"))
    return create_view_app(settings, view, Feed(history=5), datadir=str(tmp_path))


def store(tables: TrendingTables, label: str) -> Any:
    return tables._windows[label].table


def put(tables: TrendingTables, label: str, name: str, start: float, size: float) -> None:
    counts = Counts(kind="entity", name=name, type="PERSON", articles=1)
    store(tables, label).data[(f"entity\x1fPERSON\x1f{name}", (start, start + size - 0.1))] = counts


def test_the_app_has_its_own_group_tables_and_repartition_topic(view_app: Any) -> None:
    app, tables = view_app
    assert app.conf.id == "viewtest"
    assert tables.labels == ["1h", "24h"]
    assert tables.table_names() == ["trending-1h", "trending-24h"]
    assert "counted-articles" in app.tables  # what was counted, to count a repeat once
    changelogs = {t.table.changelog_topic.get_topic_name() for t in tables._windows.values()}
    assert changelogs == {"viewtest-trending-1h-changelog", "viewtest-trending-24h-changelog"}
    assert {store(tables, "1h").partitions, store(tables, "24h").partitions} == {4}
    agents = {name.rsplit(".", 1)[-1]: agent for name, agent in app.agents.items()}
    topics = {name: set(agent.channel.topics) for name, agent in agents.items()}
    assert topics == {
        "remember_bodies": {"in.raw"},
        "show_and_split": {"in.enriched"},
        "count": {"viewtest-tallies"},  # the tallies, keyed by entity
    }


def test_a_window_holds_the_entries_of_its_range_only(view_app: Any) -> None:
    _, tables = view_app
    put(tables, "1h", "Ana Lund", 10 * HOUR, HOUR)
    put(tables, "1h", "Bo Eriksen", 10 * HOUR, HOUR)
    put(tables, "1h", "Cy Moreau", 11 * HOUR, HOUR)
    window = tables.window_counts("1h", at=10.5 * HOUR)
    assert (window.start, window.end) == (10 * HOUR, 11 * HOUR - 0.1)
    assert sorted(c.name for c in window.counts) == ["Ana Lund", "Bo Eriksen"]
    assert [c.name for c in tables.window_counts("1h", at=11 * HOUR).counts] == ["Cy Moreau"]
    assert tables.window_counts("24h", at=10.5 * HOUR).counts == []


def test_recovered_windows_past_their_expiry_are_forgotten(view_app: Any) -> None:
    _, tables = view_app
    for hour in (7, 8, 9, 10):
        put(tables, "1h", f"hour {hour}", hour * HOUR, HOUR)
    # 1h windows expire after 2h: at 11:00, the windows before the one holding 9:00 go.
    assert drop_stale_windows(store(tables, "1h"), now=11 * HOUR) == 2
    left = sorted(counts.name for counts in store(tables, "1h").data.values())
    assert left == ["hour 10", "hour 9"]
