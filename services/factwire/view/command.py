"""The ``factwire view`` command (registered on the top-level group in ``factwire.cli``)."""

from __future__ import annotations

import socket
from typing import Any

import click

from factwire.view.config import ViewSettings, ViewSettingsError


@click.command("view")
@click.option("--port", type=click.IntRange(0, 65535), help="FACTWIRE_VIEW_PORT (default 8088)")
@click.option("--host", metavar="ADDRESS", help="FACTWIRE_VIEW_HOST (default 127.0.0.1)")
@click.option(
    "--windows", metavar="LIST", help="FACTWIRE_VIEW_WINDOWS: tumbling windows (default 1h,24h)"
)
@click.option("--group-id", metavar="ID", help="FACTWIRE_VIEW_GROUP_ID (default factwire-view)")
@click.option(
    "--wait-for-kafka",
    type=click.FloatRange(min=0),
    default=0.0,
    metavar="SECONDS",
    help="retry an unreachable broker at start this long (default: fail at once)",
)
@click.pass_obj
def view(  # noqa: PLR0917 (click passes options positionally)
    obj: Any,
    port: int | None,
    host: str | None,
    windows: str | None,
    group_id: str | None,
    wait_for_kafka: float,
) -> None:
    """A live page of enriched articles and trending entities, until Ctrl-C.

    Reads the enriched topic (and the raw topic, for the bodies the highlights point into) in
    its own consumer group; counts per entity and speaker live in windowed Faust tables with
    changelog topics. Prints the page's address once it listens.
    """
    from factwire.commands.common import friendly_errors
    from factwire.view.config import parse_windows
    from factwire.view.worker import run_view

    try:
        view_settings = ViewSettings.from_env().with_overrides(
            port=port,
            host=host,
            group_id=group_id,
            windows=parse_windows(windows) if windows else None,
        )
    except ViewSettingsError as exc:
        raise click.UsageError(str(exc)) from None
    settings = obj.settings()
    _check_can_listen(view_settings.host, view_settings.port)

    def announce(url: str) -> None:
        click.echo(f"factwire view: {url}", err=True)

    friendly_errors(run_view)(
        settings, view_settings, wait_for_kafka=wait_for_kafka, on_listening=announce
    )


def _check_can_listen(host: str, port: int) -> None:
    """Fail before connecting to Kafka when the page's address is taken or not ours."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve the page on {host}:{port} ({exc.strerror or exc}); "
            "choose another with --port / FACTWIRE_VIEW_PORT"
        ) from None
