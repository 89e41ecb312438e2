"""The feed joins each enriched article with the raw body of the same content, keeps the latest
ones, and pushes each to the listening pages."""

from __future__ import annotations

from typing import Any

import orjson

from factwire.models import EnrichedArticle, RawArticle
from factwire.view.feed import SUBSCRIBER_BACKLOG, Bodies, Feed


def raw(article_id: str, body: str) -> bytes:
    return RawArticle(id=article_id, body=body).to_json()


def shown(feed: Feed, limit: int = 10) -> list[dict[str, Any]]:
    return [orjson.loads(item) for item in feed.latest(limit)]


def test_an_article_is_shown_with_the_body_of_its_content(
    article: EnrichedArticle, body: str
) -> None:
    feed = Feed(history=5)
    feed.take_raw(raw(article.article_id, body))
    assert feed.take_enriched(article.to_json()) == article
    [item] = shown(feed)
    assert item["body"] == body
    assert item["article"]["article_id"] == article.article_id


def test_a_body_with_other_content_is_not_joined(article: EnrichedArticle, body: str) -> None:
    feed = Feed(history=5)
    feed.take_raw(raw(article.article_id, body=body + " Updated."))
    feed.take_enriched(article.to_json())
    assert shown(feed)[0]["body"] is None


def test_an_enrichment_read_before_its_body_is_shown_again_with_it(
    article: EnrichedArticle, body: str
) -> None:
    feed = Feed(history=5)
    queue = feed.listen()
    feed.take_enriched(article.to_json())
    feed.take_raw(raw(article.article_id, body))
    first, second = orjson.loads(queue.get_nowait()), orjson.loads(queue.get_nowait())
    assert (first["body"], second["body"]) == (None, body)
    assert len(feed) == 1  # replaced, not repeated
    assert shown(feed)[0]["body"] == body


def test_the_latest_come_first_and_history_is_bounded(article_factory: Any) -> None:
    feed = Feed(history=3)
    for n in range(5):
        feed.take_enriched(article_factory(article_id=f"a-{n}").to_json())
    assert [i["article"]["article_id"] for i in shown(feed)] == ["a-4", "a-3", "a-2"]
    assert [i["article"]["article_id"] for i in shown(feed, limit=1)] == ["a-4"]


def test_a_replayed_event_replaces_its_earlier_copy(article: EnrichedArticle) -> None:
    feed = Feed(history=3)
    feed.take_enriched(article.to_json())
    feed.take_enriched(article.to_json())
    assert len(feed) == 1


def test_invalid_records_are_counted_and_not_shown() -> None:
    feed = Feed(history=3)
    assert feed.take_enriched(b'{"article_id": "x"}') is None
    feed.take_raw(b"not json")
    feed.take_raw(None)
    assert (feed.invalid, len(feed)) == (3, 0)


def test_a_page_that_stops_reading_is_dropped(article_factory: Any) -> None:
    feed = Feed(history=3)
    queue = feed.listen()
    for n in range(SUBSCRIBER_BACKLOG + 1):
        feed.take_enriched(article_factory(article_id=f"a-{n}").to_json())
    assert not feed.is_listening(queue)
    assert queue.qsize() == SUBSCRIBER_BACKLOG


def test_bodies_are_bounded_by_count_and_by_characters() -> None:
    bodies = Bodies(max_articles=2, max_chars=10)
    bodies.add("a", "12345")
    bodies.add("b", "67890")
    bodies.add("c", "x")  # over the count: "a" goes
    assert len(bodies) == 2
    bodies.add("d", "0123456789")  # over the characters: the oldest go, the newest stays
    assert len(bodies) == 1
