"""Small hand-made graphs → the verdict and the statuses a careful reader gives; incremental runs = full runs.

Each article is built here from a line per statement, so every case states its own evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

from argmap.graph.iri import REASONER_GRAPH
from argmap.graph.results import SelectResult
from argmap.graph.store import OxigraphStore
from argmap.ontology import AM, AMID
from argmap.reasoner import ReasonReport, run_reasoner
from argmap.reasoner.plan import Mode
from argmap.reasoner.stored import read_verdicts
from argmap.viz.viewmodel import Status, load_view_model

PREFIXES = """@prefix am: <https://w3id.org/argmap/ontology#> .
@prefix amid: <https://w3id.org/argmap/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


@dataclass
class Article:
    """``statements``: (local id, types, text, mentioned entity refs, [(relation, target local id)])."""

    key: str
    entities: list[str] = field(default_factory=list)  # Turtle lines about entities
    statements: list[tuple[str, str, str, list[str], list[tuple[str, str]]]] = field(default_factory=list)

    def trig(self) -> str:
        a = f"amid:article\\/{self.key}"
        lines = [f"{a} a am:Article ; am:content \"…\" ."] + self.entities
        for sid, types, text, mentions, links in self.statements:
            node = f"amid:statement\\/{self.key}\\/{sid}"
            props = [f"a {types}", f"am:text \"{text}\"@zh", f"am:inArticle {a}"]
            props += [f"am:mentions amid:{m.replace('/', chr(92) + '/')}" for m in mentions]
            props += [f"am:{rel} amid:statement\\/{self.key}\\/{target}" for rel, target in links]
            lines.append(f"{node} " + " ; ".join(props) + " .")
        return PREFIXES + f"{a} {{\n" + "\n".join(lines) + "\n}\n"


def brand(ref: str, label: str, *, pursues: bool = True, kind: str = "am:Brand") -> list[str]:
    b, s = f"amid:brand\\/{ref}", f"amid:strategy\\/{ref}-premiumization"
    out = [f"{b} a {kind} ; rdfs:label \"{label}\"@zh ."]
    if pursues:
        out += [f"{s} a am:Strategy , am:Premiumization ; rdfs:label \"{label}高端化\"@zh .", f"{b} am:pursues {s} ."]
    return out


def thesis(ref: str) -> tuple[str, str, str, list[str], list[tuple[str, str]]]:
    return ("t", "am:Claim ; am:central true", f"{ref}正在走向高端。", [f"brand/{ref}", f"strategy/{ref}-premiumization"], [])


def evidence(sid: str, kind: str, text: str, ref: str, rel: str = "supports", target: str = "t",
             mentions: list[str] | None = None) -> tuple[str, str, str, list[str], list[tuple[str, str]]]:
    return (sid, f"am:Evidence , am:{kind}", text, mentions if mentions is not None else [f"brand/{ref}"], [(rel, target)])


def value_article(key: str, ref: str, label: str, n: int) -> Article:
    kinds = ["BrandIdentification", "FullPricePurchase", "EcosystemLockIn", "OwnTechnology"]
    return Article(key, brand(ref, label), [thesis(ref)] + [
        evidence(f"v{i}", kinds[i % 4], f"{label}的用户认同第{i}条。", ref) for i in range(n)])


def price_evidence(ref: str, label: str, n: int, *, start: int = 0) -> list:
    kinds = ["PromotionDependence", "SubstitutePurchase", "PriceDoubt", "SpecsForLess"]
    return [evidence(f"p{i}", kinds[i % 4], f"{label}靠促销第{i}条。", ref, "undermines") for i in range(start, start + n)]


