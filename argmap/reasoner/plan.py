"""What a reasoner run has to do: which input graphs changed since the last run, or everything.

Every input graph (an article's named graph, or an imported one) has a fingerprint: the article's content
hash and extraction settings, or, for a graph without them, a digest of its triples. The reasoner records
the fingerprint of each graph it evaluated, and one of its own configuration (rules, thresholds, ontology,
version); a run evaluates only the graphs whose fingerprint differs, or everything when the configuration
changed or nothing was recorded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Iterable

from argmap import __version__
from argmap.graph.iri import ONTOLOGY_GRAPH, REASONER_GRAPH, REASONER_GRAPH_PREFIX, is_reasoner_graph
from argmap.graph.results import SelectResult
from argmap.graph.store import Store
from argmap.ontology import AM, ONTOLOGY_PATH
from argmap.reasoner.working import RULES_DIR


class Mode(str, Enum):
    FULL = "full"  # first run, changed configuration, or asked for
    INCREMENTAL = "incremental"  # only the changed input graphs
    UNCHANGED = "unchanged"  # nothing to do


@dataclass(frozen=True, slots=True)
class Plan:
    mode: Mode
    inputs: dict[str, str]  # every input graph now -> its fingerprint
    evaluate: tuple[str, ...]  # the input graphs evaluated this run
    removed: tuple[str, ...]  # input graphs evaluated last time and gone now
    first_run: bool
    config: str

    def widened(self, graphs: Iterable[str]) -> Plan:
        extra = sorted(set(graphs) & set(self.inputs) - set(self.evaluate))
        if not extra:
            return self
        mode = Mode.INCREMENTAL if self.mode is Mode.UNCHANGED else self.mode
        return Plan(mode, self.inputs, tuple(sorted(self.evaluate + tuple(extra))), self.removed, self.first_run, self.config)


def config_fingerprint(verdict_rules: Path) -> str:
    """Rules, thresholds, ontology and version: when any of them changes, every verdict is recomputed."""
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in [*sorted(RULES_DIR.glob("*.rq")), verdict_rules, ONTOLOGY_PATH]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def input_fingerprints(store: Store, graphs: list[str]) -> dict[str, str]:
    names = [g for g in graphs if not is_reasoner_graph(g) and g != str(ONTOLOGY_GRAPH)]
    found: dict[str, str] = {}
    res = store.query(f"""SELECT ?g ?h ?x WHERE {{ GRAPH ?g {{ ?g <{AM.contentHash}> ?h
                          OPTIONAL {{ ?g <{AM.extractionSettings}> ?x }} }} }}""")
    if isinstance(res, SelectResult):
        for r in res.values():
            found[r["g"] or ""] = f"{r['h']}|{r['x'] or ''}"
    missing = [g for g in names if g not in found]
    if missing:  # imported graphs without a content hash: a digest of their triples
        digests: dict[str, list[str]] = {g: [] for g in missing}
        values = " ".join(f"<{g}>" for g in missing)
        res = store.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        if isinstance(res, SelectResult):
            for g, *spo in res.rows:
                if g is not None:
                    digests[g.value].append(" ".join(str(t) for t in spo))
        for g, lines in digests.items():
            found[g] = "triples:" + hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()[:32]
    return {g: found.get(g, "empty") for g in names}


def recorded(store: Store) -> tuple[str | None, dict[str, str]]:
    """The configuration fingerprint of the last run, and the fingerprint of every input graph it evaluated."""
    res = store.query(f"""SELECT ?g ?f WHERE {{ GRAPH ?rg {{ ?g <{AM.reasonedFingerprint}> ?f }}
                          FILTER (STRSTARTS(STR(?rg), "{REASONER_GRAPH_PREFIX}input/") || ?rg = <{REASONER_GRAPH}>) }}""")
    config: str | None = None
    graphs: dict[str, str] = {}
    if isinstance(res, SelectResult):
        for r in res.values():
            g, f = r["g"] or "", r["f"] or ""
            if g == str(REASONER_GRAPH):
                config = f
            else:
                graphs[g] = f
    return config, graphs


def make_plan(store: Store, *, config: str, full: bool = False) -> Plan:
    names = store.graph_names()
    inputs = input_fingerprints(store, names)
    old_config, old = recorded(store)
    first = not any(is_reasoner_graph(g) for g in names)
    if full or old_config != config:
        return Plan(Mode.FULL, inputs, tuple(sorted(inputs)), tuple(sorted(set(old) - set(inputs))), first, config)
    changed = tuple(sorted(g for g, f in inputs.items() if old.get(g) != f))
    removed = tuple(sorted(set(old) - set(inputs)))
    mode = Mode.INCREMENTAL if changed or removed else Mode.UNCHANGED
    return Plan(mode, inputs, changed, removed, first, config)


__all__ = ["Mode", "Plan", "config_fingerprint", "input_fingerprints", "make_plan", "recorded"]
