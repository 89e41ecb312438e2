"""Logs never carry article text: the loggers that print record values stay at INFO or above,
in the worker's JSON logging and in the CLI's, whatever level is asked for."""

from __future__ import annotations

import logging
import logging.config
from collections.abc import Callable, Iterator

import pytest

from factwire.commands.common import client_logging
from factwire.logs import VALUE_LOGGERS, logging_config


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    levels = {name: logging.getLogger(name).level for name in (*VALUE_LOGGERS, "aiokafka", "")}
    handlers = logging.getLogger().handlers[:]
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger().handlers[:] = handlers


@pytest.mark.parametrize(
    "configure",
    [lambda: logging.config.dictConfig(logging_config("debug")), lambda: client_logging("debug")],
    ids=["worker", "cli"],
)
def test_debug_logging_keeps_the_value_loggers_at_info(configure: Callable[[], None]) -> None:
    configure()
    assert logging.getLogger().isEnabledFor(logging.DEBUG)
    for name in VALUE_LOGGERS:
        assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
        assert logging.getLogger(name).isEnabledFor(logging.INFO), name
