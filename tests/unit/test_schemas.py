"""The committed schema files are generated from the models: this fails when they drift."""

from __future__ import annotations

from pathlib import Path

import orjson
import yaml

from factwire import schemagen
from factwire.models import ENTITY_TYPES

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_schemas_match_the_models() -> None:
    for filename, expected in schemagen.expected_files().items():
        committed = (SCHEMAS / filename).read_bytes()
        assert committed == expected, f"schemas/{filename} is stale: run `make schemas`"


def test_enriched_schema_names_the_contract_fields() -> None:
    schema = orjson.loads((SCHEMAS / "enriched-article.schema.json").read_bytes())
    assert {
        "schema_version", "article_id", "content_sha256", "entities", "claims",
        "extractor", "enriched_at", "processing_ms",
    } <= set(schema["properties"])  # fmt: skip
    entity = schema["$defs"]["Entity"]
    assert set(entity["properties"]["type"]["enum"]) == set(ENTITY_TYPES)
    assert len(ENTITY_TYPES) == 18


def test_asyncapi_document_is_valid_yaml_naming_the_three_topics() -> None:
    doc = yaml.safe_load((SCHEMAS / "asyncapi.yaml").read_text())
    assert doc["asyncapi"].startswith("3.")
    addresses = {channel["address"] for channel in doc["channels"].values()}
    assert addresses == {"articles.raw", "articles.enriched", "articles.dlq"}
    dlq_headers = doc["components"]["messages"]["DeadLetter"]["headers"]["properties"]
    assert "factwire.error.stage" in dlq_headers
