"""The claim budget's cut (statements._past_budget) against ranking every claim in full: the same claims past
the budget, for random articles' worth of claims — the cut reads a claim's wording only where it can matter."""

from __future__ import annotations

import random

import pytest

from argmap.extractors.components.argument.data import argument_data
from argmap.extractors.components.argument.model import ArgUnit
from argmap.extractors.components.argument.statements import Scores, _past_budget, budget_rank
from argmap.extractors.model import StatementKind

# judging sentences with and without an evaluative word (the stance lists), so that budget_rank varies
_TEXTS = {
    "en": ["The launch was a failure.", "Sales were lagging behind rivals.", "The firm opened a store.",
           "Prices rose in March.", "The plan looks promising.", "It sold well in Asia."],
    "zh": ["这次发布遇冷。", "销量表现亮眼。", "公司开了一家新店。", "三月价格上涨。", "这个计划很成功。", "它在亚洲卖得不错。"],
}


def _full_ranking(claims: list, budget: int, units: list[ArgUnit], data: object) -> set[int]:
    ranked = sorted(claims, key=lambda t: (not t[2].thesis, not t[2].emphasised, not t[2].concludes,
                                           -budget_rank(t[2], units[t[0]].text, data), t[0]))
    return {t[0] for t in ranked[budget:]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_budgets_cut_is_the_full_rankings(lang: str) -> None:
    data = argument_data(lang)
    rng = random.Random(7)
    for _ in range(400):
        n = rng.randint(8, 40)
        units = [ArgUnit(start=0, end=10, text=rng.choice(_TEXTS[lang]), sentence=i, paragraph=0, section=0)
                 for i in range(n)]
        claims = [(i, StatementKind.CLAIM,
                   Scores(opinion=rng.choice([0.0, 0.5, 1.0, 1.5, 2.0]), report=rng.choice([0.0, 0.5, 1.0, 1.5]),
                          thesis=rng.random() < 0.05, neither=False, emphasised=rng.random() < 0.1,
                          concludes=rng.random() < 0.1))
                  for i in range(n)]
        budget = rng.randint(6, n - 1)
        assert _past_budget(claims, budget, units, data) == _full_ranking(claims, budget, units, data)
