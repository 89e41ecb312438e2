"""A single-node Apache Kafka broker (KRaft broker + controller) run as a child process.

``LocalBroker`` formats KRaft storage in a data directory, starts ``kafka.Kafka`` from the jar
cache on loopback and waits until a Metadata request succeeds. It is what ``factwire broker``
and ``make run`` use when no ``FACTWIRE_BOOTSTRAP_SERVERS`` is given.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Self

from factwire.localkafka import probe
from factwire.localkafka.config import (
    LOOPBACK,
    new_cluster_id,
    render_properties,
    single_node_properties,
)
from factwire.localkafka.errors import BrokerStartError, JavaNotFoundError
from factwire.localkafka.jars import KAFKA_VERSION, find_kafka_libs
from factwire.processes import free_port

LOG4J_CONFIG = Path(__file__).with_name("log4j2.json")
# Peak throughput: the JIT's optimising compiler and G1, as in Kafka's own start scripts.
THROUGHPUT_JVM_OPTIONS = ("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20")
# Start time: the C1 compiler alone and the serial collector start a broker in about half the
# time on two cores, and still move far more records than one development machine produces.
FAST_START_JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
# The storage tool runs for a second: the C1 compiler and the serial collector start it fastest.
TOOL_JVM_OPTIONS = ("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def find_java() -> str:
    """The ``java`` of ``$JAVA_HOME``, else the one on PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise JavaNotFoundError("Kafka needs Java 17 or newer (java on PATH or JAVA_HOME)")
    return java


class LocalBroker:
    """A Kafka broker on 127.0.0.1 for development and tests.

    ``data_dir=None`` keeps the data in a temporary directory removed by :meth:`stop`;
    ``port=None`` picks a free port. ``overrides`` adds or replaces server properties.
    ``fast_start=False`` tunes the JVM for throughput (benchmarks) instead of start time.
    The broker's output goes to ``<data_dir>/broker.log``.

        with LocalBroker() as broker:
            produce_to(broker.bootstrap)
    """

    def __init__(
        self,
        data_dir: str | Path | None = None,
        port: int | None = None,
        version: str = KAFKA_VERSION,
        *,
        heap: str = "512m",
        overrides: Mapping[str, str] | None = None,
        startup_timeout: float = 120.0,
        fast_start: bool = True,
    ) -> None:
        self.version = version
        self.heap = heap
        self.fast_start = fast_start
        self.overrides = dict(overrides or {})
        self.startup_timeout = startup_timeout
        self._requested_dir = Path(data_dir).expanduser() if data_dir is not None else None
        self._requested_port = port
        self._temporary_dir: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self.data_dir: Path | None = self._requested_dir
        self.port: int | None = port

    @property
    def bootstrap(self) -> str:
        """``127.0.0.1:PORT`` of the running broker."""
        if self.port is None or self._process is None:
            raise BrokerStartError("the broker is not running: call start() first")
        return f"{LOOPBACK}:{self.port}"

    @property
    def log_path(self) -> Path | None:
        return self.data_dir / "broker.log" if self.data_dir is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> Self:
        """Format storage (first time only), start the broker, wait until it serves metadata."""
        if self._process is not None:
            return self
        java = find_java()
        libs = find_kafka_libs(self.version)
        data_dir = self._prepare_data_dir()
        self.port = self._requested_port or free_port()
        controller_port = free_port()
        properties_path = data_dir / "server.properties"
        properties = single_node_properties(data_dir, self.port, controller_port, self.overrides)
        properties_path.write_text(render_properties(properties), encoding="utf-8")

        classpath = str(libs / "*")
        logging = f"-Dlog4j2.configurationFile={LOG4J_CONFIG}"
        self._log = (data_dir / "broker.log").open("ab")
        self._format_storage(java, classpath, logging, data_dir, properties_path)
        self._process = subprocess.Popen(
            [
                java,
                f"-Xmx{self.heap}",
                "-Xms128m",
                "-Djava.awt.headless=true",
                *(FAST_START_JVM_OPTIONS if self.fast_start else THROUGHPUT_JVM_OPTIONS),
                logging,
                "-cp",
                classpath,
                "kafka.Kafka",
                str(properties_path),
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            # Its own session: Ctrl-C in a terminal reaches us, and we stop the broker in order.
            start_new_session=True,
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (a clean shutdown), then SIGKILL after ``timeout`` seconds."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._temporary_dir is not None:
            self._temporary_dir.cleanup()
            self._temporary_dir = None
            self.data_dir = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _prepare_data_dir(self) -> Path:
        if self._requested_dir is None:
            self._temporary_dir = tempfile.TemporaryDirectory(prefix="factwire-kafka-")
            self.data_dir = Path(self._temporary_dir.name)
        else:
            self.data_dir = self._requested_dir
            self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir

    def _format_storage(
        self, java: str, classpath: str, logging: str, data_dir: Path, properties: Path
    ) -> None:
        cluster_id_file = data_dir / "cluster-id"
        if not cluster_id_file.exists():
            cluster_id_file.write_text(new_cluster_id() + "\n", encoding="utf-8")
        cluster_id = cluster_id_file.read_text(encoding="utf-8").strip()
        result = subprocess.run(
            [
                java,
                *TOOL_JVM_OPTIONS,
                logging,
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "--ignore-formatted",
                f"--cluster-id={cluster_id}",
                "--config",
                str(properties),
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if result.returncode != 0:
            raise BrokerStartError(f"formatting KRaft storage failed\n{self.log_tail()}")

    def _wait_until_ready(self) -> None:
        assert self._process is not None and self.port is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BrokerStartError(
                    f"the broker exited with status {self._process.returncode}\n{self.log_tail()}"
                )
            if probe.is_ready(LOOPBACK, self.port, timeout=2.0):
                return
            time.sleep(0.25)
        raise BrokerStartError(
            f"the broker did not answer on {LOOPBACK}:{self.port} within "
            f"{self.startup_timeout:.0f} s\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 30) -> str:
        path = self.log_path
        if path is None or not path.exists():
            return "(no broker log)"
        tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
        return f"last lines of {path}:\n" + "\n".join(tail)


def run_broker_forever(data_dir: str | Path | None = None, port: int | None = None) -> None:
    """Run a local broker until Ctrl-C or SIGTERM (``factwire broker``).

    Prints the bootstrap address (``127.0.0.1:PORT``) on a line of its own once the broker serves
    clients, then blocks; Ctrl-C or SIGTERM stops the broker cleanly and returns. Raises
    :class:`BrokerStartError` when the broker can't start or dies on its own.
    """
    broker = LocalBroker(data_dir=data_dir, port=port)
    previous_term = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    # Also when started in the background by a shell, which leaves SIGINT ignored.
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        print(f"starting Apache Kafka {broker.version} on loopback ...", flush=True)
        broker.start()
        print(broker.bootstrap, flush=True)
        print(f"broker log: {broker.log_path}; Ctrl-C stops it", flush=True)
        while broker.running:
            time.sleep(0.5)
        raise BrokerStartError(f"the broker stopped by itself\n{broker.log_tail()}")
    except KeyboardInterrupt:
        print("stopping the broker ...", flush=True)
    finally:
        # A second Ctrl-C must not leave a half-stopped broker behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            broker.stop()
        finally:
            signal.signal(signal.SIGINT, previous_int)
            signal.signal(signal.SIGTERM, previous_term)


def _raise_keyboard_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


run_broker = run_broker_forever
