"""The English number reader of the figures component (``components/figures.py``, ``reader = "en"``).

``$2.5 billion`` -> 2500000000 USD, ``62%`` -> 62 percent, ``doubled`` -> 2 multiple, ``¥6,000`` -> 6000 CNY,
``12 million pairs`` -> 12000000 count, ``25-year-old`` -> 25 year (age), ``three years`` -> 3 year (period).
Each kind of figure has its own pattern; the patterns are tried in order (money before counts), and the
component keeps the first of overlapping readings.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Callable, Sequence

from argmap.extractors.components.figures import FigureCues, Reading
from argmap.extractors.lexicon import Lexicon
from argmap.extractors.state import DocState
from argmap.extractors.text import alternation

SCALES = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
}
CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "hk$": "HKD", "dollars": "USD",
    "euros": "EUR", "pounds": "GBP", "yen": "JPY", "jpy": "JPY", "euro": "EUR", "dollar": "USD", "pound": "GBP",
    "hkd": "HKD", "jp¥": "JPY", "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
    "ruble": "RUB", "kronor": "SEK", "rand": "ZAR", "reais": "BRL", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
    "a$": "AUD", "au$": "AUD", "nz$": "NZD", "c$": "CAD", "ca$": "CAD", "s$": "SGD", "aud": "AUD", "cad": "CAD",
    "chf": "CHF", "swiss francs": "CHF", "swiss franc": "CHF", "won": "KRW", "zlotys": "PLN", "zloty": "PLN",
}
MULTIPLE_WORDS = {
    "double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "triple": 3, "tripled": 3, "tripling": 3, "triples": 3,
    "quadrupled": 4, "halved": Decimal("0.5"), "halving": Decimal("0.5"),
}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
PERIOD_NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, **NUMBER_WORDS, "eleven": 11, "twelve": 12, "fifteen": 15,
                       "eighteen": 18, "twenty": 20, "thirty": 30, "fifty": 50}
PERIOD_UNITS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "decade": "decade"}
MEASURES = {
    "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mile", "mph": "mph", "kw": "kW", "kwh": "kWh",
    "hp": "hp", "horsepower": "hp", "bhp": "hp", "inch": "inch", "inches": "inch", "mm": "mm", "cm": "cm",
    "metres": "m", "meters": "m", "litres": "L", "liters": "L", "tonnes": "t", "tons": "t", "kg": "kg",
    "gb": "GB", "tb": "TB", "mah": "mAh", "nm": "nm", "mw": "MW", "gw": "GW", "sq ft": "sq ft", "square feet": "sq ft",
    "ghz": "GHz", "mhz": "MHz", "mb": "MB", "kb": "KB", "mbps": "Mbps", "gbps": "Gbps", "megapixels": "MP",
    "watts": "W", "teraflops": "TFLOPS", "gigaflops": "GFLOPS",
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|bn|mn|mln|tn|k|m|b"
_MONEY_BEFORE = re.compile(
    rf"(?<![\w$])(US\$|HK\$|AU?\$|NZ\$|CA?\$|S\$|\$|€|£|¥|￥|RMB|CNY|USD|EUR|GBP|HKD|AUD|CAD|CHF)\s?({_NUM})"
    rf"(?:\s?({_SCALE})\b)?", re.I
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.,])({_NUM})(?:\s?({_SCALE}))?[\s-]?(yuan|dollars?|euros?|pounds?|yen|RMB|CNY|USD|EUR|GBP|HKD|AUD|CAD|CHF|"
    r"rupees?|r(?:ou|u)bles?|kronor|rand|reais|ringgit|baht|rupiah|swiss francs?|won|zlotys?)\b", re.I
)
_PERCENT = re.compile(rf"(?<![\w.,])({_NUM})\s?(%|percent\b|per cent\b|percentage points?\b)", re.I)
_MULTIPLE_X = re.compile(rf"(?<![\w.,])({_NUM})\s?[x×](?![\w])")
# "ten times as", "10-times faster": times before a comparison (a comparative in -er; not "times over")
_FOLD = re.compile(
    r"\b(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:[- ]?fold\b|[\s-]times"
    r"(?=\s+(?:as|more|less|(?!over\b|under\b|after\b|other\b|either\b|never\b)[a-z]{2,}er)\b))", re.I
)
_MULTIPLE_WORD = re.compile(rf"\b({'|'.join(MULTIPLE_WORDS)})\b(?!-)", re.I)  # not "double-digit"
_PERIOD = re.compile(
    rf"(?<![\w.,$])(\d+(?:\.\d+)?|{'|'.join(PERIOD_NUMBER_WORDS)})[- ]({'|'.join(PERIOD_UNITS)})s?\b(?![- ]old)", re.I
)
_MEASURE = re.compile(
    rf"(?<![\w.,$])({_NUM})\s?({alternation(MEASURES)})\b", re.I
)
# "sales rose to 3.2 million last year": a number with a scale word and no currency counts what the sentence
# named before it (money in a currency is read first; a bare "2004" is no figure on its own)
_SCALED = re.compile(r"(?<![\w.,$£€¥–-])(\d+(?:\.\d+)?)\s(million|billion|trillion)\b"
                     r"(?![\s-]+(?:dollars?|euros?|pounds?|yen|yuan|kronor|kroner|krona|francs?|rupees?|r(?:ou|u)bles?|won|"
                     r"pesos?|lira|rand|reais|real|ringgit|baht|rupiah)\b)", re.I)
# "from some 1,500 a week": a number written with thousands separators is never a year, and counts what the
# sentence names (read after every other pattern, so money, percentages and counted nouns come first)
_GROUPED = re.compile(r"(?<![\w.,$£€¥–-])(\d{1,3}(?:,\d{3})+)(?![\d,]|\.\d)")
# "10 instruction sequences", "eight processing centres", "500 patents": a number, at most one word, then a
# plural noun it counts — any noun, read after the listed count nouns and every other pattern (a year before a
# noun, "2004 sales", is a date; "famous", "its", "was" are no plurals)
_PLURAL_COUNT = re.compile(
    rf"(?<![\w.,$£€¥–-])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})(?:\s(thousand|million|billion))?\s+"
    r"(?:(?!(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|than|as|per|more|less|its|their|his|her)\b)"
    r"[a-z][a-z-]*\s+)?([a-z]{2,}(?<!ss)(?<!us)(?<!is)(?<!'s)s)\b(?!['’])"
)
_NOT_PLURAL = frozenset({"was", "has", "does", "goes", "this", "its", "as", "yes", "perhaps", "always", "whereas",
                         "besides", "sometimes", "afterwards", "towards", "less", "times", "cents",
                         "thirds", "quarters", "halves"})  # two thirds: a share, not a count
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
# "the country's fourth largest shoemaker", "the 3rd-biggest brand": a rank
_RANK = re.compile(rf"\b({'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))[- ](?=(?:largest|biggest|best[- ]selling|"
                   r"top[- ]selling|most\s+(?:valuable|popular|profitable))\b)", re.I)
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged\s+(\d{1,3})\b", re.I)
_PRICE_CUE = re.compile(r"\b(?:priced|price[sd]?|costs?|retails?|sells?|selling)\b[\w\s-]{0,25}?(?:at|for|of)?\s*$", re.I)


def _decimal(number: str) -> Decimal | None:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def _scaled(number: str, scale: str | None) -> Decimal | None:
    value = _decimal(number)
    if value is None:
        return None
    factor = SCALES.get((scale or "").lower(), Decimal(1))
    return value * factor


class Reader:
    """Reads English numbers; it remembers nothing from one number to the next."""

    def __init__(self, lexicon: Lexicon, cues: FigureCues) -> None:
        # what a count counts is language data (``count_nouns`` of figures.json); the other patterns are this module's
        self.readings = _readings(count_pattern(cues.count_nouns))

    def open(self, state: DocState) -> "_Document":
        return _Document(state.content, self.readings)


def count_pattern(nouns: Sequence[str]) -> re.Pattern[str] | None:
    """"12 million pairs", "8,500 job cuts", "2019 stores": a number, at most two words, then a noun it counts."""
    if not nouns:
        return None
    return re.compile(rf"(?<![\w.,$])({_NUM})(?:\s?({_SCALE})\b)?\s+(?:[a-z-]+\s+){{0,2}}?({alternation(nouns)})\b", re.I)


class _Document:
    def __init__(self, text: str, readings: "Readings") -> None:
        self.text = text
        self.readings = readings

    def read(self, start: int, end: int, sentence: int) -> list[Reading]:
        """Every reading of every pattern, the patterns in ``_readings``' order (the component keeps the first
        of overlapping ones: "$5 million units" is money)."""
        text = self.text
        found = (read(text, m) for pattern, read in self.readings for m in pattern.finditer(text, start, end))
        return [f for f in found if f is not None]


def _money_before(text: str, m: re.Match[str]) -> Reading | None:
    return _money(text, m, m.group(2), m.group(3), m.group(1))


def _money_after(text: str, m: re.Match[str]) -> Reading | None:
    return _money(text, m, m.group(1), m.group(2), m.group(3))


def _percent(text: str, m: re.Match[str]) -> Reading | None:
    unit = "percentage-point" if "point" in m.group(2).lower() else "percent"
    return _reading(m, _decimal(m.group(1)), unit, "percentage")


def _multiple_x(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, _decimal(m.group(1)), "multiple", "multiple")


def _fold(text: str, m: re.Match[str]) -> Reading | None:
    word = m.group(1).lower()
    return _reading(m, Decimal(NUMBER_WORDS.get(word, 0)) or _decimal(word), "multiple", "multiple")


def _multiple_word(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, Decimal(MULTIPLE_WORDS[m.group(1).lower()]), "multiple", "multiple")


def _count(text: str, m: re.Match[str]) -> Reading | None:
    if _YEAR.fullmatch(m.group(1)) and not m.group(2) and len(m.group(0).split()) > 2:
        return None  # "in 2009 made most firms": a year, then a clause ("2019 stores" right after it counts)
    return _reading(m, _scaled(m.group(1), m.group(2)), "count", "count")


_YEAR = re.compile(r"(?:19|20)\d\d")


def _scaled_count(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, _scaled(m.group(1), m.group(2)), "count", "count")


def _grouped(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, _decimal(m.group(1)), "count", "count")


def _plural_count(text: str, m: re.Match[str]) -> Reading | None:
    number, scale, noun = m.group(1), m.group(2), m.group(3)
    if noun.lower() in _NOT_PLURAL or (_YEAR.fullmatch(number) is not None and not scale):
        return None
    word = number.lower()
    value = Decimal(NUMBER_WORDS[word]) if word in NUMBER_WORDS else _decimal(number)
    return _reading(m, value * SCALES[scale.lower()] if value is not None and scale else value, "count", "count")


def _rank(text: str, m: re.Match[str]) -> Reading | None:
    word = m.group(1).lower()
    value = _ORDINALS[word] if word in _ORDINALS else _decimal(word[:-2])
    # "first largest" is no way of writing "largest": a rank is second or lower
    return Reading(m.start(1), m.end(1), Decimal(value), "rank", "rank") if value and value > 1 else None


def _age(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, _decimal(m.group(1) or m.group(2)), "year", "age")


def _measure(text: str, m: re.Match[str]) -> Reading | None:
    return _reading(m, _decimal(m.group(1)), MEASURES[m.group(2).lower()], "amount")


def _period(text: str, m: re.Match[str]) -> Reading | None:
    """"three years", "a nine months waiting list"; "a year" alone is only a figure after a number word."""
    word = m.group(1).lower()
    if word in ("a", "an"):
        return None
    value = Decimal(PERIOD_NUMBER_WORDS[word]) if word in PERIOD_NUMBER_WORDS else _decimal(word)
    if value is None or (value >= 1900 and value <= 2100):
        return None
    return _reading(m, value, PERIOD_UNITS[m.group(2).lower()], "period")


def _money(text: str, m: re.Match[str], number: str, scale: str | None, currency: str) -> Reading | None:
    kind = "price" if _PRICE_CUE.search(text[max(0, m.start() - 25) : m.start()]) else "money"
    return _reading(m, _scaled(number, scale), CURRENCY_SYMBOLS.get(currency.lower(), currency.upper()), kind)


def _plain(value: Decimal) -> Decimal:
    """2500000000.0 -> 2500000000 and 2.50 -> 2.5, never an exponent."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _reading(m: re.Match[str], value: Decimal | None, unit: str, kind: str) -> Reading | None:
    return None if value is None else Reading(m.start(), m.end(), _plain(value), unit, kind)


Readings = tuple[tuple[re.Pattern[str], Callable[[str, re.Match[str]], Reading | None]], ...]


def _readings(count: re.Pattern[str] | None) -> Readings:
    """Each pattern with the function that reads its matches, money first, then percentages, multiples, counts,
    ages, measures, periods, bare "4.7 million" and ranks: where two readings overlap, the earlier kind wins."""
    counts: Readings = ((count, _count),) if count is not None else ()
    return ((_MONEY_BEFORE, _money_before), (_MONEY_AFTER, _money_after), (_PERCENT, _percent),
            (_MULTIPLE_X, _multiple_x), (_FOLD, _fold), (_MULTIPLE_WORD, _multiple_word), *counts, (_AGE, _age),
            (_MEASURE, _measure), (_PERIOD, _period), (_SCALED, _scaled_count), (_RANK, _rank),
            (_GROUPED, _grouped), (_PLURAL_COUNT, _plural_count))
