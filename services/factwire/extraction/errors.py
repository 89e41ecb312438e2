"""Errors raised by the extraction layer."""


class ExtractionError(Exception):
    """Extraction failed for one article; the worker dead-letters it at stage ``extract``."""


class UnknownExtractorError(ValueError):
    """An extractor name that is neither ``spacy`` nor ``rules``."""


class ModelNotInstalledError(RuntimeError):
    """The spaCy model package is missing from the environment."""


class UnknownCorrectionError(ValueError):
    """A name that is no correction rule (in a backend's ``corrections_not_needed``)."""
