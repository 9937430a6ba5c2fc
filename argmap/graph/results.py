"""Backend-neutral query results (terms are pyoxigraph terms whatever the backend)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

Term = NamedNode | BlankNode | Literal | Triple


@dataclass(slots=True)
class SelectResult:
    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

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


QueryResult = SelectResult | AskResult | GraphResult
