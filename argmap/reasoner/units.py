"""Who pursues which premiumization: one verdict per brand or organisation.

Only brands and organisations pursue strategies. A product's premiumization rolls up to its brand
(``am:hasBrand``): its evidence counts for the brand's own premiumization, or, when the brand has
none, the product's strategy is the brand's (the reasoner then records ``brand am:pursues strategy``).
A strategy pursued by anything else (a product without a brand, a person, a market) gets no verdict.
Evidence about a brand's products counts for the brand.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from typing import Iterable

from argmap.graph.iri import is_reasoner_graph
from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.ontology import AM


class OwnerKind(str, Enum):
    BRAND = "brand"  # a brand or an organisation: it pursues strategies itself
    PRODUCT = "product"  # rolls up to its brand
    OTHER = "other"  # pursues nothing the reasoner classifies


@dataclass(frozen=True, slots=True)
class Pursuit:
    """One asserted ``?x am:pursues ?s`` with ``?s`` a premiumization."""

    pursuer: str
    strategy: str
    kind: OwnerKind
    brand: str | None = None  # the product's brand (am:hasBrand)


@dataclass(frozen=True, slots=True)
class Unit:
    """One verdict: a brand's premiumization (``strategy``), and every entity whose evidence counts for it."""

    strategy: str
    owners: tuple[str, ...]
    members: tuple[str, ...]  # the premiumization strategies pooled into it (its own first)
    subjects: frozenset[str]  # owners, members and the owners' products

    @property
    def fingerprint(self) -> str:
        body = "\n".join([*self.owners, "|", *self.members, "|", *sorted(self.subjects)])
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


# The reasoner's own graphs are left out in Python: Virtuoso 7 answers nothing when a FILTER on the graph's
# name sits beside a join outside the GRAPH pattern (tests/e2e/test_e2e_remote_store.py).
_PAIRS = f"""
SELECT DISTINCT ?x ?s ?g WHERE {{
  GRAPH ?g {{ ?x <{AM.pursues}> ?s }}
  ?s a/rdfs:subClassOf* <{AM.Premiumization}> .
}}"""


def query_pursuits(store: Store) -> list[Pursuit]:
    """Every pursuit of a premiumization asserted in an input graph (the ontology supplies the class hierarchy)."""
    res = store.query(_PAIRS)
    rows = res.values() if isinstance(res, SelectResult) else []
    pairs = sorted({(r["x"] or "", r["s"] or "") for r in rows if not is_reasoner_graph(r["g"] or "")})
    if not pairs:
        return []
    values = " ".join(f"<{x}>" for x in sorted({x for x, _ in pairs}))
    kinds = f"<{AM.Brand}> <{AM.Organization}> <{AM.Product}>"
    res = store.query(f"""SELECT ?x ?k ?b WHERE {{ VALUES ?x {{ {values} }}
        {{ VALUES ?k {{ {kinds} }} ?x a/rdfs:subClassOf* ?k }} UNION {{ ?x <{AM.hasBrand}> ?b }} }}""")
    kind: dict[str, set[str]] = defaultdict(set)
    brand: dict[str, str] = {}
    for r in res.values() if isinstance(res, SelectResult) else []:
        if r["k"]:
            kind[r["x"] or ""].add(r["k"])
        if r["b"]:
            brand[r["x"] or ""] = min(r["b"], brand.get(r["x"] or "", r["b"]))
    out = {_pursuit(x, s, kind[x], brand.get(x)) for x, s in pairs}
    return sorted(out, key=lambda p: (p.pursuer, p.strategy, p.kind.value, p.brand or ""))


def _pursuit(x: str, s: str, kinds: set[str], brand: str | None) -> Pursuit:
    if kinds & {str(AM.Brand), str(AM.Organization)}:
        return Pursuit(x, s, OwnerKind.BRAND)
    if str(AM.Product) in kinds and brand:
        return Pursuit(x, s, OwnerKind.PRODUCT, brand)
    return Pursuit(x, s, OwnerKind.OTHER)


def query_products(store: Store, brands: Iterable[str]) -> dict[str, set[str]]:
    """brand -> its products (am:hasBrand), for the given brands."""
    wanted = sorted(set(brands))
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(wanted, 500):
        values = " ".join(f"<{b}>" for b in chunk)
        res = store.query(f"SELECT ?p ?b WHERE {{ VALUES ?b {{ {values} }} ?p <{AM.hasBrand}> ?b }}")
        if isinstance(res, SelectResult):
            for r in res.values():
                out[r["b"] or ""].add(r["p"] or "")
    return out


def build_units(pursuits: Iterable[Pursuit], products: dict[str, set[str]]) -> list[Unit]:
    """Group pursuits by brand: the brand's own premiumization is the unit's strategy, products pooled in."""
    own: dict[str, set[str]] = defaultdict(set)
    via_product: dict[str, set[str]] = defaultdict(set)
    pursuing_products: dict[str, set[str]] = defaultdict(set)
    for p in pursuits:
        if p.kind is OwnerKind.BRAND:
            own[p.pursuer].add(p.strategy)
        elif p.kind is OwnerKind.PRODUCT and p.brand:
            via_product[p.brand].add(p.strategy)
            pursuing_products[p.brand].add(p.pursuer)
    by_strategy: dict[str, list[str]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for brand in sorted(set(own) | set(via_product)):
        pooled = sorted(own.get(brand, ())) + sorted(via_product.get(brand, set()) - own.get(brand, set()))
        canonical = pooled[0]
        by_strategy[canonical].append(brand)
        members[canonical] |= set(pooled)
    units: list[Unit] = []
    for strategy, owners in sorted(by_strategy.items()):
        pooled = [strategy] + sorted(members[strategy] - {strategy})
        subjects = set(owners) | set(pooled)
        for brand in owners:
            subjects |= products.get(brand, set()) | pursuing_products.get(brand, set())
        units.append(Unit(strategy, tuple(sorted(owners)), tuple(pooled), frozenset(subjects)))
    return units


def owners_of(pursuits: Iterable[Pursuit]) -> set[str]:
    return {p.pursuer if p.kind is OwnerKind.BRAND else p.brand or "" for p in pursuits if p.kind is not OwnerKind.OTHER}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


__all__ = ["OwnerKind", "Pursuit", "Unit", "build_units", "owners_of", "query_products", "query_pursuits"]
