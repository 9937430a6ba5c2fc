"""The map's view model: what the store says about claims, evidence and entities, read only via SPARQL.

Nothing here knows about extractors or spaCy: the store is the single source, so the map shows
exactly what a SPARQL user would find. Focus (``--claim`` / ``--brand``) is applied here, before
rendering, so a focused map only carries the neighbourhood it shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable

from pyoxigraph import Literal
from rdflib.namespace import DCTERMS

from argmap.errors import MapError
from argmap.graph.results import SelectResult, Term
from argmap.graph.store import Store
from argmap.ontology import AM
from argmap.ontology.namespaces import sparql_prologue
from argmap.reasoner.agreement import stored_links
from argmap.reasoner.run import class_names
from argmap.reasoner.stored import read_verdicts, verdict_evidence
from argmap.reasoner.verdict import Side

# A paragraph longer than this is cut to a window around the statement, so the side panel stays readable.
MAX_PARAGRAPH_CHARS = 900
# How far below a focused claim its supporters and attackers are followed.
FOCUS_DEPTH = 3


class NodeKind(str, Enum):
    CLAIM = "claim"
    EVIDENCE = "evidence"
    ENTITY = "entity"


class Status(str, Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"
    UNSUPPORTED = "unsupported"  # nothing supports or attacks it: no strength
    UNKNOWN = "unknown"  # the reasoner has not run (yet)


class EdgeKind(str, Enum):
    SUPPORTS = "supports"
    UNDERMINES = "undermines"
    MENTIONS = "mentions"
    PURSUES = "pursues"
    CONSTRAINED_BY = "constrainedBy"
    COMPETES_WITH = "competesWith"
    AGREES_WITH = "agreesWith"  # claims of two articles on the same side of one brand or strategy
    CONTRADICTS = "contradicts"  # … on opposite sides


class EntityKind(str, Enum):
    """Listed in priority order: an individual typed Brand and Organization is drawn as a Brand."""

    BRAND = "Brand"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PRODUCT = "Product"
    EVENT = "Event"
    MARKET = "Market"
    STRATEGY = "Strategy"
    CONSTRAINT = "Constraint"
    QUANTITY = "Quantity"


ARGUMENT_EDGES = (EdgeKind.SUPPORTS, EdgeKind.UNDERMINES)
AGREEMENT_EDGES = (EdgeKind.AGREES_WITH, EdgeKind.CONTRADICTS)  # symmetric: drawn once, without an arrow
_STATUS_BY_IRI = {str(AM.Accepted): Status.ACCEPTED, str(AM.Rejected): Status.REJECTED, str(AM.Undecided): Status.UNDECIDED,
                  str(AM.Unsupported): Status.UNSUPPORTED}
_ENTITY_BY_IRI = {str(AM[k.value]): k for k in EntityKind}
_BASE_CLASSES = frozenset(_ENTITY_BY_IRI) | {str(AM.Entity), str(AM.Premiumization)}


@dataclass(frozen=True, slots=True)
class Article:
    iri: str
    title: str
    date: str = ""  # dcterms:date as stated by the article (ISO), "" when it states none

    @property
    def label(self) -> str:
        """What the map shows: the title, with the day it was published when known."""
        return f"{self.title} · {self.date[:10]}" if self.date else self.title


@dataclass(frozen=True, slots=True)
class Passage:
    """The paragraph a statement sits in; ``start:end`` is the statement inside ``paragraph``."""

    paragraph: str
    start: int
    end: int


@dataclass(slots=True)
class StatementNode:
    iri: str
    kind: NodeKind
    text: str
    article: str | None
    passage: Passage
    status: Status = Status.UNKNOWN
    strength: float | None = None
    start: int | None = None
    end: int | None = None
    central: bool = False  # the article's thesis (am:central): the map opens on it


@dataclass(frozen=True, slots=True)
class VerdictSentence:
    """One evidence statement a premiumization verdict weighed."""

    iri: str
    text: str
    side: str  # "price", "value" or "" (counted for neither side)
    strength: float | None
    accepted: bool
    rests_on: bool


@dataclass(frozen=True, slots=True)
class VerdictView:
    """A brand's premiumization verdict as the reasoner stored it: class, the rule that decided, both sides."""

    strategy: str
    classes: tuple[str, ...]  # display labels; empty: no classification
    rule: str  # display label of the am:VerdictRule
    price_weight: float
    value_weight: float
    price_count: int
    value_count: int
    sentences: tuple[VerdictSentence, ...]


