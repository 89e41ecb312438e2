"""Clients for services around factwire: publish raw articles, subscribe to enriched ones.

Both take a ``Settings`` (bootstrap servers, topic names, security options) and are async
context managers over aiokafka clients.
"""

from factwire.client.admin import ensure_topics
from factwire.client.errors import ClientError, RecordTooLargeError, TopicCreationError
from factwire.client.publisher import Publisher, PublishResult
from factwire.client.subscriber import Delivery, Subscriber

__all__ = [
    "ClientError",
    "Delivery",
    "PublishResult",
    "Publisher",
    "RecordTooLargeError",
    "Subscriber",
    "TopicCreationError",
    "ensure_topics",
]
