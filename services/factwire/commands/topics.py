"""``factwire topics``: create factwire's three topics and show how the broker holds them."""

from __future__ import annotations

import asyncio

import click
import orjson

from factwire.commands.common import Context, friendly_errors, setting_option, shared_options


@click.command()
@setting_option("topic_partitions", "partitions of topics created", type=click.IntRange(min=1))
@setting_option("topic_replication", "replication of topics created", type=click.IntRange(min=1))
@setting_option(
    "topic_retention_ms", "retention.ms of topics created (-1: forever)", type=click.IntRange(-1)
)
@click.option("--create/--no-create", default=True, show_default=True, help="create missing ones")
@click.option("--json", "as_json", is_flag=True, help="one JSON object instead of a table")
@shared_options
@click.pass_obj
@friendly_errors
def topics(  # noqa: PLR0917 (click passes options positionally)
    obj: Context,
    topic_partitions: int | None,
    topic_replication: int | None,
    topic_retention_ms: int | None,
    create: bool,
    as_json: bool,
) -> None:
    """Create the raw, enriched and dead-letter topics when missing, then describe them.

    Shows partitions, replication, retention.ms and max.message.bytes of each topic, and the
    broker's message.max.bytes (the largest record it takes; FACTWIRE_MAX_MESSAGE_BYTES should
    not exceed it). Partitions are the most workers that share the load.
    """
    from factwire.client.admin import describe_topics, ensure_topics, topic_names

    settings = obj.settings(
        topic_partitions=topic_partitions,
        topic_replication=topic_replication,
        topic_retention_ms=topic_retention_ms,
    )
    created = asyncio.run(ensure_topics(settings)) if create else []
    info = asyncio.run(describe_topics(settings))
    missing = sorted(set(topic_names(settings)) - {t.name for t in info.topics})
    if as_json:
        body = {
            "topics": [t.as_dict() for t in info.topics],
            "created": created,
            "missing": missing,
            "broker": {"id": info.broker_id, "message.max.bytes": info.message_max_bytes},
        }
        click.echo(orjson.dumps(body, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(f"{'topic':32} {'partitions':>10} {'replication':>11} {'retention.ms':>13}")
        for t in info.topics:
            mark = " (created)" if t.name in created else ""
            row = f"{t.name:32} {t.partitions:>10} {t.replication:>11} {t.retention_ms or '-':>13}"
            click.echo(row + mark)
        for name in missing:
            click.echo(f"{name:32} missing (run without --no-create to create it)")
        click.echo(f"broker {info.broker_id}: message.max.bytes = {info.message_max_bytes}")
    limit = info.message_max_bytes
    if limit is not None and settings.max_message_bytes > limit:
        click.echo(
            f"warning: FACTWIRE_MAX_MESSAGE_BYTES={settings.max_message_bytes} is above the "
            f"broker's message.max.bytes={limit}: large enriched events would be refused",
            err=True,
        )
    if missing:
        raise SystemExit(1)
