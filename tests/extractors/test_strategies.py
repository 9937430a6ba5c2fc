"""The one strategies component of both languages (argmap/extractors/components/strategies.py): made-up
sentences → the strategies, constraints and relations between entities expected of them."""

from __future__ import annotations

import pytest

from argmap.extractors.model import ArticleAnalysis
from argmap.extractors.pipeline import run_pipeline

PURSUES, CONSTRAINED_BY, COMPETES_WITH = "pursues", "constrainedBy", "competesWith"


def relations(analysis: ArticleAnalysis) -> set[tuple[str, str, str]]:
    """The relations as triples; a competition either way round as one."""
    out = set()
    for r in analysis.entity_relations:
        a, b = r.subject, r.object
        if r.kind.value == COMPETES_WITH:
            a, b = min(a, b), max(a, b)
        out.add((a, r.kind.value, b))
    return out


CASES = [
    pytest.param(
        "zh", "蔚来坚持不降价，试图守住高端品牌的位置。比亚迪被称为“价格屠夫”。"
        "然而，蔚来的品牌溢价能力不足，特斯拉、比亚迪等巨头的持续压制让它更难。",
        {("brand/nio", PURSUES, "strategy/nio-premiumization"),
         ("brand/byd", PURSUES, "strategy/byd-value-for-money"),
         ("strategy/nio-premiumization", CONSTRAINED_BY, "constraint/nio-brand-perception"),
         ("brand/nio", COMPETES_WITH, "brand/tesla"), ("brand/byd", COMPETES_WITH, "brand/nio")},
        {"strategy/xiaomi-premiumization", "constraint/tesla-competition", "strategy/tesla-premiumization"},
        id="zh-each-sentence-its-brand"),
    pytest.param(
        "en", "Nike is moving upmarket with pricier running shoes. Adidas keeps its shoes affordable. "
        "Nike also faces a price war. Adidas competes with Nike and Puma for the same runners.",
        {("brand/nike", PURSUES, "strategy/nike-premiumization"),
         ("brand/adidas", PURSUES, "strategy/adidas-value-for-money"),
         ("strategy/nike-premiumization", CONSTRAINED_BY, "constraint/nike-competition"),
         ("brand/adidas", COMPETES_WITH, "brand/nike"), ("brand/adidas", COMPETES_WITH, "brand/puma")},
        {"strategy/adidas-premiumization", "strategy/nike-value-for-money"},
        id="en-each-sentence-its-brand"),
    # the brand a sentence names most owns its cues, whatever stands nearest to them
    pytest.param("zh", "小米手机在苹果的阴影下走高端路线，小米汽车也要跟上小米的节奏。",
                 {("brand/xiaomi", PURSUES, "strategy/xiaomi-premiumization")}, {"strategy/apple-premiumization"},
                 id="zh-the-most-named-brand"),
    pytest.param("en", "Xiaomi wants Xiaomi phones to stand next to Apple as a premium brand.",
                 {("brand/xiaomi", PURSUES, "strategy/xiaomi-premiumization")}, {"strategy/apple-premiumization"},
                 id="en-the-most-named-brand"),
    # a brand the sentence means to overtake is its rival, not the owner of the strategy, however often named
    pytest.param("en", "Xiaomi sells phones. Xiaomi opens stores. Xiaomi builds cars. Xiaomi targets Apple, aiming to "
                 "overtake Apple and the iPhone maker Apple to become the biggest premium brand.",
                 {("brand/xiaomi", PURSUES, "strategy/xiaomi-premiumization"),
                  ("brand/apple", COMPETES_WITH, "brand/xiaomi")}, {"strategy/apple-premiumization"},
                 id="en-overtaking-is-rivalry"),
    pytest.param("zh", "小米发布新机。小米开了新店。小米希望超越苹果，成为苹果那样的高端品牌。",
                 {("brand/xiaomi", PURSUES, "strategy/xiaomi-premiumization"),
                  ("brand/apple", COMPETES_WITH, "brand/xiaomi")}, {"strategy/apple-premiumization"},
                 id="zh-overtaking-is-rivalry"),
    # a sentence that names no brand speaks of the one the article is about
    pytest.param("zh", "星巴克在中国开了更多门店。星巴克的咖啡卖得更贵了。这是一条高端路线。",
                 {("brand/starbucks", PURSUES, "strategy/starbucks-premiumization")}, set(), id="zh-no-brand-named"),
    pytest.param("en", "Starbucks opened more stores in China. Starbucks raised its prices again. "
                 "The chain is clearly moving upmarket.",
                 {("brand/starbucks", PURSUES, "strategy/starbucks-premiumization")}, set(), id="en-no-brand-named"),
    # how a cue is found is the language's: Chinese anywhere in the text, English as whole words in any case
    pytest.param("zh", "小米冲击高端，小米手机定价更高。", {("brand/xiaomi", PURSUES, "strategy/xiaomi-premiumization")},
                 set(), id="zh-cue-inside-words"),
    pytest.param("en", "Starbucks goes UPMARKET in Shanghai.",
                 {("brand/starbucks", PURSUES, "strategy/starbucks-premiumization")}, set(), id="en-cue-in-any-case"),
    pytest.param("en", "Starbucks raised the insurance premiums it pays for its baristas.", set(),
                 {"strategy/starbucks-premiumization"}, id="en-cue-as-whole-words-only"),
]


