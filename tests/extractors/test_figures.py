"""Figures in both languages, through the one figures component: text -> value, unit and kind (expected values
worked out by hand), the sign of changes, ranges, whose figure it is, its event and period."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from argmap.errors import LexiconError
from argmap.extractors.components.figures import FigureCues, Reading, figure_cues, figure_settings, first_of_overlaps
from argmap.extractors.lang.en.numbers import Reader
from argmap.extractors.lang.zh.numbers import parse_chinese_integer, parse_number
from argmap.extractors.lexicon import lexicon_for
from argmap.extractors.pipeline import LANG_DIR, build_pipeline, run_pipeline
from argmap.extractors.state import DocState

Expected = list[tuple[str, str, str, str]]  # text, value, unit, kind


def figures(text: str, lang: str) -> list[tuple[str, Decimal, str, str]]:
    analysis = run_pipeline(text, key="t", lang=lang)
    assert all(text[f.start:f.end] == f.text for f in analysis.figures)
    return [(f.text, f.value, f.unit, f.quantity_kind) for f in analysis.figures]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("zh", "全渠道总成交额定格在290亿元。", [("290亿元", "29000000000", "CNY", "money")]),
        ("zh", "去年小米录得销售额高达319亿。", [("319亿", "31900000000", "CNY", "money")]),
        ("zh", "用户规模已达3亿。", [("3亿", "300000000", "count", "count")]),
        # a decimal point set full-width, as some sites do
        ("zh", "瑞禾去年的营收为4．6亿元。", [("4．6亿元", "460000000", "CNY", "money")]),
        ("zh", "淳馨的毛利率提升至17．5%。", [("17．5%", "17.5", "percent", "percentage")]),
        ("zh", "苹果占据约62%的份额。", [("62%", "62", "percent", "percentage")]),
        ("zh", "销量增长了百分之三十五。", [("百分之三十五", "35", "percent", "percentage")]),
        ("zh", "跨阵营用户比例几乎翻倍增长。", [("翻倍", "2", "multiple", "multiple")]),
        ("zh", "销量翻了两番。", [("翻了两番", "4", "multiple", "multiple")]),
        ("zh", "一款定价跨越6000元门槛的机型登顶。", [("6000元", "6000", "CNY", "price")]),
        ("zh", "新机标出六千元以上的售价。", [("六千元", "6000", "CNY", "price")]),
        ("zh", "两款手机之间三千元的价格差。", [("三千元", "3000", "CNY", "price")]),
        ("zh", "一杯咖啡只要9块9。", [("9块9", "9.9", "CNY", "price")]),
        ("zh", "秦PLUS的起售价下探至7.98万元。", [("7.98万元", "79800", "CNY", "price")]),
        ("zh", "公司营收达到3.5万亿元。", [("3.5万亿元", "3500000000000", "CNY", "money")]),
        ("zh", "融资5000万美元。", [("5000万美元", "50000000", "USD", "money")]),
        ("zh", "一位年逾五十的企业家。", [("年逾五十", "50", "year", "age")]),
        ("zh", "他今年五十岁。", [("五十岁", "50", "year", "age")]),
        ("zh", "小米能否在未来三到五年内完成重构。", [("三到五年", "3", "year", "period")]),
        ("zh", "这是对未来十年的布局。", [("十年", "10", "year", "period")]),
        ("zh", "门店超过16000家。", [("16000家", "16000", "count", "count")]),
        ("zh", "市场份额提升了3个百分点。", [("3个百分点", "3", "percentage-point", "percentage")]),
        ("en", "Nike reported revenue of $2.5 billion last quarter.", [("$2.5 billion", "2500000000", "USD", "money")]),
        ("en", "About 62% of buyers waited for a discount.", [("62%", "62", "percent", "percentage")]),
        ("en", "Sales rose 7 percent in Europe.", [("7 percent", "7", "percent", "percentage")]),
        ("en", "On Running doubled its sales in three years.",
         [("doubled", "2", "multiple", "multiple"), ("three years", "3", "year", "period")]),
        ("en", "Xiaomi priced the phone at ¥6,000 in China.", [("¥6,000", "6000", "CNY", "price")]),
        # what business news counts: jobs, shares, homes
        ("en", "Past the 8,500 job cuts made last year, Kelmar sold 5 million shares.",
         [("8,500 job", "8500", "count", "count"), ("5 million shares", "5000000", "count", "count")]),
        ("en", "The flagship costs 5,999 yuan at launch.", [("5,999 yuan", "5999", "CNY", "price")]),
        ("en", "Adidas expects €1.2bn in operating profit.", [("€1.2bn", "1200000000", "EUR", "money")]),
        ("en", "Apple sold 12 million units of the phone.", [("12 million units", "12000000", "count", "count")]),
        ("en", "The margin fell 3.5 percentage points.",
         [("3.5 percentage points", "3.5", "percentage-point", "percentage")]),
        ("en", "Its typical buyer is a 35-year-old runner.", [("35-year-old", "35", "year", "age")]),
        ("en", "Orders grew threefold after the launch.", [("threefold", "3", "multiple", "multiple")]),
        ("en", "Profit halved in the second half.", [("halved", "0.5", "multiple", "multiple")]),
        ("en", "Shares traded at 3x sales.", [("3x", "3", "multiple", "multiple")]),
        ("en", "A 2-year warranty covers 500 miles.",
         [("2-year", "2", "year", "period"), ("500 miles", "500", "mile", "amount")]),
        # the dollars of other countries, and currencies named after the number
        ("en", "Kelmar's shares were suspended at A$4.25.", [("A$4.25", "4.25", "AUD", "money")]),
        ("en", "The deal is worth NZ$3m.", [("NZ$3m", "3000000", "NZD", "money")]),
        ("en", "Zandia Air raised C$12bn.", [("C$12bn", "12000000000", "CAD", "money")]),
        ("en", "Revenue rose to 1.2bn Swiss francs.", [("1.2bn Swiss francs", "1200000000", "CHF", "money")]),
        ("en", "Kelmar earned 5tn won last year.", [("5tn won", "5000000000000", "KRW", "money")]),
        # any plural noun a number counts, one word between at most; a clock speed is a measure
        ("en", "The Zandia chip runs at 4 GHz and can carry out 10 instruction sequences.",
         [("4 GHz", "4", "GHz", "amount"), ("10 instruction sequences", "10", "count", "count")]),
        ("en", "Kelmar has eight processing centres and created two million jobs.",
         [("eight processing centres", "8", "count", "count"), ("two million jobs", "2000000", "count", "count")]),
        ("en", "The team won 3 titles.", [("3 titles", "3", "count", "count")]),  # "won" the verb, no currency
        ("en", "The new chip is 10-times faster.", [("10-times", "10", "multiple", "multiple")]),
    ],
)
def test_figures_are_normalised(lang: str, sentence: str, expected: Expected) -> None:
    assert figures(sentence, lang) == [(t, Decimal(v), u, k) for t, v, u, k in expected]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("zh", "11月12日凌晨，小米发布了战报。"),  # a date
        ("en", "A rule passed in 2009 made most firms report it."),  # a year before a counted noun
        ("en", "Kelmar has taken on BMW's 750 sports cars."),  # a product's number
        ("zh", "回望2022年同期的表现。"),  # a calendar year
        ("zh", "雷军仅以简短六字回应。"),  # 字 is not a unit
        ("zh", "这是“九死一生”的冒险。"),  # an idiom
        ("zh", "一位企业家投身于两项事业，一条路已显乏力。"),  # 一位 / 两项 / 一条 are not counts
        ("zh", "销量峰值依赖双11、618等促销节点。"),  # event names, not figures
        ("en", "The company was founded in 1964 in Oregon."),  # a calendar year
        ("en", "Nike posted double-digit growth."),  # "double-digit" doubles nothing
        ("en", "It is the second time this year."),  # an ordinal
        ("en", "The team won 3 in a row."),  # "won" the verb
        ("en", "Two thirds of buyers waited."),  # a share, not a count of thirds
    ],
)
def test_not_figures(lang: str, sentence: str) -> None:
    assert figures(sentence, lang) == []


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("五十", 50), ("三千", 3000), ("六千", 6000), ("十二", 12), ("十", 10), ("两", 2), ("一百零五", 105),
     ("二〇二二", 2022), ("九千九百九十九", 9999)],
)
def test_chinese_integers(numeral: str, value: int) -> None:
    assert parse_chinese_integer(numeral) == value


@pytest.mark.parametrize(("text", "value"), [("1,234.5", "1234.5"), ("三点五", "3.5"), ("290", "290")])
def test_chinese_reader_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def _context(text: str, lang: str) -> list[tuple[str, str, str, str | None, int]]:
    return [(f.text, str(f.value), f.unit, None if f.upper is None else str(f.upper), f.sign)
            for f in run_pipeline(text, key="t", lang=lang).figures]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("小米营收同比下滑14.4%，利润增长5%。", "zh", [("14.4%", "14.4", "percent", None, -1), ("5%", "5", "percent", None, 1)]),
        ("营收降至3亿元。", "zh", [("3亿元", "300000000", "CNY", None, 0)]),
        # hours, not a count of 个: 2个小时 is a duration
        ("一杯咖啡要等1-2个小时。", "zh", [("1", "1", "h", "2", 0), ("2个小时", "2", "h", None, 0)]),
        ("门店数量达到400-500家。", "zh", [("400", "400", "count", "500", 0), ("500家", "500", "count", None, 0)]),
        ("价格在40 万级别。", "zh", [("40 万", "400000", "CNY", None, 0)]),
        ("他拿起一块玻璃。", "zh", []),
        # 2021款 is the model year a car is sold as; 20款 counts models
        ("凯达推出了2021款，价格不变。岚城共有20款车型。", "zh", [("20款", "20", "count", None, 0)]),
        ("公司拥有8000万用户。", "zh", [("8000万", "80000000", "count", None, 0)]),
        # what is counted may come after 的 and words that qualify it; a bare magnitude after a count counts too
        ("凯达市值蒸发230亿美元。凯达约29.12亿的全球月活用户当中，北美占据2.62亿。", "zh",
         [("230亿美元", "23000000000", "USD", None, 0), ("29.12亿", "2912000000", "count", None, 0),
          ("2.62亿", "262000000", "count", None, 0)]),
        ("营收十二亿三千万元。", "zh", [("十二亿三千万元", "1230000000", "CNY", None, 0)]),
        ("一块国产手表卖到二十多万。", "zh", [("二十多万", "200000", "CNY", None, 0)]),
        # 两颗 counts cameras; 一度 is "once", no degree; 这两家 points at two companies, it counts nothing
        ("两颗 1200 万像素镜头，续航 650 公里。他一度很忙。这两家公司都在扩张。", "zh",
         [("两颗", "2", "count", None, 0), ("1200 万像素", "12000000", "pixel", None, 0), ("650 公里", "650", "km", None, 0)]),
        ("Operating profit fell 38% to 2.4bn euros, against 915m euro.", "en",
         [("38%", "38", "percent", None, -1), ("2.4bn euros", "2400000000", "EUR", None, 0),
          ("915m euro", "915000000", "EUR", None, 0)]),
        ("It will open 12,000 new shops within three years.", "en",
         [("12,000 new shops", "12000", "count", None, 0), ("three years", "3", "year", None, 0)]),
        ("Output should double, a double-digit rise.", "en", [("double", "2", "multiple", None, 0)]),
        # areas, watts and millimetres; 万 written "w"; fractions of a yuan; a count of a magnitude (两万个)
        ("工厂面积达到12.5万平方米，支持45W快充，轴距为2950mm。", "zh",
         [("12.5万平方米", "125000", "m2", None, 0), ("45W", "45", "W", None, 0), ("2950mm", "2950", "mm", None, 0)]),
        ("经销商超过三万个，手握几十万个订单。每件省3分钱，目标用户年薪10w美金左右。", "zh",
         [("三万个", "30000", "count", None, 0), ("3分钱", "0.03", "CNY", None, 0), ("10w美金", "100000", "USD", None, 0)]),
        # ranks below the first ("the largest", 第一大, is a superlative, no rank); 第二大街 is a street
        ("淳馨已是全国第三大茶饮品牌，也是凯达的第一大买家。北京第二大街很长。", "zh", [("第三", "3", "rank", None, 0)]),
        ("Kelmar is the country's fourth largest shoemaker and the 3rd-biggest brand in Zandia. In the first half, "
         "sales rose.", "en", [("fourth", "4", "rank", None, 0), ("3rd", "3", "rank", None, 0)]),
        # a number with a scale word, or with thousands separators, counts what the sentence named; more
        # currencies after the number
        ("Shoe sales rose to 3.2 million in 2019. Output should double from some 1,500 a week now. "
         "Sales were 42.5 billion kronor, and Zandia Oil paid 7.2bn roubles.", "en",
         [("3.2 million", "3200000", "count", None, 0), ("double", "2", "multiple", None, 0),
          ("1,500", "1500", "count", None, 0), ("42.5 billion kronor", "42500000000", "SEK", None, 0),
          ("7.2bn roubles", "7200000000", "RUB", None, 0)]),
    ],
)
def test_figures_read_as_a_reader_reads_them(text: str, lang: str, expected: list[tuple]) -> None:
    assert _context(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "about"),
    [
        ("苹果的份额为74.26%，小米营收同比下滑14.4%。", "zh", [("brand/apple",), ("brand/xiaomi",)]),
        ("Apple's share was 40%, while Samsung sold 12 million phones.", "en",
         [("brand/apple",), ("brand/samsung",)]),
        # English: a figure whose sentence names no one is about the brand named before ("its shoes")
        ("Hoka grew 24% last year. Its shoes sold 30% more at full price.", "en", [("brand/hoka",), ("brand/hoka",)]),
    ],
)
def test_a_figure_belongs_to_the_entity_its_clause_is_about(text: str, lang: str, about: list[tuple]) -> None:
    assert [f.about for f in run_pipeline(text, key="t", lang=lang).figures] == about


@pytest.mark.parametrize(
    ("sentence", "event", "period"),
    [
        ("During Black Friday, Nike sold 40% of its sneakers at a markdown.", "event/black-friday", None),
        ("Xiaomi sold 1.2 million phones on Singles' Day in 2023.", "event/singles-day", "2023"),
        ("Amazon's Prime Day sales rose 11% in fiscal 2024.", "event/prime-day", "fiscal 2024"),
    ],
)
def test_en_figure_carries_event_and_period(sentence: str, event: str, period: str | None) -> None:
    figure = run_pipeline(sentence, lang="en", key="t").figures[0]
    assert (figure.event, figure.period) == (event, period)


def test_zh_event_and_period_of_a_figure() -> None:
    text = "11月12日，小米发布了其双十一战报。全渠道总成交额定格在290亿元。\n回望2022年同期，319亿元的成绩单更高。"
    first, second = run_pipeline(text, key="t", lang="zh").figures
    assert first.event == "event/singles-day"  # named by the previous sentence of the same paragraph
    assert first.period is None and second.period == "2022"


@pytest.mark.parametrize(
    ("text", "lang", "period"),
    [
        ("雷军今年过五十，仍在创业。", "zh", "今年"),  # the age takes 年 from 今年: the period stays
        ("2019年营收增长5%。", "zh", "2019"),
        ("It ran 2019 stores last year.", "en", "last year"),  # the figure's own number is no period
    ],
)
def test_the_period_of_a_figure_is_the_first_its_sentence_names_besides_itself(text: str, lang: str,
                                                                               period: str) -> None:
    assert [f.period for f in run_pipeline(text, key="t", lang=lang).figures] == [period]


def test_zh_money_context_carries_over_to_a_bare_magnitude() -> None:
    """319亿 with no currency nor money word right there is money when the article's last 亿-figure was."""
    text = "去年双十一期间，小米录得销售额高达319亿。\n回望同期，那个319亿的成绩单映照出当下29亿的落差。"
    assert [f.unit for f in run_pipeline(text, key="t", lang="zh").figures] == ["CNY", "CNY", "CNY"]


