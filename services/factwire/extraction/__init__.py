"""Extraction core: pure functions from an article's text to entities and claims."""

# first: refuses compiled claim modules older than their sources before any of them loads
import factwire.extraction.compiled  # noqa: F401
from factwire.extraction.document import ArticleText, Extraction
from factwire.extraction.errors import UnknownExtractorError
from factwire.extraction.pipeline import Extractor, enrich, enrich_many, get_extractor

__all__ = [
    "ArticleText",
    "Extraction",
    "Extractor",
    "UnknownExtractorError",
    "enrich",
    "enrich_many",
    "get_extractor",
]
