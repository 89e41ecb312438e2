"""A real Kafka broker in a container, for testing services built on factwire (testcontainers).

    from factwire.testing import KafkaContainer

    with KafkaContainer() as kafka:
        bootstrap = kafka.get_bootstrap_server()   # "127.0.0.1:49153"

The image is ``$FACTWIRE_KAFKA_IMAGE``, else the official ``apache/kafka`` of the Kafka version
factwire pins. Both it and the local image ``make kafka-image`` builds for Podman are configured
only through the environment variables of the official image (``KAFKA_<PROPERTY>``,
``CLUSTER_ID``), so everything set here works on either.

Listeners inside the container: ``CLIENT`` (port 9092, published; PLAINTEXT, or SASL_PLAINTEXT
after :meth:`KafkaContainer.with_sasl`), ``BROKER`` (9094, PLAINTEXT, inter-broker and admin
tools inside the container) and ``CONTROLLER`` (9093).

Needs the ``testing`` extra (testcontainers). With Podman instead of Docker, source
``deploy/container-engine.sh`` first (it sets DOCKER_HOST and the testcontainers variables).
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import time
from collections.abc import Iterable, Mapping
from typing import Any, Self

from testcontainers.core.container import DockerContainer

from factwire.localkafka import probe
from factwire.localkafka.config import ONE_BROKER_PROPERTIES, new_cluster_id
from factwire.localkafka.jars import KAFKA_VERSION
from factwire.settings import SASL_MECHANISMS

IMAGE_ENV = "FACTWIRE_KAFKA_IMAGE"
CLIENT_PORT = 9092
CONTROLLER_PORT = 9093
BROKER_PORT = 9094
READY_LINE = "Kafka Server started"
FAST_START_JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true"
START_SCRIPT = "/tmp/factwire-start.sh"  # noqa: S108 (inside the container)
_USER_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
_PASSWORD = re.compile(r"^[^\s\"'\\,\]=]+$")


class KafkaContainerError(RuntimeError):
    """The broker container did not start or could not be configured; ends with its log."""


def default_image() -> str:
    """``$FACTWIRE_KAFKA_IMAGE``, else ``apache/kafka:<pinned version>``."""
    return os.environ.get(IMAGE_ENV) or f"apache/kafka:{KAFKA_VERSION}"


def property_variable(name: str) -> str:
    """The official image's variable for a server property: ``log.dirs`` -> ``KAFKA_LOG_DIRS``.

    ``_`` in the property becomes ``__`` and ``-`` becomes ``___``.
    """
    escaped = name.replace("_", "__").replace("-", "___").replace(".", "_")
    return "KAFKA_" + escaped.upper()


class KafkaContainer(DockerContainer):
    """A single-node KRaft Kafka (broker + controller) with its client listener published.

    ``startup_timeout`` covers the JVM start, which on two cores can take well over 30 s.
    """

    def __init__(
        self,
        image: str | None = None,
        *,
        startup_timeout: float = 180.0,
        heap: str = "512m",
        **kwargs: Any,
    ) -> None:
        super().__init__(image or default_image(), **kwargs)
        self.startup_timeout = startup_timeout
        self._protocol = "PLAINTEXT"
        self._scram_users: dict[str, str] = {}
        self._scram_mechanisms: tuple[str, ...] = ()
        self.with_exposed_ports(CLIENT_PORT)
        self.with_kwargs(
            labels={
                # deploy/podman/setup.sh cleanup keeps containers whose owner is still alive.
                "io.factwire.owner-pid": str(os.getpid()),
                "io.factwire.owner-host": socket.gethostname(),
            }
        )
        self.with_properties(
            {
                "node.id": "1",
                "process.roles": "broker,controller",
                "listeners": (
                    f"CLIENT://0.0.0.0:{CLIENT_PORT},BROKER://0.0.0.0:{BROKER_PORT},"
                    f"CONTROLLER://0.0.0.0:{CONTROLLER_PORT}"
                ),
                "controller.listener.names": "CONTROLLER",
                "controller.quorum.voters": f"1@localhost:{CONTROLLER_PORT}",
                "inter.broker.listener.name": "BROKER",
                **ONE_BROKER_PROPERTIES,
                "log.dirs": "/tmp/kraft-combined-logs",  # noqa: S108 (inside the container)
            }
        )
        self.with_env("CLUSTER_ID", new_cluster_id())
        self.with_env("KAFKA_HEAP_OPTS", f"-Xmx{heap} -Xms128m")
        # Tests want a broker soon more than a fast one: C1 only and the serial collector start
        # it in about half the time on two cores. with_env() replaces this.
        self.with_env("KAFKA_JVM_PERFORMANCE_OPTS", FAST_START_JVM_OPTIONS)
        # Wait for the advertised address (known once the port is published), then start.
        self.with_command(
            [
                "bash",
                "-c",
                f"while [ ! -f {START_SCRIPT} ]; do sleep 0.1; done; exec bash {START_SCRIPT}",
            ]
        )

    # -- configuration ------------------------------------------------------------------------

    def with_properties(self, properties: Mapping[str, str]) -> Self:
        """Set server properties (through the image's ``KAFKA_*`` variables)."""
        for name, value in properties.items():
            self.with_env(property_variable(name), value)
        return self

    def with_sasl(
        self,
        users: Mapping[str, str],
        mechanisms: Iterable[str] = SASL_MECHANISMS,
    ) -> Self:
        """Make the client listener SASL_PLAINTEXT with ``users`` (name -> password).

        PLAIN users are declared in the listener's JAAS configuration; SCRAM credentials are
        created with ``kafka-configs`` once the broker runs. Names are ``[A-Za-z0-9._-]``;
        passwords have no spaces, quotes, backslashes, commas, ``]`` or ``=``.
        """
        chosen = tuple(mechanisms)
        unknown = sorted(set(chosen) - set(SASL_MECHANISMS))
        if unknown or not chosen:
            raise ValueError(f"SASL mechanisms must be among {SASL_MECHANISMS}, not {unknown}")
        for name, password in users.items():
            if not _USER_NAME.match(name) or not _PASSWORD.match(password):
                raise ValueError(
                    f"unsupported characters in the SASL user {name!r} or its password"
                )
        self._protocol = "SASL_PLAINTEXT"
        properties = {"sasl.enabled.mechanisms": ",".join(chosen)}
        if "PLAIN" in chosen:
            accounts = " ".join(f'user_{name}="{password}"' for name, password in users.items())
            properties["listener.name.client.plain.sasl.jaas.config"] = (
                f"org.apache.kafka.common.security.plain.PlainLoginModule required {accounts};"
            )
        self._scram_mechanisms = tuple(m for m in chosen if m.startswith("SCRAM"))
        for mechanism in self._scram_mechanisms:
            properties[f"listener.name.client.{mechanism.lower()}.sasl.jaas.config"] = (
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"
            )
        self._scram_users = dict(users) if self._scram_mechanisms else {}
        return self.with_properties(properties)

    @property
    def security_protocol(self) -> str:
        """``PLAINTEXT``, or ``SASL_PLAINTEXT`` after :meth:`with_sasl`."""
        return self._protocol

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> Self:
        self.with_properties(
            {
                "listener.security.protocol.map": (
                    f"CLIENT:{self._protocol},BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT"
                )
            }
        )
        super().start()
        try:
            self._launch()
            self._wait_until_ready()
            self._create_scram_users()
        except BaseException:
            self.stop()
            raise
        return self

    def get_bootstrap_server(self) -> str:
        """``host:port`` at which clients outside the container reach the broker."""
        host = self.get_container_host_ip()
        port = self.get_exposed_port(CLIENT_PORT)
        return f"{host}:{port}"

    def _launch(self) -> None:
        advertised = f"CLIENT://{self.get_bootstrap_server()},BROKER://localhost:{BROKER_PORT}"
        script = (
            f"export {property_variable('advertised.listeners')}={shlex.quote(advertised)}\n"
            "exec /etc/kafka/docker/run\n"
        )
        # Written next to its final name and renamed, so the waiting loop never sees half a file.
        self._exec(
            f"printf %s {shlex.quote(script)} > {START_SCRIPT}.part && "
            f"mv {START_SCRIPT}.part {START_SCRIPT}",
            "write the start script",
        )

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        wrapped = self.get_wrapped_container()
        while time.monotonic() < deadline:
            wrapped.reload()
            if wrapped.status not in ("created", "running"):
                raise KafkaContainerError(
                    f"the Kafka container stopped ({wrapped.status})\n{self._log_tail()}"
                )
            if READY_LINE in wrapped.logs().decode("utf-8", errors="replace") and self._answers():
                return
            time.sleep(0.5)
        raise KafkaContainerError(
            f"Kafka did not start within {self.startup_timeout:.0f} s\n{self._log_tail()}"
        )

    def _answers(self) -> bool:
        host, port = self.get_bootstrap_server().rsplit(":", 1)
        if self._protocol == "PLAINTEXT":
            return probe.is_ready(host, int(port), timeout=2.0)
        try:  # a SASL listener wants a handshake first; the log line said the rest
            socket.create_connection((host, int(port)), timeout=2.0).close()
        except OSError:
            return False
        return True

    def _create_scram_users(self) -> None:
        # One credential per request (the broker refuses two for one user), all in one exec.
        commands = [
            f"/opt/kafka/bin/kafka-configs.sh --bootstrap-server localhost:{BROKER_PORT} "
            f"--alter --entity-type users --entity-name {shlex.quote(name)} "
            f"--add-config {shlex.quote(f'{mechanism}=[password={password}]')}"
            for name, password in self._scram_users.items()
            for mechanism in self._scram_mechanisms
        ]
        if commands:
            self._exec(" && ".join(commands), "create the SCRAM users")

    def _exec(self, command: str, what: str) -> str:
        result = self.get_wrapped_container().exec_run(["bash", "-c", command])
        output = (result.output or b"").decode("utf-8", errors="replace")
        if result.exit_code != 0:
            raise KafkaContainerError(f"could not {what} (exit {result.exit_code}): {output}")
        return output

    def _log_tail(self, lines: int = 40) -> str:
        try:
            text = self.get_wrapped_container().logs().decode("utf-8", errors="replace")
        except Exception as error:  # the engine may have removed the container already
            return f"(no container log: {error})"
        return "container log:\n" + "\n".join(text.splitlines()[-lines:])
