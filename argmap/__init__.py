"""argmap: knowledge graphs and argument maps from business commentary.

The small public API (details and examples in ``argmap/api.py`` and the README's "From Python")::

    import argmap
    analysis = argmap.analyze("小米营收同比下滑14.4%。", lang="zh")     # entities, figures, claims, relations
    with argmap.open_store("argmap-store") as store:                 # a folder, or a SPARQL endpoint URL
        argmap.ingest(store, Path("article.md"))                     # one transaction per article
        argmap.reason(store)                                         # statuses, strengths, verdicts
        rows = argmap.query(store, "SELECT ?l WHERE { ?b a am:Brand ; rdfs:label ?l }")
        print(argmap.explain(store, "高端化"))
        data = argmap.export(store, format="trig")
"""

from argmap.api import analyze, explain, export, ingest, open_store, query, reason

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "explain", "export", "ingest", "open_store", "query", "reason"]
