"""K-fold splits by article: deterministic, whole articles, every article in exactly one fold."""

from __future__ import annotations

import pytest

from factwire.evaluation.folds import Spread, assign_folds

NAMES = [f"story_{k:03d}" for k in range(23)]


def test_the_split_is_the_same_on_every_run_and_in_any_input_order() -> None:
    first = assign_folds(NAMES, 5)
    assert assign_folds(NAMES, 5) == first
    reordered = list(reversed(NAMES))
    by_name = dict(zip(reordered, assign_folds(reordered, 5), strict=True))
    assert [by_name[n] for n in NAMES] == first


def test_every_article_is_in_exactly_one_fold_and_folds_are_even() -> None:
    folds = assign_folds(NAMES, 5)
    assert len(folds) == len(NAMES)
    assert set(folds) == {0, 1, 2, 3, 4}
    sizes = sorted(folds.count(k) for k in range(5))
    assert sizes == [4, 4, 5, 5, 5]


def test_the_split_is_shuffled_not_alphabetical_and_depends_on_the_seed() -> None:
    folds = assign_folds(NAMES, 5)
    assert folds != [k % 5 for k in range(len(NAMES))]
    assert assign_folds(NAMES, 5, seed=7) != folds


def test_an_article_named_twice_stays_in_one_fold() -> None:
    names = ["b", "a", "c", "a", "d"]
    folds = assign_folds(names, 2)
    assert folds[1] == folds[3]


@pytest.mark.parametrize(("names", "folds"), [(NAMES, 1), (["a", "b"], 3)])
def test_too_few_folds_or_articles_is_an_error(names: list[str], folds: int) -> None:
    with pytest.raises(ValueError, match="fold"):
        assign_folds(names, folds)


def test_spread_is_the_mean_and_sample_standard_deviation() -> None:
    spread = Spread.of([0.5, 0.7, 0.6])
    assert spread.mean == pytest.approx(0.6)
    assert spread.stdev == pytest.approx(0.1)
    assert (spread.low, spread.high) == (0.5, 0.7)
    assert str(spread) == "0.600 ± 0.100"
