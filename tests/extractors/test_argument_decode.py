"""The global tree decoder against brute force on small random graphs, and on the case greedy decoding loses."""

from __future__ import annotations

import itertools
import random

import pytest

from argmap.extractors.components.argument.decode import arborescence


def _is_tree(parent: dict[int, int], root: int) -> bool:
    for start in parent:
        seen, node = set(), start
        while node != root:
            if node in seen or node not in parent:
                return False
            seen.add(node)
            node = parent[node]
    return True


def _brute_force(nodes: list[int], root: int, scores: dict[tuple[int, int], float]) -> float:
    deps = [n for n in nodes if n != root]
    options = [[h for h in nodes if (h, d) in scores] for d in deps]
    best = float("-inf")
    for heads in itertools.product(*options):
        parent = dict(zip(deps, heads))
        if _is_tree(parent, root):
            best = max(best, sum(scores[(h, d)] for d, h in parent.items()))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_the_decoder_finds_the_best_tree(seed: int) -> None:
    rng = random.Random(seed)
    nodes = list(range(rng.randint(2, 6)))
    scores = {(0, d): rng.uniform(-3, 1) for d in nodes[1:]}  # the root can reach every node
    scores |= {(h, d): rng.uniform(-3, 3) for h in nodes for d in nodes[1:] if h != d and rng.random() < 0.7}
    parent = arborescence(nodes, 0, scores)
    assert set(parent) == set(nodes[1:]) and _is_tree(parent, 0)
    assert sum(scores[(h, d)] for d, h in parent.items()) == pytest.approx(_brute_force(nodes, 0, scores))


def test_two_statements_that_each_prefer_the_other_do_not_lose_the_better_pair() -> None:
    # 1 would attach forward to 2 (score 1.0), 2 back to 1 (score 2.0): the best tree keeps 2 -> 1
    scores = {(0, 1): -1.0, (0, 2): -3.0, (2, 1): 1.0, (1, 2): 2.0}
    assert arborescence([0, 1, 2], 0, scores) == {1: 0, 2: 1}
