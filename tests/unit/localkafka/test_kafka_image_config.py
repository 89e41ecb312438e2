"""The local image's entry point turns KAFKA_* variables into server properties like apache/kafka.

factwire.testing writes the variables; deploy/kafka/image/run reads them. Run here with bash,
no container needed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from factwire.testing import property_variable

REPO = Path(__file__).resolve().parents[3]
ENTRY_POINT = REPO / "deploy" / "kafka" / "image" / "run"


def rendered(env: dict[str, str]) -> dict[str, str]:
    result = subprocess.run(
        ["bash", str(ENTRY_POINT), "--print-config"],
        env={"PATH": os.environ["PATH"], "KAFKA_CONFIG_DIR": str(ENTRY_POINT.parent), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)


@pytest.mark.parametrize(
    ("variable", "name"),
    [
        ("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "listener.security.protocol.map"),
        ("KAFKA_NODE_ID", "node.id"),
        (
            "KAFKA_LISTENER_NAME_CLIENT_SCRAM___SHA___256_SASL_JAAS_CONFIG",
            "listener.name.client.scram-sha-256.sasl.jaas.config",
        ),
        ("KAFKA_CONFLUENT__LIKE_NAME", "confluent_like.name"),
    ],
)
def test_variables_become_properties(variable: str, name: str) -> None:
    assert property_variable(name) == variable
    assert rendered({variable: "v"})[name] == "v"


def test_properties_survive_the_round_trip_through_the_environment() -> None:
    properties = {
        "node.id": "1",
        "listeners": "CLIENT://0.0.0.0:9092,BROKER://0.0.0.0:9094",
        "listener.name.client.plain.sasl.jaas.config": (
            'org.apache.kafka.common.security.plain.PlainLoginModule required user_a="b c";'
        ),
        "log.dirs": "/data",
    }

    assert rendered({property_variable(k): v for k, v in properties.items()}) == properties


def test_launcher_variables_are_not_properties() -> None:
    config = rendered({"KAFKA_NODE_ID": "3", "KAFKA_HEAP_OPTS": "-Xmx1g", "KAFKA_OPTS": "-Dx"})

    assert config == {"node.id": "3", "log.dirs": "/tmp/kraft-combined-logs"}


def test_without_variables_the_default_single_node_config_is_used() -> None:
    config = rendered({})

    assert config["process.roles"] == "broker,controller"
    assert config["advertised.listeners"] == "PLAINTEXT://localhost:9092"