@dataclass(slots=True)
class EntityNode:
    iri: str
    kind: EntityKind
    label_zh: str = ""
    label_en: str = ""
    classes: tuple[str, ...] = ()  # classifications beyond the kind, as display labels
    verdicts: tuple[VerdictView, ...] = ()  # premiumization verdicts of a strategy or of the brand pursuing it

    @property
    def label(self) -> str:
        """Chinese first, English beside it where both exist."""
        if self.label_zh and self.label_en and self.label_zh != self.label_en:
            return f"{self.label_zh} / {self.label_en}"
        return self.label_zh or self.label_en or self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    said: tuple[str, ...] = ()  # the sentences that say an entity relation, one per article that says it
    on: tuple[str, ...] = ()  # what two linked claims of different articles both speak of (小米高端化, 股价 / share price)


@dataclass(slots=True)
class ViewModel:
    articles: dict[str, Article] = field(default_factory=dict)
    statements: dict[str, StatementNode] = field(default_factory=dict)
    entities: dict[str, EntityNode] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return len(self.statements) + len(self.entities)

    def restricted_to(self, keep: Iterable[str]) -> ViewModel:
        """The sub-map on these node IRIs, with only the edges between them."""
        ids = set(keep)
        statements = {k: v for k, v in self.statements.items() if k in ids}
        entities = {k: v for k, v in self.entities.items() if k in ids}
        edges = [e for e in self.edges if e.source in ids and e.target in ids]
        used = {s.article for s in statements.values()}
        articles = {k: v for k, v in self.articles.items() if k in used}
        return ViewModel(articles, statements, entities, edges)

    def brand_matches(self, ref: str) -> list[EntityNode]:
        return _match_entities([e for e in self.entities.values() if e.kind in (EntityKind.BRAND, EntityKind.ORGANIZATION)], ref)

    def claim_matches(self, ref: str) -> list[StatementNode]:
        claims = [s for s in self.statements.values() if s.kind is NodeKind.CLAIM]
        exact = [c for c in claims if ref in (c.iri, c.text) or c.iri.endswith("/" + ref)]
        return exact or [c for c in claims if ref.casefold() in c.text.casefold()]


# ------------------------------------------------------------------ reading the store


def load_view_model(store: Store) -> ViewModel:
    """Everything the map draws, in a handful of SELECT queries over the union default graph."""
    vm = ViewModel(articles={}, statements={}, entities={}, edges=[])
    contents = _read_articles(store, vm)
    _read_statements(store, vm, contents)
    _read_verdicts(store, vm)
    _read_argument_edges(store, vm)
    _read_agreement_edges(store, vm)
    mentioned = _read_mentions(store, vm)
    _read_entities(store, vm, mentioned)
    _read_entity_relations(store, vm)
    _read_premiumization_verdicts(store, vm)
    return vm


def _select(store: Store, body: str) -> list[dict[str, Term | None]]:
    res = store.query(sparql_prologue() + body)
    return res.dicts() if isinstance(res, SelectResult) else []


def _text(term: Term | None) -> str:
    return term.value if term is not None and hasattr(term, "value") else ""


def _int(term: Term | None) -> int | None:
    try:
        return int(_text(term))
    except ValueError:
        return None


def _read_articles(store: Store, vm: ViewModel) -> dict[str, str]:
    rows = _select(store, f"""
        SELECT ?a (SAMPLE(?t) AS ?title) (SAMPLE(?c) AS ?content) (SAMPLE(?d) AS ?date) WHERE {{
          ?a a <{AM.Article}> . OPTIONAL {{ ?a <{AM.content}> ?c }} OPTIONAL {{ ?a rdfs:label ?t }}
          OPTIONAL {{ ?a <{DCTERMS.date}> ?d }}
        }} GROUP BY ?a""")
    contents: dict[str, str] = {}
    for r in rows:
        iri = _text(r["a"])
        vm.articles[iri] = Article(iri, _text(r["title"]) or iri.rsplit("/", 1)[-1], _text(r["date"]))
        contents[iri] = _text(r["content"])
    return contents


