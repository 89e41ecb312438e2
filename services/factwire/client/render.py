"""An enriched article as a person reads it: entities grouped by type, claims with speakers."""

from __future__ import annotations

import textwrap

from factwire.models import ENTITY_TYPES, Claim, EnrichedArticle, Entity

WIDTH = 100
MAX_ENTITIES_PER_TYPE = 12


def render(article: EnrichedArticle, *, width: int = WIDTH) -> str:
    """A multi-line, plain-text view of ``article``."""
    lines = [_heading(article, width)]
    lines.append("Entities")
    if not article.entities:
        lines.append("  (none found)")
    for type_name, entities in _by_type(article.entities):
        names = [_entity_label(e) for e in entities[:MAX_ENTITIES_PER_TYPE]]
        if len(entities) > MAX_ENTITIES_PER_TYPE:
            names.append(f"... {len(entities) - MAX_ENTITIES_PER_TYPE} more")
        lines.extend(_wrap(f"{type_name:<12}", " · ".join(names), width))
    lines.append("Claims")
    if not article.claims:
        lines.append("  (none found)")
    for claim in article.claims:
        lines.extend(_wrap(f"{claim.kind:<12}", _claim_label(claim), width))
    return "\n".join(lines)


def _heading(article: EnrichedArticle, width: int) -> str:
    title = article.title or "(untitled)"
    details = [d for d in (article.source, _date(article)) if d]
    suffix = f"  ({', '.join(details)})" if details else ""
    text = f"── {article.article_id} · {title}{suffix} "
    return text + "─" * max(width - len(text), 3)


def _date(article: EnrichedArticle) -> str | None:
    return article.published_at.date().isoformat() if article.published_at else None


def _by_type(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    """Entities grouped by type in the contract's order, most salient first."""
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        groups.setdefault(entity.type, []).append(entity)
    return [
        (name, sorted(groups[name], key=lambda e: -e.salience))
        for name in ENTITY_TYPES
        if name in groups
    ]


def _entity_label(entity: Entity) -> str:
    if entity.aliases:
        return f"{entity.name} (also {', '.join(entity.aliases[:3])})"
    return entity.name


def _claim_label(claim: Claim) -> str:
    content = " ".join(claim.content.split())
    if claim.kind == "quote":
        content = f"“{content}”"
    speaker = claim.speaker.name if claim.speaker else None
    cue = f" [{claim.cue}]" if claim.cue else ""
    hedge = " (hedged)" if claim.hedged else ""
    check = f" check-worthiness {claim.checkworthiness:.2f}"
    head = f"{speaker}{cue}: " if speaker else ""
    return f"{head}{content}{hedge} —{check}"


def _wrap(label: str, text: str, width: int) -> list[str]:
    indent = " " * (len(label) + 2)
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=f"  {label}",
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [f"  {label}"]
