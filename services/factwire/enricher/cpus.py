"""How many CPUs this process may use: its CPU affinity, capped by its cgroup's CPU quota.

A container limited to 2 CPUs on a 16-core node sees 16 cores in ``os.cpu_count()``; one
extraction process per core would then run 16 processes (and their memory) on 2 CPUs' worth of
time. The quota is read the way the kernel exposes it: cgroup v2 ``cpu.max`` ("200000 100000"
is 2 CPUs, "max 100000" none), cgroup v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` (-1 is
none), in the process's own cgroup and each of its ancestors (the smallest quota wins). A
fractional quota is rounded up: 1.5 CPUs run two processes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

CGROUP_ROOT = Path("/sys/fs/cgroup")
SELF_CGROUP = Path("/proc/self/cgroup")
# Where cgroup v1 mounts the cpu controller (alone, or together with cpuacct).
V1_CPU_MOUNTS = ("cpu", "cpu,cpuacct", "cpuacct,cpu")


def usable_cpus(root: Path = CGROUP_ROOT, self_cgroup: Path = SELF_CGROUP) -> int:
    """The CPUs this process may use: at least 1, at most its affinity, within its quota."""
    cpus = affinity_cpus()
    quota = cgroup_cpu_quota(root, _read(self_cgroup) or "")
    if quota is not None:
        cpus = min(cpus, math.ceil(quota))
    return max(cpus, 1)


def affinity_cpus() -> int:
    """CPUs the scheduler may run this process on (all of them where affinity is unknown)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


def cgroup_cpu_quota(root: Path, self_cgroup: str) -> float | None:
    """The smallest CPU quota (in CPUs) on the process's cgroup path, or None without one.

    ``self_cgroup`` is the text of ``/proc/self/cgroup``; ``root`` where cgroups are mounted.
    """
    quotas = [
        quota
        for directory in _cpu_cgroup_dirs(root, self_cgroup)
        if (quota := _v2_quota(directory)) is not None
        or (quota := _v1_quota(directory)) is not None
    ]
    return min(quotas, default=None)


def _cpu_cgroup_dirs(root: Path, self_cgroup: str) -> Iterator[Path]:
    """The directories of the process's cpu cgroup and its ancestors, v2 and v1 alike."""
    for line in self_cgroup.splitlines():
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if hierarchy == "0" and controllers == "":
            mounts = [root, root / "unified"]
        elif "cpu" in controllers.split(","):
            mounts = [root / name for name in V1_CPU_MOUNTS]
        else:
            continue
        for mount in mounts:
            if mount.is_dir():
                yield from _with_ancestors(mount, path)


def _with_ancestors(mount: Path, path: str) -> Iterator[Path]:
    """``mount/path`` and each parent up to ``mount``. Inside a container's cgroup namespace the
    path is "/" and the mount itself is the container's cgroup."""
    relative = PurePosixPath("/", path.strip()).relative_to("/")
    while True:
        yield mount / relative
        if relative == PurePosixPath("."):
            return
        relative = relative.parent


def _v2_quota(directory: Path) -> float | None:
    fields = (_read(directory / "cpu.max") or "").split()
    if len(fields) != 2 or fields[0] == "max":
        return None
    return _ratio(fields[0], fields[1])


def _v1_quota(directory: Path) -> float | None:
    quota = _read(directory / "cpu.cfs_quota_us")
    period = _read(directory / "cpu.cfs_period_us")
    if quota is None or period is None:
        return None
    return _ratio(quota, period)


def _ratio(quota: str, period: str) -> float | None:
    try:
        quota_us, period_us = int(quota), int(period)
    except ValueError:
        return None
    if quota_us <= 0 or period_us <= 0:  # -1: no quota
        return None
    return quota_us / period_us


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None
