"""The Chinese number reader of the figures component (``components/figures.py``, ``reader = "zh"``).

Chinese writes numbers its own way: numerals (六千, 十二亿三千万, 三点五) beside Arabic digits, magnitudes
after them (1.5万, 290亿), 百分之三十五 and 3个百分点, 翻倍 and 翻两番, 9块9, counters (16000家, 两台) and
units of measure after Arabic digits only (一度 is "once"). Whether a bare magnitude is money, a price or a
count is read from its sentence (the lexicon's ``money`` and ``price`` cues), from a counted noun after it
(``count_nouns`` of ``figures.json``: 8000万用户) and from the last magnitude before it (319亿 again). A
number inside a name (小米14, 双11) is no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from argmap.extractors.components.figures import FigureCues, Reading
from argmap.extractors.lexicon import Lexicon, compile_cues
from argmap.extractors.state import DocState

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
              "万": Decimal(10) ** 4, "w": Decimal(10) ** 4}  # 8w: 万 as Chinese writers abbreviate it
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS)


def parse_chinese_integer(text: str) -> int | None:
    """Chinese numerals below 万: 五十 -> 50, 三千 -> 3000, 十二 -> 12, 二〇二二 -> 2022."""
    if not text or any(ch not in DIGITS and ch not in SMALL_UNITS for ch in text):
        return None
    if all(ch in DIGITS for ch in text) and len(text) > 1:  # read digit by digit: 二〇二二
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current = 0, None
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (1 if current is None else current) * SMALL_UNITS[ch]
            current = None
    return total + (current or 0)


def parse_number(text: str) -> Decimal | None:
    """An Arabic number (1,234.5) or a Chinese numeral, possibly with 点 decimals (三点五)."""
    plain = text.replace(",", "").replace("，", "").replace("．", ".")
    try:
        return Decimal(plain)
    except InvalidOperation:
        pass
    if "点" in plain:
        whole, _, frac = plain.partition("点")
        head = parse_chinese_integer(whole)
        if head is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return Decimal(f"{head}.{''.join(str(DIGITS[ch]) for ch in frac)}")
    value = parse_chinese_integer(plain)
    return None if value is None else Decimal(value)


def scale(value: Decimal, magnitude: str | None) -> Decimal:
    """Apply 万 / 亿 / 万亿 and normalise (no exponent, no trailing zeros after the point)."""
    if magnitude:
        value *= MAGNITUDES[magnitude]
    return normalise(value)


def normalise(value: Decimal) -> Decimal:
    norm = value.normalize()
    return norm.quantize(Decimal(1)) if norm == norm.to_integral_value() else norm


# Units of measurement, written after Arabic digits only (一度 is "once", not one degree).
MEASURES = {"公里": "km", "千米": "km", "毫米": "mm", "厘米": "cm", "米": "m", "英寸": "inch", "寸": "inch",
            "平方米": "m2", "平米": "m2", "平方公里": "km2", "mm": "mm", "cm": "cm", "km": "km", "kg": "kg", "W": "W", "Wh": "Wh",
            "MWh": "MWh", "GWh": "GWh",
            "度": "degree", "千瓦时": "kWh", "千瓦": "kW", "kWh": "kWh", "kW": "kW", "瓦": "W", "牛·米": "N·m",
            "N·m": "N·m", "Nm": "N·m", "线": "line", "像素": "pixel", "升": "L", "马力": "hp", "伏": "V",
            "秒": "s", "分钟": "min", "小时": "h", "个小时": "h", "个钟头": "h", "吨": "t", "公斤": "kg", "千克": "kg", "克": "g", "mAh": "mAh",
            "GB": "GB", "TB": "TB", "纳米": "nm", "nm": "nm", "Hz": "Hz", "赫兹": "Hz"}
# some sites set the decimal point full-width (1．3亿, 9．5%): the same point
_NUM = r"(?:\d+(?:,\d{3})*(?:[.．]\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
# 十二亿三千万: a Chinese numeral with a magnitude inside it, read whole by cn2an.
_CN_COMPOUND = r"[零〇一二两三四五六七八九十百千]+(?:[万亿]+[零〇一二两三四五六七八九十百千]+)+[万亿]?"
_RANGE = r"\s?(?:到|至|~|～|—|-|–|－)\s?"
# The characters a FIGURE match can start with (百分之, 9块9, 翻番, 年逾, numerals).
_STARTS = r"[\d百翻年零〇一二两三四五六七八九十千第]"
# The lookahead changes no match: it lets the engine leave most positions at once instead of trying
# every branch there (re finds no first-character set by itself through the named groups).
FIGURE = re.compile(
    rf"(?={_STARTS})(?:(?P<pct_pre>百分之)(?P<pn>{_NUM})"
    r"|(?P<kuai>\d+)块(?P<mao>\d)(?![\d万亿元])"
    r"|(?P<quad>翻了?两番)"
    r"|第(?P<rank>[一二三四五六七八九十]{1,3}|\d{1,3})(?=大(?!学|会|道|街|厦|型)|名(?![字称义词单]))"  # 第二大厂商, 排名第三名: a rank
    r"|(?P<double>翻了?一?倍|翻了?一番|翻番)"
    rf"|(?P<age_pre>年逾|年过|年近|年满|年届)(?P<an>{_NUM})"
    rf"|(?P<n1>{_CN_COMPOUND}|{_NUM})(?:(?P<rng>{_RANGE})(?P<n2>{_NUM}))?(?P<approx>多|余)?\s?(?P<mag>万亿|亿|千万|百万|万|w(?![A-Za-z]))?"
    rf"\s?(?P<unit>%|％|个百分点|倍|美元|美金|欧元|港元|港币|日元|英镑|人民币|块钱|分钱|毛钱|元|块|万台|台|辆|家门店|家店|家|位|名|杯|岁|年|个月"
    rf"|{'|'.join(sorted(MEASURES, key=len, reverse=True))}|款|部|件|座|颗|个)?)"
)
_FIGURE_START = re.compile(_STARTS)  # a unit without any of these has no figure
CURRENCIES = {"美元": "USD", "美金": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY", "英镑": "GBP",
              "人民币": "CNY", "块钱": "CNY", "元": "CNY", "块": "CNY"}
COUNT_UNITS = frozenset({"台", "辆", "家门店", "家店", "家", "位", "名", "杯", "款", "部", "件", "座", "颗", "个"})
_PERIOD_AFTER = ("内", "来", "间", "后")


# _Facts and _Parsed are not frozen: one is made per sentence with a number and per number read, and a frozen
# dataclass sets each field through object.__setattr__ (its __init__ costs some four times as much); none is
# hashed or changed once made.
@dataclass(slots=True)
class _Facts:
    """What a sentence says about all its figures: whether it speaks of prices or of money."""

    price: bool
    money: bool


@dataclass(slots=True)
class _Parsed:
    value: Decimal
    unit: str
    kind: str
    magnitude: bool = False
    upper: Decimal | None = None  # a range's upper end, in the same base unit


class Reader:
    """Reads Chinese numbers; one ``open`` per document."""

    def __init__(self, lexicon: Lexicon, cues: FigureCues) -> None:
        self.money = compile_cues(lexicon.cue_list("money"))
        self.price = compile_cues(lexicon.cue_list("price"))
        self.period_before = tuple(lexicon.cue_list("period_context"))
        self.cues = cues

    def open(self, state: DocState) -> "_Document":
        return _Document(self, state)

    def facts(self, sentence: str) -> _Facts:
        return _Facts(self.price is not None and self.price.search(sentence) is not None,
                      self.money is not None and self.money.search(sentence) is not None)


class _Document:
    """One document's reading: the offsets names take, each sentence's facts, and whether the last magnitude
    read (亿, 万) was money, which a bare one after it (那个319亿) is too."""

    def __init__(self, reader: Reader, state: DocState) -> None:
        self.reader = reader
        self.state = state
        self.taken = {i for e in state.entities.values() for m in e.mentions for i in range(m.start, m.end)}
        self.facts_of: dict[int, _Facts] = {}
        self.last_money = False

    def read(self, start: int, end: int, sentence: int) -> list[Reading]:
        content = self.state.content
        if _FIGURE_START.search(content, start, end) is None:
            return []  # no numeral at all, as in many units: one quick search instead of the full pattern
        facts = self.facts_of.get(sentence)
        if facts is None:  # what the sentence says once, not once per figure in it
            facts = self.facts_of[sentence] = self.reader.facts(self.state.sentence_text(sentence))
        out = []
        for m in FIGURE.finditer(content[start:end]):
            found = self._reading(m, start, facts)
            if found is not None:
                out.append(found)
        return out

    def _reading(self, m: re.Match[str], base: int, facts: _Facts) -> Reading | None:
        start, end = base + m.start(), base + m.end()
        if start in self.taken or end - 1 in self.taken:
            return None
        parsed = self._parse(m, start, end, facts)
        if parsed is None:
            return None
        if parsed.magnitude:
            self.last_money = parsed.unit in CURRENCIES.values()
        split: tuple[int, int] | None = None  # 两到三年 is one span of time; 400-500家 two figures
        if parsed.kind != "period" and parsed.upper is not None and m["n2"] is not None:
            split = (base + m.end("n1"), base + m.start("n2"))
        return Reading(start, end, parsed.value, parsed.unit, parsed.kind, parsed.upper, split)

    def _parse(self, m: re.Match[str], start: int, end: int, facts: _Facts) -> _Parsed | None:
        if m["double"]:
            return _Parsed(Decimal(2), "multiple", "multiple")
        if m["kuai"]:  # 9块9: nine yuan nine jiao, a price as people say it
            return _Parsed(Decimal(f"{m['kuai']}.{m['mao']}"), "CNY", "price")
        if m["quad"]:
            return _Parsed(Decimal(4), "multiple", "multiple")
        if m["rank"]:
            # 第一大买家 says "the largest buyer", a superlative as English writes it, not a rank among others
            value = _numeral(m["rank"])
            return None if value is None or value <= 1 else _Parsed(value, "rank", "rank")
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
        parsed = self._parse_unit(m, start, end, facts, value, unit, mag)
        if parsed is None or upper is None:
            return parsed
        if parsed.kind == "period":
            return _Parsed(parsed.value, parsed.unit, parsed.kind, parsed.magnitude, upper)
        upper = scale(upper, mag)
        if upper <= parsed.value:
            return parsed  # 5-3: no range
        return _Parsed(parsed.value, parsed.unit, parsed.kind, parsed.magnitude, upper)

    def _parse_unit(self, m: re.Match[str], start: int, end: int, facts: _Facts, value: Decimal, unit: str | None,
                    mag: str | None) -> _Parsed | None:
        if unit == "年" or unit == "个月":
            return self._period(m, start, end, value)
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
        if unit == "款" and _model_year(m["n1"]) and not mag:
            return None  # 2021款勇士: the model year a car or phone is sold as, not a count of models
        if unit in COUNT_UNITS:
            # 一位 / 两家 are articles of speech, not reported counts; 三个问题 is a way of speaking too. 两颗摄像头
            # counts things. 两万个 is a count, but 几十万个 ("some hundred thousand") is no figure
            vague = start > 0 and self.state.content[start - 1] in "几数"
            spoken = value <= 1 or (value <= 2 and unit in _REFERRING) or unit in _GENERIC_COUNTERS
            if not m["n1"][0].isdigit() and (not mag or vague) and spoken:
                return None
            return _Parsed(value, "count", "count")
        if unit in _CENTS:  # 5分钱, 3毛钱: fractions of a yuan
            return _Parsed(normalise(value * _CENTS[unit]), "CNY", "price")
        if unit in MEASURES:
            return _Parsed(value, MEASURES[unit], "amount") if m["n1"][0].isdigit() else None
        if unit == "块" and not m["n1"][0].isdigit():
            return None  # 一块玻璃: a measure word, not money
        if unit == "块" and not (facts.price):
            return _Parsed(value, "count", "count")  # 3 块 OLED 屏
        if not unit and self._counted(end):
            return _Parsed(value, "count", "count", magnitude=bool(mag))  # 8000万用户
        if unit in CURRENCIES:
            money_kind = "price" if mag != "亿" and mag != "万亿" and facts.price else "money"
            return _Parsed(value, CURRENCIES[unit], money_kind, magnitude=bool(mag))
        if facts.price and not _compound(m["n1"]):
            return _Parsed(value, "CNY", "price", magnitude=True)  # 价格在40 万级别
        money = facts.money or self.last_money
        return _Parsed(value, "CNY" if money else "count", "money" if money else "count", magnitude=True)

    def _counted(self, end: int) -> bool:
        """8000万用户: a number followed by a thing that is counted is a count, whatever else the sentence says."""
        rest = self.state.content[end:end + 6].lstrip()
        nouns = self.reader.cues.count_nouns
        if any(rest.startswith(noun) for noun in nouns):
            return True
        # 29.12亿的全球月活用户: what is counted after 的 and a few words that qualify it — a noun of two characters
        # or more (用户, 会员), since one character (份 of 市场份额, 人 of 人口) is as often part of another word
        after = _QUALIFIED.match(self.state.content, end)
        return after is not None and any(len(noun) > 1 and noun in after.group(1) for noun in nouns)

    def _period(self, m: re.Match[str], start: int, end: int, value: Decimal) -> _Parsed | None:
        if m["n1"].isdigit() and len(m["n1"]) == 4:
            return None  # a calendar year: the sentence's period, not a figure
        content = self.state.content
        before = content[max(0, start - 3):start]
        ranged = m["rng"] is not None
        if not (ranged or before.endswith(self.reader.period_before) or content.startswith(_PERIOD_AFTER, end)):
            return None
        unit = "year" if m["unit"] == "年" else "month"
        return _Parsed(scale(value, None), unit, "period")


_QUALIFIED = re.compile(r"\s?的([\u4e00-\u9fff]{1,6})")  # 的 and the Chinese words after it, up to six characters
_REFERRING = frozenset({"位", "名", "家", "家门店", "家店"})  # 这两家, 两位创始人: who is meant, not how many
_GENERIC_COUNTERS = frozenset({"个", "款", "件"})
_CENTS = {"分钱": Decimal("0.01"), "毛钱": Decimal("0.1")}


def _model_year(text: str) -> bool:
    """Four digits that read as a year of this or the last century (2019款, 1998款)."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


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
