"""The one units component (components/units.py) on both languages: what it reads into each argument unit."""

from __future__ import annotations

import pytest

from argmap.extractors.components.argument.model import ArgUnit, argument_state
from argmap.extractors.pipeline import PipelineCache, pipeline_doc

_CACHE = PipelineCache()


def _units(text: str, lang: str) -> list[ArgUnit]:
    return argument_state(pipeline_doc(_CACHE.get(lang), text)).units


def _unit(text: str, lang: str, needle: str) -> ArgUnit:
    return next(u for u in _units(text, lang) if needle in u.text)


@pytest.mark.parametrize(
    ("lang", "text", "needle", "flag", "expected"),
    [
        # a conditional: English opens with its "if" (or joins if … then); Chinese pairs 如果 … 就
        ("en", "If Acme cuts prices again, buyers will wait for the next sale.", "buyers", "conditional", True),
        ("en", "Buyers wait for the next sale, if the past is a guide.", "Buyers", "conditional", False),
        ("zh", "如果甲牌继续降价，消费者就会等下一次促销。", "消费者", "conditional", True),
        ("zh", "消费者会等下一次促销。", "消费者", "conditional", False),
        # a hedge anywhere in the unit
        ("en", "Acme may lose its premium image this year.", "Acme", "hedged", True),
        ("zh", "甲牌或许会失去高端形象。", "甲牌", "hedged", True),
        ("en", "Acme's sales rose 5% in May.", "Acme", "hedged", False),  # the month, not the modal
        ("en", "The May figures showed a fall.", "figures", "hedged", False),
        # a rhetorical question: English where it opens, Chinese anywhere in it
        ("en", "Isn't a discount every week the end of a premium brand?", "discount", "rhetorical", True),
        ("en", "Why isn't Acme cutting prices this year?", "Acme", "rhetorical", False),
        # … the formal "why did not …" accuses rather than asks; "what is the good of …" answers itself
        ("en", "So why did not the spokesman mention the outbreak before Friday?", "spokesman", "rhetorical", True),
        ("en", "Why was the minister not in Parliament on Tuesday?", "minister", "rhetorical", True),
        ("en", "But what is the good of a fine campus if few can afford it?", "campus", "rhetorical", True),
        ("en", "Would it be too much to ask for a recycling box too?", "recycling", "rhetorical", True),
        ("en", "How did this happen?", "happen", "rhetorical", False),
        ("zh", "每周都打折，难道还算高端品牌吗？", "难道", "rhetorical", True),
        ("zh", "甲牌今年为什么不降价？", "甲牌", "rhetorical", False),
        ("zh", "论坛上的用户又能代表多少顾客的声音？", "论坛", "rhetorical", True),  # 又…多少: few
        ("zh", "凯达今年会开多少家门店？", "凯达", "rhetorical", False),  # 多少 alone asks
        ("zh", "大家什么时候见过有人用便宜来形容凯达的？", "凯达", "rhetorical", True),  # never
        ("zh", "这不正是瑞禾想要的结果吗？", "瑞禾", "rhetorical", True),
        ("zh", "连续航都不能让消费者满意，还扯什么智能驾驶？", "续航", "rhetorical", True),
        ("zh", "既然销量已经回升，又何必降价？", "销量", "rhetorical", True),
    ],
)
def test_unit_flags(lang: str, text: str, needle: str, flag: str, expected: bool) -> None:
    assert getattr(_unit(text, lang, needle), flag) is expected


@pytest.mark.parametrize(
    ("lang", "text", "needle", "kinds"),
    [
        ("zh", "小米的用户大多是平替买家，因为价格比苹果便宜。", "平替", ("SubstitutePurchase",)),
        ("zh", "小米不是平替，用户愿意原价购买。", "不是平替", ()),  # negated just before the cue
        ("zh", "当消费者寻找平替时，小米销量上升。", "当消费者", ()),  # a 当…时 clause is background
    ],
)
def test_evidence_kinds_skip_negated_and_background_cues(lang: str, text: str, needle: str, kinds: tuple[str, ...]) -> None:
    found = _unit(text, lang, needle).evidence_kinds
    assert "SubstitutePurchase" not in found if not kinds else set(kinds) <= set(found)


@pytest.mark.parametrize(
    ("lang", "text", "needle"),
    [
        ("en", "Nike keeps cutting prices. Nike sold more shoes at outlets. Nike lost buyers to rivals. "
               "However, Adidas sells its Samba at full price and buyers queue for it.", "Adidas"),
        ("zh", "小米一直在降价。小米的新机靠促销卖货。小米的用户在流失。然而，苹果的用户愿意原价购买新机。", "苹果"),
    ],
)
def test_a_rivals_value_is_pressure_on_the_main_brand(lang: str, text: str, needle: str) -> None:
    """Value-driven evidence naming only another brand than the article's main one is competitive pressure."""
    kinds = _unit(text, lang, needle).evidence_kinds
    assert "CompetitivePressure" in kinds and "FullPricePurchase" not in kinds
