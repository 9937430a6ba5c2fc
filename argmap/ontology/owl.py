"""Load the ontology into an explicit owlready2 ``World`` and classify it with HermiT.

Stable interface for the reasoner (``argmap/reasoner``):

* ``load_world(*, world=None, extra_ntriples=None) -> (World, Ontology)`` — the TBox from
  ``argmap.ttl`` (owlready2 cannot read Turtle, so rdflib converts it to N-Triples in memory),
  plus an optional ABox given as N-Triples (bytes or str), loaded into its own ontology
  ``ABOX_IRI`` of the same world.
* ``classify(world, *, infer_property_values=False) -> None`` — runs HermiT; inferred types
  are written back into ``world``. An inconsistent ABox raises
  ``argmap.errors.InconsistentOntologyError`` whose message names the individuals and the
  disjoint classes or functional properties involved (found by ``explain_inconsistency``).
* ``inferred_types(world, iri) -> set[str]`` — IRIs of the named classes an individual belongs
  to after classification (with their superclasses).

Nothing is shared between calls: every caller gets or passes its own ``World``.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from itertools import combinations

import owlready2
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from argmap.errors import InconsistentOntologyError, ReasonerError
from argmap.ontology.files import AM_IRI, AMID_IRI, ONTOLOGY_PATH

log = logging.getLogger(__name__)

ABOX_IRI = AMID_IRI + "graph/abox/"  # owlready2 ontology that holds the facts handed to load_world


def ontology_graph() -> Graph:
    """The ontology file as an rdflib Graph."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def ontology_ntriples() -> bytes:
    """The ontology as N-Triples, the format owlready2 reads fastest."""
    return ontology_graph().serialize(format="nt", encoding="utf-8")


def load_world(
    *, world: owlready2.World | None = None, extra_ntriples: bytes | str | None = None
) -> tuple[owlready2.World, owlready2.Ontology]:
    """The ontology (and optional ABox facts) in an owlready2 World; returns the world and the TBox ontology."""
    target = world if world is not None else owlready2.World()
    onto = target.get_ontology(AM_IRI).load(fileobj=io.BytesIO(ontology_ntriples()), format="ntriples")
    if extra_ntriples:
        data = extra_ntriples.encode("utf-8") if isinstance(extra_ntriples, str) else extra_ntriples
        try:
            target.get_ontology(ABOX_IRI).load(fileobj=io.BytesIO(data), format="ntriples")
        except (ValueError, SyntaxError, owlready2.OwlReadyOntologyParsingError) as exc:
            raise ReasonerError(f"the facts handed to the reasoner are not valid N-Triples: {exc}") from exc
    return target, onto


def classify(world: owlready2.World, *, infer_property_values: bool = False) -> None:
    """Run HermiT over everything in ``world`` and keep its inferences there.

    Raises ``InconsistentOntologyError`` (with the individuals involved) when the facts contradict
    the ontology, and ``ReasonerError`` when Java or HermiT fail.
    """
    ntriples = _world_ntriples(world)
    try:
        owlready2.sync_reasoner_hermit(
            world, infer_property_values=infer_property_values, debug=0, ignore_unsupported_datatypes=True
        )
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        raise InconsistentOntologyError(_inconsistency_message(ntriples)) from exc
    except owlready2.OwlReadyJavaError as exc:
        first = str(exc).strip().splitlines()[-1:] or ["no message"]
        raise ReasonerError(f"HermiT failed ({first[0]}); check that Java 17 is installed (java -version)") from exc


def inferred_types(world: owlready2.World, iri: str) -> set[str]:
    """IRIs of the named classes the individual ``iri`` belongs to (asserted or inferred, with ancestors)."""
    entity = world[iri]
    if entity is None:
        return set()
    out: set[str] = set()
    for cls in entity.is_a:
        if isinstance(cls, owlready2.ThingClass):
            out |= {a.iri for a in cls.ancestors() if isinstance(a, owlready2.ThingClass)}
    out.discard(str(OWL.Thing))
    return out


def _world_ntriples(world: owlready2.World) -> bytes:
    buf = io.BytesIO()
    world.save(buf, format="ntriples")
    return buf.getvalue()


# ----------------------------------------------------------------- explaining an inconsistency


@dataclass(frozen=True, slots=True)
class Clash:
    """One reason the facts cannot all hold."""

    individual: str
    reason: str


