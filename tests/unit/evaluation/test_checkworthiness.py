"""Check-worthiness figures: ROC-AUC with ties, best-threshold F1, the number baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwire.evaluation import EvaluationDataError
from factwire.evaluation.checkworthiness import (
    Sentence,
    best_f1,
    evaluate,
    handles,
    number_baseline,
    read_sentences,
    roc_auc,
    sentence_score,
    spread,
)
from factwire.models import Claim

T, F = True, False


@pytest.mark.parametrize(
    ("scores", "labels", "auc"),
    [
        ([0.9, 0.8, 0.2, 0.1], [T, T, F, F], 1.0),  # every positive above every negative
        ([0.1, 0.2, 0.8, 0.9], [T, T, F, F], 0.0),
        ([0.5, 0.5, 0.5, 0.5], [T, F, T, F], 0.5),  # all tied: every pair counts half
        ([0.9, 0.4, 0.6, 0.1], [T, T, F, F], 0.75),  # 3 of the 4 pairs ordered right
        ([1.0, 0.0, 1.0, 0.0], [T, T, F, F], 0.5),  # pairs: 1 right, 1 wrong, 2 tied
        ([0.7, 0.3, 0.3, 0.1], [T, T, F, F], 0.875),  # (1 + 1 + 0.5 + 1) / 4
        ([0.3, 0.3, 0.3], [T, F, F], 0.5),
    ],
)
def test_roc_auc_counts_ties_half(scores: list[float], labels: list[bool], auc: float) -> None:
    assert roc_auc(scores, labels) == pytest.approx(auc)


@pytest.mark.parametrize(
    ("scores", "labels", "f1", "threshold"),
    [
        ([0.9, 0.8, 0.2, 0.1], [T, T, F, F], 1.0, 0.8),
        # at 0.6: 1 hit of 2 predicted, 2 positives -> 0.5; at 0.4: 2 of 3 -> 0.8; at 0.1: 2/4+2
        ([0.9, 0.4, 0.6, 0.1], [T, T, F, F], 0.8, 0.4),
        # a tied score is one threshold: 0.5 takes all three sentences (P 2/3, R 1)
        ([0.5, 0.5, 0.5], [T, T, F], 0.8, 0.5),
        # all positive: the lowest score keeps every sentence
        ([0.2, 0.7], [T, T], 1.0, 0.2),
    ],
)
def test_best_f1_over_thresholds(
    scores: list[float], labels: list[bool], f1: float, threshold: float
) -> None:
    assert best_f1(scores, labels) == (pytest.approx(f1), threshold)


@pytest.mark.parametrize(
    ("scores", "labels"), [([0.1, 0.2], [T, T]), ([0.1, 0.2], [F, F]), ([0.1], [T, F])]
)
def test_auc_needs_both_classes_and_one_label_per_score(
    scores: list[float], labels: list[bool]
) -> None:
    with pytest.raises(ValueError, match=r"label|positive"):
        roc_auc(scores, labels)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We lost 9 jobs.", 1.0),
        ("Seventy percent of it is owed.", 1.0),
        ("Taxes went up by a third.", 0.0),
        ("Nobody knows what happened.", 0.0),  # "one" inside a word is no number word
    ],
)
def test_the_number_baseline(text: str, expected: float) -> None:
    assert number_baseline(text) == expected


def claim(score: float) -> Claim:
    return Claim(
        id="c1", kind="statement", text="x", start=0, end=1, content="x", checkworthiness=score
    )


def test_a_sentence_scores_its_best_claim_or_zero() -> None:
    assert sentence_score([claim(0.3), claim(0.6)]) == 0.6
    assert sentence_score([]) == 0.0


def test_reading_labelled_sentences(tmp_path: Path) -> None:
    path = tmp_path / "sentences.json"
    path.write_text('[{"sentence_id": 7, "label": 1, "text": "It rose 5%."}]', encoding="utf-8")
    assert handles(path)
    [sentence] = read_sentences(path)
    assert (sentence.id, sentence.text, sentence.check_worthy) == ("7", "It rose 5%.", True)


@pytest.mark.parametrize(
    "content", ["[]", "{}", '[{"label": 2, "text": "x"}]', '[{"label": 1}]', "not json"]
)
def test_malformed_sentence_files_are_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "sentences.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"sentences\.json"):
        read_sentences(path)


def test_a_limit_takes_sentences_spread_over_a_file_sorted_by_label() -> None:
    sentences = [Sentence(str(k), "x", k < 4) for k in range(10)]
    picked = spread(sentences, 5)
    assert [s.id for s in picked] == ["0", "2", "4", "6", "8"]
    assert {s.check_worthy for s in picked} == {True, False}
    assert spread(sentences, None) == sentences


def test_sentences_of_one_label_only_are_a_clear_error() -> None:
    with pytest.raises(EvaluationDataError, match="labelled 1 and 0"):
        evaluate([Sentence("1", "It rose 5%.", True)], [], "one.json")
