"""Attribution scoring on PolNeAR-style brat files, on articles and annotations written here."""

from __future__ import annotations

from pathlib import Path

from factwire.evaluation.polnear import Article as GoldArticle
from factwire.evaluation.polnear import (
    Result,
    evaluate,
    fold_figures,
    parse_ann,
    read_polnear,
    score_article,
)
from factwire.extraction import ArticleText
from factwire.extraction.document import Extraction
from factwire.models import Claim, Entity, Mention, Speaker

TEXT = 'Budget Talks\n\n"We will pass it," Lopez said. "Soon." He added that talks went well.'


def span(text: str, piece: str, after: int = 0) -> str:
    start = TEXT.index(piece, after)
    return f"{start} {start + len(piece)}"


def ann() -> str:
    """Two attributions: an interrupted quote in two pieces, and "He added that ..."."""
    quote_a, quote_b = '"We will pass it,"', '"Soon."'
    return "\n".join(
        [
            f"T1\tSource {span(TEXT, 'Lopez')}\tLopez",
            f"T2\tCue {span(TEXT, 'said')}\tsaid",
            f"T3\tContent {span(TEXT, quote_a)};{span(TEXT, quote_b)}\t{quote_a} {quote_b}",
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
            f"T4\tSource {span(TEXT, 'He')}\tHe",
            f"T5\tCue {span(TEXT, 'added')}\tadded",
            f"T6\tContent {span(TEXT, 'talks went well')}\ttalks went well",
            "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
            f"T7\tContent {span(TEXT, 'Budget Talks')}\tBudget Talks",
            "E3\tAttribution:T7 Content:T7",
        ]
    )


def claim(number: int, kind: str, content: str, speaker: str | None) -> Claim:
    start = TEXT.index(content)
    return Claim(
        id=f"c{number}",
        kind=kind,  # type: ignore[arg-type]
        text=content,
        start=start,
        end=start + len(content),
        content=content,
        speaker=Speaker(name=speaker) if speaker else None,
        checkworthiness=0.5,
    )


def scored(*claims: Claim, entities: list[Entity] | None = None) -> Result:
    article = GoldArticle("a", TEXT, parse_ann(ann(), TEXT))
    result = Result("test")
    score_article(article, Extraction(entities=entities or [], claims=list(claims)), result)
    return result


def test_discontinuous_content_and_sourceless_attributions() -> None:
    gold = parse_ann(ann(), TEXT)
    assert len(gold) == 2  # the attribution without a Source is left out
    assert len(gold[0].content) == 2 and gold[0].direct
    assert not gold[1].direct


def test_a_pronoun_source_stands_for_the_nearest_earlier_named_one() -> None:
    gold = parse_ann(ann(), TEXT)
    assert gold[1].source_words == frozenset({"lopez"})


def test_a_description_is_no_named_source_a_pronoun_can_stand_for() -> None:
    text = (
        "Vote\n\nSen. Jane Roe said taxes rose. The Republican nominee said costs fell. "
        "The former governor added that fees fell. The Ohio senator said jobs grew. "
        "She said rents rose."
    )

    def at(piece: str) -> str:
        start = text.index(piece)
        return f"{start} {start + len(piece)}"

    lines = []
    for k, (source, content) in enumerate(
        [
            ("Sen. Jane Roe", "taxes rose"),
            ("The Republican nominee", "costs fell"),
            ("The former governor", "fees fell"),
            ("The Ohio senator", "jobs grew"),
            ("She", "rents rose"),
        ]
    ):
        lines += [
            f"T{2 * k + 1}\tSource {at(source)}\t{source}",
            f"T{2 * k + 2}\tContent {at(content)}\t{content}",
            f"E{k + 1}\tAttribution:T{2 * k + 2} Content:T{2 * k + 2} Source:T{2 * k + 1}",
        ]
    gold = parse_ann("\n".join(lines), text)
    assert gold[1].source_words == frozenset({"the", "republican", "nominee"})
    assert gold[4].source_words == frozenset({"sen", "jane", "roe"})


def test_the_other_piece_of_an_interrupted_quote_neither_earns_nor_costs() -> None:
    result = scored(
        claim(1, "quote", "We will pass it", "Maria Lopez"),
        claim(2, "quote", "Soon.", "Maria Lopez"),
    )
    direct = result.tallies["direct"]
    assert (direct.predicted, direct.content, direct.attributed) == (1, 1, 1)


def test_speaker_right_by_the_last_word_or_by_an_entity_mention() -> None:
    by_name = scored(claim(1, "reported", "talks went well", "Maria Lopez"))
    assert by_name.tallies["indirect"].attributed == 1
    lopez = Entity(
        id="e1",
        name="Maria Lopez",
        type="PERSON",
        mentions=[
            Mention(
                field="body", start=TEXT.index("Lopez"), end=TEXT.index("Lopez") + 5, text="Lopez"
            )
        ],
        salience=1.0,
    )
    by_entity = Claim.model_validate(
        claim(1, "quote", "We will pass it", None).model_dump()
        | {"speaker": {"name": "the senator", "entity_id": "e1"}}
    )
    assert scored(by_entity, entities=[lopez]).tallies["direct"].attributed == 1


def test_a_wrong_speaker_matches_content_but_not_attribution() -> None:
    result = scored(claim(1, "reported", "talks went well", "Tom Baker"))
    indirect = result.tallies["indirect"]
    assert (indirect.content, indirect.attributed) == (1, 0)
    assert result.tallies["all"].figures()["content_f1"] > 0


def test_read_polnear_takes_the_first_annotator_file(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story_one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_one_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "story_one_aaaa.ann").write_text(ann(), encoding="utf-8")
    articles = read_polnear(tmp_path)
    assert [a.name for a in articles] == ["story_one"]
    assert len(articles[0].gold) == 2


def test_fold_figures_count_each_article_in_its_own_fold() -> None:
    gold = parse_ann(ann(), TEXT)
    articles = [GoldArticle("one", TEXT, gold), GoldArticle("two", TEXT, gold)]
    right = claim(1, "reported", "talks went well", "Maria Lopez")
    wrong = claim(1, "reported", "talks went well", "Tom Baker")
    answers = iter([[right], [wrong]])

    def extract(texts: list[ArticleText]) -> list[Extraction]:
        return [Extraction(entities=[], claims=next(answers)) for _ in texts]

    result = evaluate(articles, "test", extract)
    assert len(result.per_article) == 2
    first, second = fold_figures([0, 1], result, 2)
    assert first["indirect"]["attribution_f1"] > 0
    assert second["indirect"]["attribution_f1"] == 0
    assert result.tallies["all"].gold == first["all"]["gold"] + second["all"]["gold"]