def _inconsistency_message(ntriples: bytes) -> str:
    graph = Graph().parse(data=ntriples, format="nt")
    clashes = explain_inconsistency(graph)
    if not clashes:
        return ("the facts contradict the ontology (HermiT found no model) and no simple clash was found; "
                "check the types and functional properties of the individuals written last")
    shown = "; ".join(f"{_short(c.individual)} {c.reason}" for c in clashes[:5])
    more = f" (and {len(clashes) - 5} more)" if len(clashes) > 5 else ""
    return f"the facts contradict the ontology: {shown}{more}; fix or remove these facts and reason again"


def explain_inconsistency(graph: Graph) -> list[Clash]:
    """Best-effort reasons for an inconsistency: individuals in disjoint classes, clashing functional values.

    Works on the told facts with the subclass, domain and range closure only (no full DL reasoning),
    which covers the mistakes argmap's own writers can make.
    """
    disjoint = _disjoint_pairs(graph)
    clashes: list[Clash] = []
    for ind, types in sorted(_closed_types(graph).items()):
        if OWL.Nothing in types:
            clashes.append(Clash(str(ind), "is typed owl:Nothing"))
        for a, b in combinations(sorted(types), 2):
            if frozenset((a, b)) in disjoint:
                clashes.append(Clash(str(ind), f"is both {_short(a)} and {_short(b)}, which are disjoint"))
    for prop in sorted(set(graph.subjects(RDF.type, OWL.FunctionalProperty))):
        for ind in sorted(set(graph.subjects(prop, None))):
            values = set(graph.objects(ind, prop))
            if len(values) > 1 and all(isinstance(v, Literal) for v in values):
                shown = ", ".join(sorted(str(v) for v in values))
                clashes.append(Clash(str(ind), f"has {len(values)} values for functional {_short(prop)}: {shown}"))
            elif len(values) > 1 and _pairwise_different(graph, values):
                shown = ", ".join(sorted(_short(v) for v in values))
                clashes.append(Clash(str(ind), f"has distinct values for functional {_short(prop)}: {shown}"))
    return clashes


def _superclasses(graph: Graph) -> dict[Node, set[Node]]:
    direct: dict[Node, set[Node]] = {}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    for a, b in graph.subject_objects(OWL.equivalentClass):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            direct.setdefault(a, set()).add(b)
            direct.setdefault(b, set()).add(a)
    return direct


def _closed_types(graph: Graph) -> dict[Node, set[Node]]:
    supers = _superclasses(graph)
    classes = set(graph.subjects(RDF.type, OWL.Class))
    told: dict[Node, set[Node]] = {}
    for ind, cls in graph.subject_objects(RDF.type):
        if cls in classes or cls == OWL.Nothing:
            told.setdefault(ind, set()).add(cls)
    for prop, dom in graph.subject_objects(RDFS.domain):
        if isinstance(dom, URIRef):
            for ind in graph.subjects(prop, None):
                told.setdefault(ind, set()).add(dom)
    for prop, rng in graph.subject_objects(RDFS.range):
        if isinstance(rng, URIRef) and rng in classes:
            for obj in graph.objects(None, prop):
                if not isinstance(obj, Literal):
                    told.setdefault(obj, set()).add(rng)
    told = {ind: types for ind, types in told.items() if ind not in classes}
    return {ind: _close(types, supers) for ind, types in told.items()}


def _close(types: set[Node], supers: dict[Node, set[Node]]) -> set[Node]:
    seen, todo = set(types), list(types)
    while todo:
        for sup in supers.get(todo.pop(), ()):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def _disjoint_pairs(graph: Graph) -> set[frozenset[Node]]:
    pairs = {frozenset((a, b)) for a, b in graph.subject_objects(OWL.disjointWith)}
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in graph.objects(node, OWL.members):
            pairs |= {frozenset(p) for p in combinations(Collection(graph, members), 2)}
    for _cls, members in graph.subject_objects(OWL.disjointUnionOf):
        pairs |= {frozenset(p) for p in combinations(Collection(graph, members), 2)}
    return pairs


def _pairwise_different(graph: Graph, values: set[Node]) -> bool:
    return any((a, OWL.differentFrom, b) in graph or (b, OWL.differentFrom, a) in graph
               for a, b in combinations(values, 2))


def _short(node: Node) -> str:
    text = str(node)
    for prefix, ns in (("am:", AM_IRI), ("amid:", AMID_IRI), ("owl:", str(OWL))):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return f"<{text}>"
