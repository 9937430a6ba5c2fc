"""Claims of different articles that agree or disagree (am:agreesWith, am:contradicts).

Each claim's side on a strategy or brand comes from the extractors (am:arguesFor / am:arguesAgainst, see
``extractors/components/argument/stance.py``): strategies and brands have one IRI across articles and
languages, so a Chinese and an English article about Xiaomi's premiumization meet on the same node. Two
claims of different articles on the same side of the same subject agree; on opposite sides they
contradict. A strategy is one question (is Xiaomi's premiumization working?); a brand alone is not — one
article's claim that Apple's antitrust troubles grow and another's that its laptops sell well are on
different matters — so claims whose subject is a brand are compared only when they also name something
else in common (``Stance.aspects``: a strategy, a constraint, another brand or party, a market, a product
of another brand; one IRI across languages as well) or speak of the same aspect of its performance
(am:concerns: its sales, its prices, its share price …; "Apple shares hit a record high" and "UBS upgraded
Apple" both speak of how investors value it). A product of the brand that a claim names only after the brand
is no such matter: it is how most claims on the brand speak of it ("Apple is struggling with antitrust lawsuits
over … iPhone developers", "Apple has succeeded in moving its iPhone assembly to India" are on two matters),
while "The iPhone is a huge success for Apple" is about the iPhone. Each claim is linked to at most ``PER_CLAIM`` claims of each relation (the
earliest by IRI), so that a brand discussed in thousands of articles gives a readable, linear-size set of links
rather than every pair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import RDFS, SKOS

from argmap.graph.results import SelectResult
from argmap.ontology import AM
from argmap.ontology.namespaces import IRIREF_FORBIDDEN

if TYPE_CHECKING:
    from argmap.graph.store import Store

PER_CLAIM = 20

STANCES = f"""
SELECT ?claim ?article ?subject ?side ?brand ?text WHERE {{
  {{ ?claim <{AM.arguesFor}> ?subject . BIND(1 AS ?side) }}
  UNION {{ ?claim <{AM.arguesAgainst}> ?subject . BIND(-1 AS ?side) }}
  ?claim <{AM.inArticle}> ?article .
  OPTIONAL {{ ?subject a <{AM.Brand}> . BIND(true AS ?brand) }}
  OPTIONAL {{ ?claim <{AM.text}> ?text }}
}}
"""
# what else each claim with a side names — entities, not the figures it quotes (one node per article) — and
# the aspects of a brand's performance it speaks of (am:concerns: its sales, its share price …)
ASPECTS = f"""
SELECT DISTINCT ?claim ?entity WHERE {{
  {{ ?claim <{AM.arguesFor}> ?subject }} UNION {{ ?claim <{AM.arguesAgainst}> ?subject }}
  {{ ?claim <{AM.mentions}> ?entity . FILTER NOT EXISTS {{ ?entity a <{AM.Quantity}> }} }}
  UNION {{ ?claim <{AM.concerns}> ?entity }}
}}
"""


@dataclass(frozen=True, slots=True)
class Stance:
    claim: str
    article: str
    subject: str
    side: int  # +1 argues for, -1 against
    broad: bool = False  # the subject is a brand: agreeing on it needs a shared aspect too
    aspects: frozenset[str] = frozenset()  # the other entities the claim names and the aspects it concerns
    said: str = ""  # its words, spaces and case aside: one sentence in two articles is a copy, not agreement


@dataclass(frozen=True, slots=True)
class Agreement:
    first: str  # the claim whose IRI sorts first
    second: str
    agrees: bool
    subject: str


# each product with its brand, and the names of both: a claim naming its brand before the product speaks of the brand
OWNED = f"""
SELECT ?product ?brand ?name ?named WHERE {{
  ?product <{AM.hasBrand}> ?brand .
  {{ ?product <{RDFS.label}>|<{SKOS.altLabel}> ?name . BIND(?product AS ?named) }}
  UNION {{ ?brand <{RDFS.label}>|<{SKOS.altLabel}> ?name . BIND(?brand AS ?named) }}
}}
"""


def read_stances(store: "Store") -> list[Stance]:
    result = store.query(STANCES)
    if not isinstance(result, SelectResult):
        return []
    named: dict[str, set[str]] = defaultdict(set)
    aspects = store.query(ASPECTS)
    if isinstance(aspects, SelectResult):
        for claim, entity in aspects.rows:
            if claim is not None and entity is not None:
                named[claim.value].add(entity.value)
    owned: dict[str, set[str]] = defaultdict(set)  # brand -> its products
    names: dict[str, set[str]] = defaultdict(set)  # product or brand -> its names
    products = store.query(OWNED)
    if isinstance(products, SelectResult):
        for product, brand, name, which in products.rows:
            if product is not None and brand is not None and name is not None and which is not None:
                owned[brand.value].add(product.value)
                names[which.value].add(name.value)
    out = []
    for c, a, s, side, brand, text in result.rows:
        if c is None or a is None or s is None or side is None:
            continue
        words = text.value if text is not None else ""
        aside = incidental(words, s.value, named[c.value] & owned[s.value], names) if brand is not None else set()
        out.append(Stance(c.value, a.value, s.value, int(side.value), broad=brand is not None,
                          aspects=frozenset(named[c.value] - {s.value} - aside), said=said(words)))
    return out


def incidental(text: str, brand: str, products: set[str], names: dict[str, set[str]]) -> set[str]:
    """The brand's ``products`` that ``text`` names only after the brand, or not by a name the store has ("Apple
    is struggling with antitrust lawsuits over … iPhone developers"): the claim speaks of the brand, not of them."""
    def first(ref: str) -> int | None:
        return min((at for name in names.get(ref, ()) if (at := text.find(name)) >= 0), default=None)

    start = first(brand)
    if start is None:
        return set()  # the brand is not named: the claim is about its product ("iPhone sales grew")
    return {p for p in products if (at := first(p)) is None or at > start}


