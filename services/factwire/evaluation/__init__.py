"""Extraction quality measured on annotated news (``python -m factwire.evaluation``).

Each task lives in its own module (``conll`` for named entities, ``polnear`` for attribution)
and offers the same small interface, :class:`TaskModule`: a ``TASK`` name, ``handles(path)`` to
claim a path given on the command line, ``default_paths(data_dir)`` and
``run(backends, paths, limit=None)`` (``limit``: only the first N documents, for quick runs),
which returns a :class:`Report` (a printable table plus the figures as JSON-ready data).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

DATA_DIR_ENV = "FACTWIRE_EVAL_DATA"


@dataclass(slots=True)
class Report:
    """What one task run produces: text for a terminal and figures for ``--json``."""

    task: str
    text: str
    figures: dict[str, Any] = field(default_factory=dict)


class TaskModule(Protocol):
    """The interface of a task module (a Python module, not a class)."""

    TASK: str

    def handles(self, path: Path) -> bool: ...

    def default_paths(self, data_dir: Path) -> list[Path]: ...

    def run(self, backends: list[str], paths: list[Path], limit: int | None = None) -> Report: ...


class EvaluationDataError(FileNotFoundError):
    """The annotated data to evaluate on is missing or unreadable."""


def data_dir() -> Path:
    """The development data: ``$FACTWIRE_EVAL_DATA``, else ``shared/data`` beside the repository."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    repo_root = Path(__file__).resolve().parents[3]
    return repo_root.parent / "shared" / "data"


__all__ = ["DATA_DIR_ENV", "EvaluationDataError", "Report", "TaskModule", "data_dir"]
