"""``factwire enrich``: articles enriched offline, without Kafka."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click
from pydantic import ValidationError

from factwire.client.files import ArticleItem, Origin, Rejected, id_from_name, parse_text
from factwire.client.validation import describe
from factwire.commands.common import Context, friendly_errors, shared_options
from factwire.models import RawArticle


@click.command()
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--jsonl", is_flag=True, help="one RawArticle JSON per line in, one out")
@shared_options
@click.pass_obj
@friendly_errors
def enrich(obj: Context, source: str, jsonl: bool) -> None:
    """Enrich articles offline (no Kafka): SOURCE is a file or - for stdin.

    Without --jsonl: one article (plain text or RawArticle JSON) in, one EnrichedArticle JSON
    out. With --jsonl: one EnrichedArticle per valid line, in order; a bad line is reported on
    stderr with its number and skipped, and the exit status is 1 at the end.
    """
    from factwire.extraction import enrich as enrich_one
    from factwire.extraction import get_extractor

    settings = obj.settings()
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
    article_id = "stdin" if source == "-" else id_from_name(Path(source).name) or "article"
    item = parse_text(data, Origin(_label(source)), article_id=article_id)
    if isinstance(item, Rejected):
        raise click.ClickException(str(item))
    assert isinstance(item, ArticleItem)
    return item.article
