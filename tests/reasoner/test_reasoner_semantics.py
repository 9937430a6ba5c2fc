"""Grounded labelling, DF-QuAD strengths and the support-as-preference step, on hand-checked frameworks."""

from __future__ import annotations

import random

import pytest

from argmap.reasoner.semantics import (
    Balance, Framework, Label, Model, aggregate, balance, combine, defeats, dfquad, energy_strength, evaluate,
    gradual, grounded, lead,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def _attackers(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        out[b].append(a)
    return out


@pytest.mark.parametrize(
    ("n", "attacks", "expected"),
    [
        (1, [], [IN]),  # unattacked
        (2, [(0, 1)], [IN, OUT]),
        (3, [(0, 1), (1, 2)], [IN, OUT, IN]),  # reinstatement
        (2, [(0, 1), (1, 0)], [UNDEC, UNDEC]),  # mutual attack
        (3, [(0, 1), (1, 2), (2, 0)], [UNDEC, UNDEC, UNDEC]),  # odd cycle
        (1, [(0, 0)], [UNDEC]),  # self-attack
        (2, [(0, 0), (0, 1)], [UNDEC, UNDEC]),  # attacked only by an undecided argument
        (3, [(0, 1), (1, 0), (2, 1)], [IN, OUT, IN]),  # a cycle broken from outside
        (4, [(0, 1), (1, 2), (2, 3), (3, 2)], [IN, OUT, UNDEC, UNDEC]),
        (4, [(0, 1), (1, 2), (2, 1), (1, 3)], [IN, OUT, IN, IN]),
    ],
)
def test_grounded_labelling(n: int, attacks: list[tuple[int, int]], expected: list[Label]) -> None:
    assert grounded(_attackers(n, attacks)) == expected


def _grounded_by_fixpoint(n: int, attackers: list[list[int]]) -> list[Label]:
    """Textbook definition: iterate the characteristic function from the empty set."""
    accepted: set[int] = set()
    while True:
        defeated = {b for b in range(n) if any(a in accepted for a in attackers[b])}
        nxt = {b for b in range(n) if all(a in defeated for a in attackers[b])}
        if nxt == accepted:
            break
        accepted = nxt
    defeated = {b for b in range(n) if any(a in accepted for a in attackers[b])}
    return [IN if a in accepted else OUT if a in defeated else UNDEC for a in range(n)]


@pytest.mark.parametrize("seed", range(25))
def test_grounded_matches_the_characteristic_function_on_random_graphs(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 30)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 3 * n))]
    att = _attackers(n, edges)
    assert grounded(att) == _grounded_by_fixpoint(n, att)


@pytest.mark.parametrize(
    ("base", "attack", "support", "expected"),
    [
        (0.5, 0.0, 0.0, 0.5),
        (0.5, 0.6, 0.0, 0.2),  # 0.5 − 0.5·0.6
        (0.5, 0.0, 0.6, 0.8),  # 0.5 + 0.5·0.6
        (0.5, 0.6, 0.6, 0.5),
        (0.4, 1.0, 0.0, 0.0),
        (0.4, 0.0, 1.0, 1.0),
    ],
)
def test_dfquad_combination(base: float, attack: float, support: float, expected: float) -> None:
    assert combine(base, attack, support) == pytest.approx(expected)


def test_aggregate_is_the_probabilistic_sum() -> None:
    assert aggregate([]) == 0.0
    assert aggregate([0.6, 0.5]) == pytest.approx(1 - 0.4 * 0.5)


def test_dfquad_on_a_chain_propagates() -> None:
    # 0 attacks 1, 1 supports 2: σ1 = 0.5 − 0.5·0.6 = 0.2; σ2 = 0.5 + 0.5·0.2 = 0.6
    fw = Framework([0.6, 0.5, 0.5])
    fw.add_attack(0, 1)
    fw.add_support(1, 2)
    res = dfquad(fw)
    assert res.converged
    assert res.strength == pytest.approx([0.6, 0.2, 0.6])


def test_dfquad_mutual_attack_reaches_its_fixpoint() -> None:
    # σ = 0.5 − 0.5·σ has the fixpoint 1/3
    fw = Framework([0.5, 0.5])
    fw.add_attack(0, 1)
    fw.add_attack(1, 0)
    res = dfquad(fw, tolerance=1e-9)
    assert res.converged
    assert res.strength == pytest.approx([1 / 3, 1 / 3], abs=1e-6)


def test_dfquad_stops_at_the_round_cap() -> None:
    fw = Framework([0.5, 0.5])
    fw.add_attack(0, 1)
    fw.add_attack(1, 0)
    res = dfquad(fw, tolerance=0.0, max_rounds=3)
    assert res.rounds == 3 and not res.converged


@pytest.mark.parametrize(
    ("base", "energy", "expected"),
    [
        (0.5, 0.0, 0.5),
        (0.5, 1.0, 0.75),  # h(1) = 1/2: 0.5 + 0.5·0.5
        (0.5, -1.0, 0.25),
        (0.6, -2.0, 0.12),  # h(2) = 4/5: 0.6 − 0.6·0.8
        (0.4, 3.0, 0.94),  # h(3) = 9/10: 0.4 + 0.6·0.9
    ],
)
def test_quadratic_energy_strength(base: float, energy: float, expected: float) -> None:
    assert energy_strength(base, energy) == pytest.approx(expected)


