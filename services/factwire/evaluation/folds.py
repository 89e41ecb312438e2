"""K-fold splits by document, and the mean and spread of a figure over the folds.

The extractor learns nothing from the data, so a "fold" here is only a part of the articles on
which the figures are computed: a rule that helps every part, not just the one split it was
tuned on, generalises. Articles go to folds whole (never a sentence of one article in two folds),
by a shuffle with a fixed seed so that every run splits the same way.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

SEED = 2016


def assign_folds(names: Sequence[str], folds: int, seed: int = SEED) -> list[int]:
    """The fold (0 to ``folds - 1``) of each document, by name: the sorted names are shuffled
    with ``seed`` and dealt round-robin, so fold sizes differ by at most one and the split does
    not depend on the order the names come in. Equal names share a fold."""
    if folds < 2:
        raise ValueError(f"need at least 2 folds, got {folds}")
    unique = sorted(set(names))
    if len(unique) < folds:
        raise ValueError(f"{len(unique)} documents cannot fill {folds} folds")
    random.Random(seed).shuffle(unique)
    fold_of = {name: k % folds for k, name in enumerate(unique)}
    return [fold_of[name] for name in names]


@dataclass(frozen=True, slots=True)
class Spread:
    """A figure over the folds: mean, sample standard deviation, lowest and highest."""

    mean: float
    stdev: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise ValueError("no values")
        stdev = statistics.stdev(values) if len(values) > 1 else 0.0
        return cls(statistics.fmean(values), stdev, min(values), max(values))

    def __str__(self) -> str:
        return f"{self.mean:.3f} ± {self.stdev:.3f}"


__all__ = ["SEED", "Spread", "assign_folds"]
