"""``factwire view`` as a child process, for ``factwire demo`` (``make run``) and the tests."""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factwire.settings import Settings
from factwire.view.worker import page_url


@dataclass
class ViewProcess:
    """A running ``factwire view``, the address of its page and the file its logs go to."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    def wait_until_ready(self, within: float = 120.0) -> None:
        """Block until /ready answers 200 (tables recovered, partitions assigned)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"view exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "ready", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"view not ready after {within:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def port_or_free(port: int, host: str = "127.0.0.1") -> int:
    """``port`` when nothing listens on it, else a free one (the demo must not fail on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
        else:
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        free: int = sock.getsockname()[1]
        return free


@contextlib.contextmanager
def start_view_process(
    settings: Settings,
    port: int,
    *,
    wait_for_kafka: float = 0.0,
    extra_env: dict[str, str] | None = None,
) -> Iterator[ViewProcess]:
    """``factwire view --port PORT`` in a child process, JSON logs in a file; stopped on exit."""
    from factwire.processes import stop_process

    env = {**os.environ, **settings.environment(), **(extra_env or {})}
    with tempfile.NamedTemporaryFile(prefix="factwire-view-", suffix=".log", delete=False) as f:
        log_path = Path(f.name)
    command = [sys.executable, "-m", "factwire.cli", "view", "--port", str(port)]
    command += ["--host", "127.0.0.1", "--wait-for-kafka", str(wait_for_kafka)]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the parent, which stops it gracefully
        )
    try:
        yield ViewProcess(process, page_url("127.0.0.1", port), log_path)
    finally:
        stop_process(process)
