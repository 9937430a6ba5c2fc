"""The computed hierarchical layout on argument shapes built by hand."""

from __future__ import annotations

import pytest

from argmap.viz.layout import MAX_CLAIM_DEPTH, MIN_SHELF_WIDTH, STATEMENT_SLOT, argument_groups, claim_depths, layered_positions
from argmap.viz.viewmodel import Edge, EdgeKind, EntityKind, EntityNode, NodeKind, Passage, StatementNode, ViewModel


def vm_of(claims: list[str], evidence: list[str], edges: list[tuple[str, str, str]], entities: list[str] = ()) -> ViewModel:
    statements = {k: StatementNode(k, NodeKind.CLAIM, k, None, Passage(k, 0, len(k))) for k in claims}
    statements |= {k: StatementNode(k, NodeKind.EVIDENCE, k, None, Passage(k, 0, len(k))) for k in evidence}
    ents = {k: EntityNode(k, EntityKind.BRAND, label_zh=k) for k in entities}
    return ViewModel({}, statements, ents, [Edge(a, b, EdgeKind(kind)) for a, b, kind in edges])


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([], {"a": 0, "b": 0}),
        ([("b", "a", "supports")], {"a": 0, "b": 1}),
        ([("b", "a", "supports"), ("a", "b", "undermines")], None),  # a cycle: bounded, no hang
    ],
)
def test_claim_depths(edges: list[tuple[str, str, str]], expected: dict[str, int] | None) -> None:
    depths = claim_depths(vm_of(["a", "b"], [], edges))
    if expected is None:
        assert all(0 <= d <= MAX_CLAIM_DEPTH for d in depths.values())
    else:
        assert depths == expected


def test_groups_are_joined_by_argument_edges_only() -> None:
    vm = vm_of(["a", "b", "c"], ["e"], [("e", "a", "supports"), ("b", "a", "undermines"), ("c", "x", "mentions")], ["x"])
    assert [sorted(g) for g in argument_groups(vm)] == [["a", "b", "e"], ["c"]]


def test_chain_is_drawn_top_down_with_evidence_last() -> None:
    vm = vm_of(["top", "mid"], ["ev"], [("mid", "top", "supports"), ("ev", "mid", "supports")], ["brand"])
    vm.edges.append(Edge("ev", "brand", EdgeKind.MENTIONS))
    pos = layered_positions(vm)
    assert pos["top"][1] < pos["mid"][1] < pos["ev"][1] < pos["brand"][1]


def test_many_unconnected_claims_wrap_onto_shelves() -> None:
    claims = [f"c{i}" for i in range(100)]
    pos = layered_positions(vm_of(claims, [], []))
    xs = [p[0] for p in pos.values()]
    assert max(xs) - min(xs) <= MIN_SHELF_WIDTH
    assert len({p[1] for p in pos.values()}) > 1
    assert len(set(pos.values())) == 100
    for a in pos.values():  # boxes do not overlap: same row means at least one slot apart
        assert all(a == b or a[1] != b[1] or abs(a[0] - b[0]) >= STATEMENT_SLOT for b in pos.values())
