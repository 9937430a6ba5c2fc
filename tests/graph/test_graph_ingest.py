"""Ingest without the extractors: file collection, reading and checks, added / unchanged / replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import InputError
from argmap.extractors.model import (
    ArticleAnalysis, Entity, EntityKind, EntityRelation, EntityRelationKind, Statement, StatementKind,
)
from argmap.graph.results import SelectResult
from argmap.graph.store import list_articles, open_store
from argmap.documents import decode
from argmap.ingestion import Outcome, SourceDoc, collect_paths, ingest_docs, read_source


def _one_claim(doc: SourceDoc) -> ArticleAnalysis:
    """A stand-in extractor: the first line of the article is its one claim."""
    first = doc.content.strip().splitlines()[0]
    start = doc.content.index(first)
    return ArticleAnalysis(doc.key, doc.content, "zh", title=doc.title, source=doc.source,
                           statements=[Statement("s0", StatementKind.CLAIM, first, start, start + len(first), 0)])


def test_collect_paths_walks_folders_for_article_files_only(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/one.txt", "a/deep/two.md", "a/deep/three.HTML", "a/skip.pdf", "a/notes.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = collect_paths([str(tmp_path / "a"), "-"])
    assert sorted(Path(p).name for p in found if p != "-") == ["one.txt", "three.HTML", "two.md"]
    assert found[-1] == "-"


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [("missing", "no such file"), ("empty_dir", "no .txt, .md or .html")],
)
def test_collect_paths_refuses_what_is_not_there(tmp_path: Path, setup: str, fragment: str) -> None:
    target = tmp_path / "x"
    if setup == "empty_dir":
        target.mkdir()
    with pytest.raises(InputError, match=fragment):
        collect_paths([str(target)])


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (b"abc\x00def", "binary"),
        ("小米高端化".encode("gb18030"), "not valid UTF-8"),
        (b"x" * 101, "larger than"),
    ],
)
def test_decode_refuses_bad_input_in_one_line(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "f.txt", max_bytes=100)
    assert fragment in str(err.value) and "\n" not in str(err.value)


def test_read_source_strips_markup_and_reads_stdin(tmp_path: Path) -> None:
    html = tmp_path / "Page One.html"
    html.write_text("<html><head><title>t</title><script>var x=1;</script></head><body><p>小米<b>高端化</b>。</p></body></html>",
                    encoding="utf-8")
    doc = read_source(str(html))
    assert "小米高端化。" in doc.content and "<" not in doc.content and "var x" not in doc.content
    assert doc.key == "page-one"
    md = tmp_path / "n.md"
    md.write_text("# 标题\n\n**小米**在涨价。\n", encoding="utf-8")
    assert "**" not in read_source(str(md)).content
    a = read_source("-", stdin="小米在涨价。".encode())
    b = read_source("-", stdin="小米在涨价。".encode())
    assert a.key == b.key and a.key.startswith("stdin-")


def test_added_then_unchanged_then_replaced(tmp_path: Path) -> None:
    st = open_store(tmp_path / "store")
    try:
        doc = SourceDoc("a1", "小米的高端化停留在价格层面。\n第二句。", "A1", "a1.txt")
        assert [r.outcome for r in ingest_docs(st, [doc], analyzer=_one_claim)] == [Outcome.ADDED]
        assert [r.outcome for r in ingest_docs(st, [doc], analyzer=_one_claim)] == [Outcome.UNCHANGED]
        changed = SourceDoc("a1", "小米的品牌认同正在形成。", "A1", "a1.txt")
        assert [r.outcome for r in ingest_docs(st, [changed], analyzer=_one_claim)] == [Outcome.REPLACED]
        res = st.query("SELECT ?t WHERE { ?c a am:Claim ; am:text ?t }")
        assert isinstance(res, SelectResult) and [r[0].value for r in res.rows] == ["小米的品牌认同正在形成。"]
        assert [a.key for a in list_articles(st)] == ["a1"]
    finally:
        st.close()


def test_two_files_with_the_same_key_are_refused_before_writing(tmp_path: Path) -> None:
    st = open_store(tmp_path / "store")
    try:
        docs = [SourceDoc("x", "一。", "x", "a/x.txt"), SourceDoc("x", "二。", "x", "b/x.md")]
        with pytest.raises(InputError, match="rename one"):
            ingest_docs(st, docs, analyzer=_one_claim)
        assert list_articles(st) == []
    finally:
        st.close()


def test_statement_offsets_index_into_the_stored_content(tmp_path: Path) -> None:
    st = open_store(tmp_path / "store")
    try:
        ingest_docs(st, [SourceDoc("k", "前言。\n小米在涨价。", "k", "k.txt")], analyzer=_one_claim)
        res = st.query("SELECT ?content ?t ?s ?e WHERE { ?a am:content ?content . ?c am:inArticle ?a ; am:text ?t ; "
                       "am:startChar ?s ; am:endChar ?e }")
        assert isinstance(res, SelectResult)
        content, text, start, end = res.rows[0]
        assert content.value[int(start.value):int(end.value)] == text.value
    finally:
        st.close()


def test_document_metadata_lands_in_the_article_graph(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "documents" / "fixtures" / "news-page.en.html"
    st = open_store(tmp_path / "store")
    try:
        (result,) = ingest_docs(st, [read_source(str(fixture))])
        res = st.query(f"""PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?title ?date ?creator ?publisher ?url ?source WHERE {{ GRAPH <{result.iri}> {{
              <{result.iri}> dcterms:title ?title ; dcterms:date ?date ; dcterms:creator ?creator ;
                 dcterms:publisher ?publisher ; schema:url ?url ; dcterms:source ?source }} }}""")
        ((title, published, creator, publisher, url, source),) = res.rows
        assert title.value == "Carmaker bets on luxury as budget sales slide" and title.language == "en"
        assert published.value == "2023-04-12" and published.datatype.value.endswith("#date")
        assert (creator.value, publisher.value) == ("Jane Holloway", "Daily Ledger")
        assert url.value == "https://www.dailyledger.example/business/carmaker-luxury"
        assert source.value.endswith("news-page.en.html")
        (info,) = list_articles(st)
        assert (info.title, info.date) == ("Carmaker bets on luxury as budget sales slide", "2023-04-12")
    finally:
        st.close()


def _pursues(doc: SourceDoc) -> ArticleAnalysis:
    """The first line as a claim that says the brand pursues its strategy; the relation is said there."""
    analysis = _one_claim(doc)
    analysis.entities = [Entity("kelmar", EntityKind.BRAND, "凯达"), Entity("kelmar-premiumization", EntityKind.STRATEGY, "凯达高端化")]
    analysis.entity_relations = [EntityRelation("brand/kelmar", EntityRelationKind.PURSUES, "strategy/kelmar-premiumization", "s0")]
    return analysis


def test_where_an_article_says_an_entity_relation_is_stored_with_it(tmp_path: Path) -> None:
    st = open_store(tmp_path / "store")
    try:
        ingest_docs(st, [SourceDoc("k", "凯达正在走高端路线。\n门店变多了。", "k", "k.txt")], analyzer=_pursues)
        res = st.query("SELECT ?brand ?text WHERE { ?brand am:pursues ?strategy . ?r a am:EntityRelationReading ; "
                       "am:relationSubject ?brand ; am:relationProperty am:pursues ; am:relationObject ?strategy ; "
                       "am:statedIn ?s ; am:inArticle ?a . ?s am:text ?text ; am:inArticle ?a }")
        assert isinstance(res, SelectResult)
        assert [(b.value.rsplit("/", 1)[-1], t.value) for b, t in res.rows] == [("kelmar", "凯达正在走高端路线。")]
    finally:
        st.close()
