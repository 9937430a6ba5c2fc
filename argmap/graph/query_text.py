"""What a user types as a query, made into what they meant before it runs.

- ``amid:brand/luckin``, as argmap prints IRIs, is not a valid SPARQL prefixed name (``/`` is not allowed
  in its local part): such names become full IRIs.
- A term of the argmap ontology that does not exist (``am:Brandd``) is refused with the nearest real term,
  instead of a query that silently matches nothing.
Strings, IRIs in ``<…>`` and comments are left alone.
"""

from __future__ import annotations

import difflib
import re
from enum import Enum
from functools import lru_cache

from argmap.errors import QueryError
from argmap.ontology.namespaces import PREFIXES

_TOKENS = re.compile(
    r'(?P<skip>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\s\"{}|^`\\]*>|#[^\n]*)"
    r"|(?P<name>(?<![\w?$:])(?P<prefix>[A-Za-z][\w-]*):(?P<local>[\w.%-]*(?:(?:/|\\/)[\w.%-]+)*))"
)
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w-]*)?:", re.IGNORECASE)


def prepare_query(sparql: str) -> str:
    """The query with slashed prefixed names expanded; an unknown ``am:`` term raises ``QueryError``."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    return _TOKENS.sub(lambda m: _rewrite(m, declared), sparql)


def _rewrite(m: re.Match[str], declared: set[str]) -> str:
    if m.group("skip") is not None:
        return m.group(0)
    prefix, local = m.group("prefix"), m.group("local").rstrip(".")
    if prefix in declared or prefix not in PREFIXES:
        return m.group(0)  # the user's own prefix, or not ours to judge
    tail = m.group("local")[len(local):]  # a triple's final "." stays outside the name
    if prefix == "am" and local and local not in am_terms():
        raise QueryError(_unknown(local))
    if "/" in local:
        return f"<{PREFIXES[prefix]}{local.replace(chr(92) + '/', '/')}>{tail}"
    return m.group(0)


_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_LOAD = re.compile(r"\bLOAD\b", re.IGNORECASE)


def uses_service(sparql: str) -> bool:
    """Whether the query calls out to another endpoint (``SERVICE``), outside strings, IRIs and comments."""
    return _has_keyword(sparql, _SERVICE)


def uses_load(update: str) -> bool:
    """Whether the update fetches RDF from a URL (``LOAD``), outside strings, IRIs and comments."""
    return _has_keyword(update, _LOAD)


def _has_keyword(sparql: str, keyword: re.Pattern[str]) -> bool:
    return any(m.group("word") is not None and keyword.fullmatch(m.group("word"))
               for m in re.finditer(_TOKENS.pattern + r"|(?P<word>(?<![?$\w:])\w+)", sparql))


class QueryForm(str, Enum):
    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def graph_result(self) -> bool:
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


_SKIP_ONLY = re.compile(_TOKENS.pattern.split("|(?P<name>")[0])
_FORM = re.compile(r"(?<![?$\w:])(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_DATASET = re.compile(r"(?<![?$\w:])FROM\b", re.IGNORECASE)


def _code_only(sparql: str) -> str:
    """The text with strings, IRIs and comments blanked out: keywords found in it are keywords."""
    return _SKIP_ONLY.sub(" ", sparql)


def query_form(sparql: str) -> QueryForm:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these keywords outside strings, IRIs and comments."""
    match = _FORM.search(_code_only(sparql))
    if match is None:
        raise QueryError("not a SPARQL query: it has no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return QueryForm(match.group(1).upper())


_GRAPH_CONSTANT = re.compile(r"(?<![?$\w:])GRAPH\s*<([^<>\s\"{}|^`\\]*)>", re.IGNORECASE)


def graph_constants(sparql: str) -> list[str]:
    """The IRIs the text names in ``GRAPH <…>`` (a graph a query asks for by name)."""
    return list(dict.fromkeys(_GRAPH_CONSTANT.findall(sparql)))


def names_dataset(sparql: str) -> bool:
    """Whether the query picks its own dataset (``FROM`` / ``FROM NAMED``)."""
    return _DATASET.search(_code_only(sparql)) is not None


@lru_cache(maxsize=1)
def am_terms() -> frozenset[str]:
    from argmap.ontology import AM

    return frozenset(name for name in AM.__annotations__)


def _unknown(local: str) -> str:
    near = difflib.get_close_matches(local, sorted(am_terms()), n=1, cutoff=0.6)
    hint = f"; did you mean am:{near[0]}?" if near else "; docs/ontology.md lists the terms"
    return f"am:{local} is not in the argmap ontology{hint}"


def writes_default_graph(update: str) -> bool:
    """Whether a SPARQL update writes the default graph (INSERT/DELETE outside GRAPH and WITH, LOAD without INTO,
    ADD/COPY/MOVE … TO DEFAULT). argmap's default graph is the union of the named graphs, rebuilt after every
    update: such a write would be lost. An update rdflib cannot parse is left to the store to report."""
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        operations = translateUpdate(parseUpdate(update), initNs=PREFIXES).algebra
    except Exception:  # noqa: BLE001 - any parse failure: the store gives the user its own one-line error
        return False
    return any(_writes_default(op) for op in operations)


def _field(node: object, key: str) -> object:
    """A part of rdflib's algebra node, or None (its own ``get`` answers odd values for missing keys)."""
    return node[key] if isinstance(node, dict) and key in node else None


def _writes_default(op: object) -> bool:
    name = getattr(op, "name", "")
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return bool(_field(op, "triples"))
    if name == "Modify":
        if _field(op, "withClause") is not None:
            return False
        return any(bool(_field(_field(op, clause), "triples")) for clause in ("insert", "delete"))
    if name == "Load":
        return _field(op, "graphiri") is None
    if name in ("Add", "Copy", "Move"):
        graphs = _field(op, "graph")
        return isinstance(graphs, list) and len(graphs) == 2 and graphs[1] == "DEFAULT"
    return False
