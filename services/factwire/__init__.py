"""factwire: a streaming service that turns news articles into entities and claims on Kafka."""

__version__ = "0.1.0"
