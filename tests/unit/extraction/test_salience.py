"""Salience: title, lead, frequency and speaking make an entity central."""

from __future__ import annotations

from factwire.extraction import salience
from factwire.extraction.document import ArticleText
from factwire.models import Claim, Entity, Mention, Speaker


def entity(entity_id: str, name: str, *mentions: tuple[str, int], kind: str = "PERSON") -> Entity:
    return Entity(
        id=entity_id,
        name=name,
        type=kind,  # type: ignore[arg-type]
        mentions=[
            Mention(field=field, start=start, end=start + len(name), text=name)  # type: ignore[arg-type]
            for field, start in mentions
        ],
        salience=0.0,
    )


BODY = "Ana Lopez met Bo Chen. " + "Filler text. " * 60 + "Bo Chen left. Ana Lopez stayed."


def scores(entities: list[Entity], claims: list[Claim] = [], title: str = "") -> dict[str, float]:  # noqa: B006
    text = ArticleText(body=BODY, title=title)
    return {e.name: e.salience for e in salience.score(text, entities, claims)}


def test_being_in_the_title_makes_an_entity_more_salient() -> None:
    ana = entity("e1", "Ana Lopez", ("title", 0), ("body", 0))
    bo = entity("e2", "Bo Chen", ("body", 14))
    found = scores([ana, bo], title="Ana Lopez wins")
    assert found["Ana Lopez"] > found["Bo Chen"]


def test_an_entity_only_mentioned_late_scores_below_one_in_the_lead() -> None:
    late_start = BODY.index("Bo Chen left")
    ana = entity("e1", "Ana Lopez", ("body", 0))
    bo = entity("e2", "Bo Chen", ("body", late_start))
    found = scores([ana, bo])
    assert found["Ana Lopez"] > found["Bo Chen"]


def test_speaking_in_claims_raises_salience() -> None:
    ana = entity("e1", "Ana Lopez", ("body", 0))
    bo = entity("e2", "Bo Chen", ("body", 14))
    claim = Claim(
        id="c1", kind="quote", text="x", start=0, end=1, content="x",
        speaker=Speaker(name="Bo Chen", entity_id="e2"), checkworthiness=0.5,
    )  # fmt: skip
    found = scores([ana, bo], [claim])
    assert found["Bo Chen"] > found["Ana Lopez"]


def test_values_count_less_than_names_and_scores_stay_within_bounds() -> None:
    ana = entity("e1", "Ana Lopez", ("title", 0), ("body", 0))
    date = entity("e2", "Ana Lopez", ("title", 0), ("body", 0), kind="DATE")
    found = salience.score(ArticleText(body=BODY, title="Ana Lopez"), [ana, date], [])
    assert 0.0 <= found[1].salience < found[0].salience <= 1.0
