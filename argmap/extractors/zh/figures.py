"""Reported quantities: money (亿/万/元 and currencies), percentages, multiples (翻倍), prices,
counts, ages and periods, normalised to base units, with the event and period the sentence names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.figures import (
    change_sign, clause_of, figure_about, figure_cues, followed_by_count_noun,
)
from argmap.extractors.lexicon import Lexicon, compile_cues, lexicon_for
from argmap.extractors.model import Figure
from argmap.extractors.numbers import parse_number, scale
from argmap.extractors.state import DocState, get_state

# Units of measurement, written after Arabic digits only (一度 is "once", not one degree).
MEASURES = {"公里": "km", "千米": "km", "毫米": "mm", "厘米": "cm", "米": "m", "英寸": "inch", "寸": "inch",
            "度": "degree", "千瓦时": "kWh", "千瓦": "kW", "kWh": "kWh", "kW": "kW", "瓦": "W", "牛·米": "N·m",
            "N·m": "N·m", "Nm": "N·m", "线": "line", "像素": "pixel", "升": "L", "马力": "hp", "伏": "V",
            "秒": "s", "分钟": "min", "小时": "h", "吨": "t", "公斤": "kg", "千克": "kg", "克": "g", "mAh": "mAh",
            "GB": "GB", "TB": "TB", "纳米": "nm", "nm": "nm", "Hz": "Hz", "赫兹": "Hz"}
_NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
# 十二亿三千万: a Chinese numeral with a magnitude inside it, read whole by cn2an.
_CN_COMPOUND = r"[零〇一二两三四五六七八九十百千]+(?:[万亿]+[零〇一二两三四五六七八九十百千]+)+[万亿]?"
_RANGE = r"\s?(?:到|至|~|～|—|-|–|－)\s?"
# The characters a FIGURE match can start with (百分之, 9块9, 翻番, 年逾, numerals).
_STARTS = r"[\d百翻年零〇一二两三四五六七八九十千]"
# The lookahead changes no match: it lets the engine leave most positions at once instead of trying
# every branch there (re finds no first-character set by itself through the named groups).
FIGURE = re.compile(
    rf"(?={_STARTS})(?:(?P<pct_pre>百分之)(?P<pn>{_NUM})"
    r"|(?P<kuai>\d+)块(?P<mao>\d)(?![\d万亿元])"
    r"|(?P<quad>翻了?两番)"
    r"|(?P<double>翻了?一?倍|翻了?一番|翻番)"
    rf"|(?P<age_pre>年逾|年过|年近|年满|年届)(?P<an>{_NUM})"
    rf"|(?P<n1>{_CN_COMPOUND}|{_NUM})(?:(?P<rng>{_RANGE})(?P<n2>{_NUM}))?(?P<approx>多|余)?\s?(?P<mag>万亿|亿|千万|百万|万)?"
    rf"\s?(?P<unit>%|％|个百分点|倍|美元|欧元|港元|港币|日元|英镑|人民币|块钱|元|块|万台|台|辆|家门店|家店|家|位|名|杯|岁|年|个月"
    rf"|{'|'.join(sorted(MEASURES, key=len, reverse=True))}|款|部|件|座|颗|个)?)"
)
_FIGURE_START = re.compile(_STARTS)  # a unit without any of these has no figure
# The lookahead changes no match: the engine leaves every position without 1, 2, 去, 今, 明 or 前 at once.
YEAR = re.compile(r"(?=[12去今明前])(?:((?:19|20)\d{2})年|(去年|今年|明年|前年))")
CURRENCIES = {"美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY", "英镑": "GBP",
              "人民币": "CNY", "块钱": "CNY", "元": "CNY", "块": "CNY"}
COUNT_UNITS = frozenset({"台", "辆", "家门店", "家店", "家", "位", "名", "杯", "款", "部", "件", "座", "颗", "个"})
_PERIOD_AFTER = ("内", "来", "间", "后")


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a sentence says about all its figures: the period it names, whether it speaks of prices or money."""

    period: str | None
    price: bool
    money: bool


@dataclass(frozen=True, slots=True)
class _Parsed:
    value: Decimal
    unit: str
    kind: str
    magnitude: bool = False
    upper: Decimal | None = None  # a range's upper end, in the same base unit


