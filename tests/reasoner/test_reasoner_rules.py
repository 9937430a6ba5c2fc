"""The evidence rules, evaluation and classification on hand-built graphs of two brands in two industries."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from rdflib.namespace import RDF

from argmap.graph.iri import REASONER_GRAPH
from argmap.graph.results import SelectResult
from argmap.graph.store import OxigraphStore
from argmap.ontology import AM, AMID
from argmap.reasoner import ReasonReport, run_reasoner
from tests.reasoner.conftest import StoreFactory, load_trig

PHONE = AMID["strategy/mi-premiumization"]
COFFEE = AMID["strategy/lumen-premiumization"]
PHONE_CLAIM = AMID["statement/phone-zh/0-10"]
PHONE_VERDICT = AMID["statement/phone-zh/90-110"]
COFFEE_CLAIM = AMID["statement/coffee-en/0-60"]

Reasoned = tuple[OxigraphStore, ReasonReport]


def _reasoned(tmp: Path, *names: str) -> Iterator[Reasoned]:
    store = OxigraphStore(tmp / "store")
    for name in names:
        load_trig(store, name)
    report = run_reasoner(store)  # with HermiT: one JVM start per module fixture
    yield store, report
    store.close()


@pytest.fixture(scope="module")
def coffee(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reasoned]:
    yield from _reasoned(tmp_path_factory.mktemp("coffee"), "coffee")


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reasoned]:
    yield from _reasoned(tmp_path_factory.mktemp("phone"), "phone")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reasoned]:
    yield from _reasoned(tmp_path_factory.mktemp("both"), "phone", "coffee")


REASONER_GRAPHS = f'FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH}"))'


def _objects(store: OxigraphStore, s: object, p: object) -> set[str]:
    res = store.query(f"SELECT ?o WHERE {{ GRAPH ?rg {{ <{s}> <{p}> ?o }} {REASONER_GRAPHS} }}")
    assert isinstance(res, SelectResult)
    return {r[0].value for r in res.rows if r[0] is not None}


def _statement(key: str, span: str) -> str:
    return str(AMID[f"statement/{key}/{span}"])


@pytest.mark.slow
def test_coffee_premiumization_is_value_level(coffee: Reasoned) -> None:
    store, report = coffee
    types = _objects(store, COFFEE, RDF.type)
    assert str(AM.ValueLevelPremiumization) in types
    assert str(AM.PriceLevelPremiumization) not in types
    assert _objects(store, COFFEE, AM.restsOn) == {_statement("coffee-en", "61-140"), _statement("coffee-en", "141-220")}
    assert _objects(store, COFFEE, AM.decidedBy) == {str(AM.ValueSidePrevails)}
    [strategy] = report.strategies
    assert strategy.value_level and not strategy.price_level and not strategy.mixed
    # the hedged promotion (0.45) against two value-driven grounds: counted, and outweighed
    assert strategy.price.count == 1 and strategy.value.count == 2
    assert strategy.value.weight > strategy.price.weight
    # two value-driven grounds against a hedged promotion and a rival's expansion: the claim stands
    assert report.verdict(str(COFFEE_CLAIM)).status == str(AM.Accepted)


@pytest.mark.slow
def test_unattached_coffee_evidence_is_attached_by_its_kind(coffee: Reasoned) -> None:
    store, report = coffee
    derived = {(e.source.rsplit("/", 1)[-1], e.supports) for e in report.derived}
    assert derived == {("141-220", True), ("221-300", False), ("301-380", False)}
    # Derived links live in the reasoner graph, never in the article graph.
    assert _statement("coffee-en", "141-220") in {
        r[0].value for r in store.query(  # type: ignore[union-attr]
            f"SELECT ?e WHERE {{ GRAPH ?rg {{ ?e <{AM.supports}> <{COFFEE_CLAIM}> }} {REASONER_GRAPHS} }}").rows}
    res = store.query(f"ASK {{ GRAPH <{AMID['article/coffee-en']}> {{ "
                      f"<{_statement('coffee-en', '141-220')}> <{AM.supports}> ?c }} }}")
    assert getattr(res, "value", True) is False


@pytest.mark.slow
def test_phone_premiumization_with_strong_evidence_on_both_sides_is_mixed(phone: Reasoned) -> None:
    store, report = phone
    [strategy] = report.strategies
    # four price-driven statements (2.40) against three value-driven ones (1.90): neither prevails, both strong
    assert strategy.mixed and not strategy.price_level and not strategy.value_level
    price = {_statement("phone-zh", s) for s in ("40-50", "50-60", "60-70", "80-90")}
    value = {_statement("phone-zh", s) for s in ("10-20", "20-30", "30-40")}
    assert set(strategy.price.distinct) == price and set(strategy.value.distinct) == value
    assert set(strategy.rests_on) == price | value  # both sides
    assert price | value <= set(strategy.evidenced_by)
    assert _objects(store, PHONE, AM.restsOnEachSide) == price | value
    assert _objects(store, PHONE, AM.restsOn) == set()
    assert _objects(store, PHONE, RDF.type) == {str(AM.MixedPremiumization)}
    assert _objects(store, PHONE, AM.decidedBy) == {str(AM.BothSidesStrong)}
    assert _objects(store, PHONE, AM.priceEvidenceCount) == {"4"} and _objects(store, PHONE, AM.valueEvidenceCount) == {"3"}


@pytest.mark.slow
def test_phone_rule10_targets_the_central_claim_not_the_conditional_verdict(phone: Reasoned) -> None:
    _, report = phone
    assert [(e.source.rsplit("/", 1)[-1], e.target.rsplit("/", 1)[-1], e.supports) for e in report.derived] == [
        ("80-90", "0-10", False)
    ]


@pytest.mark.slow
def test_phone_claims_get_the_verdicts_a_reader_gives(phone: Reasoned) -> None:
    store, report = phone
    central, verdict = report.verdict(str(PHONE_CLAIM)), report.verdict(str(PHONE_VERDICT))
    # Three grounds (one with a figure) against six objections, the verdict claim among them.
    assert central.status == str(AM.Rejected) and central.strength < 0.2
    assert verdict.status == str(AM.Accepted) and verdict.strength > verdict.node.base
    assert _objects(store, PHONE_VERDICT, AM.status) == {str(AM.Accepted)}
    summary = "\n".join(report.summary_lines())
    assert ("米 / Mi — 米高端化 / Mi premiumization: 价格与价值并存的高端化 mixed premiumization (两方面都充分 both sides strong); "
            "price-driven 4 statements, weight 2.40 vs value-driven 3, weight 1.90") in summary


@pytest.mark.slow
def test_two_brands_in_one_store_do_not_mix(both: Reasoned) -> None:
    _, report = both
    by_strategy = {s.strategy: s for s in report.strategies}
    assert by_strategy[str(PHONE)].mixed and not by_strategy[str(PHONE)].value_level
    assert by_strategy[str(COFFEE)].value_level and not by_strategy[str(COFFEE)].price_level
    summary = report.summary_lines()
    assert sum("premiumization:" in line or "premiumization (" in line for line in summary) == 2  # one line per brand
    assert not set(by_strategy[str(PHONE)].evidenced_by) & set(by_strategy[str(COFFEE)].evidenced_by)


def test_reasoning_twice_gives_the_same_graph_and_leaves_articles_alone(trig_store: StoreFactory) -> None:
    store = trig_store("phone")
    count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    reasoner = f"SELECT ?rg ?s ?p ?o WHERE {{ GRAPH ?rg {{ ?s ?p ?o }} {REASONER_GRAPHS} }}"
    before = store.query(count)
    run_reasoner(store, classify=False)
    first = store.query(reasoner)
    report = run_reasoner(store, classify=False)
    second = store.query(reasoner)
    assert isinstance(first, SelectResult) and isinstance(second, SelectResult)
    assert first.rows and sorted(map(str, first.rows)) == sorted(map(str, second.rows))
    after = store.query(count)
    assert isinstance(before, SelectResult) and isinstance(after, SelectResult)
    articles = [r for r in after.rows if r[0] is not None and not r[0].value.startswith(str(REASONER_GRAPH))]
    assert before.rows == articles
    assert report.summary_lines()[-1] == "changes: none since the last run"
