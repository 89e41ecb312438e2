"""Errors the client layer raises, each naming what went wrong in words a user can act on."""


class ClientError(Exception):
    """Base class of the client layer's errors."""


class TopicCreationError(ClientError):
    """The broker refused to create a topic factwire needs."""


class RecordTooLargeError(ClientError):
    """A record is larger than ``max_message_bytes`` and would be refused by the broker."""