class ZhFigures:
    def __init__(self, lexicon: Lexicon) -> None:
        self.money = compile_cues(lexicon.cue_list("money"))
        self.price = compile_cues(lexicon.cue_list("price"))
        self.period_before = tuple(lexicon.cue_list("period_context"))
        self.cues = figure_cues("zh")

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        taken = {i for e in state.entities.values() for m in e.mentions for i in range(m.start, m.end)}
        sentence_refs = _sentence_refs(state)
        mentions = _about_mentions(state)
        last_money = False
        facts_of: dict[int, _Facts] = {}
        for unit in state.units:
            if unit.heading:  # a heading's number is restated in the text that follows
                continue
            if _FIGURE_START.search(state.content, unit.start, unit.end) is None:
                continue  # no numeral at all, as in many units: one quick search instead of the full pattern
            facts = facts_of.get(unit.sentence)
            if facts is None:  # what the sentence says once, not once per figure in it
                facts = facts_of[unit.sentence] = self._facts(state.sentence_text(unit.sentence))
            text = state.content[unit.start:unit.end]
            for m in FIGURE.finditer(text):
                start, end = unit.start + m.start(), unit.start + m.end()
                if start in taken or end - 1 in taken:
                    continue
                parsed = self._parse(m, state.content, start, end, facts, last_money)
                if parsed is None:
                    continue
                if parsed.magnitude:
                    last_money = parsed.unit in CURRENCIES.values()
                event = None if parsed.kind == "period" else (
                    _event(state, sentence_refs, unit.sentence) or _restated_event(state.figures, parsed))
                sent = state.sentences[unit.sentence]
                clause = clause_of(state.content, start, end, unit.start, unit.end, self.cues.clause_breaks)
                about = figure_about(mentions, start, clause, (sent.start, sent.end))
                sign = change_sign(state.content, start, end, clause, self.cues) if parsed.kind in _CHANGE_KINDS else 0
                for fig_start, fig_end, value, upper in _ends(m, unit.start, start, end, parsed):
                    state.figures.append(Figure(
                        id=f"q{len(state.figures) + 1}", text=state.content[fig_start:fig_end], start=fig_start,
                        end=fig_end, value=value, unit=parsed.unit, quantity_kind=parsed.kind, event=event,
                        about=about, period=facts.period, upper=upper, sign=sign,
                    ))
        return doc

    def _parse(self, m: re.Match[str], content: str, start: int, end: int, facts: _Facts, last_money: bool) -> _Parsed | None:
        if m["double"]:
            return _Parsed(Decimal(2), "multiple", "multiple")
        if m["kuai"]:  # 9块9: nine yuan nine jiao, a price as people say it
            return _Parsed(Decimal(f"{m['kuai']}.{m['mao']}"), "CNY", "price")
        if m["quad"]:
            return _Parsed(Decimal(4), "multiple", "multiple")
        if m["pct_pre"]:
            value = parse_number(m["pn"])
            return None if value is None else _Parsed(scale(value, None), "percent", "percentage")
        if m["age_pre"]:
            value = parse_number(m["an"])
            return None if value is None else _Parsed(scale(value, None), "year", "age")
        unit, mag = m["unit"], m["mag"]
        if not (unit or mag or _compound(m["n1"])):
            return None  # a bare number (most matches: 一, 2022): no need to read its value
        value = _numeral(m["n1"])
        if value is None:
            return None
        upper = _numeral(m["n2"]) if m["n2"] else None
        parsed = self._parse_unit(m, content, start, end, facts, last_money, value, unit, mag)
        if parsed is None or upper is None:
            return parsed
        if parsed.kind == "period":
            return _Parsed(parsed.value, parsed.unit, parsed.kind, parsed.magnitude, upper)
        upper = scale(upper, mag)
        return _Parsed(parsed.value, parsed.unit, parsed.kind, parsed.magnitude, upper) if upper > parsed.value else parsed

    def _parse_unit(self, m: re.Match[str], content: str, start: int, end: int, facts: _Facts, last_money: bool,
                    value: Decimal, unit: str | None, mag: str | None) -> _Parsed | None:
        if unit == "年" or unit == "个月":
            return self._period(m, content, start, end, value)
        value = scale(value, mag)
        if unit in ("%", "％"):
            return _Parsed(value, "percent", "percentage")
        if unit == "个百分点":
            return _Parsed(value, "percentage-point", "percentage")
        if unit == "倍":
            return _Parsed(value, "multiple", "multiple")
        if unit == "岁":
            return _Parsed(value, "year", "age")
        if unit == "万台":
            return _Parsed(scale(value, "万"), "count", "count", magnitude=True)
        if unit in COUNT_UNITS:
            # 一位 / 两家 are articles of speech, not reported counts; 三个问题 is a way of speaking too.
            if not m["n1"][0].isdigit() and (value <= 2 or unit in _GENERIC_COUNTERS):
                return None
            return _Parsed(value, "count", "count")
        if unit in MEASURES:
            return _Parsed(value, MEASURES[unit], "amount") if m["n1"][0].isdigit() else None
        if unit == "块" and not m["n1"][0].isdigit():
            return None  # 一块玻璃: a measure word, not money
        if unit == "块" and not (facts.price):
            return _Parsed(value, "count", "count")  # 3 块 OLED 屏
        if not unit and followed_by_count_noun(content, end, self.cues):
            return _Parsed(value, "count", "count", magnitude=bool(mag))  # 8000万用户
        if unit in CURRENCIES:
            money_kind = "price" if mag != "亿" and mag != "万亿" and facts.price else "money"
            return _Parsed(value, CURRENCIES[unit], money_kind, magnitude=bool(mag))
        if facts.price and not _compound(m["n1"]):
            return _Parsed(value, "CNY", "price", magnitude=True)  # 价格在40 万级别
        money = facts.money or last_money
        return _Parsed(value, "CNY" if money else "count", "money" if money else "count", magnitude=True)

    def _facts(self, sentence: str) -> _Facts:
        return _Facts(_period(sentence), self.price is not None and self.price.search(sentence) is not None,
                      self.money is not None and self.money.search(sentence) is not None)

    def _period(self, m: re.Match[str], content: str, start: int, end: int, value: Decimal) -> _Parsed | None:
        if m["n1"].isdigit() and len(m["n1"]) == 4:
            return None  # a calendar year: the sentence's period, not a figure
        before = content[max(0, start - 3):start]
        ranged = m["rng"] is not None
        if not (ranged or before.endswith(self.period_before) or content.startswith(_PERIOD_AFTER, end)):
            return None
        unit = "year" if m["unit"] == "年" else "month"
        return _Parsed(scale(value, None), unit, "period")


