"""The wheel a user installs: built from the repository, installed with its declared
dependencies into a new virtualenv, its ``factwire`` script answers ``--version``."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from factwire import __version__

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
#: Dependency wheels kept between runs, so that only the first run downloads them.
WHEELHOUSE = ROOT / ".cache" / "wheel-test"


def pip(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = pip(Path(sys.executable), "wheel", "--no-deps", "-w", str(out), str(ROOT))
    assert built.returncode == 0, built.stderr
    [path] = out.glob("factwire-*.whl")
    return path


def test_the_wheel_holds_the_license_the_data_and_no_tests(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.name.startswith(f"factwire-{__version__}-")
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "factwire/py.typed" in names
    assert any(n.startswith("factwire/samples/") for n in names)
    package = ROOT / "services"
    data = [
        f.relative_to(package).as_posix()
        for f in (package / "factwire").rglob("*")
        if f.is_file() and f.suffix in {".txt", ".tsv", ".json", ".css", ".js", ".html"}
    ]
    assert any(n.startswith("factwire/extraction/language/data/") for n in data)
    assert sorted(set(data) - set(names)) == []  # every data file of the package is shipped
    assert not any(n.startswith("tests/") for n in names)


def test_the_wheel_installs_in_a_clean_venv_and_reports_its_version(
    wheel: Path, tmp_path: Path
) -> None:
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    install = ("install", "-c", str(CONSTRAINTS), str(wheel))
    done = pip(python, *install, "--no-index", "--find-links", str(WHEELHOUSE))
    if done.returncode != 0:  # first run, or a dependency changed: fetch what is missing
        fetched = pip(python, "download", "-c", str(CONSTRAINTS), "-d", str(WHEELHOUSE), str(wheel))
        assert fetched.returncode == 0, fetched.stderr
        done = pip(python, *install, "--no-index", "--find-links", str(WHEELHOUSE))
    assert done.returncode == 0, done.stderr
    version = subprocess.run(
        [str(tmp_path / "venv" / "bin" / "factwire"), "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"factwire, version {__version__}"
    checked = pip(python, "check")
    assert checked.returncode == 0, checked.stdout
