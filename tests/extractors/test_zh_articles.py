"""Whole articles: offset invariants, the demo article's argument, and articles about other industries."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from argmap.extractors import Lang, analyze
from argmap.extractors.components.argument.data import argument_data
from argmap.documents import read_document
from argmap.extractors.model import ArticleAnalysis, RelationKind, StatementKind
from argmap.samples import DEMO_ARTICLE

ARTICLES = Path(__file__).parent / "articles"
EV = ARTICLES / "ev-price-war.zh.md"
COFFEE = ARTICLES / "coffee-war.zh.txt"


def load(path: Path) -> ArticleAnalysis:
    document = read_document(path.read_bytes(), name=path.name, suffix=path.suffix)
    return analyze(document, key=path.stem, lang=Lang.AUTO)


@pytest.fixture(scope="module", params=[DEMO_ARTICLE, EV, COFFEE], ids=lambda p: p.name)
def analysis(request: pytest.FixtureRequest) -> ArticleAnalysis:
    return load(request.param)


def test_offsets_index_the_content(analysis: ArticleAnalysis) -> None:
    text = analysis.content
    assert analysis.lang == "zh"
    for st in analysis.statements:
        assert text[st.start:st.end] == st.text and st.text.strip() == st.text
        sentence = analysis.sentences[st.sentence]
        assert sentence.start <= st.start < st.end <= sentence.end
    for f in analysis.figures:
        assert text[f.start:f.end] == f.text
    for e in analysis.entities:
        assert e.mentions or e.kind.value in ("Strategy", "Constraint")
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


def test_nothing_is_extracted_from_skipped_spans(analysis: ArticleAnalysis) -> None:
    for span in analysis.skipped:
        for st in analysis.statements:
            assert st.end <= span.start or st.start >= span.end


def test_references_resolve(analysis: ArticleAnalysis) -> None:
    refs = {e.ref for e in analysis.entities} | {f.id for f in analysis.figures}
    ids = {s.id for s in analysis.statements}
    assert len(ids) == len(analysis.statements)
    for st in analysis.statements:
        assert set(st.mentions) <= refs
        assert not st.evidence_kinds or st.kind is StatementKind.EVIDENCE
    for r in analysis.relations:
        assert r.source in ids and analysis.statement(r.target).kind is StatementKind.CLAIM
    for r in analysis.entity_relations:
        assert r.subject in refs and r.object in refs
    assert sum(s.central for s in analysis.statements) == 1


def test_extraction_is_deterministic() -> None:
    first, second = load(COFFEE), load(COFFEE)
    assert first == second


def test_demo_article_argument() -> None:
    a = load(DEMO_ARTICLE)
    central = next(s for s in a.statements if s.central)
    # the thesis is a claim about Xiaomi's move up-market, the strategy the evidence argues over
    assert central.kind is StatementKind.CLAIM and "strategy/xiaomi-premiumization" in central.mentions
    # a thesis that the move is not (yet) real (仍停留在价格层面, 溢价能力不足) flips the sides
    against = argument_data("zh").against.any(central.text)
    value, price = ((RelationKind.UNDERMINES, RelationKind.SUPPORTS) if against
                    else (RelationKind.SUPPORTS, RelationKind.UNDERMINES))
    bearing = {}
    for r in a.relations:
        if r.target == central.id:
            for kind in a.statement(r.source).evidence_kinds:
                bearing.setdefault(kind, set()).add(r.kind)
    for kind in ("FullPricePurchase", "RivalSwitching", "EcosystemLockIn"):
        assert bearing[kind] == {value}
    for kind in ("PromotionDependence", "SubstitutePurchase", "SpecsForLess", "PriceDoubt", "CompetitivePressure"):
        assert bearing[kind] == {price}
    verdict = next(s for s in a.statements if "所谓的高端化仍停留在价格层面" in s.text)
    assert verdict.kind is StatementKind.CLAIM and verdict.conditional
    assert any(r.target == verdict.id and r.kind is RelationKind.SUPPORTS for r in a.relations)


@pytest.mark.parametrize(
    ("path", "brands", "figures"),
    [
        (EV, {"brand/byd", "brand/nio", "brand/tesla"},
         {("150万辆", "1500000", "count"), ("61%", "61", "percent"), ("7.98万元", "79800", "CNY"),
          ("60亿元", "6000000000", "CNY"), ("两到三年", "2", "year")}),
        (COFFEE, {"brand/luckin", "brand/starbucks", "brand/cotti"},
         {("249亿元", "24900000000", "CNY"), ("16000家", "16000", "count"), ("9.9元", "9.9", "CNY"),
          ("40元", "40", "CNY"), ("34%", "34", "percent"), ("三到五年", "3", "year")}),
    ],
    ids=["cars", "coffee"],
)
def test_other_industries(path: Path, brands: set[str], figures: set[tuple[str, str, str]]) -> None:
    a = load(path)
    refs = {e.ref for e in a.entities}
    assert brands <= refs
    assert figures <= {(f.text, str(f.value), f.unit) for f in a.figures}
    # nothing from the demo article leaks in
    assert not any("xiaomi" in r or "lei-jun" in r for r in refs)
    assert not any(label in ("小米", "雷军") for e in a.entities for label in e.labels.values())
    assert sum(s.kind is StatementKind.CLAIM for s in a.statements) >= 3
    assert any(s.kind is StatementKind.EVIDENCE for s in a.statements) and a.relations


def test_other_industries_strategies() -> None:
    ev = load(EV)
    pursues = {(r.subject, r.object) for r in ev.entity_relations if r.kind.value == "pursues"}
    assert ("brand/nio", "strategy/nio-premiumization") in pursues
    assert ("brand/byd", "strategy/byd-value-for-money") in pursues
    coffee = load(COFFEE)
    assert Decimal("9.9") in {f.value for f in coffee.figures if f.text == "9块9"}
