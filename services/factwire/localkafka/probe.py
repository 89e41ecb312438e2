"""A Kafka Metadata request over a plain socket: "is this broker ready to serve clients?".

Used while waiting for a broker to start, where an asyncio client would be out of place (the
callers are synchronous and may already run inside an event loop).
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass

_METADATA = 3
_VERSION = 4  # Kafka 4 accepts Metadata v4 and newer (KIP-896); v4 is the last non-flexible one
_CLIENT_ID = b"factwire-probe"


@dataclass(frozen=True)
class BrokerAddress:
    node_id: int
    host: str
    port: int


class _Reader:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def take(self, fmt: str) -> int:
        (value,) = struct.unpack_from(fmt, self._data, self._at)
        self._at += struct.calcsize(fmt)
        return int(value)

    def string(self) -> str | None:
        length = self.take(">h")
        if length < 0:
            return None
        text = self._data[self._at : self._at + length].decode("utf-8")
        self._at += length
        return text


def metadata_request(correlation_id: int) -> bytes:
    header = struct.pack(">hhih", _METADATA, _VERSION, correlation_id, len(_CLIENT_ID))
    body = struct.pack(">ib", -1, 0)  # all topics, no auto-creation
    payload = header + _CLIENT_ID + body
    return struct.pack(">i", len(payload)) + payload


def parse_metadata_brokers(response: bytes, correlation_id: int) -> list[BrokerAddress]:
    """The brokers listed in a Metadata v4 response (without its size prefix)."""
    reader = _Reader(response)
    if reader.take(">i") != correlation_id:
        raise ValueError("metadata response for another request")
    reader.take(">i")  # throttle_time_ms
    brokers = []
    for _ in range(reader.take(">i")):
        node_id = reader.take(">i")
        host = reader.string() or ""
        port = reader.take(">i")
        reader.string()  # rack
        brokers.append(BrokerAddress(node_id, host, port))
    return brokers


def fetch_brokers(host: str, port: int, timeout: float = 5.0) -> list[BrokerAddress]:
    """The brokers a Kafka listener advertises; raises OSError when it doesn't answer."""
    correlation_id = 1
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(metadata_request(correlation_id))
        size = struct.unpack(">i", _receive(sock, 4))[0]
        response = _receive(sock, size)
    try:
        return parse_metadata_brokers(response, correlation_id)
    except (ValueError, struct.error, UnicodeDecodeError) as error:
        raise OSError(f"unreadable metadata response from {host}:{port}: {error}") from error


def is_ready(host: str, port: int, timeout: float = 5.0) -> bool:
    """Whether the listener answers a Metadata request with at least one broker."""
    try:
        return bool(fetch_brokers(host, port, timeout))
    except OSError:
        return False


def _receive(sock: socket.socket, size: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = sock.recv(size - len(chunks))
        if not chunk:
            raise OSError("connection closed by the broker")
        chunks.extend(chunk)
    return bytes(chunks)
