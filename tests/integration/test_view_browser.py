"""The view in a real browser (Debian's headless Chromium through Selenium): the sample articles,
published raw and enriched by a real worker, appear live with their entities highlighted by type,
their claims with kind and speaker, a claim's span lit on click (or Enter), the trending panel
and the filters; then the time from publishing a new article to seeing it is measured."""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from factwire.client import ensure_topics
from factwire.models import Claim, EnrichedArticle, RawArticle
from factwire.processes import start_worker_process

from .view_support import (
    enriched_offline,
    headless_chromium,
    publish_raw,
    sample_articles,
    utc_now,
    view,
    view_settings,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(480)]

SCREENSHOT_ENV = "FACTWIRE_VIEW_SCREENSHOT"  # where to save the screenshot too (e.g. docs/)
LATENCY_ROUNDS = 5
LATENCY_LIMIT_S = 10.0


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not installed: `make browser` installs Debian's "
            "chromium and chromium-driver",
            pytrace=False,
        )
    with headless_chromium(str(tmp_path / "chromium-profile")) as driver:
        yield driver


def until(driver: Any, condition: Callable[[Any], Any], within: float, what: str) -> Any:
    return WebDriverWait(driver, within, poll_frequency=0.05).until(condition, what)


# What the page shows, read in the page itself: one JSON object per article card.
READ_CARDS = """
return [...document.querySelectorAll('.article')].map((card) => {
  const mentions = {};
  for (const mark of card.querySelectorAll('.body mark.ent')) {
    const key = mark.dataset.start;
    mentions[key] = mentions[key] || {type: mark.dataset.type, text: ''};
    mentions[key].text += mark.textContent;
  }
  return {
    id: card.dataset.articleId,
    visible: !card.classList.contains('hidden'),
    mentions: Object.values(mentions),
    claims: [...card.querySelectorAll('.claim')].map((b) => ({
      id: b.dataset.claim,
      kind: b.querySelector('.kind').textContent,
      speaker: (b.querySelector('.speaker') || {}).textContent || null,
      visible: !b.parentElement.classList.contains('hidden'),
    })),
  };
});
"""


def speaker_shown(claim: Claim, article: EnrichedArticle) -> str | None:
    """The name the page gives a claim's speaker: the entity's canonical name when linked."""
    if claim.speaker is None:
        return None
    entities = {e.id: e for e in article.entities}
    linked = entities.get(claim.speaker.entity_id or "")
    return linked.name if linked else claim.speaker.name


# The trending panel's names, read at once (the panel is redrawn when the counts change).
READ_TRENDING = """
const names = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
return [names('#trending-entities li .chip'), names('#trending-speakers li button')];
"""


def body_mentions(article: EnrichedArticle) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in article.entities for m in e.mentions if m.field == "body"}


def new_article(n: int) -> RawArticle:
    """An invented article for the latency rounds."""
    body = (
        f"Councillor Maren Okafor said on Tuesday that the ferry to Holm Island would run "
        f'{n + 2} more crossings a day from June. "Demand rose {10 + n}% last summer," '
        f"Okafor told the Harbour Council."
    )
    return RawArticle(id=f"latency-{n}-{uuid.uuid4().hex[:6]}", title="Ferry timetable", body=body)


async def test_the_page_shows_published_articles_live(
    kafka_bootstrap: str, browser: Any, tmp_path: Path
) -> None:
    settings = view_settings(kafka_bootstrap)
    await ensure_topics(settings)
    samples = sample_articles()
    expected = {a.article_id: a for a in enriched_offline(samples, utc_now())}

    with (
        start_worker_process(settings) as worker,
        view(settings, f"view-{uuid.uuid4().hex[:8]}") as page,
    ):
        await asyncio.to_thread(worker.wait_until_ready)
        browser.get(page.url)
        until(browser, lambda d: d.find_element(By.ID, "status").text == "live", 30, "live")

        await publish_raw(settings, samples)
        until(
            browser,
            lambda d: len(d.execute_script(READ_CARDS)) == len(samples),
            120,
            "every sample on the page",
        )
        cards = {card["id"]: card for card in browser.execute_script(READ_CARDS)}
        assert set(cards) == set(expected)
        check_highlights_and_claims(cards, expected)
        check_claim_click(browser, expected)
        check_trending(browser, expected)
        check_filters(browser, expected)
        save_screenshot(browser, tmp_path)
        latencies = await measure_latency(browser, settings)

    print(
        f"\npublish -> visible over {len(latencies)} articles: median "
        f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s"
    )
    assert max(latencies) < LATENCY_LIMIT_S


