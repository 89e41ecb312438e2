"""``factwire dlq``: list, show and replay dead letters (the work is in client/deadletters.py).

Dead letters are named by ``PARTITION:OFFSET`` in the dead-letter topic; a bare ``OFFSET``
matches that offset in every partition.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any, get_args

import click
import orjson

from factwire.client import deadletters as dl
from factwire.commands.common import friendly_errors, shared_options
from factwire.models import ErrorStage
from factwire.settings import Settings


def _settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj.settings() if obj is not None else Settings.from_env()


def _errors(command: Callable[..., None]) -> Callable[..., None]:
    """The CLI's usual handling of a user's mistakes (``friendly_errors``), plus selections."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        friendly_errors(_selection_errors(command))(*args, **kwargs)

    return wrapper


def _selection_errors(command: Callable[..., None]) -> Callable[..., None]:
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except dl.DeadLetterError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def _parse_since(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    try:
        return dl.parse_since(value) if value else None
    except dl.DeadLetterError as exc:
        raise click.BadParameter(str(exc)) from None


def _parse_positions(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    try:
        return frozenset(dl.parse_position(v) for v in value)
    except dl.DeadLetterError as exc:
        raise click.BadParameter(str(exc)) from None


def _filters(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(
        [
            click.option("--stage", type=click.Choice(list(get_args(ErrorStage)))),
            click.option("--type", "error_type", metavar="TYPE", help="e.g. MissingKey"),
            click.option(
                "--since",
                metavar="TIME|AGO",
                callback=_parse_since,
                help="failed at or after: ISO 8601 time, or a duration ago (30m, 2h, 1d)",
            ),
        ]
    ):
        command = option(command)
    return command


@click.group()
def dlq() -> None:
    """Read and replay dead letters (FACTWIRE_DLQ_TOPIC)."""


@dlq.command("list")
@_filters
@click.option("--json", "as_json", is_flag=True, help="one JSON object per line")
@shared_options
@click.pass_context
@_errors
def list_(
    ctx: click.Context, stage: str | None, error_type: str | None, since: Any, as_json: bool
) -> None:
    """List dead letters: position, key, stage, type, message, source record, time."""
    selection = dl.Selection(stage=stage, error_type=error_type, since=since)
    letters = dl.select(asyncio.run(dl.read_dead_letters(_settings(ctx))), selection)
    for letter in letters:
        row = letter.summary()
        if as_json:
            click.echo(orjson.dumps(row).decode())
            continue
        source = f"{row['source_topic']}/{row['source_partition']}/{row['source_offset']}"
        click.echo(
            f"{letter.position}\t{row['failed_at']}\t{row['stage']}/{row['type']}\t"
            f"key={row['key']!r}\tfrom {source}\t{row['message']}"
        )
    if not as_json:
        click.echo(f"{len(letters)} dead letters", err=True)


@dlq.command()
@click.argument("position", callback=lambda c, p, v: _parse_positions(c, p, (v,)))
@click.option("--max-bytes", default=dl.PREVIEW_BYTES, show_default=True, type=click.IntRange(1))
@shared_options
@click.pass_context
@_errors
def show(ctx: click.Context, position: frozenset[str], max_bytes: int) -> None:
    """Headers, key and a printable preview of the value of one dead letter.

    POSITION is PARTITION:OFFSET (or OFFSET when the topic has one partition).
    """
    letters = dl.select(
        asyncio.run(dl.read_dead_letters(_settings(ctx))), dl.Selection(positions=position)
    )
    if not letters:
        raise dl.DeadLetterError(f"no dead letter at {next(iter(position))}")
    if len(letters) > 1:
        where = ", ".join(letter.position for letter in letters)
        raise dl.DeadLetterError(f"offset in several partitions ({where}): give PARTITION:OFFSET")
    letter = letters[0]
    click.echo(f"position: {letter.position}")
    click.echo(f"key: {'(none)' if letter.key is None else dl.safe_text(letter.key, max_bytes)}")
    click.echo("headers:")
    for name, value in letter.headers:
        click.echo(f"  {name}: {dl.safe_text(value, max_bytes)}")
    size = "(none)" if letter.value is None else f"{len(letter.value)} bytes"
    click.echo(f"value: {size}")
    if letter.value is not None:
        click.echo(dl.safe_text(letter.value, max_bytes))


@dlq.command()
@click.option("--all", "everything", is_flag=True, help="every dead letter")
@click.option(
    "--offset",
    "positions",
    multiple=True,
    metavar="[PARTITION:]OFFSET",
    callback=_parse_positions,
    help="this dead letter (repeatable)",
)
@_filters
@click.option("--dry-run", is_flag=True, help="show what would be replayed, send nothing")
@click.option("--json", "as_json", is_flag=True, help="the summary as JSON")
@shared_options
@click.pass_context
@_errors
def replay(  # noqa: PLR0913, PLR0917 (click passes each option as an argument)
    ctx: click.Context,
    everything: bool,
    positions: frozenset[str],
    stage: str | None,
    error_type: str | None,
    since: Any,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Send dead letters back to the raw topic, keyed by the body's id.

    Each record keeps its value and headers (trace context included) and gains
    factwire.replay.of: DLQ_TOPIC/PARTITION/OFFSET. Replaying content the worker already
    enriched yields no second event.
    """
    if not (everything or positions or stage or error_type or since):
        raise click.UsageError("choose what to replay: --all, --offset, --stage, --type, --since")
    settings = _settings(ctx)
    selection = dl.Selection(positions=positions, stage=stage, error_type=error_type, since=since)
    letters = dl.select(asyncio.run(dl.read_dead_letters(settings)), selection)
    report = asyncio.run(dl.replay(settings, letters, dry_run=dry_run))
    if as_json:
        click.echo(orjson.dumps(report.as_dict()).decode())
        return
    verb = "would replay" if dry_run else "replayed"
    for item in report.replayed:
        where = "" if item.raw_offset is None else f" -> {item.raw_partition}:{item.raw_offset}"
        note = " (re-keyed from the body's id)" if item.rekeyed else ""
        click.echo(f"{verb} {item.position} key={item.key!r}{where}{note}")
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.position}: {skipped.reason}")
    click.echo(
        f"{verb} {len(report.replayed)} of {len(letters)} selected dead letters to "
        f"{settings.raw_topic}; {len(report.skipped)} skipped",
        err=True,
    )
