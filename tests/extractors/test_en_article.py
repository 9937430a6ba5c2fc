"""The English sportswear test article: brands, figures, strategies, and nothing from the Xiaomi demo."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from argmap.errors import LexiconError
from argmap.extractors.pipeline import analyze_text
from argmap.extractors.model import ArticleAnalysis, EntityRelationKind, StatementKind

ARTICLE = Path(__file__).parent / "articles_en" / "sportswear-nike-adidas-on.en.txt"
DEMO_ONLY = {"brand/xiaomi", "brand/apple", "brand/huawei", "product/iphone", "person/lei-jun", "event/singles-day",
             "event/618", "market/high-end-smartphone"}


@pytest.fixture(scope="module")
def article() -> ArticleAnalysis:
    from argmap.extractors.pipeline import run_pipeline  # through the document layer, as ingest reads it

    return run_pipeline(ARTICLE.read_text(encoding="utf-8"), key="sportswear-en", lang="en", title="Nike's premium problem")


def test_en_article_finds_its_entities(article: ArticleAnalysis) -> None:
    refs = {e.ref for e in article.entities}
    expected = {"brand/nike", "brand/adidas", "brand/on-running", "brand/hoka", "product/samba",
                "product/cloudmonster", "person/elliott-hill", "event/black-friday", "organization/circana",
                "market/running-shoe"}
    assert expected <= refs
    on = article.entity("brand/on-running")
    assert on is not None and {m.text for m in on.mentions} == {"On Running", "On Holding AG"}
    assert article.entity("brand/nike").labels == {"en": "Nike", "zh": "耐克"}  # type: ignore[union-attr]


def test_en_article_nothing_from_the_demo_leaks_in(article: ArticleAnalysis) -> None:
    refs = {e.ref for e in article.entities} | {r for s in article.statements for r in s.mentions}
    assert not refs & DEMO_ONLY
    assert not any("xiaomi" in ref or "小米" in ref for ref in refs)


@pytest.mark.parametrize(
    ("text", "value", "unit", "event"),
    [
        ("$11.1 billion", "11100000000", "USD", None),
        ("10%", "10", "percent", None),
        ("3.5 percentage points", "3.5", "percentage-point", None),
        ("62%", "62", "percent", "event/black-friday"),
        ("€1 billion", "1000000000", "EUR", None),
        ("doubled", "2", "multiple", None),
        ("24%", "24", "percent", None),
        ("50 stores", "50", "count", None),
        ("$170", "170", "USD", None),
    ],
)
def test_en_article_figures(article: ArticleAnalysis, text: str, value: str, unit: str, event: str | None) -> None:
    figure = next(f for f in article.figures if f.text == text)
    assert (figure.value, figure.unit, figure.event) == (Decimal(value), unit, event)


def test_en_article_figure_about_nike_via_its(article: ArticleAnalysis) -> None:
    share = next(f for f in article.figures if f.text == "62%")
    assert "brand/nike" in share.about


def test_en_article_strategies_constraints_and_competition(article: ArticleAnalysis) -> None:
    rels = {(r.subject, r.kind, r.object) for r in article.entity_relations}
    assert ("brand/nike", EntityRelationKind.PURSUES, "strategy/nike-premiumization") in rels
    assert ("strategy/nike-premiumization", EntityRelationKind.CONSTRAINED_BY, "constraint/nike-competition") in rels
    competitors = {frozenset((s, o)) for s, k, o in rels if k is EntityRelationKind.COMPETES_WITH}
    assert frozenset(("brand/on-running", "brand/nike")) in competitors
    said = next(r for r in article.entity_relations if r.object == "strategy/nike-premiumization")
    assert said.statement is not None
    assert "upmarket" in article.statement(said.statement).text  # type: ignore[union-attr]
    strategy = article.entity("strategy/nike-premiumization")
    assert strategy is not None and strategy.types == ("Premiumization",)
    assert strategy.labels["zh"] == "耐克高端化"


def test_en_article_statements_are_exact_spans(article: ArticleAnalysis) -> None:
    assert article.statements
    for s in article.statements:
        assert article.content[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    for e in article.entities:
        for m in e.mentions:
            assert article.content[m.start : m.end] == m.text
    for f in article.figures:
        assert article.content[f.start : f.end] == f.text


def test_en_article_argument(article: ArticleAnalysis) -> None:
    central = [s for s in article.statements if s.central]
    # the thesis is a claim about Nike's move up-market (the closing "Therefore, Nike should cut promotions …"
    # would be an analyst's pick; the thesis model prefers the claim that names the debated strategy)
    assert len(central) == 1 and central[0].kind is StatementKind.CLAIM
    assert "strategy/nike-premiumization" in central[0].mentions
    kinds = {s.id: s for s in article.statements}
    evidence = [s for s in article.statements if s.kind is StatementKind.EVIDENCE]
    assert any("PromotionDependence" in s.evidence_kinds and "Black Friday" in s.text for s in evidence)
    # Adidas selling at full price is pressure on Nike, the brand the article is about, not Nike's own value
    adidas = next(s for s in evidence if s.text.startswith("However, Adidas"))
    assert "CompetitivePressure" in adidas.evidence_kinds and "FullPricePurchase" not in adidas.evidence_kinds
    for rel in article.relations:
        assert kinds[rel.target].kind is StatementKind.CLAIM
    rebuttal = next(r for r in article.relations if r.marker == "Nevertheless")
    assert kinds[rebuttal.target].text.startswith("Admittedly")


def test_en_article_is_deterministic(article: ArticleAnalysis) -> None:
    from argmap.extractors.pipeline import PipelineCache, run_pipeline

    again = run_pipeline(article.content, key="sportswear-en", lang="en", title="Nike's premium problem", cache=PipelineCache())
    assert again == article


def test_en_user_lexicon_adds_a_brand(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.json"
    lexicon.write_text('{"entities": [{"kind": "brand", "key": "salomon", "en": "Salomon", "zh": "萨洛蒙", '
                       '"aliases": ["Salomon Group"]}]}', encoding="utf-8")
    text = "Salomon is the quiet winner of the trail boom. Hoka grew 24% last year."
    without = {e.ref for e in analyze_text(text, lang="en", key="t").entities}
    with_lexicon = analyze_text(text, lang="en", key="t", lexicons=[lexicon])
    assert "brand/salomon" not in without
    assert with_lexicon.entity("brand/salomon") is not None
    assert with_lexicon.entity("brand/salomon").labels["zh"] == "萨洛蒙"  # type: ignore[union-attr]


def test_en_shared_json_lexicon_adds_english_entities(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.json"
    lexicon.write_text(
        '{"entities": [{"kind": "brand", "key": "salomon", "zh": "萨洛蒙", "en": "Salomon", "aliases": ["萨洛蒙户外"]},'
        ' {"kind": "brand", "key": "zh-only", "zh": "某品牌"}], "zh": {"cues": {"hedge": ["或许"]}}}',
        encoding="utf-8",
    )
    analysis = analyze_text("Salomon is the quiet winner of the trail boom.", lang="en", key="t", lexicons=[lexicon])
    assert [e.ref for e in analysis.entities] == ["brand/salomon"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("mine.json", '{"entities": [{"kind": "planet", "key": "mars", "en": "Mars"}]}'),  # unknown kind
        ("mine.json", '{"en": {"cues": {"hedge": "perhaps"}}}'),  # a cue list that is no list
        ("mine.json", '{"en": {"discourse": [{"marker": "however"}]}}'),  # a marker without its role
        ("hedges.tsv", "cue\nperhaps\n"),  # the tab-separated format of earlier versions
    ],
)
def test_en_bad_user_lexicon_is_a_lexicon_error(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError):
        analyze_text("Nike is back.", lang="en", key="t", lexicons=[path])


@pytest.mark.parametrize(
    ("sentence", "product"),
    [("The Xiaomi 14 Ultra costs more than ever.", "product/xiaomi-14-ultra"),
     ("Apple's iPhone still leads.", "product/iphone")],
)
def test_en_products(sentence: str, product: str) -> None:
    assert analyze_text(sentence, lang="en", key="t").entity(product) is not None


def test_en_a_year_after_a_brand_is_not_a_model() -> None:
    refs = {e.ref for e in analyze_text("Nike 2024 was a hard year for the brand.", lang="en", key="t").entities}
    assert refs == {"brand/nike"}


def test_en_unknown_brands_from_patterns() -> None:
    text = "Shares of Vuori Inc. jumped. Critics say Allbirds's sneakers lost their appeal. CEO Jane Doe disagrees."
    refs = {e.ref for e in analyze_text(text, lang="en", key="t").entities}
    assert {"brand/vuori", "brand/allbirds", "person/jane-doe"} <= refs
    assert not {"brand/shares", "brand/critics"} & refs


@pytest.mark.parametrize(
    ("sentence", "ref", "zh"),
    [
        ("Xiaomi Corp is moving upmarket.", "brand/xiaomi", "小米"),
        ("Shares of Xiaomi Corporation rose.", "brand/xiaomi", "小米"),
        ("Sales peaked on Double 11 again.", "event/singles-day", "双十一"),
        ("Sales peaked on Singles' Day again.", "event/singles-day", "双十一"),
        ("Luckin now has more stores than Starbucks in China.", "brand/luckin", "瑞幸"),
        ("BYD Auto sold more cars than Tesla.", "brand/byd", "比亚迪"),
        ("Lei Jun promised a premium phone.", "person/lei-jun", "雷军"),
    ],
)
def test_en_aliases_share_keys_with_the_chinese_lexicon(sentence: str, ref: str, zh: str) -> None:
    entity = analyze_text(sentence, lang="en", key="t").entity(ref)
    assert entity is not None
    assert entity.labels.get("zh") == zh


COFFEE = Path(__file__).parent / "articles_en" / "coffee-luckin-starbucks.en.txt"


@pytest.fixture(scope="module")
def coffee() -> ArticleAnalysis:
    return analyze_text(COFFEE.read_text(encoding="utf-8"), lang="en", key="coffee-en")


def test_en_coffee_article_entities_and_figures(coffee: ArticleAnalysis) -> None:
    refs = {e.ref for e in coffee.entities}
    assert {"brand/luckin", "brand/starbucks", "brand/cotti"} <= refs
    # "Starbucks China's sales" is Starbucks, not a new brand; the title is not a statement
    assert not any(r.startswith("brand/starbucks-") for r in refs)
    assert not any(s.start < coffee.content.index("\n") for s in coffee.statements)
    figures = {f.text: (f.value, f.unit) for f in coffee.figures}
    assert figures["20,000 stores"] == (Decimal(20000), "count")
    assert figures["three times"] == (Decimal(3), "multiple")
    assert figures["¥13"] == (Decimal(13), "CNY")
    assert figures["9.9-yuan"] == (Decimal("9.9"), "CNY")
    assert figures["14%"] == (Decimal(14), "percent")
    assert next(f for f in coffee.figures if f.text == "14%").period == "second quarter of 2024"


def test_en_coffee_article_owners_and_rivals(coffee: ArticleAnalysis) -> None:
    rels = {(r.subject, r.kind, r.object) for r in coffee.entity_relations}
    assert ("brand/starbucks", EntityRelationKind.PURSUES, "strategy/starbucks-premiumization") in rels
    assert ("brand/luckin", EntityRelationKind.PURSUES, "strategy/luckin-value-for-money") in rels
    assert ("strategy/starbucks-premiumization", EntityRelationKind.CONSTRAINED_BY, "constraint/starbucks-competition") in rels
    competitors = {frozenset((s, o)) for s, k, o in rels if k is EntityRelationKind.COMPETES_WITH}
    assert frozenset(("brand/luckin", "brand/starbucks")) in competitors


@pytest.mark.parametrize("path", [ARTICLE, COFFEE])
def test_en_articles_do_not_leak_into_each_other(path: Path) -> None:
    other = COFFEE if path == ARTICLE else ARTICLE
    mine = {e.ref for e in analyze_text(path.read_text(encoding="utf-8"), lang="en", key="a").entities}
    theirs = {e.ref for e in analyze_text(other.read_text(encoding="utf-8"), lang="en", key="b").entities}
    assert not mine & DEMO_ONLY
    shared = {r for r in mine & theirs if r.startswith("brand/") or r.startswith("product/")}
    assert shared == set()
