"""HermiT classifies the strategies (it really runs, on a small ABox) and inconsistency leaves the store alone."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from argmap.errors import InconsistentOntologyError
from argmap.graph.iri import REASONER_GRAPH
from argmap.ontology import AM, ONTOLOGY_PATH
from argmap.reasoner import run_reasoner
from argmap.reasoner.owl import abox_ntriples, classify_strategies
from tests.reasoner.conftest import StoreFactory

pytestmark = pytest.mark.slow  # starts a JVM

S = "https://w3id.org/argmap/id/strategy/test-premiumization"


def _working(body: str) -> ox.Store:
    working = ox.Store()
    working.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    working.load(("@prefix am: <https://w3id.org/argmap/ontology#> . @prefix amid: <https://w3id.org/argmap/id/> .\n"
                  + body).encode(), format=ox.RdfFormat.TURTLE)
    return working


@pytest.fixture
def hermit_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import owlready2

    calls: list[int] = []
    real = owlready2.sync_reasoner_hermit

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owlready2, "sync_reasoner_hermit", spy)
    return calls


CASES = {  # name: (how it rests, the kinds of what it rests on, the classes HermiT derives)
    "price": ("am:restsOn", ["am:PromotionDependence"], {AM.PriceLevelPremiumization}),
    "value": ("am:restsOn", ["am:OwnTechnology"], {AM.ValueLevelPremiumization}),
    "mixed": ("am:restsOnEachSide", ["am:SubstitutePurchase", "am:EcosystemLockIn"], {AM.MixedPremiumization}),
    "one-sided-each-side": ("am:restsOnEachSide", ["am:SubstitutePurchase"], set()),
    "neither": ("am:restsOn", ["am:CompetitivePressure"], set()),
}


def test_hermit_classifies_from_the_kinds_of_what_the_strategy_rests_on(hermit_calls: list[int]) -> None:
    body = ""
    for name, (rests, kinds, _) in CASES.items():
        strategy = f"<{S}-{name}>"
        body += f"{strategy} a am:Premiumization .\n" + "".join(
            f"{strategy} {rests} amid:{name}{i} . amid:{name}{i} a am:Evidence , {k} .\n" for i, k in enumerate(kinds))
    working = _working(body)
    # HermiT gets the leaf kinds only; the class of the strategy is inferred, never handed over.
    assert b"Level" not in abox_ntriples(working)
    found = {c.strategy: c.classes for c in classify_strategies(working)}
    assert found == {f"{S}-{name}": {str(c) for c in expected} for name, (_, _, expected) in CASES.items()}
    assert hermit_calls == [1]  # one JVM for all the strategies


def test_resting_on_both_sides_at_once_is_a_clash_hermit_reports() -> None:
    # price-level, value-level and mixed are disjoint: one verdict per strategy
    working = _working(f"""<{S}> a am:Premiumization ; am:restsOn amid:p , amid:v .
        amid:p a am:Evidence , am:PromotionDependence . amid:v a am:Evidence , am:BrandIdentification .""")
    with pytest.raises(InconsistentOntologyError):
        classify_strategies(working)


def test_hermit_sees_only_the_strategies_abox() -> None:
    working = _working(f"""<{S}> a am:Premiumization ; am:restsOn amid:e1 . amid:e1 a am:Evidence , am:FullPricePurchase .
        amid:other a am:Claim ; am:supports amid:e1 . amid:brand am:pursues <{S}> .""")
    data = abox_ntriples(working).decode()
    assert "amid" not in data and "other" not in data and "pursues" not in data
    assert data.count("\n") == 4


def test_nothing_to_classify_does_not_start_java(hermit_calls: list[int]) -> None:
    assert classify_strategies(_working("amid:x a am:Claim .")) == []
    assert hermit_calls == []


def test_an_inconsistency_is_reported_and_the_reasoner_graph_kept(
    trig_store: StoreFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.ontology.owl as owl

    store = trig_store("phone")
    run_reasoner(store, classify=False)
    q = f'CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?rg {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH}")) }}'
    before = sorted(map(str, store.query(q).triples))  # type: ignore[union-attr]

    def clash(world: object, **kwargs: object) -> None:
        raise InconsistentOntologyError("the facts contradict the ontology: amid:e1 is both am:A and am:B, which are disjoint")

    monkeypatch.setattr(owl, "classify", clash)
    with pytest.raises(InconsistentOntologyError, match="disjoint"):
        run_reasoner(store)
    assert sorted(map(str, store.query(q).triples)) == before  # type: ignore[union-attr]
