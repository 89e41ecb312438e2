"""deploy/podman/probe.py tells Docker from Podman by the engine's /version answer."""

from __future__ import annotations

import importlib.util
import json
import socketserver
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import ModuleType

import pytest

PROBE = Path(__file__).resolve().parents[3] / "deploy" / "podman" / "probe.py"


def load_probe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("engine_probe", PROBE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class UnixHTTPServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def engine_answering(socket_path: Path, version: dict[str, object]) -> UnixHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(version).encode()
            self.send_response(200 if self.path == "/version" else 404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def address_string(self) -> str:
            return "unix"

        def log_message(self, *args: object) -> None:
            pass

    server = UnixHTTPServer(str(socket_path), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def socket_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "engine.sock"


def test_podman_is_recognised_by_its_components(socket_path: Path) -> None:
    server = engine_answering(socket_path, {"Components": [{"Name": "Podman Engine"}]})
    try:
        assert load_probe().engine_at(f"unix://{socket_path}") == "podman"
    finally:
        server.shutdown()


def test_any_other_engine_is_docker(socket_path: Path) -> None:
    server = engine_answering(socket_path, {"Components": [{"Name": "Engine"}]})
    try:
        assert load_probe().engine_at(f"unix://{socket_path}") == "docker"
    finally:
        server.shutdown()


def test_nothing_answers_on_a_missing_socket(socket_path: Path) -> None:
    assert load_probe().engine_at(f"unix://{socket_path}", timeout=1.0) is None
    assert load_probe().engine_at("ssh://somewhere") is None
