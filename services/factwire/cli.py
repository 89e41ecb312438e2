"""The ``factwire`` command: the group, its settings options, and the list of subcommands.

Each subcommand lives in a module of ``factwire.commands`` (or of its own) and is registered
below with one ``cli.add_command`` line. Settings options (``--bootstrap-servers``, ...) are
accepted before or after the subcommand and mirror ``FACTWIRE_*`` variables. User mistakes end
with a one-line error and a non-zero exit status, not a traceback.
"""

from __future__ import annotations

from typing import Any

import click

from factwire import __version__
from factwire.commands.common import (
    Context,
    add_shared_options,
    client_logging,
    context,
    friendly_errors,
    given_on_command_line,
)
from factwire.commands.demo import SAMPLES_DIR, demo
from factwire.commands.enrich import enrich
from factwire.commands.pubsub import publish, subscribe
from factwire.commands.run import broker, worker
from factwire.commands.topics import topics
from factwire.dlq_cli import dlq
from factwire.view.command import view

__all__ = ["SAMPLES_DIR", "Context", "cli", "friendly_errors", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="factwire")
@add_shared_options
@click.pass_context
def cli(ctx: click.Context, /, **options: Any) -> None:
    """factwire: raw news articles in, entities and claims out, on Apache Kafka.

    Settings come from FACTWIRE_* environment variables (and a .env file); each option, given
    before or after the subcommand, overrides its variable.
    """
    context(ctx).merge(options)
    client_logging(options["log_level"] if given_on_command_line(ctx, "log_level") else "warning")


cli.add_command(worker)
cli.add_command(broker)
cli.add_command(publish)
cli.add_command(subscribe)
cli.add_command(enrich)
cli.add_command(demo)
cli.add_command(topics)
cli.add_command(dlq)  # dead letters: list, show, replay
cli.add_command(view)  # the live page


def main() -> None:
    """Entry point of the ``factwire`` script."""
    cli(prog_name="factwire")


if __name__ == "__main__":
    main()
