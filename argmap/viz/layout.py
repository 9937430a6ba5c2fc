"""The hierarchical layout, computed here rather than by vis-network: claims on top, evidence below.

vis' own hierarchical layout puts every node of a level on one row, so a real article (dozens of
claims, many unconnected) becomes a strip thousands of pixels wide, and its cost grows fast with
size. Here each argument (a connected group of statements) is laid out as its own small tree —
the claims it concludes on top, the claims that argue for them below, the evidence under them —
and the trees are packed onto shelves of bounded width, like words in a paragraph. Entities form a
band underneath, each placed near the statements that mention it. Positions are final, so the map
is stable the moment it is drawn, whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from argmap.viz.viewmodel import ARGUMENT_EDGES, EdgeKind, NodeKind, ViewModel

STATEMENT_SLOT = 230.0  # horizontal room for one statement box (9 CJK characters at the largest font)
ENTITY_SLOT = 140.0
ROW_HEIGHT = 120.0
SHELF_GAP = 90.0
TREE_GAP = 80.0
MIN_SHELF_WIDTH = 2400.0
MAX_CLAIM_DEPTH = 8  # deeper chains of claims are drawn at this depth (also bounds work on cycles)

Point = tuple[float, float]


@dataclass(slots=True)
class Tree:
    rows: list[list[str]]

    @property
    def width(self) -> float:
        return max((len(r) for r in self.rows), default=0) * STATEMENT_SLOT

    @property
    def height(self) -> float:
        return len(self.rows) * ROW_HEIGHT


def claim_depths(vm: ViewModel) -> dict[str, int]:
    """0 for a claim that argues for no other claim; one more than its target's depth otherwise."""
    claims = {k for k, s in vm.statements.items() if s.kind is NodeKind.CLAIM}
    depth = dict.fromkeys(claims, 0)
    arcs = [(e.source, e.target) for e in vm.edges if e.kind in ARGUMENT_EDGES and e.source in claims and e.target in claims]
    for _ in range(MAX_CLAIM_DEPTH):
        changed = False
        for src, dst in arcs:
            deeper = min(depth[dst] + 1, MAX_CLAIM_DEPTH)
            if depth[src] < deeper:
                depth[src] = deeper
                changed = True
        if not changed:
            break
    return depth


def argument_groups(vm: ViewModel) -> list[list[str]]:
    """Statements joined by supports/undermines, largest group first (union-find)."""
    parent = {k: k for k in vm.statements}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in vm.edges:
        if e.kind in ARGUMENT_EDGES and e.source in parent and e.target in parent:
            parent[find(e.source)] = find(e.target)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in vm.statements:
        groups[find(k)].append(k)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _tree(vm: ViewModel, group: list[str], depth: dict[str, int], targets: dict[str, list[str]]) -> Tree:
    claims = [k for k in group if k in depth]
    evidence_row = max((depth[k] for k in claims), default=-1) + 1
    rows: list[list[str]] = [[] for _ in range(evidence_row + 1)]
    for k in group:
        rows[depth.get(k, evidence_row)].append(k)
    rows = [r for r in rows if r]
    # Each row follows the order of what its nodes argue for (barycentre), which keeps lines short.
    place: dict[str, float] = {}
    for row in rows:
        row.sort(key=lambda k: (_mean(place.get(t) for t in targets.get(k, ())), k))
        for i, k in enumerate(row):
            place[k] = i - (len(row) - 1) / 2
    return Tree(rows)


def _mean(values: Iterable[float | None]) -> float:
    found = [v for v in values if v is not None]
    return sum(found) / len(found) if found else 0.0


def layered_positions(vm: ViewModel) -> dict[str, Point]:
    """x, y of every node of the view model (y grows downwards, as on screen)."""
    depth = claim_depths(vm)
    targets: dict[str, list[str]] = defaultdict(list)
    for e in vm.edges:
        if e.kind in ARGUMENT_EDGES:
            targets[e.source].append(e.target)
    trees = [_tree(vm, g, depth, targets) for g in argument_groups(vm)]
    shelf_width = max([MIN_SHELF_WIDTH] + [t.width for t in trees])
    pos: dict[str, Point] = {}
    x, y, shelf_height = 0.0, 0.0, 0.0
    for tree in trees:
        if x > 0 and x + tree.width > shelf_width:
            x, y, shelf_height = 0.0, y + shelf_height + SHELF_GAP, 0.0
        for r, row in enumerate(tree.rows):
            offset = x + (tree.width - len(row) * STATEMENT_SLOT) / 2 + STATEMENT_SLOT / 2
            for i, k in enumerate(row):
                pos[k] = (offset + i * STATEMENT_SLOT, y + r * ROW_HEIGHT)
        x += tree.width + TREE_GAP
        shelf_height = max(shelf_height, tree.height)
    top = y + shelf_height + SHELF_GAP if vm.statements else 0.0
    _entity_band(vm, pos, top, shelf_width)
    return pos


def _entity_band(vm: ViewModel, pos: dict[str, Point], top: float, width: float) -> None:
    """Entities in rows under the statements, each near the mean x of the statements mentioning it."""
    xs: dict[str, list[float]] = defaultdict(list)
    for e in vm.edges:
        if e.kind is EdgeKind.MENTIONS and e.source in pos:
            xs[e.target].append(pos[e.source][0])
    order = sorted(vm.entities, key=lambda k: (_mean(xs[k]) if xs.get(k) else width, k))
    per_row = max(int(width // ENTITY_SLOT), 1)
    for i, k in enumerate(order):
        row, col = divmod(i, per_row)
        pos[k] = (col * ENTITY_SLOT + ENTITY_SLOT / 2, top + row * ROW_HEIGHT * 0.8)