def test_quadratic_energy_does_not_saturate_like_dfquad() -> None:
    # Four supporters against ten attackers: DF-QuAD's products both approach 1 and the claim looks
    # neutral; the energy model sees the objections outnumber the grounds.
    fw = Framework([0.5] + [0.65] * 14)
    for i in range(1, 5):
        fw.add_support(i, 0)
    for i in range(5, 15):
        fw.add_attack(i, 0)
    assert dfquad(fw).strength[0] > 0.45
    assert gradual(fw, model=Model.QUADRATIC_ENERGY).strength[0] < 0.1


def test_quadratic_energy_mutual_support_reaches_its_fixpoint() -> None:
    fw = Framework([0.5, 0.5])
    fw.add_support(0, 1)
    fw.add_support(1, 0)
    res = gradual(fw, tolerance=1e-10, max_rounds=1000)
    assert res.converged
    x = res.strength[0]
    assert x == pytest.approx(energy_strength(0.5, x), abs=1e-6)  # a true fixpoint
    assert res.strength[0] == pytest.approx(res.strength[1])


@pytest.mark.parametrize("model", list(Model))
@pytest.mark.parametrize("seed", range(10))
def test_strengths_stay_in_the_unit_interval_on_random_cyclic_graphs(model: Model, seed: int) -> None:
    rng = random.Random(seed)
    n = 200
    fw = Framework([rng.random() for _ in range(n)])
    for _ in range(3 * n):
        a, b = rng.randrange(n), rng.randrange(n)
        (fw.add_support if rng.random() < 0.5 else fw.add_attack)(a, b)
    res = evaluate(fw, model=model)
    assert all(0.0 <= x <= 1.0 for x in res.strength)
    assert res.converged


@pytest.mark.parametrize(
    ("model", "supports", "attacks", "expected"),
    [
        (Model.QUADRATIC_ENERGY, [0.9], [], Balance.UNOPPOSED),
        (Model.QUADRATIC_ENERGY, [], [0.6], Balance.OBJECTIONS_PREVAIL),  # −0.6
        (Model.QUADRATIC_ENERGY, [0.6, 0.7], [0.45], Balance.GROUNDS_PREVAIL),  # +0.85
        (Model.QUADRATIC_ENERGY, [0.6, 0.7], [0.45, 0.6], Balance.BALANCED),  # +0.25
        (Model.QUADRATIC_ENERGY, [0.6] * 3, [0.6] * 4, Balance.OBJECTIONS_PREVAIL),  # −0.6
        (Model.DF_QUAD, [0.6, 0.7], [0.45, 0.6], Balance.GROUNDS_PREVAIL),  # 2.12 vs 1.51 on −ln(1 − v)
        (Model.DF_QUAD, [0.6], [0.6], Balance.BALANCED),
        (Model.DF_QUAD, [0.6] * 3, [0.6] * 5, Balance.OBJECTIONS_PREVAIL),  # 2.75 vs 4.58
    ],
)
def test_balance_of_grounds_and_objections(model: Model, supports: list[float], attacks: list[float],
                                           expected: Balance) -> None:
    assert balance(lead(model, supports, attacks), attacked=bool(attacks), margin=0.5) is expected


def _claim_with(supports: list[float], attacks: list[float]) -> Framework:
    fw = Framework([0.5] + supports + attacks)
    for i in range(len(supports)):
        fw.add_support(1 + i, 0)
    for j in range(len(attacks)):
        fw.add_attack(1 + len(supports) + j, 0)
    return fw


@pytest.mark.parametrize(
    ("supports", "attacks", "label"),
    [
        ([], [0.6], OUT),  # plain Dung: an accepted attacker defeats
        ([0.6, 0.7], [0.45], IN),  # grounds prevail: the attack does not defeat
        ([0.6], [0.6], UNDEC),  # balanced: the open question
        ([0.6, 0.6, 0.6], [0.6] * 5, OUT),  # objections prevail
        ([0.6], [], IN),
    ],
)
def test_supports_enter_as_preferences(supports: list[float], attacks: list[float], label: Label) -> None:
    res = evaluate(_claim_with(supports, attacks))
    assert res.labels[0] is label
    # Evidence keeps its own status whatever the claim's balance: nothing attacks it.
    assert all(lab is IN for lab in res.labels[1:])


def test_a_balanced_claim_is_attacked_only_by_its_open_question() -> None:
    fw = _claim_with([0.6], [0.6])
    dg = defeats(fw, dfquad(fw).strength)
    assert dg.balances[0] is Balance.BALANCED
    attackers = dg.attackers()
    assert len(attackers) == fw.size + 1  # one auxiliary argument
    question = fw.size
    assert attackers[0] == [question] and attackers[question] == [question]
    assert grounded(attackers)[question] is UNDEC