def _read_statements(store: Store, vm: ViewModel, contents: dict[str, str]) -> None:
    rows = _select(store, f"""
        SELECT ?s ?kind (SAMPLE(?t) AS ?text) (SAMPLE(?a) AS ?article) (SAMPLE(?b) AS ?start) (SAMPLE(?e) AS ?end)
               (MAX(?c) AS ?central) WHERE {{
          VALUES ?kind {{ <{AM.Claim}> <{AM.Evidence}> }}
          ?s a ?kind ; <{AM.text}> ?t .
          OPTIONAL {{ ?s <{AM.inArticle}> ?a }} OPTIONAL {{ ?s <{AM.startChar}> ?b }} OPTIONAL {{ ?s <{AM.endChar}> ?e }}
          OPTIONAL {{ ?s <{AM.central}> ?c }}
        }} GROUP BY ?s ?kind""")
    for r in rows:
        iri, text = _text(r["s"]), _text(r["text"])
        kind = NodeKind.CLAIM if _text(r["kind"]) == str(AM.Claim) else NodeKind.EVIDENCE
        if iri in vm.statements and kind is NodeKind.EVIDENCE:
            continue  # typed both ways: it is argued for, so it is drawn as a claim
        article = _text(r["article"]) or None
        start, end = _int(r["start"]), _int(r["end"])
        passage = locate_passage(contents.get(article or "", ""), text, start, end)
        central = _text(r["central"]) == "true"
        vm.statements[iri] = StatementNode(iri, kind, text, article, passage, start=start, end=end, central=central)


def _read_verdicts(store: Store, vm: ViewModel) -> None:
    rows = _select(store, f"""
        SELECT ?s (SAMPLE(?st) AS ?status) (MAX(?x) AS ?strength) WHERE {{
          ?s <{AM.status}>|<{AM.strength}> ?any .
          OPTIONAL {{ ?s <{AM.status}> ?st }} OPTIONAL {{ ?s <{AM.strength}> ?x }}
        }} GROUP BY ?s""")
    for r in rows:
        node = vm.statements.get(_text(r["s"]))
        if node is None:
            continue
        node.status = _STATUS_BY_IRI.get(_text(r["status"]), node.status)
        try:
            node.strength = min(max(float(_text(r["strength"])), 0.0), 1.0) if r["strength"] is not None else None
        except ValueError:
            node.strength = None


def _read_argument_edges(store: Store, vm: ViewModel) -> None:
    rows = _select(store, f"""
        SELECT DISTINCT ?a ?p ?b WHERE {{ VALUES ?p {{ <{AM.supports}> <{AM.undermines}> }} ?a ?p ?b }}""")
    for r in rows:
        a, b = _text(r["a"]), _text(r["b"])
        if a in vm.statements and b in vm.statements:
            kind = EdgeKind.SUPPORTS if _text(r["p"]) == str(AM.supports) else EdgeKind.UNDERMINES
            vm.edges.append(Edge(a, b, kind))


def _read_agreement_edges(store: Store, vm: ViewModel) -> None:
    """The reasoner stores both directions of a symmetric link; the map draws each pair once, with what both
    claims speak of (``agreement.stored_links``)."""
    for link in stored_links(store):
        if link.first in vm.statements and link.second in vm.statements:
            kind = EdgeKind.AGREES_WITH if link.agrees else EdgeKind.CONTRADICTS
            vm.edges.append(Edge(link.first, link.second, kind, on=link.on))


def _read_mentions(store: Store, vm: ViewModel) -> set[str]:
    rows = _select(store, f"SELECT DISTINCT ?s ?e WHERE {{ ?s <{AM.mentions}> ?e }}")
    mentioned: set[str] = set()
    for r in rows:
        s, e = _text(r["s"]), _text(r["e"])
        if s in vm.statements:
            vm.edges.append(Edge(s, e, EdgeKind.MENTIONS))
            mentioned.add(e)
    return mentioned


