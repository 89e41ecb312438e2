"""Configuration: one settings object, read from ``FACTWIRE_*`` variables by pydantic-settings.

``Settings(...)`` is exactly what it is given (plus defaults); ``Settings.from_env()`` reads, in
rising priority, a ``.env`` file in the working directory, the environment, and the keyword
overrides that are not None (CLI options). ``FACTWIRE_SASL_PASSWORD_FILE`` names a file holding
the password (a mounted secret). ``FACTWIRE_KAFKA__<option>`` passes any other Kafka client
option through (``kafka_client_options``, ``faust_passthrough``). The allowed values are the
``Literal`` types below; the CLI derives its choices from them. README "Configuration" lists
every variable.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Literal, get_args

import orjson
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from factwire.models import DEFAULT_MAX_BODY_CHARS, ExtractorName

PREFIX = "FACTWIRE_"
SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
LogLevel = Literal["debug", "info", "warning", "error"]

EXTRACTORS: tuple[str, ...] = get_args(ExtractorName)
SECURITY_PROTOCOLS: tuple[str, ...] = get_args(SecurityProtocol)
SASL_MECHANISMS: tuple[str, ...] = get_args(SaslMechanism)
LOG_LEVELS: tuple[str, ...] = get_args(LogLevel)

#: Client options factwire sets from its own settings or needs for its guarantees: the
#: passthrough (``FACTWIRE_KAFKA__<option>``) refuses them.
FACTWIRE_SETS = frozenset(
    {
        "bootstrap_servers", "security_protocol", "sasl_mechanism", "sasl_plain_username",
        "sasl_plain_password", "ssl_context", "group_id", "auto_offset_reset",
        "enable_auto_commit", "acks", "linger_ms", "max_request_size", "broker_credentials",
        "producer_acks", "producer_max_request_size", "consumer_auto_offset_reset",
    }
)  # fmt: skip

#: The environment ``from_env`` reads: None (the process's) or a mapping given by the caller.
_ENVIRON: contextvars.ContextVar[Mapping[str, str] | bool | None] = contextvars.ContextVar(
    "factwire_settings_environ", default=False
)


class SettingsError(ValueError):
    """A FACTWIRE_ variable or option has a value that can't be used."""


