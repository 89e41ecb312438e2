"""The CoNLL-2003 scorer: reading IOB1 documents and strict entity-level matching."""

from __future__ import annotations

from pathlib import Path

from factwire.evaluation.conll import Scores, iob1_spans, predicted_spans, read_conll
from factwire.models import Entity, Mention

SAMPLE = (
    "-DOCSTART- -X- -X- O\r\n\r\n"
    "Ana NNP I-NP I-PER\r\nLopez NNP I-NP I-PER\r\nvisited VBD I-VP O\r\n"
    "Lima NNP I-NP I-LOC\r\n. . O O\r\n\r\n"
    "Acme NNP I-NP I-ORG\r\nBolt NNP I-NP B-ORG\r\nmerged VBD I-VP O\r\n\r\n"
    "-DOCSTART- -X- -X- O\r\n\r\nPeru NNP I-NP I-LOC\r\n"
)


def test_iob1_i_starts_an_entity_and_b_separates_two_of_one_class() -> None:
    assert iob1_spans(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]


def test_documents_join_sentences_by_newlines_and_tokens_by_spaces(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.encode())
    first, second = read_conll(path)
    assert first.text == "Ana Lopez visited Lima .\nAcme Bolt merged"
    assert first.gold == {(0, 2, "PER"), (3, 4, "LOC"), (5, 6, "ORG"), (6, 7, "ORG")}
    assert second.text == "Peru" and second.words == 1


def entity(kind: str, *spans: tuple[int, int], text: str) -> Entity:
    mentions = [Mention(field="body", start=s, end=e, text=text[s:e]) for s, e in spans]
    return Entity(id="e1", name="x", type=kind, mentions=mentions, salience=0.5)  # type: ignore[arg-type]


def test_predictions_map_to_tokens_and_labels_to_conll_classes(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.encode())
    doc = read_conll(path)[0]
    found = predicted_spans(
        doc,
        [
            entity("PERSON", (0, 9), text=doc.text),  # "Ana Lopez"
            entity("GPE", (18, 22), text=doc.text),  # "Lima"
            entity("ORG", (25, 34), text=doc.text),  # "Acme Bolt": one span, gold has two
            entity("DATE", (10, 17), text=doc.text),  # dropped
        ],
    )
    assert found == {(0, 2, "PER"), (3, 4, "LOC"), (5, 7, "ORG")}
    scores = Scores()
    scores.add(doc.gold, found)
    assert (scores.micro.correct, scores.micro.predicted, scores.micro.gold) == (2, 3, 4)
    assert round(scores.micro.f1, 4) == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)
