"""`factwire enrich` offline (issue 3's interface) and the user-facing errors of the CLI."""

from __future__ import annotations

from pathlib import Path

import click
import orjson
import pytest
from click.testing import CliRunner

from factwire import __version__
from factwire.cli import cli
from factwire.commands.common import Context, shared_options
from factwire.models import EnrichedArticle, content_sha256
from factwire.settings import EXTRACTORS, LOG_LEVELS, SASL_MECHANISMS, SECURITY_PROTOCOLS

BODY = (
    'Ana Lima, the mayor of Porto, said the port would reopen on Monday. "We are ready," she said.'
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def enriched_lines(output: str) -> list[EnrichedArticle]:
    return [EnrichedArticle.from_json(line) for line in output.splitlines() if line.strip()]


def test_enrich_a_text_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "porto-port.txt"
    path.write_text(f"Porto port to reopen\n\n{BODY}\n", encoding="utf-8")
    result = runner.invoke(cli, ["enrich", "--extractor", "rules", str(path)])
    assert result.exit_code == 0, result.output
    [article] = enriched_lines(result.stdout)
    assert article.article_id == "porto-port"
    assert article.title == "Porto port to reopen"
    assert article.content_sha256 == content_sha256(BODY)
    assert article.extractor.name == "rules"


def test_enrich_a_raw_article_json_from_stdin(runner: CliRunner) -> None:
    raw = orjson.dumps({"id": "json-1", "body": BODY, "source": "Wire"})
    result = runner.invoke(cli, ["enrich", "--extractor", "rules", "-"], input=raw)
    assert result.exit_code == 0, result.output
    [article] = enriched_lines(result.stdout)
    assert (article.article_id, article.source) == ("json-1", "Wire")


def test_enrich_jsonl_keeps_order_and_reports_bad_lines_with_their_number(
    runner: CliRunner,
) -> None:
    lines = [
        orjson.dumps({"id": "first", "body": BODY}).decode(),
        "{this is not json",
        orjson.dumps(
            {"id": "third", "body": "The council approved a budget of $4 million."}
        ).decode(),
        orjson.dumps({"id": "fourth"}).decode(),
    ]
    result = runner.invoke(
        cli, ["enrich", "--jsonl", "--extractor", "rules", "-"], input="\n".join(lines) + "\n"
    )
    assert result.exit_code == 1
    assert [a.article_id for a in enriched_lines(result.stdout)] == ["first", "third"]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("<stdin>:2: ")
    assert errors[1].startswith("<stdin>:4: ") and "body" in errors[1]


def test_enrich_an_invalid_json_article_is_a_clean_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"id": "a", "body": "   "}', encoding="utf-8")
    result = runner.invoke(cli, ["enrich", "--extractor", "rules", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "body" in result.stderr


def test_enrich_a_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["enrich", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "missing.txt" in result.stderr


def test_a_bad_setting_in_the_environment_is_reported_without_traceback(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["enrich", "-"], input="x", env={"FACTWIRE_EXTRACTOR": "magic"})
    assert result.exit_code == 2
    assert "FACTWIRE_EXTRACTOR" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_publish_reports_each_rejected_file_and_line_and_fails(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "bad.jsonl").write_text('{"id": "ok?"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(
        cli, ["publish", str(tmp_path / "bad.jsonl"), str(tmp_path / "gone.txt")]
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'bad.jsonl'}:1: ")
    assert lines[1].startswith(f"{tmp_path / 'bad.jsonl'}:2: ")
    assert lines[2].startswith(f"{tmp_path / 'gone.txt'}: no such file")
    assert "published 0 of 3 articles" in result.stderr


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factwire, version {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["--extractor", "rules", "enrich", "-"],
        ["enrich", "--extractor", "rules", "-"],
        ["--extractor", "spacy", "enrich", "--extractor", "rules", "-"],
    ],
    ids=["before", "after", "after-wins"],
)
def test_settings_options_are_accepted_before_or_after_the_subcommand(
    runner: CliRunner, args: list[str]
) -> None:
    result = runner.invoke(cli, args, input=orjson.dumps({"id": "o-1", "body": BODY}))
    assert result.exit_code == 0, result.output
    [article] = enriched_lines(result.stdout)
    assert article.extractor.name == "rules"


def test_an_option_wins_over_its_variable(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["enrich", "--extractor", "rules", "-"],
        input=orjson.dumps({"id": "o-2", "body": BODY}),
        env={"FACTWIRE_EXTRACTOR": "spacy"},
    )
    assert result.exit_code == 0, result.output
    assert enriched_lines(result.stdout)[0].extractor.name == "rules"


@pytest.mark.parametrize("command", [[], ["publish"], ["worker"], ["topics"]])
def test_help_shows_each_option_with_its_variable_and_default(
    runner: CliRunner, command: list[str]
) -> None:
    result = runner.invoke(cli, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--bootstrap-servers" in text
    assert "env var: FACTWIRE_BOOTSTRAP_SERVERS" in text
    assert "default: (localhost:9092)" in text
    assert "env var: FACTWIRE_SASL_PASSWORD]" in text  # the password's default is not shown


def test_the_choices_are_the_allowed_values_of_the_settings(runner: CliRunner) -> None:
    text = " ".join(runner.invoke(cli, ["--help"], terminal_width=200).stdout.split())
    assert f"--extractor [{'|'.join(EXTRACTORS)}]" in text
    for value in (*SASL_MECHANISMS, *SECURITY_PROTOCOLS, *LOG_LEVELS):
        assert value.lower() in text.lower()


def test_a_command_registered_from_another_module_gets_the_settings_options(
    runner: CliRunner,
) -> None:
    @click.command("probe-settings")
    @shared_options
    @click.pass_obj
    def probe(obj: Context) -> None:
        click.echo(obj.settings().raw_topic)

    group = click.Group(commands={"probe-settings": probe})
    result = runner.invoke(group, ["probe-settings", "--raw-topic", "elsewhere"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "elsewhere"
