"""Writes the JSON Schema files in ``schemas/`` from the contract models (``make schemas``).

The models are the source of truth; a unit test regenerates the schemas in memory and fails when
the committed files drift from them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel

from factwire import __version__
from factwire.models import (
    DEAD_LETTER_HEADERS,
    ENRICHED_HEADERS,
    RAW_HEADERS,
    SCHEMA_MINOR,
    SCHEMA_VERSION,
    EnrichedArticle,
    RawArticle,
)
from factwire.settings import Settings

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, type[BaseModel]] = {
    "raw-article": RawArticle,
    "enriched-article": EnrichedArticle,
}


def render(model: type[BaseModel]) -> bytes:
    """The schema file for one model: stable key order, two-space indent, trailing newline."""
    schema = {"$schema": SCHEMA_DIALECT, **model.model_json_schema(mode="validation")}
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def expected_files() -> dict[str, bytes]:
    files = {f"{name}.schema.json": render(model) for name, model in MODELS.items()}
    files["asyncapi.yaml"] = to_yaml(asyncapi_document()).encode()
    return files


def _header_schema(names: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: {"type": "string", "description": doc} for name, doc in names.items()},
    }


def asyncapi_document() -> dict[str, Any]:
    """The AsyncAPI 3 description of factwire's three topics, pointing at the schema files."""
    defaults = Settings()
    key = {"bindings": {"kafka": {"key": {"type": "string", "description": "the article id"}}}}
    raw_headers = _header_schema(RAW_HEADERS)
    enriched_headers = _header_schema(ENRICHED_HEADERS)
    dlq_headers = _header_schema(DEAD_LETTER_HEADERS)
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "factwire",
            "version": f"{__version__}",
            "description": "Raw news articles in, entities and claims out (contract version "
            f"{SCHEMA_VERSION}.{SCHEMA_MINOR}; docs/contract.md).",
        },
        "defaultContentType": "application/json",
        "channels": {
            "raw": {
                "address": defaults.raw_topic,
                "messages": {"RawArticle": {"$ref": "#/components/messages/RawArticle"}},
            },
            "enriched": {
                "address": defaults.enriched_topic,
                "messages": {"EnrichedArticle": {"$ref": "#/components/messages/EnrichedArticle"}},
            },
            "deadLetters": {
                "address": defaults.dlq_topic,
                "messages": {"DeadLetter": {"$ref": "#/components/messages/DeadLetter"}},
            },
        },
        "operations": {
            "publishRaw": {"action": "send", "channel": {"$ref": "#/channels/raw"}},
            "receiveEnriched": {"action": "receive", "channel": {"$ref": "#/channels/enriched"}},
            "receiveDeadLetters": {
                "action": "receive",
                "channel": {"$ref": "#/channels/deadLetters"},
            },
        },
        "components": {
            "messages": {
                "RawArticle": {
                    "payload": {"$ref": "./raw-article.schema.json"},
                    "headers": raw_headers,
                    **key,
                },
                "EnrichedArticle": {
                    "payload": {"$ref": "./enriched-article.schema.json"},
                    "headers": enriched_headers,
                    **key,
                },
                "DeadLetter": {
                    "description": "The original record, key and value bytes untouched, its "
                    "headers followed by these.",
                    "payload": {"description": "the original value bytes"},
                    "headers": dlq_headers,
                },
            }
        },
    }


def to_yaml(value: Any, indent: int = 0) -> str:
    """A small YAML writer for JSON-like data (strings are written JSON-quoted, valid YAML)."""
    pad = "  " * indent
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, dict | list) and v:
                lines.append(f"{pad}{_key(k)}:\n{to_yaml(v, indent + 1)}")
            else:
                lines.append(f"{pad}{_key(k)}: {_scalar(v)}\n")
        return "".join(lines)
    if isinstance(value, list):
        return "".join(f"{pad}- {_scalar(v)}\n" for v in value)
    return f"{pad}{_scalar(value)}\n"


_PLAIN_KEY = re.compile(r"^[A-Za-z_$][A-Za-z0-9_.$-]*$")


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) else _scalar(key)


def _scalar(value: Any) -> str:
    if isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    return orjson.dumps(value).decode()


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, content in expected_files().items():
        path = directory / filename
        path.write_bytes(content)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")
    for path in write(target):
        print(f"wrote {path}")
