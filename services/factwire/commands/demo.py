"""``factwire demo``: a local broker, a worker and the sample articles, shown as they arrive."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import click

from factwire.client.files import ArticleItem, Rejected, read_articles
from factwire.commands.common import Context, friendly_errors, shared_options
from factwire.models import RawArticle
from factwire.processes import WorkerProcess, free_port, start_worker_process, stop_process
from factwire.settings import Settings

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"


@click.command()
@click.option("--keep-running", is_flag=True, help="keep showing events after the samples")
@click.option(
    "--samples",
    "samples_dir",
    type=click.Path(exists=True, file_okay=False),
    help="publish these articles instead of the bundled samples",
)
@click.option("--wait", default=180.0, show_default=True, help="seconds to wait for the samples")
@click.option("--view/--no-view", default=True, help="serve the live page (FACTWIRE_VIEW_PORT)")
@shared_options
@click.pass_obj
@friendly_errors
def demo(
    obj: Context, keep_running: bool, samples_dir: str | None, wait: float, view: bool
) -> None:
    """Local broker (unless FACTWIRE_BOOTSTRAP_SERVERS is set) + worker + live page + samples.

    Shows each enriched sample as it arrives, then keeps the live page (`factwire view`) up
    until Ctrl-C, which stops everything it started (with --no-view it stops after the
    samples; --keep-running keeps showing events until Ctrl-C).
    """
    settings = obj.settings()
    samples = Path(samples_dir) if samples_dir else SAMPLES_DIR
    with contextlib.ExitStack() as stack:
        if "bootstrap_servers" in settings.model_fields_set:  # an option, variable or .env
            asyncio.run(_ensure_topics(settings))
            worker = stack.enter_context(start_worker_process(settings))
            _started(worker)
        else:
            from factwire.localkafka import LocalBroker

            # The worker starts first and loads its models while the broker's JVM starts.
            port = free_port()
            settings = settings.with_overrides(bootstrap_servers=f"127.0.0.1:{port}")
            worker = stack.enter_context(start_worker_process(settings, wait_for_kafka=wait))
            _started(worker)
            click.echo("starting a local Kafka broker...")
            broker = stack.enter_context(LocalBroker(port=port))
            # Stop the worker while the broker still runs, so that it commits and leaves cleanly.
            stack.callback(stop_process, worker.process)
            click.echo(f"broker ready at {broker.bootstrap}")
            asyncio.run(_ensure_topics(settings))
        from factwire.view.demo import demo_page, stay_live

        page = stack.enter_context(demo_page(settings, wait)) if view else None
        asyncio.run(_show_samples(settings, samples, worker, keep_running, wait))
        if page is not None:
            stay_live(page)


def _started(worker: WorkerProcess) -> None:
    click.echo(f"worker started (pid {worker.pid}); its JSON logs: {worker.log_path}")


async def _ensure_topics(settings: Settings) -> None:
    from factwire.client import ensure_topics

    await ensure_topics(settings)


def _samples(samples: Path) -> list[RawArticle]:
    articles: list[RawArticle] = []
    for item in read_articles([samples]):
        if isinstance(item, ArticleItem):
            articles.append(item.article)
        elif isinstance(item, Rejected):
            click.echo(f"sample left out: {item}", err=True)
    if not articles:
        raise click.ClickException(f"no articles found in {samples}")
    return articles


async def _show_samples(
    settings: Settings, samples: Path, worker: WorkerProcess, keep_running: bool, wait: float
) -> None:
    from factwire.client import Publisher, Subscriber
    from factwire.client.render import render

    articles = _samples(samples)
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
            await _watch(shower, worker, pending, deadline=started + wait)
        finally:
            shower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await shower
        await shower
    click.echo(f"all {len(articles)} samples enriched")


async def _watch(
    shower: asyncio.Task[None], worker: WorkerProcess, pending: set[str], deadline: float
) -> None:
    """Wait for ``shower`` while the worker runs and the samples are not late."""
    loop = asyncio.get_running_loop()
    while not shower.done():
        await asyncio.wait({shower}, timeout=0.5)
        if not worker.alive():
            raise click.ClickException(
                f"the worker stopped (exit status {worker.process.returncode}); "
                f"last lines of {worker.log_path}:\n{worker.log_tail()}"
            )
        if pending and loop.time() > deadline:
            raise click.ClickException(
                f"{len(pending)} samples not enriched in time; worker log: {worker.log_path}"
            )
