"""The view's HTTP side (aiohttp): the page, its assets, the JSON API and the live stream.

- ``GET /``: the page; ``/static/...``: its script, style sheet and nothing else (no CDN).
- ``GET /api/articles?limit=N``: the latest N articles, newest first.
- ``GET /api/trending?window=1h&type=PERSON&limit=20``: entities and speakers of a window
  (``type`` takes one label or several separated by commas; ``at`` picks the window holding
  that epoch second instead of the current one).
- ``GET /api/events``: server-sent events, one ``article`` event per enriched article.
- ``GET /health``, ``GET /ready``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from aiohttp import web

from factwire.models import ENTITY_TYPES
from factwire.view.app import TrendingTables
from factwire.view.feed import Feed
from factwire.view.tallies import Kind, ranked

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
KEEPALIVE_SECONDS = 15.0

FEED: web.AppKey[Feed] = web.AppKey("feed", Feed)
TABLES: web.AppKey[TrendingTables] = web.AppKey("tables", TrendingTables)
READY: web.AppKey[Callable[[], bool]] = web.AppKey("ready", Callable[[], bool])  # type: ignore[arg-type]


class QueryError(ValueError):
    """A query parameter the API can't use; answered with 400 and the reason."""


def create_web_app(
    feed: Feed, tables: TrendingTables, ready: Callable[[], bool]
) -> web.Application:
    app = web.Application(middlewares=[_bad_requests])
    app[FEED] = feed
    app[TABLES] = tables
    app[READY] = ready
    app.router.add_get("/", index)
    app.router.add_static("/static/", STATIC, follow_symlinks=False)
    app.router.add_get("/api/articles", articles)
    app.router.add_get("/api/trending", trending)
    app.router.add_get("/api/events", events)
    app.router.add_get("/health", health)
    app.router.add_get("/ready", readiness)
    return app


@web.middleware
async def _bad_requests(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        response: web.StreamResponse = await handler(request)
    except QueryError as exc:
        return _json({"error": str(exc)}, status=400)
    return response


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def articles(request: web.Request) -> web.Response:
    limit = _int_param(request, "limit", default=20, low=1, high=MAX_LIMIT)
    items = request.app[FEED].latest(limit)
    return web.Response(
        body=b"[" + b",".join(items) + b"]", content_type="application/json", charset="utf-8"
    )


async def trending(request: web.Request) -> web.Response:
    tables = request.app[TABLES]
    label = request.query.get("window", tables.labels[0])
    if label not in tables.labels:
        raise QueryError(f"window={label!r}: this view keeps {', '.join(tables.labels)}")
    entity_types = _types_param(request)
    limit = _int_param(request, "limit", default=20, low=1, high=MAX_LIMIT)
    at = _float_param(request, "at")
    window = tables.window_counts(label, at)
    body: dict[str, Any] = {
        "window": label,
        "windows": tables.labels,
        "start": _iso(window.start),
        "end": _iso(window.end),
        "type": sorted(entity_types) if entity_types else None,
        "limit": limit,
    }
    sections: tuple[tuple[Kind, str], ...] = (("entity", "entities"), ("speaker", "speakers"))
    for kind, field in sections:
        top = ranked(window.counts, kind, entity_types=entity_types, limit=limit)
        body[field] = [counts.as_json() for counts in top]
    return _json(body)


async def events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: each new article as ``event: article``; a comment line every
    ``KEEPALIVE_SECONDS`` keeps proxies from closing an idle stream."""
    feed = request.app[FEED]
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    queue = feed.listen()
    try:
        await response.write(b"retry: 2000\n\n")
        while feed.is_listening(queue):
            try:
                data = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            await response.write(b"event: article\ndata: " + data + b"\n\n")
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        feed.leave(queue)
    with contextlib.suppress(ConnectionResetError):
        await response.write_eof()
    return response


async def health(request: web.Request) -> web.Response:
    return _json({"status": "ok"})


async def readiness(request: web.Request) -> web.Response:
    ready = request.app[READY]()
    return _json({"status": "ready" if ready else "starting"}, status=200 if ready else 503)


def _int_param(request: web.Request, name: str, *, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"{name}={raw!r}: expected a whole number") from None
    if not low <= value <= high:
        raise QueryError(f"{name}={value}: expected {low} to {high}")
    return value


def _types_param(request: web.Request) -> frozenset[str] | None:
    """``type=PERSON`` or ``type=PERSON,ORG``: the entity types to rank (default: all)."""
    raw = request.query.get("type", "")
    types = frozenset(t.strip() for t in raw.split(",") if t.strip())
    unknown = sorted(types - frozenset(ENTITY_TYPES))
    if unknown:
        raise QueryError(f"type={','.join(unknown)!r}: expected OntoNotes labels such as PERSON")
    return types or None


def _float_param(request: web.Request, name: str) -> float | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise QueryError(f"{name}={raw!r}: expected epoch seconds") from None


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat()


def _json(body: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=orjson.dumps(body), status=status, content_type="application/json", charset="utf-8"
    )
