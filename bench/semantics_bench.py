"""Scaling of the argumentation semantics: grounded labelling, quadratic energy and DF-QuAD on 1k–100k arguments.

Frameworks are random sparse graphs (on average ``--edges`` outgoing edges per argument, half supports
and half attacks, with cycles). The baseline is the smallest size measured in the same run; the
figure that matters is the growth ratio per 10× more arguments (target: at most about 12×, i.e.
near-linear in edges).

    .venv/bin/python bench/semantics_bench.py [--sizes 1000 10000 100000] [--edges 2.5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from typing import Callable

from argmap.reasoner.semantics import Compiled, Framework, Model, defeats_arrays, gradual_arrays, grounded_arrays


@dataclass(frozen=True, slots=True)
class Timing:
    size: int
    edges: int
    grounded: float
    energy: float
    dfquad: float
    rounds: tuple[int, int]
    converged: bool


def random_framework(n: int, edges_per_node: float, seed: int) -> Framework:
    rng = random.Random(seed)
    fw = Framework([rng.uniform(0.3, 0.8) for _ in range(n)])
    for _ in range(int(n * edges_per_node)):
        a, b = rng.randrange(n), rng.randrange(n)
        (fw.add_support if rng.random() < 0.5 else fw.add_attack)(a, b)
    return fw


def best_of(repeat: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def measure(n: int, edges_per_node: float, repeat: int) -> Timing:
    fw = random_framework(n, edges_per_node, seed=n)
    compiled = Compiled.of(fw)
    t_energy, energy = best_of(repeat, lambda: gradual_arrays(compiled, model=Model.QUADRATIC_ENERGY))
    t_dfquad, dfq = best_of(repeat, lambda: gradual_arrays(compiled, model=Model.DF_QUAD))
    strength, rounds, converged = energy  # type: ignore[misc]

    def labelling() -> object:
        # Grounded over the preference-filtered attacks, as the reasoner runs it (defeats included).
        dg = defeats_arrays(compiled, strength)
        return grounded_arrays(dg.total, dg.src, dg.dst)

    t_grounded, _ = best_of(repeat, labelling)
    return Timing(n, fw.edge_count(), t_grounded, t_energy, t_dfquad, (rounds, dfq[1]),  # type: ignore[index]
                  converged and dfq[2])  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--edges", type=float, default=2.5, help="edges per argument")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per size")
    args = parser.parse_args()

    rows = [measure(n, args.edges, args.repeat) for n in args.sizes]
    print(f"{'arguments':>10} {'edges':>10} {'grounded s':>11} {'QE s':>8} {'DF-QuAD s':>10} {'rounds QE/DF':>13} converged")
    for r in rows:
        print(f"{r.size:>10,} {r.edges:>10,} {r.grounded:>11.4f} {r.energy:>8.4f} {r.dfquad:>10.4f} "
              f"{r.rounds[0]:>6}/{r.rounds[1]:<6} {r.converged}")
    base = rows[0]
    print(f"\nbaseline: {base.size:,} arguments in this run; growth per 10x more arguments (target <= ~12x):")
    for prev, cur in zip(rows, rows[1:]):
        per10 = (cur.size / prev.size) / 10  # normalise if sizes are not exactly 10x apart
        print(f"  {prev.size:>9,} -> {cur.size:<9,}  grounded x{cur.grounded / prev.grounded / per10:.1f}   "
              f"quadratic energy x{cur.energy / prev.energy / per10:.1f}   DF-QuAD x{cur.dfquad / prev.dfquad / per10:.1f}")

if __name__ == "__main__":
    main()
