"""The event contract (version 1.1): the source of truth for every event factwire reads or writes.

docs/contract.md describes it in words (topics, keys, fields, headers, versioning); the JSON
Schema files and the AsyncAPI document in ``schemas/`` are generated from these models and
header tables. Validation happens once, at the edge, when bytes become one of these objects;
code inside the service trusts the types.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import orjson
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

#: The contract's major version: readers refuse a newer one (``UnsupportedVersionError``).
SCHEMA_VERSION: Literal[1] = 1
#: Its minor version: compatible additions (docs/contract.md "Versioning"); readers of an older
#: minor ignore the fields they don't know.
SCHEMA_MINOR = 1
DEFAULT_MAX_BODY_CHARS = 1_000_000

ArticleId = Annotated[
    str, StringConstraints(min_length=1, max_length=256, pattern=r"^[A-Za-z0-9._:/-]+$")
]

EntityType = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]  # fmt: skip
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]

ClaimKind = Literal["quote", "reported", "statement"]
ExtractorName = Literal["hybrid", "spacy", "rules"]
TextField = Literal["title", "body"]
ErrorStage = Literal["decode", "validate", "extract", "publish"]

#: Headers factwire writes on a raw record: its publisher (``factwire.client.Publisher``), and
#: ``factwire dlq replay``, which adds ``factwire.replay.of`` to the original record's headers.
RAW_HEADERS: dict[str, str] = {
    "content-type": "application/json",
    "traceparent": "W3C trace context of the span that published the article",
    "tracestate": "W3C vendor trace state, when the publishing trace has one",
    "factwire.replay.of": "on a record re-published by `factwire dlq replay`: the dead letter "
    "it came from, DLQ_TOPIC/PARTITION/OFFSET",
}

#: Headers of an enriched event (UTF-8 values), as docs/contract.md lists them.
ENRICHED_HEADERS: dict[str, str] = {
    "content-type": "application/json",
    "ce_specversion": "CloudEvents spec version, 1.0",
    "ce_id": "event id: article id and content hash (equal for a replay of the same content)",
    "ce_source": "the enricher that produced the event",
    "ce_type": "event type, with the contract's major version (org.factwire.article.enriched.v1)",
    "ce_time": "RFC 3339 time of enrichment",
    "ce_subject": "the article id",
    "traceparent": "W3C trace context: a child of the raw record's trace (or a new trace)",
    "tracestate": "W3C vendor trace state, copied from the raw record when it has one",
}

#: Headers of a dead letter (UTF-8 values), as docs/contract.md lists them; the original
#: record's own headers come first, except any ``factwire.*`` ones.
DEAD_LETTER_HEADERS: dict[str, str] = {
    "factwire.error.stage": "decode, validate, extract or publish",
    "factwire.error.type": "the error's type name",
    "factwire.error.message": "what went wrong, at most 4 KB",
    "factwire.source.topic": "topic the record was read from",
    "factwire.source.partition": "its partition",
    "factwire.source.offset": "its offset",
    "factwire.failed_at": "RFC 3339 time of the failure",
}


class UnsupportedVersionError(Exception):
    """An event of a newer major contract version than this factwire understands.

    Not a validation error: the event is probably fine, the reader is too old. It is raised
    rather than skipped, so that a subscriber stops instead of silently dropping every event.
    """

    def __init__(self, version: object) -> None:
        super().__init__(
            f"event of contract version {version}, but this factwire reads version "
            f'{SCHEMA_VERSION}.x only: upgrade factwire (docs/contract.md, "Versioning")'
        )
        self.version = version


class _Event(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    def to_json(self) -> bytes:
        """Serialise to compact JSON bytes (the wire format)."""
        return orjson.dumps(self.model_dump(mode="json"))


class RawArticle(_Event):
    """A news article as a publisher puts it on ``articles.raw``."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=False)

    id: ArticleId
    body: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = Field(default=None, max_length=35)
    published_at: AwareDatetime | None = None
    metadata: dict[str, str] = Field(default_factory=dict)

    @field_validator("body")
    @classmethod
    def _body_within_limits(cls, body: str, info: ValidationInfo) -> str:
        if not body.strip():
            raise ValueError("body must contain at least one non-space character")
        limit = (info.context or {}).get("max_body_chars", DEFAULT_MAX_BODY_CHARS)
        if len(body) > limit:
            raise ValueError(f"body has {len(body)} characters, over the limit of {limit}")
        return body

    @classmethod
    def from_json(
        cls, data: bytes | str, *, max_body_chars: int = DEFAULT_MAX_BODY_CHARS
    ) -> RawArticle:
        """Validate JSON bytes straight into a RawArticle (raises pydantic.ValidationError)."""
        return cls.model_validate_json(data, context={"max_body_chars": max_body_chars})

    def content_sha256(self) -> str:
        return content_sha256(self.body)


def content_sha256(body: str) -> str:
    """Hex SHA-256 of the UTF-8 body: with the article id, the identity of an enriched event."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


class Mention(BaseModel):
    """One occurrence of an entity: ``text == <field>[start:end]``."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    field: TextField
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end < self.start:
            raise ValueError("mention end precedes start")
        return self


class Entity(BaseModel):
    """One real-world entity of an article, with all its mentions merged."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    salience: float = Field(ge=0.0, le=1.0)


class Speaker(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    entity_id: str | None = None


class Claim(BaseModel):
    """Something asserted in the article: a quote, reported speech, or a checkable statement."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    kind: ClaimKind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    content: str
    speaker: Speaker | None = None
    cue: str | None = None
    entity_ids: list[str] = Field(default_factory=list)
    hedged: bool = False
    checkworthiness: float = Field(ge=0.0, le=1.0)


class ExtractorInfo(BaseModel):
    """Which backend enriched the article. ``name`` is an open string in the contract (a new
    backend is a compatible change); the backends factwire has are ``ExtractorName``."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(min_length=1)
    version: str
    model: str | None = None


class EnrichedArticle(_Event):
    """What the enricher publishes on ``articles.enriched`` for each raw article."""

    schema_version: Literal[1] = SCHEMA_VERSION
    schema_minor: int = Field(default=SCHEMA_MINOR, ge=0)
    article_id: ArticleId
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    published_at: AwareDatetime | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    extractor: ExtractorInfo
    enriched_at: AwareDatetime
    processing_ms: float = Field(ge=0.0)

    @model_validator(mode="before")
    @classmethod
    def _known_major_version(cls, data: Any, info: ValidationInfo) -> Any:
        """A newer major version raises ``UnsupportedVersionError`` (not a validation error);
        an event read without ``schema_minor`` was written before it existed: minor 0."""
        if not isinstance(data, dict):
            return data
        version = data.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            raise UnsupportedVersionError(version)
        if (info.context or {}).get("reading") and "schema_minor" not in data:
            return {**data, "schema_minor": 0}
        return data

    @classmethod
    def from_json(cls, data: bytes | str) -> EnrichedArticle:
        """Read an event from JSON bytes (raises pydantic.ValidationError, or
        UnsupportedVersionError for a newer major version; fields of a newer minor version are
        ignored)."""
        return cls.model_validate_json(data, context={"reading": True})

    def identity(self) -> dict[str, Any]:
        """The event without its timestamps: equal for two enrichments of the same content."""
        return self.model_dump(mode="json", exclude={"enriched_at", "processing_ms"})


def utc_now() -> datetime:
    return datetime.now(UTC)
