"""Query results as text: an aligned table, W3C SPARQL results JSON / CSV / TSV / XML, Turtle.

Backend-neutral: works on ``QueryResult`` whatever store produced it.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from enum import Enum
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from argmap.errors import QueryError
from argmap.graph.results import AskResult, GraphResult, QueryResult, SelectResult, Term
from argmap.ontology.namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MAX_CELL_COLUMNS = 60


class ResultFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    XML = "xml"


class GraphFormat(str, Enum):
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"


_GRAPH_FORMATS = {
    GraphFormat.TURTLE: ox.RdfFormat.TURTLE,
    GraphFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    GraphFormat.JSONLD: ox.RdfFormat.JSON_LD,
    GraphFormat.RDFXML: ox.RdfFormat.RDF_XML,
}


def render_result(result: QueryResult, fmt: str, *, width: int | None = None) -> str:
    """``fmt`` is table, json, csv (tsv, xml too); CONSTRUCT/DESCRIBE results are Turtle whatever ``fmt``.
    ``width``: the terminal's columns, which a table is fitted into (``None``: as wide as it needs)."""
    if isinstance(result, GraphResult):
        return render_graph(result, GraphFormat.TURTLE)
    try:
        kind = ResultFormat(fmt)
    except ValueError:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(f.value for f in ResultFormat)}") from None
    if isinstance(result, AskResult):
        return _render_ask(result, kind)
    if kind is ResultFormat.TABLE:
        return _render_table(result, width)
    return _SELECT_RENDERERS[kind](result)


def render_graph(result: GraphResult, fmt: GraphFormat) -> str:
    prefixes = PREFIXES if fmt in (GraphFormat.TURTLE, GraphFormat.RDFXML) else None
    data = ox.serialize(result.triples, format=_GRAPH_FORMATS[fmt], prefixes=prefixes)
    return data.decode("utf-8") if isinstance(data, bytes) else ""


# ------------------------------------------------------------------ table


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two, combining marks none."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def shorten(value: str, width: int = MAX_CELL_COLUMNS) -> str:
    """Cut to ``width`` columns, marking the cut with an ellipsis."""
    if display_width(value) <= width:
        return value
    out, used = [], 0
    for ch in value:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(value: str, width: int) -> str:
    return value + " " * (width - display_width(value))


def compact_iri(iri: str) -> str:
    """``am:Claim`` for a predeclared namespace (longest match wins), else ``<iri>``."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is not None:
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        local = iri[len(best):]
        if local and all(ch.isalnum() or ch in "_-." or ord(ch) > 127 for ch in local.replace("/", "")):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def cell_text(term: Term | None) -> str:
    """What a table cell shows: literals as their text, IRIs shortened, blank nodes as _:id."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())  # newlines would break the rows
    return str(term)


def _render_table(result: SelectResult, width: int | None = None) -> str:
    header = [f"?{v}" for v in result.variables]
    body = [[shorten(cell_text(t)) for t in row] for row in result.rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(header)]
    if width is not None:
        widths = _fit(widths, width)
        header = [shorten(h, w) for h, w in zip(header, widths)]
        body = [[shorten(c, w) for c, w in zip(row, widths)] for row in body]
    lines = [" │ ".join(pad(h, w) for h, w in zip(header, widths)).rstrip()]
    lines.append("─┼─".join("─" * w for w in widths))
    lines += [" │ ".join(pad(c, w) for c, w in zip(row, widths)).rstrip() for row in body]
    n = len(result.rows)
    more = " (limit reached; more rows exist)" if result.truncated else ""
    lines.append(f"({n} row{'s' if n != 1 else ''}){more}")
    return "\n".join(lines)


MIN_FITTED_COLUMNS = 6


def _fit(widths: list[int], total: int) -> list[int]:
    """Narrow the widest columns first until the row (with its separators) fits ``total`` columns."""
    widths = list(widths)
    budget = total - 3 * (len(widths) - 1)
    while sum(widths) > budget and max(widths) > MIN_FITTED_COLUMNS:
        widths[widths.index(max(widths))] -= 1
    return widths


def _render_ask(result: AskResult, kind: ResultFormat) -> str:
    if kind is ResultFormat.JSON:
        return json.dumps({"head": {}, "boolean": result.value})
    if kind is ResultFormat.XML:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if result.value else 'false'}</boolean></sparql>\n")
    if kind in (ResultFormat.CSV, ResultFormat.TSV):
        # The CSV/TSV specs leave ASK out; this is what Jena and others write (each with its own line end).
        end = "\r\n" if kind is ResultFormat.CSV else "\n"
        return f"_askResult{end}{'true' if result.value else 'false'}{end}"
    return "yes" if result.value else "no"


# ------------------------------------------------------------------ W3C formats


def term_json(term: Term) -> dict[str, object]:
    """One binding as in SPARQL 1.1 Query Results JSON (RDF-star triples as SPARQL-star JSON)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate),
                                        "object": term_json(term.object)}}


def select_json(result: SelectResult) -> dict[str, object]:
    bindings = [{v: term_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _render_json(result: SelectResult) -> str:
    return json.dumps(select_json(result), ensure_ascii=False)


def _csv_value(term: Term | None) -> str:
    # SPARQL 1.1 CSV: IRIs bare, literals as their lexical form, blank nodes as _:label.
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _render_csv(result: SelectResult) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in row] for row in result.rows)
    return buf.getvalue()


def _tsv_value(term: Term | None) -> str:
    # SPARQL 1.1 TSV: terms in Turtle/N-Triples syntax, which escapes tabs and newlines.
    return "" if term is None else str(term)


def _render_tsv(result: SelectResult) -> str:
    # W3C SPARQL 1.1 TSV: each line ends in a line feed (EOL is \n there, unlike CSV's CRLF).
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_value(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>")


def _render_xml(result: SelectResult) -> str:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables)
    rows = []
    for row in result.rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(result.variables, row) if t is not None)
        rows.append(f"<result>{cells}</result>")
    return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>{head}</head>'
            f"<results>{''.join(rows)}</results></sparql>\n")


_SELECT_RENDERERS = {
    ResultFormat.TABLE: _render_table,
    ResultFormat.JSON: _render_json,
    ResultFormat.CSV: _render_csv,
    ResultFormat.TSV: _render_tsv,
    ResultFormat.XML: _render_xml,
}
