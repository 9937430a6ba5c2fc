"""The web app in headless chromium: map, query page, upload; nothing leaves 127.0.0.1."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from argmap.server.app import AppConfig, default_ingester, start_server
from tests.viz.browser import artifact, offline_page, wait_stable
from tests.viz.vizdata import demo_store, stub_ingester

pytestmark = pytest.mark.browser

UPLOAD = ("苹果的高端化建立在品牌认同之上。\n"
          "因为用户愿意原价购买iPhone,所以苹果的溢价是价值层面的。"
          "<img src=x onerror=\"window.__pwned=3\"> 这句话带着标记。\n")


def real_extractor_available() -> bool:
    return importlib.util.find_spec("argmap.extractors.pipeline") is not None


@pytest.fixture
def server(tmp_path: Path):
    store = demo_store(tmp_path / "store")
    # The real extractor when it is installed; a one-claim stand-in otherwise, so the app is still tested.
    ingester = default_ingester if real_extractor_available() else stub_ingester
    running = start_server(store, config=AppConfig(timeout=20, allow_update=True), ingester=ingester)
    yield running
    running.stop()
    store.close()


def test_map_query_and_upload_in_the_browser(server, tmp_path: Path) -> None:
    with offline_page(allowed_origin=server.url) as (page, traffic):
        page.goto(server.url + "/")
        wait_stable(page)
        before = page.evaluate("argmapNetwork.body.data.nodes.length")
        assert before == int(page.locator("#counts").get_attribute("data-nodes"))
        assert page.locator("#legend").is_visible()

        # The query page: a competency question from the list, then a query typed by hand, then a broken one.
        page.click("text=查询 Query")
        page.wait_for_selector("#q")
        examples = page.locator(".examples a")
        if examples.count():
            examples.nth(5).click()  # question 6: claim statuses
            page.wait_for_selector("#results, #query-error")
        page.fill("#q", "SELECT ?text WHERE { ?c a am:Claim ; am:text ?text } ORDER BY ?text")
        page.click("#run")
        page.wait_for_selector("#results")
        assert page.locator("#results tbody tr").count() == 3
        assert "<script>" in page.locator("#results").inner_text()  # hostile text shown, not run
        page.screenshot(path=str(artifact("app-query.png")), full_page=True)
        page.fill("#q", "SELECT ?x WHERE { ?x ")
        page.click("#run")
        assert "E301" in page.locator("#query-error").inner_text()

        # Upload: a bad file first (nothing changes), then an article.
        page.goto(server.url + "/upload")
        bad = tmp_path / "bad.txt"
        bad.write_bytes("小米".encode("gb18030"))
        page.set_input_files("#article-file", str(bad))
        page.click("#upload")
        assert "UTF-8" in page.locator("#upload-error").inner_text()
        good = tmp_path / "苹果高端化.txt"
        good.write_text(UPLOAD, encoding="utf-8")
        page.set_input_files("#article-file", str(good))
        page.click("#upload")
        page.wait_for_selector("#upload-ok", timeout=120_000)
        page.screenshot(path=str(artifact("app-upload.png")))
        page.click("#upload-ok a")
        wait_stable(page)
        assert page.evaluate("argmapNetwork.body.data.nodes.length") > before
        assert page.locator("#f-article option", has_text="苹果高端化").count() == 1
        page.screenshot(path=str(artifact("app-map.png")))
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert traffic.blocked == [] and traffic.page_errors == []
    assert all(u.startswith(server.url + "/") for u in traffic.requested)
