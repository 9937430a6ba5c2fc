"""Argumentation semantics over a bipolar framework: grounded labelling and gradual strengths.

Both run on adjacency lists in compressed form (CSR arrays, one per edge kind) with worklists
(frontiers of arguments whose inputs changed), processed a frontier at a time with numpy, so
their cost grows with the number of edges, never with the square of the number of arguments.

* ``gradual`` — two gradual semantics; each argument ``a`` has a base score ``τ(a)``:

  - quadratic energy (Potyka 2018; the default): the energy ``E = Σσ(supporters) − Σσ(attackers)``
    moves ``a`` by ``h(x) = x²/(1 + x²)``: ``σ = τ − τ·h(−E)`` when ``E < 0``, else
    ``σ = τ + (1 − τ)·h(E)``. Sums do not saturate: ten objections weigh more than four.
  - DF-QuAD (Rago et al. 2016): attackers aggregate to ``va = 1 − Π(1 − σ(x))``, supporters to
    ``vs`` likewise; ``σ = τ − τ·(va − vs)`` when ``va ≥ vs``, else ``σ = τ + (1 − τ)·(vs − va)``.

  On cyclic graphs the update is iterated from ``σ = τ`` (Jacobi rounds) until no argument moves
  by more than ``tolerance`` or ``max_rounds`` is reached; only arguments whose inputs moved are
  recomputed in the next round.
* ``grounded`` — Dung's grounded labelling (the least fixpoint of the characteristic function):
  unattacked arguments are IN, whatever an IN argument attacks is OUT, an argument whose
  attackers are all OUT is IN; what is left (cycles without an IN entry) is UNDEC.
* ``defeats`` — turns the bipolar framework into the Dung framework that ``grounded`` labels;
  supports enter as preferences (see its docstring and rules/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Sequence

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]


class Label(str, Enum):
    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class Balance(str, Enum):
    """How an argument's grounds (supporters) compare with its objections (attackers)."""

    UNOPPOSED = "unopposed"  # no attackers
    GROUNDS_PREVAIL = "grounds-prevail"  # attacks do not defeat
    BALANCED = "balanced"  # the question stays open
    OBJECTIONS_PREVAIL = "objections-prevail"  # attacks defeat


# Energy by which grounds or objections must lead to prevail; closer than this, the question stays open.
# 0.2 is a third of one piece of evidence at strength 0.6: a near tie, not a narrow win.
DEFAULT_MARGIN = 0.2


class Model(str, Enum):
    """The gradual semantics: how supporters' and attackers' strengths move an argument from its base score."""

    QUADRATIC_ENERGY = "quadratic-energy"
    DF_QUAD = "df-quad"


@dataclass(slots=True)
class Framework:
    """A bipolar argumentation framework on arguments ``0 … n−1`` with base scores in [0, 1]."""

    base: list[float]
    support_edges: list[tuple[int, int]] = field(default_factory=list)  # (source, target)
    attack_edges: list[tuple[int, int]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.base)

    def add_support(self, source: int, target: int) -> None:
        self.support_edges.append((source, target))

    def add_attack(self, source: int, target: int) -> None:
        self.attack_edges.append((source, target))

    def edge_count(self) -> int:
        return len(self.support_edges) + len(self.attack_edges)


@dataclass(frozen=True, slots=True)
class Csr:
    """Adjacency lists in compressed form: the neighbours of ``v`` are ``idx[ptr[v]:ptr[v + 1]]``."""

    ptr: Ints
    idx: Ints

    @staticmethod
    def build(n: int, keys: Ints, values: Ints) -> Csr:
        order = np.argsort(keys, kind="stable")
        counts = np.bincount(keys, minlength=n)
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr[1:])
        return Csr(ptr, values[order].astype(np.int64, copy=False))

    def degree(self, nodes: Ints) -> Ints:
        return self.ptr[nodes + 1] - self.ptr[nodes]

    def gather(self, nodes: Ints) -> tuple[Ints, Ints]:
        """All neighbours of ``nodes``, and for each the position in ``nodes`` it belongs to."""
        deg = self.degree(nodes)
        total = int(deg.sum())
        owner = np.repeat(np.arange(len(nodes), dtype=np.int64), deg)
        if total == 0:
            return np.empty(0, dtype=np.int64), owner
        starts = np.repeat(self.ptr[nodes] - np.concatenate(([0], np.cumsum(deg)[:-1])), deg)
        return self.idx[starts + np.arange(total, dtype=np.int64)], owner


