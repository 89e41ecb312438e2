"""Attribution quality on PolNeAR (who said what), from its brat standoff annotations.

An article is ``text/NAME.txt`` (its whole file is the body), annotated by the first
``attributions/NAME_*.ann`` in sorted order. A predicted ``quote`` or ``reported`` claim matches a
gold attribution that has a Source when their contents overlap by at least half of the shorter
one (one to one, largest overlaps first). Attribution counts a match only when the speaker is
right too: the speaker entity has a mention overlapping the gold Source, or the last word of the
speaker's name is one of the Source's words. A pronoun Source ("he", "who") is replaced by the
nearest earlier named Source; a description ("the former president", "The Republican nominee")
is no name and never stands in. A prediction left over that matches one piece of an interrupted
quote stored as one discontinuous attribution (once another prediction has matched it) neither
earns nor costs. Scores are split by
whether the gold content opens with a quotation mark (direct) or not (indirect).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factwire.evaluation import EvaluationDataError, Report
from factwire.evaluation.folds import SEED, Spread, assign_folds
from factwire.extraction import ArticleText, get_extractor
from factwire.extraction.backends import BACKEND_NAMES
from factwire.extraction.claims import find_claims
from factwire.extraction.document import Extraction
from factwire.models import Claim, Entity

TASK = "attribution"
DEFAULT_DIR = "polnear-dev"
FOLD_DIRS = ("polnear-train", "polnear-dev")  # pooled for K-fold figures
CATEGORIES = ("all", "direct", "indirect")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


PRONOUNS = _wordset(
    "he she they it we i you who whom whose which that him her them his hers its their theirs "
    "our ours my mine me us your yours this these those one"
)
_QUOTE_MARKS = "\"“”‘'«„"
_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")
_NOT_NAMES = _wordset(
    "mr mrs ms dr sen senator rep representative gov governor president vice former presidential "
    "secretary speaker chairman chairwoman chair leader majority minority attorney general judge "
    "justice mayor candidate nominee republican republicans democrat democrats democratic gop "
    "independent libertarian the a an his her their its"
)

Fragments = tuple[tuple[int, int], ...]
Extract = Callable[[list[ArticleText]], list[Extraction]]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: content fragments and its Source (after pronoun resolution)."""

    content: Fragments
    source: Fragments
    source_words: frozenset[str]
    direct: bool


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Tally:
    """Counts for one category: predictions, gold, content matches, attribution matches."""

    predicted: int = 0
    gold: int = 0
    content: int = 0
    attributed: int = 0

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"predicted": self.predicted, "gold": self.gold}
        for name, hits in (("content", self.content), ("attribution", self.attributed)):
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out |= {f"{name}_p": round(p, 4), f"{name}_r": round(r, 4), f"{name}_f1": round(f, 4)}
        return out


def _tallies() -> dict[str, Tally]:
    return {c: Tally() for c in CATEGORIES}


@dataclass(slots=True)
class Result:
    backend: str
    tallies: dict[str, Tally] = field(default_factory=_tallies)
    words: int = 0
    seconds: float = 0.0
    claims_seconds: float = 0.0
    per_article: list[dict[str, Tally]] = field(default_factory=list)  # in article order

    def add(self, tallies: dict[str, Tally]) -> None:
        """Count one article's tallies into the totals."""
        for category, tally in tallies.items():
            total = self.tallies[category]
            total.predicted += tally.predicted
            total.gold += tally.gold
            total.content += tally.content
            total.attributed += tally.attributed


