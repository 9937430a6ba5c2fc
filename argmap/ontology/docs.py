"""Generate ``docs/ontology.md`` from the ontology (``python -m argmap.ontology.docs [OUTPUT]``).

The page has Mermaid class diagrams and tables of every term with its zh/en labels and
definitions. A test renders it in memory and compares it with the committed file, so the
documentation cannot drift from ``argmap.ttl``.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS, XSD
from rdflib.term import Node

from argmap.ontology.files import AM_IRI, AMID_IRI, ONTOLOGY_IRI, ONTOLOGY_PATH

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"

# The vocabularies argmap aligns with, in the order the alignment table lists them.
VOCABULARIES: dict[str, tuple[str, str]] = {
    "schema": ("https://schema.org/", "schema.org"),
    "prov": ("http://www.w3.org/ns/prov#", "PROV-O"),
    "skos": (str(SKOS), "SKOS"),
    "oa": ("http://www.w3.org/ns/oa#", "Web Annotation"),
    "aif": ("http://www.arg.dundee.ac.uk/aif#", "AIF"),
}
_PREFIXES: dict[str, str] = {
    "am": AM_IRI,
    "amid": AMID_IRI,
    **{prefix: iri for prefix, (iri, _) in VOCABULARIES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
}
_CHARACTERISTICS = (
    (OWL.FunctionalProperty, "functional"),
    (OWL.InverseFunctionalProperty, "inverse functional"),
    (OWL.SymmetricProperty, "symmetric"),
    (OWL.AsymmetricProperty, "asymmetric"),
    (OWL.TransitiveProperty, "transitive"),
    (OWL.ReflexiveProperty, "reflexive"),
    (OWL.IrreflexiveProperty, "irreflexive"),
)
_RESTRICTIONS = (
    (OWL.someValuesFrom, "some"),
    (OWL.allValuesFrom, "only"),
    (OWL.hasValue, "value"),
    (OWL.minCardinality, "min"),
    (OWL.maxCardinality, "max"),
    (OWL.cardinality, "exactly"),
    (OWL.minQualifiedCardinality, "min"),
    (OWL.maxQualifiedCardinality, "max"),
    (OWL.qualifiedCardinality, "exactly"),
)
_ALIGNMENT_RELATIONS = (RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.equivalentProperty, RDF.type)
_NONE = "—"
_FOLD_AT = 5  # subclasses of one superclass in the core diagram beyond which they are tagged, not drawn

Edge = tuple[URIRef, URIRef]


# ----------------------------------------------------------------- names and annotations


def curie(iri: Node) -> str:
    """``am:Brand`` for a known namespace, else the full IRI in angle brackets."""
    text = str(iri)
    # longest namespace first, so that a namespace nested in another is not cut short
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def is_am(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(AM_IRI) and len(node) > len(AM_IRI)


def local_name(term: URIRef) -> str:
    """The part of an IRI after its namespace (``Brand`` for ``am:Brand``, ``string`` for ``xsd:string``)."""
    return str(term)[len(AM_IRI):] if is_am(term) else curie(term).split(":", 1)[-1]


def am_terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    """The am: terms declared with ``rdf:type kind``, sorted by IRI."""
    return sorted({s for s in graph.subjects(RDF.type, kind) if is_am(s)}, key=str)


def _texts(graph: Graph, term: Node, prop: URIRef, lang: str) -> list[str]:
    return sorted(str(o) for o in graph.objects(term, prop) if isinstance(o, Literal) and o.language == lang)


def label(graph: Graph, term: Node, lang: str) -> str:
    """The skos:prefLabel in ``lang``, falling back on rdfs:label; empty if neither exists."""
    for prop in (SKOS.prefLabel, RDFS.label):
        texts = _texts(graph, term, prop, lang)
        if texts:
            return texts[0]
    return ""


def definition(graph: Graph, term: Node) -> str:
    """The en and zh skos:definition, one per line."""
    return "<br>".join(_texts(graph, term, SKOS.definition, "en") + _texts(graph, term, SKOS.definition, "zh"))


# ----------------------------------------------------------------- class expressions


def _list(graph: Graph, head: Node | None) -> list[Node]:
    return list(Collection(graph, head)) if head is not None else []


def class_expression(graph: Graph, node: Node, *, nested: bool = False) -> str:
    """A class expression in Manchester-like syntax: ``am:Brand or am:Organization``."""
    if isinstance(node, URIRef):
        return f"`{curie(node)}`"
    text = _compound_expression(graph, node)
    return f"({text})" if nested and " " in text and not text.startswith("{") else text


def _compound_expression(graph: Graph, node: Node) -> str:
    for prop, joiner in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
        head = graph.value(node, prop)
        if head is not None:
            return joiner.join(class_expression(graph, m, nested=True) for m in _list(graph, head))
    head = graph.value(node, OWL.oneOf)
    if head is not None:
        return "{" + ", ".join(f"`{curie(m)}`" for m in _list(graph, head)) + "}"
    complement = graph.value(node, OWL.complementOf)
    if complement is not None:
        return "not " + class_expression(graph, complement, nested=True)
    on_property = graph.value(node, OWL.onProperty)
    if on_property is not None:
        return _restriction(graph, node, on_property)
    return "(anonymous class)"


def _restriction(graph: Graph, node: Node, on_property: Node) -> str:
    for prop, keyword in _RESTRICTIONS:
        filler = graph.value(node, prop)
        if filler is None:
            continue
        if isinstance(filler, Literal):
            qualifier = graph.value(node, OWL.onClass)
            tail = f" {class_expression(graph, qualifier, nested=True)}" if qualifier is not None else ""
            return f"`{curie(on_property)}` {keyword} {filler}{tail}"
        return f"`{curie(on_property)}` {keyword} {class_expression(graph, filler, nested=True)}"
    return f"`{curie(on_property)}` (restriction)"


def members(graph: Graph, node: Node | None) -> list[URIRef]:
    """The named classes a domain or range stands for: itself, or each member of a union."""
    if isinstance(node, URIRef):
        return [node]
    if node is None:
        return []
    return [m for m in _list(graph, graph.value(node, OWL.unionOf)) if isinstance(m, URIRef)]


# ----------------------------------------------------------------- diagram edges


def subclass_edges(graph: Graph) -> list[Edge]:
    """(subclass, superclass) pairs asserted between am: classes."""
    edges = {(s, o) for s, o in graph.subject_objects(RDFS.subClassOf) if is_am(s) and is_am(o)}
    return sorted(edges, key=lambda e: (str(e[1]), str(e[0])))


def property_edges(graph: Graph) -> dict[Edge, list[URIRef]]:
    """Object properties by (domain class, range class); a union domain or range gives one edge per member."""
    edges: dict[Edge, list[URIRef]] = defaultdict(list)
    for prop in am_terms(graph, OWL.ObjectProperty):
        for domain in _bounds(graph, prop, RDFS.domain):
            for range_ in _bounds(graph, prop, RDFS.range):
                edges[(domain, range_)].append(prop)
    ordered = sorted(edges, key=lambda edge: (str(edge[0]), str(edge[1])))
    return {edge: sorted(edges[edge], key=str) for edge in ordered}


def _bounds(graph: Graph, prop: URIRef, which: URIRef) -> list[URIRef]:
    found = {m for node in graph.objects(prop, which) for m in members(graph, node) if is_am(m)}
    return sorted(found, key=str)


def undrawn_properties(graph: Graph) -> list[URIRef]:
    """Object properties without an am: domain or range, which the diagram cannot place."""
    drawn = {p for props in property_edges(graph).values() for p in props}
    return [p for p in am_terms(graph, OWL.ObjectProperty) if p not in drawn]


def attributes(graph: Graph) -> dict[URIRef, list[str]]:
    """Datatype properties as UML attributes (``+decimal value``) of each am: class in their domain."""
    found: dict[URIRef, list[str]] = defaultdict(list)
    for prop in am_terms(graph, OWL.DatatypeProperty):
        ranges = sorted(local_name(r) for r in graph.objects(prop, RDFS.range) if isinstance(r, URIRef))
        for domain in _bounds(graph, prop, RDFS.domain):
            found[domain].append("+" + " ".join([*ranges[:1], local_name(prop)]))
    return {c: found[c] for c in sorted(found, key=str)}


def core_classes(graph: Graph) -> list[URIRef]:
    """The classes that properties connect: entities, strategies, constraints, statements, articles."""
    return sorted({c for edge in property_edges(graph) for c in edge} | set(attributes(graph)), key=str)


# ----------------------------------------------------------------- Mermaid


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;")


def _node(graph: Graph, term: URIRef) -> str:
    zh = label(graph, term, "zh")
    text = f"{local_name(term)} {zh}" if zh else local_name(term)
    return f'    class {local_name(term)}["{_mermaid_label(text)}"]'


def _edge_label(graph: Graph, props: Iterable[URIRef]) -> str:
    return _mermaid_label(", ".join(f"{local_name(p)} {label(graph, p, 'zh')}".strip() for p in props))


def mermaid(
    graph: Graph,
    classes: Sequence[URIRef],
    subclasses: Sequence[Edge],
    relations: dict[Edge, list[URIRef]],
    *,
    direction: str,
    members_of: dict[URIRef, list[str]] | None = None,
    stereotypes: Sequence[Edge] = (),
) -> str:
    """A Mermaid classDiagram: one node per class, ``Super <|-- Sub``, ``Domain --> Range : property``
    and, for each (sub, super) in ``stereotypes``, ``<<Super>> Sub``."""
    # Renderers that do not know hideEmptyMembersBox ignore it; those that do drop the empty compartments.
    lines = ["```mermaid", "---", "config:", "  class:", "    hideEmptyMembersBox: true", "---",
             "classDiagram", f"    direction {direction}"]
    lines += [_node(graph, c) for c in classes]
    lines += [f"    <<{local_name(sup)}>> {local_name(sub)}" for sub, sup in stereotypes]
    for c, members_ in (members_of or {}).items():
        lines += [f"    {local_name(c)} : {m}" for m in members_]
    lines += [f"    {local_name(sup)} <|-- {local_name(sub)}" for sub, sup in subclasses]
    for (domain, range_), props in relations.items():
        lines.append(f"    {local_name(domain)} --> {local_name(range_)} : {_edge_label(graph, props)}")
    lines.append("```")
    return "\n".join(lines)


def core_subclass_edges(graph: Graph) -> tuple[list[Edge], list[Edge]]:
    """The subclass edges among core classes: those drawn as arrows, and those shown as «stereotypes»."""
    inside = set(core_classes(graph))
    edges = [(sub, sup) for sub, sup in subclass_edges(graph) if sub in inside and sup in inside]
    fan_in = Counter(sup for _, sup in edges)
    # A hub such as am:Entity, with an arrow from every entity kind, tangles the property arrows beyond reading;
    # its edges become a «Entity» tag on each subclass here and arrows in the hierarchy diagram.
    drawn = [e for e in edges if fan_in[e[1]] < _FOLD_AT]
    folded = [e for e in edges if fan_in[e[1]] >= _FOLD_AT]
    return drawn, folded


def core_diagram(graph: Graph) -> str:
    drawn, folded = core_subclass_edges(graph)
    return mermaid(graph, core_classes(graph), drawn, property_edges(graph), direction="TB",
                   members_of=attributes(graph), stereotypes=folded)


def hierarchy_diagram(graph: Graph) -> str:
    """Every subclass edge the core diagram does not draw as an arrow, and every class it leaves out."""
    drawn = set(core_subclass_edges(graph)[0])
    core = set(core_classes(graph))
    edges = [e for e in subclass_edges(graph) if e not in drawn]
    classes = {c for c in am_terms(graph, OWL.Class) if c not in core} | {c for edge in edges for c in edge}
    return mermaid(graph, sorted(classes, key=str), edges, {}, direction="LR")


# ----------------------------------------------------------------- tables


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|") or _NONE


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _term(term: URIRef) -> str:
    return f"`{curie(term)}`"


def _names(terms: Iterable[Node]) -> str:
    return ", ".join(f"`{curie(t)}`" for t in sorted((t for t in terms if isinstance(t, URIRef)), key=str))


def _expressions(graph: Graph, nodes: Iterable[Node]) -> str:
    texts = sorted(class_expression(graph, n) for n in nodes if not isinstance(n, URIRef))
    return "; ".join(texts)


def class_rows(graph: Graph) -> list[list[str]]:
    rows = []
    for c in am_terms(graph, OWL.Class):
        supers = _names(graph.objects(c, RDFS.subClassOf))
        restrictions = _expressions(graph, graph.objects(c, RDFS.subClassOf))
        equivalent = sorted(class_expression(graph, e) for e in graph.objects(c, OWL.equivalentClass))
        rows.append([_term(c), label(graph, c, "zh"), label(graph, c, "en"),
                     "; ".join(x for x in (supers, restrictions) if x), "; ".join(equivalent), definition(graph, c)])
    return rows


def _domain_range(graph: Graph, prop: URIRef) -> str:
    def side(which: URIRef) -> str:
        return " and ".join(sorted(class_expression(graph, n) for n in graph.objects(prop, which))) or "?"

    return f"{side(RDFS.domain)} → {side(RDFS.range)}"


def characteristics(graph: Graph, prop: URIRef) -> str:
    found = [name for kind, name in _CHARACTERISTICS if (prop, RDF.type, kind) in graph]
    inverses = set(graph.objects(prop, OWL.inverseOf)) | set(graph.subjects(OWL.inverseOf, prop))
    if inverses:
        found.append(f"inverse of {_names(inverses)}")
    supers = [p for p in graph.objects(prop, RDFS.subPropertyOf) if is_am(p)]
    if supers:
        found.append(f"sub-property of {_names(supers)}")
    for chain in graph.objects(prop, OWL.propertyChainAxiom):
        found.append("chain " + " ∘ ".join(f"`{curie(p)}`" for p in _list(graph, chain)))
    return "; ".join(found)


def property_rows(graph: Graph, kind: URIRef) -> list[list[str]]:
    return [[_term(p), label(graph, p, "zh"), label(graph, p, "en"), _domain_range(graph, p),
             characteristics(graph, p), definition(graph, p)] for p in am_terms(graph, kind)]


def individual_rows(graph: Graph) -> list[list[str]]:
    rows = []
    for i in am_terms(graph, OWL.NamedIndividual):
        types = _names(t for t in graph.objects(i, RDF.type) if t != OWL.NamedIndividual)
        values = sorted(f'`{curie(p)}` "{o}"' for p, o in graph.predicate_objects(i)
                        if is_am(p) and isinstance(o, Literal))
        rows.append([_term(i), label(graph, i, "zh"), label(graph, i, "en"), types, "; ".join(values),
                     definition(graph, i)])
    return rows


def annotation_rows(graph: Graph) -> list[list[str]]:
    return [[_term(a), label(graph, a, "zh"), label(graph, a, "en"), definition(graph, a)]
            for a in am_terms(graph, OWL.AnnotationProperty)]


def _vocabulary(node: Node) -> str | None:
    for iri, name in VOCABULARIES.values():
        if isinstance(node, URIRef) and str(node).startswith(iri):
            return name
    return None


def alignment_rows(graph: Graph) -> list[list[str]]:
    order = [name for _, name in VOCABULARIES.values()]
    found = [(vocabulary, s, relation, o)
             for relation in _ALIGNMENT_RELATIONS
             for s, o in graph.subject_objects(relation)
             if is_am(s) and (vocabulary := _vocabulary(o)) is not None]
    found.sort(key=lambda f: (order.index(f[0]), str(f[1]), str(f[2]), str(f[3])))
    return [[vocabulary, _term(s), f"`{curie(relation)}`", _term(o), label(graph, o, "en")]
            for vocabulary, s, relation, o in found]


# ----------------------------------------------------------------- the page


def _intro(graph: Graph) -> str:
    title = label(graph, URIRef(ONTOLOGY_IRI), "en")
    version = graph.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)
    edition = f"{title} version {version}" if version is not None else title
    titles = {o.language: str(o) for o in graph.objects(URIRef(ONTOLOGY_IRI), DCTERMS.title)
              if isinstance(o, Literal) and o.language}
    counts = (
        f"{len(am_terms(graph, OWL.Class))} classes, {len(am_terms(graph, OWL.ObjectProperty))} object properties, "
        f"{len(am_terms(graph, OWL.DatatypeProperty))} datatype properties, "
        f"{len(am_terms(graph, OWL.NamedIndividual))} named individuals"
    )
    return f"""# The argmap ontology

