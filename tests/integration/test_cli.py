"""`factwire publish` and `factwire subscribe` on a real broker, with a worker in between."""

from __future__ import annotations

import uuid
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from factwire.cli import SAMPLES_DIR, cli
from factwire.client.files import ArticleItem, read_articles
from factwire.models import EnrichedArticle, content_sha256
from factwire.processes import start_worker_process
from factwire.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def cli_settings(bootstrap: str) -> Settings:
    run = uuid.uuid4().hex[:8]
    return Settings(
        bootstrap_servers=bootstrap,
        raw_topic=f"cli-{run}.raw",
        enriched_topic=f"cli-{run}.enriched",
        dlq_topic=f"cli-{run}.dlq",
        group_id=f"cli-{run}",
        extractor="rules",
        concurrency=1,
        topic_partitions=2,
    )


def test_publish_then_subscribe_round_trip(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = cli_settings(kafka_bootstrap)
    env = settings.environment()
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        orjson.dumps(
            {"id": "extra-1", "body": "Ana Lima said the ferry to Porto resumes on May 3."}
        ).decode()
        + "\n",
        encoding="utf-8",
    )
    samples = {
        i.article.id: i.article for i in read_articles([SAMPLES_DIR]) if isinstance(i, ArticleItem)
    }
    runner = CliRunner()

    published = runner.invoke(cli, ["publish", str(SAMPLES_DIR), str(extra)], env=env)
    assert published.exit_code == 0, published.output
    assert f"published {len(samples) + 1} of {len(samples) + 1} articles" in published.stderr

    with start_worker_process(settings) as worker:
        worker.wait_until_ready()
        subscribed = runner.invoke(
            cli,
            ["subscribe", "--from-beginning", "--limit", str(len(samples) + 1), "--timeout", "90"],
            env=env,
        )
        pretty = runner.invoke(
            cli,
            ["subscribe", "--from-beginning", "--limit", "1", "--pretty", "--timeout", "30"],
            env=env,
        )

    assert subscribed.exit_code == 0, subscribed.output
    events = [EnrichedArticle.from_json(line) for line in subscribed.stdout.splitlines()]
    assert sorted(e.article_id for e in events) == sorted([*samples, "extra-1"])
    for event in events:
        if event.article_id in samples:
            assert event.content_sha256 == content_sha256(samples[event.article_id].body)
    assert pretty.exit_code == 0, pretty.output
    assert "Entities" in pretty.stdout and "Claims" in pretty.stdout

    # A consumer group resumes after the last event it printed, even when it stopped at --limit.
    group = ["subscribe", "--group", f"readers-{uuid.uuid4().hex[:6]}", "--from-beginning"]
    first = runner.invoke(cli, [*group, "--limit", "3"], env=env)
    rest = runner.invoke(cli, [*group, "--timeout", "5"], env=env)
    assert first.exit_code == 0 and rest.exit_code == 0, first.output + rest.output
    first_ids = [EnrichedArticle.from_json(line).article_id for line in first.stdout.splitlines()]
    rest_ids = [EnrichedArticle.from_json(line).article_id for line in rest.stdout.splitlines()]
    assert len(first_ids) == 3
    assert sorted(first_ids + rest_ids) == sorted(e.article_id for e in events)


def test_subscribe_stops_after_the_timeout_without_events(kafka_bootstrap: str) -> None:
    settings = cli_settings(kafka_bootstrap)
    result = CliRunner().invoke(cli, ["subscribe", "--timeout", "2"], env=settings.environment())
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_an_unreachable_broker_is_a_clean_error() -> None:
    env = {"FACTWIRE_BOOTSTRAP_SERVERS": "127.0.0.1:1"}
    result = CliRunner().invoke(cli, ["publish", str(SAMPLES_DIR)], env=env)
    assert result.exit_code == 1
    assert "cannot reach Kafka" in result.stderr
    assert "Traceback" not in result.output


def test_topics_creates_the_three_topics_and_reads_the_broker_limit(kafka_bootstrap: str) -> None:
    settings = cli_settings(kafka_bootstrap)
    env = settings.environment()
    runner = CliRunner()
    created = runner.invoke(
        cli,
        ["topics", "--topic-partitions", "3", "--topic-retention-ms", "3600000", "--json"],
        env=env,
    )
    assert created.exit_code == 0, created.output
    report = orjson.loads(created.stdout)
    names = [settings.raw_topic, settings.enriched_topic, settings.dlq_topic]
    assert sorted(report["created"]) == sorted(names)
    assert [t["topic"] for t in report["topics"]] == names
    assert {(t["partitions"], t["replication"], t["retention.ms"]) for t in report["topics"]} == {
        (3, 1, "3600000")
    }
    assert report["broker"]["message.max.bytes"] > 0

    # Described again (nothing created), with the connection option after the subcommand.
    again = runner.invoke(
        cli,
        ["topics", "--no-create", "--bootstrap-servers", kafka_bootstrap],
        env={k: v for k, v in env.items() if k != "FACTWIRE_BOOTSTRAP_SERVERS"},
    )
    assert again.exit_code == 0, again.output
    assert settings.dlq_topic in again.stdout and "(created)" not in again.stdout
    assert "message.max.bytes" in again.stdout


def test_topics_without_create_reports_missing_topics(kafka_bootstrap: str) -> None:
    settings = cli_settings(kafka_bootstrap)
    result = CliRunner().invoke(cli, ["topics", "--no-create"], env=settings.environment())
    assert result.exit_code == 1
    assert f"{settings.raw_topic}" in result.stdout and "missing" in result.stdout