# --- reading the corpus -------------------------------------------------------------------


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """The attributions of one brat file; Source-less ones are left out, pronoun Sources are
    replaced by the nearest earlier named Source."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if re.fullmatch(r"T\d+", parts[0]):
            label, _, where = parts[1].partition(" ")
            try:
                frags = tuple(
                    (int(a), int(b))
                    for a, b in (piece.split() for piece in where.split(";") if piece.strip())
                )
            except ValueError:
                continue
            spans[parts[0]] = (label, frags)
        elif re.fullmatch(r"E\d+", parts[0]):
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            relations.append(roles)
    named_sources: list[tuple[int, Fragments, str]] = []
    raw: list[tuple[Fragments, Fragments, str]] = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        source = spans.get(roles.get("Source", ""))
        if content is None or source is None:
            continue
        source_text = " ".join(text[a:b] for a, b in source[1])
        raw.append((content[1], source[1], source_text))
        if _is_named(source[1], text):
            named_sources.append((source[1][0][0], source[1], source_text))
    named_sources.sort()
    gold: list[GoldAttribution] = []
    for content_frags, given_frags, given_text in raw:
        source_frags, source_text = given_frags, given_text
        if _is_pronoun(given_text):
            earlier = [s for s in named_sources if s[0] < given_frags[0][0]]
            if earlier:
                _, source_frags, source_text = earlier[-1]
        first = text[content_frags[0][0] : content_frags[0][1]].lstrip()
        gold.append(
            GoldAttribution(
                content=content_frags,
                source=source_frags,
                source_words=frozenset(_words(source_text)),
                direct=first[:1] in _QUOTE_MARKS,
            )
        )
    return gold


def _is_pronoun(source_text: str) -> bool:
    return source_text.strip().lower() in PRONOUNS


def _is_named(frags: Fragments, text: str) -> bool:
    """Whether a Source names someone: it has a capitalised word that is no title or party word
    ("Sen.", "President", "Republican") and, when it opens a sentence, is never written in lower
    case elsewhere in the article ("The", "Former"). "the former president" and "The Republican
    nominee" are descriptions, not names; so is a phrase opening with an article and ending in
    a common noun ("the Vermont senator"). "Trump", "Sen. Jane Roe", "the Washington Post" are."""
    words = " ".join(text[a:b] for a, b in frags).split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an") and words[-1][:1].islower():
        return False
    for a, b in frags:
        for word in _CAPITALISED.finditer(text, a, b):
            token = word.group()
            if token.lower().rstrip(".") in _NOT_NAMES:
                continue
            before = text[max(0, word.start() - 3) : word.start()].rstrip(" \t\"“‘'(")
            opens_sentence = not before or before[-1] in ".!?:\n"
            if opens_sentence and re.search(rf"\b{re.escape(token.lower())}\b", text) is not None:
                continue  # a sentence-initial common word
            return True
    return False


def _words(text: str) -> list[str]:
    return [
        w.lower().removesuffix("s") if w.endswith("'s") else w.lower() for w in _WORD.findall(text)
    ]


def read_polnear(directory: Path) -> list[Article]:
    """Articles of a PolNeAR directory (``text/`` and ``attributions/``), sorted by name."""
    texts, anns = directory / "text", directory / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvaluationDataError(f"{directory} has no text/ and attributions/ folders")
    first_ann: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        first_ann.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles: list[Article] = []
    for path in sorted(texts.glob("*.txt")):
        ann_path = first_ann.get(path.stem)
        if ann_path is None:
            continue
        text = path.read_text(encoding="utf-8")
        gold = parse_ann(ann_path.read_text(encoding="utf-8"), text)
        articles.append(Article(path.stem, text, gold))
    if not articles:
        raise EvaluationDataError(f"no annotated articles in {directory}")
    return articles


# --- scoring ------------------------------------------------------------------------------


def content_span(claim: Claim) -> tuple[int, int]:
    """Where a claim's content lies in the body."""
    offset = claim.text.find(claim.content)
    if offset < 0:
        return claim.start, claim.end
    return claim.start + offset, claim.start + offset + len(claim.content)


def _overlap(span: tuple[int, int], frags: Fragments) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in frags)


def _length(frags: Fragments) -> int:
    return sum(b - a for a, b in frags)


def _matches(span: tuple[int, int], frags: Fragments) -> int:
    """The overlap when it reaches half of the shorter of the two, else 0."""
    shared = _overlap(span, frags)
    shorter = min(span[1] - span[0], _length(frags))
    return shared if shorter > 0 and 2 * shared >= shorter else 0


def speaker_right(claim: Claim, gold: GoldAttribution, entities: dict[str, Entity]) -> bool:
    if claim.speaker is None:
        return False
    entity = entities.get(claim.speaker.entity_id or "")
    if entity is not None and any(
        m.field == "body" and _overlap((m.start, m.end), gold.source) > 0 for m in entity.mentions
    ):
        return True
    words = _words(claim.speaker.name)
    return bool(words) and words[-1] in gold.source_words


