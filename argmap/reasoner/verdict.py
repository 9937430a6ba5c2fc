"""The premiumization verdict: price-level, value-level, mixed or undetermined, from weighed evidence.

Each side (price-driven, value-driven) is tallied from the *accepted* evidence bearing on the strategy:
statements with the same text count once (a sentence repeated in an article, or syndicated in two, is one
piece of evidence), at the highest strength among its copies. The thresholds that turn the two tallies into
a verdict live in ``rules/verdict.json`` (documented in ``rules/README.md``), so an analyst can make the
reasoner stricter or looser without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Iterable

from rdflib.term import URIRef

from argmap.errors import ReasonerError
from argmap.ontology import AM

VERDICT_RULES = Path(__file__).with_name("rules") / "verdict.json"


class Side(str, Enum):
    PRICE = "price"
    VALUE = "value"


class VerdictClass(str, Enum):
    PRICE_LEVEL = "price-level"
    VALUE_LEVEL = "value-level"
    MIXED = "mixed"
    UNDETERMINED = "undetermined"

    @property
    def owl_class(self) -> URIRef | None:
        """The OWL class HermiT is expected to derive (none for undetermined)."""
        return _CLASS_OF[self]


_CLASS_OF: dict[VerdictClass, URIRef | None] = {
    VerdictClass.PRICE_LEVEL: AM.PriceLevelPremiumization,
    VerdictClass.VALUE_LEVEL: AM.ValueLevelPremiumization,
    VerdictClass.MIXED: AM.MixedPremiumization,
    VerdictClass.UNDETERMINED: None,
}
CLASSIFICATIONS: tuple[URIRef, ...] = (AM.PriceLevelPremiumization, AM.ValueLevelPremiumization, AM.MixedPremiumization)


class Rule(str, Enum):
    """Which threshold decided; each is an ``am:VerdictRule`` individual with zh / en labels."""

    TOO_LITTLE_EVIDENCE = "TooLittleEvidence"
    PRICE_SIDE_PREVAILS = "PriceSidePrevails"
    VALUE_SIDE_PREVAILS = "ValueSidePrevails"
    BOTH_SIDES_STRONG = "BothSidesStrong"
    NO_SIDE_PREVAILS = "NoSidePrevails"

    @property
    def iri(self) -> URIRef:
        return AM[self.value]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """See rules/README.md, 'The verdict'. Weights are sums of strengths; counts are distinct statements."""

    min_statements: int = 2
    min_weight: Decimal = Decimal("1.0")
    min_winner_statements: int = 2
    win_margin: Decimal = Decimal("0.5")
    win_ratio: Decimal = Decimal("1.5")
    strong_side_weight: Decimal = Decimal("1.0")
    strong_side_statements: int = 2


def load_thresholds(path: Path | None = None) -> Thresholds:
    """The thresholds of ``path`` (default: the shipped rules/verdict.json); a bad file is a ReasonerError."""
    source = path or VERDICT_RULES
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReasonerError(f"cannot read the verdict thresholds {source}: {exc}") from None
    if not isinstance(raw, dict):
        raise ReasonerError(f"{source}: expected a JSON object of thresholds")
    known = {f.name: f for f in fields(Thresholds)}
    unknown = sorted(k for k in raw if k not in known and not k.startswith("_"))
    if unknown:
        raise ReasonerError(f"{source}: unknown thresholds {', '.join(unknown)}; known: {', '.join(known)}")
    values: dict[str, int | Decimal] = {}
    for name, f in known.items():
        if name in raw:
            values[name] = _number(source, name, raw[name], integer=f.type in (int, "int"))
    return Thresholds(**values)  # type: ignore[arg-type]


def _number(source: Path, name: str, value: object, *, integer: bool) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ReasonerError(f"{source}: {name} must be a number, not {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ReasonerError(f"{source}: {name} must be a number, not {value!r}") from None
    if number < 0 or (integer and number != number.to_integral_value()):
        raise ReasonerError(f"{source}: {name} must be a {'whole ' if integer else ''}number ≥ 0, not {value!r}")
    return int(number) if integer else number


@dataclass(frozen=True, slots=True)
class Item:
    """One evidence statement bearing on a strategy, as the verdict sees it."""

    iri: str
    text: str
    strength: Decimal  # rounded as stored, so a full and an incremental run add up the same numbers
    accepted: bool
    sides: frozenset[Side]


@dataclass(frozen=True, slots=True)
class Tally:
    """One side: its weight, its distinct statements (one IRI per distinct text) and every accepted copy."""

    weight: Decimal
    distinct: tuple[str, ...]
    accepted: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.distinct)


def tally(items: Iterable[Item], side: Side) -> Tally:
    best: dict[str, Item] = {}
    copies: list[str] = []
    for item in items:
        if not item.accepted or side not in item.sides:
            continue
        copies.append(item.iri)
        key = " ".join(item.text.split()).casefold() or item.iri
        held = best.get(key)
        if held is None or (item.strength, held.iri) > (held.strength, item.iri):
            best[key] = item
    weight = sum((i.strength for i in best.values()), Decimal(0))
    return Tally(weight, tuple(sorted(i.iri for i in best.values())), tuple(sorted(copies)))


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: VerdictClass
    rule: Rule
    price: Tally
    value: Tally
    rests_on: tuple[str, ...]  # the evidence the class rests on (both sides for mixed)


def decide(items: Iterable[Item], thresholds: Thresholds) -> Decision:
    """Classify from the two sides' tallies, abstaining when the evidence does not settle it."""
    listed = list(items)
    price, value = tally(listed, Side.PRICE), tally(listed, Side.VALUE)
    verdict, rule = _verdict(price, value, thresholds)
    return Decision(verdict, rule, price, value, _rests_on(listed, verdict))


