"""docs/contract.md, the header tables of the models, the AsyncAPI document and the code that
writes headers agree: a header written in one place and forgotten in another fails here."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from opentelemetry import context
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from pydantic import BaseModel

from factwire import schemagen
from factwire.client.deadletters import DeadLetter, replay_headers
from factwire.client.publisher import raw_headers
from factwire.enricher.headers import SourcePosition, dead_letter_headers, enriched_headers
from factwire.models import (
    DEAD_LETTER_HEADERS,
    ENRICHED_HEADERS,
    RAW_HEADERS,
    SCHEMA_MINOR,
    SCHEMA_VERSION,
    Claim,
    EnrichedArticle,
    Entity,
    ExtractorInfo,
    Mention,
    RawArticle,
    Speaker,
)

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "contract.md"
TRACEPARENT = b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def written_enriched() -> list[str]:
    incoming = [("traceparent", TRACEPARENT), ("tracestate", b"vendor=1")]
    headers = enriched_headers(
        article_id="a-1", content_sha256="0" * 64, enriched_at=datetime.now(UTC), incoming=incoming
    )
    return [name for name, _ in headers]


def written_dead_letter() -> list[str]:
    incoming = [("traceparent", TRACEPARENT), ("factwire.error.stage", b"old")]
    headers = dead_letter_headers(
        stage="decode",
        error_type="InvalidJSON",
        message="not JSON",
        source=SourcePosition("articles.raw", 0, 7),
        incoming=incoming,
    )
    return [name for name, _ in headers if name != "traceparent"]  # the original's own


def written_raw() -> list[str]:
    """A raw record published in a trace that has a trace state, then replayed from a dead
    letter."""
    parent = TraceContextTextMapPropagator().extract(
        {"traceparent": TRACEPARENT.decode(), "tracestate": "vendor=1"}
    )
    token = context.attach(parent)
    try:
        published = raw_headers("articles.raw")
    finally:
        context.detach(token)
    letter = DeadLetter(0, 7, 0, b"a-1", b"{}", (*published, ("factwire.error.stage", b"x")))
    replayed = replay_headers(letter, "articles.dlq")
    return [name for name, _ in published] + [
        name for name, _ in replayed if name not in dict(published)
    ]


#: (message in the AsyncAPI document, its table in factwire.models, the code that writes it).
#: A new header writer goes here with the table it belongs to.
WRITERS: list[tuple[str, dict[str, str], Callable[[], list[str]]]] = [
    ("RawArticle", RAW_HEADERS, written_raw),
    ("EnrichedArticle", ENRICHED_HEADERS, written_enriched),
    ("DeadLetter", DEAD_LETTER_HEADERS, written_dead_letter),
]


@pytest.mark.parametrize(("message", "table", "writer"), WRITERS, ids=[w[0] for w in WRITERS])
def test_the_code_writes_exactly_the_headers_of_the_contract_table(
    message: str, table: dict[str, str], writer: Callable[[], list[str]]
) -> None:
    assert writer() == list(table)


@pytest.mark.parametrize(("message", "table", "writer"), WRITERS, ids=[w[0] for w in WRITERS])
def test_the_asyncapi_document_lists_every_header(
    message: str, table: dict[str, str], writer: Callable[[], list[str]]
) -> None:
    committed = yaml.safe_load(schemagen.expected_files()["asyncapi.yaml"])
    headers = committed["components"]["messages"][message]["headers"]["properties"]
    assert list(headers) == list(table)


def documented_headers() -> set[str]:
    """Header names in the first column of the tables under docs/contract.md "## Headers"."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("\n## Headers\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE))


def test_the_contract_page_documents_exactly_the_headers_of_the_tables() -> None:
    assert documented_headers() == {*RAW_HEADERS, *ENRICHED_HEADERS, *DEAD_LETTER_HEADERS}


@pytest.mark.parametrize(
    "model", [RawArticle, EnrichedArticle, Entity, Mention, Claim, Speaker, ExtractorInfo]
)
def test_the_contract_page_names_every_field(model: type[BaseModel]) -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"`{name}`" not in text]
    assert missing == []


def test_the_contract_page_states_the_version_of_the_models() -> None:
    first_line = CONTRACT.read_text(encoding="utf-8").splitlines()[0]
    assert f"(version {SCHEMA_VERSION}.{SCHEMA_MINOR})" in first_line
