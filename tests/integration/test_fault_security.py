"""Security: SASL_PLAINTEXT with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 against a broker that
requires it, set through FACTWIRE_* variables and CLI options; wrong credentials end in a clear
error and a non-zero exit within a bounded time; passwords and article bodies never reach logs,
error messages or dead-letter headers. SSL and SASL_SSL: the settings wiring (no TLS broker)."""

from __future__ import annotations

import asyncio
import os
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import faust
import orjson
import pytest

from factwire.client import ensure_topics
from factwire.commands.common import Context
from factwire.enricher.app import faust_credentials
from factwire.processes import free_port
from factwire.settings import Settings
from factwire.testing import KafkaContainer, default_image

from .faults_support import Outputs, fault_settings, headers_of, send_raw, worker

pytestmark = [pytest.mark.integration, pytest.mark.timeout(420)]

PASSWORD = "pw-Zq81MARKER"
WRONG = "pw-Wr0ngMARKER"
BODY_MARKER = "BODYMARKER7731"
CLI_BOUND_SECONDS = 60


@pytest.fixture(scope="module")
def sasl_broker(
    kafka_starter: Callable[[KafkaContainer], KafkaContainer],
) -> Iterator[KafkaContainer]:
    container = kafka_starter(KafkaContainer(default_image()).with_sasl({"alice": PASSWORD}))
    try:
        yield container
    finally:
        container.stop()


def sasl_settings(broker: KafkaContainer, mechanism: str, password: str = PASSWORD) -> Settings:
    return fault_settings(
        broker.get_bootstrap_server(),
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism=mechanism,
        sasl_username="alice",
        sasl_password=password,
    )