@pytest.mark.parametrize(("lang", "text", "expected", "absent"), CASES)
def test_strategies_constraints_and_rivals(lang: str, text: str, expected: set[tuple[str, str, str]],
                                           absent: set[str]) -> None:
    analysis = run_pipeline(text, key="t", lang=lang)
    assert expected <= relations(analysis)
    assert not absent & {e.ref for e in analysis.entities}


@pytest.mark.parametrize(("lang", "text", "ref", "labels"), [
    ("zh", "小米正全力冲击高端品牌，摆脱性价比标签。", "strategy/xiaomi-premiumization",
     {"zh": "小米高端化", "en": "Xiaomi premiumization"}),
    ("en", "Nike is moving upmarket.", "strategy/nike-premiumization",
     {"zh": "耐克高端化", "en": "Nike premiumization"}),
])
def test_a_strategy_is_labelled_in_both_languages_after_its_brand(lang: str, text: str, ref: str,
                                                                  labels: dict[str, str]) -> None:
    strategy = run_pipeline(text, key="t", lang=lang).entity(ref)
    assert strategy is not None and strategy.types == ("Premiumization",) and strategy.labels == labels


@pytest.mark.parametrize(
    ("text", "strategy"),
    [
        # a word with a business sense and an everyday one gives a strategy in the business sense only
        ("Nike sells premium phones at full price.", "strategy/nike-premiumization"),
        ("Nike's premium push is working.", "strategy/nike-premiumization"),
        ("The merger will put a premium on Nike's network.", None),
        ("Nike raised the premium of its insurance policies.", None),
        ("Nike sells its shoes through independent retailers.", "strategy/nike-channel-promotion"),
        ("Nike's results were bad news for retailers.", None),
        ("Nike cut promotions to protect its margins.", "strategy/nike-channel-promotion"),
        ("Nike announced promotions for several younger executives.", None),
        ("Nike cut its wholesale prices.", None),
        ("Nike plans a wholesale review of its business.", None),
        ("Nike launched a membership programme for its customers.", "strategy/nike-ecosystem"),
        ("Nike's home country applied for EU membership.", None),
        ("Nike is extending cheap loans to farmers.", None),
        ("Nike sells cheap phones in India.", "strategy/nike-value-for-money"),
        ("Nike protects the proprietary information of its customers.", None),
        ("Nike builds its cars on proprietary software.", "strategy/nike-own-technology"),
    ],
)
def test_an_english_cue_gives_a_strategy_in_its_business_sense_only(text: str, strategy: str | None) -> None:
    entities = run_pipeline(text, key="t", lang="en").entities
    found = {e.ref for e in entities if e.ref.startswith("strategy/")}
    assert found == ({strategy} if strategy else set()), found


@pytest.mark.parametrize(
    ("text", "strategy"),
    [
        ("奈雪今年主推9.9元的鲜果茶。", "strategy/nayuki-channel-promotion"),
        ("京东上这款纸巾卖19.9元一包。", None),  # 9.9元 is a price point, not the end of another price
    ],
)
def test_a_chinese_price_cue_is_not_part_of_another_price(text: str, strategy: str | None) -> None:
    found = {e.ref for e in run_pipeline(text, key="t", lang="zh").entities if e.ref.startswith("strategy/")}
    assert found == ({strategy} if strategy else set()), found
