"""What each piece of evidence bears on (``am:bearsOn``), computed once over the edge list.

Evidence bears on every entity mentioned by a claim it supports or undermines, directly or through a
chain of claims; evidence attached to no statement bears on what it mentions itself. Evidence that names
brands keeps, of what it reaches, only theirs and its article's main brand's (``named_brands_only``): a fact
about Kelmar that grounds a claim comparing Kelmar with the iPhone is no evidence on Apple's strategy. The former rule 20
asked SPARQL for ``(am:supports|am:undermines)+`` per strategy and evidence, which grows with the square
of repeated text (issue 16: 49.5 s at 200 KB). Here the argument graph is condensed into its strongly
connected components once and each component's reachable mentions are collected in reverse topological
order: time linear in statements + edges, times the few entities an article is about.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ArgumentGraph:
    edges: Mapping[str, tuple[str, ...]]  # statement -> the statements it supports or undermines
    claims: frozenset[str]
    mentions: Mapping[str, frozenset[str]]  # statement -> entities it mentions (the ones that matter)


def bears_on(graph: ArgumentGraph, evidence: Iterable[str]) -> dict[str, frozenset[str]]:
    """Entities each evidence statement bears on (empty sets left out)."""
    reach = _reachable_mentions(graph)
    out: dict[str, frozenset[str]] = {}
    for e in evidence:
        found = reach.get(e, frozenset()) if graph.edges.get(e) else graph.mentions.get(e, frozenset())
        if found:
            out[e] = found
    return out


def brands_named(named: Iterable[str], owners: Mapping[str, str], brands: Set[str]) -> set[str]:
    """The brands ``named`` stand for: a brand itself, a product's or a strategy's owner (``owners``). Another
    organisation (a research firm, a regulator) is who speaks or rules, not a brand whose case is argued."""
    out = set()
    for x in named:
        owner = owners.get(x, x)
        if owner in brands:
            out.add(owner)
    return out


def main_brands(mentions: Mapping[str, Set[str]], owners: Mapping[str, str], brands: Set[str],
                article: Mapping[str, str]) -> dict[str, str]:
    """Each article's main brand: the one the most of its statements name (itself, a product or a strategy of it);
    none where two tie."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for st, named in mentions.items():
        if st in article:
            counts[article[st]].update(brands_named(named, owners, brands))
    out: dict[str, str] = {}
    for a, c in counts.items():
        top = c.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):  # none: its statements name other bodies only
            out[a] = top[0][0]
    return out


def named_brands_only(bears: Mapping[str, frozenset[str]], mentions: Mapping[str, Set[str]],
                      owners: Mapping[str, str], brands: Set[str], main: Mapping[str, str],
                      article: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Evidence that names brands (themselves, their products or strategies) bears, of what its claims reach, only
    on those brands' and on its article's main brand's: "凯达X1仍是凯达配置最高的机型" grounds a claim that Kelmar
    must learn from the iPhone, and says nothing of Apple's premiumization; "比iPhone便宜的替代品" and "外观与保时捷
    相似" in an article about Kelmar speak of Kelmar's products, the iPhone and Porsche their yardsticks.
    Evidence that names none bears on all its claims are about. ``brands``: the store's brands."""
    out: dict[str, frozenset[str]] = {}
    for e, reached in bears.items():
        named = brands_named(mentions.get(e, ()), owners, brands)
        if named and article.get(e) in main:
            named.add(main[article[e]])
        kept = frozenset(x for x in reached if owners.get(x, x) in named) if named else reached
        if kept:
            out[e] = kept
    return out


def _reachable_mentions(graph: ArgumentGraph) -> dict[str, frozenset[str]]:
    """For every statement, the mentions of the claims reachable from it (not counting itself)."""
    components = _strongly_connected(graph.edges)
    return _collect(graph, components)


def _collect(graph: ArgumentGraph, components: list[list[str]]) -> dict[str, frozenset[str]]:
    # Tarjan emits components sinks first: every successor component is finished before its predecessors.
    comp_of = {node: i for i, members in enumerate(components) for node in members}
    # What a component passes on to its predecessors: what it reaches, plus its own claims' mentions.
    passes: dict[int, frozenset[str]] = {}
    result: dict[str, frozenset[str]] = {}
    for index, members in enumerate(components):
        reached: set[str] = set()
        own: set[str] = set()
        for node in members:
            if node in graph.claims:
                own |= graph.mentions.get(node, frozenset())
            for succ in graph.edges.get(node, ()):
                target = comp_of[succ]
                if target != index:
                    reached |= passes[target]
        cyclic = len(members) > 1 or any(n in graph.edges.get(n, ()) for n in members)
        if cyclic:
            reached |= own  # inside a cycle every member reaches every other member's claims
        frozen = frozenset(reached)
        for node in members:
            result[node] = frozen
        passes[index] = frozenset(reached | own)
    return result


def _strongly_connected(edges: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """Tarjan's algorithm without recursion; components in the order found (sinks first)."""
    nodes = set(edges)
    for targets in edges.values():
        nodes.update(targets)
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(nodes):
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, pos = work.pop()
            if pos == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succs = edges.get(node, ())
            advanced = False
            while pos < len(succs):
                succ = succs[pos]
                pos += 1
                if succ not in index_of:
                    work.append((node, pos))
                    work.append((succ, 0))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index_of[succ])
            if advanced:
                continue
            if low[node] == index_of[node]:
                members: list[str] = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                components.append(members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def edge_lists(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for source, target in pairs:
        out[source].append(target)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


__all__ = ["ArgumentGraph", "bears_on", "edge_lists"]
