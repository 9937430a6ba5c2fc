"""The interactive argument map: store → view model (SPARQL only) → one offline HTML page."""

from __future__ import annotations

from pathlib import Path

from argmap.graph.store import Store
from argmap.viz.render import Layout, MapStats, parse_layout, render_page, write_page
from argmap.viz.viewmodel import ViewModel, focus_on_brand, focus_on_claim, load_view_model

__all__ = ["Layout", "MapStats", "map_html", "write_map"]


def focused_view(store: Store, *, claim: str | None = None, brand: str | None = None) -> ViewModel:
    """The store's view model, narrowed to one claim's or one brand's neighbourhood when asked."""
    vm = load_view_model(store)
    if claim:
        vm = focus_on_claim(vm, claim)
    if brand:
        vm = focus_on_brand(vm, brand)
    return vm


def map_html(
    store: Store, *, claim: str | None = None, brand: str | None = None, layout: str = "hierarchical", nav: bool = False
) -> tuple[str, MapStats]:
    """The map page as a string (the web app serves it fresh from the store)."""
    chosen = parse_layout(layout)
    return render_page(focused_view(store, claim=claim, brand=brand), layout=chosen, nav=nav)


def write_map(
    store: Store, output: Path, *, claim: str | None = None, brand: str | None = None, layout: str = "hierarchical"
) -> MapStats:
    """Write the self-contained map page to ``output`` (and nothing else)."""
    html, stats = map_html(store, claim=claim, brand=brand, layout=layout)
    write_page(html, output)
    return stats
