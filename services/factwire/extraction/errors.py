"""Errors raised by the extraction layer."""


class UnknownExtractorError(ValueError):
    """An extractor name that is neither ``spacy`` nor ``rules``."""


class ModelNotInstalledError(RuntimeError):
    """The spaCy model package is missing from the environment."""


class UnknownCorrectionError(ValueError):
    """A name that is no correction rule (in a backend's ``corrections_not_needed``)."""


class LanguageDataError(ValueError):
    """A word-list file of ``extraction/language/data/`` is malformed."""
