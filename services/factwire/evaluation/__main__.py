"""``python -m factwire.evaluation [--task T] [--backend B]... [--json OUT] [PATH...]``.

Without paths, every task runs on its default development data (see
``factwire.evaluation.data_dir``); a path given is handed to the task that handles it (a CoNLL
file to ``ner``, a PolNeAR directory to ``attribution``) among the tasks selected with ``--task``.
``--folds K`` scores attribution by K-fold over ``polnear-train`` + ``polnear-dev`` (or the
PolNeAR paths given), split by article with a fixed seed, and prints each fold with the mean and
spread (``factwire.evaluation.folds``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

import orjson

from factwire.evaluation import (
    EvaluationDataError,
    Report,
    TaskModule,
    checkworthiness,
    conll,
    data_dir,
    modern_news,
    modern_news_holdout,
    polnear,
)
from factwire.extraction.backends import BACKEND_NAMES

# A task module registers itself here with one import and one entry.
TASKS: dict[str, TaskModule] = {
    conll.TASK: conll,
    polnear.TASK: polnear,
    checkworthiness.TASK: checkworthiness,
    modern_news.TASK: modern_news,
    modern_news_holdout.TASK: modern_news_holdout,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m factwire.evaluation",
        description="Measure factwire's extraction quality on annotated news.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="data to evaluate on (default: dev)")
    parser.add_argument(
        "--backend",
        action="append",
        choices=BACKEND_NAMES,
        help="extractor backend (repeatable; default: all)",
    )
    parser.add_argument("--task", action="append", choices=sorted(TASKS), help="(repeatable)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument("--limit", type=int, help="only the first N documents of each data set")
    parser.add_argument(
        "--folds",
        type=int,
        metavar="K",
        help="attribution by K-fold over polnear-train + polnear-dev (by article, fixed seed)",
    )
    return parser


def _plan(tasks: list[str] | None, paths: list[Path]) -> dict[str, list[Path]]:
    """Which paths each selected task runs on."""
    selected = tasks or sorted(TASKS)
    if not paths:
        return {t: TASKS[t].default_paths(data_dir()) for t in selected}
    plan: dict[str, list[Path]] = {}
    for path in paths:
        if not path.exists():
            raise EvaluationDataError(f"no such file or directory: {path}")
        owner = next((t for t in selected if TASKS[t].handles(path)), None)
        if owner is None:
            raise EvaluationDataError(f"no selected task reads {path}")
        plan.setdefault(owner, []).append(path)
    return plan


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    backends: list[str] = args.backend or list(BACKEND_NAMES)
    try:
        plan = _plan(args.task, args.paths)
        reports: list[Report] = []
        for task, paths in plan.items():
            if args.folds is not None and task == polnear.TASK:
                fold_paths = paths if args.paths else polnear.fold_paths(data_dir())
                report = polnear.run_folds(backends, fold_paths, args.folds, limit=args.limit)
            else:
                report = TASKS[task].run(backends, paths, limit=args.limit)
            print(report.text, flush=True)
            print(flush=True)
            reports.append(report)
    except EvaluationDataError as exc:
        print(f"evaluation: {exc}", file=sys.stderr)
        return 2
    if args.json:
        document = {
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": "python -m factwire.evaluation " + " ".join(argv or sys.argv[1:]),
            "tasks": {r.task: r.figures for r in reports},
        }
        args.json.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
