"""What holds for every claim of every article: its offsets are exact, and a speaker written as
an entity of the article carries that entity's id.

The fixture articles are invented for the test; the samples are the package's own.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pytest

from factwire.extraction import ArticleText, Extraction, get_extractor
from factwire.models import RawArticle

BACKENDS = ["rules", "spacy"]

FIXTURES = [
    # a name, then the surname alone, as speakers
    "Maria Okafor, the mayor of Lakeside, said on Monday that the bridge would reopen in May.\n\n"
    '"We are on schedule," Okafor said. "The steel arrived last week."\n\n'
    "Okafor told reporters the repairs cost $4.2 million.",
    # shares of a poll as speakers
    "Twelve percent said they would not vote at all. Another 40 percent told pollsters that "
    "prices mattered most, according to the Northfield Institute.",
    # a quote over two paragraphs, Windows line ends, a tab and characters outside the BMP
    'Harbour \U0001f6a2 update\r\n\r\nPort director Lena Brandt said:\t"The cranes are '
    'back.\r\n\r\n"Ships will dock again by June 3," Brandt added. 😀 Exports rose 8 percent.',
    # a headline that quotes, an organisation that speaks, a pronoun
    "Okafor: Bridge will reopen in spring\n\nThe Lakeside City Council voted 7 to 2 on Tuesday "
    'to fund the repairs. "It was the right call," she said, adding that tolls would not rise.',
]


def samples() -> list[ArticleText]:
    folder = resources.files("factwire.samples")
    raws = [
        RawArticle.model_validate_json(path.read_bytes())
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".json")
    ]
    return [ArticleText(body=raw.body, title=raw.title) for raw in raws]


ARTICLES = [ArticleText(body=body) for body in FIXTURES] + samples()


def violations(text: ArticleText, extraction: Extraction) -> list[str]:
    """Every claim whose offsets, content, entity ids or speaker break the contract."""
    found: list[str] = []
    body = text.body
    ids = {e.id for e in extraction.entities}
    by_name: dict[str, set[str]] = {}
    for entity in extraction.entities:
        for name in (entity.name, *entity.aliases):
            by_name.setdefault(name, set()).add(entity.id)
    for claim in extraction.claims:
        where = f"{claim.id} {claim.text[:40]!r}"
        if not (0 <= claim.start < claim.end <= len(body)) or body[claim.start : claim.end] != (
            claim.text
        ):
            found.append(f"{where}: text is not body[start:end]")
        if not claim.content or claim.content not in claim.text:
            found.append(f"{where}: content not inside the text")
        if not set(claim.entity_ids) <= ids:
            found.append(f"{where}: entity_ids {claim.entity_ids} not all entities")
        speaker = claim.speaker
        if speaker is None:
            continue
        if speaker.entity_id is not None and speaker.entity_id not in ids:
            found.append(f"{where}: speaker entity {speaker.entity_id} does not exist")
        named = by_name.get(speaker.name)
        if named and speaker.entity_id not in named:
            found.append(f"{where}: speaker {speaker.name!r} is entity {named}, not linked")
    return found


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", ARTICLES, ids=lambda t: t.body[:24])
def test_every_claim_has_exact_offsets_and_its_speakers_entity(
    backend: str, text: ArticleText
) -> None:
    extraction = get_extractor(backend).extract(text)
    assert extraction.claims, "each article here has claims"
    assert violations(text, extraction) == []


def test_a_share_of_a_poll_that_speaks_is_linked_to_its_entity() -> None:
    text = ArticleText(body=FIXTURES[1])
    extraction = get_extractor("rules").extract(text)
    speakers = {c.speaker.name: c.speaker.entity_id for c in extraction.claims if c.speaker}
    shares = {e.name: e.id for e in extraction.entities if e.type == "PERCENT"}
    assert speakers.get("Twelve percent") == shares.get("Twelve percent") is not None


def test_the_check_finds_a_broken_claim() -> None:
    text = ArticleText(body=FIXTURES[0])
    extraction = get_extractor("rules").extract(text)
    claim = extraction.claims[0]
    broken = replace(extraction, claims=[claim.model_copy(update={"start": claim.start + 1})])
    assert violations(text, broken) == [
        f"{claim.id} {claim.text[:40]!r}: text is not body[start:end]"
    ]
