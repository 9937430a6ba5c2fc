"""The verdicts as the reasoner stored them: what the summary, ``argmap explain`` and the map show.

Everything here reads the store (the reasoner's graphs and the article graphs), so a reader sees exactly
what a SPARQL user would find.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

import pyoxigraph as ox

from argmap.graph.iri import REASONER_GRAPH_PREFIX
from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.ontology import AM, ONTOLOGY_PATH, PREFIXES
from argmap.reasoner.verdict import CLASSIFICATIONS, Side

_STRATEGY_GRAPHS = f'FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH_PREFIX}strategy/"))'


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    strategy: str
    owners: tuple[str, ...]
    classes: tuple[str, ...]  # among CLASSIFICATIONS; empty: undetermined
    rule: str  # an am:VerdictRule individual
    price_weight: Decimal
    value_weight: Decimal
    price_count: int
    value_count: int


@dataclass(frozen=True, slots=True)
class VerdictEvidence:
    """One evidence statement a verdict weighed, with what the reasoner concluded about it."""

    iri: str
    text: str
    sides: frozenset[Side]
    status: str
    strength: Decimal | None
    rests_on: bool  # the verdict rests on it
    article: str = ""
    start: int | None = None
    end: int | None = None


def read_verdicts(store: Store, strategies: Iterable[str] | None = None) -> list[StoredVerdict]:
    """Every stored premiumization verdict (or those of ``strategies``), sorted by strategy."""
    values = "" if strategies is None else "VALUES ?s { " + " ".join(f"<{s}>" for s in sorted(set(strategies))) + " }"
    if strategies is not None and values.endswith("{  }"):
        return []
    classes = ", ".join(f"<{c}>" for c in CLASSIFICATIONS)
    res = store.query(f"""SELECT ?s ?o ?c ?rule ?pw ?vw ?pc ?vc WHERE {{ {values}
      GRAPH ?rg {{ ?s <{AM.decidedBy}> ?rule ; <{AM.priceWeight}> ?pw ; <{AM.valueWeight}> ?vw ;
                      <{AM.priceEvidenceCount}> ?pc ; <{AM.valueEvidenceCount}> ?vc .
                   OPTIONAL {{ ?o <{AM.pursues}> ?s }} OPTIONAL {{ ?s a ?c FILTER (?c IN ({classes})) }} }}
      {_STRATEGY_GRAPHS} }}""")
    if not isinstance(res, SelectResult):
        return []
    rows: dict[str, dict[str, object]] = {}
    for r in res.values():
        s = r["s"] or ""
        row = rows.setdefault(s, {"owners": set(), "classes": set(), "rule": r["rule"] or "",
                                  "pw": Decimal(r["pw"] or 0), "vw": Decimal(r["vw"] or 0),
                                  "pc": int(r["pc"] or 0), "vc": int(r["vc"] or 0)})
        if r["o"]:
            row["owners"].add(r["o"])  # type: ignore[union-attr]
        if r["c"]:
            row["classes"].add(r["c"])  # type: ignore[union-attr]
    return [StoredVerdict(s, tuple(sorted(r["owners"])), tuple(sorted(r["classes"])), str(r["rule"]),  # type: ignore[arg-type]
                          r["pw"], r["vw"], r["pc"], r["vc"])  # type: ignore[arg-type]
            for s, r in sorted(rows.items())]


def verdicts_about(store: Store, entities: Iterable[str]) -> list[StoredVerdict]:
    """The verdicts of strategies among ``entities`` or pursued by one of them."""
    wanted = sorted(set(entities))
    if not wanted:
        return []
    values = " ".join(f"<{e}>" for e in wanted)
    res = store.query(f"""SELECT DISTINCT ?s WHERE {{ VALUES ?x {{ {values} }}
      GRAPH ?rg {{ ?s <{AM.decidedBy}> ?rule . {{ ?x <{AM.pursues}> ?s }} UNION {{ FILTER (?s = ?x) }} }} {_STRATEGY_GRAPHS} }}""")
    found = {r["s"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()
    return read_verdicts(store, found) if found else []


def side_classes() -> dict[Side, set[str]]:
    """Every class that is price-driven or value-driven evidence (the kinds and the side itself), from the ontology."""
    onto = ox.Store()
    onto.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    out: dict[Side, set[str]] = {}
    for side, top in ((Side.PRICE, AM.PriceDrivenEvidence), (Side.VALUE, AM.ValueDrivenEvidence)):
        rows = onto.query(f"SELECT ?k WHERE {{ ?k rdfs:subClassOf* <{top}> FILTER (isIRI(?k)) }}", prefixes=PREFIXES)
        out[side] = {r["k"].value for r in rows} | {str(top)}
    return out


def verdict_evidence(store: Store, strategy: str) -> list[VerdictEvidence]:
    """The evidence a stored verdict weighed, strongest first, with text and source position."""
    res = store.query(f"""SELECT ?e ?t ?st ?w ?k ?r ?a ?b ?z WHERE {{
      GRAPH ?rg {{ <{strategy}> <{AM.evidencedBy}> ?e .
                   BIND (EXISTS {{ <{strategy}> <{AM.restsOn}>|<{AM.restsOnEachSide}> ?e }} AS ?r) }} {_STRATEGY_GRAPHS}
      OPTIONAL {{ ?e <{AM.text}> ?t }} OPTIONAL {{ ?e <{AM.status}> ?st }} OPTIONAL {{ ?e <{AM.strength}> ?w }}
      OPTIONAL {{ ?e a ?k }} OPTIONAL {{ ?e <{AM.inArticle}> ?a }}
      OPTIONAL {{ ?e <{AM.startChar}> ?b ; <{AM.endChar}> ?z }} }}""")
    if not isinstance(res, SelectResult):
        return []
    sides = side_classes()
    kinds: dict[str, set[str]] = defaultdict(set)
    first: dict[str, dict[str, str | None]] = {}
    for r in res.values():
        e = r["e"] or ""
        first.setdefault(e, r)
        if r["k"]:
            kinds[e].add(r["k"])
    out = [VerdictEvidence(e, r["t"] or "", frozenset(s for s, cs in sides.items() if kinds[e] & cs), r["st"] or "",
                           Decimal(r["w"]) if r["w"] else None, r["r"] == "true", r["a"] or "",
                           int(r["b"]) if r["b"] else None, int(r["z"]) if r["z"] else None)
           for e, r in first.items()]
    return sorted(out, key=lambda v: (-(v.strength or Decimal(0)), v.iri))


__all__ = ["StoredVerdict", "VerdictEvidence", "read_verdicts", "side_classes", "verdict_evidence",
           "verdicts_about"]
