"""Argument evaluation: the bipolar framework of claims and evidence, read from the working dataset.

Strengths come from the quadratic energy model and statuses from grounded semantics over the
attacks that defeat (``semantics.evaluate``). Base scores (τ), documented in rules/README.md:

* a claim starts at 0.5 (no reason yet to lean either way), evidence at 0.6 (offered as grounds);
* +0.1 when the statement reports a figure (it mentions an ``am:Quantity``);
* −0.15 when hedged (或许, may), −0.1 when conditional (如果…那么, if … then);
* clamped to [0.05, 0.95] so nothing is beyond doubt.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

import pyoxigraph as ox

from argmap.graph.terms import decimal, iri
from argmap.ontology import AM, PREFIXES
from argmap.reasoner.semantics import DEFAULT_MARGIN, Balance, Framework, Label, Model, evaluate

CLAIM_BASE = 0.5
EVIDENCE_BASE = 0.6
FIGURE_BONUS = 0.1
HEDGE_PENALTY = 0.15
CONDITION_PENALTY = 0.1
BASE_FLOOR, BASE_CEILING = 0.05, 0.95
MODEL = Model.QUADRATIC_ENERGY
BALANCE_MARGIN = DEFAULT_MARGIN


class Kind(str, Enum):
    CLAIM = "Claim"
    EVIDENCE = "Evidence"


STATUS_OF_LABEL = {Label.IN: AM.Accepted, Label.OUT: AM.Rejected, Label.UNDEC: AM.Undecided}


@dataclass(frozen=True, slots=True)
class Node:
    iri: str
    kind: Kind
    base: float
    figure: bool = False
    hedged: bool = False
    conditional: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    supports: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    """One statement's evaluation."""

    node: Node
    label: Label
    strength: float
    balance: Balance
    unsupported: bool = False  # a claim nothing supports or attacks: no grounds to weigh

    @property
    def status(self) -> str:
        return str(AM.Unsupported) if self.unsupported else str(STATUS_OF_LABEL[self.label])

    @property
    def rounded(self) -> Decimal:
        return round_strength(self.strength)

    @property
    def shown_strength(self) -> Decimal | None:
        """The strength a reader is shown and the store holds: none for an unsupported claim."""
        return None if self.unsupported else self.rounded


@dataclass(frozen=True, slots=True)
class ArgumentEvaluation:
    verdicts: dict[str, Verdict]
    edges: list[Edge]
    rounds: int
    converged: bool

    def claims(self) -> list[Verdict]:
        return [v for v in self.verdicts.values() if v.node.kind is Kind.CLAIM]

    def supporters(self, target: str) -> list[str]:
        return [e.source for e in self.edges if e.target == target and e.supports]

    def attackers(self, target: str) -> list[str]:
        return [e.source for e in self.edges if e.target == target and not e.supports]


def round_strength(value: float) -> Decimal:
    return Decimal(str(round(min(max(value, 0.0), 1.0), 4)))


def base_score(kind: Kind, *, figure: bool, hedged: bool, conditional: bool) -> float:
    score = CLAIM_BASE if kind is Kind.CLAIM else EVIDENCE_BASE
    score += FIGURE_BONUS if figure else 0.0
    score -= HEDGE_PENALTY if hedged else 0.0
    score -= CONDITION_PENALTY if conditional else 0.0
    return min(max(score, BASE_FLOOR), BASE_CEILING)


_KINDS = "SELECT ?s ?k WHERE { VALUES ?k { am:Claim am:Evidence } ?s a ?k }"
_FIGURES = "SELECT DISTINCT ?s WHERE { ?s am:mentions ?q . ?q a am:Quantity }"
_FLAGGED = "SELECT DISTINCT ?s WHERE { ?s ?flag true }"  # ?flag bound by VALUES below

_EDGES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { am:supports am:undermines }
  ?s ?p ?o .
} ORDER BY ?s ?p ?o
"""


def read_nodes(working: ox.Store) -> list[Node]:
    """Every claim and evidence statement with its base score (a few index lookups, no per-statement sub-query)."""
    claim = str(AM.Claim)
    kinds: dict[str, Kind] = {}
    for row in working.query(_KINDS, prefixes=PREFIXES):
        s = row["s"].value
        # A statement typed both Claim and Evidence is treated as a claim: it can be rejected.
        kinds[s] = Kind.CLAIM if row["k"].value == claim or kinds.get(s) is Kind.CLAIM else Kind.EVIDENCE
    figures = _subjects(working, _FIGURES)
    hedged = _subjects(working, _FLAGGED.replace("?flag", "am:hedged"))
    conditional = _subjects(working, _FLAGGED.replace("?flag", "am:conditional"))
    nodes: list[Node] = []
    for s in sorted(kinds):
        kind = kinds[s]
        figure, hedge, cond = s in figures, s in hedged, s in conditional
        nodes.append(Node(s, kind, base_score(kind, figure=figure, hedged=hedge, conditional=cond), figure, hedge, cond))
    return nodes


def _subjects(working: ox.Store, query: str) -> set[str]:
    return {row["s"].value for row in working.query(query, prefixes=PREFIXES)}


def read_edges(working: ox.Store, known: set[str]) -> list[Edge]:
    supports = str(AM.supports)
    out: list[Edge] = []
    for row in working.query(_EDGES, prefixes=PREFIXES):
        s, o = row["s"].value, row["o"].value
        if s in known and o in known:
            out.append(Edge(s, o, row["p"].value == supports))
    return out


def evaluate_arguments(working: ox.Store) -> ArgumentEvaluation:
    """Statuses (grounded) and strengths (the gradual MODEL) of every claim and evidence statement."""
    nodes = read_nodes(working)
    index = {n.iri: i for i, n in enumerate(nodes)}
    edges = read_edges(working, set(index))
    fw = Framework([n.base for n in nodes])
    for e in edges:
        if e.supports:
            fw.add_support(index[e.source], index[e.target])
        else:
            fw.add_attack(index[e.source], index[e.target])
    result = evaluate(fw, model=MODEL, margin=BALANCE_MARGIN)
    targeted = {e.target for e in edges}
    verdicts = {n.iri: Verdict(n, result.labels[i], result.strength[i], result.balances[i],
                               n.kind is Kind.CLAIM and n.iri not in targeted) for i, n in enumerate(nodes)}
    return ArgumentEvaluation(verdicts, edges, result.rounds, result.converged)


def status_triples(evaluation: ArgumentEvaluation, *, claims_only: bool) -> list[ox.Triple]:
    """am:status and am:strength for each claim (or each statement); an unsupported claim gets no strength."""
    out: list[ox.Triple] = []
    for v in evaluation.verdicts.values():
        if claims_only and v.node.kind is not Kind.CLAIM:
            continue
        node = ox.NamedNode(v.node.iri)
        out.append(ox.Triple(node, iri(AM.status), ox.NamedNode(v.status)))
        shown = v.shown_strength
        if shown is not None:
            out.append(ox.Triple(node, iri(AM.strength), decimal(shown)))
    return out
