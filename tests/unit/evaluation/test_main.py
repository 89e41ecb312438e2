"""The evaluation command line on tiny data written here (rules backend: no model to load)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from factwire.evaluation.__main__ import main

STORY = 'Budget Talks\n\n"We will pass it," Lopez said. He added that talks went well.'


def polnear_dir(root: Path, names: list[str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    start = STORY.index("talks went well")
    source = STORY.index("He")
    ann = "\n".join(
        [
            f"T1\tSource {source} {source + 2}\tHe",
            f"T2\tContent {start} {start + 15}\ttalks went well",
            "E1\tAttribution:T2 Content:T2 Source:T1",
        ]
    )
    for name in names:
        (root / "text" / f"{name}.txt").write_text(STORY, encoding="utf-8")
        (root / "attributions" / f"{name}_a.ann").write_text(ann, encoding="utf-8")
    return root


def test_folds_print_each_fold_and_the_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = polnear_dir(tmp_path / "corpus", ["one", "two", "three", "four"])
    out = tmp_path / "figures.json"
    code = main(
        [
            "--task",
            "attribution",
            "--backend",
            "rules",
            "--folds",
            "2",
            "--json",
            str(out),
            str(corpus),
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "attribution F1 by 2-fold" in text and "mean ± sd" in text
    figures = orjson.loads(out.read_bytes())["tasks"]["attribution"]
    assert len(figures["rules"]["per_fold"]) == 2
    assert figures["documents"] == 4


def test_too_many_folds_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = polnear_dir(tmp_path / "corpus", ["one", "two"])
    assert main(["--task", "attribution", "--backend", "rules", "--folds", "3", str(corpus)]) == 2
    assert "cannot fill 3 folds" in capsys.readouterr().err


def test_checkworthiness_prints_factwire_next_to_the_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sentences.json"
    items = [
        {"sentence_id": 1, "label": 1, "text": "The county lost 2,000 jobs in 2019."},
        {"sentence_id": 2, "label": 0, "text": "I think we can do better."},
        {"sentence_id": 3, "label": 0, "text": "Thank you both."},
    ]
    path.write_bytes(orjson.dumps(items))
    assert main(["--task", "checkworthiness", "--backend", "rules", str(path)]) == 0
    text = capsys.readouterr().out
    assert "factwire rules" in text and "number baseline" in text
    assert "1.000" in text.split("factwire rules")[1].split("\n")[0]  # AUC: ranked perfectly
