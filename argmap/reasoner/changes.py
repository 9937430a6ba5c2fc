"""What changed since the reasoner's previous run: statuses, strengths, and the new statements behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from argmap.graph.iri import REASONER_GRAPH
from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.ontology import AM
from argmap.reasoner.evaluate import ArgumentEvaluation

STRENGTH_CHANGE = Decimal("0.01")  # smaller moves are rounding noise, not news


@dataclass(frozen=True, slots=True)
class PreviousRun:
    status: dict[str, str] = field(default_factory=dict)  # claim IRI -> status IRI
    strength: dict[str, Decimal] = field(default_factory=dict)
    evaluated: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.evaluated and not self.status


@dataclass(frozen=True, slots=True)
class ClaimChange:
    claim: str
    old_status: str | None  # None: the claim is new
    new_status: str
    old_strength: Decimal | None
    new_strength: Decimal
    because: tuple[str, ...]  # new statements among the claim's supporters/attackers (recursively)


@dataclass(frozen=True, slots=True)
class ChangeReport:
    first_run: bool
    new_statements: tuple[str, ...]
    removed_statements: tuple[str, ...]
    changed: tuple[ClaimChange, ...]


def read_previous(store: Store) -> PreviousRun:
    """The statuses, strengths and evaluated statements in the reasoner graph before this run."""
    q = f"""
    SELECT ?c ?st ?x WHERE {{ GRAPH <{REASONER_GRAPH}> {{ ?c <{AM.status}> ?st . OPTIONAL {{ ?c <{AM.strength}> ?x }} }} }}"""
    status: dict[str, str] = {}
    strength: dict[str, Decimal] = {}
    res = store.query(q)
    if isinstance(res, SelectResult):
        for c, st, x in res.rows:
            if c is None or st is None:
                continue
            status[c.value] = st.value
            if x is not None:
                strength[c.value] = Decimal(x.value)
    seen = store.query(f"SELECT ?s WHERE {{ GRAPH <{REASONER_GRAPH}> {{ <{REASONER_GRAPH}> <{AM.evaluated}> ?s }} }}")
    evaluated = frozenset(r[0].value for r in seen.rows if r[0] is not None) if isinstance(seen, SelectResult) else frozenset()
    return PreviousRun(status, strength, evaluated)


def _upstream(evaluation: ArgumentEvaluation, claim: str) -> set[str]:
    """Every statement that bears on the claim, directly or through a chain of supports/undermines."""
    into: dict[str, list[str]] = {}
    for e in evaluation.edges:
        into.setdefault(e.target, []).append(e.source)
    seen: set[str] = set()
    todo = [claim]
    while todo:
        for src in into.get(todo.pop(), ()):
            if src not in seen:
                seen.add(src)
                todo.append(src)
    seen.discard(claim)
    return seen


def diff(previous: PreviousRun, evaluation: ArgumentEvaluation) -> ChangeReport:
    current = set(evaluation.verdicts)
    new = sorted(current - previous.evaluated) if not previous.empty else []
    removed = sorted(previous.evaluated - current)
    changes: list[ClaimChange] = []
    if not previous.empty:
        fresh = set(new)
        for v in sorted(evaluation.claims(), key=lambda v: v.node.iri):
            iri = v.node.iri
            old_status, old_strength = previous.status.get(iri), previous.strength.get(iri)
            moved = old_strength is None or abs(old_strength - v.rounded) > STRENGTH_CHANGE
            if old_status == v.status and not moved:
                continue
            if old_status is None and iri in fresh:
                # A claim that is itself new is reported among the new statements, not as a change.
                continue
            because = tuple(sorted(_upstream(evaluation, iri) & fresh))
            changes.append(ClaimChange(iri, old_status, v.status, old_strength, v.rounded, because))
    return ChangeReport(previous.empty, tuple(new), tuple(removed), tuple(changes))


def evaluated_triples(evaluation: ArgumentEvaluation) -> list[ox.Triple]:
    """``amid:graph/reasoner am:evaluated ?s`` for every statement of this run."""
    graph, prop = ox.NamedNode(str(REASONER_GRAPH)), ox.NamedNode(str(AM.evaluated))
    return [ox.Triple(graph, prop, ox.NamedNode(s)) for s in sorted(evaluation.verdicts)]

