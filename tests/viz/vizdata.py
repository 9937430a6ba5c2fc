"""Small hand-built stores for the map and web-app tests (no extractor needed)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from argmap.extractors.model import (
    ArticleAnalysis,
    Entity,
    EntityKind,
    EntityRelation,
    EntityRelationKind,
    Figure,
    Relation,
    RelationKind,
    Statement,
    StatementKind,
)
from argmap.graph.iri import REASONER_GRAPH, article_iri, statement_iri
from argmap.graph.mapping import article_triples
from argmap.graph.store import Store, open_store
from argmap.ingestion import IngestResult, Outcome, SourceDoc
from argmap.ontology import AM

XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

PARAGRAPH_1 = "11月12日凌晨,小米发布了双十一战报。全渠道总成交额定格在290亿元。"
CLAIM_1 = "小米正全力摆脱“性价比”的固有标签,奋力向高端品牌阵营发起冲击。"
EVIDENCE_1 = "一款定价跨越6000元门槛的小米旗舰机型登顶销量榜首。"
EVIDENCE_2 = "小米的高端销量高度依赖双十一的大幅促销。"
CLAIM_2 = "小米的高端化仍停留在价格层面。"


def _pos(content: str, text: str) -> tuple[int, int]:
    start = content.index(text)
    return start, start + len(text)


def xiaomi_analysis() -> ArticleAnalysis:
    content = f"前言\n{PARAGRAPH_1}\n{CLAIM_1}{EVIDENCE_1}\n{EVIDENCE_2}{CLAIM_2}\n"
    statements = []
    for sid, kind, text in (("c1", StatementKind.CLAIM, CLAIM_1), ("e1", StatementKind.EVIDENCE, EVIDENCE_1),
                            ("e2", StatementKind.EVIDENCE, EVIDENCE_2), ("c2", StatementKind.CLAIM, CLAIM_2)):
        start, end = _pos(content, text)
        statements.append(Statement(sid, kind, text, start, end, 0, mentions=("brand/xiaomi", "q1") if sid == "e1" else ("brand/xiaomi",)))
    q_start, q_end = _pos(content, "6000元")
    return ArticleAnalysis(
        key="xiaomi-test", content=content, lang="zh", title="小米高端化",
        entities=[Entity("xiaomi", EntityKind.BRAND, "小米", labels={"zh": "小米", "en": "Xiaomi"}),
                  Entity("apple", EntityKind.BRAND, "苹果", labels={"zh": "苹果", "en": "Apple"}),
                  Entity("premiumization", EntityKind.STRATEGY, "高端化", labels={"zh": "高端化", "en": "premiumization"},
                         types=("Premiumization",))],
        figures=[Figure("q1", "6000元", q_start, q_end, Decimal(6000), "CNY", about=("brand/xiaomi",))],
        statements=statements,
        relations=[Relation("e1", "c1", RelationKind.SUPPORTS), Relation("e2", "c1", RelationKind.UNDERMINES),
                   Relation("e2", "c2", RelationKind.SUPPORTS)],
        entity_relations=[EntityRelation("brand/xiaomi", EntityRelationKind.PURSUES, "strategy/premiumization", "c2"),
                          EntityRelation("brand/xiaomi", EntityRelationKind.COMPETES_WITH, "brand/apple")],
    )


def hostile_analysis() -> ArticleAnalysis:
    """An English article whose statements carry markup that must never run."""
    claim = f"Apple {XSS} is the premium benchmark."
    evidence = "Buyers pay full price for </script><!-- an iPhone \u2028 every year."
    content = f"Intro line.\n{claim} {evidence}\n"
    c_start, c_end = _pos(content, claim)
    e_start, e_end = _pos(content, evidence)
    return ArticleAnalysis(
        key="hostile", content=content, lang="en", title=f"Hostile {XSS}",
        entities=[Entity("apple", EntityKind.BRAND, "Apple", labels={"en": "Apple", "zh": "苹果"})],
        statements=[Statement("c1", StatementKind.CLAIM, claim, c_start, c_end, 0, mentions=("brand/apple",)),
                    Statement("e1", StatementKind.EVIDENCE, evidence, e_start, e_end, 0, mentions=("brand/apple",))],
        relations=[Relation("e1", "c1", RelationKind.SUPPORTS)],
    )


def add_analysis(store: Store, analysis: ArticleAnalysis) -> None:
    store.replace_graph(str(article_iri(analysis.key)), article_triples(analysis))


def statement_id(analysis: ArticleAnalysis, sid: str) -> str:
    st = analysis.statement(sid)
    assert st is not None
    return str(statement_iri(analysis.key, st.start, st.end))


def add_verdicts(store: Store, analysis: ArticleAnalysis, verdicts: dict[str, tuple[str, float]]) -> None:
    """What the reasoner would write: status and strength per claim id."""
    triples = " ".join(f"<{statement_id(analysis, sid)}> <{AM.status}> <{AM[status]}> ; <{AM.strength}> {strength} ."
                       for sid, (status, strength) in verdicts.items())
    store.update(f"INSERT DATA {{ GRAPH <{REASONER_GRAPH}> {{ {triples} }} }}")


def demo_store(path: Path, *, hostile: bool = True, verdicts: bool = True) -> Store:
    store = open_store(path)
    xiaomi = xiaomi_analysis()
    add_analysis(store, xiaomi)
    if verdicts:
        add_verdicts(store, xiaomi, {"c1": ("Accepted", 0.8), "c2": ("Undecided", 0.4)})
    if hostile:
        add_analysis(store, hostile_analysis())
    return store


def stub_ingester(store: Store, doc: SourceDoc) -> IngestResult:
    """Stands in for the extractor: the first line of the article becomes one claim."""
    first = doc.content.strip().splitlines()[0]
    start = doc.content.index(first)
    add_analysis(store, ArticleAnalysis(key=doc.key, content=doc.content, lang="zh", title=doc.title,
                                        statements=[Statement("c1", StatementKind.CLAIM, first, start, start + len(first), 0)]))
    return IngestResult(doc.key, doc.key, Outcome.ADDED, len(doc.content), statements=1)


# Two articles on opposite sides of Xiaomi's premiumization: the reasoner links their claims am:contradicts.
DISAGREEING = {"a": "Xiaomi's premium push is working. Its flagship sold out at full price.",
               "b": "Xiaomi's premiumization is struggling. Most of its phones sell only at a discount."}


def disagreeing_store(folder: Path) -> Store:
    """A store of the two DISAGREEING articles, extracted and reasoned for real (``folder`` holds both)."""
    import argmap

    store = open_store(folder / "store")
    try:
        for name, text in DISAGREEING.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            argmap.ingest(store, folder / f"{name}.txt")
        argmap.reason(store)
    except BaseException:
        store.close()
        raise
    return store