def run_cli(args: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    """``factwire ARGS`` in a child process (so that a hang fails the bound, not the suite)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "factwire.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=CLI_BOUND_SECONDS + 30,
        check=False,
    )
    return done, time.monotonic() - started


def without_security(env: dict[str, str]) -> dict[str, str]:
    secret = ("FACTWIRE_SECURITY_PROTOCOL", "FACTWIRE_SASL_")
    return {k: v for k, v in env.items() if not k.startswith(secret)}


async def test_every_sasl_mechanism_works_end_to_end_and_nothing_secret_is_logged(
    sasl_broker: KafkaContainer, tmp_path: Path
) -> None:
    # The worker authenticates with SCRAM-SHA-512 (variables), `publish` with PLAIN (CLI
    # options), `subscribe` with SCRAM-SHA-256 (variables).
    settings = sasl_settings(sasl_broker, "SCRAM-SHA-512").with_overrides(log_level="debug")
    await ensure_topics(settings)
    article = {"id": "secure-1", "body": f"Ana Lima said in Lisbon that {BODY_MARKER} is true."}
    (tmp_path / "a.jsonl").write_text(orjson.dumps(article).decode() + "\n")
    topics = without_security(settings.environment())
    async with Outputs(settings) as out:
        with worker(settings) as process:
            await asyncio.to_thread(process.wait_until_ready)
            published, _ = await asyncio.to_thread(
                run_cli,
                [
                    "--security-protocol", "sasl_plaintext", "--sasl-mechanism", "PLAIN",
                    "--sasl-username", "alice", "--sasl-password", PASSWORD,
                    "publish", str(tmp_path / "a.jsonl"),
                ],
                topics,
            )  # fmt: skip
            assert published.returncode == 0, published.stderr
            # A record that is dead-lettered: its headers must not carry secrets either.
            await send_raw(
                settings, [(b"secure-2", f'{{"id": "secure-2", "body": {BODY_MARKER}'.encode())]
            )
            subscribed, _ = await asyncio.to_thread(
                run_cli,
                ["subscribe", "--from-beginning", "--limit", "1", "--timeout", "60"],
                {**topics, **settings.with_overrides(sasl_mechanism="SCRAM-SHA-256").environment()},
            )
            await out.wait_until(lambda o: len(o.dead) >= 1, 60, "the dead letter")
        log = process.log_path.read_text(errors="replace")

    assert subscribed.returncode == 0, subscribed.stderr
    assert orjson.loads(subscribed.stdout)["article_id"] == "secure-1"
    assert "enriched" in log and "dead-lettered" in log  # the log is there, and says things
    assert PASSWORD not in log
    assert BODY_MARKER not in log
    for record in out.dead:
        headers = headers_of(record)
        assert not any(PASSWORD in v or BODY_MARKER in v for v in headers.values()), headers
    for output in (published.stderr, subscribed.stderr):
        assert PASSWORD not in output and BODY_MARKER not in output


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_a_wrong_password_fails_clearly_and_quickly(
    sasl_broker: KafkaContainer, tmp_path: Path, mechanism: str
) -> None:
    settings = sasl_settings(sasl_broker, mechanism, password=WRONG)
    env = settings.environment()
    (tmp_path / "a.jsonl").write_text('{"id": "w-1", "body": "Ana Lima said so."}\n')
    for args in (
        ["publish", str(tmp_path / "a.jsonl")],
        ["subscribe", "--timeout", "5"],
        ["worker", "--web-port", str(free_port())],
    ):
        done, seconds = run_cli(args, env)
        output = done.stdout + done.stderr
        assert done.returncode != 0, (args, output)
        assert seconds < CLI_BOUND_SECONDS, (args, seconds)
        assert "Authentication" in output or "authentication" in output, (args, output[-2000:])
        assert "Traceback" not in output, (args, output[-2000:])
        assert WRONG not in output


# -- SSL and SASL_SSL: the settings reach both aiokafka and Faust (no TLS broker here) -------


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A self-signed CA certificate and a client certificate + key, made with openssl."""
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "client.key", folder / "client.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=factwire-test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return {"cafile": str(cert), "certfile": str(cert), "keyfile": str(key)}


@pytest.mark.parametrize("protocol", ["SSL", "SASL_SSL"])
def test_tls_settings_reach_aiokafka_and_faust(protocol: str, tls_files: dict[str, str]) -> None:
    env = {
        "FACTWIRE_SECURITY_PROTOCOL": protocol.lower(),
        "FACTWIRE_SASL_MECHANISM": "scram-sha-512",
        "FACTWIRE_SASL_USERNAME": "alice",
        "FACTWIRE_SASL_PASSWORD": PASSWORD,
        "FACTWIRE_SSL_CAFILE": tls_files["cafile"],
        "FACTWIRE_SSL_CERTFILE": tls_files["certfile"],
        "FACTWIRE_SSL_KEYFILE": tls_files["keyfile"],
    }
    settings = Settings.from_env(env)
    options = settings.kafka_client_options()
    assert options["security_protocol"] == protocol
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert options["ssl_context"].verify_mode == ssl.CERT_REQUIRED
    credentials = faust_credentials(settings)
    if protocol == "SSL":
        assert isinstance(credentials, faust.SSLCredentials)
        assert "sasl_mechanism" not in options
    else:
        assert isinstance(credentials, faust.SASLCredentials)
        assert credentials.mechanism.value == "SCRAM-SHA-512"
        assert credentials.ssl_context is not None
        assert options["sasl_plain_password"] == PASSWORD
    assert PASSWORD not in repr(settings)


def test_cli_options_win_over_the_variables(tls_files: dict[str, str]) -> None:
    overrides = {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-256",
        "sasl_username": "bob",
        "sasl_password": "from-the-option",
        "ssl_cafile": tls_files["cafile"],
    }
    env = {"FACTWIRE_SECURITY_PROTOCOL": "PLAINTEXT", "FACTWIRE_SASL_USERNAME": "alice"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        settings = Context(overrides=overrides).settings()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert (settings.security_protocol, settings.sasl_mechanism) == ("SASL_SSL", "SCRAM-SHA-256")
    assert (settings.sasl_username, settings.sasl_password) == ("bob", "from-the-option")
