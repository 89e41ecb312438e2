"""Is the worker stuck? Two watches that the liveness page reads.

A worker that is merely idle, rebalancing or cut off from Kafka is alive (restarting it would not
help); it is stuck when its event loop stops running callbacks, or when its extraction pool has
work and makes no progress for longer than any one piece of that work may take.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Clock = Callable[[], float]


class LoopHeartbeat:
    """Beats from a task on the event loop; a late beat means the loop was blocked.

    A loop blocked *now* answers no request at all (the probe's own timeout fails it); this
    catches a loop whose timers no longer run while requests are still served. Before ``run``
    starts (the app is still starting) it is never silent.
    """

    def __init__(self, interval: float = 1.0, clock: Clock = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self.last_beat: float | None = None

    def beat(self) -> None:
        self.last_beat = self._clock()

    def silent_for(self) -> float:
        """Seconds since the last beat, less the interval the beats are apart."""
        if self.last_beat is None:
            return 0.0
        return max(self._clock() - self.last_beat - self.interval, 0.0)

    async def run(self) -> None:
        """Beat now and then every ``interval`` seconds until cancelled."""
        self.beat()
        while True:
            await asyncio.sleep(self.interval)
            self.beat()


class ProgressWatch:
    """Counts work in progress and remembers when it last moved.

    ``stalled_for`` is 0 while nothing is pending; otherwise the seconds since a piece of work
    last finished (or since work began, after an idle spell).
    """

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._pending = 0
        self._moved = clock()

    @property
    def pending(self) -> int:
        return self._pending

    @contextmanager
    def busy(self) -> Iterator[None]:
        """Wrap one piece of work (waiting for a slot included)."""
        if self._pending == 0:
            self._moved = self._clock()
        self._pending += 1
        try:
            yield
        finally:
            self._pending -= 1
            self._moved = self._clock()

    def stalled_for(self) -> float:
        return self._clock() - self._moved if self._pending else 0.0
