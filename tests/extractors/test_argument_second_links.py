"""A long article's evidence may ground a second claim (relations.second_links): when, and when not."""

from __future__ import annotations

import math

import pytest

from argmap.extractors.components.argument.features import Node
from argmap.extractors.components.argument.relations import second_links

THRESHOLD = 0.3


def _graph(*, long: bool, source_evidence: bool = True) -> list[Node]:
    # 0: the thesis, 1 and 2: claims, 3: the source (second_links reads only index, evidence, long, thesis)
    kinds = [False, False, False, source_evidence]
    return [Node(i, None, evidence=e, thesis=i == 0, head=False, keys=frozenset(), long=long)  # type: ignore[arg-type]
            for i, e in enumerate(kinds)]


def _scores(best: float, second: float, third: float = 0.01) -> dict[tuple[int, int], float]:
    """(target, source) -> log-probability, as relations.tree keeps them: the best is claim 2."""
    return {(2, 3): math.log(best), (1, 3): math.log(second), (0, 3): math.log(third)}


@pytest.mark.parametrize(
    ("long", "source_evidence", "second", "forced", "threshold", "expected"),
    [
        (True, True, 0.45, False, THRESHOLD, [(3, 1)]),  # the model gives the next claim a fair chance too
        (True, True, 0.20, False, THRESHOLD, []),  # too weak a second
        (False, True, 0.45, False, THRESHOLD, []),  # a short text argues in a tree (the microtexts)
        (True, False, 0.45, False, THRESHOLD, []),  # a claim keeps its one edge: the tree of claims stays a tree
        (True, True, 0.45, True, THRESHOLD, []),  # an edge a marker fixed (例如, therefore) is the only one
        (True, True, 0.45, False, None, []),  # switched off
    ],
)
def test_second_links(long: bool, source_evidence: bool, second: float, forced: bool, threshold: float | None,
                      expected: list[tuple[int, int]]) -> None:
    graph = _graph(long=long, source_evidence=source_evidence)
    fixed = {3: (2, False)} if forced else {}
    links = second_links(graph, {1: 0, 2: 0, 3: 2}, _scores(0.6, second), fixed, threshold)
    assert [(link.source.index, link.target.index) for link in links] == expected


def test_the_second_link_is_never_the_first_again() -> None:
    graph = _graph(long=True)
    scores = _scores(0.6, 0.5)
    links = second_links(graph, {1: 0, 2: 0, 3: 1}, scores, {}, THRESHOLD)  # decoded to claim 1, not the best
    assert [(link.source.index, link.target.index) for link in links] == [(3, 2)]
