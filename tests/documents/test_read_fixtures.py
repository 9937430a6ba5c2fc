"""Realistic inputs (written for these tests) through the document layer and the extractors:
no markup, metadata or boilerplate in what is extracted, every body sentence in the text, exact offsets."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from argmap.documents import BlockKind, Document, Format, read_document
from argmap.extractors import ArticleAnalysis, Lang, analyze

FIXTURES = Path(__file__).parent / "fixtures"
# What must never reach a statement or an entity label.
RESIDUE = re.compile(r"<|data-|\]\(|^title:|https?://|www\.|&[a-z]+;|^---|^\+\+\+|referrerpolicy|GMT\b")

CASES = {
    "feed-post.zh.md": dict(
        fmt=Format.HTML, title="高端化之后，国产手机还缺什么？", published=datetime(2022, 2, 9, 23, 59, 17),
        author="科技频道", publisher="", url="",
        body=["新年伊始，手机行业的竞争再度升温。", "小米宣布将在三年内把高端机型的销量占比提升到三成。",
              "用户权益得到保障，复购才会提升。", "我们认为，国产手机的高端化仍停留在价格层面，尚未转化为品牌认同。",
              "据第三方机构统计，2021年国产品牌在4000元以上价位段的份额为35%，同比提升6个百分点。"],
        boilerplate=["图片来源：某咨询机构", "各品牌高端机型销量对比", "（数据来源：某咨询机构）"],
        headings=["价格不是护城河"], absent=[]),
    "news-page.en.html": dict(
        fmt=Format.HTML, title="Carmaker bets on luxury as budget sales slide", published=date(2023, 4, 12),
        author="Jane Holloway", publisher="Daily Ledger", url="https://www.dailyledger.example/business/carmaker-luxury",
        body=["Vantor Motors will move its entire range upmarket after sales of its budget hatchbacks fell 18% last year",
              "Some argued that the brand lacks the heritage that lets rivals such as Porsche and Volvo charge premium prices.",
              "The company expects premium models to account for 40% of revenue by 2026."],
        boilerplate=[], headings=["A risky shift"],
        absent=["Home", "Subscribe now", "Share on Facebook", "Related stories", "Budget brands face squeeze",
                "greedy pricing", "Great article", "All rights reserved", "Privacy policy", "Advertisement"]),
    "static-footnotes.en.md": dict(
        fmt=Format.HTML, title="Is premium pricing a strategy or a symptom?", published=datetime(2024, 6, 3, 7, 0),
        author="R. Moreau", publisher="", url="https://blog.example.org/posts/premium-pricing/",
        body=["Most brands that raise prices call it premiumization. Yet a higher price alone",
              "unit sales fell by only 9%, which suggests that its buyers were loyal to the brand rather than hunting for a bargain."],
        boilerplate=["See the 2023 survey of consumer brands by the Example Institute.", "Company annual report, 2023, page 14."],
        headings=["Conclusion"], absent=["↩", "fnref"]),
    "wechat-export.zh.md": dict(
        fmt=Format.MARKDOWN, title="", published=None, author="", publisher="", url="",
        body=["过去三年，平价茶饮品牌的门店数量翻了一番，单店营收却下降了12%。",
              "不少加盟商表示，只有依靠买一送一等促销活动，门店的客流才能维持。", "平价茶饮的扩张仍是价格驱动，品牌溢价尚未形成。"],
        boilerplate=["文｜王小明编辑｜李华", "图片来源：公众号@品牌研究社", "2020年至2023年茶饮品牌门店数量变化",
                     "本文系品牌研究社原创，未经授权，不得转载。", "[1] 某证券研究所", "The following article is from"],
        headings=["加盟商的压力", "总结"], absent=["javascript", "mmbiz", "weixin", "[1]。"]),
    "disclaimer.en.txt": dict(
        fmt=Format.TEXT, title="Budget phone maker raises prices", published=None, author="", publisher="", url="",
        body=["Orion Mobile raised the price of its best-selling phone by 20% in March, the first increase in five years."],
        boilerplate=["Disclaimer: The views expressed", "本平台仅提供信息存储服务", "All rights reserved"],
        headings=[], absent=[]),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[dict, Document, ArticleAnalysis]:
    path = FIXTURES / request.param
    document = read_document(path.read_bytes(), name=path.name, suffix=path.suffix)
    return CASES[request.param], document, analyze(document, key=path.stem, lang=Lang.AUTO)


def test_format_and_metadata(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    want, document, _ = case
    meta = document.metadata
    assert document.format is want["fmt"]
    assert (meta.title, meta.author, meta.publisher, meta.url) == (want["title"], want["author"], want["publisher"], want["url"])
    published = meta.published
    if isinstance(published, datetime) and published.tzinfo is not None:  # compare in UTC
        published = published.astimezone(timezone.utc).replace(tzinfo=None)
    assert published == want["published"]


def test_every_body_sentence_is_in_the_text(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    want, document, _ = case
    body = document.body_text()
    for sentence in want["body"]:
        assert sentence in body
    for gone in want["absent"]:
        assert gone not in document.content


def test_boilerplate_is_marked(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    want, document, _ = case
    for text in want["boilerplate"]:
        assert text in document.content
        assert text not in document.body_text(), f"{text!r} is not marked as boilerplate"


def test_no_markup_or_metadata_in_statements_or_entities(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    want, _, analysis = case
    assert analysis.statements, "the body yields statements"
    for st in analysis.statements:
        assert not RESIDUE.search(st.text), st.text
        assert not any(b in st.text for b in want["boilerplate"]), st.text
        assert st.text not in want["headings"] and st.text != want["title"]
    for entity in analysis.entities:
        for label in (entity.label, *entity.labels.values(), *entity.aliases):
            assert not RESIDUE.search(label), label
            assert label not in ("GMT", "Wed", "Feb"), label


def test_offsets_are_exact(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    _, document, analysis = case
    assert analysis.content == document.content
    for span in (*document.blocks, *document.boilerplate):
        assert 0 <= span.start < span.end <= len(document.content)
    for st in analysis.statements:
        assert analysis.content[st.start:st.end] == st.text
    for fig in analysis.figures:
        assert analysis.content[fig.start:fig.end] == fig.text
    for entity in analysis.entities:
        for m in entity.mentions:
            assert analysis.content[m.start:m.end] == m.text


def test_headings_are_blocks_and_never_statements(case: tuple[dict, Document, ArticleAnalysis]) -> None:
    want, document, analysis = case
    headings = [document.text_of(b) for b in document.blocks if b.kind.is_heading]
    for heading in want["headings"]:
        assert heading in headings
    if want["title"]:
        assert document.text_of(document.blocks_of(BlockKind.TITLE)[0]) == want["title"]
    texts = {st.text for st in analysis.statements}
    assert not texts & set(headings)


def test_the_map_labels_articles_with_title_and_date(tmp_path: Path) -> None:
    from argmap.graph.store import open_store
    from argmap.ingestion import ingest_docs, read_source
    from argmap.viz.viewmodel import load_view_model

    st = open_store(tmp_path / "store")
    try:
        ingest_docs(st, [read_source(str(FIXTURES / "feed-post.zh.md"))])
        labels = [a.label for a in load_view_model(st).articles.values()]
    finally:
        st.close()
    assert labels == ["高端化之后，国产手机还缺什么？ · 2022-02-09"]
