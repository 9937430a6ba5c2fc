"""One reasoner run: rules, argument evaluation, the verdicts, HermiT classification, one write.

A run evaluates only the input graphs (articles) that changed since the last run (``plan.py``) and
re-decides only the premiumizations their evidence bears on; the conclusions are kept in one reasoner
graph per input graph and one per premiumization, so the write replaces only those, in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import RDF

from argmap.graph.iri import (
    AGREEMENT_GRAPH,
    REASONER_GRAPH, REASONER_GRAPH_PREFIX, is_reasoner_graph, reasoner_graph_for_input, reasoner_graph_for_strategy,
)
from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.graph.terms import decimal, integer, iri, text
from argmap.ontology import AM, ONTOLOGY_PATH, PREFIXES
from argmap.reasoner.agreement import agreement_triples, agreements, changed_agreement, read_stances
from argmap.reasoner.changes import ChangeReport, diff, read_previous
from argmap.reasoner.describe import Described, describe
from argmap.reasoner.evaluate import (
    MODEL, ArgumentEvaluation, Edge, Kind, Verdict, evaluate_arguments, round_strength, status_triples,
)
from argmap.reasoner.owl import JAVA_MISSING, Classification, classification_triples, classify_strategies, java_available
from argmap.reasoner.plan import Mode, Plan, config_fingerprint, make_plan
from argmap.reasoner.reach import ArgumentGraph, bears_on, edge_lists, main_brands, named_brands_only
from argmap.reasoner.semantics import Label
from argmap.reasoner.stored import StoredVerdict, read_verdicts, side_classes
from argmap.reasoner.units import Pursuit, Unit, build_units, owners_of, query_products, query_pursuits
from argmap.reasoner.verdict import (
    CLASSIFICATIONS, VERDICT_RULES, Decision, Item, Thresholds, VerdictClass, decide, load_thresholds,
)
from argmap.reasoner.working import apply_rule, working_dataset

log = logging.getLogger(__name__)

DERIVE_RULE = "10-derive-relations"
CHUNK = 1000  # IRIs per VALUES block


@dataclass(frozen=True, slots=True)
class StrategyReport:
    """One premiumization decided in this run."""

    strategy: str
    brands: tuple[str, ...]
    classes: frozenset[str]
    decision: Decision
    evidenced_by: tuple[str, ...]

    @property
    def rests_on(self) -> tuple[str, ...]:
        return self.decision.rests_on

    @property
    def price(self):  # noqa: ANN201 - a Tally
        return self.decision.price

    @property
    def value(self):  # noqa: ANN201 - a Tally
        return self.decision.value

    @property
    def price_level(self) -> bool:
        return str(AM.PriceLevelPremiumization) in self.classes

    @property
    def value_level(self) -> bool:
        return str(AM.ValueLevelPremiumization) in self.classes

    @property
    def mixed(self) -> bool:
        return str(AM.MixedPremiumization) in self.classes


@dataclass(slots=True)
class ReasonReport:
    evaluation: ArgumentEvaluation  # the statements evaluated in this run
    derived: list[Edge]
    strategies: list[StrategyReport]  # the premiumizations decided in this run
    changes: ChangeReport
    mode: Mode = Mode.FULL
    evaluated_inputs: int = 0
    total_inputs: int = 0
    verdicts: list[StoredVerdict] = field(default_factory=list)  # as stored after the run, the ones to show
    other_verdicts: int = 0  # stored verdicts not re-decided (incremental run)
    status_counts: Counter[str] = field(default_factory=Counter)  # of the claims evaluated in this run
    names: dict[str, Described] = field(default_factory=dict)
    class_names: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # one line each, shown with the summary
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase
    verdict_changes: list[tuple[str, str, str]] = field(default_factory=list)  # (strategy, old, new) as shown

    @property
    def counts(self) -> Counter[str]:
        """Statuses of the claims evaluated in this run (every claim after a full run)."""
        return self.status_counts

    def verdict(self, iri: str) -> Verdict:
        return self.evaluation.verdicts[iri]

    def summary_lines(self) -> list[str]:
        return _summary(self)


# ----------------------------------------------------------------- the run


@dataclass(frozen=True, slots=True)
class Analysis:
    """Rule 10 applied and every statement of the chosen input graphs evaluated; nothing written yet."""

    working: ox.Store
    derived: list[ox.Triple]
    evaluation: ArgumentEvaluation


def analyse(store: Store, graphs: Iterable[str] | None = None, *, pursuits: list[Pursuit] | None = None) -> Analysis:
    """The argument evaluation of ``graphs`` (default: the whole store), as ``run_reasoner`` computes it."""
    chosen = None if graphs is None else sorted(set(graphs))
    found = query_pursuits(store) if pursuits is None else pursuits
    working = working_dataset(store, chosen, _pursuit_triples(found))
    derived = apply_rule(working, DERIVE_RULE)
    return Analysis(working, derived, evaluate_arguments(working))


def _pursuit_triples(pursuits: Iterable[Pursuit]) -> list[ox.Triple]:
    """Who pursues which premiumization, store-wide: rule 10 needs it for the graphs it is given."""
    out: list[ox.Triple] = []
    for p in pursuits:
        out.append(ox.Triple(ox.NamedNode(p.pursuer), iri(AM.pursues), ox.NamedNode(p.strategy)))
        out.append(ox.Triple(ox.NamedNode(p.strategy), iri(RDF.type), iri(AM.Premiumization)))
    return out


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = self.timings.get(phase, 0.0) + now - self._last
        self._last = now


def run_reasoner(store: Store, *, classify: bool = True, full: bool = False,
                 verdict_rules: Path | None = None) -> ReasonReport:
    """Evaluate what changed since the last run and re-decide the premiumizations it touches; one write.

    ``full=True`` evaluates everything. ``classify=False`` skips HermiT (no Java): statuses, strengths,
    evidence and verdicts are still written, only the rdf:type classification of strategies is left out.
    ``verdict_rules``: a thresholds file in the format of rules/verdict.json.
    """
    clock = _Clock()
    rules_path = verdict_rules or VERDICT_RULES
    thresholds = load_thresholds(rules_path)
    owl = classify and java_available()
    plan = make_plan(store, config=config_fingerprint(rules_path) + ("+owl" if owl else ""), full=full)
    pursuits = query_pursuits(store)
    plan = _widen_for_pursuits(store, plan, pursuits)
    plan = _widen_across_graphs(store, plan)
    clock.lap("plan")
    touched_graphs = [str(reasoner_graph_for_input(g)) for g in (*plan.evaluate, *plan.removed)]
    previous = read_previous(store, None if plan.mode is Mode.FULL else touched_graphs)
    old_targets = _old_targets(store, touched_graphs) if plan.mode is Mode.INCREMENTAL else set()
    clock.lap("read previous")
    if plan.mode is Mode.UNCHANGED:
        return _unchanged_report(store, plan, previous, clock)

    analysis = analyse(store, None if plan.mode is Mode.FULL else plan.evaluate, pursuits=pursuits)
    clock.lap("load, rule 10, evaluate")
    homes = _homes(store, analysis.working, analysis.evaluation, plan)
    bears = _bears_on(analysis)
    clock.lap("bears on")

    units = build_units(pursuits, query_products(store, owners_of(pursuits)))
    affected, gone = _affected_units(store, plan, units, set().union(*bears.values()) | old_targets)
    before = {v.strategy: v for v in read_verdicts(store, [u.strategy for u in affected] + gone)} if not plan.first_run else {}
    decided, kinds = _decide(store, affected, analysis.evaluation, bears, plan, thresholds, previous.evaluated)
    clock.lap("verdicts")
    warnings = [JAVA_MISSING] if classify and not owl and any(d.rests_on for _, d, _ in decided) else []
    known = _known_shapes(store) if plan.mode is Mode.INCREMENTAL else {}
    classifications = _classify(decided, kinds, known) if owl else []
    clock.lap("HermiT")

    graphs = _input_graphs(plan, analysis, homes, bears)
    graphs.update(_strategy_graphs(decided, classifications, kinds, owl=owl))
    graphs.update({str(reasoner_graph_for_strategy(s)): [] for s in gone})
    graphs[str(REASONER_GRAPH)] = _run_record(plan, pursuits)
    agreement = changed_agreement(store, str(AGREEMENT_GRAPH), agreement_triples(agreements(read_stances(store))))
    if agreement is not None:
        graphs[str(AGREEMENT_GRAPH)] = agreement
    if plan.mode is Mode.FULL:
        graphs.update({g: [] for g in store.graph_names()
                       if is_reasoner_graph(g) and g not in graphs and g != str(AGREEMENT_GRAPH)})
    store.replace_graphs(graphs)
    clock.lap("write")

    changes = diff(previous, analysis.evaluation, first_run=plan.first_run)
    classes = {c.strategy: c.classes for c in classifications}
    strategies = [StrategyReport(u.strategy, u.owners, frozenset(classes.get(u.strategy, ())), d, tuple(sorted(e)))
                  for u, d, e in decided]
    report = _report(store, plan, analysis, strategies, changes, warnings, clock)
    report.verdict_changes = _verdict_changes(before, report.verdicts, gone)
    clock.lap("report")
    report.timings = clock.timings
    return report


def _widen_for_pursuits(store: Store, plan: Plan, pursuits: list[Pursuit]) -> Plan:
    """Rule 10 reads who pursues what: when that changed, the graphs mentioning those entities are re-evaluated."""
    if plan.mode is Mode.FULL:
        return plan
    res = store.query(f"SELECT ?x ?s WHERE {{ GRAPH <{REASONER_GRAPH}> {{ ?x <{AM.pursues}> ?s }} }}")
    old = {(r["x"] or "", r["s"] or "") for r in res.values()} if isinstance(res, SelectResult) else set()
    new = {(p.pursuer, p.strategy) for p in pursuits}
    entities = {x for pair in old ^ new for x in pair}
    return plan.widened(_graphs_mentioning(store, entities)) if entities else plan


def _graphs_mentioning(store: Store, entities: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(sorted(set(entities))):
        values = " ".join(f"<{e}>" for e in chunk)
        res = store.query(f"SELECT DISTINCT ?g WHERE {{ VALUES ?x {{ {values} }} GRAPH ?g {{ ?st <{AM.mentions}> ?x }} }}")
        if isinstance(res, SelectResult):
            out |= {r["g"] or "" for r in res.values()}
    return {g for g in out if not is_reasoner_graph(g)}


def _widen_across_graphs(store: Store, plan: Plan) -> Plan:
    """Arguments that cross input graphs (one article's evidence for another's claim) are evaluated together."""
    if plan.mode is not Mode.INCREMENTAL:
        return plan
    return plan.widened(connected_graphs(store, plan.evaluate, removed=plan.removed))


def connected_graphs(store: Store, graphs: Iterable[str], *, removed: Iterable[str] = ()) -> set[str]:
    """``graphs`` and every input graph linked to them by supports / undermines, transitively.

    Links are looked up in the input graphs and in their reasoner graphs (and those of ``removed`` graphs),
    which keep a copy of every link that crossed to another graph when it was evaluated."""
    found = set(graphs)
    todo = [*found, *(str(reasoner_graph_for_input(g)) for g in (*found, *removed))]
    seen: set[str] = set()
    while todo:
        seen |= set(todo)
        values = " ".join(f"<{g}>" for g in todo)
        res = store.query(f"""SELECT DISTINCT ?g2 WHERE {{ VALUES ?g {{ {values} }}
            GRAPH ?g {{ {{ ?a <{AM.supports}>|<{AM.undermines}> ?b }} UNION {{ ?b <{AM.supports}>|<{AM.undermines}> ?a }} }}
            VALUES ?k {{ <{AM.Claim}> <{AM.Evidence}> }} GRAPH ?g2 {{ ?b a ?k }} FILTER (?g2 != ?g) }}""")
        extra = {r["g2"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()
        fresh = sorted(g for g in extra - found if not is_reasoner_graph(g))
        found |= set(fresh)
        todo = [g for g in (*fresh, *(str(reasoner_graph_for_input(g)) for g in fresh)) if g not in seen]
    return found


def home_graphs(store: Store, statements: Iterable[str]) -> set[str]:
    """The input graphs that assert these statements."""
    values = " ".join(f"<{s}>" for s in sorted(set(statements)))
    res = store.query(f"""SELECT DISTINCT ?g WHERE {{ VALUES ?s {{ {values} }} VALUES ?k {{ <{AM.Claim}> <{AM.Evidence}> }}
                          GRAPH ?g {{ ?s a ?k }} }}""")
    found = {r["g"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()
    return {g for g in found if not is_reasoner_graph(g)}


def _old_targets(store: Store, graphs: list[str]) -> set[str]:
    """What the evidence of the re-evaluated graphs bore on last time: those verdicts may change too."""
    out: set[str] = set()
    for g in graphs:
        res = store.query(f"SELECT DISTINCT ?x WHERE {{ GRAPH <{g}> {{ ?e <{AM.bearsOn}> ?x }} }}")
        if isinstance(res, SelectResult):
            out |= {r["x"] or "" for r in res.values()}
    return out


def _homes(store: Store, working: ox.Store, evaluation: ArgumentEvaluation, plan: Plan) -> dict[str, str]:
    """Statement -> the input graph it was asserted in (its conclusions go to that graph's reasoner graph).

    An article's statements say so (``am:inArticle``, the article's IRI names its graph); the store is asked
    only about the others."""
    homes: dict[str, str] = {}
    evaluated = set(plan.evaluate)
    for r in working.query(f"SELECT ?s ?a WHERE {{ ?s <{AM.inArticle}> ?a }}"):
        s, a = r["s"].value, r["a"].value
        if a in evaluated and s in evaluation.verdicts and (s not in homes or a < homes[s]):
            homes[s] = a
    wanted = set(evaluation.verdicts) - set(homes)
    if not wanted:
        return homes
    graphs = list(plan.evaluate)
    for chunk in _chunks(graphs):
        values = " ".join(f"<{g}>" for g in chunk)
        res = store.query(f"""SELECT ?s ?g WHERE {{ VALUES ?g {{ {values} }} VALUES ?k {{ <{AM.Claim}> <{AM.Evidence}> }}
                              GRAPH ?g {{ ?s a ?k }} }}""")
        if isinstance(res, SelectResult):
            for s, g in res.rows:
                if s is None or g is None or s.value not in wanted:
                    continue
                if s.value not in homes or g.value < homes[s.value]:
                    homes[s.value] = g.value
    return homes


_SUBJECT_KINDS = (AM.Brand, AM.Organization, AM.Product, AM.Strategy)


def _bears_on(analysis: Analysis) -> dict[str, frozenset[str]]:
    working, ev = analysis.working, analysis.evaluation
    kinds = " ".join(f"<{k}>" for k in _SUBJECT_KINDS)
    subjects = {r["x"].value for r in working.query(
        f"SELECT DISTINCT ?x WHERE {{ VALUES ?k {{ {kinds} }} ?x a/rdfs:subClassOf* ?k }}", prefixes=PREFIXES)}
    mentions: dict[str, set[str]] = defaultdict(set)
    for r in working.query(f"SELECT ?s ?x WHERE {{ ?s <{AM.mentions}> ?x }}"):
        if r["x"].value in subjects:
            mentions[r["s"].value].add(r["x"].value)
    graph = ArgumentGraph(
        edge_lists((e.source, e.target) for e in ev.edges),
        frozenset(v.node.iri for v in ev.verdicts.values() if v.node.kind is Kind.CLAIM),
        {k: frozenset(v) for k, v in mentions.items()},
    )
    evidence = [v.node.iri for v in ev.verdicts.values() if _is_evidence(working, v)]
    owners = _owners(working)
    brands = {r["x"].value for r in working.query(f"SELECT ?x WHERE {{ ?x a <{AM.Brand}> }}")}
    article = {r["s"].value: r["a"].value for r in working.query(f"SELECT ?s ?a WHERE {{ ?s <{AM.inArticle}> ?a }}")}
    main = main_brands(mentions, owners, brands, article)
    return named_brands_only(bears_on(graph, evidence), mentions, owners, brands, main, article)


def _owners(working: ox.Store) -> dict[str, str]:
    """Each product's brand (am:hasBrand) and each strategy's pursuer (am:pursues): whose they are."""
    owners = {r["p"].value: r["b"].value for r in working.query(f"SELECT ?p ?b WHERE {{ ?p <{AM.hasBrand}> ?b }}")}
    for r in working.query(f"SELECT ?b ?s WHERE {{ ?b <{AM.pursues}> ?s }}"):
        owners.setdefault(r["s"].value, owners.get(r["b"].value, r["b"].value))
    return owners


def _is_evidence(working: ox.Store, v: Verdict) -> bool:
    if v.node.kind is Kind.EVIDENCE:
        return True
    return ox.Quad(ox.NamedNode(v.node.iri), iri(RDF.type), iri(AM.Evidence)) in working


def _affected_units(store: Store, plan: Plan, units: list[Unit], touched: set[str]) -> tuple[list[Unit], list[str]]:
    """The premiumizations to re-decide, and the ones no longer pursued (their graphs are dropped)."""
    res = store.query(f"""SELECT ?s ?f WHERE {{ GRAPH ?rg {{ ?s <{AM.reasonedFingerprint}> ?f ; <{AM.decidedBy}> ?rule }}
                          FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH_PREFIX}strategy/")) }}""")
    recorded = {r["s"] or "": r["f"] or "" for r in res.values()} if isinstance(res, SelectResult) else {}
    current = {u.strategy for u in units}
    gone = sorted(set(recorded) - current)
    if plan.mode is Mode.FULL:
        return units, gone
    return [u for u in units if recorded.get(u.strategy) != u.fingerprint or u.subjects & touched], gone


