"""Compiled claim rules: `make compiled` builds the modules of `extraction/claims/` with mypyc
(from the pinned mypy, needs a C compiler) into extension modules next to their sources. They
give the same claims as the plain Python, for about two thirds of the CPU (bench/README.md);
without them the plain Python runs. Python imports an extension module before the source of the
same name, so a compiled module older than its source would run the old rules: importing
`factwire.extraction` refuses that (`check_compiled_claims`) and says how to rebuild."""

from __future__ import annotations

from pathlib import Path

CLAIMS = Path(__file__).parent / "claims"
_EXTENSIONS = ("*.so", "*.pyd")


class StaleCompiledModuleError(ImportError):
    """A compiled claim module is older than its source."""


def check_compiled_claims(directory: Path = CLAIMS) -> None:
    """Raise `StaleCompiledModuleError` when a compiled module in ``directory`` was built
    before its source was last changed."""
    for pattern in _EXTENSIONS:
        for library in directory.glob(pattern):
            source = directory / (library.name.split(".", 1)[0] + ".py")
            if source.exists() and source.stat().st_mtime > library.stat().st_mtime:
                raise StaleCompiledModuleError(
                    f"{library} was compiled before {source.name} last changed: run "
                    "`make compiled` to build it again, or `make clean-compiled` to run the "
                    "plain Python"
                )


check_compiled_claims()
