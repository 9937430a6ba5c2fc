"""The map file in headless chromium with the network cut off: legend, nodes, side panel, filters, safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.viz import write_map
from tests.viz.browser import artifact, offline_page, wait_stable
from tests.viz.vizdata import (
    CLAIM_1,
    EVIDENCE_1,
    EVIDENCE_2,
    XSS,
    demo_store,
    disagreeing_store,
    hostile_analysis,
    statement_id,
    xiaomi_analysis,
)

pytestmark = pytest.mark.browser

VISIBLE_NODES = "argmapNetwork.body.data.nodes.get({filter: n => !n.hidden}).length"


@pytest.fixture(scope="module")
def map_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    root = tmp_path_factory.mktemp("map")
    store = demo_store(root / "store")
    try:
        out = {}
        for layout in ("hierarchical", "physics"):
            path = root / f"map-{layout}.html"
            out[layout] = (path, write_map(store, path, layout=layout).nodes)
        return out
    finally:
        store.close()


def test_map_works_offline_and_shows_legend_and_every_node(map_files) -> None:
    path, nodes = map_files["hierarchical"]
    with offline_page() as (page, traffic):
        page.goto(path.as_uri())
        wait_stable(page)
        legend = page.locator("#legend")
        assert legend.is_visible()
        for term in ("图例", "论点", "论据", "品牌", "支持", "削弱", "成立", "不成立", "未定"):
            assert term in legend.inner_text()
        assert page.evaluate("argmapNetwork.body.data.nodes.length") == nodes
        assert page.evaluate("Object.keys(argmapNetwork.getPositions()).length") == nodes
        page.screenshot(path=str(artifact("map-hierarchical.png")))
        assert traffic.blocked == [] and traffic.page_errors == []
        assert all(u.startswith("file://") for u in traffic.requested)


def test_clicking_a_claim_opens_the_side_panel(map_files) -> None:
    path, _ = map_files["hierarchical"]
    claim = statement_id(xiaomi_analysis(), "c1")
    with offline_page() as (page, _traffic):
        page.goto(path.as_uri())
        wait_stable(page)
        # A real click on the canvas, where vis-network drew the claim.
        page.evaluate(f"argmapNetwork.moveTo({{position: argmapNetwork.getPositions(['{claim}'])['{claim}'], scale: 1, animation: false}})")
        point = page.evaluate(f"argmapNetwork.canvasToDOM(argmapNetwork.getPositions(['{claim}'])['{claim}'])")
        box = page.locator("#network canvas").bounding_box()
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        panel = page.locator("#panel")
        panel.wait_for(state="visible")
        assert page.locator("#panel .full").inner_text() == CLAIM_1
        assert page.locator("#panel mark").inner_text() == CLAIM_1
        para = page.locator("#panel .para").inner_text()
        assert EVIDENCE_1 in para and para.index(CLAIM_1) < para.index(EVIDENCE_1)  # the sentence in its paragraph
        assert "小米高端化" in page.locator("#panel .article").inner_text()
        text = panel.inner_text()
        assert "成立" in text and "0.80" in text
        lists = page.locator("#panel ul")
        assert EVIDENCE_1[:20] in lists.nth(0).inner_text()  # supporters
        assert EVIDENCE_2[:20] in lists.nth(1).inner_text()  # attackers
        page.screenshot(path=str(artifact("map-panel.png")))
        # Following a supporter from the panel selects it.
        lists.nth(0).locator("button").first.click()
        assert page.locator("#panel .full").inner_text() == EVIDENCE_1


def test_filters_hide_and_show_nodes(map_files) -> None:
    path, nodes = map_files["hierarchical"]
    with offline_page() as (page, _traffic):
        page.goto(path.as_uri())
        wait_stable(page)
        assert page.evaluate(VISIBLE_NODES) == nodes
        page.select_option("#f-status", "accepted")
        accepted = page.evaluate("argmapNetwork.body.data.nodes.get({filter: n => !n.hidden && n.kind === 'claim'}).map(n => n.status)")
        assert accepted == ["accepted"]
        page.select_option("#f-status", "")
        page.locator(".f-kind[value='entity']").uncheck()
        assert page.evaluate("argmapNetwork.body.data.nodes.get({filter: n => !n.hidden && n.kind === 'entity'}).length") == 0
        page.locator(".f-kind[value='entity']").check()
        article = statement_id(hostile_analysis(), "c1").split("/statement/")[0] + "/article/hostile"
        page.select_option("#f-article", article)
        shown = page.evaluate("argmapNetwork.body.data.nodes.get({filter: n => !n.hidden && n.kind !== 'entity'}).map(n => n.article)")
        assert shown and set(shown) == {article}
        page.select_option("#f-article", "")
        page.select_option("#f-brand", label="小米 / Xiaomi")
        assert page.evaluate(VISIBLE_NODES) < nodes
        assert "/ " + str(nodes) in page.locator("#shown").inner_text()


def test_article_markup_never_runs(map_files) -> None:
    path, _ = map_files["hierarchical"]
    hostile = statement_id(hostile_analysis(), "c1")
    with offline_page() as (page, traffic):
        page.goto(path.as_uri())
        wait_stable(page)
        assert page.evaluate(f"argmapSelect('{hostile}')") is True
        assert XSS in page.locator("#panel .full").inner_text()  # shown as text
        # Hover too, so the tooltip renders the statement.
        page.evaluate(f"argmapNetwork.moveTo({{position: argmapNetwork.getPositions(['{hostile}'])['{hostile}'], scale: 1, animation: false}})")
        point = page.evaluate(f"argmapNetwork.canvasToDOM(argmapNetwork.getPositions(['{hostile}'])['{hostile}'])")
        box = page.locator("#network canvas").bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_timeout(600)
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert traffic.page_errors == []


def test_physics_layout_stops_once_stable(map_files) -> None:
    path, nodes = map_files["physics"]
    with offline_page() as (page, traffic):
        page.goto(path.as_uri())
        wait_stable(page)
        assert page.evaluate("argmapNetwork.physics.physicsEnabled") is False
        before = page.evaluate("JSON.stringify(argmapNetwork.getPositions())")
        page.wait_for_timeout(500)
        assert page.evaluate("JSON.stringify(argmapNetwork.getPositions())") == before  # nothing drifts
        page.screenshot(path=str(artifact("map-physics.png")))
        assert page.evaluate("argmapNetwork.body.data.nodes.length") == nodes and traffic.blocked == []


@pytest.fixture(scope="module")
def demo_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from argmap.extractors.pipeline import run_pipeline
    from argmap.graph.store import open_store
    from argmap.ingestion import store_analysis
    from argmap.reasoner import run_reasoner
    from argmap.samples import DEMO_ARTICLE

    root = tmp_path_factory.mktemp("demo-map")
    analysis = run_pipeline(DEMO_ARTICLE.read_text(encoding="utf-8"), key="demo", lang="zh")
    with open_store(root / "store") as store:
        store_analysis(store, analysis)
        run_reasoner(store, classify=False)
        write_map(store, root / "map.html")
    return root / "map.html"


def test_the_map_opens_on_the_thesis_readable_and_the_legend_covers_no_node(demo_map: Path) -> None:
    with offline_page() as (page, traffic):
        page.goto(demo_map.as_uri())
        wait_stable(page)
        assert page.evaluate("window.argmapThesisFontPx") >= 14  # the thesis label as rendered, in CSS pixels
        sizes = page.evaluate("argmapNetwork.body.data.nodes.get().filter(n => n.kind === 'claim' || "
                              "n.kind === 'evidence').map(n => [!!n.thesis, n.font.size])")
        thesis = [size for is_thesis, size in sizes if is_thesis]
        assert len(thesis) == 1 and thesis[0] > max(size for is_thesis, size in sizes if not is_thesis)
        thesis_id = page.evaluate("argmapNetwork.body.data.nodes.get().filter(n => n.thesis)[0].id")
        dom = page.evaluate(f"argmapNetwork.canvasToDOM(argmapNetwork.getPosition({thesis_id!r}))")
        net = page.locator("#network").bounding_box()
        assert 0 <= dom["x"] <= net["width"] and 0 <= dom["y"] <= net["height"]  # it opens on the thesis
        legend = page.locator("#legend").bounding_box()
        assert legend["y"] >= net["y"] + net["height"] - 1  # a strip under the map, never over it
        page.screenshot(path=str(artifact("map-first-sight.png")))
        assert traffic.page_errors == []


def test_an_empty_map_says_what_to_do(tmp_path: Path) -> None:
    from argmap.graph.store import open_store

    with open_store(tmp_path / "store") as store:
        write_map(store, tmp_path / "empty.html")
    with offline_page() as (page, traffic):
        page.goto((tmp_path / "empty.html").as_uri())
        note = page.locator("#empty")
        note.wait_for(state="visible")
        assert "argmap ingest" in note.inner_text()
        assert traffic.page_errors == []


def test_the_panel_names_the_claim_another_article_contradicts(tmp_path: Path) -> None:
    import argmap

    store = disagreeing_store(tmp_path)
    try:
        write_map(store, tmp_path / "map.html")
        rows = argmap.query(store, "SELECT ?a ?b WHERE { ?a am:contradicts ?b ; am:text ?t FILTER(CONTAINS(?t, 'working')) }")
    finally:
        store.close()
    (row,) = rows
    with offline_page() as (page, traffic):
        page.goto((tmp_path / "map.html").as_uri())
        wait_stable(page)
        assert page.evaluate(f"argmapSelect('{row['a']}')") is True
        panel = page.locator("#panel").inner_text()
        assert "相互矛盾 contradicts · 其他文章 other articles (1)" in panel
        assert "struggling" in panel  # the other article's claim, a button that selects it
        page.locator("#panel button", has_text="struggling").click()
        assert "struggling" in page.locator("#panel .full").inner_text()
        assert traffic.page_errors == []