class Settings(BaseSettings):
    """Everything a factwire process can be told; immutable once made."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX,
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
        case_sensitive=False,
    )

    bootstrap_servers: str = "localhost:9092"
    raw_topic: str = "articles.raw"
    enriched_topic: str = "articles.enriched"
    dlq_topic: str = "articles.dlq"
    extractor: ExtractorName = "hybrid"
    group_id: str = "factwire-enricher"
    topic_partitions: int = Field(default=6, ge=1)
    topic_replication: int = Field(default=1, ge=1)
    topic_retention_ms: int = Field(default=7 * 24 * 3600 * 1000, ge=-1)  # -1: keep forever
    max_body_chars: int = Field(default=DEFAULT_MAX_BODY_CHARS, ge=1)
    max_message_bytes: int = Field(default=1_048_588, ge=1)
    concurrency: int = Field(default=0, ge=0)  # extraction processes; 0 means one per core
    extract_retries: int = Field(default=2, ge=0)
    extract_timeout_s: float = Field(default=120.0, gt=0)  # longest a chunk may take
    batch_size: int = Field(default=32, ge=1)  # raw records the worker takes at once
    batch_wait_ms: int = Field(default=100, ge=0)  # longest wait for a batch to fill
    dedup_cache_size: int = Field(default=100_000, ge=0)  # (id, hash) pairs remembered
    web_port: int = Field(default=6066, ge=0, le=65535)
    log_level: LogLevel = "info"
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism = "PLAIN"
    sasl_username: str | None = None
    sasl_password: str | None = Field(default=None, repr=False)
    sasl_password_file: Path | None = Field(default=None, exclude=True)
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    #: Any other Kafka client option (``FACTWIRE_KAFKA__COMPRESSION_TYPE=gzip``): for aiokafka
    #: clients see ``kafka_client_options``, for the Faust worker ``faust_passthrough``.
    kafka: dict[str, Any] = Field(default_factory=dict)

    SECRETS: ClassVar[tuple[str, ...]] = ("sasl_password",)

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise SettingsError(_describe(exc)) from None

    # -- reading ---------------------------------------------------------------------------

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``.env`` and the environment (or only ``environ`` when given: no
        ``.env`` then); ``overrides`` that are not None win (CLI options)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        token = _ENVIRON.set(environ)
        try:
            env_file = ".env" if environ is None else None
            return cls(_env_file=env_file, **given)
        finally:
            _ENVIRON.reset(token)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the overrides that are not None (validated like the rest)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return type(self)(**{**self.model_dump(exclude={"sasl_password_file"}), **given})

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only ``from_env`` reads the environment: ``Settings(...)`` stays explicit."""
        environ = _ENVIRON.get()
        if environ is False:
            return (init_settings,)
        if environ is None:
            return (init_settings, env_settings, dotenv_settings)
        return (init_settings, _MappingSource(settings_cls, environ))  # type: ignore[arg-type]

    # -- checks ----------------------------------------------------------------------------

    @field_validator("security_protocol", "sasl_mechanism", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    @field_validator("kafka", mode="before")
    @classmethod
    def _kafka_values(cls, value: Any) -> Any:
        """``"5"`` -> 5, ``"true"`` -> True, ``"gzip"`` stays a string (values read as JSON)."""
        if not isinstance(value, Mapping):
            return value
        return {str(k).lower(): _json_or_text(v) for k, v in value.items()}

    @model_validator(mode="before")
    @classmethod
    def _secret_files(cls, values: Any) -> Any:
        """``<secret>_file`` names a file whose content (trailing newline cut) is the secret."""
        if not isinstance(values, dict):
            return values
        for name in cls.SECRETS:
            path = values.get(f"{name}_file")
            if path and values.get(name) is None:
                try:
                    values[name] = Path(path).read_text(encoding="utf-8").rstrip("\r\n")
                except OSError as exc:
                    problem = exc.strerror or exc
                    raise ValueError(f"{PREFIX}{name.upper()}_FILE: {problem}") from None
        return values

    @model_validator(mode="after")
    def _known_kafka_options(self) -> Settings:
        if not self.kafka:
            return self
        reserved = sorted(set(self.kafka) & FACTWIRE_SETS)
        if reserved:
            raise ValueError(
                f"{PREFIX}KAFKA__{reserved[0].upper()}: factwire sets this option itself "
                "(see the FACTWIRE_* settings)"
            )
        unknown = sorted(set(self.kafka) - set(_aiokafka_options()) - _faust_settings())
        if unknown:
            raise ValueError(
                f"{PREFIX}KAFKA__{unknown[0].upper()}: not an option of aiokafka's clients "
                "(producer, consumer, admin) nor a Faust setting"
            )
        return self

    # -- translation for Kafka clients (done here only) -------------------------------------

    @cached_property
    def security(self) -> KafkaSecurity:
        """The security settings, with the SSL context built once."""
        return KafkaSecurity.from_settings(self)

    def kafka_client_options(self, client: Callable[..., Any] | None = None) -> dict[str, Any]:
        """Keyword arguments for an aiokafka client (connection, security, and the passthrough
        options that ``client``'s constructor accepts, when a client class is given)."""
        options: dict[str, Any] = {"bootstrap_servers": self.bootstrap_servers}
        options.update(self.security.aiokafka_options())
        if client is not None:
            accepted = _parameters(client)
            options.update({k: v for k, v in self.kafka.items() if k in accepted})
        return options

    def faust_passthrough(self) -> dict[str, Any]:
        """The passthrough options that name Faust settings (``producer_compression_type``...)."""
        names = _faust_settings()
        return {k: v for k, v in self.kafka.items() if k in names}

    def environment(self) -> dict[str, str]:
        """The ``FACTWIRE_*`` variables that reproduce these settings in a child process."""
        env: dict[str, str] = {}
        for name, value in self.model_dump(exclude={"sasl_password_file", "kafka"}).items():
            if value is not None:
                env[PREFIX + name.upper()] = str(value)
        for option, value in self.kafka.items():
            text = value if isinstance(value, str) else orjson.dumps(value).decode()
            env[f"{PREFIX}KAFKA__{option.upper()}"] = text
        return env


@dataclass(frozen=True)
class KafkaSecurity:
    """The security protocol and what it needs, in one place for aiokafka and Faust."""

    protocol: SecurityProtocol
    sasl_mechanism: SaslMechanism
    username: str | None
    password: str | None
    ssl_context: Any  # ssl.SSLContext, or None when the protocol is not SSL

    @classmethod
    def from_settings(cls, settings: Settings) -> KafkaSecurity:
        context = None
        if settings.security_protocol in ("SSL", "SASL_SSL"):
            from aiokafka.helpers import create_ssl_context

            context = create_ssl_context(
                cafile=settings.ssl_cafile,
                certfile=settings.ssl_certfile,
                keyfile=settings.ssl_keyfile,
            )
        return cls(
            settings.security_protocol,
            settings.sasl_mechanism,
            settings.sasl_username,
            settings.sasl_password,
            context,
        )

    @property
    def uses_sasl(self) -> bool:
        return self.protocol.startswith("SASL")

    def aiokafka_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"security_protocol": self.protocol}
        if self.uses_sasl:
            options.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.username,
                sasl_plain_password=self.password,
            )
        if self.ssl_context is not None:
            options["ssl_context"] = self.ssl_context
        return options


class _MappingSource(EnvSettingsSource):
    """The environment source, reading a given mapping instead of ``os.environ``."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._given = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {k.lower(): v for k, v in self._given.items()}


def _json_or_text(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return value


def _parameters(client: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(client).parameters)


@functools.cache
def _aiokafka_options() -> frozenset[str]:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient

    return frozenset().union(
        *(_parameters(c) for c in (AIOKafkaProducer, AIOKafkaConsumer, AIOKafkaAdminClient))
    )


@functools.cache
def _faust_settings() -> frozenset[str]:
    from faust.types.settings import Settings as FaustSettings

    return frozenset(FaustSettings.setting_names())


_MESSAGES = {
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_parsing": "expected a number",
    "bool_parsing": "expected true or false",
}


def _describe(exc: ValidationError) -> str:
    """The first problem of a validation error, naming its FACTWIRE_ variable."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"])
    variable = f"{PREFIX}{where.upper()}" if where else "settings"
    value = error.get("input")
    shown = "" if not where or variable.endswith("PASSWORD") else f"={value!r}"
    kind = error["type"]
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return f"{variable}{shown}: expected one of {allowed.replace(' or ', ', ')}"
    message = _MESSAGES.get(kind) or str(error["msg"]).removeprefix("Value error, ")
    if kind in ("greater_than", "greater_than_equal", "less_than_equal"):
        message = message.replace("Input should be", "must be")
    return f"{variable}{shown}: {message}" if where else message


def variables() -> list[str]:
    """The ``FACTWIRE_*`` variable of every setting, in declaration order (not the passthrough
    ``FACTWIRE_KAFKA__<option>``)."""
    return [PREFIX + name.upper() for name in Settings.model_fields if name != "kafka"]


def default(name: str) -> Any:
    """The default value of setting ``name``."""
    field: FieldInfo = Settings.model_fields[name]
    return field.get_default(call_default_factory=True)
