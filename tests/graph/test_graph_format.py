"""render_result: a table in which Chinese lines up, W3C JSON and CSV, Turtle for graphs."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from argmap.errors import QueryError
from argmap.graph.format import compact_iri, display_width, render_result, shorten
from argmap.graph.results import AskResult, GraphResult, SelectResult

AM = "https://w3id.org/argmap/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ROWS = SelectResult(
    ["s", "text", "n"],
    [
        (ox.NamedNode("https://w3id.org/argmap/id/brand/xiaomi"), ox.Literal("小米高端化", language="zh"),
         ox.Literal("3", datatype=ox.NamedNode(XSD + "integer"))),
        (ox.NamedNode("http://example.org/x,y"), ox.Literal('say "hi",\nthen go'), None),
        (ox.BlankNode("b0"), ox.Literal("Ａｐｐｌｅ"), ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal"))),
    ],
)


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("小米", 4), ("Ａ", 2), ("e\u0301", 1), ("小米 Xiaomi", 11), ("", 0)])
def test_display_width_counts_wide_characters_twice(text: str, width: int) -> None:
    assert display_width(text) == width


def test_table_columns_line_up_in_display_columns() -> None:
    lines = render_result(ROWS, "table").splitlines()
    table = lines[:-1]  # the last line counts rows
    bars = {tuple(i for i, _ in _positions(line, "│┼")) for line in table}
    assert len(bars) == 1, "column separators are not at the same display column on every line"
    assert lines[-1] == "(3 rows)"
    assert "小米高端化" in lines[2] and "amid:brand/xiaomi" in lines[2]
    assert "then go" in lines[3]  # newline in a literal does not break the row


def _positions(line: str, marks: str) -> list[tuple[int, str]]:
    col, out = 0, []
    for ch in line:
        if ch in marks:
            out.append((col, ch))
        col += display_width(ch)
    return out


def test_json_is_w3c_sparql_results() -> None:
    doc = json.loads(render_result(ROWS, "json"))
    assert doc["head"]["vars"] == ["s", "text", "n"]
    first, second, third = doc["results"]["bindings"]
    assert first["s"] == {"type": "uri", "value": "https://w3id.org/argmap/id/brand/xiaomi"}
    assert first["text"] == {"type": "literal", "value": "小米高端化", "xml:lang": "zh"}
    assert first["n"] == {"type": "literal", "value": "3", "datatype": XSD + "integer"}
    assert "n" not in second and second["text"] == {"type": "literal", "value": 'say "hi",\nthen go'}
    assert third["s"] == {"type": "bnode", "value": "b0"}


def test_csv_follows_the_sparql_csv_spec() -> None:
    text = render_result(ROWS, "csv")
    assert text.startswith("s,text,n\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["https://w3id.org/argmap/id/brand/xiaomi", "小米高端化", "3"]
    assert rows[2] == ["http://example.org/x,y", 'say "hi",\nthen go', ""]
    assert rows[3][0] == "_:b0"


@pytest.mark.parametrize(("fmt", "expected"), [("json", '{"head": {}, "boolean": true}'), ("table", "yes")])
def test_ask(fmt: str, expected: str) -> None:
    assert render_result(AskResult(True), fmt) == expected


def test_graph_results_are_turtle_with_prefixes_whatever_the_format() -> None:
    triple = ox.Triple(ox.NamedNode("https://w3id.org/argmap/id/claim/1"), ox.NamedNode(AM + "text"), ox.Literal("小米", language="zh"))
    for fmt in ("table", "json", "csv"):
        out = render_result(GraphResult([triple]), fmt)
        assert "@prefix am:" in out and "am:text" in out and '"小米"@zh' in out


def test_unknown_format_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        render_result(ROWS, "yaml")


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        (AM + "Claim", "am:Claim"),
        ("https://w3id.org/argmap/id/brand/xiaomi", "amid:brand/xiaomi"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"),
        ("http://example.org/a", "<http://example.org/a>"),
    ],
)
def test_compact_iri(iri: str, short: str) -> None:
    assert compact_iri(iri) == short


def test_shorten_cuts_by_display_columns() -> None:
    cut = shorten("小" * 40, 10)
    assert display_width(cut) <= 10 and cut.endswith("…")


@pytest.mark.parametrize("width", [40, 60, 100])
def test_a_table_fits_the_terminal(width: int) -> None:
    import pyoxigraph as ox

    from argmap.graph.format import display_width, render_result
    from argmap.graph.results import SelectResult

    long = "小米营收同比下滑14.4%，这是一个很长的句子，用来看表格是否适应终端的宽度。" * 3
    rows = [(ox.NamedNode("https://w3id.org/argmap/id/brand/xiaomi"), ox.Literal(long), ox.Literal("x" * 90))]
    out = render_result(SelectResult(["brand", "text", "other"], rows), "table", width=width)
    assert max(display_width(line) for line in out.splitlines()) <= width
    assert "amid:" in out  # IRIs stay prefixed names, cut only when they must be
