"""(a) Extraction only: how fast each backend turns articles into entities and claims, with no
Kafka involved, in this process and in a pool of processes; and spaCy's own NER as the baseline.

Model loading and the first batch are kept out of every timing.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bench.corpus import CorpusArticle
from bench.proc import sample_tree
from factwire.extraction import ArticleText, Extraction, get_extractor
from factwire.extraction.backends.spacy_backend import MODEL_PACKAGE
from factwire.models import RawArticle

NER_ONLY_EXCLUDE = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]


@dataclass(frozen=True, slots=True)
class Rate:
    """Articles and words processed in a measured span of wall-clock time, and the CPU time the
    measured processes got meanwhile: ``cpu_share`` (CPU time over wall time times processes)
    well under 1 means other work on the machine took the cores, and the rate is low for it."""

    articles: int
    words: int
    seconds: float
    cpu_seconds: float
    processes: int = 1

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.articles

    def as_dict(self) -> dict[str, float]:
        return {
            **asdict(self),
            "articles_per_s": round(self.articles_per_s, 3),
            "words_per_s": round(self.words_per_s, 1),
            "ms_per_article": round(self.ms_per_article, 3),
            "cpu_ms_per_article": round(1000 * self.cpu_seconds / self.articles, 3),
            "cpu_share": round(self.cpu_seconds / (self.seconds * self.processes), 3),
        }


def best(rates: Sequence[Rate]) -> Rate:
    """The fastest of repeated measurements: the one least disturbed by other load."""
    return min(rates, key=lambda r: r.seconds / r.articles)


def batches(articles: Sequence[CorpusArticle], size: int) -> list[list[tuple[str, str]]]:
    pairs = [(a.title, a.body) for a in articles]
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def extract_single(backend: str, articles: Sequence[CorpusArticle], batch: int) -> Rate:
    """The full extraction pipeline in this process, ``batch`` articles per call."""
    work = batches(articles, batch)
    _extract_pairs(backend, work[0])  # warm-up: lazy loading, caches
    started, cpu = time.perf_counter(), time.process_time()
    for chunk in work:
        _extract_pairs(backend, chunk)
    seconds = time.perf_counter() - started
    return Rate(len(articles), _words(articles), seconds, time.process_time() - cpu)


def extract_pool(
    backend: str, articles: Sequence[CorpusArticle], batch: int, processes: int
) -> Rate:
    """The full pipeline in a pool of ``processes`` fresh processes (spawned, model loaded once
    each), fed ``batch`` articles per task; results are sent back, as a worker's pool must."""
    context = multiprocessing.get_context("spawn")
    work = batches(articles, batch)
    with context.Pool(processes, initializer=_load, initargs=(backend,)) as pool:
        ready: set[int] = set()
        while len(ready) < processes:  # every process has loaded its model and run once
            ready.update(pool.map(_warm_task, [(backend, work[0][:1])] * processes, chunksize=1))
        started, cpu = time.perf_counter(), _children_cpu()
        done = sum(
            len(result)
            for result in pool.imap_unordered(
                _extract_task, [(backend, w) for w in work], chunksize=1
            )
        )
        seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    assert done == len(articles)
    return Rate(len(articles), _words(articles), seconds, cpu, processes)


def worker_pool(
    backend: str, articles: Sequence[CorpusArticle], batch: int, processes: int
) -> Rate:
    """The worker's own extraction pool, fed as the worker feeds it: one batch of ``batch`` raw
    articles at a time, split across the processes, enriched events serialised in the pool.
    Against ``extract_pool`` this shows what batch-at-a-time costs; against end to end, what
    Kafka and Faust cost."""
    return asyncio.run(_worker_pool(backend, articles, batch, processes))


async def _worker_pool(
    backend: str, articles: Sequence[CorpusArticle], batch: int, processes: int
) -> Rate:
    from factwire.enricher.pool import ExtractionPool

    raws = [
        RawArticle(id=f"bench-{i:06d}", title=a.title, body=a.body) for i, a in enumerate(articles)
    ]
    pool = ExtractionPool(backend, size=processes, retries=1)
    await pool.start()
    try:
        await pool.enrich(raws[:processes])
        started, cpu = time.perf_counter(), _children_cpu()
        done = 0
        for i in range(0, len(raws), batch):
            done += len(await pool.enrich(raws[i : i + batch]))
        seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    finally:
        pool.close()
    assert done == len(articles)
    return Rate(len(articles), _words(articles), seconds, cpu, processes)


def raw_ner(articles: Sequence[CorpusArticle], *, without_tok2vec: bool = False) -> Rate:
    """spaCy's model without tagger, parser, lemmatizer and rules, ``nlp.pipe`` over the same
    titles and bodies: the ceiling that the spaCy backend's full pipeline (claims included) is
    compared with. The model's shared ``tok2vec`` feeds only the tagger and parser (its NER has
    a tok2vec of its own), so ``without_tok2vec`` gives the stricter ceiling of NER alone."""
    import spacy

    exclude = NER_ONLY_EXCLUDE + (["tok2vec"] if without_tok2vec else [])
    nlp: Any = spacy.load(MODEL_PACKAGE, exclude=exclude)
    texts = [text for a in articles for text in (a.title, a.body)]
    for _ in nlp.pipe(texts[:4]):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    found = sum(len(doc.ents) for doc in nlp.pipe(texts))
    seconds = time.perf_counter() - started
    assert found > 0
    return Rate(len(articles), _words(articles), seconds, time.process_time() - cpu)


def _words(articles: Sequence[CorpusArticle]) -> int:
    return sum(a.words for a in articles)


def _children_cpu() -> float:
    """CPU seconds of this process's live child processes (a pool's workers)."""
    return sample_tree(os.getpid()).children_cpu_s


def _load(backend: str) -> None:
    get_extractor(backend)


def _warm_task(job: tuple[str, list[tuple[str, str]]]) -> int:
    _extract_task(job)
    time.sleep(0.05)  # long enough for the other processes to take a task too
    return os.getpid()


def _extract_task(job: tuple[str, list[tuple[str, str]]]) -> list[Extraction]:
    backend, pairs = job
    return _extract_pairs(backend, pairs)


def _extract_pairs(backend: str, pairs: list[tuple[str, str]]) -> list[Extraction]:
    texts = [ArticleText(body=body, title=title) for title, body in pairs]
    return get_extractor(backend).extract_many(texts)