_GENERIC_COUNTERS = frozenset({"个", "款", "件"})
_CHANGE_KINDS = frozenset({"percentage", "money", "count", "multiple"})


def _numeral(text: str) -> Decimal | None:
    """Arabic or Chinese; a compound Chinese numeral (十二亿三千万) through cn2an."""
    if _compound(text):
        import cn2an

        try:
            return Decimal(str(cn2an.cn2an(text, "strict")))
        except (ValueError, KeyError):
            return None
    return parse_number(text)


def _compound(text: str) -> bool:
    return bool(text) and not text[0].isdigit() and ("亿" in text or "万" in text)


def _ends(m: re.Match[str], base: int, start: int, end: int, parsed: _Parsed) -> list[tuple[int, int, Decimal, Decimal | None]]:
    """One figure, or for a range (400-500家) its lower end, carrying the upper, and its upper end."""
    if parsed.kind == "period":  # 两到三年: one span of time, from two to three years
        return [(start, end, parsed.value, parsed.upper)]
    if parsed.upper is None or m["n2"] is None:
        return [(start, end, parsed.value, None)]
    cut = base + m.start("n2")
    return [(start, base + m.end("n1"), parsed.value, parsed.upper), (cut, end, parsed.upper, None)]


def _about_mentions(state: DocState) -> list[tuple[int, str]]:
    """Where brands, products and markets are named, in text order."""
    out = [(m.start, ref) for ref, e in state.entities.items() if ref.startswith(("brand/", "product/", "market/"))
           for m in e.mentions]
    return sorted(out)


def _sentence_refs(state: DocState) -> list[list[str]]:
    refs: list[list[str]] = [[] for _ in state.sentences]
    for unit in state.units:
        refs[unit.sentence].extend(unit.refs)
    return refs


def _event(state: DocState, sentence_refs: list[list[str]], sentence: int) -> str | None:
    """The event the sentence names, else the one the previous sentence of the paragraph names."""
    for index in (sentence, sentence - 1):
        if index < 0 or state.sentence_paragraph[index] != state.sentence_paragraph[sentence]:
            continue
        event = next((r for r in sentence_refs[index] if r.startswith("event/")), None)
        if event:
            return event
    return None


def _restated_event(figures: list[Figure], parsed: _Parsed) -> str | None:
    """A figure repeated later (290亿 again) still belongs to the event it was first reported for."""
    return next((f.event for f in figures if f.event and f.value == parsed.value and f.unit == parsed.unit), None)


def _period(sentence: str) -> str | None:
    m = YEAR.search(sentence)
    return None if m is None else (m.group(1) or m.group(2))


@Language.factory("argmap_zh_figures_v1", default_config={"lexicons": []})
def make_figures(nlp: Language, name: str, lexicons: list[str]) -> ZhFigures:
    return ZhFigures(lexicon_for("zh", lexicons))
