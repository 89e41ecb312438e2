"""The two watches behind the liveness page, on a fake clock."""

from __future__ import annotations

import asyncio

import pytest

from factwire.enricher.watchdog import LoopHeartbeat, ProgressWatch


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_heartbeat_not_started_yet_is_never_silent() -> None:
    clock = FakeClock()
    heartbeat = LoopHeartbeat(interval=1.0, clock=clock)
    clock.now += 3600
    assert heartbeat.silent_for() == 0.0


def test_a_heartbeat_on_time_is_never_silent() -> None:
    clock = FakeClock()
    heartbeat = LoopHeartbeat(interval=1.0, clock=clock)
    heartbeat.beat()
    clock.now += 1.0
    assert heartbeat.silent_for() == 0.0
    clock.now += 0.5
    heartbeat.beat()
    assert heartbeat.silent_for() == 0.0


def test_a_late_heartbeat_counts_the_time_past_its_interval() -> None:
    clock = FakeClock()
    heartbeat = LoopHeartbeat(interval=1.0, clock=clock)
    heartbeat.beat()
    clock.now += 41.0
    assert heartbeat.silent_for() == 40.0
    heartbeat.beat()
    assert heartbeat.silent_for() == 0.0


async def test_the_heartbeat_task_beats_while_the_loop_runs() -> None:
    heartbeat = LoopHeartbeat(interval=0.01)
    task = asyncio.create_task(heartbeat.run())
    await asyncio.sleep(0)
    first = heartbeat.last_beat
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert first is not None
    assert heartbeat.last_beat is not None
    assert heartbeat.last_beat > first


def test_an_idle_pool_is_never_stalled() -> None:
    clock = FakeClock()
    watch = ProgressWatch(clock)
    clock.now += 3600
    assert watch.pending == 0
    assert watch.stalled_for() == 0.0


def test_work_that_does_not_finish_stalls_from_when_it_began() -> None:
    clock = FakeClock()
    watch = ProgressWatch(clock)
    clock.now += 3600  # idle for an hour: not counted
    with watch.busy():
        clock.now += 50
        assert watch.pending == 1
        assert watch.stalled_for() == 50
    assert watch.stalled_for() == 0.0


def test_each_finished_piece_of_work_is_progress() -> None:
    clock = FakeClock()
    watch = ProgressWatch(clock)
    with watch.busy():
        clock.now += 30
        with watch.busy():
            clock.now += 10
        # the inner piece finished 0 s ago, though the outer one began 40 s ago
        assert watch.stalled_for() == 0.0
        clock.now += 5
        assert watch.stalled_for() == 5


def test_work_that_raises_still_ends() -> None:
    watch = ProgressWatch(FakeClock())
    with pytest.raises(RuntimeError), watch.busy():
        raise RuntimeError("extraction failed")
    assert watch.pending == 0
