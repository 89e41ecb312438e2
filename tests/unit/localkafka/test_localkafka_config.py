from __future__ import annotations

import base64
from pathlib import Path

from factwire.localkafka.config import new_cluster_id, render_properties, single_node_properties


def test_single_node_listens_on_loopback_and_advertises_the_same_address() -> None:
    properties = single_node_properties(Path("data"), port=19092, controller_port=19093)

    assert properties["listeners"] == ("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
    assert properties["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert properties["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert properties["process.roles"] == "broker,controller"
    assert properties["log.dirs"] == str(Path("data") / "kraft-logs")


def test_single_node_can_run_consumer_groups_and_transactions() -> None:
    properties = single_node_properties(Path("d"), 1, 2)

    assert properties["offsets.topic.replication.factor"] == "1"
    assert properties["transaction.state.log.replication.factor"] == "1"
    assert properties["transaction.state.log.min.isr"] == "1"


def test_overrides_replace_and_add_properties() -> None:
    properties = single_node_properties(
        Path("d"), 1, 2, {"num.partitions": "6", "sasl.enabled.mechanisms": "PLAIN"}
    )

    assert properties["num.partitions"] == "6"
    assert properties["sasl.enabled.mechanisms"] == "PLAIN"


def test_rendered_properties_escape_what_java_would_misread() -> None:
    text = render_properties({"a.b": "x", "path": "C:\\kafka", "two": "1\n2", "pad": " v"})

    assert text == "a.b=x\npath=C:\\\\kafka\ntwo=1\\n2\npad=\\ v\n"


def test_cluster_ids_are_22_characters_of_a_uuid() -> None:
    first, second = new_cluster_id(), new_cluster_id()

    assert len(first) == 22
    assert first != second
    assert len(base64.urlsafe_b64decode(first + "==")) == 16


def test_cluster_ids_never_look_like_an_option() -> None:
    # One id in 64 would start with "-" if nothing prevented it.
    assert not any(new_cluster_id().startswith("-") for _ in range(2000))