def _verdict(price: Tally, value: Tally, t: Thresholds) -> tuple[VerdictClass, Rule]:
    distinct = len(set(price.distinct) | set(value.distinct))
    if distinct < t.min_statements or price.weight + value.weight < t.min_weight:
        return VerdictClass.UNDETERMINED, Rule.TOO_LITTLE_EVIDENCE
    if _prevails(price, value, t):
        return VerdictClass.PRICE_LEVEL, Rule.PRICE_SIDE_PREVAILS
    if _prevails(value, price, t):
        return VerdictClass.VALUE_LEVEL, Rule.VALUE_SIDE_PREVAILS
    if _strong(price, t) and _strong(value, t):
        return VerdictClass.MIXED, Rule.BOTH_SIDES_STRONG
    return VerdictClass.UNDETERMINED, Rule.NO_SIDE_PREVAILS


def _prevails(winner: Tally, loser: Tally, t: Thresholds) -> bool:
    return (winner.count >= t.min_winner_statements and winner.weight - loser.weight >= t.win_margin
            and winner.weight >= t.win_ratio * loser.weight)


def _strong(side: Tally, t: Thresholds) -> bool:
    return side.weight >= t.strong_side_weight and side.count >= t.strong_side_statements


def _rests_on(items: list[Item], verdict: VerdictClass) -> tuple[str, ...]:
    """Price-level rests on evidence that is price-driven only (value-level likewise); mixed on both sides."""
    wanted = {VerdictClass.PRICE_LEVEL: {Side.PRICE}, VerdictClass.VALUE_LEVEL: {Side.VALUE}}.get(verdict)
    if verdict is VerdictClass.UNDETERMINED:
        return ()
    if wanted is None:  # mixed
        return tuple(sorted({i.iri for i in items if i.accepted and i.sides}))
    return tuple(sorted({i.iri for i in items if i.accepted and i.sides == wanted}))




def rule_text(rule: Rule, t: Thresholds) -> str:
    """The threshold behind a rule, in words, with the numbers of rules/verdict.json."""
    wins = (f"a side prevails with at least {t.min_winner_statements} distinct statements, ahead of the other "
            f"by at least {t.win_margin} in weight and at least {t.win_ratio}× its weight")
    strong = f"a side is strong with weight at least {t.strong_side_weight} from at least {t.strong_side_statements} statements"
    return {
        Rule.TOO_LITTLE_EVIDENCE: (f"a verdict needs at least {t.min_statements} distinct accepted price- or value-driven "
                                   f"statements and a total weight of at least {t.min_weight}"),
        Rule.PRICE_SIDE_PREVAILS: wins,
        Rule.VALUE_SIDE_PREVAILS: wins,
        Rule.BOTH_SIDES_STRONG: f"neither side prevails ({wins}), and both are strong ({strong})",
        Rule.NO_SIDE_PREVAILS: f"neither side prevails ({wins}), and they are not both strong ({strong})",
    }[rule]


def rule_of(iri: str) -> Rule | None:
    return next((r for r in Rule if str(r.iri) == iri), None)


__all__ = ["CLASSIFICATIONS", "Decision", "Item", "Rule", "Side", "Tally", "Thresholds", "VerdictClass",
           "decide", "load_thresholds", "rule_of", "rule_text", "tally"]
