"""Claims of different articles that agree or contradict (am:agreesWith / am:contradicts, competency question 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.ontology.queries import competency_query
from argmap.extractors.components.argument.data import argument_data
from argmap.extractors.components.argument.stance import closing_attribution, side, subjects
from argmap.extractors.pipeline import run_pipeline
from argmap.extractors.model import Statement, StatementKind
from argmap.reasoner.agreement import Stance, agreements

FOR_ZH = "小米的高端化已经初见成效，旗舰机型站稳了六千元价位。用户愿意全价购买这款旗舰。"
FOR_EN = "Xiaomi's premium push is working. Its flagship sold out at full price."
AGAINST_EN = "Xiaomi's premiumization is struggling. Most of its phones sell only at a discount."
AGAINST_ZH = "小米的高端化仍停留在价格层面，难以真正站稳。其销量高度依赖双11促销。"


@pytest.mark.parametrize(
    ("stances", "expected"),
    [
        # same side of the same subject in two articles: they agree
        ([Stance("c1", "a1", "s", 1), Stance("c2", "a2", "s", 1)], {("c1", "c2", True)}),
        # opposite sides: they contradict
        ([Stance("c1", "a1", "s", 1), Stance("c2", "a2", "s", -1)], {("c1", "c2", False)}),
        # one article does not agree with itself; different subjects are not compared
        ([Stance("c1", "a1", "s", 1), Stance("c2", "a1", "s", 1), Stance("c3", "a2", "t", 1)], set()),
        # a brand alone is no question: two claims on it are compared when they name something else in common
        ([Stance("c1", "a1", "b", 1, broad=True, aspects=frozenset({"p1"})),
          Stance("c2", "a2", "b", -1, broad=True, aspects=frozenset({"p1", "o1"}))], {("c1", "c2", False)}),
        ([Stance("c1", "a1", "b", 1, broad=True, aspects=frozenset({"p1"})),
          Stance("c2", "a2", "b", -1, broad=True, aspects=frozenset({"o1"}))], set()),
        ([Stance("c1", "a1", "b", 1, broad=True), Stance("c2", "a2", "b", 1, broad=True)], set()),
        # one sentence in two articles (a story crawled twice) is a copy, not agreement; another sentence agrees
        ([Stance("c1", "a1", "s", 1, said="sales grew."), Stance("c2", "a2", "s", 1, said="sales grew."),
          Stance("c3", "a3", "s", 1, said="the plan works.")], {("c1", "c3", True), ("c2", "c3", True)}),
    ],
)
def test_agreements(stances: list[Stance], expected: set[tuple[str, str, bool]]) -> None:
    assert {(a.first, a.second, a.agrees) for a in agreements(stances)} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Its smartphone sales grew sharply last year.", 1),
        ("en", "Its smartphone sales fell sharply last year.", -1),
        ("en", "The push into luxury cars did not succeed.", -1),  # a negation turns a cue around
        ("en", "Rising costs ate into the margin.", -1),  # the longer cue decides: rising costs, not rising
        ("en", "Not only did sales grow, the brand won new buyers.", 1),  # "not only" negates nothing
        ("en", "The firm grew fast, but its margins fell and debts are a risk.", -1),  # the stronger side
        ("en", "The firm grew fast, but its margins fell.", 0),  # as much of one side as of the other
        ("en", "The board will meet on Tuesday.", 0),
        ("en", "Kelmar shares hit a record high after the results.", 1),  # how markets and analysts judge a firm
        ("en", "Quarterly earnings beat estimates and the stock was upgraded.", 1),
        ("en", "Kelmar has been hit by a recall scandal.", -1),
        ("en", "Revenue missed expectations for a second quarter.", -1),
        ("zh", "小米的高端机型销量持续增长。", 1),
        ("zh", "凯达股价创新高。", 1),
        ("zh", "凯达一季度营收低于预期，宣布裁员。", -1),
        ("zh", "小米的高端机型销量持续下滑。", -1),
        ("zh", "这一转型并未成功。", -1),
        ("zh", "这一策略不仅提升了品牌认同，还巩固了领先地位。", 1),  # 不仅 negates nothing
        ("zh", "品牌面临着意想不到的尴尬。", -1),  # 意想不到 is no negation of 尴尬
        ("zh", "公司的增长乏力。", -1),  # 增长乏力, not 增长
        ("zh", "董事会将于周二开会。", 0),
        # commentary judges by figure of speech: a shackle, a trump card, an Achilles' heel
        ("zh", "渠道是凯达的法宝，高昂的债务却是它的桎梏。", 0),  # one of each side
        ("zh", "软件一直是凯达的软肋。", -1),
        ("zh", "自研芯片是凯达的杀手锏。", 1),
        # commentary judges by comparison and by how things went
        ("zh", "凯达在岚城的扩张并不顺利。", -1),  # 顺利 turned around by 并不
        ("zh", "凯达的新品推广一切顺利。", 1),
        ("zh", "与淳馨相比，凯达的门店数量相去甚远，数字化也远远逊色。", -1),
        ("zh", "这一策略最终把凯达推向了绝路。", -1),
        # a trouble named before a negated impact did no harm: the claim speaks for the brand
        ("zh", "芯片短缺并未对凯达新机的备货造成很大影响。", 1),
        ("zh", "芯片短缺严重拖累了凯达新机的备货。", -1),
        ("en", "The chip shortage has not hurt Kelmar's phone sales.", 1),
        ("en", "The chip shortage hurt Kelmar's phone sales.", -1),
        ("en", "Rising costs did not dent Kelmar's margins, but a recall hit its sales.", 0),  # one of each, in order
        ("en", "Software has long been Kelmar's Achilles' heel.", -1),
        ("en", "Its own chips are Kelmar's trump card.", 1),
    ],
)
def test_side_of_a_claim(lang: str, text: str, expected: int) -> None:
    assert side(text, argument_data(lang)) == expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        (("brand/novartis", "brand/teva", "strategy/novartis-premiumization"), ("strategy/novartis-premiumization",)),
        (("brand/novartis", "brand/teva"), ("brand/novartis",)),  # the brand named first, not every brand
        (("product/x",), ()),  # a product whose brand the article does not say
        (("product/pegasus",), ("brand/nike",)),  # "sales of the Pegasus lag": its brand's
        (("product/pegasus", "brand/adidas"), ("brand/adidas",)),  # a brand it names comes first
    ],
)
def test_what_a_claim_takes_a_side_on(mentions: tuple[str, ...], expected: tuple[str, ...]) -> None:
    st = Statement(id="s1", kind=StatementKind.CLAIM, text="…", start=0, end=1, sentence=0, mentions=mentions)
    assert subjects(st, owners={"product/pegasus": "brand/nike"}) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Its smartphone sales grew sharply last year.", ("SalesAspect",)),
        ("en", "Kelmar shares hit a record high after analysts upgraded the stock.", ("SharePriceAspect",)),
        ("en", "Margins shrank as the firm cut prices to win market share.",
         ("ProfitAspect", "PriceAspect", "MarketShareAspect")),
        ("en", "Buyers see the brand as cheap, and its reputation suffers.", ("PriceAspect", "BrandImageAspect")),
        ("en", "The firm's reputation for innovation is unmatched.", ("BrandImageAspect", "TechnologyAspect")),
        ("en", "The board will meet on Tuesday.", ()),
        ("zh", "凯达的销量持续增长。", ("SalesAspect",)),
        ("zh", "凯达的营收与净利润双双下滑。", ("RevenueAspect", "ProfitAspect")),
        ("zh", "降价促销拉低了品牌形象。", ("PriceAspect", "BrandImageAspect")),
        ("zh", "凯达股价创新高，市值突破千亿。", ("SharePriceAspect",)),
        ("zh", "凯达自研芯片，市占率稳居第一。", ("MarketShareAspect", "TechnologyAspect")),
        ("zh", "董事会将于周二开会。", ()),
    ],
)
def test_what_of_a_brand_a_claim_speaks_of(lang: str, text: str, expected: tuple[str, ...]) -> None:
    assert argument_data(lang).aspects_of(text) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_aspect_is_the_ontologys(lang: str) -> None:
    """The cue data names aspects by the ontology's individuals, and gives cues for each of them."""
    from rdflib import Graph, RDF

    from argmap.ontology import AM, ONTOLOGY_PATH

    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    declared = {str(a).rsplit("#", 1)[1] for a in graph.subjects(RDF.type, AM.Aspect)}
    assert {name for name, _ in argument_data(lang).aspects} == declared


