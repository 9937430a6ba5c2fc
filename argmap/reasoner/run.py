"""One reasoner run: rules, argument evaluation, HermiT classification, one write of the reasoner graph."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from argmap.graph.iri import REASONER_GRAPH
from argmap.graph.store import Store
from argmap.ontology import AM, ONTOLOGY_PATH, PREFIXES
from argmap.reasoner.agreement import agreement_triples, agreements, read_stances
from argmap.reasoner.changes import ChangeReport, diff, evaluated_triples, read_previous
from argmap.reasoner.describe import Described, describe
from argmap.reasoner.evaluate import (
    MODEL, ArgumentEvaluation, Edge, Verdict, evaluate_arguments, record_in_working, status_triples,
)
from argmap.reasoner.owl import JAVA_MISSING, Classification, classification_triples, classify_strategies, java_available
from argmap.reasoner.semantics import Label
from argmap.reasoner.working import apply_rule, working_dataset

log = logging.getLogger(__name__)

DERIVE_RULE = "10-derive-relations"
EVIDENCED_BY_RULE = "20-evidenced-by"
RESTS_ON_RULE = "30-rests-on"


@dataclass(frozen=True, slots=True)
class Side:
    """The accepted evidence of one kind (price- or value-driven) bearing on a strategy."""

    evidence: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class StrategyReport:
    strategy: str
    brands: tuple[str, ...]
    classes: frozenset[str]
    rests_on: tuple[str, ...]
    evidenced_by: tuple[str, ...]
    price: Side
    value: Side
    verdicts: tuple[str, ...] = ()  # conditional claims about the strategy: an article's own verdict

    @property
    def price_level(self) -> bool:
        return str(AM.PriceLevelPremiumization) in self.classes

    @property
    def value_level(self) -> bool:
        return str(AM.ValueLevelPremiumization) in self.classes


@dataclass(slots=True)
class ReasonReport:
    evaluation: ArgumentEvaluation
    derived: list[Edge]
    strategies: list[StrategyReport]
    changes: ChangeReport
    names: dict[str, Described] = field(default_factory=dict)
    class_names: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # one line each, shown with the summary

    @property
    def counts(self) -> Counter[str]:
        return Counter(v.status for v in self.evaluation.claims())

    def verdict(self, iri: str) -> Verdict:
        return self.evaluation.verdicts[iri]

    def summary_lines(self) -> list[str]:
        return _summary(self)


# ----------------------------------------------------------------- the run


@dataclass(frozen=True, slots=True)
class Analysis:
    """Rules 10 and 20 applied and every statement evaluated; nothing written yet."""

    working: ox.Store
    derived: list[ox.Triple]
    evidenced: list[ox.Triple]
    evaluation: ArgumentEvaluation


def analyse(store: Store) -> Analysis:
    """The argument evaluation of the store's current content (what ``explain`` shows, what ``run_reasoner`` writes)."""
    working = working_dataset(store)
    derived = apply_rule(working, DERIVE_RULE)
    evidenced = apply_rule(working, EVIDENCED_BY_RULE)
    return Analysis(working, derived, evidenced, evaluate_arguments(working))


def run_reasoner(store: Store, *, classify: bool = True) -> ReasonReport:
    """Evaluate every claim and classify every premiumization; replace the reasoner graph in one write.

    ``classify=False`` skips HermiT (no Java): statuses, strengths, rules and am:restsOn are still
    written, only the rdf:type classification of strategies is left out.
    """
    previous = read_previous(store)
    analysis = analyse(store)
    working, evaluation = analysis.working, analysis.evaluation
    record_in_working(working, evaluation)
    rests_on = apply_rule(working, RESTS_ON_RULE)
    warnings = [JAVA_MISSING] if classify and not java_available() else []
    classifications = classify_strategies(working) if classify and not warnings else []
    changes = diff(previous, evaluation)

    triples = (status_triples(evaluation, claims_only=True) + analysis.derived + analysis.evidenced + rests_on
               + classification_triples(classifications) + evaluated_triples(evaluation)
               + agreement_triples(agreements(read_stances(store))))
    store.replace_graph(str(REASONER_GRAPH), triples)

    strategies = _strategy_reports(working, evaluation, classifications)
    derived = [Edge(t.subject.value, t.object.value, t.predicate.value == str(AM.supports)) for t in analysis.derived]
    names = describe(store, _mentioned(strategies, changes))
    return ReasonReport(evaluation, derived, strategies, changes, names, class_names(), warnings)


_SIDES = """
SELECT ?s ?e ?side WHERE {
  ?s am:evidencedBy ?e .
  VALUES ?side { am:PriceDrivenEvidence am:ValueDrivenEvidence }
  ?e a/rdfs:subClassOf* ?side .
} ORDER BY ?s ?e
"""


