"""The rules backend: tokens, amounts, names and their types, then article-level agreement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factwire.extraction.backends.rules.agreement import agree
from factwire.extraction.backends.rules.amounts import Span, find_amounts
from factwire.extraction.backends.rules.chunks import NameFinder
from factwire.extraction.backends.rules.gazetteer import Gazetteer, gazetteer
from factwire.extraction.backends.rules.name_types import Name
from factwire.extraction.backends.rules.tokens import Tokens, title_case, tokenize
from factwire.extraction.corrections import rule_names
from factwire.extraction.document import ArticleText, RawMention
from factwire.models import ExtractorName, TextField


def _hyphenated(
    tok: Tokens, lex: Gazetteer, field: TextField, taken: list[bool]
) -> list[RawMention]:
    """Known names inside hyphenated words: "Vienna-based" -> Vienna, "ex-Soviet" -> Soviet,
    "New York-based" -> New York (the name ends inside the word, so it is found here)."""
    out: list[RawMention] = []
    for i, w in enumerate(tok.words):
        if "-" not in w or len(w) < 4:
            continue
        parts = w.split("-")
        upper = [p[:1].isupper() for p in parts]
        if all(upper) or not any(upper):
            continue
        first = upper.index(True)
        last = first
        while last + 1 < len(parts) and upper[last + 1]:
            last += 1
        name = "-".join(parts[first : last + 1])
        offset = len("-".join(parts[:first])) + (1 if first else 0)
        start = tok.starts[i] + offset
        key: tuple[str, ...] = (name.lower(),)
        if first == 0 and i > 0 and (tok.words[i - 1].lower(), name.lower()) in lex.names:
            key = (tok.words[i - 1].lower(), name.lower())
            start = tok.starts[i - 1]
        entry = lex.names.get(key)
        if entry is not None and entry.exact in (None, name):
            out.append(RawMention(field, start, tok.starts[i] + offset + len(name), entry.label))
            taken[i - len(key) + 1 : i + 1] = [True] * len(key)
    return out


@dataclass(slots=True)
class FieldScan:
    """What was found in one text field, before the article-level agreement."""

    field: TextField
    tok: Tokens
    amounts: list[Span]
    names: list[Name]
    inside: list[RawMention]

    def mentions(self) -> list[RawMention]:
        starts, ends = self.tok.starts, self.tok.ends
        spans = sorted([*self.amounts, *((n.start, n.end, n.label) for n in self.names)])
        out = [RawMention(self.field, starts[s], ends[e - 1], label) for s, e, label in spans]
        if self.inside:
            out = sorted(out + self.inside, key=lambda m: m.start)
        return out


def _scan(text: str, field: TextField) -> FieldScan:
    lex = gazetteer()
    tok = tokenize(text, lex.abbreviations)
    if field == "title" and title_case(tok.words):
        tok.caps_line = [True] * len(tok.words)  # "Rivals Agree Deal": read like capitals
    taken = [False] * len(tok.words)
    amounts = find_amounts(tok)
    for start, end, _ in amounts:
        taken[start:end] = [True] * (end - start)
    inside = _hyphenated(tok, lex, field, taken)
    names = NameFinder(tok, lex, taken).find()
    return FieldScan(field, tok, amounts, names, inside)


def find_mentions(text: str, field: TextField = "body") -> list[RawMention]:
    """Typed mentions in one text, in order of appearance."""
    found = _scan(text, field)
    agree([found])
    return found.mentions()


def article_mentions(article: ArticleText) -> list[RawMention]:
    """Typed mentions in an article's title and body, agreeing on types across both."""
    fields = [_scan(article.title, "title"), _scan(article.body, "body")]
    agree(fields)
    return [*fields[0].mentions(), *fields[1].mentions()]


class RulesBackend:
    """Gazetteers and capitalisation rules: no model to load, tens of thousands of words/s."""

    name: ExtractorName = "rules"
    version = "rules-0.4"
    model: str | None = None
    # Tables, match reports, headlines and repeated names are decided here already; the shared
    # rules for them (written against a statistical tagger) only undo those decisions.
    corrections_not_needed = rule_names(
        "teams_in_tables",
        "teams_in_match_reports",
        "consistent_labels",
        "trim_shouted_common_word",
    )

    def __init__(self) -> None:
        gazetteer()  # load the word lists now rather than on the first article

    def mentions(self, texts: Sequence[ArticleText]) -> list[list[RawMention]]:
        return [article_mentions(text) for text in texts]
