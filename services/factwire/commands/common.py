"""What every ``factwire`` subcommand shares: the settings options, accepted before or after
the subcommand, and the translation of user-caused errors into one-line messages.

Each settings option mirrors a ``FACTWIRE_*`` variable (click reads it, and ``--help`` shows it
with the default); an option given on the command line wins over the variable.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import click

from factwire.logs import VALUE_LOGGERS
from factwire.settings import (
    EXTRACTORS,
    LOG_LEVELS,
    PREFIX,
    SASL_MECHANISMS,
    SECURITY_PROTOCOLS,
    Settings,
    SettingsError,
    default,
)

P = ParamSpec("P")
R = TypeVar("R")
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


@dataclass
class Context:
    """What the settings options leave for the subcommands (``ctx.obj``)."""

    overrides: dict[str, Any] = field(default_factory=dict)

    def merge(self, options: dict[str, Any]) -> None:
        """Options given after the subcommand win over those given before it."""
        self.overrides.update({k: v for k, v in options.items() if v is not None})

    def settings(self, **more: Any) -> Settings:
        try:
            return Settings.from_env(**{**self.overrides, **more})
        except SettingsError as exc:
            raise click.UsageError(str(exc)) from None


def setting_option(name: str, help: str, *, show_default: bool = True, **kwargs: Any) -> Decorator:
    """A ``--name`` option for setting ``name``: read from ``FACTWIRE_NAME`` when not given,
    its default (shown in ``--help``) left to ``Settings``."""
    value = default(name)
    return click.option(
        f"--{name.replace('_', '-')}",
        name,
        default=None,
        envvar=PREFIX + name.upper(),
        show_envvar=True,
        show_default=str(value) if show_default and value is not None else False,
        help=help,
        **kwargs,
    )


def _choice(values: tuple[str, ...], *, case_sensitive: bool = True) -> click.Choice[str]:
    return click.Choice(values, case_sensitive=case_sensitive)


_PATH = click.Path(dir_okay=False)

#: The settings options of the group and of every subcommand that reads settings.
SHARED: dict[str, dict[str, Any]] = {
    "bootstrap_servers": {"help": "Kafka bootstrap servers", "metavar": "HOST:PORT[,...]"},
    "extractor": {"help": "extraction backend", "type": _choice(EXTRACTORS)},
    "raw_topic": {"help": "topic of raw articles", "metavar": "NAME"},
    "enriched_topic": {"help": "topic of enriched events", "metavar": "NAME"},
    "dlq_topic": {"help": "dead-letter topic", "metavar": "NAME"},
    "security_protocol": {
        "help": "Kafka security protocol",
        "type": _choice(SECURITY_PROTOCOLS, case_sensitive=False),
    },
    "sasl_mechanism": {
        "help": "SASL mechanism",
        "type": _choice(SASL_MECHANISMS, case_sensitive=False),
    },
    "sasl_username": {"help": "SASL user", "metavar": "USER"},
    "sasl_password": {
        "help": "SASL password (prefer the variable or FACTWIRE_SASL_PASSWORD_FILE: options "
        "show in process lists)",
        "metavar": "PASSWORD",
        "show_default": False,
    },
    "ssl_cafile": {"help": "CA bundle to verify the brokers", "type": _PATH},
    "ssl_certfile": {"help": "client certificate (mutual TLS)", "type": _PATH},
    "ssl_keyfile": {"help": "client key (mutual TLS)", "type": _PATH},
    "log_level": {"help": "log level", "type": _choice(LOG_LEVELS, case_sensitive=False)},
}


def add_shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Put the settings options on a command or group (the group's own callback takes them)."""
    for name, spec in reversed(SHARED.items()):
        command = setting_option(name, **spec)(command)
    return command


def shared_options(command: Callable[P, R]) -> Callable[..., R]:
    """Accept the settings options after the subcommand too; they land in ``ctx.obj``.

    Place it below ``@cli.command()``/``@click.command()`` and the command's own options.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        given = {name: kwargs.pop(name, None) for name in SHARED}
        ctx = click.get_current_context()
        context(ctx).merge(given)
        if given_on_command_line(ctx, "log_level"):
            client_logging(given["log_level"])
        return command(*args, **kwargs)

    return add_shared_options(wrapper)


def context(ctx: click.Context) -> Context:
    """The ``Context`` object of a click context (made when a command runs without the group)."""
    obj = ctx.find_object(Context)
    if obj is None:
        obj = ctx.ensure_object(Context)
    return obj


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause (bad settings, unreachable Kafka) into clean exits."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from aiokafka.errors import KafkaConnectionError, KafkaError

        from factwire.client.errors import ClientError
        from factwire.localkafka import LocalKafkaError
        from factwire.models import UnsupportedVersionError

        try:
            return command(*args, **kwargs)
        except SettingsError as exc:
            raise click.UsageError(str(exc)) from None
        except KafkaConnectionError as exc:
            raise click.ClickException(connection_failure(exc)) from None
        except (LocalKafkaError, UnsupportedVersionError) as exc:
            raise click.ClickException(str(exc)) from None
        except (KafkaError, ClientError) as exc:
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def given_on_command_line(ctx: click.Context, name: str) -> bool:
    """Whether option ``name`` was typed (not read from its variable or defaulted)."""
    return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE


def client_logging(level: str = "warning") -> None:
    """Plain warnings on stderr for the short-lived commands (the worker logs JSON instead):
    only ``--log-level`` changes that, not ``FACTWIRE_LOG_LEVEL``, which is the worker's.

    aiokafka logs conditions it retries and recovers from (a partition leader still being
    elected right after a topic was created) as warnings and errors; what it can't recover from
    reaches the CLI as an exception and is reported then. --log-level debug/info shows it all.
    """
    level = level.upper()
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    for name in VALUE_LOGGERS:  # they would print article text at debug level
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLevelName(level)))
    if logging.getLevelName(level) >= logging.WARNING:
        logging.getLogger("aiokafka").setLevel(logging.ERROR)
        logging.getLogger("aiokafka").addFilter(CONNECTION_FAILURES)


class ConnectionFailures(logging.Filter):
    """Hides aiokafka's records but remembers why its last connection attempt failed.

    aiokafka logs the cause (e.g. ``SaslAuthenticationFailed``) and then raises only "Unable
    to bootstrap", which alone would send a user with a wrong password looking for the broker.
    """

    last_reason: str | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Unable connect") and record.args:
            self.last_reason = str(record.args[-1])  # type: ignore[index]
        return record.levelno >= logging.CRITICAL


CONNECTION_FAILURES = ConnectionFailures()


def connection_failure(exc: Exception) -> str:
    """What to tell a user whose Kafka client could not connect, with the cause when known."""
    reason = CONNECTION_FAILURES.last_reason
    if reason and "Authentication" in reason:
        return (
            f"Kafka refused the credentials ({reason}); check --sasl-mechanism, "
            "--sasl-username and the password (FACTWIRE_SASL_MECHANISM, FACTWIRE_SASL_USERNAME, "
            "FACTWIRE_SASL_PASSWORD)"
        )
    cause = f"{exc}: {reason}" if reason else str(exc)
    return (
        f"cannot reach Kafka ({cause}); check --bootstrap-servers / "
        "FACTWIRE_BOOTSTRAP_SERVERS, or start one with `factwire broker`"
    )
