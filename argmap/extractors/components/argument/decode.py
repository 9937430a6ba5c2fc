"""Global decoding of the argument tree: the maximum spanning arborescence (Chu–Liu/Edmonds).

Evidence-graph models of argumentation (Peldszus & Stede 2015) score every possible attachment and then
choose the whole tree at once, instead of letting each statement take its best target in text order: a
statement that greedily attached forward to the next one can no longer take that one as its own target,
though the two attachments the other way round were the better pair. Here the scores are the attachment
model's log-odds; the root is the thesis.
"""

from __future__ import annotations

from collections.abc import Mapping

Edge = tuple[int, int]  # (head, dependent): the dependent bears on the head


def arborescence(nodes: list[int], root: int, scores: Mapping[Edge, float]) -> dict[int, int]:
    """The dependent -> head map of the highest-scoring tree over ``nodes`` (every end of every edge) rooted at
    ``root``. The root must reach every node through ``scores`` (relations.tree gives each statement its edge
    to the thesis); a node with no incoming edge at all stays out of the map."""
    best: dict[int, int] = {}  # dependent -> its best head, in the order the dependents first come
    top: dict[int, float] = {}  # … and that head's score
    for (head, dep), score in scores.items():
        if dep == root or head == dep:
            continue
        known = top.get(dep)
        # the best (score, head) pair, as max() over them would choose: a tie on score goes to the higher head
        if known is None or score > known or (score == known and head > best[dep]):
            best[dep], top[dep] = head, score
    cycle = _cycle(best)
    if not cycle:
        return best
    return _contract(nodes, root, scores, best, cycle)


def _cycle(best: Mapping[int, int]) -> list[int]:
    """One cycle of the best-incoming graph, if there is one."""
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    for start in best:
        path: list[int] = []
        node = start
        while node in best and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = best[node]
        if state.get(node) == 1:  # closed a loop on this path
            return path[path.index(node):]
        for n in path:
            state[n] = 2
    return []


def _contract(nodes: list[int], root: int, scores: Mapping[Edge, float], best: Mapping[int, int],
              cycle: list[int]) -> dict[int, int]:
    """Merge the cycle into one node, solve the smaller problem, and open the cycle where the tree enters it."""
    members = set(cycle)
    merged = max(nodes) + 1  # nodes holds every end of every edge
    inside = {v: scores[(best[v], v)] for v in cycle}
    reduced: dict[Edge, float] = {}
    origin: dict[Edge, Edge] = {}
    for edge, score in scores.items():
        head, dep = edge
        if dep in members:
            if head in members:
                continue
            key, value = (head, merged), score - inside[dep]  # entering the cycle at dep: replaces dep's edge in it
        elif head in members:
            key, value = (merged, dep), score
        else:  # untouched (most edges): its own key, which no other edge has
            reduced[edge], origin[edge] = score, edge
            continue
        known = reduced.get(key)
        if known is None or value > known:
            reduced[key], origin[key] = value, edge
    solved = arborescence([n for n in nodes if n not in members] + [merged], root, reduced)
    out: dict[int, int] = {}
    for dep, head in solved.items():
        real_head, real_dep = origin[(head, dep)]
        if dep == merged:
            out.update({v: best[v] for v in cycle})
        out[real_dep] = real_head
    return out
