"""Configuration, read once from ``FACTWIRE_*`` environment variables into one settings object.

CLI options of the same name override these values; see README "Configuration".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from factwire.models import DEFAULT_MAX_BODY_CHARS

PREFIX = "FACTWIRE_"
SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


class SettingsError(ValueError):
    """A FACTWIRE_ variable or option has a value that can't be used."""


@dataclass(frozen=True)
class Settings:
    bootstrap_servers: str = "localhost:9092"
    raw_topic: str = "articles.raw"
    enriched_topic: str = "articles.enriched"
    dlq_topic: str = "articles.dlq"
    extractor: str = "hybrid"
    group_id: str = "factwire-enricher"
    topic_partitions: int = 6
    topic_replication: int = 1
    max_body_chars: int = DEFAULT_MAX_BODY_CHARS
    max_message_bytes: int = 1_048_588
    concurrency: int = 0  # extraction processes; 0 means one per core
    extract_retries: int = 2
    extract_timeout_s: float = 120.0  # longest a chunk of articles may take in a process
    batch_size: int = 32  # raw records the worker takes at once (then splits across processes)
    batch_wait_ms: int = 100  # longest wait for a batch to fill before processing what came
    dedup_cache_size: int = 100_000  # (id, content hash) pairs the worker remembers as enriched
    web_port: int = 6066
    log_level: str = "info"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = "PLAIN"
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None

    def __post_init__(self) -> None:
        if self.security_protocol not in SECURITY_PROTOCOLS:
            raise SettingsError(
                f"FACTWIRE_SECURITY_PROTOCOL={self.security_protocol!r}: "
                f"expected one of {', '.join(SECURITY_PROTOCOLS)}"
            )
        if self.sasl_mechanism not in SASL_MECHANISMS:
            raise SettingsError(
                f"FACTWIRE_SASL_MECHANISM={self.sasl_mechanism!r}: "
                f"expected one of {', '.join(SASL_MECHANISMS)}"
            )
        if self.extractor not in ("hybrid", "spacy", "rules"):
            raise SettingsError(
                f"FACTWIRE_EXTRACTOR={self.extractor!r}: expected 'hybrid', 'spacy' or 'rules'"
            )
        if not self.extract_timeout_s > 0:
            raise SettingsError("FACTWIRE_EXTRACT_TIMEOUT_S must be a number of seconds above 0")
        if self.max_body_chars < 1:
            raise SettingsError("FACTWIRE_MAX_BODY_CHARS must be at least 1")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment; ``overrides`` that are not None win (CLI options)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def kafka_client_options(self) -> dict[str, Any]:
        """Connection options shared by every aiokafka client factwire creates."""
        opts: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "security_protocol": self.security_protocol,
        }
        if self.security_protocol.startswith("SASL"):
            opts.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password,
            )
        if self.security_protocol in ("SSL", "SASL_SSL"):
            from aiokafka.helpers import create_ssl_context

            opts["ssl_context"] = create_ssl_context(
                cafile=self.ssl_cafile, certfile=self.ssl_certfile, keyfile=self.ssl_keyfile
            )
        return opts


def _convert(name: str, raw: str, annotation: Any) -> Any:
    kind = str(annotation)
    if kind.startswith("int"):
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(
                f"{PREFIX}{name.upper()}={raw!r}: expected a whole number"
            ) from None
    if kind.startswith("float"):
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"{PREFIX}{name.upper()}={raw!r}: expected a number") from None
    if name in ("security_protocol", "sasl_mechanism"):
        return raw.upper()
    return raw
