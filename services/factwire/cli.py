"""The ``factwire`` command: run the worker or a local broker, publish, subscribe, enrich, demo.

Every option of the top-level group mirrors a ``FACTWIRE_*`` variable; an option given on the
command line wins over the environment. User mistakes end with a one-line error and a non-zero
exit status, not a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ParamSpec, TypeVar

import click
from pydantic import ValidationError

from factwire.client.files import ArticleItem, Origin, Rejected, parse_text, read_articles
from factwire.client.validation import describe
from factwire.models import RawArticle
from factwire.settings import Settings, SettingsError

P = ParamSpec("P")
R = TypeVar("R")

EXIT_USAGE = 2
EXTRACTORS = ("hybrid", "spacy", "rules")


@dataclass
class Context:
    """What the top-level options leave for the subcommands."""

    overrides: dict[str, Any]

    def settings(self, **more: Any) -> Settings:
        try:
            return Settings.from_env(**{**self.overrides, **more})
        except SettingsError as exc:
            raise click.UsageError(str(exc)) from None


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause (bad settings, unreachable Kafka) into clean exits."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from aiokafka.errors import KafkaConnectionError, KafkaError

        from factwire.client.errors import ClientError
        from factwire.localkafka import LocalKafkaError

        try:
            return command(*args, **kwargs)
        except SettingsError as exc:
            raise click.UsageError(str(exc)) from None
        except KafkaConnectionError as exc:
            raise click.ClickException(connection_failure(exc)) from None
        except LocalKafkaError as exc:
            raise click.ClickException(str(exc)) from None
        except (KafkaError, ClientError) as exc:
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--bootstrap-servers", metavar="HOST:PORT[,...]", help="FACTWIRE_BOOTSTRAP_SERVERS")
@click.option("--extractor", type=click.Choice(EXTRACTORS), help="FACTWIRE_EXTRACTOR")
@click.option("--raw-topic", metavar="NAME", help="FACTWIRE_RAW_TOPIC")
@click.option("--enriched-topic", metavar="NAME", help="FACTWIRE_ENRICHED_TOPIC")
@click.option("--dlq-topic", metavar="NAME", help="FACTWIRE_DLQ_TOPIC")
@click.option(
    "--security-protocol",
    type=click.Choice(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"], case_sensitive=False),
    help="FACTWIRE_SECURITY_PROTOCOL",
)
@click.option(
    "--sasl-mechanism",
    type=click.Choice(["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"], case_sensitive=False),
    help="FACTWIRE_SASL_MECHANISM",
)
@click.option("--sasl-username", metavar="USER", help="FACTWIRE_SASL_USERNAME")
@click.option(
    "--sasl-password",
    metavar="PASSWORD",
    help="FACTWIRE_SASL_PASSWORD (prefer the variable: options show in process lists)",
)
@click.option("--ssl-cafile", type=click.Path(dir_okay=False), help="FACTWIRE_SSL_CAFILE")
@click.option("--ssl-certfile", type=click.Path(dir_okay=False), help="FACTWIRE_SSL_CERTFILE")
@click.option("--ssl-keyfile", type=click.Path(dir_okay=False), help="FACTWIRE_SSL_KEYFILE")
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
    help="FACTWIRE_LOG_LEVEL",
)
@click.pass_context
def cli(ctx: click.Context, /, **options: Any) -> None:
    """factwire: raw news articles in, entities and claims out, on Apache Kafka.

    Settings come from FACTWIRE_* environment variables; each option below overrides the
    variable named in its help.
    """
    for name in ("security_protocol", "sasl_mechanism"):
        if options[name]:
            options[name] = options[name].upper()
    ctx.obj = Context(overrides=options)
    _client_logging((options["log_level"] or "warning").upper())


def _client_logging(level: str) -> None:
    """Plain warnings on stderr for the short-lived commands (the worker logs JSON instead).

    aiokafka logs conditions it retries and recovers from (a partition leader still being
    elected right after a topic was created) as warnings and errors; what it can't recover from
    reaches the CLI as an exception and is reported then. --log-level debug/info shows it all.
    """
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
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


# -- worker and broker -----------------------------------------------------------------------


@cli.command()
@click.option("--concurrency", type=click.IntRange(min=0), help="FACTWIRE_CONCURRENCY (0: cores)")
@click.option("--group-id", metavar="ID", help="FACTWIRE_GROUP_ID")
@click.option("--web-port", type=click.IntRange(1, 65535), help="FACTWIRE_WEB_PORT")
@click.option(
    "--wait-for-kafka",
    type=click.FloatRange(min=0),
    default=0.0,
    metavar="SECONDS",
    help="retry an unreachable broker at start this long (default: fail at once)",
)
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


@cli.command()
@click.option("--data-dir", type=click.Path(file_okay=False), help="keep the broker's data here")
@click.option("--port", type=click.IntRange(0, 65535), help="listener port (default: a free one)")
@friendly_errors
def broker(data_dir: str | None, port: int | None) -> None:
    """Run a single-node Kafka broker on loopback until Ctrl-C (prints its address)."""
    from factwire.localkafka import run_broker

    run_broker(data_dir=data_dir, port=port)


# -- publish and subscribe -------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(min=1))
@click.pass_obj
@friendly_errors
def publish(obj: Context, paths: tuple[str, ...], batch_size: int) -> None:
    """Publish articles from files to the raw topic.

    PATHS are text files (one article each, id from the file name, optional title line then a
    blank line), RawArticle JSON files, JSON Lines files, or directories of these (recursive).
    Anything rejected is listed as FILE[:LINE]: reason and makes the exit status 1.
    """
    settings = obj.settings()
    articles: list[ArticleItem] = []
    problems = 0
    skipped = 0
    for item in read_articles(paths, max_body_chars=settings.max_body_chars):
        if isinstance(item, ArticleItem):
            articles.append(item)
        elif isinstance(item, Rejected):
            problems += 1
            click.echo(str(item), err=True)
        else:
            skipped += 1
    failed = asyncio.run(_publish(settings, articles, batch_size))
    problems += failed
    sent = len(articles) - failed
    summary = (
        f"published {sent} of {len(articles) + problems - failed} articles to {settings.raw_topic}"
    )
    if problems:
        summary += f"; {problems} rejected or failed (listed above)"
    if skipped:
        summary += f"; {skipped} file(s) in directories skipped (not .txt/.md/.json/.jsonl)"
    click.echo(summary, err=True)
    if problems:
        sys.exit(1)


async def _publish(settings: Settings, items: list[ArticleItem], batch_size: int) -> int:
    """Publish with a progress bar; returns how many failed (each reported on stderr)."""
    from rich.console import Console
    from rich.progress import Progress

    from factwire.client import Publisher, ensure_topics

    if not items:
        return 0
    await ensure_topics(settings)
    failed = 0
    console = Console(stderr=True)
    async with Publisher(settings) as publisher:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("publishing", total=len(items))
            for start in range(0, len(items), batch_size):
                chunk = items[start : start + batch_size]
                results = await publisher.publish_many([i.article for i in chunk])
                for item, result in zip(chunk, results, strict=True):
                    if not result.ok:
                        failed += 1
                        console.print(
                            f"{item.origin}: article {result.article_id}: {result.error}",
                            markup=False,
                            highlight=False,
                        )
                progress.advance(task, len(chunk))
    return failed


@cli.command()
@click.option("--pretty", is_flag=True, help="readable view instead of JSON Lines")
@click.option("--from-beginning", is_flag=True, help="start at the earliest event")
@click.option("--limit", type=click.IntRange(min=1), help="stop after N events")
@click.option("--timeout", type=click.FloatRange(min=0), help="stop after S seconds without events")
@click.option("--group", metavar="ID", help="join this consumer group (commits offsets)")
@click.pass_obj
@friendly_errors
def subscribe(  # noqa: PLR0917 (click passes options positionally)
    obj: Context,
    pretty: bool,
    from_beginning: bool,
    limit: int | None,
    timeout: float | None,
    group: str | None,
) -> None:
    """Print enriched articles as they arrive (JSON Lines on stdout, or --pretty)."""
    settings = obj.settings()
    options = SubscribeOptions(pretty, from_beginning, limit, timeout, group)
    asyncio.run(_subscribe(settings, options))


@dataclass(frozen=True)
class SubscribeOptions:
    pretty: bool
    from_beginning: bool
    limit: int | None
    idle_seconds: float | None
    group: str | None


async def _subscribe(settings: Settings, options: SubscribeOptions) -> None:
    from factwire.client import Subscriber
    from factwire.client.render import render

    seen = 0
    pretty, limit = options.pretty, options.limit
    async with Subscriber(
        settings,
        group_id=options.group,
        from_beginning=options.from_beginning,
        idle_timeout=options.idle_seconds,
    ) as events:
        async for article in events:
            if pretty:
                click.echo(render(article) + "\n")
            else:
                click.echo(article.to_json().decode())
            seen += 1
            if limit is not None and seen >= limit:
                break


# -- enrich (offline) ------------------------------------------------------------------------


@cli.command()
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--jsonl", is_flag=True, help="one RawArticle JSON per line in, one out")
@click.option(
    "--extractor",
    "extractor_name",
    type=click.Choice(EXTRACTORS),
    help="hybrid (default), spacy or rules",
)
@click.pass_obj
@friendly_errors
def enrich(obj: Context, source: str, jsonl: bool, extractor_name: str | None) -> None:
    """Enrich articles offline (no Kafka): SOURCE is a file or - for stdin.

    Without --jsonl: one article (plain text or RawArticle JSON) in, one EnrichedArticle JSON
    out. With --jsonl: one EnrichedArticle per valid line, in order; a bad line is reported on
    stderr with its number and skipped, and the exit status is 1 at the end.
    """
    from factwire.extraction import enrich as enrich_one
    from factwire.extraction import get_extractor

    settings = obj.settings(extractor=extractor_name)
    extractor = get_extractor(settings.extractor)
    if not jsonl:
        article = _single_article(_read_source(source), source, settings.max_body_chars)
        click.echo(enrich_one(article, extractor).to_json().decode())
        return
    # Line by line, each answer written and flushed before the next line is read: a tool may
    # drive this as a co-process, one article in, one enriched article out.
    bad = 0
    out = click.get_text_stream("stdout")
    with _open_source(source) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                article = RawArticle.from_json(line, max_body_chars=settings.max_body_chars)
            except ValidationError as exc:
                bad += 1
                click.echo(f"{_label(source)}:{number}: {describe(exc)}", err=True)
                continue
            out.write(enrich_one(article, extractor).to_json().decode() + "\n")
            out.flush()
    if bad:
        sys.exit(1)


@contextlib.contextmanager
def _open_source(source: str) -> Iterator[IO[bytes]]:
    if source == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = Path(source).open("rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise click.ClickException(f"{source}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def _read_source(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{source}: {exc.strerror or exc}") from None


def _label(source: str) -> str:
    return "<stdin>" if source == "-" else source


def _single_article(data: bytes, source: str, max_body_chars: int) -> RawArticle:
    """A RawArticle from JSON when the input is a JSON object, else from plain text."""
    if data.lstrip().startswith(b"{"):
        try:
            return RawArticle.from_json(data, max_body_chars=max_body_chars)
        except ValidationError as exc:
            raise click.ClickException(f"{_label(source)}: {describe(exc)}") from None
    from factwire.client.files import id_from_name

    article_id = "stdin" if source == "-" else id_from_name(Path(source).name) or "article"
    item = parse_text(data, Origin(_label(source)), article_id=article_id)
    if isinstance(item, Rejected):
        raise click.ClickException(str(item))
    assert isinstance(item, ArticleItem)
    return item.article


# -- demo ------------------------------------------------------------------------------------


@cli.command()
@click.option("--keep-running", is_flag=True, help="keep showing events after the samples")
@click.option(
    "--samples",
    "samples_dir",
    type=click.Path(exists=True, file_okay=False),
    help="publish these articles instead of the bundled samples",
)
@click.option("--wait", default=180.0, show_default=True, help="seconds to wait for the samples")
@click.pass_obj
@friendly_errors
def demo(obj: Context, keep_running: bool, samples_dir: str | None, wait: float) -> None:
    """Local broker (unless FACTWIRE_BOOTSTRAP_SERVERS is set) + worker + sample articles.

    Shows each enriched sample as it arrives, then stops everything it started (Ctrl-C
    stops it early; --keep-running keeps showing events until Ctrl-C).
    """
    settings = obj.settings()
    samples = Path(samples_dir) if samples_dir else SAMPLES_DIR
    with contextlib.ExitStack() as stack:
        if settings_given(obj, "bootstrap_servers"):
            asyncio.run(_ensure_topics(settings))
            worker_process = stack.enter_context(start_worker_process(settings))
        else:
            from factwire.localkafka import LocalBroker

            # The worker starts first and loads its models while the broker's JVM starts.
            port = free_port()
            settings = settings.with_overrides(bootstrap_servers=f"127.0.0.1:{port}")
            worker_process = stack.enter_context(
                start_worker_process(settings, wait_for_kafka=wait)
            )
            click.echo("starting a local Kafka broker...")
            broker = stack.enter_context(LocalBroker(port=port))
            # Stop the worker while the broker still runs, so that it commits and leaves cleanly.
            stack.callback(stop_process, worker_process.process)
            click.echo(f"broker ready at {broker.bootstrap}")
            asyncio.run(_ensure_topics(settings))
        asyncio.run(_show_samples(settings, samples, worker_process, keep_running, wait))


SAMPLES_DIR = Path(__file__).parent / "samples"


def settings_given(obj: Context, name: str) -> bool:
    """Whether a setting came from the command line or the environment (not a default)."""
    return obj.overrides.get(name) is not None or bool(os.environ.get(f"FACTWIRE_{name.upper()}"))


def settings_env(settings: Settings) -> dict[str, str]:
    """The FACTWIRE_* variables that reproduce ``settings`` in a child process."""
    return {
        f"FACTWIRE_{f.name.upper()}": str(getattr(settings, f.name))
        for f in dataclasses.fields(settings)
        if getattr(settings, f.name) is not None
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class WorkerProcess:
    """A ``factwire worker`` child process and the file its logs go to."""

    process: subprocess.Popen[bytes]
    log_path: Path
    web_port: int

    def wait_until_ready(self, within: float = 120.0) -> None:
        """Block until the worker's /ready page says ready (or raise with its last log lines)."""
        deadline = time.monotonic() + within
        url = f"http://127.0.0.1:{self.web_port}/ready"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"worker not ready after {within:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@contextlib.contextmanager
