"""A real Kafka broker for the integration tests: one container for the whole session.

Where no container engine answers the tests fail (never skip): run them with
`make test-integration`, which prepares Docker or Podman and the image first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docker.errors import DockerException

from factwire.testing import KafkaContainer, default_image

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)


def start_kafka(container: KafkaContainer) -> KafkaContainer:
    """Start ``container`` or fail the session with what to do about it."""
    try:
        return container.start()
    except DockerException as error:
        pytest.fail(
            f"no Kafka container ({container.image}): {error}\n"
            "Run the integration tests with `make test-integration`: it starts Docker's or "
            "Podman's API and builds the image (`make kafka-image`), then sources "
            "deploy/container-engine.sh.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def kafka_starter() -> Callable[[KafkaContainer], KafkaContainer]:
    """Starts another (e.g. SASL) broker container, failing loudly like the session's one."""
    return start_kafka


@pytest.fixture(scope="session")
def kafka_container() -> Iterator[KafkaContainer]:
    container = start_kafka(KafkaContainer(default_image()))
    try:
        yield container
    finally:
        container.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_container: KafkaContainer) -> str:
    """``host:port`` of the session's broker."""
    return kafka_container.get_bootstrap_server()
