"""The view's trending tables on a real broker: they count what the enriched topic holds, and
a view killed with SIGKILL and started again recovers the same counts from the changelog topics,
counts a repeated article once, and goes on counting new ones from the recovered counts."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from collections import Counter
from typing import Any

import pytest

from factwire.client import ensure_topics
from factwire.models import EnrichedArticle

from .view_support import (
    enriched_offline,
    get_json,
    poll,
    publish_enriched,
    sample_articles,
    utc_now,
    view,
    view_settings,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

WINDOWS = ("1h", "24h")
COMMIT_WAIT = 6.0  # Faust commits offsets every 2.8 s by default: let it do so twice
SETTLE = 3.0  # an article's tallies are counted within about 0.2 s of its arrival


def expected_entities(articles: list[EnrichedArticle]) -> dict[tuple[str, str], tuple[int, int]]:
    """(type, name) -> (mentions, articles), counted straight from the events."""
    mentions: Counter[tuple[str, str]] = Counter()
    seen_in: Counter[tuple[str, str]] = Counter()
    for article in articles:
        for entity in article.entities:
            mentions[(entity.type, entity.name)] += len(entity.mentions)
            seen_in[(entity.type, entity.name)] += 1
    return {key: (mentions[key], seen_in[key]) for key in mentions}


def entities_in(trending: dict[str, Any]) -> dict[tuple[str, str], tuple[int, int]]:
    return {(e["type"], e["name"]): (e["mentions"], e["articles"]) for e in trending["entities"]}


def counted(trending: dict[str, Any]) -> tuple[Any, int, int]:
    """Entities' (mentions, articles); speakers' claims and check-worthy claims in all."""
    speakers = trending["speakers"]
    return (
        entities_in(trending),
        sum(s["claims"] for s in speakers),
        sum(s["checkworthy"] for s in speakers),
    )


def read_all(url: str, at: float) -> dict[str, Any]:
    return {
        window: get_json(url, f"/api/trending?window={window}&limit=1000&at={at}")
        for window in WINDOWS
    }


async def test_a_killed_view_recovers_its_counts(kafka_bootstrap: str) -> None:
    settings = view_settings(kafka_bootstrap)
    await ensure_topics(settings)
    enriched_at = utc_now()
    at = enriched_at.timestamp()
    articles = enriched_offline(sample_articles(), enriched_at)
    expected = expected_entities(articles)
    with_speaker = [c for a in articles for c in a.claims if c.speaker is not None]
    claims = len(with_speaker)
    checkworthy = sum(1 for c in with_speaker if c.checkworthiness >= 0.5)
    group = f"view-{uuid.uuid4().hex[:8]}"

    with view(settings, group) as first:
        await publish_enriched(settings, articles)
        before = await poll(
            lambda: read_all(first.url, at),
            lambda t: all(counted(t[w]) == (expected, claims, checkworthy) for w in WINDOWS),
            90,
            "every entity and every speaker's claims counted in both windows",
        )
        await asyncio.sleep(COMMIT_WAIT)
        os.killpg(first.process.pid, signal.SIGKILL)
        await asyncio.to_thread(first.process.wait)

    with view(settings, group) as second:  # same group: same tables, same changelogs
        after = read_all(second.url, at)
        assert after == before
        # ...and not by reading the enriched topic again: its offsets were committed, so the new
        # view has shown no article yet; the counts came from the changelog topics.
        assert get_json(second.url, "/api/articles") == []

        # A repeat of an article (same id and content, as the enricher may deliver after a
        # crash) is shown but not counted again...
        again = articles[0]
        await publish_enriched(settings, [again])
        await poll(
            lambda: get_json(second.url, "/api/articles"),
            lambda items: [i["article"]["article_id"] for i in items] == [again.article_id],
            60,
            "the repeated article shown",
        )
        await asyncio.sleep(SETTLE)  # its tallies, had it sent any, would be counted by now
        assert read_all(second.url, at) == before

        # ...while a new article counts on from the recovered counts.
        other = again.model_copy(update={"article_id": f"{again.article_id}-other"})
        await publish_enriched(settings, [other])
        name = (other.entities[0].type, other.entities[0].name)
        mentions, seen = expected[name]
        grown = await poll(
            lambda: read_all(second.url, at),
            lambda t: all(entities_in(t[w])[name][1] == seen + 1 for w in WINDOWS),
            60,
            f"{name} counted once more",
        )
        for window in WINDOWS:
            assert entities_in(grown[window])[name] == (
                mentions + len(other.entities[0].mentions),
                seen + 1,
            )
