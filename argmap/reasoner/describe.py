"""How the reasoner names things to a reader: statement text with its source, entity labels zh / en."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.ontology import AM

SHORT = 48  # characters of a statement shown in one-line summaries


@dataclass(frozen=True, slots=True)
class Described:
    iri: str
    text: str = ""  # statement text, exactly as in the article
    zh: str = ""
    en: str = ""
    article: str = ""
    start: int | None = None
    end: int | None = None

    @property
    def name(self) -> str:
        """Chinese label with the English one beside it, or the text, or the IRI's last segment."""
        if self.zh and self.en and self.zh != self.en:
            return f"{self.zh} / {self.en}"
        return self.zh or self.en or self.text or self.iri.rsplit("/", 1)[-1]

    def short(self, limit: int = SHORT) -> str:
        body = self.text or self.name
        return body if len(body) <= limit else body[: limit - 1] + "…"


def describe(store: Store, iris: Iterable[str]) -> dict[str, Described]:
    """Text, labels and source position of each IRI (missing ones get an empty description)."""
    wanted = sorted(set(iris))
    out = {i: Described(i) for i in wanted}
    if not wanted:
        return out
    values = " ".join(f"<{i}>" for i in wanted)
    q = f"""
    SELECT ?x (SAMPLE(?t) AS ?text) (SAMPLE(?zh) AS ?lzh) (SAMPLE(?en) AS ?len) (SAMPLE(?a) AS ?art)
           (SAMPLE(?s) AS ?start) (SAMPLE(?e) AS ?end) WHERE {{
      VALUES ?x {{ {values} }}
      OPTIONAL {{ ?x <{AM.text}> ?t }}
      OPTIONAL {{ ?x rdfs:label|skos:prefLabel ?zh FILTER (LANGMATCHES(LANG(?zh), "zh")) }}
      OPTIONAL {{ ?x rdfs:label|skos:prefLabel ?en FILTER (LANGMATCHES(LANG(?en), "en") || LANG(?en) = "") }}
      OPTIONAL {{ ?x <{AM.inArticle}> ?a }}
      OPTIONAL {{ ?x <{AM.startChar}> ?s ; <{AM.endChar}> ?e }}
    }} GROUP BY ?x"""
    res = store.query(q)
    if isinstance(res, SelectResult):
        for row in res.values():
            x = row["x"] or ""
            out[x] = Described(
                x, row["text"] or "", row["lzh"] or "", row["len"] or "", row["art"] or "",
                int(row["start"]) if row["start"] else None, int(row["end"]) if row["end"] else None,
            )
    return out
