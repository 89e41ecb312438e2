"""Print factwire's runtime requirements from pyproject.toml, one a line (standard library only).

The image installs them before it copies the source, so that a change to the code does not
reinstall every dependency; `make wheelhouse` downloads the same list for offline builds.

    python3 deploy/python/requirements.py [pyproject.toml]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml")
    project = tomllib.loads(path.read_text())["project"]
    print("\n".join(project["dependencies"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
