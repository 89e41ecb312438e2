"""``factwire publish`` and ``factwire subscribe``: articles in, enriched events out."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

import click

from factwire.client.files import ArticleItem, Rejected, read_articles
from factwire.commands.common import Context, friendly_errors, shared_options
from factwire.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(min=1))
@shared_options
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


@dataclass(frozen=True)
class SubscribeOptions:
    pretty: bool
    from_beginning: bool
    limit: int | None
    idle_seconds: float | None
    group: str | None


@click.command()
@click.option("--pretty", is_flag=True, help="readable view instead of JSON Lines")
@click.option("--from-beginning", is_flag=True, help="start at the earliest event")
@click.option("--limit", type=click.IntRange(min=1), help="stop after N events")
@click.option("--timeout", type=click.FloatRange(min=0), help="stop after S seconds without events")
@click.option("--group", metavar="ID", help="join this consumer group (commits offsets)")
@shared_options
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