def score_article(article: Article, extraction: Extraction, result: Result) -> None:
    """Add one article's matches to the result's tallies."""
    claims = [c for c in extraction.claims if c.kind in ("quote", "reported")]
    entities = {e.id: e for e in extraction.entities}
    spans = [content_span(c) for c in claims]
    matched = _pair(claims, spans, article.gold, entities)
    tallies = result.tallies
    for gold in article.gold:
        for category in ("all", "direct" if gold.direct else "indirect"):
            tallies[category].gold += 1
    for i, claim in enumerate(claims):
        j = matched.get(i)
        if j is None:
            if _other_piece(spans[i], article.gold):
                continue
            category = "direct" if claim.kind == "quote" else "indirect"
        else:
            category = "direct" if article.gold[j].direct else "indirect"
        right = j is not None and speaker_right(claim, article.gold[j], entities)
        for name in ("all", category):
            tallies[name].predicted += 1
            tallies[name].content += j is not None
            tallies[name].attributed += right


def _pair(
    claims: list[Claim],
    spans: list[tuple[int, int]],
    golds: list[GoldAttribution],
    entities: dict[str, Entity],
) -> dict[int, int]:
    """Claim index -> gold index, one to one, largest overlaps (then right speakers) first."""
    pairs: list[tuple[int, bool, int, int]] = []
    for i, span in enumerate(spans):
        for k, gold in enumerate(golds):
            shared = _matches(span, gold.content)
            if shared:
                pairs.append((shared, speaker_right(claims[i], gold, entities), i, k))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    used_claims: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, _, claim_index, gold_index in pairs:
        if claim_index not in used_claims and gold_index not in used_gold:
            used_claims[claim_index] = gold_index
            used_gold.add(gold_index)
    return used_claims


def _other_piece(span: tuple[int, int], golds: list[GoldAttribution]) -> bool:
    """Whether a span matches one piece of a gold content stored in several pieces (the other
    piece of an interrupted quote, whose attribution another prediction has matched)."""
    return any(
        _matches(span, (frag,)) for gold in golds if len(gold.content) > 1 for frag in gold.content
    )


def evaluate(articles: Sequence[Article], backend: str, extract: Extract | None = None) -> Result:
    """Run an extractor over the articles and score its claims."""
    if extract is None:
        extract = get_extractor(backend).extract_many
    result = Result(backend)
    batch = 8
    for k in range(0, len(articles), batch):
        chunk = articles[k : k + batch]
        texts = [ArticleText(body=a.text) for a in chunk]
        started = time.perf_counter()
        extractions = extract(texts)
        result.seconds += time.perf_counter() - started
        for article, text, extraction in zip(chunk, texts, extractions, strict=True):
            started = time.process_time()  # CPU time: other processes do not inflate it
            find_claims(text, extraction.entities)
            result.claims_seconds += time.process_time() - started
            result.words += article.words
            one = Result(backend)
            score_article(article, extraction, one)
            result.add(one.tallies)
            result.per_article.append(one.tallies)
    return result


# --- reporting ----------------------------------------------------------------------------


def format_result(result: Result, label: str, documents: int) -> str:
    lines = [
        f"attribution  {label}  backend={result.backend}  documents={documents}  "
        f"words={result.words}  claims={result.claims_seconds * 1e6 / max(result.words, 1):.1f} "
        f"ms per 1,000 words",
        f"{'':10}{'pred':>6}{'gold':>6}   {'content P':>9}{'R':>7}{'F1':>7}"
        f"   {'attrib P':>9}{'R':>7}{'F1':>7}",
    ]
    for category in CATEGORIES:
        f = result.tallies[category].figures()
        lines.append(
            f"{category:10}{f['predicted']:>6}{f['gold']:>6}   "
            f"{f['content_p']:>9.3f}{f['content_r']:>7.3f}{f['content_f1']:>7.3f}   "
            f"{f['attribution_p']:>9.3f}{f['attribution_r']:>7.3f}{f['attribution_f1']:>7.3f}"
        )
    return "\n".join(lines)


def handles(path: Path) -> bool:
    return path.is_dir() and (path / "attributions").is_dir()


def default_paths(data_dir: Path) -> list[Path]:
    return [data_dir / DEFAULT_DIR]