<!-- Generated from argmap/ontology/argmap.ttl by `python -m argmap.ontology.docs`: do not edit. -->

**{titles.get("en", title)}** / {titles.get("zh", "")} — {edition}: {counts}.

`argmap/ontology/argmap.ttl` (OWL 2 DL, Turtle) is the single source of the vocabulary; this page,
the typed namespace `argmap/ontology/_AM.py` and the store's ontology graph are all derived from it.
After editing the file, regenerate both derived files; the tests fail while either is stale:

```sh
.venv/bin/python -m argmap.ontology.codegen   # argmap/ontology/_AM.py
.venv/bin/python -m argmap.ontology.docs      # docs/ontology.md (or: -m argmap.ontology.docs OUTPUT)
```

| prefix | IRI | use |
|---|---|---|
| `am:` | `{AM_IRI}` | classes, properties and vocabulary individuals of the ontology |
| `amid:` | `{AMID_IRI}` | individuals argmap mints for the data (brands, statements, articles) |

The file declares the external terms it aligns with instead of importing them, so it loads offline.
To browse it in **Protégé**, open `argmap/ontology/argmap.ttl` (File › Open; Protégé reads Turtle), or
convert it to RDF/XML first, which is also the format **owlready2** reads:

```sh
.venv/bin/python -c "from rdflib import Graph; \\
  Graph().parse('argmap/ontology/argmap.ttl').serialize('argmap.owl', format='xml')"
```

