"""The event contract (version 1): the one source of truth for every event factwire reads or writes.

Validation happens once, at the edge, when bytes become one of these objects; code inside the
service trusts the types. The JSON Schema files in ``schemas/`` are generated from these models.
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

SCHEMA_VERSION: Literal[1] = 1
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

#: Headers of a dead letter (UTF-8 values), as CONTRACT.md lists them.
DEAD_LETTER_HEADERS: dict[str, str] = {
    "factwire.error.stage": "decode, validate, extract or publish",
    "factwire.error.type": "the error's type name",
    "factwire.error.message": "what went wrong, at most 4 KB",
    "factwire.source.topic": "topic the record was read from",
    "factwire.source.partition": "its partition",
    "factwire.source.offset": "its offset",
    "factwire.failed_at": "RFC 3339 time of the failure",
}


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
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: ExtractorName
    version: str
    model: str | None = None


class EnrichedArticle(_Event):
    """What the enricher publishes on ``articles.enriched`` for each raw article."""

    schema_version: Literal[1] = SCHEMA_VERSION
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

    @classmethod
    def from_json(cls, data: bytes | str) -> EnrichedArticle:
        return cls.model_validate_json(data)

    def identity(self) -> dict[str, Any]:
        """The event without its timestamps: equal for two enrichments of the same content."""
        return self.model_dump(mode="json", exclude={"enriched_at", "processing_ms"})


def utc_now() -> datetime:
    return datetime.now(UTC)
