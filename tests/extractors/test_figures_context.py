"""Figures in both languages: sign of changes, ranges, counts, measurements and whose figure it is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from argmap.extractors.pipeline import run_pipeline


def _figures(text: str, lang: str) -> list[tuple[str, str, str, str | None, int]]:
    return [(f.text, str(f.value), f.unit, None if f.upper is None else str(f.upper), f.sign)
            for f in run_pipeline(text, key="t", lang=lang).figures]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("小米营收同比下滑14.4%，利润增长5%。", "zh", [("14.4%", "14.4", "percent", None, -1), ("5%", "5", "percent", None, 1)]),
        ("营收降至3亿元。", "zh", [("3亿元", "300000000", "CNY", None, 0)]),
        ("门店数量达到400-500家。", "zh", [("400", "400", "count", "500", 0), ("500家", "500", "count", None, 0)]),
        ("价格在40 万级别。", "zh", [("40 万", "400000", "CNY", None, 0)]),
        ("他拿起一块玻璃。", "zh", []),
        ("公司拥有8000万用户。", "zh", [("8000万", "80000000", "count", None, 0)]),
        ("营收十二亿三千万元。", "zh", [("十二亿三千万元", "1230000000", "CNY", None, 0)]),
        ("一块国产手表卖到二十多万。", "zh", [("二十多万", "200000", "CNY", None, 0)]),
        ("两颗 800 万像素摄像头，探测距离 200 米。他一度很忙。", "zh",
         [("800 万像素", "8000000", "pixel", None, 0), ("200 米", "200", "m", None, 0)]),
        ("Operating profit fell 38% to 2.4bn euros, against 915m euro.", "en",
         [("38%", "38", "percent", None, -1), ("2.4bn euros", "2400000000", "EUR", None, 0),
          ("915m euro", "915000000", "EUR", None, 0)]),
        ("It will open 12,000 new retail stores over three years.", "en",
         [("12,000 new retail stores", "12000", "count", None, 0), ("three years", "3", "year", None, 0)]),
        ("Output should double, a double-digit rise.", "en", [("double", "2", "multiple", None, 0)]),
    ],
)
def test_figures_read_as_a_reader_reads_them(text: str, lang: str, expected: list[tuple]) -> None:
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "about"),
    [
        ("苹果的份额为74.26%，小米营收同比下滑14.4%。", "zh", [("brand/apple",), ("brand/xiaomi",)]),
        ("Apple's share was 40%, while Samsung sold 12 million phones.", "en",
         [("brand/apple",), ("brand/samsung",)]),
    ],
)
def test_a_figure_belongs_to_the_entity_its_clause_is_about(text: str, lang: str, about: list[tuple]) -> None:
    assert [f.about for f in run_pipeline(text, key="t", lang=lang).figures] == about


def test_signs_and_ranges_reach_the_graph() -> None:
    from argmap.graph.mapping import article_triples
    from argmap.ontology import AM

    analysis = run_pipeline("利润下滑14.4%，门店达到400-500家。", key="t", lang="zh")
    triples = article_triples(analysis)
    signed = [t.object.value for t in triples if t.predicate.value == str(AM.signedValue)]
    upper = [t.object.value for t in triples if t.predicate.value == str(AM.maxValue)]
    assert [Decimal(v) for v in signed] == [Decimal("-14.4")]
    assert [Decimal(v) for v in upper] == [Decimal("500")]
