"""`factwire view` refuses what it can't use before it connects to Kafka."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from factwire.cli import cli


def test_a_taken_port_is_named_with_the_option_to_change_it() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["view", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot serve the page on 127.0.0.1:{port}" in result.output
    assert "--port" in result.output


def test_a_bad_window_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["view", "--windows", "1h,fortnight"])
    assert result.exit_code == 2
    assert "window 'fortnight'" in result.output