def run(backends: list[str], paths: list[Path], limit: int | None = None) -> Report:
    """Score each backend on each PolNeAR directory (its first ``limit`` articles, if given)."""
    texts: list[str] = []
    figures: dict[str, Any] = {}
    for path in paths:
        articles = read_polnear(path)[:limit]
        per_backend: dict[str, Any] = {}
        for backend in backends:
            result = evaluate(articles, backend)
            texts.append(format_result(result, path.name, len(articles)))
            per_backend[backend] = {c: result.tallies[c].figures() for c in CATEGORIES} | {
                "words": result.words,
                "seconds": round(result.seconds, 3),
                "claims_ms_per_1000_words": round(
                    result.claims_seconds * 1e6 / max(result.words, 1), 3
                ),
            }
        figures[path.name] = {"documents": len(articles), "backends": per_backend}
    return Report(task=TASK, text="\n\n".join(texts), figures=figures)


def fold_paths(data_dir: Path) -> list[Path]:
    """The directories pooled for K-fold figures when none are given."""
    return [data_dir / name for name in FOLD_DIRS]


def fold_figures(
    fold_of: list[int], result: Result, folds: int
) -> list[dict[str, dict[str, float | int]]]:
    """Each fold's figures per category, from the per-article tallies of one evaluation."""
    sums = [Result(result.backend) for _ in range(folds)]
    for k, tallies in zip(fold_of, result.per_article, strict=True):
        sums[k].add(tallies)
    return [{c: s.tallies[c].figures() for c in CATEGORIES} for s in sums]


def format_folds(
    per_fold: list[dict[str, dict[str, float | int]]], sizes: list[int], header: str
) -> tuple[str, dict[str, Spread]]:
    """A table of attribution F1 per fold and category, then mean ± standard deviation."""
    lines = [header, f"{'fold':10}{'docs':>6}" + "".join(f"{c:>16}" for c in CATEGORIES)]
    for k, (figures, size) in enumerate(zip(per_fold, sizes, strict=True), start=1):
        cells = "".join(f"{figures[c]['attribution_f1']:>16.3f}" for c in CATEGORIES)
        lines.append(f"{k:<10}{size:>6}{cells}")
    spreads = {c: Spread.of([float(f[c]["attribution_f1"]) for f in per_fold]) for c in CATEGORIES}
    lines.append(
        f"{'mean ± sd':10}{sum(sizes):>6}" + "".join(f"{spreads[c]!s:>16}" for c in CATEGORIES)
    )
    ranges = (f"{spreads[c].low:.3f}..{spreads[c].high:.3f}" for c in CATEGORIES)
    lines.append(f"{'min..max':16}" + "".join(f"{r:>16}" for r in ranges))
    return "\n".join(lines), spreads


def run_folds(
    backends: list[str], paths: list[Path], folds: int, limit: int | None = None
) -> Report:
    """Attribution F1 by K-fold over the articles of all ``paths`` pooled (split by article,
    fixed seed): each fold's figures, their mean and spread, and the pooled table."""
    articles: list[Article] = []
    for path in paths:
        articles += read_polnear(path)[:limit]
    try:
        fold_of = assign_folds([a.name for a in articles], folds)
    except ValueError as exc:
        raise EvaluationDataError(str(exc)) from exc
    sizes = [fold_of.count(k) for k in range(folds)]
    label = " + ".join(p.name for p in paths)
    texts: list[str] = []
    figures: dict[str, Any] = {"folds": folds, "seed": SEED, "documents": len(articles)}
    for backend in backends:
        result = evaluate(articles, backend)
        per_fold = fold_figures(fold_of, result, folds)
        header = (
            f"attribution F1 by {folds}-fold  {label}  backend={backend}  "
            f"documents={len(articles)}  seed={SEED}"
        )
        table, spreads = format_folds(per_fold, sizes, header)
        texts.append(table + "\n\n" + format_result(result, f"{label} pooled", len(articles)))
        figures[backend] = {
            "per_fold": per_fold,
            "attribution_f1": {
                c: {"mean": round(s.mean, 4), "stdev": round(s.stdev, 4)}
                for c, s in spreads.items()
            },
            "pooled": {c: result.tallies[c].figures() for c in CATEGORIES},
        }
    return Report(task=TASK, text="\n\n".join(texts), figures=figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m factwire.evaluation.polnear", description="Attribution quality on PolNeAR."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="PolNeAR directories (default: dev)")
    parser.add_argument("--backend", action="append", choices=BACKEND_NAMES)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args(argv)
    from factwire.evaluation import data_dir

    try:
        report = run(
            args.backend or list(BACKEND_NAMES), args.paths or default_paths(data_dir()), args.limit
        )
    except EvaluationDataError as exc:
        print(f"evaluation: {exc}", file=sys.stderr)
        return 2
    print(report.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
