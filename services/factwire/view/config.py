"""The view's own settings: where its page listens and what its tables count.

Kafka connection and topic names come from the shared ``factwire.settings.Settings``; these are
the few that only the view has, read from ``FACTWIRE_VIEW_*`` variables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

VIEW_PREFIX = "FACTWIRE_VIEW_"
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_WINDOW = re.compile(r"^([1-9][0-9]*)([smhd])$")


class ViewSettingsError(ValueError):
    """A FACTWIRE_VIEW_ variable or a `factwire view` option has a value that can't be used."""


@dataclass(frozen=True)
class Window:
    """A tumbling window of the trending tables, by its label (``1h``) and size in seconds."""

    label: str
    seconds: int

    @classmethod
    def parse(cls, label: str) -> Window:
        """``"90m"`` -> ``Window("90m", 5400)``; units s, m, h, d."""
        match = _WINDOW.match(label.strip())
        if match is None:
            raise ViewSettingsError(
                f"window {label!r}: expected a whole number and a unit s, m, h or d (e.g. 1h)"
            )
        return cls(match.group(0), int(match.group(1)) * _UNIT_SECONDS[match.group(2)])

    @property
    def expires(self) -> int:
        """Faust's ``expires``: a window is dropped once the window holding "now minus
        this" has begun after it, so the current window and about two before it stay."""
        return 2 * self.seconds


def parse_windows(text: str) -> tuple[Window, ...]:
    """``"1h,24h"`` -> the windows in that order; labels must be distinct."""
    windows = tuple(Window.parse(part) for part in text.split(",") if part.strip())
    if not windows:
        raise ViewSettingsError("at least one trending window is needed (e.g. 1h,24h)")
    labels = [w.label for w in windows]
    if len(set(labels)) != len(labels):
        raise ViewSettingsError(f"trending windows repeat a label: {text!r}")
    return windows


@dataclass(frozen=True)
class ViewSettings:
    host: str = "127.0.0.1"
    port: int = 8088
    group_id: str = "factwire-view"
    windows: tuple[Window, ...] = field(default_factory=lambda: parse_windows("1h,24h"))
    history: int = 200  # latest articles kept for the page and /api/articles
    checkworthy: float = 0.5  # a claim at or above this check-worthiness counts as check-worthy

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ViewSettingsError(f"{VIEW_PREFIX}PORT={self.port}: expected 0-65535")
        if self.history < 1:
            raise ViewSettingsError(f"{VIEW_PREFIX}HISTORY={self.history}: expected at least 1")
        if not 0.0 <= self.checkworthy <= 1.0:
            raise ViewSettingsError(
                f"{VIEW_PREFIX}CHECKWORTHY={self.checkworthy}: expected a number in [0, 1]"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ViewSettings:
        """Settings from ``FACTWIRE_VIEW_*``; ``overrides`` that are not None win (options)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        converters: dict[str, Any] = {
            "host": str,
            "port": int,
            "group_id": str,
            "windows": parse_windows,
            "history": int,
            "checkworthy": float,
        }
        for name, convert in converters.items():
            raw = env.get(VIEW_PREFIX + name.upper())
            if raw:
                try:
                    values[name] = convert(raw)
                except ValueError as exc:
                    raise ViewSettingsError(f"{VIEW_PREFIX}{name.upper()}={raw!r}: {exc}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_overrides(self, **overrides: Any) -> ViewSettings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def window(self, label: str) -> Window:
        """The configured window with this label."""
        for window in self.windows:
            if window.label == label:
                return window
        known = ", ".join(w.label for w in self.windows)
        raise ViewSettingsError(f"unknown window {label!r}; this view keeps {known}")