def _edges(pairs: Sequence[tuple[int, int]]) -> tuple[Ints, Ints]:
    if not pairs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    arr = np.asarray(pairs, dtype=np.int64)
    return arr[:, 0], arr[:, 1]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A framework as arrays: incoming supports / attacks per argument, and everyone each argument feeds."""

    base: Floats
    supporters: Csr
    attackers: Csr
    successors: Csr

    @staticmethod
    def of(fw: Framework) -> Compiled:
        n = fw.size
        base = np.clip(np.asarray(fw.base, dtype=np.float64), 0.0, 1.0)
        s_src, s_dst = _edges(fw.support_edges)
        a_src, a_dst = _edges(fw.attack_edges)
        return Compiled(
            base,
            Csr.build(n, s_dst, s_src),
            Csr.build(n, a_dst, a_src),
            Csr.build(n, np.concatenate((s_src, a_src)), np.concatenate((s_dst, a_dst))),
        )


@dataclass(frozen=True, slots=True)
class GradualResult:
    strength: list[float]
    rounds: int
    converged: bool


def aggregate(values: Sequence[float]) -> float:
    """DF-QuAD's probabilistic sum: 1 − Π(1 − v)."""
    rest = 1.0
    for v in values:
        rest *= 1.0 - v
    return 1.0 - rest


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination of a base score with aggregated attack and support."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _aggregate_into(csr: Csr, nodes: Ints, strength: Floats) -> Floats:
    """1 − Π(1 − σ(x)) over each node's neighbours in ``csr``, for every node of ``nodes`` at once."""
    neighbours, owner = csr.gather(nodes)
    rest = 1.0 - strength[neighbours]
    zero = np.bincount(owner[rest <= 0.0], minlength=len(nodes)) > 0  # a fully accepted input: product is 0
    with np.errstate(divide="ignore"):
        logs = np.log(np.where(rest > 0.0, rest, 1.0))
    product = np.exp(np.bincount(owner, weights=logs, minlength=len(nodes)))
    return np.where(zero, 1.0, 1.0 - product)


def _sum_into(csr: Csr, nodes: Ints, strength: Floats) -> Floats:
    neighbours, owner = csr.gather(nodes)
    return np.bincount(owner, weights=strength[neighbours], minlength=len(nodes)).astype(np.float64)


def _combine_all(base: Floats, attack: Floats, support: Floats) -> Floats:
    return np.where(attack >= support, base - base * (attack - support), base + (1.0 - base) * (support - attack))


def _energy_all(base: Floats, energy: Floats) -> Floats:
    pull = energy * energy / (1.0 + energy * energy)
    return np.where(energy < 0.0, base - base * pull, base + (1.0 - base) * pull)


def energy_strength(base: float, energy: float) -> float:
    """Quadratic energy model: σ = τ − τ·h(−E) for E < 0, τ + (1 − τ)·h(E) otherwise, h(x) = x²/(1 + x²)."""
    pull = energy * energy / (1.0 + energy * energy)
    return base - base * pull if energy < 0.0 else base + (1.0 - base) * pull


def _update(c: Compiled, model: Model, nodes: Ints, strength: Floats) -> Floats:
    if model is Model.DF_QUAD:
        return _combine_all(c.base[nodes], _aggregate_into(c.attackers, nodes, strength),
                            _aggregate_into(c.supporters, nodes, strength))
    energy = _sum_into(c.supporters, nodes, strength) - _sum_into(c.attackers, nodes, strength)
    return _energy_all(c.base[nodes], energy)


def gradual_arrays(c: Compiled, *, model: Model = Model.QUADRATIC_ENERGY, tolerance: float = 1e-6,
                   max_rounds: int = 200) -> tuple[Floats, int, bool]:
    """Strengths at the fixpoint (or after ``max_rounds``), the rounds used, and whether it converged."""
    strength = c.base.copy()
    n = len(strength)
    has_inputs = (c.supporters.degree(np.arange(n)) + c.attackers.degree(np.arange(n))) > 0
    frontier = np.flatnonzero(has_inputs)  # the worklist: arguments whose inputs may have moved
    pending = np.zeros(n, dtype=bool)
    rounds = 0
    while frontier.size and rounds < max_rounds:
        rounds += 1
        new = _update(c, model, frontier, strength)
        moved = np.abs(new - strength[frontier]) > tolerance
        changed = frontier[moved]
        strength[changed] = new[moved]  # Jacobi: every update of a round reads the previous round's values
        successors, _ = c.successors.gather(changed)
        pending[successors] = True  # a flag per argument dedupes the next worklist without sorting
        frontier = np.flatnonzero(pending)
        pending[frontier] = False
    return strength, rounds, frontier.size == 0


