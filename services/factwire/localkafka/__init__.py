"""A real Apache Kafka broker on this machine, from jars fetched from Maven Central.

``LocalBroker`` runs a single-node KRaft broker as a child process (``factwire broker``,
``make run``); ``find_kafka_libs`` locates or fetches the jars. Integration tests use a container
instead: see :mod:`factwire.testing`.
"""

from factwire.localkafka.broker import LocalBroker, run_broker, run_broker_forever
from factwire.localkafka.errors import (
    BrokerStartError,
    JavaNotFoundError,
    KafkaJarsNotFoundError,
    LocalKafkaError,
)
from factwire.localkafka.jars import KAFKA_VERSION, find_kafka_libs

__all__ = [
    "KAFKA_VERSION",
    "BrokerStartError",
    "JavaNotFoundError",
    "KafkaJarsNotFoundError",
    "LocalBroker",
    "LocalKafkaError",
    "find_kafka_libs",
    "run_broker",
    "run_broker_forever",
]
