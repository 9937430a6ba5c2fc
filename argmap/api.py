"""argmap from Python: the small public API re-exported by ``argmap/__init__.py``.

Every function imports what it needs when called, so ``import argmap`` stays cheap. Examples (run as
tests by ``tests/test_api.py``)::

    >>> import argmap
    >>> analysis = argmap.analyze("小米营收同比下滑14.4%，售价六千元。", lang="zh")
    >>> [(f.text, str(f.value), f.unit, f.sign) for f in analysis.figures]
    [('14.4%', '14.4', 'percent', -1), ('六千元', '6000', 'CNY', 0)]

    >>> import tempfile, pathlib
    >>> folder = tempfile.TemporaryDirectory()
    >>> with argmap.open_store(pathlib.Path(folder.name) / "store") as store:
    ...     added = argmap.ingest(store, "Shares of General Motors fell 5%. GM said Saab would cut jobs.", key="gm")
    ...     brands = argmap.query(store, "SELECT ?label WHERE { ?b a am:Brand ; rdfs:label ?label } ORDER BY ?label")
    >>> added.outcome.value, [row["label"] for row in brands]  # a brand the lexicon knows has its Chinese name too
    ('added', ['General Motors', 'Saab', '通用汽车'])
    >>> folder.cleanup()
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import rdflib

    from argmap.extractors.model import ArticleAnalysis
    from argmap.graph.store import Store
    from argmap.ingestion import IngestResult
    from argmap.reasoner.run import ReasonReport


def analyze(text: str | Path, *, lang: str = "auto", key: str = "text",
            lexicons: Sequence[str | Path] = ()) -> "ArticleAnalysis":
    """The typed result of extraction (entities, figures, claims, evidence, relations) for a text or a file.

    ``text`` is the article itself, or a ``Path`` to a .txt, .md or .html file (read through the document
    layer: front matter, markup and boilerplate are handled). ``lang`` is ``"zh"``, ``"en"`` or ``"auto"``.
    Nothing is stored.
    """
    from argmap.extractors import Lang
    from argmap.extractors import analyze as run

    if isinstance(text, Path):
        from argmap.ingestion import read_source

        source = read_source(str(text))
        return run(source.document or source.content, key=source.key, lang=Lang(lang), title=source.title,
                   lexicons=[Path(p) for p in lexicons])
    return run(text, key=key, lang=Lang(lang), lexicons=[Path(p) for p in lexicons])


def open_store(location: str | Path, *, read_only: bool = False, create: bool = True) -> "Store":
    """The store at a folder (embedded, on disk) or a SPARQL endpoint URL; use it in a ``with`` block
    or ``close()`` it. ``create=False`` refuses a folder that holds no store (E201)."""
    from argmap.graph.store import open_store as open_

    return open_(str(location), read_only=read_only, create=create)


def ingest(store: "Store", article: str | Path, *, key: str | None = None, lang: str = "auto",
           lexicons: Sequence[str | Path] = (), reason: bool = False) -> "IngestResult":
    """Extract one article (its text, or a ``Path``) and store it as one transaction; an unchanged article
    is left alone. ``key`` names it in the store (a file's default is its name). ``reason=True`` runs
    the reasoner afterwards (see :func:`reason`)."""
    from argmap.extractors import Lang
    from argmap.ingestion import SourceDoc, ingest_docs, read_source

    if isinstance(article, Path):
        doc = read_source(str(article))
        if key:
            doc = SourceDoc(key, doc.content, doc.title, doc.source, doc.document)
    else:
        from argmap.documents import Format, read_document

        doc = SourceDoc.of(key or "text", read_document(article, name=key or "text", fmt=Format.TEXT))
    result = ingest_docs(store, [doc], lang=Lang(lang), lexicons=[Path(p) for p in lexicons])[0]
    if reason:
        _reason(store, classify=True)
    return result


def query(store: "Store", sparql: str, *, timeout: float | None = None) -> "list[dict[str, Any]] | bool | rdflib.Graph":
    """Run SPARQL with argmap's prefixes predeclared. SELECT gives rows of Python values (``str`` for
    IRIs and text, ``int``/``Decimal``/``float``/``bool`` for typed literals, ``None`` when unbound);
    ASK a ``bool``; CONSTRUCT and DESCRIBE an ``rdflib.Graph``."""
    from argmap.graph.query_text import prepare_query
    from argmap.graph.results import AskResult, SelectResult

    result = store.query(prepare_query(sparql), timeout=timeout)
    if isinstance(result, SelectResult):
        return [{k: _python(v) for k, v in row.items()} for row in result.dicts()]
    if isinstance(result, AskResult):
        return result.value
    return _graph(result.triples)


def reason(store: "Store", *, classify: bool = True, full: bool = False,
           verdict_rules: "Path | None" = None) -> "ReasonReport":
    """Evaluate the claims of the articles changed since the last run (``full=True``: all) and decide each
    brand's premiumization verdict (HermiT classifies it, needs Java; ``classify=False`` or no Java skips only
    that step); ``verdict_rules``: the verdict's thresholds (the format of reasoner/rules/verdict.json).
    The report prints with ``summary_lines()``."""
    return _reason(store, classify=classify, full=full, verdict_rules=verdict_rules)


def _reason(store: "Store", *, classify: bool, full: bool = False, verdict_rules: "Path | None" = None) -> "ReasonReport":
    from argmap.reasoner import run_reasoner

    return run_reasoner(store, classify=classify, full=full, verdict_rules=verdict_rules)


def explain(store: "Store", claim: str) -> str:
    """Why a claim (its IRI, label or a fragment of its text) stands or falls, or why a brand (its name) has its
    premiumization verdict, down to the sentences."""
    from argmap.reasoner.explain import explain as run

    return run(store, claim)


def export(store: "Store", *, format: str = "trig") -> bytes:
    """The whole store as ``trig``, ``nq``, ``jsonld`` (compact, with an ``@context``) or ``ttl`` (merged)."""
    from argmap.graph.io import export_dataset

    return export_dataset(store, format)


def _python(term: Any) -> Any:
    """A query term as a Python value."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value.rsplit("#", 1)[-1]
        if kind in ("integer", "int", "long", "short", "nonNegativeInteger"):
            return int(term.value)
        if kind == "decimal":
            return Decimal(term.value)
        if kind in ("double", "float"):
            return float(term.value)
        if kind == "boolean":
            return term.value == "true"
        return term.value
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode)) else str(term)


def _graph(triples: list[Any]) -> "rdflib.Graph":
    import pyoxigraph as ox
    import rdflib

    from argmap.ontology.namespaces import PREFIXES

    graph = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    if triples:
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph
