"""Headless Debian chromium with every request outside the test's own origin blocked and recorded."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@dataclass
class Traffic:
    """Every URL the page asked for, and those refused because they would leave the machine."""

    requested: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (scripts/test.sh installs it)")
    pytest.importorskip("playwright.sync_api")


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


@contextmanager
def offline_page(*, allowed_origin: str = "", width: int = 1400, height: int = 900) -> Iterator[tuple[Page, Traffic]]:
    """A page that may load file:// URLs and ``allowed_origin`` only; anything else is aborted and recorded."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    traffic = Traffic()

    def route(r: Route) -> None:
        url = r.request.url
        if url.startswith(("file://", "data:", "about:")) or (allowed_origin and url.startswith(allowed_origin + "/")):
            r.continue_()
        else:
            traffic.blocked.append(url)
            r.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", route)
            page = context.new_page()
            page.on("request", lambda req: traffic.requested.append(req.url))
            page.on("pageerror", lambda exc: traffic.page_errors.append(str(exc)))
            yield page, traffic
        finally:
            browser.close()


def wait_stable(page: Page, timeout_ms: int = 60_000) -> None:
    page.wait_for_selector("body[data-stable='1']", state="attached", timeout=timeout_ms)