ARTICLES = {
    # two value-driven grounds: value-level
    "alpha": value_article("alpha-zh", "alpha", "阿尔法", 2),
    # one price-driven statement: too little to say anything
    "beta": Article("beta-zh", brand("beta", "贝塔"), [thesis("beta")] + price_evidence("beta", "贝塔", 1)),
    # three on each side: mixed
    "gamma": Article("gamma-zh", brand("gamma", "伽马"),
                     value_article("x", "gamma", "伽马", 3).statements + price_evidence("gamma", "伽马", 3)),
    # a product's premiumization rolls up to its brand
    "delta": Article("delta-zh", brand("delta", "德尔塔", pursues=False) + [
        "amid:product\\/delta-phone a am:Product ; rdfs:label \"德尔塔手机\"@zh ; am:hasBrand amid:brand\\/delta .",
        "amid:strategy\\/delta-phone-premiumization a am:Strategy , am:Premiumization ; rdfs:label \"德尔塔手机高端化\"@zh .",
        "amid:product\\/delta-phone am:pursues amid:strategy\\/delta-phone-premiumization ."],
        [("t", "am:Claim ; am:central true", "德尔塔手机卖得更贵了。",
          ["product/delta-phone", "strategy/delta-phone-premiumization"], [])]
        + [evidence(f"p{i}", k, f"德尔塔手机靠促销第{i}条。", "", "undermines", mentions=["product/delta-phone"])
           for i, k in enumerate(["PromotionDependence", "SubstitutePurchase"])]),
    # a person pursues nothing the reasoner classifies
    "epsilon": Article("epsilon-zh", brand("epsilon", "艾普", kind="am:Person"),
                       value_article("x", "epsilon", "艾普", 2).statements),
    # evidence naming a rival counts for the brand it is argued about
    "zeta": Article("zeta-zh", brand("zeta", "泽塔") + brand("eta", "伊塔"), [thesis("zeta")] + [
        evidence(f"v{i}", "RivalSwitching", f"伊塔的用户转向泽塔第{i}条。", "", mentions=["brand/eta", "brand/zeta"])
        for i in range(2)]),
}
EXPECTED = {  # brand: (the class HermiT derives or None, the rule)
    "alpha": (AM.ValueLevelPremiumization, AM.ValueSidePrevails),
    "beta": (None, AM.TooLittleEvidence),
    "gamma": (AM.MixedPremiumization, AM.BothSidesStrong),
    "delta": (AM.PriceLevelPremiumization, AM.PriceSidePrevails),
    "zeta": (AM.ValueLevelPremiumization, AM.ValueSidePrevails),
    "eta": (None, AM.TooLittleEvidence),
}


def _load(store: OxigraphStore, *articles: Article) -> None:
    for a in articles:
        store.load(a.trig().encode("utf-8"), ox.RdfFormat.TRIG)


def _quads(store: OxigraphStore) -> list[str]:
    res = store.query(f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{REASONER_GRAPH}")) }}')
    assert isinstance(res, SelectResult)
    return sorted(" ".join(str(t) for t in row) for row in res.rows)


@pytest.fixture(scope="module")
def reasoned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OxigraphStore, ReasonReport]]:
    store = OxigraphStore(tmp_path_factory.mktemp("graphs") / "store")
    _load(store, *ARTICLES.values())
    report = run_reasoner(store)  # one HermiT call for every brand
    yield store, report
    store.close()


def _verdict_of(store: OxigraphStore, brand_ref: str) -> tuple[object, object]:
    owner = str(AMID[f"brand/{brand_ref}"])
    found = [v for v in read_verdicts(store) if owner in v.owners]
    assert len(found) <= 1
    if not found:
        return "no verdict", None
    [v] = found
    return (v.classes[0] if v.classes else None), v.rule


@pytest.mark.slow
@pytest.mark.parametrize("brand_ref", EXPECTED)
def test_each_brand_gets_the_verdict_its_evidence_supports(reasoned: tuple[OxigraphStore, ReasonReport],
                                                           brand_ref: str) -> None:
    store, _ = reasoned
    cls, rule = EXPECTED[brand_ref]
    assert _verdict_of(store, brand_ref) == ((str(cls) if cls else None), str(rule))


@pytest.mark.slow
def test_only_brands_and_organisations_get_verdicts(reasoned: tuple[OxigraphStore, ReasonReport]) -> None:
    store, report = reasoned
    assert _verdict_of(store, "epsilon") == ("no verdict", None)
    strategies = {v.strategy for v in read_verdicts(store)}
    assert str(AMID["strategy/epsilon-premiumization"]) not in strategies
    # the product's strategy is its brand's verdict, recorded as the brand's pursuit
    delta = str(AMID["strategy/delta-phone-premiumization"])
    res = store.query(f"ASK {{ GRAPH ?g {{ <{AMID['brand/delta']}> am:pursues <{delta}> }} }}")
    assert getattr(res, "value", False)
    assert len([line for line in report.summary_lines() if " — " in line and "高端化" in line]) == len(EXPECTED)


@pytest.mark.slow
def test_the_verdict_counts_and_sentences_reach_the_map(reasoned: tuple[OxigraphStore, ReasonReport]) -> None:
    store, _ = reasoned
    vm = load_view_model(store)
    gamma = vm.entities[str(AMID["brand/gamma"])]
    [verdict] = gamma.verdicts
    assert verdict.classes == ("价格与价值并存的高端化 mixed premiumization",)
    assert (verdict.price_count, verdict.value_count) == (3, 3)
    assert {s.side for s in verdict.sentences} == {"price", "value"}
    assert all(s.rests_on for s in verdict.sentences)
    thesis_node = vm.statements[str(AMID["statement/beta-zh/t"])]
    assert thesis_node.status is Status.REJECTED  # one objection, no ground: the attack stands


