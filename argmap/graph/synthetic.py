"""Synthetic, deterministic articles for store benchmarks and tests.

They exercise the graph path (mapping, store, queries) without the extractors: each
article names a few brands from a shared pool (so entities are shared across articles),
makes claims, gives evidence with figures, and links them with supports / undermines.
Offsets are real: ``content[start:end] == text`` holds for every statement and figure.
"""

from __future__ import annotations

import random
from decimal import Decimal

from argmap.extractors.model import (
    ArticleAnalysis,
    Entity,
    EntityKind,
    EntityRelation,
    EntityRelationKind,
    Figure,
    Mention,
    Relation,
    RelationKind,
    Statement,
    StatementKind,
)

BRANDS = [("xiaomi", "小米", "Xiaomi"), ("huawei", "华为", "Huawei"), ("apple", "苹果", "Apple"),
          ("oppo", "欧珀", "OPPO"), ("vivo", "维沃", "vivo"), ("honor", "荣耀", "Honor"),
          ("lenovo", "联想", "Lenovo"), ("byd", "比亚迪", "BYD")]
STRATEGIES = [("premiumization", "高端化", "Premiumization"), ("ecosystem", "生态", "Ecosystem"),
              ("value-for-money", "性价比", "Value for money")]
CLAIMS = ["{b}的高端化仍停留在价格层面。", "{b}的品牌认同正在形成。", "{b}依赖促销来维持销量。", "{b}的生态锁定效应明显。"]
EVIDENCE = ["{b}在双十一的销售额达到{n}亿元。", "{b}旗舰机型的均价上涨了{n}%。", "{b}的用户规模约为{n}亿。"]


def synthetic_analysis(index: int, *, claims: int = 4, evidence: int = 6, seed: int = 7) -> ArticleAnalysis:
    """Article number ``index``: same index, same article (and so the same IRIs)."""
    rng = random.Random(seed * 1_000_003 + index)
    key = f"synthetic-{index:06d}"
    brands = rng.sample(BRANDS, 3)
    parts: list[str] = [f"第{index}篇评论。"]
    statements: list[Statement] = []
    figures: list[Figure] = []
    mentions: dict[str, list[Mention]] = {}

    def add(kind: StatementKind, template: str, brand: tuple[str, str, str], number: int | None) -> None:
        start = sum(len(p) for p in parts)
        sentence = template.format(b=brand[1], n=number if number is not None else "")
        parts.append(sentence)
        sid = f"s{len(statements)}"
        refs = [f"brand/{brand[0]}"]
        mentions.setdefault(brand[0], []).append(Mention(start, start + len(brand[1]), brand[1]))
        if number is not None:
            digits = str(number)
            fstart = start + sentence.index(digits)
            fid = f"q{len(figures)}"
            figures.append(Figure(fid, digits, fstart, fstart + len(digits), Decimal(number), "count",
                                  about=(f"brand/{brand[0]}",)))
            refs.append(fid)
        statements.append(Statement(sid, kind, sentence, start, start + len(sentence), len(statements),
                                    mentions=tuple(refs), central=(len(statements) == 0)))

    for i in range(claims):
        add(StatementKind.CLAIM, CLAIMS[(index + i) % len(CLAIMS)], brands[i % 3], None)
    for i in range(evidence):
        add(StatementKind.EVIDENCE, EVIDENCE[(index + i) % len(EVIDENCE)], brands[i % 3], rng.randint(2, 999))
    relations = [
        Relation(f"s{claims + i}", f"s{i % claims}", RelationKind.SUPPORTS if rng.random() < 0.7 else RelationKind.UNDERMINES)
        for i in range(evidence)
    ]
    relations += [Relation(f"s{i}", "s0", RelationKind.SUPPORTS) for i in range(1, claims)]
    entities = [Entity(b[0], EntityKind.BRAND, b[1], labels={"zh": b[1], "en": b[2]}, mentions=mentions.get(b[0], []))
                for b in brands]
    strategy = STRATEGIES[index % len(STRATEGIES)]
    entities.append(Entity(strategy[0], EntityKind.STRATEGY, strategy[1], labels={"zh": strategy[1], "en": strategy[2]}))
    entity_relations = [EntityRelation(f"brand/{brands[0][0]}", EntityRelationKind.PURSUES, f"strategy/{strategy[0]}")]
    return ArticleAnalysis(
        key=key, content="".join(parts), lang="zh", title=f"合成文章 {index}", source=f"synthetic:{index}",
        entities=entities, figures=figures, statements=statements, relations=relations, entity_relations=entity_relations,
    )
