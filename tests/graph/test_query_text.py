"""Queries as users type them: argmap's printed IRIs work, misspelled ontology terms are named."""

from __future__ import annotations

import pytest

from argmap.errors import QueryError
from argmap.graph.query_text import prepare_query


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("SELECT * WHERE { amid:brand/luckin rdfs:label ?l . }",
         "SELECT * WHERE { <https://w3id.org/argmap/id/brand/luckin> rdfs:label ?l . }"),
        ("SELECT * WHERE { ?s am:mentions amid:brand\\/xiaomi. }",
         "SELECT * WHERE { ?s am:mentions <https://w3id.org/argmap/id/brand/xiaomi>. }"),
        ('SELECT * WHERE { ?b rdfs:label "am:Brandd and amid:x/y" } # am:Nothing', None),
        ("SELECT * WHERE { ?b a am:Brand . FILTER(?n < 5) }", None),
        ("PREFIX am: <http://example.org/> SELECT * WHERE { ?b a am:Brandd }", None),
    ],
    ids=["slashed-name", "escaped-slash", "strings-and-comments", "less-than", "own-prefix"],
)
def test_typed_queries_become_what_was_meant(typed: str, meant: str | None) -> None:
    assert prepare_query(typed) == (meant or typed)


@pytest.mark.parametrize(("term", "hint"), [("Brandd", "did you mean am:Brand?"), ("Zzzzzz", "docs/ontology.md")])
def test_an_unknown_ontology_term_is_named_with_the_nearest_one(term: str, hint: str) -> None:
    with pytest.raises(QueryError) as err:
        prepare_query(f"SELECT * WHERE {{ ?b a am:{term} }}")
    assert f"am:{term} is not in the argmap ontology" in err.value.message and hint in err.value.message
