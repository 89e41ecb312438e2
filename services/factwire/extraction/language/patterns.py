"""Phrase patterns shared by several rules."""

from __future__ import annotations

import re

ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")
"""The cue of "according to X", in the middle or at the start of a sentence."""
