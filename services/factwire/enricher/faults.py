"""Test-only fault injection in the extraction processes (docs/reliability.md).

With ``FACTWIRE_TESTING_EXTRACT_HOOK=package.module:function`` in the worker's environment,
every extraction process calls ``function(raw_article)`` before it extracts each article of a
chunk; the function may raise (a poison pill), sleep (a slow article) or end the process (a
crash in native code). Without the variable the worker runs ``enrich_chunk`` and this module
does nothing. It is deliberately not a setting: no CLI option and no ``Settings`` field name it,
and the worker logs a warning at start when it is set.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable, Sequence
from functools import lru_cache

from factwire.enricher.pool import ChunkWork, Enriched, enrich_chunk
from factwire.models import RawArticle

HOOK_ENV = "FACTWIRE_TESTING_EXTRACT_HOOK"
log = logging.getLogger("factwire.enricher")


def chunk_work() -> ChunkWork:
    """What the pool runs on a chunk: ``enrich_chunk``, or it behind the hook when one is set."""
    spec = os.environ.get(HOOK_ENV)
    if not spec:
        return enrich_chunk
    log.warning("test fault injection is on: %s=%s", HOOK_ENV, spec)
    return enrich_chunk_with_hook


@lru_cache(maxsize=1)
def _hook(spec: str) -> Callable[[RawArticle], object]:
    module, _, name = spec.partition(":")
    hook: Callable[[RawArticle], object] = getattr(importlib.import_module(module), name)
    return hook


def enrich_chunk_with_hook(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    """``enrich_chunk`` after the hook has seen every article (runs in the pool's processes)."""
    hook = _hook(os.environ[HOOK_ENV])
    for raw in raws:
        hook(raw)
    return enrich_chunk(name, raws)
