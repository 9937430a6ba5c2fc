"""The shipped polarity model on the turns of a long article: "A. Yet B" — B turns against what comes right before
it, so A, grounding B, bears against it; the same pair with no turn, or with the turn further on, is support."""

from __future__ import annotations

from argmap.extractors.components.argument.features import Node, PolarityScorer
from argmap.extractors.components.argument.model import ArgUnit
from argmap.extractors.components.argument.relations import load_model
from argmap.extractors.state import Marker, MarkerRole

GROUNDS = "At home, Zandia sells its cars at luxury prices to a loyal base of buyers."
TURN = "Yet Zandia will struggle to win buyers from the leaders in Europe."
PLAIN = "Zandia will struggle to win buyers from the leaders in Europe."
BETWEEN = "Its cars sell at full price there."


def _node(index: int, text: str, *, evidence: bool, turn: bool = False) -> Node:
    start = 100 * index
    marker = Marker("Yet", MarkerRole.ATTACK, start, start + 3) if turn else None
    unit = ArgUnit(start, start + len(text), text, index, index, 0, marker=marker)
    return Node.of(index, unit, frozenset(), {}, evidence=evidence, thesis=False, head=not evidence, long=True)


def _attack(source: Node, target: Node) -> bool:
    model = load_model()
    probability = PolarityScorer(model.attack).probability(source, target, dissent=False, negation_differs=False,
                                                            lean=0.0)
    return probability > model.attack_threshold


def test_what_comes_right_before_a_turn_bears_against_it() -> None:
    grounds = _node(0, GROUNDS, evidence=True)
    assert _attack(grounds, _node(1, TURN, evidence=False, turn=True))
    assert not _attack(grounds, _node(1, PLAIN, evidence=False))
    # the turn answers the statement right before it, not one further back
    assert not _attack(grounds, _node(2, TURN, evidence=False, turn=True))
    assert _attack(_node(1, BETWEEN, evidence=True), _node(2, TURN, evidence=False, turn=True))