@dataclass(frozen=True, slots=True)
class _Fact:
    accepted: bool
    strength: Decimal


def _decide(store: Store, units: list[Unit], evaluation: ArgumentEvaluation, bears: dict[str, frozenset[str]],
            plan: Plan, thresholds: Thresholds, stale: frozenset[str]) -> tuple[list[tuple[Unit, Decision, set[str]]], dict[str, set[str]]]:
    """Each unit's decision and the evidence it weighed; and the asserted argmap kinds of that evidence."""
    if not units:
        return [], {}
    fresh: dict[str, _Fact] = {}
    for e in bears:
        v = evaluation.verdicts[e]
        fresh[e] = _Fact(v.label is Label.IN and not v.unsupported, round_strength(v.strength))
    kinds: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, str] = {}
    stored, stored_bears = (_stored_facts(store, units, stale, kinds=kinds, texts=texts) if plan.mode is Mode.INCREMENTAL
                            else ({}, {}))
    links: dict[str, set[str]] = {}
    for u in units:
        links[u.strategy] = {e for e, xs in bears.items() if xs & u.subjects}
        links[u.strategy] |= {e for e, xs in stored_bears.items() if xs & u.subjects and e not in fresh}
    facts = {**stored, **fresh}
    fresh_kinds, fresh_texts = _kinds_and_texts(store, set().union(*links.values()) & set(fresh))
    kinds.update(fresh_kinds)
    texts.update(fresh_texts)
    sides = side_classes()
    decided: list[tuple[Unit, Decision, set[str]]] = []
    for u in units:
        items = [Item(e, texts.get(e, ""), facts[e].strength, facts[e].accepted,
                      frozenset(side for side, classes in sides.items() if kinds.get(e, set()) & classes))
                 for e in sorted(links[u.strategy]) if e in facts]
        decided.append((u, decide(items, thresholds), links[u.strategy]))
    return decided, kinds


