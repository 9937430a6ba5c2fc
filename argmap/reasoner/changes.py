"""What changed since the reasoner's previous run: statuses, strengths, and the new statements behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence


from argmap.graph.iri import REASONER_GRAPH, REASONER_GRAPH_PREFIX
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
    new_strength: Decimal | None  # None: unsupported (no strength)
    because: tuple[str, ...]  # new statements among the claim's supporters/attackers (recursively)


@dataclass(frozen=True, slots=True)
class ChangeReport:
    first_run: bool
    new_statements: tuple[str, ...]
    removed_statements: tuple[str, ...]
    changed: tuple[ClaimChange, ...]


def _graphs_clause(graphs: Sequence[str] | None) -> str:
    if graphs is None:
        return f"FILTER (?rg = <{REASONER_GRAPH}> || STRSTARTS(STR(?rg), \"{REASONER_GRAPH_PREFIX}\"))"
    return "VALUES ?rg { " + " ".join(f"<{g}>" for g in graphs) + " }"


def read_previous(store: Store, graphs: Sequence[str] | None = None) -> PreviousRun:
    """The statuses and strengths (claims and evidence) and the evaluated statements in the reasoner's graphs
    (``graphs``, or all) before this run."""
    if graphs is not None and not graphs:
        return PreviousRun()
    # A few named graphs are read one by one (each an index lookup); all of them through one filtered pattern.
    scopes = [f"GRAPH <{g}>" for g in graphs] if graphs is not None and len(graphs) <= 50 else [
        f"{_graphs_clause(graphs)} GRAPH ?rg"]
    status: dict[str, str] = {}
    strength: dict[str, Decimal] = {}
    old: set[str] = set()
    for scope in scopes:
        res = store.query(f"SELECT ?c ?st ?x WHERE {{ {scope} {{ ?c <{AM.status}> ?st . OPTIONAL {{ ?c <{AM.strength}> ?x }} }} }}")
        if isinstance(res, SelectResult):
            for c, st, x in res.rows:
                if c is None or st is None:
                    continue
                status[c.value] = st.value
                if x is not None:
                    strength[c.value] = Decimal(x.value)
        # Every statement a run evaluated has a status in its graph (older versions listed them as am:evaluated).
        seen = store.query(f"SELECT ?s WHERE {{ {scope} {{ ?any <{AM.evaluated}> ?s }} }}")
        if isinstance(seen, SelectResult):
            old |= {r[0].value for r in seen.rows if r[0] is not None}
    return PreviousRun(status, strength, frozenset(old | set(status)))


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


def diff(previous: PreviousRun, evaluation: ArgumentEvaluation, *, first_run: bool | None = None) -> ChangeReport:
    """``first_run``: whether the store had no reasoner run before (default: nothing was read)."""
    first = previous.empty if first_run is None else first_run
    current = set(evaluation.verdicts)
    new = sorted(current - previous.evaluated) if not first else []
    removed = sorted(previous.evaluated - current)
    changes: list[ClaimChange] = []
    if not first:
        fresh = set(new)
        for v in sorted(evaluation.claims(), key=lambda v: v.node.iri):
            iri = v.node.iri
            old_status, old_strength = previous.status.get(iri), previous.strength.get(iri)
            new_strength = v.shown_strength
            moved = (old_strength is None) != (new_strength is None) or (
                old_strength is not None and new_strength is not None and abs(old_strength - new_strength) > STRENGTH_CHANGE)
            if old_status == v.status and not moved:
                continue
            if old_status is None and iri in fresh:
                # A claim that is itself new is reported among the new statements, not as a change.
                continue
            because = tuple(sorted(_upstream(evaluation, iri) & fresh))
            changes.append(ClaimChange(iri, old_status, v.status, old_strength, new_strength, because))
    return ChangeReport(first, tuple(new), tuple(removed), tuple(changes))
