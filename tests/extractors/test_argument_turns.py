"""``features.turned_against`` marks the units before each turn from the turns alone; it must say what the plain
reading says: for each unit, whether one of the next TURN_REACH units opens a later sentence with a contrast or
counter marker."""

from __future__ import annotations

import itertools

from argmap.extractors.components.argument.features import TURN_REACH, _turns, turned_against
from argmap.extractors.components.argument.model import ArgUnit
from argmap.extractors.state import Marker, MarkerRole


def _plain(units: list[ArgUnit]) -> list[bool]:
    turns = [_turns(units, j) for j in range(len(units))]
    return [any(turns[j] and units[j].sentence != u.sentence for j in range(i + 1, min(len(units), i + 1 + TURN_REACH)))
            for i, u in enumerate(units)]


def _unit(at: int, sentence: int, role: MarkerRole | None) -> ArgUnit:
    marker = Marker("但", role, at, at + 1) if role is not None else None
    return ArgUnit(at, at + 5, "但是这样", sentence, 0, 0, marker=marker)


def test_turned_against_agrees_with_the_plain_reading() -> None:
    # every run of up to five units: each opens a new sentence or goes on with the one before, and carries a turn
    # (a contrast or counter marker), another marker or none
    roles = (None, MarkerRole.ATTACK, MarkerRole.COUNTER, MarkerRole.SUPPORT)
    checked = 0
    for n in range(6):
        for shape in itertools.product([(True, r) for r in roles] + [(False, r) for r in roles], repeat=n):
            units, sentence = [], -1
            for k, (new_sentence, role) in enumerate(shape):
                sentence += 1 if new_sentence or k == 0 else 0
                units.append(_unit(10 * k, sentence, role))
            assert turned_against(units) == _plain(units), shape
            checked += any(turned_against(units))
    assert checked > 1000  # many runs had a turn
