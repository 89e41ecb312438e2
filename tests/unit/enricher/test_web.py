"""The worker's liveness and readiness pages: what each state of the worker answers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest
from faust.exceptions import ConsumerNotStarted

from factwire.enricher import web
from factwire.enricher.pool import Enriched, ExtractionPool, enrich_chunk
from factwire.enricher.watchdog import LoopHeartbeat, ProgressWatch
from factwire.enricher.web import NOT_STARTED, GroupState, group_state, health, readiness
from factwire.models import RawArticle


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def a_pool(clock: FakeClock, *, ready: bool = True, timeout: float = 120.0) -> ExtractionPool:
    pool = ExtractionPool("rules", size=2, retries=1, timeout=timeout)
    pool.progress = ProgressWatch(clock)
    pool.ready = ready
    return pool


# -- liveness --------------------------------------------------------------------------------


def test_an_idle_worker_is_alive() -> None:
    clock = FakeClock()
    body, live = health(LoopHeartbeat(clock=clock), a_pool(clock))
    assert live
    assert body["status"] == "ok"


def test_a_worker_still_loading_its_model_is_alive() -> None:
    clock = FakeClock()
    pool = a_pool(clock, ready=False)
    with pool.progress.busy():
        clock.now += 60
        _, live = health(LoopHeartbeat(interval=1e9, clock=clock), pool)
    assert live


def test_an_event_loop_whose_heartbeat_stopped_is_stuck() -> None:
    clock = FakeClock()
    heartbeat = LoopHeartbeat(interval=1.0, clock=clock)
    heartbeat.beat()
    clock.now += web.LOOP_STALL_S + 2
    body, live = health(heartbeat, a_pool(clock))
    assert not live
    assert body["event_loop"] == "stuck"
    assert body["extraction_pool"] == "ok"


def test_a_pool_with_work_and_no_progress_past_its_limit_is_stuck() -> None:
    clock = FakeClock()
    pool = a_pool(clock, timeout=120.0)
    heartbeat = LoopHeartbeat(interval=1e9, clock=clock)  # the loop itself is fine
    with pool.progress.busy():
        clock.now += pool.stall_limit - 1
        assert health(heartbeat, pool)[1]
        clock.now += 2
        body, live = health(heartbeat, pool)
    assert not live
    assert body["extraction_pool"] == "stuck"
    assert body["extraction_pending"] == 1
    assert health(heartbeat, pool)[1]  # the work finished: alive again


def test_the_pool_may_take_longer_than_its_extraction_time_limit_to_be_stuck() -> None:
    pool = ExtractionPool("rules", size=1, retries=1, timeout=120.0)
    assert pool.stall_limit > pool.timeout


def slow_chunk(name: str, raws: Sequence[RawArticle]) -> list[Enriched]:
    time.sleep(1.5)
    return enrich_chunk(name, raws)


async def test_a_chunk_in_a_real_pool_is_pending_until_it_ends() -> None:
    pool = ExtractionPool("rules", size=1, retries=1, work=slow_chunk)
    try:
        await pool.start()
        running = asyncio.create_task(pool.enrich([RawArticle(id="a1", body="Ana met Rui.")]))
        await asyncio.sleep(0.5)
        assert pool.progress.pending == 1
        assert not pool.stuck
        await running
    finally:
        pool.close()
    assert pool.progress.pending == 0


# -- readiness -------------------------------------------------------------------------------

JOINED = GroupState(joined=True, coordinator=True, assigned=3)


@pytest.mark.parametrize(
    ("group", "pool_ready", "ready"),
    [
        (JOINED, True, True),
        # a standby: more replicas than partitions, none assigned to this one
        (GroupState(joined=True, coordinator=True, assigned=0), True, True),
        (NOT_STARTED, True, False),
        (GroupState(joined=False, coordinator=True, assigned=0), True, False),
        # the broker stopped answering the group's heartbeats
        (GroupState(joined=True, coordinator=False, assigned=3), True, False),
        # models still loading
        (JOINED, False, False),
    ],
)
def test_ready_means_joined_with_a_broker_that_answers(
    group: GroupState, pool_ready: bool, ready: bool
) -> None:
    body, answer = readiness(group, a_pool(FakeClock(), ready=pool_ready))
    assert answer is ready
    assert body["status"] == ("ready" if ready else "starting")
    assert body["assigned_partitions"] == group.assigned


def fake_app(
    *, member_id: str = "m-1", generation: int = 4, coordinator_id: int | None = 1, tps: Any = ()
) -> Any:
    assignment = None if tps is None else SimpleNamespace(tps=set(tps))
    consumer = SimpleNamespace(
        _coordinator=SimpleNamespace(
            member_id=member_id, generation=generation, coordinator_id=coordinator_id
        ),
        _subscription=SimpleNamespace(subscription=SimpleNamespace(assignment=assignment)),
    )
    return SimpleNamespace(
        consumer=SimpleNamespace(_thread=SimpleNamespace(_ensure_consumer=lambda: consumer))
    )


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        (fake_app(tps=["raw-0", "raw-1"]), GroupState(joined=True, coordinator=True, assigned=2)),
        (fake_app(tps=[]), GroupState(joined=True, coordinator=True, assigned=0)),
        # joined, but the group's sync has not given an assignment yet
        (fake_app(tps=None), GroupState(joined=False, coordinator=True, assigned=0)),
        (
            fake_app(member_id="", generation=-1),
            GroupState(joined=False, coordinator=True, assigned=0),
        ),
        (fake_app(coordinator_id=None), GroupState(joined=True, coordinator=False, assigned=0)),
    ],
)
def test_group_state_reads_the_kafka_consumer(app: Any, expected: GroupState) -> None:
    assert group_state(app) == expected


def test_group_state_before_the_consumer_starts() -> None:
    def not_started() -> None:
        raise ConsumerNotStarted("Consumer thread not yet started")

    app = SimpleNamespace(
        consumer=SimpleNamespace(_thread=SimpleNamespace(_ensure_consumer=not_started))
    )
    assert group_state(app) == NOT_STARTED  # type: ignore[arg-type]