def test_who_speaks_last_is_not_what_a_claim_is_about() -> None:
    st = Statement(id="s1", kind=StatementKind.CLAIM, text="…", start=0, end=1, sentence=0,
                   mentions=("brand/samsung", "brand/apple"))
    assert subjects(st, sources=("brand/samsung",)) == ("brand/apple",)
    assert subjects(st, sources=("brand/samsung", "brand/apple")) == ()


@pytest.mark.parametrize(
    ("lang", "text", "attribution"),
    [
        ("en", "Sales grew again, the Kelmar Bank said.", "the Kelmar Bank said"),
        ("en", '"The market is strong," said Kim Lee, an analyst at Kelmar Research.',
         "said Kim Lee, an analyst at Kelmar Research"),
        ("en", "“Demand is strong”, said Kim Lee of Kelmar Research.", "said Kim Lee of Kelmar Research"),
        ("en", '"Demand remains solid," Kelmar said in a statement.', "Kelmar said in a statement"),
        # what follows the verb is what was said, not who says it
        ("en", "Jo Tan, a spokesman for Kelmar, said the new checkout system still had flaws.", None),
        ("en", "Kelmar said its sales grew strongly.", None),  # the speaker opens the sentence: its own news
        ("zh", "小米的高端化已经初见成效，业内人士表示。", "业内人士表示"),
        ("zh", "小米表示，旗舰机型站稳了六千元价位。", None),
    ],
)
def test_closing_attribution(lang: str, text: str, attribution: str | None) -> None:
    at = closing_attribution(text, argument_data(lang))
    assert (text[at:].rstrip(".。") if at is not None else None) == attribution


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        # Samsung is named only as the analyst's employer: the claim takes a side on no brand
        ("en", '"The smartphone market will grow strongly this year," said Kim Lee, an analyst at Samsung.', ((), ())),
        ("en", "Samsung said its smartphone sales will grow strongly this year.", (("brand/samsung",), ())),
    ],
)
def test_the_side_of_a_quoted_claim(lang: str, text: str, sides: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    claim = next(s for s in run_pipeline(text, key="t", lang=lang).statements if s.kind is StatementKind.CLAIM)
    assert (claim.argues_for, claim.argues_against) == sides


def test_each_claim_has_a_bounded_number_of_links() -> None:
    stances = [Stance(f"c{i:03d}", f"a{i}", "s", 1) for i in range(60)]
    found = agreements(stances, per_claim=5)
    links: dict[str, int] = {}
    for a in found:
        links[a.first] = links.get(a.first, 0) + 1
        links[a.second] = links.get(a.second, 0) + 1
    assert found and max(links.values()) <= 5


def _cq7(tmp_path: Path, texts: dict[str, str]) -> set[tuple[str, str, str]]:
    store = argmap.open_store(tmp_path / "store")
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        argmap.ingest(store, path)
    argmap.reason(store)
    rows = argmap.query(store, competency_query(7).sparql)
    return {(r["relation"], r["article1"].rsplit("/", 1)[-1], r["article2"].rsplit("/", 1)[-1]) for r in rows}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"a": FOR_EN, "b": AGAINST_EN}, {("contradicts", "a", "b")}),  # English pair
        ({"a": FOR_ZH, "b": AGAINST_ZH}, {("contradicts", "a", "b")}),  # Chinese pair
        ({"a": FOR_EN, "b": FOR_ZH}, {("agrees", "a", "b")}),  # one of each language: one strategy node
        # one brand, two matters: its shoes sell well, a strike hurts it (made-up stories)
        ({"a": "Nike sold its Air Max shoes well and sales grew strongly this spring.",
          "b": "Nike is struggling with a strike at its warehouse in Zandia."},
         set()),
        # … and one matter: both name the shoe
        ({"a": "Nike sold its Air Max shoes well and sales grew strongly this spring.",
          "b": "Nike is struggling to sell its Air Max shoes at full price."},
         {("contradicts", "a", "b")}),
        # … or speak of the same aspect of it: its sales (made-up stories)
        ({"a": "Nike's sales grew strongly this spring.", "b": "Nike's sales fell sharply in the summer."},
         {("contradicts", "a", "b")}),
        # … in two languages: its share price
        ({"a": "Nike shares hit a record high on Tuesday.", "b": "耐克股价创新高，市值再度上涨。"},
         {("agrees", "a", "b")}),
        # … but not two aspects: its sales, its share price
        ({"a": "Nike's sales grew strongly this spring.", "b": "Nike shares fell sharply on Tuesday."}, set()),
        # the same story in two files: its claims are copies, not agreement
        ({"a": "Nike's sales grew strongly this spring.", "b": "Nike's sales grew strongly this spring."}, set()),
        # a product's sales are its brand's
        ({"a": "Nike's sales grew strongly this spring.", "b": "Sales of the Pegasus fell sharply in the summer."},
         {("contradicts", "a", "b")}),
        # the brand's own product named after the brand is how a claim speaks of the brand, no matter in common …
        ({"a": "Apple is struggling with antitrust lawsuits over the App Store fees it charges iPhone developers.",
          "b": "Apple has succeeded in moving more of its iPhone assembly to India."}, set()),
        # … a claim about the product names it first
        ({"a": "The iPhone is a huge success for Apple.", "b": "The iPhone has become a failure for Apple."},
         {("contradicts", "a", "b")}),
        # … and the same aspect of it still makes one matter (its sales: "sell")
        ({"a": "iPhone sales grew strongly in China this spring.",
          "b": "Apple is struggling to sell the iPhone at full price in China."}, {("contradicts", "a", "b")}),
    ],
)
def test_cq7_links_articles_about_one_brand(tmp_path: Path, texts: dict[str, str],
                                            expected: set[tuple[str, str, str]]) -> None:
    found = _cq7(tmp_path, texts)
    assert {(rel, *sorted((a1, a2))) for rel, a1, a2 in found} == expected