def said(text: str) -> str:
    """A claim's words with spaces and case aside, to tell a copy of the same sentence."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class Link:
    """A stored am:agreesWith / am:contradicts link, once per pair, with what both claims speak of."""

    first: str  # the claim whose IRI sorts first
    second: str
    agrees: bool
    on: tuple[str, ...] = ()  # labels ("小米 / Xiaomi"): the subject both take sides on, shared aspects, entities


def stored_links(store: "Store", claim: str | None = None) -> list[Link]:
    """The store's links between claims of different articles (those of ``claim`` only, an IRI, when given),
    each with what both claims speak of — the strategy or brand they take sides on, then the aspects and the
    other entities they share, Chinese label with the English beside it — so a reader sees why two are compared."""
    if claim is not None and IRIREF_FORBIDDEN.search(claim):
        raise ValueError(f"{claim!r} is not an IRI")  # callers resolve what the user typed first
    ends = f"VALUES ?a0 {{ <{claim}> }} {{ ?a0 ?p ?b0 }}" if claim is not None else "?a0 ?p ?b0"
    rows = store.query(f"""
        SELECT DISTINCT ?a ?p ?b ?rank ?name WHERE {{
          VALUES ?p {{ <{AM.agreesWith}> <{AM.contradicts}> }} {ends}
          BIND(IF(STR(?a0) < STR(?b0), ?a0, ?b0) AS ?a) BIND(IF(STR(?a0) < STR(?b0), ?b0, ?a0) AS ?b)
          OPTIONAL {{
            {{ ?a <{AM.arguesFor}>|<{AM.arguesAgainst}> ?x . ?b <{AM.arguesFor}>|<{AM.arguesAgainst}> ?x .
               BIND(0 AS ?rank) }}
            UNION {{ ?a <{AM.concerns}> ?x . ?b <{AM.concerns}> ?x . BIND(1 AS ?rank) }}
            UNION {{ ?a <{AM.mentions}> ?x . ?b <{AM.mentions}> ?x . FILTER NOT EXISTS {{ ?x a <{AM.Quantity}> }}
                     BIND(2 AS ?rank) }}
            OPTIONAL {{ ?x <{RDFS.label}> ?zh . FILTER(LANGMATCHES(LANG(?zh), "zh")) }}
            OPTIONAL {{ ?x <{RDFS.label}> ?en . FILTER(LANGMATCHES(LANG(?en), "en")) }}
            BIND(IF(BOUND(?zh) && BOUND(?en) && STR(?zh) != STR(?en), CONCAT(STR(?zh), " / ", STR(?en)),
                    COALESCE(STR(?zh), STR(?en))) AS ?name)
          }}
        }} ORDER BY ?p ?a ?b ?rank ?name""")
    if not isinstance(rows, SelectResult):
        return []
    found: dict[tuple[str, str, str], list[str]] = {}
    for a, p, b, _, name in rows.rows:
        if a is None or p is None or b is None:
            continue
        names = found.setdefault((a.value, p.value, b.value), [])
        if name is not None and name.value and name.value not in names:
            names.append(name.value)
    return [Link(a, b, p == str(AM.agreesWith), tuple(names)) for (a, p, b), names in found.items()]


def changed_agreement(store: "Store", graph: str, triples: list[ox.Triple]) -> list[ox.Triple] | None:
    """``triples`` when they differ from what ``graph`` holds, ``None`` when it holds exactly them: most runs
    (an article with no side on a shared subject) leave the links as they were, and then nothing is written."""
    held = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    if not isinstance(held, SelectResult):
        return triples
    stored = {ox.Triple(s, p, o) for s, p, o in held.rows if s is not None and p is not None and o is not None}
    return None if stored == set(triples) else triples


def agreement_triples(found: list[Agreement]) -> list[ox.Triple]:
    """Both directions: am:agreesWith and am:contradicts are symmetric, and readers query either way."""
    out = []
    for a in found:
        prop = ox.NamedNode(str(AM.agreesWith if a.agrees else AM.contradicts))
        first, second = ox.NamedNode(a.first), ox.NamedNode(a.second)
        out += [ox.Triple(first, prop, second), ox.Triple(second, prop, first)]
    return out


def agreements(stances: list[Stance], *, per_claim: int = PER_CLAIM) -> list[Agreement]:
    """Every pair of claims from different articles with a side on the same subject — on a brand, naming
    something else in common too — at most ``per_claim`` of each relation per claim; each pair once, first
    claim by IRI. The same sentence in two articles is one claim copied, not two that agree."""
    by_subject: dict[str, list[Stance]] = defaultdict(list)
    for s in stances:
        by_subject[s.subject].append(s)
    out: dict[tuple[str, str], Agreement] = {}
    count: dict[tuple[str, bool], int] = defaultdict(int)
    for subject, group in sorted(by_subject.items()):
        group.sort(key=lambda s: s.claim)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                # a story crawled or syndicated twice says its sentence once: it does not agree with itself
                if a.article == b.article or a.claim == b.claim or (a.said and a.said == b.said):
                    continue
                if (a.broad or b.broad) and a.aspects.isdisjoint(b.aspects):
                    continue  # the same brand, different matters
                agrees = a.side == b.side
                if count[(a.claim, agrees)] >= per_claim or count[(b.claim, agrees)] >= per_claim:
                    continue
                key = (a.claim, b.claim)
                if key not in out:
                    out[key] = Agreement(a.claim, b.claim, agrees, subject)
                    count[(a.claim, agrees)] += 1
                    count[(b.claim, agrees)] += 1
    return list(out.values())