def gradual(fw: Framework, *, model: Model = Model.QUADRATIC_ENERGY, tolerance: float = 1e-6,
            max_rounds: int = 200) -> GradualResult:
    strength, rounds, converged = gradual_arrays(Compiled.of(fw), model=model, tolerance=tolerance,
                                                 max_rounds=max_rounds)
    return GradualResult(strength.tolist(), rounds, converged)


def dfquad(fw: Framework, *, tolerance: float = 1e-6, max_rounds: int = 200) -> GradualResult:
    """DF-QuAD strengths, iterated to a fixpoint over a worklist of changed arguments."""
    return gradual(fw, model=Model.DF_QUAD, tolerance=tolerance, max_rounds=max_rounds)


def evidence_weight(aggregated: float) -> float:
    """−ln(1 − v): DF-QuAD's probabilistic sum is additive on this scale, so sides compare without saturating."""
    return float(-np.log(max(1.0 - aggregated, 1e-12)))


def lead(model: Model, supports: Sequence[float], attacks: Sequence[float]) -> float:
    """How far the grounds outweigh the objections, on the model's additive scale (negative: objections lead).

    Quadratic energy: the energy Σσ(supporters) − Σσ(attackers). DF-QuAD: the same on the scale
    −ln(1 − v), where its probabilistic sum adds up.
    """
    if model is Model.DF_QUAD:
        return evidence_weight(aggregate(supports)) - evidence_weight(aggregate(attacks))
    return float(sum(supports) - sum(attacks))


def balance(lead_value: float, *, attacked: bool, margin: float) -> Balance:
    """A side prevails when it leads by more than ``margin``; otherwise the claim is balanced."""
    if not attacked:
        return Balance.UNOPPOSED
    if lead_value > margin:
        return Balance.GROUNDS_PREVAIL
    if lead_value < -margin:
        return Balance.OBJECTIONS_PREVAIL
    return Balance.BALANCED


_BALANCE_CODES = (Balance.UNOPPOSED, Balance.GROUNDS_PREVAIL, Balance.BALANCED, Balance.OBJECTIONS_PREVAIL)


@dataclass(frozen=True, slots=True)
class DefeatGraph:
    """The Dung framework for ``grounded``: edges ``src[i]`` defeats ``dst[i]``; arguments ≥ ``size`` are auxiliary."""

    size: int
    total: int  # arguments including the auxiliary ones
    src: Ints
    dst: Ints
    balance_codes: NDArray[np.int8]

    @property
    def balances(self) -> list[Balance]:
        return [_BALANCE_CODES[i] for i in self.balance_codes.tolist()]

    def attackers(self) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in range(self.total)]
        for s, d in zip(self.src.tolist(), self.dst.tolist()):
            out[d].append(s)
        return out


def _leads(c: Compiled, model: Model, strength: Floats) -> Floats:
    everyone = np.arange(len(strength), dtype=np.int64)
    if model is Model.DF_QUAD:
        wg = -np.log(np.maximum(1.0 - _aggregate_into(c.supporters, everyone, strength), 1e-12))
        wo = -np.log(np.maximum(1.0 - _aggregate_into(c.attackers, everyone, strength), 1e-12))
        return wg - wo
    return _sum_into(c.supporters, everyone, strength) - _sum_into(c.attackers, everyone, strength)


