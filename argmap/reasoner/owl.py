"""HermiT classification of premiumization strategies from what they rest on.

HermiT sees only what needs description-logic reasoning: each strategy that rests on some
evidence, its ``am:restsOn`` links and the asserted types of that evidence, over the ontology's
TBox. Everything else stays in SPARQL rules and fast code. Each run has its own owlready2
``World``; nothing is shared between runs.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.namespace import RDF

from argmap.ontology import AM, PREFIXES

log = logging.getLogger(__name__)

from argmap.reasoner.verdict import CLASSIFICATIONS

_ABOX = """
CONSTRUCT { ?s a ?st . ?s ?rests ?e . ?e a ?et . }
WHERE {
  VALUES ?rests { am:restsOn am:restsOnEachSide }
  ?s ?rests ?e .
  ?s a ?st . ?e a ?et .
  FILTER (STRSTARTS(STR(?st), STR(am:)) && STRSTARTS(STR(?et), STR(am:)))
}
"""


@dataclass(frozen=True, slots=True)
class Classification:
    strategy: str
    classes: frozenset[str]  # IRIs among CLASSIFICATIONS that HermiT inferred


def abox_ntriples(working: ox.Store) -> bytes:
    """The strategies that rest on evidence (one side, or each side), their links and the asserted (argmap) types."""
    triples = [t for t in working.query(_ABOX, prefixes=PREFIXES) if isinstance(t, ox.Triple)]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def strategies_in(working: ox.Store) -> list[str]:
    rows = working.query("SELECT DISTINCT ?s WHERE { ?s am:restsOn|am:restsOnEachSide ?e } ORDER BY ?s", prefixes=PREFIXES)
    return [r["s"].value for r in rows]


JAVA_MISSING = ("OWL classification skipped: Java was not found (install a Java runtime, e.g. Debian's "
                "default-jre-headless); statuses, strengths and evidence are complete")


def java_available() -> bool:
    """HermiT runs on Java; without it only the rdf:type classification of strategies is left out."""
    return shutil.which("java") is not None


def classify_strategies(working: ox.Store) -> list[Classification]:
    """Run HermiT over the strategies' ABox; inconsistency raises InconsistentOntologyError naming the clash."""
    strategies = strategies_in(working)
    if not strategies:
        return []
    import owlready2  # a heavy import, paid only when there is something to classify

    from argmap.ontology.owl import classify, inferred_types, load_world

    world = owlready2.World()
    try:
        load_world(world=world, extra_ntriples=abox_ntriples(working))
        classify(world)
        wanted = {str(c) for c in CLASSIFICATIONS}
        out = [Classification(s, frozenset(inferred_types(world, s) & wanted)) for s in strategies]
    finally:
        world.close()
    log.debug("HermiT classified %d strategies", len(out))
    return out


def classification_triples(found: list[Classification]) -> list[ox.Triple]:
    rdf_type = ox.NamedNode(str(RDF.type))
    return [ox.Triple(ox.NamedNode(c.strategy), rdf_type, ox.NamedNode(cls))
            for c in found for cls in sorted(c.classes)]
