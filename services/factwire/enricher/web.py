"""What the worker's web pages say: liveness and readiness (metrics: ``metrics.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import faust
from faust.exceptions import ConsumerNotStarted

from factwire.enricher.pool import ExtractionPool
from factwire.enricher.watchdog import LoopHeartbeat

# Longest the event loop may go without running its heartbeat before the worker counts as stuck.
LOOP_STALL_S = 30.0


def health(heartbeat: LoopHeartbeat, pool: ExtractionPool) -> tuple[dict[str, Any], bool]:
    """Liveness: fails only when the event loop or the extraction pool is stuck.

    Not when Kafka is away, the group rebalances or the pool is still loading its model: a
    restart would not cure those. A loop blocked for good answers nothing, and the probe's
    timeout fails it.
    """
    silent = heartbeat.silent_for()
    loop_ok = silent <= LOOP_STALL_S
    pool_ok = not pool.stuck
    body = {
        "status": "ok" if loop_ok and pool_ok else "stuck",
        "event_loop": "ok" if loop_ok else "stuck",
        "event_loop_silent_s": round(silent, 3),
        "extraction_pool": "ok" if pool_ok else "stuck",
        "extraction_pending": pool.progress.pending,
        "extraction_stalled_s": round(pool.progress.stalled_for(), 3),
    }
    return body, loop_ok and pool_ok


@dataclass(frozen=True, slots=True)
class GroupState:
    """The worker's place in its consumer group, as its Kafka consumer sees it."""

    joined: bool  # a member of the group: it has a member id and a generation
    coordinator: bool  # the group's coordinator broker is known, i.e. answers (heartbeats)
    assigned: int  # partitions assigned to this worker (0 for a standby)


NOT_STARTED = GroupState(joined=False, coordinator=False, assigned=0)


def group_state(app: faust.App) -> GroupState:
    """Read from the aiokafka consumer under Faust's consumer thread (no request is sent)."""
    try:
        consumer = cast(Any, app.consumer)._thread._ensure_consumer()
        coordinator = consumer._coordinator
        subscription = consumer._subscription.subscription
    except (ConsumerNotStarted, AttributeError):  # before the consumer (and its group) runs
        return NOT_STARTED
    if coordinator is None or subscription is None:
        return NOT_STARTED
    # An assignment (empty for a standby) comes when the group's join and sync succeeded;
    # aiokafka marks "no member yet" with "" and "no generation" with -1.
    assignment = subscription.assignment
    return GroupState(
        joined=assignment is not None
        and bool(coordinator.member_id)
        and coordinator.generation >= 0,
        coordinator=coordinator.coordinator_id is not None,
        assigned=0 if assignment is None else len(assignment.tps),
    )


def readiness(group: GroupState, pool: ExtractionPool) -> tuple[dict[str, Any], bool]:
    """Ready when the worker has joined its group, the broker answers and the models are loaded.

    Partitions are not required: a standby replica (more replicas than partitions) is ready,
    so it never blocks a rollout or a node drain.
    """
    ready = pool.ready and group.joined and group.coordinator
    body = {
        "status": "ready" if ready else "starting",
        "extraction_pool": "ready" if pool.ready else "loading",
        "consumer_group": "joined" if group.joined else "joining",
        "broker": "answers" if group.coordinator else "unreachable",
        "assigned_partitions": group.assigned,
    }
    return body, ready
