"""Named-entity quality on held-out modern news: the same scoring on articles never tuned on.

``tests/data/modern_news_holdout/`` holds a second set of annotated 2020s articles in the format
of the development set (see its README). It is for measuring only: its figures show whether
rules tuned on ``tests/data/modern_news/`` carry over to unseen text, so nothing may be fitted
to its errors. Scoring is that of :mod:`factwire.evaluation.modern_news`.
"""

from __future__ import annotations

from pathlib import Path

from factwire.evaluation import Report, modern_news

TASK = "modern-news-holdout"
REPO_DATA = modern_news.HOLDOUT_DATA


def handles(path: Path) -> bool:
    """The held-out folder itself (any other folder of articles is ``modern-news``'s)."""
    return path.is_dir() and path.resolve() == REPO_DATA.resolve()


def default_paths(data_dir: Path) -> list[Path]:
    """The held-out articles live in the repository, not in the data folder."""
    return [REPO_DATA]


def run(backends: list[str], paths: list[Path], limit: int | None = None) -> Report:
    """Score each backend as ``modern-news`` does, under this task's name."""
    report = modern_news.run(backends, paths, limit=limit, task=TASK)
    report.text = "held out (measure only, do not tune on it)\n" + report.text
    return report