def _read_entities(store: Store, vm: ViewModel, mentioned: set[str]) -> None:
    rows = _select(store, f"""
        SELECT ?e ?type (SAMPLE(?tl) AS ?typeLabel) WHERE {{
          ?e a ?type . FILTER(STRSTARTS(STR(?type), STR(am:)))
          {{ ?s <{AM.mentions}> ?e }} UNION {{ ?e <{AM.pursues}>|<{AM.constrainedBy}>|<{AM.competesWith}> ?o }}
          UNION {{ ?o <{AM.pursues}>|<{AM.constrainedBy}>|<{AM.competesWith}> ?e }}
          OPTIONAL {{ ?type rdfs:label ?tl . FILTER(LANG(?tl) = "zh") }}
        }} GROUP BY ?e ?type""")
    types: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        types[_text(r["e"])].append((_text(r["type"]), _text(r["typeLabel"])))
    for iri, typed in types.items():
        kind = _entity_kind(t for t, _ in typed)
        if kind is None:
            continue
        extra = tuple(sorted(label or t.rsplit("#", 1)[-1] for t, label in typed if t not in _BASE_CLASSES))
        vm.entities[iri] = EntityNode(iri, kind, classes=extra)
    _read_labels(store, vm)
    vm.edges[:] = [e for e in vm.edges if e.kind is not EdgeKind.MENTIONS or e.target in vm.entities]


def _entity_kind(type_iris: Iterable[str]) -> EntityKind | None:
    found = {_ENTITY_BY_IRI[t] for t in type_iris if t in _ENTITY_BY_IRI}
    return next((k for k in EntityKind if k in found), None)


def _read_labels(store: Store, vm: ViewModel) -> None:
    rows = _select(store, f"""
        SELECT ?e ?l WHERE {{
          {{ ?e rdfs:label ?l }} UNION {{ ?e skos:prefLabel ?l }} UNION {{ ?e a <{AM.Quantity}> ; <{AM.text}> ?l }}
        }}""")
    by_lang: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        label = r["l"]
        if isinstance(label, Literal):
            lang = (label.language or "").split("-")[0].lower()
            by_lang[_text(r["e"])].setdefault(lang, label.value)
    for iri, labels in by_lang.items():
        node = vm.entities.get(iri)
        if node is not None:
            node.label_en = labels.get("en", "")
            node.label_zh = labels.get("zh") or next((v for k, v in labels.items() if k != "en"), "")


def _read_entity_relations(store: Store, vm: ViewModel) -> None:
    rows = _select(store, f"""
        SELECT DISTINCT ?a ?p ?b WHERE {{ VALUES ?p {{ <{AM.pursues}> <{AM.constrainedBy}> <{AM.competesWith}> }} ?a ?p ?b }}""")
    said = _relation_sentences(store)
    seen: set[frozenset[str]] = set()
    for r in rows:
        a, b, prop = _text(r["a"]), _text(r["b"]), _text(r["p"])
        if a not in vm.entities or b not in vm.entities:
            continue
        kind = EdgeKind(prop.rsplit("#", 1)[-1])
        sentences = said.get((a, prop, b), ())
        if kind is EdgeKind.COMPETES_WITH:
            pair = frozenset((a, b))
            if pair in seen:
                continue  # symmetric: one line is enough
            seen.add(pair)
            sentences = tuple(dict.fromkeys([*sentences, *said.get((b, prop, a), ())]))
        vm.edges.append(Edge(a, b, kind, sentences))


def _relation_sentences(store: Store) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(subject, property, object) -> the statements that say it (am:EntityRelationReading), in article order."""
    rows = _select(store, f"""
        SELECT ?a ?p ?b ?text WHERE {{ ?r a <{AM.EntityRelationReading}> ; <{AM.relationSubject}> ?a ;
            <{AM.relationProperty}> ?p ; <{AM.relationObject}> ?b ; <{AM.statedIn}> ?s ; <{AM.inArticle}> ?art .
            ?s <{AM.text}> ?text }} ORDER BY ?art""")
    out: dict[tuple[str, str, str], list[str]] = {}
    for r in rows:
        out.setdefault((_text(r["a"]), _text(r["p"]), _text(r["b"])), []).append(_text(r["text"]))
    return {key: tuple(dict.fromkeys(texts)) for key, texts in out.items()}


def _read_premiumization_verdicts(store: Store, vm: ViewModel) -> None:
    """Each stored verdict goes to its strategy's node and to the nodes of the brands pursuing it."""
    labels = class_names()  # '中文 English' from the ontology file, as argmap explain shows them
    for v in read_verdicts(store):
        sentences = tuple(
            VerdictSentence(e.iri, e.text, next((s.value for s in (Side.PRICE, Side.VALUE) if s in e.sides), ""),
                            float(e.strength) if e.strength is not None else None, e.status == str(AM.Accepted), e.rests_on)
            for e in sorted(verdict_evidence(store, v.strategy), key=lambda e: (not e.sides, not e.rests_on)))
        view = VerdictView(v.strategy, tuple(labels.get(c, c.rsplit("#", 1)[-1]) for c in v.classes),
                           labels.get(v.rule, v.rule.rsplit("#", 1)[-1]), float(v.price_weight), float(v.value_weight),
                           v.price_count, v.value_count, sentences)
        for holder in (v.strategy, *v.owners):
            node = vm.entities.get(holder)
            if node is not None:
                node.verdicts = (*node.verdicts, view)


