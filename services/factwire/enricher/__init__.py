"""The enricher: a Faust worker that turns raw articles into enriched events and dead letters.

``create_app(settings)`` builds the app (see ``app.py`` for its table of contents);
``run_worker(settings)`` is what ``factwire worker`` runs.
"""

from factwire.enricher.app import create_app
from factwire.enricher.worker import run_worker

__all__ = ["create_app", "run_worker"]