def start_worker_process(
    settings: Settings, *, wait_for_kafka: float = 0.0
) -> Iterator[WorkerProcess]:
    """``factwire worker`` as a child process, its JSON logs in a file; stopped on exit."""
    web_port = free_port()
    env = {**os.environ, **settings_env(settings), "FACTWIRE_WEB_PORT": str(web_port)}
    with tempfile.NamedTemporaryFile(prefix="factwire-worker-", suffix=".log", delete=False) as f:
        log_path = Path(f.name)
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "factwire.cli",
                "worker",
                "--wait-for-kafka",
                str(wait_for_kafka),
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us; we stop the worker gracefully
        )
    click.echo(f"worker started (pid {process.pid}); its JSON logs: {log_path}")
    try:
        yield WorkerProcess(process, log_path, web_port)
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM (the worker commits and closes cleanly), then SIGKILL after ``grace`` seconds or
    on a second Ctrl-C."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except (subprocess.TimeoutExpired, KeyboardInterrupt):
            process.kill()
            process.wait()


async def _ensure_topics(settings: Settings) -> None:
    from factwire.client import ensure_topics

    await ensure_topics(settings)


async def _show_samples(
    settings: Settings, samples: Path, worker: WorkerProcess, keep_running: bool, wait: float
) -> None:
    from factwire.client import Publisher, Subscriber
    from factwire.client.render import render

    articles: list[RawArticle] = []
    for item in read_articles([samples]):
        if isinstance(item, ArticleItem):
            articles.append(item.article)
        elif isinstance(item, Rejected):
            click.echo(f"sample left out: {item}", err=True)
    if not articles:
        raise click.ClickException(f"no articles found in {samples}")
    pending = {a.id for a in articles}
    loop = asyncio.get_running_loop()
    async with Subscriber(settings) as events:
        async with Publisher(settings) as publisher:
            results = await publisher.publish_many(articles)
        for result in results:
            if not result.ok:
                pending.discard(result.article_id)
                click.echo(f"sample {result.article_id} not published: {result.error}", err=True)
        started = loop.time()
        click.echo(
            f"published {len(pending)} sample articles to {settings.raw_topic}; waiting for "
            f"enriched events on {settings.enriched_topic} (the first batch waits for the model "
            "to load)...\n"
        )

        async def show() -> None:
            async for article in events:
                if article.article_id in pending or keep_running:
                    pending.discard(article.article_id)
                    seconds = loop.time() - started
                    click.echo(f"{render(article)}\n  (arrived {seconds:.1f} s after publishing)\n")
                if not pending and not keep_running:
                    return

        shower = asyncio.create_task(show())
        try:
            while not shower.done():
                await asyncio.wait({shower}, timeout=0.5)
                if worker.process.poll() is not None:
                    raise click.ClickException(
                        f"the worker stopped (exit status {worker.process.returncode}); "
                        f"last lines of {worker.log_path}:\n{worker.log_tail()}"
                    )
                if pending and loop.time() - started > wait:
                    raise click.ClickException(
                        f"{len(pending)} samples not enriched within {wait:.0f} s; "
                        f"worker log: {worker.log_path}"
                    )
        finally:
            shower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await shower
        await shower
    click.echo(f"all {len(articles)} samples enriched; stopping the worker and the broker")


def main() -> None:
    """Entry point of the ``factwire`` script."""
    cli(prog_name="factwire")


if __name__ == "__main__":
    main()
