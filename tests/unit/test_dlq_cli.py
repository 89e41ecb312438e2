"""`factwire dlq` refuses unclear requests before it connects to Kafka, with what to do."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factwire.cli import cli


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["replay"], "choose what to replay: --all, --offset, --stage, --type, --since"),
        (["replay", "--offset", "1:x"], "expected OFFSET or PARTITION:OFFSET"),
        (["show"], "Missing argument 'POSITION'"),
        (["show", "a:b"], "expected OFFSET or PARTITION:OFFSET"),
        (["list", "--since", "last week"], "or a duration such as 30m, 2h, 1d"),
        (["list", "--stage", "parse"], "'parse' is not one of 'decode', 'validate', 'extract'"),
    ],
)
def test_unclear_requests_are_usage_errors(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(cli, ["--bootstrap-servers", "127.0.0.1:1", "dlq", *args])
    assert result.exit_code == 2
    assert expected in result.output


def test_an_unreachable_broker_is_a_one_line_error() -> None:
    result = CliRunner().invoke(cli, ["--bootstrap-servers", "127.0.0.1:1", "dlq", "list"])
    assert result.exit_code == 1
    assert "cannot reach Kafka" in result.output
    assert "Traceback" not in result.output
