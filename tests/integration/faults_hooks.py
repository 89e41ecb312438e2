"""Fault hooks the worker's extraction processes call before each article when a test sets
``FACTWIRE_TESTING_EXTRACT_HOOK=integration.faults_hooks:by_id`` (see factwire.enricher.faults).

What happens is chosen by the article id, so one worker serves every case of a test:
``poison-raise-*`` raises, ``poison-exit-*`` ends the extraction process abruptly (like a crash in
native code), ``poison-hang-*`` never returns (like an endless loop), ``slow-*`` takes a while.
Each call is noted in ``$FACTWIRE_TESTING_FAULT_LOG``.
"""

from __future__ import annotations

import os
import time

from factwire.models import RawArticle

LOG_ENV = "FACTWIRE_TESTING_FAULT_LOG"
SLOW_SECONDS = 0.4


class InjectedFault(RuntimeError):
    """The failure a test asked for."""


def by_id(raw: RawArticle) -> None:
    if not raw.id.startswith(("poison-", "slow-")):
        return
    log_path = os.environ.get(LOG_ENV)
    if log_path:
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(raw.id + "\n")
    if raw.id.startswith("poison-raise-"):
        raise InjectedFault("injected by the test")
    if raw.id.startswith("poison-exit-"):
        os._exit(13)
    if raw.id.startswith("poison-hang-"):
        time.sleep(3600)
    if raw.id.startswith("slow-"):
        time.sleep(SLOW_SECONDS)