def check_highlights_and_claims(
    cards: dict[str, Any], expected: dict[str, EnrichedArticle]
) -> None:
    for article_id, article in expected.items():
        card = cards[article_id]
        shown = {(m["type"], m["text"]) for m in card["mentions"]}
        assert shown, f"{article_id}: no entity highlighted"
        # Every highlight is a mention of the enrichment; overlapping mentions keep the first.
        assert shown <= body_mentions(article)
        assert {t for t, _ in shown} == {t for t, _ in body_mentions(article)}
        assert [(c["kind"], c["speaker"]) for c in card["claims"]] == [
            (c.kind, speaker_shown(c, article)) for c in article.claims
        ]


def check_claim_click(browser: Any, expected: dict[str, EnrichedArticle]) -> None:
    """Enter on a focused claim (as a keyboard user would) lights exactly its span; the first
    attributed claim of the newest article, so that the screenshot shows it lit."""
    order = [c["id"] for c in browser.execute_script(READ_CARDS)]
    article = next(expected[i] for i in order if any(c.speaker for c in expected[i].claims))
    claim = next(c for c in article.claims if c.speaker)
    card = browser.find_element(
        By.CSS_SELECTOR, f'.article[data-article-id="{article.article_id}"]'
    )
    button = card.find_element(By.CSS_SELECTOR, f'.claim[data-claim="{claim.id}"]')
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    assert button.get_attribute("aria-pressed") == "true"
    lit = card.find_elements(By.CSS_SELECTOR, ".in-claim.active")
    assert "".join(e.get_attribute("textContent") for e in lit) == claim.text
    button.click()  # a second press turns it off
    assert card.find_elements(By.CSS_SELECTOR, ".in-claim.active") == []
    button.send_keys(Keys.ENTER)  # and on again, for the screenshot


def check_trending(browser: Any, expected: dict[str, EnrichedArticle]) -> None:
    claims_by: Counter[str] = Counter(
        name
        for a in expected.values()
        for c in a.claims
        if (name := speaker_shown(c, a)) is not None
    )
    most = max(claims_by.values())
    top_speakers = {name for name, n in claims_by.items() if n == most}

    def top_speaker_first(d: Any) -> bool:
        speakers = d.execute_script(READ_TRENDING)[1]
        return bool(speakers) and speakers[0] in top_speakers

    until(browser, top_speaker_first, 30, "a speaker with the most claims first")
    entities, speakers = browser.execute_script(READ_TRENDING)
    assert entities and set(entities) <= {e.name for a in expected.values() for e in a.entities}
    assert set(speakers) <= set(claims_by)


def check_filters(browser: Any, expected: dict[str, EnrichedArticle]) -> None:
    with_person = {i for i, a in expected.items() if any(e.type == "PERSON" for e in a.entities)}
    Select(browser.find_element(By.ID, "type-filter")).select_by_value("PERSON")
    visible = {c["id"] for c in browser.execute_script(READ_CARDS) if c["visible"]}
    assert visible == with_person
    # A trending speaker sets the speaker filter.
    name = browser.execute_script(
        "const b = document.querySelector('#trending-speakers li button');"
        "b.click(); return b.textContent;"
    )
    assert Select(browser.find_element(By.ID, "speaker-filter")).first_selected_option.text == name
    for card in browser.execute_script(READ_CARDS):
        speakers = {c["speaker"] for c in card["claims"] if c["visible"]}
        assert not card["visible"] or speakers == {name}
    browser.find_element(By.ID, "clear-filters").click()
    assert all(c["visible"] for c in browser.execute_script(READ_CARDS))


def save_screenshot(browser: Any, tmp_path: Path) -> None:
    browser.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.5)  # the claim's smooth scroll and the arrival highlight settle
    path = tmp_path / "view.png"
    assert browser.save_screenshot(str(path))
    print(f"\nscreenshot: {path}")
    if os.environ.get(SCREENSHOT_ENV):
        shutil.copyfile(path, os.environ[SCREENSHOT_ENV])


async def measure_latency(browser: Any, settings: Any) -> list[float]:
    """Seconds from publishing a raw article to its card being on the page (the card records
    the browser's clock when it is inserted; both clocks are this machine's)."""
    latencies = []
    for n in range(LATENCY_ROUNDS):
        article = new_article(n)
        selector = f'.article[data-article-id="{article.id}"]'
        published = time.time()
        await publish_raw(settings, [article])
        card = until(
            browser, lambda d, s=selector: d.find_elements(By.CSS_SELECTOR, s), 30, article.id
        )[0]
        latencies.append(int(card.get_attribute("data-shown-at")) / 1000 - published)
        await asyncio.sleep(0.5)
    return latencies
