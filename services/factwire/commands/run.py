"""``factwire worker`` and ``factwire broker``: the long-running processes."""

from __future__ import annotations

import click

from factwire.commands.common import Context, friendly_errors, setting_option, shared_options


@click.command()
@setting_option("concurrency", "extraction processes (0: one per CPU)", type=click.IntRange(min=0))
@setting_option("group_id", "the workers' consumer group", metavar="ID")
@setting_option("web_port", "port of /health, /ready, /metrics", type=click.IntRange(1, 65535))
@click.option(
    "--wait-for-kafka",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    metavar="SECONDS",
    help="retry an unreachable broker at start this long (0: fail at once)",
)
@shared_options
@click.pass_obj
@friendly_errors
def worker(
    obj: Context,
    concurrency: int | None,
    group_id: str | None,
    web_port: int | None,
    wait_for_kafka: float,
) -> None:
    """Run the enricher: articles.raw -> articles.enriched (+ articles.dlq) until Ctrl-C."""
    from factwire.enricher import run_worker

    settings = obj.settings(concurrency=concurrency, group_id=group_id, web_port=web_port)
    run_worker(settings, wait_for_kafka=wait_for_kafka)


@click.command()
@click.option("--data-dir", type=click.Path(file_okay=False), help="keep the broker's data here")
@click.option("--port", type=click.IntRange(0, 65535), help="listener port (default: a free one)")
@friendly_errors
def broker(data_dir: str | None, port: int | None) -> None:
    """Run a single-node Kafka broker on loopback until Ctrl-C (prints its address)."""
    from factwire.localkafka import run_broker

    run_broker(data_dir=data_dir, port=port)
