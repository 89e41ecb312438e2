"""The CPU count the extraction pool sizes itself by, read from fake cgroup trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from factwire.enricher import cpus
from factwire.enricher.cpus import cgroup_cpu_quota, usable_cpus
from factwire.enricher.pool import pool_size

V2_SELF = "0::/kubepods/pod1/ctr\n"
V1_SELF = "4:memory:/kubepods/pod1/ctr\n3:cpu,cpuacct:/kubepods/pod1/ctr\n1:name=systemd:/\n"
HYBRID_SELF = "2:cpuacct:/\n1:cpu:/\n0::/\n"
NAMESPACED_V2_SELF = "0::/\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n")


@pytest.mark.parametrize(
    ("self_cgroup", "files", "expected"),
    [
        # cgroup v2: the container's own cpu.max
        (V2_SELF, {"kubepods/pod1/ctr/cpu.max": "200000 100000"}, 2.0),
        (V2_SELF, {"kubepods/pod1/ctr/cpu.max": "150000 100000"}, 1.5),
        # no quota anywhere
        (V2_SELF, {"kubepods/pod1/ctr/cpu.max": "max 100000"}, None),
        (V2_SELF, {}, None),
        # a parent's quota is smaller than the container's: it wins
        (
            V2_SELF,
            {"kubepods/pod1/ctr/cpu.max": "400000 100000", "kubepods/pod1/cpu.max": "50000 100000"},
            0.5,
        ),
        # inside a cgroup namespace the mount is the container's own cgroup
        (NAMESPACED_V2_SELF, {"cpu.max": "300000 100000"}, 3.0),
        # cgroup v1, cpu and cpuacct mounted together
        (
            V1_SELF,
            {
                "cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_quota_us": "250000",
                "cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_period_us": "100000",
            },
            2.5,
        ),
        # cgroup v1, -1 is "no quota"
        (
            V1_SELF,
            {
                "cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_quota_us": "-1",
                "cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_period_us": "100000",
            },
            None,
        ),
        # hybrid v1/v2 host: cpu alone under v1, nothing in the unified tree
        (
            HYBRID_SELF,
            {
                "cpu/cpu.cfs_quota_us": "100000",
                "cpu/cpu.cfs_period_us": "100000",
                "unified/cgroup.controllers": "",
            },
            1.0,
        ),
        # garbage in a file is no quota, not a crash
        (V2_SELF, {"kubepods/pod1/ctr/cpu.max": "lots 100000"}, None),
    ],
)
def test_cgroup_cpu_quota(
    tmp_path: Path, self_cgroup: str, files: dict[str, str], expected: float | None
) -> None:
    _write(tmp_path, files)
    assert cgroup_cpu_quota(tmp_path, self_cgroup) == expected


@pytest.mark.parametrize(
    ("affinity", "cpu_max", "expected"),
    [
        (16, "200000 100000", 2),  # a 2-CPU pod on a 16-core node
        (16, "150000 100000", 2),  # a fractional quota is rounded up
        (16, "10000 100000", 1),  # never fewer than one
        (2, "800000 100000", 2),  # affinity is smaller than the quota
        (4, "max 100000", 4),  # no quota: every CPU of the affinity
    ],
)
def test_usable_cpus_is_the_affinity_within_the_quota(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, affinity: int, cpu_max: str, expected: int
) -> None:
    _write(tmp_path, {"cgroup/cpu.max": cpu_max, "self": NAMESPACED_V2_SELF.strip()})
    monkeypatch.setattr(cpus, "affinity_cpus", lambda: affinity)
    assert usable_cpus(tmp_path / "cgroup", tmp_path / "self") == expected


def test_usable_cpus_without_cgroups_is_the_affinity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cpus, "affinity_cpus", lambda: 3)
    assert usable_cpus(tmp_path / "no-cgroup", tmp_path / "no-self") == 3


def test_pool_size_zero_means_the_usable_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factwire.enricher.pool.usable_cpus", lambda: 5)
    assert pool_size(0) == 5
    assert pool_size(3) == 3
