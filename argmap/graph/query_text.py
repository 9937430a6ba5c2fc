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


def uses_service(sparql: str) -> bool:
    """Whether the query calls out to another endpoint (``SERVICE``), outside strings, IRIs and comments."""
    return any(m.group("word") is not None and _SERVICE.fullmatch(m.group("word"))
               for m in re.finditer(_TOKENS.pattern + r"|(?P<word>(?<![?$\w:])\w+)", sparql))


@lru_cache(maxsize=1)
def am_terms() -> frozenset[str]:
    from argmap.ontology import AM

    return frozenset(name for name in AM.__annotations__)


def _unknown(local: str) -> str:
    near = difflib.get_close_matches(local, sorted(am_terms()), n=1, cutoff=0.6)
    hint = f"; did you mean am:{near[0]}?" if near else "; docs/ontology.md lists the terms"
    return f"am:{local} is not in the argmap ontology{hint}"
