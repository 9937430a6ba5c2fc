"""The reasoner's working dataset and the rule runner.

The rules (``rules/*.rq``, SPARQL CONSTRUCT) run over an in-memory copy of what they need:
the asserted facts of every article graph (never the previous reasoner graph, so yesterday's
conclusions cannot feed today's) plus the ontology's class hierarchy, so rules can use
``a/rdfs:subClassOf*``. Each rule's conclusions are added to the working dataset before the next
rule runs, and returned so the caller can write them into the reasoner graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import pyoxigraph as ox
from rdflib.namespace import RDF

from argmap.errors import ReasonerError
from argmap.graph.iri import REASONER_GRAPH, REASONER_GRAPH_PREFIX
from argmap.graph.results import GraphResult
from argmap.graph.store import Handle, Store
from argmap.ontology import AM, ONTOLOGY_PATH, PREFIXES

RULES_DIR = Path(__file__).with_name("rules")

# What the rules and the evaluation read; article text and offsets stay in the store.
INPUT_PREDICATES = (
    RDF.type, AM.mentions, AM.supports, AM.undermines, AM.pursues, AM.competesWith,
    AM.hedged, AM.conditional, AM.central, AM.inArticle,
)


def input_query(graphs: Sequence[str] | None = None) -> str:
    """The input facts of ``graphs`` (default: every graph but the reasoner's own)."""
    values = " ".join(f"<{p}>" for p in INPUT_PREDICATES)
    if graphs is None:
        where = f"FILTER (?g != <{REASONER_GRAPH}> && !STRSTARTS(STR(?g), \"{REASONER_GRAPH_PREFIX}\"))"
    else:
        where = "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def working_dataset(store: Store, graphs: Sequence[str] | None = None,
                    extra: Iterable[ox.Triple] = ()) -> ox.Store:
    """An in-memory store with the asserted input facts of ``graphs`` (default: all), ``extra`` facts and the
    ontology, all in its default graph."""
    working = ox.Store()
    working.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    if graphs is None or graphs:
        construct_into(store, input_query(None if graphs is None else list(graphs)), working)
    add(working, extra)
    return working


def construct_into(store: Store, query: str, working: ox.Store) -> None:
    """The triples of a CONSTRUCT query over ``store``, added to ``working``.

    An embedded store hands its result over as N-Triples, parsed natively (no Python object per triple);
    any other store goes through its query interface."""
    with store.session() as handle:
        if isinstance(handle, Handle):
            data = handle.query(query, prefixes=PREFIXES).serialize(format=ox.RdfFormat.N_TRIPLES)  # type: ignore[union-attr]
            working.load(data or b"", format=ox.RdfFormat.N_TRIPLES)
            return
    result = store.query(query)
    if not isinstance(result, GraphResult):
        raise ReasonerError("the store answered the reasoner's CONSTRUCT query without triples; is it a SPARQL store?")
    add(working, result.triples)


def add(working: ox.Store, triples: Iterable[ox.Triple]) -> None:
    working.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)


def rule_names() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.rq"))


def rule_text(name: str) -> str:
    path = RULES_DIR / f"{name}.rq"
    if not path.is_file():
        raise ReasonerError(f"no rule {name!r} in {RULES_DIR}; the rules are {', '.join(rule_names())}")
    return path.read_text(encoding="utf-8")


def apply_rule(working: ox.Store, name: str) -> list[ox.Triple]:
    """Run one CONSTRUCT rule, add its new conclusions to the working dataset and return them."""
    try:
        result = working.query(rule_text(name), prefixes=PREFIXES)
    except SyntaxError as exc:
        raise ReasonerError(f"rule {name} does not parse: {exc}") from exc
    triples = [t for t in result if isinstance(t, ox.Triple)]
    fresh = list(dict.fromkeys(t for t in triples if ox.Quad(t.subject, t.predicate, t.object) not in working))
    add(working, fresh)
    return fresh