def _stored_facts(store: Store, units: list[Unit], stale: frozenset[str], *, kinds: dict[str, set[str]],
                  texts: dict[str, str]) -> tuple[dict[str, _Fact], dict[str, frozenset[str]]]:
    """Status, strength, targets, kinds and text of evidence in graphs not re-evaluated, in one query per chunk of
    subjects, as the previous runs stored them (``stale``: the statements of the graphs re-evaluated or removed now,
    whose stored facts no longer hold). ``kinds`` and ``texts`` are filled in."""
    subjects = sorted(set().union(*(u.subjects for u in units)))
    facts: dict[str, _Fact] = {}
    targets: dict[str, set[str]] = defaultdict(set)
    prefix = str(AM._NS)
    for chunk in _chunks(subjects):
        values = " ".join(f"<{x}>" for x in chunk)
        res = store.query(f"""SELECT ?e ?x ?st ?w ?k ?t WHERE {{ VALUES ?x {{ {values} }}
            ?e <{AM.bearsOn}> ?x ; <{AM.status}> ?st . OPTIONAL {{ ?e <{AM.strength}> ?w }}
            OPTIONAL {{ ?e a ?k }} OPTIONAL {{ ?e <{AM.text}> ?t }} }}""")
        if not isinstance(res, SelectResult):
            continue
        for r in res.values():
            e = r["e"] or ""
            if e in stale:
                continue
            facts[e] = _Fact(r["st"] == str(AM.Accepted), Decimal(r["w"]) if r["w"] else Decimal(0))
            targets[e].add(r["x"] or "")
            if r["k"] and r["k"].startswith(prefix):
                kinds[e].add(r["k"])
            if r["t"] and (e not in texts or r["t"] < texts[e]):
                texts[e] = r["t"]
    return facts, {e: frozenset(xs) for e, xs in targets.items()}


