"""Sentences and clauses on Chinese and English punctuation and quotes."""

from __future__ import annotations

import pytest

from argmap.extractors.pipeline import run_pipeline
from argmap.extractors.lang.zh.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("小米发布战报。雷军表示感谢！市场如何反应？", ["小米发布战报。", "雷军表示感谢！", "市场如何反应？"]),
        ("这是真的吗?当然。", ["这是真的吗?", "当然。"]),
        ("质疑:“小米凭什么卖这么贵?”", ["质疑:“小米凭什么卖这么贵?”"]),
        ("他说：“这很好！”然后离开了。我们继续。", ["他说：“这很好！”然后离开了。", "我们继续。"]),
        ("「真的吗？」她问。", ["「真的吗？」她问。"]),
        ("等等……然后呢？", ["等等……", "然后呢？"]),
        ("售价3.5万元。销量增长。", ["售价3.5万元。", "销量增长。"]),
        ("Apple is big. Xiaomi is not.", ["Apple is big.", "Xiaomi is not."]),
        ("没有句号的结尾", ["没有句号的结尾"]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def units(text: str) -> list[str]:
    analysis = run_pipeline(text, key="t", lang="zh")
    return [s.text for s in analysis.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ；separates clauses that each assert something
        ("旧路依靠极致成本控制赢得市场，如今已显乏力；新轨以技术积累为核心卖点，势头迅猛。",
         ["旧路依靠极致成本控制赢得市场，如今已显乏力；", "新轨以技术积累为核心卖点，势头迅猛。"]),
        # a contrast after a comma opens a clause of its own; the conceded part is a statement of its own
        ("账面数字看似走低，但小米旗舰机型登顶销量与销售额榜首。", ["账面数字看似走低，", "但小米旗舰机型登顶销量与销售额榜首。"]),
        # a comma without a contrast does not split
        ("小米正全力摆脱性价比标签，奋力向高端品牌阵营发起冲击。", ["小米正全力摆脱性价比标签，奋力向高端品牌阵营发起冲击。"]),
        # so short a turn is no statement of its own: the sentence stays whole
        ("新品的定价看上去很合理，但实情并非如此。", ["新品的定价看上去很合理，但实情并非如此。"]),
        # a turn that asserts, then asks: the assertion is a statement, the question none
        ("起步虽晚，但好在这家咖啡品牌的供应链扎实，新开的门店能否在三年内盈利？", ["但好在这家咖啡品牌的供应链扎实，"]),
        # … but a turn whose question is rhetorical asserts through it: one statement
        ("然而，从另一个角度看，瑞禾的“不降价”又何尝不是一种营销智慧呢？",
         ["然而，从另一个角度看，瑞禾的“不降价”又何尝不是一种营销智慧呢？"]),
        # … but a turn that only asks stays one question
        ("但你有没有想过，为什么顾客愿意排队买它？", []),
        # a conclusion drawn after a comma is a statement of its own: the facts before it ground it
        ("凯达推出了高端子品牌，瑞禾也有了新的旗舰车型，所以淳馨推出高端系列并不意外。",
         ["凯达推出了高端子品牌，瑞禾也有了新的旗舰车型，", "所以淳馨推出高端系列并不意外。"]),
        ("凯达的门店一年就增加了一千多家，在这种情况下，自建工厂变得越来越划算。",
         ["凯达的门店一年就增加了一千多家，", "在这种情况下，自建工厂变得越来越划算。"]),
        # … not when what comes before it is too short to say anything
        ("成本下降，因此淳馨的利润率提高了不少。", ["成本下降，因此淳馨的利润率提高了不少。"]),
        # a reason given after its claim is a statement of its own, as "…, because …" is in English
        ("凯达的新旗舰定价偏高并不奇怪，毕竟它的零部件成本比上一代高出不少。",
         ["凯达的新旗舰定价偏高并不奇怪，", "毕竟它的零部件成本比上一代高出不少。"]),
        ("淳馨的高端系列卖得并不好，因为消费者仍把它当作平价品牌。",
         ["淳馨的高端系列卖得并不好，", "因为消费者仍把它当作平价品牌。"]),
        # … but a reason put before its claim (…，由于A，B) stays with the claim it grounds
        ("新品销量仍在下滑，由于门店覆盖太少，岚蛙的新系列很难被顾客看到。",
         ["新品销量仍在下滑，由于门店覆盖太少，岚蛙的新系列很难被顾客看到。"]),
    ],
)
def test_clauses(text: str, expected: list[str]) -> None:
    assert units(text) == expected


def test_headings_start_sections_and_are_not_statements() -> None:
    text = "前言\n小米正全力摆脱性价比的固有标签，奋力冲击高端品牌。\n与自己赛跑\n时间是小米的盟友，也是它的劲敌。\n"
    analysis = run_pipeline(text, key="t", lang="zh")
    assert [s.text for s in analysis.statements] == [
        "小米正全力摆脱性价比的固有标签，奋力冲击高端品牌。", "时间是小米的盟友，也是它的劲敌。"]
    # Headings are kept as units of their own (they name entities) but never become statements.
    assert [text[s.start:s.end] for s in analysis.sentences] == [
        "前言", analysis.statements[0].text, "与自己赛跑", analysis.statements[1].text]
