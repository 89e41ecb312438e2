from __future__ import annotations

from pathlib import Path

import pytest

from factwire.localkafka import KAFKA_VERSION, KafkaJarsNotFoundError, find_kafka_libs
from factwire.localkafka.jars import find_repository_root, pinned_version

REPO = Path(__file__).resolve().parents[3]


def test_package_version_is_the_one_the_pom_pins() -> None:
    assert pinned_version(REPO) == KAFKA_VERSION
    assert KAFKA_VERSION.startswith("4.")


def test_repository_root_is_found_from_a_subfolder() -> None:
    assert find_repository_root([REPO / "services" / "factwire"]) == REPO
    assert find_repository_root([Path("/")]) is None


def test_libs_from_the_environment_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / f"kafka_2.13-{KAFKA_VERSION}.jar").write_bytes(b"")
    monkeypatch.setenv("FACTWIRE_KAFKA_LIBS", str(tmp_path))

    assert find_kafka_libs() == tmp_path


def test_libs_from_the_environment_must_hold_the_pinned_kafka(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kafka_2.13-3.9.0.jar").write_bytes(b"")
    monkeypatch.setenv("FACTWIRE_KAFKA_LIBS", str(tmp_path))

    with pytest.raises(KafkaJarsNotFoundError, match=f"kafka_2.13-{KAFKA_VERSION}.jar"):
        find_kafka_libs()


def test_outside_a_checkout_the_error_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTWIRE_KAFKA_LIBS", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("factwire.localkafka.jars.find_repository_root", lambda: None)

    with pytest.raises(KafkaJarsNotFoundError, match="make kafka-jars") as error:
        find_kafka_libs()
    assert "FACTWIRE_KAFKA_LIBS" in str(error.value)


def test_an_unpinned_version_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTWIRE_KAFKA_LIBS", raising=False)
    monkeypatch.setattr(
        "factwire.localkafka.jars._resolve_with_make",
        lambda root: pytest.fail("must not run make for another version"),
    )

    with pytest.raises(KafkaJarsNotFoundError, match=r"3\.0\.0"):
        find_kafka_libs("3.0.0")
