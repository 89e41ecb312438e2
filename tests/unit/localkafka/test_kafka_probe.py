from __future__ import annotations

import socket
import struct

from factwire.localkafka.probe import (
    BrokerAddress,
    is_ready,
    metadata_request,
    parse_metadata_brokers,
)


def kafka_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack(">h", len(data)) + data


def test_metadata_request_is_a_v4_request_for_all_topics() -> None:
    request = metadata_request(correlation_id=7)

    size, api_key, version, correlation = struct.unpack_from(">ihhi", request)
    assert size == len(request) - 4
    assert (api_key, version, correlation) == (3, 4, 7)
    assert request.endswith(struct.pack(">ib", -1, 0))


def test_brokers_are_read_from_a_metadata_response() -> None:
    response = (
        struct.pack(">iii", 7, 0, 2)
        + struct.pack(">i", 1)
        + kafka_string("127.0.0.1")
        + struct.pack(">ih", 9092, -1)
        + struct.pack(">i", 2)
        + kafka_string("kafka-2")
        + struct.pack(">i", 9093)
        + kafka_string("rack-a")
        + b"rest of the response is not read"
    )

    assert parse_metadata_brokers(response, correlation_id=7) == [
        BrokerAddress(1, "127.0.0.1", 9092),
        BrokerAddress(2, "kafka-2", 9093),
    ]


def test_a_port_nobody_listens_on_is_not_ready() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening

    assert not is_ready("127.0.0.1", port, timeout=1.0)