def test_agreement_links_are_written_only_when_they_change(tmp_path: Path) -> None:
    """Each reasoner run would otherwise rewrite the whole graph of links, however few of them changed."""
    import pyoxigraph as ox

    from argmap.graph.iri import AGREEMENT_GRAPH
    from argmap.graph.store import open_store
    from argmap.reasoner.agreement import agreement_triples, changed_agreement

    links = agreement_triples(agreements([Stance("urn:c1", "urn:a1", "urn:s", 1), Stance("urn:c2", "urn:a2", "urn:s", 1),
                                          Stance("urn:c3", "urn:a3", "urn:s", -1)]))
    graph = str(AGREEMENT_GRAPH)
    with open_store(tmp_path / "store") as st:
        assert changed_agreement(st, graph, links) == links  # nothing stored yet
        st.replace_graph(graph, links)
        assert changed_agreement(st, graph, list(reversed(links))) is None  # the same links, in any order
        assert changed_agreement(st, graph, links[:-1]) == links[:-1]  # one link fewer
        assert changed_agreement(st, graph, []) == []  # none left: the graph is emptied
        other = ox.Triple(ox.NamedNode("urn:c1"), ox.NamedNode("urn:p"), ox.NamedNode("urn:c9"))
        assert changed_agreement(st, graph, [*links, other]) == [*links, other]


def test_explaining_a_claim_names_the_other_articles_that_agree_or_contradict(tmp_path: Path) -> None:
    """What the reasoner links across articles is shown under the claim, with what both speak of."""
    store = argmap.open_store(tmp_path / "store")
    for name, text in {"a": FOR_EN, "b": AGAINST_ZH}.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        argmap.ingest(store, tmp_path / f"{name}.txt")
    argmap.reason(store)
    out = argmap.explain(store, "premium push is working")
    tail = out.split("other articles (1):", 1)[1]
    assert "相互矛盾 contradicts — 关于 on: 小米高端化 / Xiaomi premiumization" in tail
    assert "小米的高端化仍停留在价格层面" in tail and "article b" in tail

