"""The live side of the view: the latest enriched articles, joined with their bodies, and the
pages listening for new ones.

The enriched event carries offsets into the article's body but not the body itself, so the view
also reads the raw topic and keeps the latest bodies by (article id, content hash): the hash
makes sure a body is only ever shown with the enrichment of that exact text.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

import orjson
from pydantic import ValidationError

from factwire.models import DEFAULT_MAX_BODY_CHARS, EnrichedArticle, RawArticle, content_sha256

log = logging.getLogger("factwire.view")

SUBSCRIBER_BACKLOG = 256  # articles queued for one slow page before it is dropped (it reconnects)


class Bodies:
    """The latest raw bodies, bounded by count and by characters, oldest dropped first."""

    def __init__(self, max_articles: int, max_chars: int) -> None:
        self._bodies: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._chars = 0
        self.max_articles = max_articles
        self.max_chars = max_chars

    def add(self, article_id: str, body: str) -> None:
        key = (article_id, content_sha256(body))
        if key in self._bodies:
            self._bodies.move_to_end(key)
            return
        self._bodies[key] = body
        self._chars += len(body)
        while len(self._bodies) > self.max_articles or (
            self._chars > self.max_chars and len(self._bodies) > 1
        ):
            _, dropped = self._bodies.popitem(last=False)
            self._chars -= len(dropped)

    def get(self, article_id: str, sha256: str) -> str | None:
        return self._bodies.get((article_id, sha256))

    def __len__(self) -> int:
        return len(self._bodies)


class Feed:
    """Latest articles as the page shows them, and a queue per connected page."""

    def __init__(
        self,
        history: int,
        *,
        max_body_chars: int = DEFAULT_MAX_BODY_CHARS,
        body_budget_chars: int = 20_000_000,
    ) -> None:
        self._recent: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._waiting: OrderedDict[tuple[str, str], EnrichedArticle] = OrderedDict()
        self.history = history
        self._listeners: set[asyncio.Queue[bytes]] = set()
        self.bodies = Bodies(max_articles=4 * history, max_chars=body_budget_chars)
        self.max_body_chars = max_body_chars
        self.invalid = 0

    # -- input: raw and enriched records -------------------------------------------------------

    def take_raw(self, value: bytes | None) -> None:
        """Remember a raw article's body; a record that is no RawArticle is the enricher's
        business (it dead-letters it), so it is only counted here."""
        try:
            raw = RawArticle.from_json(value or b"", max_body_chars=self.max_body_chars)
        except ValidationError:
            self.invalid += 1
            return
        self.bodies.add(raw.id, raw.body)
        waiting = self._waiting.pop((raw.id, raw.content_sha256()), None)
        if waiting is not None:  # its enrichment came first: show it again, now with its body
            self.show(waiting)

    def take_enriched(self, value: bytes | None) -> EnrichedArticle | None:
        """Decode an enriched event, show it to every page; None (logged) when it is invalid."""
        try:
            article = EnrichedArticle.from_json(value or b"")
        except ValidationError as exc:
            self.invalid += 1
            log.warning("skipped an invalid enriched event", extra={"errors": exc.error_count()})
            return None
        self.show(article)
        return article

    def show(self, article: EnrichedArticle) -> None:
        """Add or replace (same id and content) an article, newest last, and push it to pages."""
        key = (article.article_id, article.content_sha256)
        body = self.bodies.get(*key)
        if body is None:
            self._waiting[key] = article
            while len(self._waiting) > self.history:
                self._waiting.popitem(last=False)
        data = orjson.dumps(page_item(article, body))
        self._recent.pop(key, None)
        self._recent[key] = data
        while len(self._recent) > self.history:
            self._recent.popitem(last=False)
        for queue in list(self._listeners):
            try:
                queue.put_nowait(data)
            except asyncio.QueueFull:
                self._listeners.discard(queue)  # the page reconnects and reloads the latest

    # -- output: the latest articles and a live subscription -----------------------------------

    def latest(self, limit: int) -> list[bytes]:
        """The latest ``limit`` articles as JSON, newest first."""
        return list(reversed(self._recent.values()))[:limit]

    def listen(self) -> asyncio.Queue[bytes]:
        queue: asyncio.Queue[bytes] = asyncio.Queue(SUBSCRIBER_BACKLOG)
        self._listeners.add(queue)
        return queue

    def leave(self, queue: asyncio.Queue[bytes]) -> None:
        self._listeners.discard(queue)

    def is_listening(self, queue: asyncio.Queue[bytes]) -> bool:
        return queue in self._listeners

    @property
    def listeners(self) -> int:
        return len(self._listeners)

    def __len__(self) -> int:
        return len(self._recent)


def page_item(article: EnrichedArticle, body: str | None) -> dict[str, Any]:
    """What the page gets for one article: the enriched event as published, its body when the
    view has seen it, and when the view received it."""
    return {
        "article": article.model_dump(mode="json"),
        "body": body,
        "received_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
    }
