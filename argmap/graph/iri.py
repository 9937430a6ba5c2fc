"""The one place that mints IRIs for argmap individuals."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode
from rdflib import URIRef

from argmap.ontology.namespaces import AMID

_UNSAFE = re.compile(r"[\s/\\?#<>\"{}|^`%\[\]\x00-\x1f\x7f]+")  # control characters are no part of an IRI

REASONER_GRAPH = AMID["graph/reasoner"]
ONTOLOGY_GRAPH = AMID["graph/ontology"]
IMPORTED_GRAPH = AMID["graph/imported"]  # triples imported from outside any named graph
# A remote store keeps the set union of its named graphs in UNION_GRAPH (its queries' default graph) and the
# names of argmap's graphs in CATALOG_GRAPH (argmap.graph.remote); neither is listed as a graph of the store.
UNION_GRAPH = AMID["graph/union"]
CATALOG_GRAPH = AMID["graph/catalog"]
STAGING_GRAPHS = AMID["graph/staging/"]  # where a write is assembled before one update switches it in (store, remote)
SKOLEM_BASE = AMID[".well-known/genid/"]  # blank nodes written to a remote store become IRIs under it (RDF 1.1 §3.5)
# The reasoner writes REASONER_GRAPH (its run's record) and graphs below it: one per input graph it evaluated
# and one per premiumization it classified, so a run after one new article rewrites only what that touches.
REASONER_GRAPH_PREFIX = f"{REASONER_GRAPH}/"
# … and one graph of the links between claims of different articles (am:agreesWith, am:contradicts)
AGREEMENT_GRAPH = AMID["graph/reasoner/agreement"]


def reasoner_graph_for_input(graph: str) -> URIRef:
    """The reasoner's conclusions about one input graph (an article): statuses, strengths, derived links."""
    return AMID[f"graph/reasoner/input/{_digest(graph)}"]


def reasoner_graph_for_strategy(strategy: str) -> URIRef:
    """The reasoner's verdict on one premiumization: evidence, weights, the rule that decided, its class."""
    return AMID[f"graph/reasoner/strategy/{_digest(strategy)}"]


def is_reasoner_graph(graph: str) -> bool:
    return graph == str(REASONER_GRAPH) or graph.startswith(REASONER_GRAPH_PREFIX)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def slugify(text: str) -> str:
    """A readable IRI segment: NFKC, Latin lower-cased, CJK kept (IRIs allow it), unsafe characters dashed."""
    norm = unicodedata.normalize("NFKC", text).strip().lower()
    slug = _UNSAFE.sub("-", norm).strip("-")
    return slug or "x"


def role_iri(person_ref: str, title: str) -> URIRef:
    """A person's role: ``role/<person key>-<title>`` (one node per person and title)."""
    return AMID[f"role/{person_ref.split('/', 1)[1]}-{slugify(title)}"]


def article_iri(key: str) -> URIRef:
    return AMID[f"article/{key}"]


def entity_iri(ref: str) -> URIRef:
    """``ref`` is ``kind/key`` as in ``Entity.ref`` (``brand/xiaomi``)."""
    return AMID[ref]


def statement_iri(article_key: str, start: int, end: int) -> URIRef:
    # Offsets, not list positions, so an unchanged article gets the same IRIs again.
    return AMID[f"statement/{article_key}/{start}-{end}"]


def figure_iri(article_key: str, start: int, end: int) -> URIRef:
    return AMID[f"quantity/{article_key}/{start}-{end}"]


def relation_iri(article_key: str, source: str, target: str, kind: str) -> URIRef:
    src = str(source).rsplit("/", 1)[-1]
    tgt = str(target).rsplit("/", 1)[-1]
    return AMID[f"relation/{article_key}/{kind}/{src}/{tgt}"]


def reading_iri(article_key: str, kind: str, subject_ref: str, object_ref: str) -> URIRef:
    """Where an article says an entity relation: ``reading/<article>/<kind>/<subject ref>/<object ref>``."""
    return AMID[f"reading/{article_key}/{kind}/{subject_ref}/{object_ref}"]


def selector_iri(statement: URIRef | NamedNode | str) -> URIRef:
    # A pyoxigraph NamedNode's str() is "<iri>"; its .value is the bare IRI.
    base = statement.value if isinstance(statement, NamedNode) else str(statement)
    return URIRef(f"{base}#selector")
