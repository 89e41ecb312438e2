"""The extraction pipeline: backend mentions -> corrections -> entities -> claims -> salience.

Pure functions over one article's text: no Kafka, no asyncio, no I/O beyond loading a model once.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from datetime import datetime
from functools import lru_cache

from factwire.extraction import claims as claims_step
from factwire.extraction import corrections, referents, salience
from factwire.extraction import entities as entities_step
from factwire.extraction.backends import Backend, load_backend
from factwire.extraction.document import ArticleText, Extraction, RawMention
from factwire.models import EnrichedArticle, ExtractorInfo, RawArticle, content_sha256, utc_now


class Extractor:
    """Turns article texts into entities and claims with one backend. Reusable and stateless."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.info = ExtractorInfo(name=backend.name, version=backend.version, model=backend.model)

    def extract(self, text: ArticleText) -> Extraction:
        return self.extract_many([text])[0]

    def extract_many(self, texts: Sequence[ArticleText]) -> list[Extraction]:
        batches = self.backend.mentions(texts)
        # A backend may name correction rules it has no use for (it decides those cases itself).
        skip: Collection[str] = getattr(self.backend, "corrections_not_needed", ())
        return [
            _finish(text, mentions, skip) for text, mentions in zip(texts, batches, strict=True)
        ]


def _finish(
    text: ArticleText, mentions: list[RawMention], skip_corrections: Collection[str] = ()
) -> Extraction:
    """The backend-independent steps, computed once on top of any backend's mentions."""
    mentions = corrections.correct(text, mentions, skip=skip_corrections)
    mentions = referents.one_type_per_referent(text, mentions)
    entities = entities_step.build_entities(text, mentions)
    claims = claims_step.find_claims(text, entities)
    entities = salience.score(text, entities, claims)
    return Extraction(entities=entities, claims=claims, language=None)


@lru_cache(maxsize=2)
def get_extractor(name: str) -> Extractor:
    """The process-wide extractor for a backend name (a model is loaded once per process)."""
    return Extractor(load_backend(name))


def enrich(
    raw: RawArticle, extractor: Extractor, *, now: datetime | None = None
) -> EnrichedArticle:
    """The enriched event for one raw article."""
    return enrich_many([raw], extractor, now=now)[0]


def enrich_many(
    raws: Sequence[RawArticle], extractor: Extractor, *, now: datetime | None = None
) -> list[EnrichedArticle]:
    """Enriched events for a batch of raw articles, in the same order."""
    started = time.perf_counter()
    texts = [ArticleText(body=r.body, title=r.title or "") for r in raws]
    results = extractor.extract_many(texts)
    per_article_ms = (time.perf_counter() - started) * 1000 / max(len(raws), 1)
    stamp = now or utc_now()
    return [
        EnrichedArticle(
            article_id=raw.id,
            title=raw.title,
            url=raw.url,
            source=raw.source,
            language=raw.language or result.language or "en",
            published_at=raw.published_at,
            metadata=raw.metadata,
            content_sha256=content_sha256(raw.body),
            entities=result.entities,
            claims=result.claims,
            extractor=extractor.info,
            enriched_at=stamp,
            processing_ms=round(per_article_ms, 3),
        )
        for raw, result in zip(raws, results, strict=True)
    ]
