"""Entities for claim tests: a fixed list of names, each with a mention at every whole-word
occurrence of its name or one of its aliases, as the entity stage would give them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from factwire.models import Entity, EntityType, Mention

Known = Iterable[tuple[str, EntityType, list[str]]]
"""(name, type, aliases) of each entity an example may name."""


def entities_named(body: str, known: Known) -> list[Entity]:
    """The `known` entities the body names; an entity's id is its last alias (else the last word
    of its name), lower-cased."""
    found = []
    for name, label, aliases in known:
        forms = sorted([name, *aliases], key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
        mentions = [
            Mention(field="body", start=m.start(), end=m.end(), text=m.group())
            for m in pattern.finditer(body)
        ]
        if mentions:
            key = (aliases or name.split())[-1].lower()
            found.append(
                Entity(
                    id=key, name=name, type=label, aliases=aliases, mentions=mentions, salience=0.5
                )
            )
    return found
