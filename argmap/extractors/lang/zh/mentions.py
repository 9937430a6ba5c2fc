"""What the Chinese entity finder has found in one article so far: the sources after the lexicon ask it what
is named where (a brand right before a model code, the names to look for again)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from argmap.extractors.model import EntityKind
from argmap.extractors.state import EntityHit


class Found:
    """The hits found so far, in the order found, and by ref the hits of each entity: its first hit names it,
    and every later hit of it carries the same names (the entities component records the first one's)."""

    def __init__(self) -> None:
        self.hits: list[EntityHit] = []
        self.by_ref: dict[str, list[EntityHit]] = {}  # in the order the entities were found

    def add(self, kind: EntityKind, key: str, labels: dict[str, str], aliases: tuple[str, ...], start: int,
            end: int, *, brand: str | None = None) -> EntityHit:
        """A mention of the entity ``kind/key``; a new entity is named by ``labels`` (Chinese first)."""
        ref = f"{kind.path}/{key}"
        same = self.by_ref.get(ref)
        if same is None:
            label = labels.get("zh") or labels.get("en") or key
            hit = EntityHit(kind, key, start, end, label, labels, aliases, brand)
            self.by_ref[ref] = [hit]
        else:
            first = same[0]  # made directly: dataclasses.replace costs several times more, once per mention
            hit = EntityHit(kind, key, start, end, first.label, first.labels, first.aliases, first.brand)
            same.append(hit)
        self.hits.append(hit)
        return hit

    def entities(self) -> Iterator[list[EntityHit]]:
        """The hits of each entity found so far, entity by entity in the order found."""
        return iter(list(self.by_ref.values()))

    def rename(self, ref: str, first: EntityHit) -> None:
        """Every hit of ``ref`` as a hit of the entity ``first`` names (an organisation that is a brand): that
        entity is found now, after every other one found so far, and keeps the mentions in their order."""
        moved = [replace(first, start=h.start, end=h.end) for h in self.by_ref.pop(ref)]
        self.hits = [h for h in self.hits if h.ref != ref] + moved
        self.by_ref[first.ref] = moved

    def merge(self, ref: str, into: str, *, alias: str) -> None:
        """Every hit of ``ref`` as a mention of the entity ``into`` (found before or after it), which gains
        ``alias`` as another name; the hits keep their places."""
        first = self.by_ref[into][0]
        aliases = tuple(dict.fromkeys((*first.aliases, alias)))
        moved = {id(h): replace(first, start=h.start, end=h.end, aliases=aliases) for h in self.by_ref.pop(ref)}
        self.hits = [moved.get(id(h), h) for h in self.hits]
        self.by_ref[into] = sorted((*self.by_ref[into], *moved.values()), key=lambda h: h.start)
        self.by_ref[into].remove(first)
        self.by_ref[into].insert(0, first)  # the first hit still names the entity

    def brand_ending_at(self, *ends: int) -> EntityHit | None:
        """The first hit of the first brand found with a mention that ends at one of ``ends``."""
        for hits in self.by_ref.values():
            if hits[0].kind is EntityKind.BRAND:
                for hit in hits:  # a plain loop: this runs over every brand mention for each candidate word
                    if hit.end in ends:
                        return hits[0]
        return None

    def product_ending_at(self, *ends: int) -> EntityHit | None:
        """The mention of a product that ends at one of ``ends`` (the last found): its start is where the text
        begins to name a model of it (iPhone 15)."""
        for hit in reversed(self.hits):
            if hit.kind is EntityKind.PRODUCT and hit.end in ends:
                return hit
        return None
