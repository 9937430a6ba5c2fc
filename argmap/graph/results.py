"""Backend-neutral query results (terms are pyoxigraph terms whatever the backend).

Kept free of rdflib and argmap.ontology so that the query worker process starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

Term = NamedNode | BlankNode | Literal | Triple


@dataclass(slots=True)
class SelectResult:
    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    truncated: bool = False  # more rows existed than the limit the query ran with

    def dicts(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]

    def values(self) -> list[dict[str, str | None]]:
        """Rows with each term's lexical value (IRI string or literal text)."""
        return [{k: (t.value if t is not None and not isinstance(t, Triple) else None) for k, t in d.items()}
                for d in self.dicts()]


@dataclass(slots=True)
class AskResult:
    value: bool


@dataclass(slots=True)
class GraphResult:
    triples: list[Triple] = field(default_factory=list)
    truncated: bool = False


QueryResult = SelectResult | AskResult | GraphResult


@dataclass(frozen=True, slots=True)
class QueryDataset:
    """The RDF dataset a query runs on, as the SPARQL protocol's ``default-graph-uri`` / ``named-graph-uri`` give it:
    the default graph is the merge of ``default`` and only ``named`` are named graphs. ``None`` instead of a
    dataset: the store's own (the union of its graphs as default graph, every graph named)."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def oxigraph_options(self) -> dict[str, object]:
        """Keyword arguments for ``pyoxigraph.Store.query``."""
        return {"default_graph": [NamedNode(g) for g in self.default], "named_graphs": [NamedNode(g) for g in self.named]}


class UnexpectedResult(TypeError):
    """pyoxigraph returned something that is not a query result (a bug, not a user error)."""


def to_result(result: object, *, limit: int | None = None) -> QueryResult:
    """pyoxigraph's lazy result as a backend-neutral, fully read result (at most ``limit`` rows)."""
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple[Term | None, ...]] = []
        for sol in result:
            if limit is not None and len(rows) >= limit:
                return SelectResult(variables, rows, truncated=True)
            rows.append(tuple(sol[v] for v in variables))
        return SelectResult(variables, rows)
    if isinstance(result, ox.QueryTriples):
        triples: list[Triple] = []
        for t in result:
            if limit is not None and len(triples) >= limit:
                return GraphResult(triples, truncated=True)
            triples.append(t)
        return GraphResult(triples)
    raise UnexpectedResult(f"unexpected query result {type(result).__name__}")
