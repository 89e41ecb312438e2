"""The page's HTTP side with the Faust tables faked: the JSON API, its errors, the live stream
and the local assets."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import orjson
import pytest
from aiohttp.test_utils import TestClient, TestServer

from factwire.models import EnrichedArticle
from factwire.view.app import WindowCounts
from factwire.view.feed import Feed
from factwire.view.tallies import Counts
from factwire.view.web import create_web_app


class FakeTables:
    """Two windows; the counts of one window, and the ``at`` each read asked for."""

    def __init__(self) -> None:
        self.labels = ["1h", "24h"]
        self.asked: list[tuple[str, float | None]] = []
        self.counts = [
            Counts(kind="entity", name="Ines Varga", type="PERSON", articles=3, mentions=4),
            Counts(kind="entity", name="Lakeside", type="GPE", articles=5, mentions=5),
            Counts(kind="entity", name="2026", type="DATE", articles=9, mentions=9),
            Counts(kind="speaker", name="Ines Varga", type="PERSON", claims=2, checkworthy=1),
        ]

    def window_counts(self, label: str, at: float | None = None) -> WindowCounts:
        self.asked.append((label, at))
        return WindowCounts(start=0.0, end=3599.9, counts=self.counts)


@pytest.fixture
def feed() -> Feed:
    return Feed(history=10)


@pytest.fixture
def tables() -> FakeTables:
    return FakeTables()


@pytest.fixture
async def client(feed: Feed, tables: FakeTables) -> AsyncIterator[TestClient[Any, Any]]:
    app = create_web_app(feed, tables, lambda: True)  # type: ignore[arg-type]
    async with TestClient(TestServer(app)) as client:
        yield client


async def get_json(client: TestClient[Any, Any], path: str, status: int = 200) -> Any:
    response = await client.get(path)
    assert response.status == status, await response.text()
    return orjson.loads(await response.read())


async def test_trending_ranks_the_window_by_type(
    client: TestClient[Any, Any], tables: FakeTables
) -> None:
    body = await get_json(client, "/api/trending?window=24h&type=PERSON,GPE&limit=20")
    assert [e["name"] for e in body["entities"]] == ["Lakeside", "Ines Varga"]
    assert body["speakers"] == [
        {
            "name": "Ines Varga",
            "type": "PERSON",
            "mentions": 0,
            "articles": 0,
            "claims": 2,
            "checkworthy": 1,
        }
    ]
    assert (body["window"], body["windows"], body["type"]) == (
        "24h",
        ["1h", "24h"],
        ["GPE", "PERSON"],
    )
    assert (body["start"], body["end"]) == (
        "1970-01-01T00:00:00+00:00",
        "1970-01-01T00:59:59.900000+00:00",
    )
    assert tables.asked == [("24h", None)]


async def test_trending_defaults_to_the_first_window_and_takes_a_time(
    client: TestClient[Any, Any], tables: FakeTables
) -> None:
    body = await get_json(client, "/api/trending?limit=1&at=1700000000")
    assert [e["name"] for e in body["entities"]] == ["2026"]
    assert tables.asked == [("1h", 1700000000.0)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("window=2h", "this view keeps 1h, 24h"),
        ("type=PEOPLE", "OntoNotes labels"),
        ("limit=0", "limit=0: expected 1 to 1000"),
        ("limit=ten", "expected a whole number"),
        ("at=yesterday", "expected epoch seconds"),
    ],
)
async def test_a_bad_query_is_a_400_with_the_reason(
    client: TestClient[Any, Any], query: str, message: str
) -> None:
    body = await get_json(client, f"/api/trending?{query}", status=400)
    assert message in body["error"]


async def test_articles_are_the_latest_first(
    client: TestClient[Any, Any], feed: Feed, article_factory: Any
) -> None:
    for n in range(3):
        feed.take_enriched(article_factory(article_id=f"a-{n}").to_json())
    body = await get_json(client, "/api/articles?limit=2")
    assert [item["article"]["article_id"] for item in body] == ["a-2", "a-1"]
    assert await get_json(client, "/api/articles?limit=5000", status=400)


async def test_events_stream_each_new_article(
    client: TestClient[Any, Any], feed: Feed, article: EnrichedArticle
) -> None:
    response = await client.get("/api/events")
    assert response.headers["Content-Type"] == "text/event-stream"
    assert await response.content.readuntil(b"\n\n") == b"retry: 2000\n\n"
    assert feed.listeners == 1  # registered before the first line was written
    feed.take_enriched(article.to_json())
    event = await asyncio.wait_for(response.content.readuntil(b"\n\n"), 5)
    name, data = event.rstrip(b"\n").split(b"\n")
    assert name == b"event: article"
    assert orjson.loads(data.removeprefix(b"data: "))["article"]["article_id"] == article.article_id
    response.close()


async def test_the_page_and_its_assets_are_served_locally(client: TestClient[Any, Any]) -> None:
    page = await (await client.get("/")).text()
    assert "/static/view.js" in page and "/static/view.css" in page
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere
    for asset in ("/static/view.js", "/static/view.css"):
        response = await client.get(asset)
        assert response.status == 200
        assert "https://" not in await response.text()
    assert (await client.get("/static/../web.py")).status in (403, 404)


async def test_health_and_readiness(client: TestClient[Any, Any]) -> None:
    assert await get_json(client, "/health") == {"status": "ok"}
    assert await get_json(client, "/ready") == {"status": "ready"}
