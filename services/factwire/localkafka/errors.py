"""What can go wrong when factwire runs a Kafka broker of its own."""

from __future__ import annotations


class LocalKafkaError(RuntimeError):
    """Base class: the local broker could not be provided."""


class KafkaJarsNotFoundError(LocalKafkaError):
    """The Apache Kafka jars of the pinned version are not on this machine and can't be fetched."""


class JavaNotFoundError(LocalKafkaError):
    """No ``java`` executable (Java 17 or newer) on PATH or under JAVA_HOME."""


class BrokerStartError(LocalKafkaError):
    """The broker process exited or did not become ready in time; the message ends with its log."""
