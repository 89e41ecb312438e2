"""Worker-process helpers: a free port, and a child stopped with SIGTERM then SIGKILL."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

from factwire.processes import free_port, stop_process, worker_command


def test_free_port_can_be_bound() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
    assert 1024 <= port <= 65535


def test_a_child_that_exits_on_sigterm_is_stopped_within_the_grace() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    started = time.monotonic()
    stop_process(child, grace=10)
    assert child.returncode is not None
    assert time.monotonic() - started < 5


def test_a_child_that_ignores_sigterm_is_killed_after_the_grace() -> None:
    code = (
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "print(1, flush=True); time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, start_new_session=True
    )
    assert child.stdout is not None and child.stdout.readline()  # the handler is in place
    started = time.monotonic()
    stop_process(child, grace=0.5)
    assert child.returncode == -9
    assert time.monotonic() - started < 5


def test_the_worker_command_runs_factwire() -> None:
    done = subprocess.run(
        [*worker_command(), "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("factwire, version")
