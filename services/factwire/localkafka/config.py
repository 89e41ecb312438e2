"""The configuration of a single-node KRaft broker on loopback, as server.properties text."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Mapping
from pathlib import Path

LOOPBACK = "127.0.0.1"

#: What a cluster of one broker needs: replication factors and ISR minimums of 1 (consumer groups
#: and transactions work), and no wait before the first rebalance of a group.
ONE_BROKER_PROPERTIES: Mapping[str, str] = {
    "num.partitions": "1",
    "offsets.topic.replication.factor": "1",
    "transaction.state.log.replication.factor": "1",
    "transaction.state.log.min.isr": "1",
    "share.coordinator.state.topic.replication.factor": "1",
    "share.coordinator.state.topic.min.isr": "1",
    "group.initial.rebalance.delay.ms": "0",
}


def single_node_properties(
    data_dir: Path, port: int, controller_port: int, overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Broker and controller in one process, one PLAINTEXT listener for clients.

    Replication factors and ISR minimums are 1 so that consumer groups and transactions work on
    one broker; ``overrides`` replace or add properties (e.g. SASL listeners).
    """
    properties = {
        "node.id": "1",
        "process.roles": "broker,controller",
        "listeners": f"PLAINTEXT://{LOOPBACK}:{port},CONTROLLER://{LOOPBACK}:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://{LOOPBACK}:{port}",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "controller.quorum.voters": f"1@{LOOPBACK}:{controller_port}",
        "log.dirs": str(data_dir / "kraft-logs"),
        **ONE_BROKER_PROPERTIES,
    }
    properties.update(overrides or {})
    return properties


def render_properties(properties: Mapping[str, str]) -> str:
    """Java properties text; backslashes, line breaks and leading spaces are escaped."""
    lines = []
    for key, value in properties.items():
        escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        if escaped.startswith(" "):
            escaped = "\\" + escaped
        lines.append(f"{key}={escaped}")
    return "\n".join(lines) + "\n"


def new_cluster_id() -> str:
    """A KRaft cluster id: a random UUID as 22 characters of unpadded URL-safe base64.

    Never one that starts with "-", which command lines would take for an option.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode("ascii")
        if not cluster_id.startswith("-"):
            return cluster_id
