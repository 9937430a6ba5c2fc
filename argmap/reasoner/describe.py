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
    """Text, labels and source position of each IRI (missing ones get an empty description).

    One small query per property, each bound to the IRIs asked for, so the cost follows the IRIs, not the store."""
    wanted = sorted(set(iris))
    out = {i: Described(i) for i in wanted}
    if not wanted:
        return out
    values = "VALUES ?x { " + " ".join(f"<{i}>" for i in wanted) + " }"
    text = _first(store, f"SELECT ?x ?v WHERE {{ {values} ?x <{AM.text}> ?v }}")
    article = _first(store, f"SELECT ?x ?v WHERE {{ {values} ?x <{AM.inArticle}> ?v }}")
    start = _first(store, f"SELECT ?x ?v WHERE {{ {values} ?x <{AM.startChar}> ?v }}")
    end = _first(store, f"SELECT ?x ?v WHERE {{ {values} ?x <{AM.endChar}> ?v }}")
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    res = store.query(f"SELECT ?x ?l (LANG(?l) AS ?lang) WHERE {{ {values} ?x rdfs:label|skos:prefLabel ?l }}")
    if isinstance(res, SelectResult):
        for r in res.values():
            x, label, lang = r["x"] or "", r["l"] or "", (r["lang"] or "").lower()
            if lang.startswith("zh"):
                zh.setdefault(x, label)
            elif lang.startswith("en") or not lang:
                en.setdefault(x, label)
    for x in wanted:
        b, e = start.get(x), end.get(x)
        out[x] = Described(x, text.get(x, ""), zh.get(x, ""), en.get(x, ""), article.get(x, ""),
                           int(b) if b and e else None, int(e) if b and e else None)
    return out


def _first(store: Store, query: str) -> dict[str, str]:
    """``?x`` -> the smallest ``?v`` (a deterministic pick when a property has several values)."""
    res = store.query(query)
    out: dict[str, str] = {}
    if isinstance(res, SelectResult):
        for r in res.values():
            x, v = r["x"] or "", r["v"] or ""
            if x not in out or v < out[x]:
                out[x] = v
    return out
