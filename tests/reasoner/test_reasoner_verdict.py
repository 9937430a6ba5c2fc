"""The verdict's decision table, its thresholds file, and what evidence bears on (no store, no Java)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from argmap.errors import ReasonerError
from argmap.reasoner.reach import ArgumentGraph, bears_on, edge_lists, main_brands, named_brands_only
from argmap.reasoner.verdict import Item, Rule, Side, Thresholds, VerdictClass, decide, load_thresholds

P, V = frozenset({Side.PRICE}), frozenset({Side.VALUE})
BOTH = frozenset({Side.PRICE, Side.VALUE})


def _items(*specs: tuple[str, frozenset[Side], str] | tuple[str, frozenset[Side], str, bool]) -> list[Item]:
    """(strength, side, text[, accepted]) → items with distinct IRIs."""
    out = []
    for i, spec in enumerate(specs):
        strength, sides, text = spec[:3]
        accepted = spec[3] if len(spec) > 3 else True  # type: ignore[misc]
        out.append(Item(f"e{i}", text, Decimal(strength), bool(accepted), sides))
    return out


CASES = {  # name: (evidence, expected class, expected rule)
    "no evidence": ([], VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE),
    "one value statement": (_items(("0.6", V, "a")), VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE),
    "one statement repeated": (_items(("0.6", V, "same"), ("0.6", V, "same "), ("0.6", V, "SAME")),
                               VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE),
    "two value statements": (_items(("0.6", V, "a"), ("0.6", V, "b")), VerdictClass.VALUE_LEVEL, Rule.VALUE_SIDE_PREVAILS),
    "two price statements": (_items(("0.6", P, "a"), ("0.7", P, "b")), VerdictClass.PRICE_LEVEL, Rule.PRICE_SIDE_PREVAILS),
    "price two to one": (_items(("0.6", P, "a"), ("0.6", P, "b"), ("0.6", V, "c")),
                         VerdictClass.PRICE_LEVEL, Rule.PRICE_SIDE_PREVAILS),
    "four against three": (_items(*[("0.6", P, f"p{i}") for i in range(4)], ("0.7", V, "v0"), ("0.6", V, "v1"),
                                  ("0.6", V, "v2")), VerdictClass.MIXED, Rule.BOTH_SIDES_STRONG),
    "close and weak": (_items(("0.6", P, "a"), ("0.6", P, "b"), ("0.45", V, "c"), ("0.45", V, "d")),
                       VerdictClass.UNDETERMINED, Rule.NO_SIDE_PREVAILS),
    "rejected evidence is not counted": (_items(("0.6", V, "a"), ("0.6", V, "b", False)),
                                         VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE),
    "competitive pressure counts for neither side": (_items(("0.6", V, "a"), ("0.6", frozenset(), "b")),
                                                     VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE),
    "a statement of both kinds weighs on both sides": (_items(("0.6", P, "a"), ("0.6", P, "b"), ("0.6", BOTH, "c")),
                                                       VerdictClass.PRICE_LEVEL, Rule.PRICE_SIDE_PREVAILS),
    "statements that say both": (_items(("0.6", BOTH, "a"), ("0.6", BOTH, "b")), VerdictClass.MIXED, Rule.BOTH_SIDES_STRONG),
}


@pytest.mark.parametrize("name", CASES)
def test_the_decision_table(name: str) -> None:
    evidence, expected, rule = CASES[name]
    decision = decide(evidence, Thresholds())
    assert (decision.verdict, decision.rule) == (expected, rule)
    if expected is VerdictClass.UNDETERMINED:
        assert decision.rests_on == ()


def test_tallies_count_distinct_texts_at_their_best_strength() -> None:
    d = decide(_items(("0.6", V, "brand fans"), ("0.7", V, "Brand  fans"), ("0.6", V, "switchers")), Thresholds())
    assert d.value.count == 2 and d.value.weight == Decimal("1.3")
    assert set(d.value.distinct) == {"e1", "e2"} and set(d.value.accepted) == {"e0", "e1", "e2"}


def test_a_verdict_rests_on_its_own_side_only_and_mixed_on_both() -> None:
    # a statement of both kinds weighs on both sides but is no ground for a one-sided class
    price = decide(_items(("0.6", P, "a"), ("0.6", P, "b"), ("0.6", BOTH, "c"), ("0.5", V, "d", False)), Thresholds())
    assert price.verdict is VerdictClass.PRICE_LEVEL and set(price.rests_on) == {"e0", "e1"}
    assert (price.price.count, price.value.count) == (3, 1)
    value = decide(_items(("0.6", V, "a"), ("0.6", V, "b"), ("0.6", BOTH, "c")), Thresholds())
    assert value.verdict is VerdictClass.VALUE_LEVEL and set(value.rests_on) == {"e0", "e1"}
    mixed = decide(CASES["four against three"][0], Thresholds())
    assert set(mixed.rests_on) == {f"e{i}" for i in range(7)}


def test_thresholds_come_from_the_data_file(tmp_path: Path) -> None:
    shipped = load_thresholds()
    assert shipped == Thresholds()  # the shipped file states the documented defaults
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"min_statements": 3, "win_ratio": 2}), encoding="utf-8")
    two = _items(("0.6", V, "a"), ("0.6", V, "b"))
    assert decide(two, load_thresholds(strict)).rule is Rule.TOO_LITTLE_EVIDENCE
    assert decide(two, shipped).verdict is VerdictClass.VALUE_LEVEL


@pytest.mark.parametrize("content, message", [
    ('{"min_statments": 2}', "unknown thresholds min_statments"),
    ('{"min_weight": -1}', "must be a number ≥ 0"),
    ('{"min_statements": 1.5}', "whole number"),
    ('{"win_ratio": "x"}', "must be a number"),
    ("[1, 2]", "JSON object"),
    ("{", "cannot read"),
])
def test_a_bad_thresholds_file_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "verdict.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReasonerError, match=message):
        load_thresholds(path)


def _graph(edges: list[tuple[str, str]], claims: set[str], mentions: dict[str, set[str]]) -> ArgumentGraph:
    return ArgumentGraph(edge_lists(edges), frozenset(claims), {k: frozenset(v) for k, v in mentions.items()})


def test_evidence_bears_on_what_the_claims_it_reaches_are_about() -> None:
    # e1 → c1 (about A) → c2 (about B); e2 unattached, mentions C; e3 → c3 (about nothing)
    g = _graph([("e1", "c1"), ("c1", "c2"), ("e3", "c3")], {"c1", "c2", "c3"},
               {"c1": {"A"}, "c2": {"B"}, "e1": {"R"}, "e2": {"C"}})
    found = bears_on(g, ["e1", "e2", "e3"])
    assert found == {"e1": frozenset({"A", "B"}), "e2": frozenset({"C"})}  # e1's own mention of rival R does not count


def test_cycles_share_what_they_reach() -> None:
    g = _graph([("e", "c1"), ("c1", "c2"), ("c2", "c1"), ("c2", "c3")], {"c1", "c2", "c3"},
               {"c1": {"A"}, "c2": {"B"}, "c3": {"C"}})
    assert bears_on(g, ["e"]) == {"e": frozenset({"A", "B", "C"})}


def test_a_long_chain_does_not_exhaust_the_stack() -> None:
    n = 20_000  # deeper than Python's recursion limit: the walk is iterative
    edges = [("e", "c0")] + [(f"c{i}", f"c{i + 1}") for i in range(n)]
    g = _graph(edges, {f"c{i}" for i in range(n + 1)}, {f"c{n}": {"A"}})
    assert bears_on(g, ["e"]) == {"e": frozenset({"A"})}


OWNERS = {"iphone": "apple", "apple-premiumization": "apple", "xiaomi-premiumization": "xiaomi", "mi-10": "xiaomi"}
BRANDS = {"apple", "xiaomi", "porsche"}
REACHED = frozenset({"apple", "iphone", "apple-premiumization", "xiaomi", "xiaomi-premiumization"})


@pytest.mark.parametrize(("names", "kept"), [
    # a fact about Xiaomi grounding a claim that compares Xiaomi with the iPhone: none of Apple's strategy
    ({"mi-10"}, {"xiaomi", "xiaomi-premiumization"}),
    # in an article about Xiaomi, the iPhone or Porsche named as a yardstick: Xiaomi's still, and their own
    ({"iphone"}, REACHED),
    ({"porsche"}, {"xiaomi", "xiaomi-premiumization"}),
    # naming no brand — or only who reports it, a research firm — : all its claims are about
    (set(), REACHED),
    ({"kelmar-research"}, REACHED),
])
def test_evidence_naming_brands_bears_on_theirs_and_the_articles_brand(names: set[str], kept: set[str]) -> None:
    mentions = {"e": names, "c1": {"xiaomi", "iphone"}, "c2": {"xiaomi"}, "c3": {"mi-10"}}
    article = {"e": "a", "c1": "a", "c2": "a", "c3": "a"}
    main = main_brands(mentions, OWNERS, BRANDS, article)
    assert main == {"a": "xiaomi"}
    assert named_brands_only({"e": REACHED}, mentions, OWNERS, BRANDS, main, article) == {"e": frozenset(kept)}
