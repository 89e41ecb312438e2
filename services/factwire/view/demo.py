"""The live page in ``factwire demo`` (``make run``): started with the worker, kept until Ctrl-C."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import click

from factwire.settings import Settings
from factwire.view.config import ViewSettings
from factwire.view.process import ViewProcess, port_or_free, start_view_process


@contextlib.contextmanager
def demo_page(settings: Settings, wait_for_kafka: float) -> Iterator[ViewProcess]:
    """``factwire view`` on FACTWIRE_VIEW_PORT (8088), or a free port when that one is taken."""
    port = port_or_free(ViewSettings.from_env().port)
    with start_view_process(settings, port, wait_for_kafka=wait_for_kafka) as page:
        click.echo(f"live page starting at {page.url} (its JSON logs: {page.log_path})")
        yield page


def stay_live(page: ViewProcess) -> None:
    """Keep everything running for the page until Ctrl-C (then return, so all stops cleanly)."""
    try:
        page.wait_until_ready()
        click.echo(
            f"\nopen {page.url} to watch the articles arrive and what is trending "
            "(publish more with `factwire publish`); Ctrl-C stops everything"
        )
        while page.process.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        click.echo("\nstopping the page, the worker and the broker")
        return
    raise click.ClickException(
        f"the view stopped (exit status {page.process.returncode}):\n{page.log_tail()}"
    )
