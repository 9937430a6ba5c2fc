"""Chinese and Arabic numerals to ``Decimal`` (六千 -> 6000, 1.5万 -> 15000, 290亿 -> 29000000000)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
              "万": Decimal(10) ** 4}
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
    plain = text.replace(",", "").replace("，", "")
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
