"""Memory and CPU time of a process and its descendants, read from Linux's /proc."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class TreeSample:
    """One reading of a process tree: ``rss_kb`` sums resident memory (shared pages counted in
    each process), ``pss_kb`` shares them out; CPU seconds are split into the root process and
    its live descendants (a worker's event loop and its extraction pool)."""

    pids: tuple[int, ...]
    rss_kb: int
    pss_kb: int
    root_cpu_s: float
    children_cpu_s: float

    def as_dict(self) -> dict[str, object]:
        return {
            "processes": len(self.pids),
            "rss_mb": round(self.rss_kb / 1024, 1),
            "pss_mb": round(self.pss_kb / 1024, 1),
            "root_cpu_s": round(self.root_cpu_s, 2),
            "children_cpu_s": round(self.children_cpu_s, 2),
        }


def descendants(root: int) -> list[int]:
    """``root`` and every live process below it."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        stat = _read(entry / "stat")
        if stat is None:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found = [root]
    for pid in found:
        found.extend(children.get(pid, []))
    return found


def find_process(marker: str) -> int | None:
    """The pid of a process whose command line contains ``marker`` (e.g. its data directory)."""
    for entry in PROC.iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if marker in cmdline:
                return int(entry.name)
    return None


def sample_tree(root: int) -> TreeSample:
    pids = [pid for pid in descendants(root) if _read(PROC / str(pid) / "stat") is not None]
    rss = sum(_status_kb(pid, "VmRSS") for pid in pids)
    pss = sum(_rollup_kb(pid, "Pss") for pid in pids)
    root_cpu = cpu_seconds(root)
    children_cpu = sum(cpu_seconds(pid) for pid in pids if pid != root)
    return TreeSample(tuple(pids), rss, pss, root_cpu, children_cpu)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (0 when it is gone)."""
    stat = _read(PROC / str(pid) / "stat")
    if stat is None:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _status_kb(pid: int, key: str) -> int:
    return _field_kb(_read(PROC / str(pid) / "status"), key)


def _rollup_kb(pid: int, key: str) -> int:
    return _field_kb(_read(PROC / str(pid) / "smaps_rollup"), key)


def _field_kb(text: str | None, key: str) -> int:
    for line in (text or "").splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
