"""Figures: normalised value, unit and kind, the event and period they belong to."""

from __future__ import annotations

from decimal import Decimal

import pytest

from argmap.extractors.numbers import parse_chinese_integer, parse_number
from argmap.extractors.pipeline import run_pipeline


def figures(text: str) -> list[tuple[str, Decimal, str, str]]:
    analysis = run_pipeline(text, key="t", lang="zh")
    return [(f.text, f.value, f.unit, f.quantity_kind) for f in analysis.figures]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("五十", 50), ("三千", 3000), ("六千", 6000), ("十二", 12), ("十", 10), ("两", 2), ("一百零五", 105),
     ("二〇二二", 2022), ("九千九百九十九", 9999)],
)
def test_chinese_integers(numeral: str, value: int) -> None:
    assert parse_chinese_integer(numeral) == value


@pytest.mark.parametrize(("text", "value"), [("1,234.5", "1234.5"), ("三点五", "3.5"), ("290", "290")])
def test_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全渠道总成交额定格在290亿元。", [("290亿元", "29000000000", "CNY", "money")]),
        ("去年小米录得销售额高达319亿。", [("319亿", "31900000000", "CNY", "money")]),
        ("用户规模已达3亿。", [("3亿", "300000000", "count", "count")]),
        ("苹果占据约62%的份额。", [("62%", "62", "percent", "percentage")]),
        ("销量增长了百分之三十五。", [("百分之三十五", "35", "percent", "percentage")]),
        ("跨阵营用户比例几乎翻倍增长。", [("翻倍", "2", "multiple", "multiple")]),
        ("销量翻了两番。", [("翻了两番", "4", "multiple", "multiple")]),
        ("一款定价跨越6000元门槛的机型登顶。", [("6000元", "6000", "CNY", "price")]),
        ("新机标出六千元以上的售价。", [("六千元", "6000", "CNY", "price")]),
        ("两款手机之间三千元的价格差。", [("三千元", "3000", "CNY", "price")]),
        ("一杯咖啡只要9块9。", [("9块9", "9.9", "CNY", "price")]),
        ("秦PLUS的起售价下探至7.98万元。", [("7.98万元", "79800", "CNY", "price")]),
        ("公司营收达到3.5万亿元。", [("3.5万亿元", "3500000000000", "CNY", "money")]),
        ("融资5000万美元。", [("5000万美元", "50000000", "USD", "money")]),
        ("一位年逾五十的企业家。", [("年逾五十", "50", "year", "age")]),
        ("他今年五十岁。", [("五十岁", "50", "year", "age")]),
        ("小米能否在未来三到五年内完成重构。", [("三到五年", "3", "year", "period")]),
        ("这是对未来十年的布局。", [("十年", "10", "year", "period")]),
        ("门店超过16000家。", [("16000家", "16000", "count", "count")]),
        ("市场份额提升了3个百分点。", [("3个百分点", "3", "percentage-point", "percentage")]),
    ],
)
def test_figure_normalisation(sentence: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert figures(sentence) == [(t, Decimal(v), u, k) for t, v, u, k in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "11月12日凌晨，小米发布了战报。",  # a date
        "回望2022年同期的表现。",  # a calendar year
        "雷军仅以简短六字回应。",  # 字 is not a unit
        "这是“九死一生”的冒险。",  # an idiom
        "一位企业家投身于两项事业，一条路已显乏力。",  # 一位 / 两项 / 一条 are not counts
        "销量峰值依赖双11、618等促销节点。",  # event names, not figures
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_money_context_carries_over_to_a_bare_magnitude() -> None:
    """319亿 with no currency nor money word right there is money when the article's last 亿-figure was."""
    text = "去年双十一期间，小米录得销售额高达319亿。\n回望同期，那个319亿的成绩单映照出当下29亿的落差。"
    units = [f.unit for f in run_pipeline(text, key="t", lang="zh").figures]
    assert units == ["CNY", "CNY", "CNY"]


def test_event_and_period_of_a_figure() -> None:
    text = "11月12日，小米发布了其双十一战报。全渠道总成交额定格在290亿元。\n回望2022年同期，319亿元的成绩单更高。"
    analysis = run_pipeline(text, key="t", lang="zh")
    first, second = analysis.figures
    assert first.event == "event/singles-day"  # named by the previous sentence of the same paragraph
    assert first.period is None and second.period == "2022"