def defeats_arrays(c: Compiled, strength: Floats, *, model: Model = Model.QUADRATIC_ENERGY, margin: float = DEFAULT_MARGIN,
                   bipolar: NDArray[np.bool_] | None = None) -> DefeatGraph:
    n = len(strength)
    everyone = np.arange(n, dtype=np.int64)
    attacked = c.attackers.degree(everyone) > 0
    ahead = _leads(c, model, strength)
    codes = np.zeros(n, dtype=np.int8)  # UNOPPOSED
    codes[attacked & (ahead > margin)] = 1
    codes[attacked & (np.abs(ahead) <= margin)] = 2
    codes[attacked & (ahead < -margin)] = 3
    if bipolar is not None:
        codes[attacked & ~bipolar] = 3
    a_src, owner = c.attackers.gather(everyone)
    keep = codes[owner] == 3  # only where the objections prevail do the attacks defeat
    open_questions = np.flatnonzero(codes == 2)
    aux = n + np.arange(len(open_questions), dtype=np.int64)
    # Each open question attacks its claim and itself (a self-attacking argument is UNDEC).
    src = np.concatenate((a_src[keep], aux, aux))
    dst = np.concatenate((owner[keep], open_questions, aux))
    return DefeatGraph(n, n + len(open_questions), src, dst, codes)


def defeats(fw: Framework, strength: Sequence[float], *, model: Model = Model.QUADRATIC_ENERGY,
            margin: float = DEFAULT_MARGIN, bipolar: Sequence[bool] | None = None) -> DefeatGraph:
    """The attacks that defeat, with supports entering as preferences.

    For an argument ``a`` with attackers, its grounds (supporters) and objections (attackers) at
    the gradual fixpoint ``strength`` are compared by ``lead`` on the model's additive scale:

    * grounds prevail (they lead by more than ``margin``): ``a`` is preferred to its attackers,
      so their attacks do not defeat it (preference-based argumentation, Amgoud & Cayrol 2002);
    * objections prevail (they lead by more than ``margin``): every attack defeats, as in Dung's
      framework;
    * balanced: the attacks are replaced by one auxiliary self-attacking argument ("the open
      question") that attacks ``a`` — the standard encoding of an undecided attacker — so ``a``
      is UNDEC, while its attackers keep their own status.

    ``bipolar[a] = False`` exempts an argument from the preference step (its attacks always defeat).
    """
    mask = None if bipolar is None else np.asarray(bipolar, dtype=bool)
    return defeats_arrays(Compiled.of(fw), np.asarray(strength, dtype=np.float64), model=model, margin=margin,
                          bipolar=mask)


def grounded_arrays(total: int, src: Ints, dst: Ints) -> NDArray[np.int8]:
    """Grounded labelling (1 IN, 2 OUT, 0 UNDEC), a frontier of newly accepted arguments at a time."""
    targets = Csr.build(total, src, dst)
    live = np.bincount(dst, minlength=total).astype(np.int64)  # attackers not yet OUT
    label = np.zeros(total, dtype=np.int8)
    accepted = np.flatnonzero(live == 0)
    label[accepted] = 1
    while accepted.size:
        hit, _ = targets.gather(accepted)
        beaten = np.unique(hit[label[hit] == 0])
        label[beaten] = 2
        freed, _ = targets.gather(beaten)
        np.subtract.at(live, freed, 1)
        candidates = np.unique(freed)
        accepted = candidates[(live[candidates] == 0) & (label[candidates] == 0)]
        label[accepted] = 1
    return label


_LABELS = (Label.UNDEC, Label.IN, Label.OUT)


def grounded(attackers: Sequence[Sequence[int]]) -> list[Label]:
    """Grounded labelling of a Dung framework given each argument's attackers."""
    pairs = [(x, b) for b, xs in enumerate(attackers) for x in xs]
    src, dst = _edges(pairs)
    return [_LABELS[i] for i in grounded_arrays(len(attackers), src, dst).tolist()]


@dataclass(frozen=True, slots=True)
class Evaluation:
    strength: list[float]
    labels: list[Label]
    balances: list[Balance]
    rounds: int
    converged: bool


def evaluate(fw: Framework, *, model: Model = Model.QUADRATIC_ENERGY, margin: float = DEFAULT_MARGIN,
             tolerance: float = 1e-6, max_rounds: int = 200, bipolar: Sequence[bool] | None = None) -> Evaluation:
    """Gradual strengths first, then the grounded labelling of the preference-filtered attacks."""
    c = Compiled.of(fw)
    strength, rounds, converged = gradual_arrays(c, model=model, tolerance=tolerance, max_rounds=max_rounds)
    mask = None if bipolar is None else np.asarray(bipolar, dtype=bool)
    dg = defeats_arrays(c, strength, model=model, margin=margin, bipolar=mask)
    codes = grounded_arrays(dg.total, dg.src, dg.dst)[: fw.size]
    return Evaluation(strength.tolist(), [_LABELS[i] for i in codes.tolist()], dg.balances, rounds, converged)