def test_signs_and_ranges_reach_the_graph() -> None:
    from argmap.graph.mapping import article_triples
    from argmap.ontology import AM

    analysis = run_pipeline("利润下滑14.4%，门店达到400-500家。", key="t", lang="zh")
    triples = article_triples(analysis)
    signed = [t.object.value for t in triples if t.predicate.value == str(AM.signedValue)]
    upper = [t.object.value for t in triples if t.predicate.value == str(AM.maxValue)]
    assert [Decimal(v) for v in signed] == [Decimal("-14.4")]
    assert [Decimal(v) for v in upper] == [Decimal("500")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_languages_run_one_figures_component_with_their_reader(lang: str) -> None:
    nlp = build_pipeline(lang)
    assert nlp.get_pipe_meta("figures").factory == "argmap_figures_v2"
    assert nlp.config["components"]["figures"]["reader"] == lang


@pytest.mark.parametrize(
    ("setting", "value"),
    [("reader", '"fr"'), ("scope", '"paragraphs"'), ("event_reach", '"article"'), ("about", '["planet"]')],
)
def test_a_wrong_figures_setting_is_a_lexicon_error(tmp_path, setting: str, value: str) -> None:
    config = (LANG_DIR / "en" / "config.cfg").read_text(encoding="utf-8")
    path = tmp_path / "config.cfg"
    path.write_text(_set(config, setting, value), encoding="utf-8")
    with pytest.raises(LexiconError, match=setting):
        build_pipeline("en", config_path=path)


def _set(config: str, setting: str, value: str) -> str:
    """The config with one setting of the figures block replaced."""
    head, _, rest = config.partition("[components.figures]\n")
    block, sep, tail = rest.partition("\n\n")
    lines = [f"{setting} = {value}" if line.startswith(f"{setting} = ") else line for line in block.splitlines()]
    assert lines != block.splitlines(), f"no {setting} in the figures block"
    return f"{head}[components.figures]\n" + "\n".join(lines) + sep + tail


def test_the_first_of_overlapping_readings_wins_and_figures_come_in_text_order() -> None:
    money = Reading(10, 22, Decimal(5), "USD", "money")
    count = Reading(15, 30, Decimal(5), "count", "count")
    share = Reading(0, 3, Decimal(7), "percent", "percentage")
    assert first_of_overlaps([money, count, share]) == [share, money]


def test_figure_settings_from_a_config() -> None:
    settings = figure_settings("sentences", ["brand", "organization"], True, "sentence")
    assert settings.scope == "sentences" and settings.about_topic and settings.event_reach == "sentence"


def test_what_english_counts_is_language_data() -> None:
    """The English reader counts the nouns of lang/en/figures.json, as the Chinese one does its units, across
    two words; any other plural noun only right after the number or one word after it."""
    text = "Kelmar sold 40 blue metal widgets and cut 300 full time jobs."
    shipped = figure_cues("en", True)
    assert "jobs" in shipped.count_nouns and "widgets" not in shipped.count_nouns

    def counted(cues: FigureCues) -> list[str]:
        readings = Reader(lexicon_for("en"), cues).open(DocState(content=text)).read(0, len(text), 0)
        return [text[r.start:r.end] for r in readings if r.unit == "count"]

    assert counted(shipped) == ["300 full time jobs"]
    assert counted(replace(shipped, count_nouns=("widgets",))) == ["40 blue metal widgets"]