# ------------------------------------------------------------------ passages


def locate_passage(content: str, text: str, start: int | None, end: int | None) -> Passage:
    """The paragraph (line) of ``content`` holding the statement, with the statement's place in it.

    Offsets are trusted only when they point at the statement's text; otherwise the text is looked
    up, and failing that the statement stands alone.
    """
    if start is None or end is None or not (0 <= start <= end <= len(content)) or content[start:end] != text:
        found = content.find(text) if text else -1
        if found < 0:
            return Passage(text, 0, len(text))
        start, end = found, found + len(text)
    para_start = content.rfind("\n", 0, start) + 1
    para_end = content.find("\n", end)
    para_end = len(content) if para_end < 0 else para_end
    if para_end - para_start > MAX_PARAGRAPH_CHARS:
        margin = max((MAX_PARAGRAPH_CHARS - (end - start)) // 2, 0)
        para_start, para_end = max(para_start, start - margin), min(para_end, end + margin)
    return Passage(content[para_start:para_end], start - para_start, end - para_start)


# ------------------------------------------------------------------ focus


def focus_on_claim(vm: ViewModel, ref: str) -> ViewModel:
    """The claim, what argues for or against it (down to FOCUS_DEPTH), what it argues for, and their entities."""
    matches = vm.claim_matches(ref)
    if not matches:
        raise MapError(f"no claim matches {ref!r}; give a claim IRI or a fragment of its text (argmap query lists claims)")
    if len(matches) > 1 and len({m.text for m in matches}) > 1:
        listed = "; ".join(f"{m.iri} ({m.text[:24]})" for m in matches[:5])
        raise MapError(f"{len(matches)} claims match {ref!r}: give more of the text or one IRI: {listed}")
    keep = {m.iri for m in matches}
    incoming = _argument_index(vm, reverse=True)
    frontier = set(keep)
    for _ in range(FOCUS_DEPTH):
        frontier = {src for node in frontier for src in incoming.get(node, ())} - keep
        keep |= frontier
    outgoing = _argument_index(vm, reverse=False)
    keep |= {dst for m in matches for dst in outgoing.get(m.iri, ())}
    return vm.restricted_to(keep | _mentioned_by(vm, keep))


def focus_on_brand(vm: ViewModel, ref: str) -> ViewModel:
    """Statements that mention the brand, the statements arguing with them, and the entities they mention."""
    matches = vm.brand_matches(ref)
    if not matches:
        known = ", ".join(sorted(e.label for e in vm.entities.values() if e.kind is EntityKind.BRAND)[:10]) or "none yet"
        raise MapError(f"no brand matches {ref!r}; brands in the store: {known}")
    brands = {b.iri for b in matches}
    direct = {e.source for e in vm.edges if e.kind is EdgeKind.MENTIONS and e.target in brands}
    neighbours = {n for e in vm.edges if e.kind in ARGUMENT_EDGES for n in (e.source, e.target)
                  if e.source in direct or e.target in direct}
    keep = direct | neighbours | brands
    return vm.restricted_to(keep | _mentioned_by(vm, keep))


def _argument_index(vm: ViewModel, *, reverse: bool) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for e in vm.edges:
        if e.kind in ARGUMENT_EDGES:
            key, value = (e.target, e.source) if reverse else (e.source, e.target)
            index[key].add(value)
    return index


def _mentioned_by(vm: ViewModel, statements: set[str]) -> set[str]:
    return {e.target for e in vm.edges if e.kind is EdgeKind.MENTIONS and e.source in statements}


def _match_entities(candidates: list[EntityNode], ref: str) -> list[EntityNode]:
    wanted = ref.strip().casefold()
    return [e for e in candidates
            if wanted in (e.iri.casefold(), e.iri.rsplit("/", 1)[-1].casefold(), e.label_zh.casefold(), e.label_en.casefold())]
