"""Recording an entity mention in the Chinese pipeline's state."""

from __future__ import annotations

from argmap.extractors.model import Entity, EntityKind, Mention
from argmap.extractors.state import DocState


def add_mention(state: DocState, kind: EntityKind, key: str, labels: dict[str, str], aliases: tuple[str, ...],
                 start: int, end: int, *, brand: str | None = None) -> Entity:
    ref = f"{kind.path}/{key}"
    entity = state.entities.get(ref)
    if entity is None:
        label = labels.get("zh") or labels.get("en") or key
        entity = Entity(key=key, kind=kind, label=label, labels=dict(labels), aliases=aliases, brand=brand)
        state.entities[ref] = entity
    entity.mentions.append(Mention(start, end, state.content[start:end]))
    return entity
