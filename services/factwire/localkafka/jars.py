"""Where the Apache Kafka jars live: a cache filled from Maven Central by ``make kafka-jars``.

The pinned version is declared in ``deploy/kafka/pom.xml``; :data:`KAFKA_VERSION` repeats it for
installed copies of the package (a unit test keeps the two equal).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from factwire.localkafka.errors import KafkaJarsNotFoundError

KAFKA_VERSION = "4.1.1"
LIBS_ENV = "FACTWIRE_KAFKA_LIBS"
POM = Path("deploy", "kafka", "pom.xml")
COMPLETE_MARKER = ".complete"
_PINNED = re.compile(r"<kafka\.version>\s*([^<\s]+)\s*</kafka\.version>")


def find_repository_root(starts: Iterable[Path] | None = None) -> Path | None:
    """The factwire checkout around the working directory or this package, if there is one."""
    if starts is None:
        starts = (Path.cwd(), Path(__file__).resolve().parent)
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / POM).is_file():
                return folder
    return None


def cached_libs(root: Path, version: str = KAFKA_VERSION) -> Path:
    """The jar cache of ``version`` inside a checkout (it may not exist yet)."""
    return root / ".cache" / "kafka" / version / "libs"


def has_kafka_jars(folder: Path, version: str) -> bool:
    return (folder / f"kafka_2.13-{version}.jar").is_file()


def find_kafka_libs(version: str = KAFKA_VERSION, *, resolve: bool = True) -> Path:
    """The folder of jars to run Apache Kafka ``version`` from.

    Looks at ``$FACTWIRE_KAFKA_LIBS`` first (e.g. the ``libs/`` folder of an Apache Kafka binary
    distribution), then at the cache of the enclosing checkout. When the cache is missing and
    ``resolve`` is true, fills it with ``make kafka-jars`` (Maven). Raises
    :class:`KafkaJarsNotFoundError` with what to do when none of this works.
    """
    override = os.environ.get(LIBS_ENV)
    if override:
        folder = Path(override).expanduser()
        if not has_kafka_jars(folder, version):
            raise KafkaJarsNotFoundError(
                f"{LIBS_ENV}={override} holds no kafka_2.13-{version}.jar; point it at the libs/ "
                f"folder of Apache Kafka {version} or unset it"
            )
        return folder

    root = find_repository_root()
    if root is not None:
        libs = cached_libs(root, version)
        if (libs / COMPLETE_MARKER).is_file():
            return libs
        if resolve and version == pinned_version(root):
            _resolve_with_make(root)
            if (libs / COMPLETE_MARKER).is_file():
                return libs
    raise KafkaJarsNotFoundError(
        f"the jars of Apache Kafka {version} are not here. In a factwire checkout run "
        f"`make kafka-jars` (needs Maven and Java 17+); elsewhere set {LIBS_ENV} to the libs/ "
        f"folder of an Apache Kafka {version} binary distribution"
    )


def pinned_version(root: Path) -> str | None:
    """The ``kafka.version`` property of the checkout's pom.xml."""
    match = _PINNED.search((root / POM).read_text(encoding="utf-8"))
    return match.group(1) if match else None


def _resolve_with_make(root: Path) -> None:
    missing = [tool for tool in ("make", "mvn", "java") if shutil.which(tool) is None]
    if missing:
        raise KafkaJarsNotFoundError(
            f"the Kafka jar cache is empty and {', '.join(missing)} is not installed: install "
            "make, Maven and Java 17+, then run `make kafka-jars`"
        )
    result = subprocess.run(["make", "-C", str(root), "kafka-jars"], check=False)
    if result.returncode != 0:
        raise KafkaJarsNotFoundError(
            "`make kafka-jars` failed (see its output above); Maven Central must be reachable"
        )
