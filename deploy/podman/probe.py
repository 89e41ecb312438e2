"""Which Docker-API engine answers at a DOCKER_HOST address: prints `docker`, `podman` or nothing.

    python3 probe.py [unix:///path.sock | tcp://host:port]

Exit status 0 when an engine answered, 1 otherwise. Standard library only: it runs before any
virtualenv exists.
"""

from __future__ import annotations

import http.client
import json
import socket
import sys
from urllib.parse import urlsplit


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def engine_at(address: str, timeout: float = 10.0) -> str | None:
    url = urlsplit(address)
    conn: http.client.HTTPConnection
    if url.scheme == "unix":
        conn = _UnixConnection(url.path, timeout)
    elif url.scheme in ("tcp", "http"):
        conn = http.client.HTTPConnection(url.hostname or "localhost", url.port or 2375, timeout=timeout)
    else:
        return None
    try:
        conn.request("GET", "/version")
        response = conn.getresponse()
        if response.status != 200:
            return None
        version = json.loads(response.read())
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()
    names = " ".join(str(c.get("Name", "")) for c in version.get("Components") or [])
    return "podman" if "podman" in names.lower() else "docker"


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else "unix:///var/run/docker.sock"
    engine = engine_at(address)
    if engine is None:
        return 1
    print(engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
