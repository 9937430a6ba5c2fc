"""English figures: text -> normalised value, unit and kind (expected values worked out by hand)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from argmap.extractors.pipeline import analyze_text


@pytest.mark.parametrize(
    ("sentence", "figure_text", "value", "unit", "kind"),
    [
        ("Nike reported revenue of $2.5 billion last quarter.", "$2.5 billion", "2500000000", "USD", "money"),
        ("About 62% of buyers waited for a discount.", "62%", "62", "percent", "percentage"),
        ("Sales rose 7 percent in Europe.", "7 percent", "7", "percent", "percentage"),
        ("On Running doubled its sales in three years.", "doubled", "2", "multiple", "multiple"),
        ("Xiaomi priced the phone at ¥6,000 in China.", "¥6,000", "6000", "CNY", "price"),
        ("The flagship costs 5,999 yuan at launch.", "5,999 yuan", "5999", "CNY", "price"),
        ("Adidas expects €1.2bn in operating profit.", "€1.2bn", "1200000000", "EUR", "money"),
        ("Apple sold 12 million units of the phone.", "12 million units", "12000000", "count", "count"),
        ("The margin fell 3.5 percentage points.", "3.5 percentage points", "3.5", "percentage-point", "percentage"),
        ("Its typical buyer is a 35-year-old runner.", "35-year-old", "35", "year", "age"),
        ("Orders grew threefold after the launch.", "threefold", "3", "multiple", "multiple"),
        ("Profit halved in the second half.", "halved", "0.5", "multiple", "multiple"),
    ],
)
def test_en_figure_is_normalised(sentence: str, figure_text: str, value: str, unit: str, kind: str) -> None:
    analysis = analyze_text(sentence, lang="en", key="t")
    found = {f.text: f for f in analysis.figures}
    assert figure_text in found, [f.text for f in analysis.figures]
    figure = found[figure_text]
    assert (figure.value, figure.unit, figure.quantity_kind) == (Decimal(value), unit, kind)
    assert sentence[figure.start : figure.end] == figure_text


@pytest.mark.parametrize(
    ("sentence", "event", "period"),
    [
        ("During Black Friday, Nike sold 40% of its sneakers at a markdown.", "event/black-friday", None),
        ("Xiaomi sold 1.2 million phones on Singles' Day in 2023.", "event/singles-day", "2023"),
        ("Amazon's Prime Day sales rose 11% in fiscal 2024.", "event/prime-day", "fiscal 2024"),
    ],
)
def test_en_figure_carries_event_and_period(sentence: str, event: str, period: str | None) -> None:
    figure = analyze_text(sentence, lang="en", key="t").figures[0]
    assert figure.event == event
    assert figure.period == period


@pytest.mark.parametrize(
    "sentence",
    ["The company was founded in 1964 in Oregon.", "Nike posted double-digit growth.", "It is the second time this year."],
)
def test_en_no_figure_from_years_and_ordinals(sentence: str) -> None:
    assert analyze_text(sentence, lang="en", key="t").figures == []


def test_en_figure_is_about_the_brand_of_its_sentence_or_the_topic() -> None:
    text = "Hoka grew 24% last year. Its shoes sold 30% more at full price."
    figures = analyze_text(text, lang="en", key="t").figures
    assert [f.about for f in figures] == [("brand/hoka",), ("brand/hoka",)]
