"""The objects the extraction steps pass along: an article's text and what has been found."""

from __future__ import annotations

from dataclasses import dataclass, field

from factwire.models import Claim, Entity, TextField


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The two text fields of an article that extraction reads."""

    body: str
    title: str = ""

    def field(self, name: TextField) -> str:
        return self.body if name == "body" else self.title


@dataclass(slots=True)
class RawMention:
    """A typed span proposed by a backend, before merging into entities."""

    field: TextField
    start: int
    end: int
    label: str


@dataclass(slots=True)
class Extraction:
    """What extraction produces for one article."""

    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    language: str | None = None
