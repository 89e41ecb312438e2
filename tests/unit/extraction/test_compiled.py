"""A compiled claim module older than its source is refused (extraction/compiled.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factwire.extraction.compiled import StaleCompiledModuleError, check_compiled_claims


def _write(path: Path, mtime: int) -> None:
    path.write_bytes(b"")
    os.utime(path, (mtime, mtime))


@pytest.mark.parametrize(
    ("source_time", "library_time", "stale"),
    [
        (100, 200, False),  # compiled after the last change
        (300, 200, True),  # the source changed since
    ],
)
def test_a_compiled_module_older_than_its_source_is_refused(
    tmp_path: Path, source_time: int, library_time: int, *, stale: bool
) -> None:
    _write(tmp_path / "reported.py", source_time)
    _write(tmp_path / "reported.cpython-311-x86_64-linux-gnu.so", library_time)
    if stale:
        with pytest.raises(StaleCompiledModuleError, match=r"make compiled"):
            check_compiled_claims(tmp_path)
    else:
        check_compiled_claims(tmp_path)


def test_plain_python_and_libraries_without_a_source_pass(tmp_path: Path) -> None:
    _write(tmp_path / "reported.py", 300)  # never compiled
    _write(tmp_path / "abc123__mypyc.cpython-311-x86_64-linux-gnu.so", 100)  # no source of its own
    check_compiled_claims(tmp_path)