`argmap export --format ttl -o store.ttl` writes the store, ontology graph and data merged, as Turtle
that converts the same way, for looking at the classified knowledge graph together with the ontology."""


def _diagrams(graph: Graph) -> str:
    undrawn = undrawn_properties(graph)
    note = ""
    if undrawn:
        listed = ", ".join(f"`{curie(p)}` ({_domain_range(graph, p)})" for p in undrawn)
        note = f"\n\nNot drawn, for want of a declared am: domain or range: {listed}."
    return f"""## Diagrams

Generated from the file: `Super <|-- Sub` is `rdfs:subClassOf` between am: classes; `A --> B : p` is the
object property `p` with domain `A` and range `B` (a union domain or range gives one arrow per member;
a class inherits the arrows of its superclasses, so `am:Claim` and `am:Evidence` take part in
`am:supports` as `am:Statement`s). Alignments with other vocabularies are in the last table.

### Core: entities, strategies and constraints, statements and articles

{core_diagram(graph)}{note}

### Class hierarchy: strategies, constraints, evidence kinds, claims and the rest

{hierarchy_diagram(graph)}"""


def _section(title: str, intro: str, header: Sequence[str], rows: list[list[str]]) -> str:
    return f"## {title}\n\n{intro}\n\n{table(header, rows)}"


def render_docs(graph: Graph) -> str:
    """The whole Markdown page for ``graph``; pure, so a test can compare it with the committed file."""
    definition_header = "definition (en / zh)"
    sections = [
        _intro(graph),
        _diagrams(graph),
        _section("Classes", "Superclasses lists named and restriction superclasses; defined classes give their "
                 "equivalent class, which HermiT uses to classify individuals.",
                 ["term", "zh", "en", "superclasses", "equivalent to", definition_header], class_rows(graph)),
        _section("Object properties", "Domain → range as declared (`?` where none is); characteristics are the OWL "
                 "property types and axioms.",
                 ["term", "zh", "en", "domain → range", "characteristics", definition_header],
                 property_rows(graph, OWL.ObjectProperty)),
        _section("Datatype properties", "Values are literals of the range datatype.",
                 ["term", "zh", "en", "domain → range", "characteristics", definition_header],
                 property_rows(graph, OWL.DatatypeProperty)),
        _section("Named individuals",
                 "Vocabulary individuals the ontology itself declares (statuses, quantity kinds, units).",
                 ["term", "zh", "en", "type", "values", definition_header], individual_rows(graph)),
    ]
    annotations = annotation_rows(graph)
    if annotations:
        sections.append(_section("Annotation properties", "Declared by argmap.",
                                 ["term", "zh", "en", definition_header], annotations))
    sections.append(_section(
        "Alignments", "Each am: term with the schema.org, PROV-O, SKOS, Web Annotation (`oa:`) or AIF term it is "
        "declared a subclass, sub-property, equivalent or instance of.",
        ["vocabulary", "am: term", "relation", "external term", "external label"], alignment_rows(graph)))
    return "\n\n".join(sections) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m argmap.ontology.docs", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT, help=f"default {DEFAULT_OUTPUT}")
    args = parser.parse_args(argv)
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render_docs(graph), encoding="utf-8")


if __name__ == "__main__":
    main()