def _strategy_reports(working: ox.Store, evaluation: ArgumentEvaluation,
                      classifications: list[Classification]) -> list[StrategyReport]:
    classes = {c.strategy: c.classes for c in classifications}
    evidenced: dict[str, set[str]] = {}
    sides: dict[tuple[str, str], list[str]] = {}
    for row in working.query(_SIDES, prefixes=PREFIXES):
        s, e, side = row["s"].value, row["e"].value, row["side"].value
        evidenced.setdefault(s, set()).add(e)
        v = evaluation.verdicts.get(e)
        if v is not None and v.label is Label.IN:
            sides.setdefault((s, side), []).append(e)
    for row in working.query("SELECT ?s ?e WHERE { ?s am:evidencedBy ?e }", prefixes=PREFIXES):
        evidenced.setdefault(row["s"].value, set()).add(row["e"].value)
    rests: dict[str, list[str]] = {}
    for row in working.query("SELECT ?s ?e WHERE { ?s am:restsOn ?e } ORDER BY ?e", prefixes=PREFIXES):
        rests.setdefault(row["s"].value, []).append(row["e"].value)
    brands: dict[str, list[str]] = {}
    for row in working.query("SELECT ?b ?s WHERE { ?b am:pursues ?s } ORDER BY ?b", prefixes=PREFIXES):
        brands.setdefault(row["s"].value, []).append(row["b"].value)
    verdicts: dict[str, list[str]] = {}
    for row in working.query("SELECT ?s ?c WHERE { ?c a am:Claim ; am:conditional true ; am:mentions ?s } ORDER BY ?c",
                             prefixes=PREFIXES):
        verdicts.setdefault(row["s"].value, []).append(row["c"].value)

    def side(s: str, cls: str) -> Side:
        ev = tuple(sorted(set(sides.get((s, cls), []))))
        return Side(ev, sum(evaluation.verdicts[e].strength for e in ev))

    return [
        StrategyReport(s, tuple(brands.get(s, ())), frozenset(classes.get(s, ())), tuple(rests.get(s, ())),
                       tuple(sorted(evidenced[s])), side(s, str(AM.PriceDrivenEvidence)),
                       side(s, str(AM.ValueDrivenEvidence)), tuple(verdicts.get(s, ())))
        for s in sorted(evidenced)
    ]


def _mentioned(strategies: list[StrategyReport], changes: ChangeReport) -> set[str]:
    out: set[str] = set()
    for s in strategies:
        out |= {s.strategy, *s.brands, *s.verdicts}
    for c in changes.changed:
        out |= {c.claim, *c.because}
    out |= set(changes.new_statements[:5])
    return out


def class_names() -> dict[str, str]:
    """'中文 English' labels of the ontology's classes and statuses, from the ontology file."""
    onto = ox.Store()
    onto.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    rows = onto.query("""SELECT ?c ?zh ?en WHERE { ?c skos:prefLabel ?zh , ?en .
                         FILTER (LANG(?zh) = "zh" && LANG(?en) = "en") }""", prefixes=PREFIXES)
    return {r["c"].value: f"{r['zh'].value} {r['en'].value}" for r in rows}


# ----------------------------------------------------------------- the summary the CLI prints


def _summary(report: ReasonReport) -> list[str]:
    counts = report.counts
    ev = report.evaluation
    claims = len(ev.claims())
    name = report.class_names.get
    lines = [
        f"reasoner: {claims} claims — {counts[str(AM.Accepted)]} {name(str(AM.Accepted), 'accepted')}, "
        f"{counts[str(AM.Rejected)]} {name(str(AM.Rejected), 'rejected')}, "
        f"{counts[str(AM.Undecided)]} {name(str(AM.Undecided), 'undecided')}; "
        f"{len(ev.verdicts) - claims} evidence, {len(ev.edges)} relations ({len(report.derived)} derived by rules); "
        f"strengths ({MODEL.value}) {'converged' if ev.converged else 'stopped without converging'} after {ev.rounds} rounds"
    ]
    for s in report.strategies:
        lines.append(_strategy_line(report, s))
        for claim in s.verdicts:
            v = report.evaluation.verdicts.get(claim)
            if v is not None:
                lines.append(f"  the article's own conditional verdict: «{report.names[claim].short(60)}» — "
                             f"{report.class_names.get(v.status, v.status)}, strength {v.strength:.2f}")
    lines += _change_lines(report)
    return lines + [f"warning: {w}" for w in report.warnings]


def _strategy_line(report: ReasonReport, s: StrategyReport) -> str:
    names = report.names
    brand = ", ".join(names[b].name if b in names else b for b in s.brands) or "?"
    strategy = names[s.strategy].name if s.strategy in names else s.strategy
    if s.classes:
        verdict = " and ".join(report.class_names.get(c, c) for c in sorted(s.classes))
    else:
        verdict = "not classified (no accepted price- or value-driven evidence)"
    return (f"{brand} — {strategy}: {verdict}; price-driven evidence {len(s.price.evidence)} "
            f"(weight {s.price.weight:.2f}) vs value-driven {len(s.value.evidence)} (weight {s.value.weight:.2f}); "
            f"rests on {len(s.rests_on)} of {len(s.evidenced_by)} evidence")


def _fmt_strength(x: Decimal | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def _change_lines(report: ReasonReport) -> list[str]:
    ch = report.changes
    if ch.first_run:
        return ["changes: first run of the reasoner on this store"]
    if not ch.changed and not ch.new_statements and not ch.removed_statements:
        return ["changes: none since the last run"]
    names, cname = report.names, report.class_names
    lines = [f"changes since the last run: {len(ch.new_statements)} new statements, "
             f"{len(ch.removed_statements)} gone, {len(ch.changed)} claims changed"]
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


__all__ = ["Analysis", "ReasonReport", "StrategyReport", "Side", "analyse", "class_names", "run_reasoner"]
