"""The container path: docker-compose.yml and deploy/Dockerfile, run under podman-compose.

The broker and the worker come up from the compose file; the sample articles are published from
the host with `factwire publish` and read back enriched with `factwire subscribe`, as the README
shows. `make test-compose` builds the images this needs and sets the variables that point the
compose file at them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from factwire.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "services" / "factwire" / "samples"
BIN = Path(sys.executable).parent
READY_WITHIN_S = 300.0


@dataclass(frozen=True)
class Stack:
    kafka_port: int
    web_port: int

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"


def compose(env: dict[str, str], project: str, *args: str, timeout: float = 900) -> str:
    command = [str(BIN / "podman-compose"), "-p", project, "-f", "docker-compose.yml", *args]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n"
            f"{done.stderr[-3000:]}"
        )
    return done.stdout


def page(port: int, path: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def wait_until_ready(port: int, within: float) -> None:
    deadline = time.monotonic() + within
    last: object = None
    while time.monotonic() < deadline:
        try:
            status, body = page(port, "/ready")
            if status == 200:
                return
            last = body
        except (OSError, ValueError) as error:
            last = error
        time.sleep(2)
    raise TimeoutError(f"the worker was not ready within {within:.0f} s: {last}")


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    ports = Stack(kafka_port=free_port(), web_port=free_port())
    project = f"factwire-test-{os.getpid()}"
    env = {
        **os.environ,
        "FACTWIRE_HOST_KAFKA_PORT": str(ports.kafka_port),
        "FACTWIRE_HOST_WEB_PORT": str(ports.web_port),
        "FACTWIRE_IMAGE": os.environ.get("FACTWIRE_IMAGE", "localhost/factwire:compose-test"),
    }
    compose(env, project, "build", "worker")
    try:
        compose(env, project, "up", "-d", "kafka", "worker")
        wait_until_ready(ports.web_port, READY_WITHIN_S)
        yield ports
    finally:
        # Shown by pytest when a test failed.
        print(compose(env, project, "logs", "--tail", "40", "kafka", "worker", timeout=60))
        compose(env, project, "down", "-v", "-t", "10", timeout=300)


def factwire(stack: Stack, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    # Only the broker's address: the compose file's FACTWIRE_* variables are not settings.
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTWIRE_")}
    env["FACTWIRE_BOOTSTRAP_SERVERS"] = stack.bootstrap
    return subprocess.run(
        [str(BIN / "factwire"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def sample_ids() -> Sequence[str]:
    return sorted(json.loads(path.read_text())["id"] for path in SAMPLES.glob("*.json"))


def test_published_samples_come_back_enriched_through_compose(stack: Stack) -> None:
    expected = sample_ids()
    published = factwire(stack, "publish", str(SAMPLES), timeout=120)
    assert published.returncode == 0, published.stderr

    received = factwire(
        stack,
        "subscribe",
        "--from-beginning",
        "--limit",
        str(len(expected)),
        "--timeout",
        "180",
        timeout=300,
    )
    assert received.returncode == 0, received.stderr
    events = [json.loads(line) for line in received.stdout.splitlines() if line.strip()]
    assert sorted(event["article_id"] for event in events) == expected
    configured = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    extractor = configured["services"]["worker"]["environment"]["FACTWIRE_EXTRACTOR"]
    assert all(event["extractor"]["name"] == extractor for event in events)
    assert all(event["entities"] for event in events)


def test_the_worker_in_its_container_is_alive_and_ready(stack: Stack) -> None:
    status, body = page(stack.web_port, "/health")
    assert status == 200 and body["status"] == "ok"
    status, body = page(stack.web_port, "/ready")
    assert status == 200 and body["consumer_group"] == "joined"
