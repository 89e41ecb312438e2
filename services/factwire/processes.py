"""Worker processes run from Python: ``factwire worker`` as a child process, stopped cleanly.

The CLI's ``demo``, the integration tests and the end-to-end bench start workers with these
helpers; ``free_port`` is the one way factwire picks a free loopback port.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from factwire.settings import Settings

LOOPBACK = "127.0.0.1"
#: How long a worker may take to commit and leave its group after SIGTERM.
STOP_GRACE_SECONDS = 30.0


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def worker_command() -> list[str]:
    """How to run ``factwire`` with this interpreter (the script when installed beside it)."""
    script = Path(sys.executable).with_name("factwire")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factwire"]


@dataclass
class WorkerProcess:
    """A ``factwire worker`` child process and the file its logs go to."""

    process: subprocess.Popen[bytes]
    log_path: Path
    web_port: int

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_until_ready(self, within: float = 120.0) -> None:
        """Block until the worker's /ready page says ready (or raise with its last log lines)."""
        deadline = time.monotonic() + within
        url = f"http://{LOOPBACK}:{self.web_port}/ready"
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"worker exited ({self.process.returncode}):\n{self.log_tail()}")
            if _answers_200(url):
                return
            time.sleep(0.5)
        raise TimeoutError(f"worker not ready after {within:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        stop_process(self.process, grace)


@contextlib.contextmanager
def start_worker_process(
    settings: Settings,
    *,
    wait_for_kafka: float = 0.0,
    env: Mapping[str, str] | None = None,
    log_path: Path | None = None,
    cwd: Path | None = None,
) -> Iterator[WorkerProcess]:
    """``factwire worker`` as a child process in its own session, stopped on exit.

    The child gets this process's environment, then ``settings`` as ``FACTWIRE_*`` variables
    (with a free web port), then ``env``. Its JSON logs go to ``log_path`` (default: a new
    temporary file).
    """
    web_port = free_port()
    child_env = {
        **os.environ,
        **settings.environment(),
        "FACTWIRE_WEB_PORT": str(web_port),
        **(env or {}),
    }
    if log_path is None:
        log_path = _new_log_file()
    command = [*worker_command(), "worker", "--wait-for-kafka", str(wait_for_kafka)]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            env=child_env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the parent, which stops the worker cleanly
        )
    try:
        yield WorkerProcess(process, log_path, int(child_env["FACTWIRE_WEB_PORT"]))
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen[bytes], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM to the worker (it commits, leaves its group and stops its extraction pool), then
    SIGKILL to its whole process group after ``grace`` seconds or on a second Ctrl-C."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        _signal_group(process, signal.SIGKILL)
        process.wait()


def _signal_group(process: subprocess.Popen[bytes], signum: signal.Signals) -> None:
    """Signal the child's session (started with ``start_new_session``), else the child alone."""
    try:
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, signum)
            return
    except ProcessLookupError:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signum)


def _new_log_file() -> Path:
    with tempfile.NamedTemporaryFile(prefix="factwire-worker-", suffix=".log", delete=False) as f:
        return Path(f.name)


def _answers_200(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (http on loopback)
            return bool(response.status == 200)
    except OSError:
        return False
