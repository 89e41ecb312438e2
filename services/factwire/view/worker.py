"""``factwire view``: the view's Faust worker with its aiohttp page in the same event loop."""

from __future__ import annotations

import asyncio
import atexit
import logging
import logging.config
import tempfile
from collections.abc import Callable
from typing import Any, NoReturn

import faust
from aiohttp import web

from factwire.enricher.worker import _topics_when_kafka_answers
from factwire.logs import logging_config
from factwire.settings import Settings
from factwire.view.app import create_view_app, ready
from factwire.view.config import ViewSettings
from factwire.view.feed import Feed
from factwire.view.web import create_web_app

log = logging.getLogger("factwire.view")


def run_view(
    settings: Settings,
    view: ViewSettings,
    *,
    wait_for_kafka: float = 0.0,
    on_listening: Callable[[str], None] = print,
) -> NoReturn:
    """Run the view in this process until SIGINT/SIGTERM; ``on_listening`` gets the page's URL."""
    logging.config.dictConfig(logging_config(settings.log_level))
    state = tempfile.TemporaryDirectory(prefix="factwire-view-")
    atexit.register(state.cleanup)
    feed = Feed(view.history, max_body_chars=settings.max_body_chars)
    app, tables = create_view_app(settings, view, feed, datadir=state.name)
    page = create_web_app(feed, tables, lambda: ready(app))
    serve_page(app, page, view, on_listening)
    asyncio.run(_topics_when_kafka_answers(settings, wait_for_kafka))
    log.info(
        "starting view",
        extra={
            "bootstrap_servers": settings.bootstrap_servers,
            "enriched_topic": settings.enriched_topic,
            "group_id": view.group_id,
            "windows": [w.label for w in view.windows],
            "tables": tables.table_names(),
        },
    )
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level),
        quiet=True,
        redirect_stdouts=False,
    )
    worker.execute_from_commandline()


def serve_page(
    app: faust.App, page: web.Application, view: ViewSettings, on_listening: Callable[[str], None]
) -> None:
    """Start the page's server with the Faust app and stop it before the app shuts down."""
    runner = web.AppRunner(page, handle_signals=False, access_log=None)

    @app.task(on_leader=False)  # type: ignore[untyped-decorator]
    async def start_page() -> None:
        await runner.setup()
        site = web.TCPSite(runner, view.host, view.port)
        await site.start()
        url = page_url(view.host, _bound_port(site, view.port))
        log.info("page listening", extra={"url": url})
        on_listening(url)

    @app.on_before_shutdown.connect
    async def stop_page(sender: Any, /, *args: Any, **kwargs: Any) -> None:
        await runner.cleanup()


def _bound_port(site: web.TCPSite, asked: int) -> int:
    server = site._server  # the asyncio server: the only place a port 0 becomes a real one
    sockets = getattr(server, "sockets", None) or []
    return int(sockets[0].getsockname()[1]) if sockets else asked


def page_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host  # noqa: S104 (a display name)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"
