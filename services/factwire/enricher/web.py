"""What the worker's web pages say: liveness and readiness (metrics: ``metrics.py``).

Also the translation of factwire's security settings into Faust broker credentials.
"""

from __future__ import annotations

from typing import Any

import faust

from factwire.enricher.pool import ExtractionPool
from factwire.settings import Settings


def health() -> dict[str, str]:
    """Liveness: the event loop answers."""
    return {"status": "ok"}


def readiness(app: faust.App, pool: ExtractionPool) -> tuple[dict[str, Any], bool]:
    """Ready when the extraction processes are loaded and the consumer has partitions."""
    try:
        assigned = len(app.consumer.assignment())
    except Exception:  # ConsumerNotStarted and friends, before the consumer runs
        assigned = 0
    ready = pool.ready and assigned > 0
    body = {
        "status": "ready" if ready else "starting",
        "extraction_pool": "ready" if pool.ready else "loading",
        "assigned_partitions": assigned,
    }
    return body, ready


def faust_credentials(settings: Settings) -> Any:
    """Faust broker credentials for the configured security protocol (None for PLAINTEXT)."""
    protocol = settings.security_protocol
    if protocol == "PLAINTEXT":
        return None
    ssl_context = None
    if protocol in ("SSL", "SASL_SSL"):
        from aiokafka.helpers import create_ssl_context

        ssl_context = create_ssl_context(
            cafile=settings.ssl_cafile, certfile=settings.ssl_certfile, keyfile=settings.ssl_keyfile
        )
    if protocol == "SSL":
        return faust.SSLCredentials(ssl_context)
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password,
        ssl_context=ssl_context,
        mechanism=settings.sasl_mechanism,
    )