def _status_article() -> Article:
    """Claims with the grounds and objections a status table needs (no premiumization)."""
    def ev(sid: str, rel: str, target: str) -> tuple[str, str, str, list[str], list[tuple[str, str]]]:
        return (sid, "am:Evidence", f"论据{sid}。", [], [(rel, target)])
    claims = [(c, "am:Claim", f"论点{c}。", [], []) for c in ("bare", "one", "two", "beaten", "open", "ahead")]
    return Article("status-zh", [], claims + [
        ev("s1", "supports", "one"), ev("s2", "supports", "two"), ev("s3", "supports", "two"),
        ev("a1", "undermines", "beaten"), ev("a2", "undermines", "beaten"),
        ev("s4", "supports", "open"), ev("a3", "undermines", "open"),
        ev("s5", "supports", "ahead"), ev("s6", "supports", "ahead"), ev("a4", "undermines", "ahead")])


def test_the_status_table(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    try:
        _load(store, _status_article())
        report = run_reasoner(store, classify=False)
        v = {c: report.verdict(str(AMID[f"statement/status-zh/{c}"])) for c in ("bare", "one", "two", "beaten", "open", "ahead")}
        assert v["bare"].status == str(AM.Unsupported) and v["bare"].shown_strength is None
        assert v["one"].status == v["two"].status == v["ahead"].status == str(AM.Accepted)
        assert v["beaten"].status == str(AM.Rejected)  # two objections, no grounds: the attack stands
        assert v["open"].status == str(AM.Undecided)  # one ground against one objection
        assert v["bare"].strength < v["one"].strength < v["two"].strength  # more grounds, more strength
        assert v["ahead"].strength < v["two"].strength and v["beaten"].strength < 0.5
        res = store.query(f"SELECT ?x WHERE {{ <{AMID['statement/status-zh/bare']}> am:strength ?x }}")
        assert isinstance(res, SelectResult) and not res.rows  # no strength stored for an unsupported claim
        assert "1 无依据 unsupported" in report.summary_lines()[0]
        bare = load_view_model(store).statements[str(AMID["statement/status-zh/bare"])]
        assert bare.status is Status.UNSUPPORTED and bare.strength is None
    finally:
        store.close()


@pytest.mark.slow
def test_incremental_runs_give_what_a_full_run_gives(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    try:
        _load(store, ARTICLES["alpha"], ARTICLES["beta"], ARTICLES["gamma"], ARTICLES["zeta"])
        run_reasoner(store)
        # a new article about beta: beta's verdict changes, the others are left alone
        more_beta = Article("beta-more-zh", brand("beta", "贝塔"), [thesis("beta")] + price_evidence("beta", "贝塔", 2, start=5))
        _load(store, more_beta)
        report = run_reasoner(store)
        assert report.mode is Mode.INCREMENTAL and report.evaluated_inputs == 1
        assert [s.strategy for s in report.strategies] == [str(AMID["strategy/beta-premiumization"])]
        assert report.strategies[0].price_level
        assert report.other_verdicts == 4  # alpha, gamma, zeta and eta
        assert report.verdict_changes == [(str(AMID["strategy/beta-premiumization"]), str(AM.TooLittleEvidence),
                                           str(AM.PriceLevelPremiumization))]
        assert any("verdict on 贝塔高端化: 论据不足 too little evidence → 价格层面的高端化" in line for line in report.summary_lines())
        incremental = _quads(store)
        run_reasoner(store, full=True)
        assert _quads(store) == incremental
        # an article changed in place, and one removed: still the same as a full run
        store.remove_graph(str(AMID["article/alpha-zh"]))
        _load(store, value_article("alpha-zh", "alpha", "阿尔法", 1))
        store.remove_graph(str(AMID["article/zeta-zh"]))
        report = run_reasoner(store)
        assert report.mode is Mode.INCREMENTAL and report.evaluated_inputs == 1
        assert _verdict_of(store, "alpha") == (None, str(AM.TooLittleEvidence))
        assert _verdict_of(store, "zeta") == ("no verdict", None)
        incremental = _quads(store)
        run_reasoner(store, full=True)
        assert _quads(store) == incremental
        assert run_reasoner(store).mode is Mode.UNCHANGED
    finally:
        store.close()