def _kinds_and_texts(store: Store, statements: set[str]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The asserted argmap classes and the text of each statement."""
    kinds: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, str] = {}
    prefix = str(AM._NS)
    for chunk in _chunks(sorted(statements)):
        values = " ".join(f"<{e}>" for e in chunk)
        res = store.query(f"SELECT ?e ?k WHERE {{ VALUES ?e {{ {values} }} ?e a ?k }}")
        if isinstance(res, SelectResult):
            for e, k in res.rows:
                if e is not None and k is not None and k.value.startswith(prefix):
                    kinds[e.value].add(k.value)
        res = store.query(f"SELECT ?e ?t WHERE {{ VALUES ?e {{ {values} }} ?e <{AM.text}> ?t }}")
        if isinstance(res, SelectResult):
            for e, t in res.rows:
                if e is not None and t is not None and (e.value not in texts or t.value < texts[e.value]):
                    texts[e.value] = t.value
    return kinds, texts


def _shape(d: Decision, kinds: dict[str, set[str]]) -> str:
    """What HermiT's answer depends on: how the strategy rests (one side or each side) and the kinds of that
    evidence, individuals aside. Two strategies of the same shape get the same classes."""
    how = "each-side" if d.verdict is VerdictClass.MIXED else "rests-on"
    body = how + "\n" + "\n".join(sorted({" ".join(sorted(kinds.get(e, ()))) for e in d.rests_on}))
    return "owl:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _known_shapes(store: Store) -> dict[str, frozenset[str]]:
    """Shapes HermiT classified in earlier runs (under the same configuration), with the classes it derived."""
    classes = ", ".join(f"<{c}>" for c in CLASSIFICATIONS)
    res = store.query(f"""SELECT ?f ?s ?c WHERE {{ GRAPH ?rg {{ ?rg <{AM.reasonedFingerprint}> ?f .
        ?s <{AM.decidedBy}> ?rule . OPTIONAL {{ ?s a ?c FILTER (?c IN ({classes})) }} }}
        FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH_PREFIX}strategy/")) }}""")
    out: dict[str, set[str]] = defaultdict(set)
    if isinstance(res, SelectResult):
        for r in res.values():
            out.setdefault(r["f"] or "", set())
            if r["c"]:
                out[r["f"] or ""].add(r["c"])
    return {k: frozenset(v) for k, v in out.items()}


def _classify(decided: list[tuple[Unit, Decision, set[str]]], kinds: dict[str, set[str]],
              known: dict[str, frozenset[str]]) -> list[Classification]:
    """HermiT classifies each decided premiumization from what it rests on and the asserted kinds of that
    evidence; a shape HermiT already classified under this configuration (``known``) is not sent again."""
    abox = ox.Store()
    reused: list[Classification] = []
    for u, d, _ in decided:
        if not d.rests_on:
            continue
        shape = _shape(d, kinds)
        if shape in known:
            reused.append(Classification(u.strategy, known[shape]))
            continue
        s = ox.NamedNode(u.strategy)
        rests = iri(AM.restsOnEachSide) if d.verdict is VerdictClass.MIXED else iri(AM.restsOn)
        triples = [ox.Triple(s, iri(RDF.type), iri(AM.Premiumization))]
        # one piece of evidence per distinct set of kinds: HermiT's answer depends on the kinds only
        sample = {frozenset(kinds.get(e, ())): e for e in sorted(d.rests_on, reverse=True)}
        for e in sorted(sample.values()):
            triples.append(ox.Triple(s, rests, ox.NamedNode(e)))
            triples += [ox.Triple(ox.NamedNode(e), iri(RDF.type), ox.NamedNode(k)) for k in sorted(kinds.get(e, ()))]
        abox.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return reused + classify_strategies(abox)


def _input_graphs(plan: Plan, analysis: Analysis, homes: dict[str, str],
                  bears: dict[str, frozenset[str]]) -> dict[str, list[ox.Triple]]:
    """One reasoner graph per evaluated input graph: statuses, strengths, derived links, bearsOn, its fingerprint."""
    out: dict[str, list[ox.Triple]] = {}
    for g in (*plan.evaluate, *plan.removed):
        out[str(reasoner_graph_for_input(g))] = []
    by_home: dict[str, list[str]] = defaultdict(list)
    for s in analysis.evaluation.verdicts:
        home = homes.get(s)
        if home is not None:
            by_home[home].append(s)
    fingerprint = iri(AM.reasonedFingerprint)
    derived_by: dict[str, list[ox.Triple]] = defaultdict(list)
    for t in analysis.derived:
        derived_by[t.subject.value].append(t)
    crossing: dict[str, list[ox.Triple]] = defaultdict(list)
    for e in analysis.evaluation.edges:
        a, b = homes.get(e.source), homes.get(e.target)
        if a != b:  # kept with both ends, so removing either graph re-evaluates the other
            link = ox.Triple(ox.NamedNode(e.source), iri(AM.supports if e.supports else AM.undermines), ox.NamedNode(e.target))
            for home in {a, b} - {None}:
                crossing[home].append(link)  # type: ignore[index]
    for g in plan.evaluate:
        rg = str(reasoner_graph_for_input(g))
        statements = by_home.get(g, [])
        sub = ArgumentEvaluation({s: analysis.evaluation.verdicts[s] for s in statements}, [], 0, True)
        triples = [ox.Triple(ox.NamedNode(g), fingerprint, text(plan.inputs[g]))]
        triples += status_triples(sub, claims_only=False)
        for s in statements:
            triples += derived_by.get(s, [])
            triples += [ox.Triple(ox.NamedNode(s), iri(AM.bearsOn), ox.NamedNode(x)) for x in sorted(bears.get(s, ()))]
        triples += crossing.get(g, [])
        out[rg] = triples
    return out


def _strategy_graphs(decided: list[tuple[Unit, Decision, set[str]]], classifications: list[Classification],
                     kinds: dict[str, set[str]], *, owl: bool) -> dict[str, list[ox.Triple]]:
    classes = {c.strategy: c for c in classifications}
    out: dict[str, list[ox.Triple]] = {}
    for u, d, evidence in decided:
        s = ox.NamedNode(u.strategy)
        graph = str(reasoner_graph_for_strategy(u.strategy))
        triples = [ox.Triple(s, iri(AM.reasonedFingerprint), text(u.fingerprint))]
        if owl:  # the shape HermiT classified: a later run reuses its answer for the same shape
            triples.append(ox.Triple(ox.NamedNode(graph), iri(AM.reasonedFingerprint), text(_shape(d, kinds))))
        triples += [ox.Triple(s, iri(AM.decidedBy), iri(d.rule.iri)),
                    ox.Triple(s, iri(AM.priceWeight), decimal(d.price.weight)),
                    ox.Triple(s, iri(AM.valueWeight), decimal(d.value.weight)),
                    ox.Triple(s, iri(AM.priceEvidenceCount), integer(d.price.count)),
                    ox.Triple(s, iri(AM.valueEvidenceCount), integer(d.value.count))]
        triples += [ox.Triple(ox.NamedNode(o), iri(AM.pursues), s) for o in u.owners]
        triples += [ox.Triple(s, iri(AM.evidencedBy), ox.NamedNode(e)) for e in sorted(evidence)]
        rests = iri(AM.restsOnEachSide) if d.verdict is VerdictClass.MIXED else iri(AM.restsOn)
        triples += [ox.Triple(s, rests, ox.NamedNode(e)) for e in d.rests_on]
        if u.strategy in classes:
            triples += classification_triples([classes[u.strategy]])
        out[graph] = triples
    return out


def _run_record(plan: Plan, pursuits: list[Pursuit]) -> list[ox.Triple]:
    """The run's configuration fingerprint and the pursuits it saw (the next run compares them)."""
    node = ox.NamedNode(str(REASONER_GRAPH))
    out = [ox.Triple(node, iri(AM.reasonedFingerprint), text(plan.config))]
    out += [ox.Triple(ox.NamedNode(p.pursuer), iri(AM.pursues), ox.NamedNode(p.strategy))
            for p in sorted({(p.pursuer, p.strategy): p for p in pursuits}.values(), key=lambda p: (p.pursuer, p.strategy))]
    return out


def _report(store: Store, plan: Plan, analysis: Analysis | None, strategies: list[StrategyReport],
            changes: ChangeReport, warnings: list[str], clock: _Clock) -> ReasonReport:
    evaluation = analysis.evaluation if analysis is not None else ArgumentEvaluation({}, [], 0, True)
    derived = [Edge(t.subject.value, t.object.value, t.predicate.value == str(AM.supports))
               for t in (analysis.derived if analysis is not None else [])]
    every = read_verdicts(store)
    if plan.mode is Mode.INCREMENTAL:
        decided = {s.strategy for s in strategies}
        shown = [v for v in every if v.strategy in decided]
    else:
        shown = every
    mentioned = {x for v in shown for x in (v.strategy, *v.owners)}
    for c in changes.changed:
        mentioned |= {c.claim, *c.because}
    mentioned |= set(changes.new_statements[:5])
    counts = Counter(v.status for v in evaluation.claims())
    return ReasonReport(evaluation, derived, strategies, changes, plan.mode, len(plan.evaluate), len(plan.inputs),
                        shown, len(every) - len(shown), counts, describe(store, mentioned), class_names(),
                        warnings, clock.timings)


def _verdict_changes(before: dict[str, StoredVerdict], after: list[StoredVerdict], gone: list[str]) -> list[tuple[str, str, str]]:
    """Verdicts whose class or deciding rule changed in this run: (strategy, old class or rule, new)."""
    def shown(v: StoredVerdict | None) -> str:
        if v is None:
            return ""
        return " ".join(v.classes) or v.rule
    now = {v.strategy: v for v in after}
    out = [(s, shown(old), shown(now.get(s))) for s, old in sorted(before.items()) if s in now or s in gone]
    return [(s, a, b) for s, a, b in out if a != b]


def _unchanged_report(store: Store, plan: Plan, previous: object, clock: _Clock) -> ReasonReport:
    changes = ChangeReport(plan.first_run, (), (), ())
    return _report(store, plan, None, [], changes, [], clock)


def class_names() -> dict[str, str]:
    """'中文 English' labels of the ontology's classes, statuses and verdict rules, from the ontology file."""
    onto = ox.Store()
    onto.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    rows = onto.query("""SELECT ?c ?zh ?en WHERE { ?c skos:prefLabel ?zh , ?en .
                         FILTER (LANG(?zh) = "zh" && LANG(?en) = "en") }""", prefixes=PREFIXES)
    return {r["c"].value: f"{r['zh'].value} {r['en'].value}" for r in rows}


# ----------------------------------------------------------------- the summary the CLI prints

_STATUSES = (AM.Accepted, AM.Rejected, AM.Undecided, AM.Unsupported)


def _summary(report: ReasonReport) -> list[str]:
    name = report.class_names.get
    counts = report.counts
    statuses = ", ".join(f"{counts[str(s)]} {name(str(s), s.rsplit('#', 1)[-1])}" for s in _STATUSES)
    ev = report.evaluation
    if report.mode is Mode.UNCHANGED:
        lines = [f"reasoner: nothing changed in the {report.total_inputs} articles since the last run"]
    else:
        scope = (f"evaluated all {report.total_inputs} articles" if report.mode is Mode.FULL
                 else f"evaluated {report.evaluated_inputs} changed of {report.total_inputs} articles")
        lines = [f"reasoner: {scope}; {sum(counts.values())} claims — {statuses}; {len(ev.verdicts)} statements, "
                 f"{len(ev.edges)} relations ({len(report.derived)} derived by rules); strengths ({MODEL.value}) "
                 f"{'converged' if ev.converged else 'stopped without converging'} after {ev.rounds} rounds"]
    lines += [verdict_line(v, report.names, report.class_names) for v in report.verdicts]
    if report.other_verdicts:
        lines.append(f"{report.other_verdicts} other premiumization verdicts unchanged "
                     "(argmap explain BRAND shows one)")
    lines += _change_lines(report)
    for strategy, old, new in report.verdict_changes:
        name = report.names[strategy].name if strategy in report.names else strategy.rsplit("/", 1)[-1]
        label = report.class_names.get
        lines.append(f"  verdict on {name}: {label(old, old.rsplit('#', 1)[-1]) if old else '—'} → "
                     f"{label(new, new.rsplit('#', 1)[-1]) if new else 'no longer pursued'}")
    return lines + [f"warning: {w}" for w in report.warnings]


def verdict_line(v: StoredVerdict, names: dict[str, Described], cls: dict[str, str]) -> str:
    """One line per brand: its premiumization's class (or none), the rule that decided, the two sides' counts."""
    owners = ", ".join(names[o].name if o in names else o.rsplit("/", 1)[-1] for o in v.owners) or "?"
    strategy = names[v.strategy].name if v.strategy in names else v.strategy.rsplit("/", 1)[-1]
    verdict = " and ".join(cls.get(c, c) for c in v.classes) or "不予分类 no classification"
    return (f"{owners} — {strategy}: {verdict} ({cls.get(v.rule, v.rule.rsplit('#', 1)[-1])}); "
            f"price-driven {v.price_count} statements, weight {v.price_weight:.2f} vs "
            f"value-driven {v.value_count}, weight {v.value_weight:.2f}")


def _fmt_strength(x: Decimal | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def _change_lines(report: ReasonReport) -> list[str]:
    ch = report.changes
    if ch.first_run:
        return ["changes: first run of the reasoner on this store"]
    if not ch.changed and not ch.new_statements and not ch.removed_statements and not report.verdict_changes:
        return ["changes: none since the last run"]
    names, cname = report.names, report.class_names
    lines = [f"changes since the last run: {len(ch.new_statements)} new statements, "
             f"{len(ch.removed_statements)} gone, {len(ch.changed)} claims changed, "
             f"{len(report.verdict_changes)} verdicts changed"]
    for c in ch.changed:
        text = names[c.claim].short() if c.claim in names else c.claim
        old = cname.get(c.old_status or "", "—") if c.old_status else "new"
        because = "; ".join(f"«{names[b].short(32) if b in names else b}»" for b in c.because[:3])
        more = f" (+{len(c.because) - 3} more)" if len(c.because) > 3 else ""
        why = (f", because of new {because}{more}" if because
               else ", with no new statement behind it (a statement was removed, or the rules changed)")
        lines.append(f"  «{text}»: {old} → {cname.get(c.new_status, c.new_status)}, strength "
                     f"{_fmt_strength(c.old_strength)} → {_fmt_strength(c.new_strength)}{why}")
    return lines


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i: i + CHUNK]


__all__ = ["Analysis", "ReasonReport", "StrategyReport", "analyse", "class_names", "connected_graphs", "home_graphs", "run_reasoner", "verdict_line"]
