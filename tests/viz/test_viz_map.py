"""The map: view model from the store, focus, labels, escaping and the written page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import MapError
from argmap.viz import write_map
from argmap.viz.render import Layout, render_page, script_json, short_label
from argmap.viz.viewmodel import (
    EdgeKind,
    EntityKind,
    NodeKind,
    Status,
    focus_on_brand,
    focus_on_claim,
    load_view_model,
    locate_passage,
)
from tests.viz.vizdata import (
    CLAIM_1,
    CLAIM_2,
    EVIDENCE_1,
    EVIDENCE_2,
    XSS,
    demo_store,
    disagreeing_store,
    statement_id,
    xiaomi_analysis,
)


@pytest.fixture
def store(tmp_path: Path):
    st = demo_store(tmp_path / "store")
    yield st
    st.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("小米高端化", "小米高端化"),
        ("一二三四五六七八九十", "一二三四五六七八九\n十"),
        ("一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九\n十一二三四五六七八…"),
        ("Xiaomi is moving up market", "Xiaomi is moving\nup market"),
        ("  多余   空白 ", "多余 空白"),
    ],
)
def test_short_label_wraps_and_cuts(text: str, expected: str) -> None:
    assert short_label(text) == expected


def test_script_json_cannot_close_the_script_block() -> None:
    data = {"t": "</script><!-- <script>alert(1)</script> a\u2028b\u2029c & done"}
    out = script_json(data)
    for forbidden in ("<", ">", "\u2028", "\u2029", "&"):
        assert forbidden not in out
    assert json.loads(out) == data


@pytest.mark.parametrize(
    ("content", "text", "start", "end", "para", "hl"),
    [
        ("标题\n第一句。第二句。\n下一段", "第二句。", 7, 11, "第一句。第二句。", (4, 8)),
        ("标题\n第一句。第二句。\n下一段", "第二句。", 0, 4, "第一句。第二句。", (4, 8)),  # wrong offsets: looked up
        ("标题\n第一句。", "不在文中", None, None, "不在文中", (0, 4)),
        ("only one line", "one", 5, 8, "only one line", (5, 8)),
    ],
)
def test_locate_passage(content: str, text: str, start: int | None, end: int | None, para: str, hl: tuple[int, int]) -> None:
    p = locate_passage(content, text, start, end)
    assert (p.paragraph, (p.start, p.end)) == (para, hl)
    assert p.paragraph[p.start:p.end] == text


def test_locate_passage_cuts_long_paragraphs_around_the_statement() -> None:
    content = "甲" * 3000 + "要点在此。" + "乙" * 3000
    p = locate_passage(content, "要点在此。", 3000, 3005)
    assert len(p.paragraph) <= 1000
    assert p.paragraph[p.start:p.end] == "要点在此。"


def test_view_model_reads_statements_verdicts_and_entities(store) -> None:
    vm = load_view_model(store)
    by_text = {s.text: s for s in vm.statements.values()}
    assert by_text[CLAIM_1].kind is NodeKind.CLAIM and by_text[CLAIM_1].status is Status.ACCEPTED
    assert by_text[CLAIM_1].strength == pytest.approx(0.8)
    assert by_text[CLAIM_2].status is Status.UNDECIDED
    assert by_text[EVIDENCE_1].kind is NodeKind.EVIDENCE and by_text[EVIDENCE_1].status is Status.UNKNOWN
    for s in vm.statements.values():
        assert s.passage.paragraph[s.passage.start:s.passage.end] == s.text
    assert vm.articles[by_text[CLAIM_1].article].title == "小米高端化"
    xiaomi = next(e for e in vm.entities.values() if e.label_en == "Xiaomi")
    assert (xiaomi.kind, xiaomi.label_zh, xiaomi.label) == (EntityKind.BRAND, "小米", "小米 / Xiaomi")
    assert any(e.kind is EntityKind.QUANTITY and e.label_zh == "6000元" for e in vm.entities.values())
    kinds = {(vm.statements[e.source].text, e.kind, vm.statements[e.target].text) for e in vm.edges if e.kind in (EdgeKind.SUPPORTS, EdgeKind.UNDERMINES)}
    assert (EVIDENCE_1, EdgeKind.SUPPORTS, CLAIM_1) in kinds
    assert (EVIDENCE_2, EdgeKind.UNDERMINES, CLAIM_1) in kinds
    assert sum(e.kind is EdgeKind.COMPETES_WITH for e in vm.edges) == 1


def test_an_entity_relation_quotes_where_the_article_says_it(store, tmp_path: Path) -> None:
    vm = load_view_model(store)
    said = {(vm.entities[e.source].label_en, e.kind): e.said for e in vm.edges if e.source in vm.entities}
    assert said[("Xiaomi", EdgeKind.PURSUES)] == (CLAIM_2,)  # the statement the extractor located it in
    assert said[("Xiaomi", EdgeKind.COMPETES_WITH)] == ()  # no statement names both: nothing made up
    html, _ = render_page(vm)
    data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', html, re.S).group(1))
    (pursues,) = [e for e in data["edges"] if e["kind"] == "pursues"]
    assert pursues["title"] == f"推行 pursues\n「{CLAIM_2}」"  # the hover names the relation, then quotes the line


def test_view_model_of_an_empty_store(tmp_path: Path) -> None:
    from argmap.graph.store import open_store

    st = open_store(tmp_path / "empty")
    try:
        vm = load_view_model(st)
        assert vm.node_count == 0
        html, stats = render_page(vm)
        assert (stats.nodes, stats.edges) == (0, 0) and "argmap-data" in html
    finally:
        st.close()


def test_focus_on_claim_keeps_its_argument_only(store) -> None:
    vm = load_view_model(store)
    texts = {s.text for s in focus_on_claim(vm, "高端化仍停留").statements.values()}
    assert texts == {CLAIM_2, EVIDENCE_2}
    focused = focus_on_claim(vm, statement_id(xiaomi_analysis(), "c1"))
    assert {s.text for s in focused.statements.values()} == {CLAIM_1, EVIDENCE_1, EVIDENCE_2}
    assert all(e.source in focused.statements or e.source in focused.entities for e in focused.edges)


@pytest.mark.parametrize("ref", ["no such claim at all", "小米"])
def test_focus_on_claim_refuses_unknown_or_ambiguous(store, ref: str) -> None:
    with pytest.raises(MapError):
        focus_on_claim(load_view_model(store), ref)


@pytest.mark.parametrize(("ref", "has_xiaomi", "has_hostile"), [("Xiaomi", True, False), ("小米", True, False), ("apple", False, True)])
def test_focus_on_brand(store, ref: str, has_xiaomi: bool, has_hostile: bool) -> None:
    vm = focus_on_brand(load_view_model(store), ref)
    articles = {s.article.rsplit("/", 1)[-1] for s in vm.statements.values() if s.article}
    assert ("xiaomi-test" in articles) is has_xiaomi
    assert ("hostile" in articles) is has_hostile


def test_focus_on_unknown_brand_lists_known_ones(store) -> None:
    with pytest.raises(MapError, match="小米"):
        focus_on_brand(load_view_model(store), "Nokia")


@pytest.mark.parametrize("layout", ["hierarchical", "physics"])
def test_written_map_is_self_contained_and_escaped(store, tmp_path: Path, layout: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    stats = write_map(store, out_dir / "map.html", layout=layout)
    assert [p.name for p in out_dir.iterdir()] == ["map.html"]  # nothing written beside it
    html = (out_dir / "map.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html
    assert "<img src=x" not in html and "</script><!--" not in html
    data = json.loads(re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["nodes"]) == stats.nodes and len(data["edges"]) == stats.edges
    hostile = {n["title"] for n in data["nodes"]}
    assert any(XSS in t for t in hostile)  # shown as text, whole
    claims = [n for n in data["nodes"] if n["kind"] == "claim"]
    assert {n["shape"] for n in claims} == {"box"}
    assert {n["shape"] for n in data["nodes"] if n["kind"] == "evidence"} == {"ellipse"}
    assert data["options"]["physics"]["enabled"] is (layout == "physics")


def test_hierarchical_layout_puts_claims_above_their_evidence(store) -> None:
    html, _ = render_page(load_view_model(store), layout=Layout.HIERARCHICAL)
    data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', html, re.S).group(1))
    y = {n["id"]: n["y"] for n in data["nodes"]}
    for e in data["edges"]:
        if e["kind"] in ("supports", "undermines"):
            assert y[e["from"]] > y[e["to"]]  # what argues sits below what it argues for
    lowest_statement = max(n["y"] for n in data["nodes"] if n["kind"] != "entity")
    assert all(n["y"] > lowest_statement for n in data["nodes"] if n["kind"] == "entity")
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(points)) == len(points)  # no two nodes on the same spot


def test_strength_scales_claim_size(store) -> None:
    html, _ = render_page(load_view_model(store))
    data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', html, re.S).group(1))
    size = {n["title"]: n["font"]["size"] for n in data["nodes"]}
    assert size[CLAIM_1] > size[CLAIM_2]  # strength 0.8 vs 0.4


def test_unknown_layout_is_a_map_error(store, tmp_path: Path) -> None:
    with pytest.raises(MapError, match="hierarchical or physics"):
        write_map(store, tmp_path / "m.html", layout="circular")


def test_unwritable_output_is_a_map_error(store, tmp_path: Path) -> None:
    with pytest.raises(MapError):
        write_map(store, tmp_path / "no-such-dir" / "m.html")


def test_cli_map_and_its_errors(tmp_path: Path) -> None:
    demo_store(tmp_path / "store").close()
    run = lambda *a: subprocess.run([sys.executable, "-m", "argmap", "map", "--store", str(tmp_path / "store"), *a],
                                    capture_output=True, text=True, timeout=120)
    ok = run("-o", str(tmp_path / "m.html"), "--brand", "Xiaomi")
    assert ok.returncode == 0, ok.stderr
    assert "nodes" in ok.stdout and (tmp_path / "m.html").is_file()
    bad = run("-o", str(tmp_path / "m2.html"), "--claim", "nothing like this")
    assert bad.returncode == 6 and "E501" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "m2.html").exists()


def test_claims_of_two_articles_that_disagree_are_linked_once_on_the_map(tmp_path: Path) -> None:
    st = disagreeing_store(tmp_path)
    try:
        vm = load_view_model(st)
        links = [e for e in vm.edges if e.kind in (EdgeKind.AGREES_WITH, EdgeKind.CONTRADICTS)]
        # stored in both directions (the relation is symmetric), drawn once
        assert [e.kind for e in links] == [EdgeKind.CONTRADICTS]
        ends = {vm.statements[links[0].source].article, vm.statements[links[0].target].article}
        assert len(ends) == 2  # one claim of each article
        html, _ = render_page(vm)
        data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', html, re.S).group(1))
        (edge,) = [e for e in data["edges"] if e["kind"] == "contradicts"]
        assert edge["arrows"] == "" and edge["label"] == "相互矛盾"
        # what both claims take sides on, Chinese with English beside it: why the two are compared
        assert links[0].on[0] == "小米高端化 / Xiaomi premiumization"
        assert "关于 on: 小米高端化 / Xiaomi premiumization" in edge["title"]
        assert "相互矛盾" in html.split('id="legend"', 1)[1]
    finally:
        st.close()
