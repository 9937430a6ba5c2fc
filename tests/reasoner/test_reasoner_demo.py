"""End to end on the demo article: the reasoner reaches what a careful reader reaches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from rdflib.namespace import RDF

from argmap.graph.iri import REASONER_GRAPH
from argmap.graph.results import SelectResult
from argmap.graph.store import Store, open_store
from argmap.ontology import AM, AMID
from argmap.samples import DEMO_ARTICLE

pytestmark = pytest.mark.slow

STRATEGY = AMID["strategy/xiaomi-premiumization"]
IN_REASONER = f'FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH}"))'


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    location = tmp_path_factory.mktemp("reasoner-demo") / "store"
    out = _cli("ingest", str(DEMO_ARTICLE), "--store", str(location)).stdout
    yield location, out


@pytest.fixture
def store(demo: tuple[Path, str]) -> Iterator[Store]:
    st = open_store(str(demo[0]), read_only=True)
    yield st
    st.close()


def _rows(store: Store, sparql: str) -> list[dict[str, str | None]]:
    res = store.query(sparql)
    assert isinstance(res, SelectResult)
    return res.values()


def _texts(store: Store, sparql: str) -> list[str]:
    return [r["t"] or "" for r in _rows(store, sparql)]


def _any(texts: list[str], *needles: str) -> bool:
    return any(n in t for t in texts for n in needles)


def test_ingest_prints_the_reasoners_summary(demo: tuple[Path, str]) -> None:
    out = demo[1]
    # five price-driven statements against four value-driven ones, both sides strong: the evidence is mixed
    # (rules/verdict.json), while the article's own conditional verdict says price level
    assert "reasoner:" in out and "价格与价值并存的高端化 mixed premiumization" in out
    assert "price-driven 5 statements" in out and "value-driven 4" in out
    assert "changes: first run" in out


def test_xiaomi_premiumization_is_mixed_never_value_level(store: Store) -> None:
    types = {r["t"] for r in _rows(store, f"SELECT ?t WHERE {{ GRAPH ?rg {{ <{STRATEGY}> <{RDF.type}> ?t }} {IN_REASONER} }}")}
    assert str(AM.MixedPremiumization) in types
    assert str(AM.ValueLevelPremiumization) not in types and str(AM.PriceLevelPremiumization) not in types


def test_the_classification_rests_on_the_price_driven_evidence_too(store: Store) -> None:
    rests = _texts(store, f"SELECT ?t WHERE {{ <{STRATEGY}> am:restsOnEachSide ?e . ?e am:text ?t }}")
    assert _any(rests, "双11", "双十一") and _any(rests, "618")  # sales peaks tied to promotions
    assert _any(rests, "替代品", "平替")  # bought as a cheaper substitute
    assert _any(rests, "凭什么卖这么贵", "不信任")  # doubt about the price
    sides = _rows(store, f"""SELECT ?e WHERE {{ <{STRATEGY}> am:restsOnEachSide ?e .
        FILTER NOT EXISTS {{ ?e a/rdfs:subClassOf* am:PriceDrivenEvidence }}
        FILTER NOT EXISTS {{ ?e a/rdfs:subClassOf* am:ValueDrivenEvidence }} }}""")
    assert sides == []  # a mixed verdict rests on the evidence of each side, nothing else


def test_the_value_side_is_recorded_as_evidence_too(store: Store) -> None:
    value = _texts(store, f"""SELECT ?t WHERE {{ <{STRATEGY}> am:evidencedBy ?e . ?e am:text ?t ;
        a/rdfs:subClassOf* am:ValueDrivenEvidence }}""")
    assert _any(value, "6000元")  # the flagship above 6,000 yuan topping sales
    assert _any(value, "迁移者")  # iPhone switchers nearly doubling
    assert _any(value, "生态", "绑定")  # the ecosystem


def _central_claim(store: Store) -> str:
    rows = _rows(store, """SELECT ?c WHERE { ?c a am:Claim ; am:mentions amid:strategy\\/xiaomi-premiumization ;
        am:text ?t . FILTER (CONTAINS(STR(?t), "高端品牌")) }""")
    assert rows, "no claim about Xiaomi's move to a premium brand"
    return rows[0]["c"] or ""


def test_the_premiumization_claim_has_support_and_undermining_evidence(store: Store) -> None:
    claim = _central_claim(store)
    pro = _texts(store, f"SELECT ?t WHERE {{ ?e am:supports <{claim}> ; am:text ?t }}")
    con = _texts(store, f"SELECT ?t WHERE {{ ?e am:undermines <{claim}> ; am:text ?t }}")
    assert _any(pro, "6000元") and _any(pro, "迁移者") and _any(pro, "生态", "绑定")
    assert _any(con, "双11") and _any(con, "替代品", "平替") and _any(con, "凭什么卖这么贵", "不信任")
    assert _any(con, "62%") and _any(con, "华为")
    # the thesis is the article's own position, so its sub-claims ground it; what contests it is the evidence:
    # more price-driven kinds undermine it than value-driven kinds support it
    def kinds(relation: str) -> int:
        return len(_rows(store, f"SELECT DISTINCT ?e WHERE {{ ?e am:{relation} <{claim}> ; a ?k . "
                                "?k rdfs:subClassOf+ am:Evidence }"))

    assert kinds("undermines") > kinds("supports") > 0
    status = _rows(store, f"SELECT ?s WHERE {{ <{claim}> am:status ?s }}")
    assert status and status[0]["s"] != str(AM.Unsupported)  # weighed, not left as 'nothing bears on it'


def test_the_conditional_verdict_stands(store: Store) -> None:
    rows = _rows(store, """SELECT ?c ?s WHERE { ?c a am:Claim ; am:conditional true ; am:text ?t ; am:status ?s .
        FILTER (CONTAINS(STR(?t), "价格层面") && CONTAINS(STR(?t), "价值层面")) }""")
    assert rows, "the article's verdict (price level, not value level) is not a conditional claim"
    assert all(r["s"] == str(AM.Accepted) for r in rows)


def test_explain_via_the_cli(demo: tuple[Path, str]) -> None:
    out = _cli("explain", "高端化仍停留在价格层面", "--store", str(demo[0])).stdout
    assert "成立 accepted" in out and "平替" in out and "chars" in out


def test_reason_again_reports_no_change(demo: tuple[Path, str]) -> None:
    out = _cli("reason", "--store", str(demo[0])).stdout
    assert "changes: none since the last run" in out


def test_without_java_the_reasoner_warns_once_and_still_evaluates(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # the venv's bin: no java on it
    location = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "argmap", "ingest", str(DEMO_ARTICLE), "--store", str(location)],
                          capture_output=True, text=True, timeout=900, env=env)
    assert proc.returncode == 0, proc.stderr
    warned = [line for line in (proc.stdout + proc.stderr).splitlines() if "Java was not found" in line]
    assert len(warned) == 1 and "default-jre-headless" in warned[0]
    st = open_store(str(location), read_only=True)
    try:
        statuses = _rows(st, f"SELECT ?c WHERE {{ GRAPH ?rg {{ ?c <{AM.status}> ?s }} {IN_REASONER} }}")
        classified = _rows(st, f"SELECT ?s WHERE {{ ?s a <{AM.PriceLevelPremiumization}> }}")
    finally:
        st.close()
    assert statuses and not classified
