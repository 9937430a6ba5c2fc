"""The spec's eight competency questions as shipped SPARQL files (``queries/cq1.rq`` … ``cq8.rq``).

Each file starts with a comment header::

    # question: Which claims does a given article make about a given brand?
    # question_zh: 某篇文章就某个品牌提出了哪些论点？
    # parameters: article brand

``competency_query(n)`` answers for everything; ``competency_query(1, brand="xiaomi")`` restricts the
answer by adding ``VALUES ?brand { <…> }`` at the top of the query's outer WHERE group. Parameter
values become IRIs (never pasted as text), so user input cannot change the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from argmap.errors import QueryError
from argmap.ontology.files import AMID_IRI, QUERIES_DIR
from argmap.ontology.namespaces import IRIREF_FORBIDDEN

COMPETENCY_NUMBERS = range(1, 9)

# Bare keys get these paths under amid: (``brand="xiaomi"`` -> amid:brand/xiaomi).
_KEY_PATHS = {"article": "article/", "brand": "brand/", "claim": "statement/"}
_HEADER = re.compile(r"^#\s*(question|question_zh|parameters):\s*(.*?)\s*$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True, slots=True)
class CompetencyQuery:
    number: int
    question: str
    question_zh: str
    sparql: str
    parameters: tuple[str, ...] = field(default=())


def competency_query(n: int, **params: str | Sequence[str] | None) -> CompetencyQuery:
    """Competency question ``n`` (1-8), optionally restricted by its parameters (``article``, ``brand``, ``claim`` …).

    A value is a full IRI, ``amid:…``, ``<…>``, a path under amid: (``brand/xiaomi``) or a bare key
    (``xiaomi``); a list of values means any of them. ``None`` leaves the parameter open.
    """
    if n not in COMPETENCY_NUMBERS:
        raise QueryError(f"there is no competency question {n}: choose 1 to 8")
    text = (QUERIES_DIR / f"cq{n}.rq").read_text(encoding="utf-8")
    header = _header(text)
    allowed = tuple(header.get("parameters", "").split())
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise QueryError(
            f"competency question {n} takes no parameter {', '.join(unknown)}; it takes: {', '.join(allowed) or 'none'}"
        )
    given = {name: _as_list(value) for name, value in params.items() if value is not None}
    sparql = _inject_values(text, {name: [to_iri(name, v) for v in values] for name, values in given.items()})
    return CompetencyQuery(n, header.get("question", ""), header.get("question_zh", ""), sparql, allowed)


def all_competency_queries() -> list[CompetencyQuery]:
    return [competency_query(n) for n in COMPETENCY_NUMBERS]


def to_iri(param: str, value: str) -> str:
    """The IRI a parameter value stands for, with characters illegal in an IRIREF percent-encoded."""
    raw = value.strip()
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    if not raw:
        raise QueryError(f"the value of {param} is empty: give an IRI or a key such as amid:brand/xiaomi")
    if raw.startswith("amid:"):
        raw = AMID_IRI + raw[len("amid:"):]
    elif not _SCHEME.match(raw):
        raw = AMID_IRI + (raw if "/" in raw else _KEY_PATHS.get(param, "") + _bare_key(raw))
    # percent-encoded so that any input yields one safe IRI
    return IRIREF_FORBIDDEN.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), raw)


def _bare_key(key: str) -> str:
    from argmap.graph.iri import slugify  # the one place that shapes IRI segments

    return slugify(key)


def _as_list(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _header(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            out[match.group(1)] = match.group(2)
    return out


def _inject_values(text: str, values: dict[str, list[str]]) -> str:
    if not values:
        return text
    match = _WHERE.search(text)
    if match is None:  # every shipped query has a WHERE group; a test checks it
        raise QueryError("the competency query has no WHERE group to restrict")
    block = "".join(f"\n  VALUES ?{name} {{ {' '.join(f'<{iri}>' for iri in iris)} }}" for name, iris in values.items())
    return text[: match.end()] + block + text[match.end():]
