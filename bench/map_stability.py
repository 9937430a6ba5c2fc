"""Time until a 2,000-node argument map is stable and interactive in headless chromium.

Compares, on the same generated graph and in the same run, with every page offline (all network
requests aborted, which also cuts pyvis' Bootstrap links):

- ``argmap physics``       argmap's page and settings, --layout physics
- ``argmap hierarchical``  argmap's page, --layout hierarchical (positions computed in Python)
- ``pyvis default``        the same nodes and edges through pyvis 0.3.2 with its default settings and
                           its own template (cdn_resources="in_line": the same vis-network 9.1.2 build)

"Stable" is measured the same way for every page, from outside vis-network: positions are sampled
every 100 ms from navigation start; the page is stable at the first sample after which no node moves
more than 0.5 px for 1 s. "Interactive" is the mean time of one full redraw of the canvas once stable.

Run from the repository root:  .venv/bin/python bench/map_stability.py [--nodes 2000] [--runs 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyvis.network import Network  # noqa: E402

from argmap.graph.iri import article_iri  # noqa: E402
from argmap.graph.mapping import article_triples  # noqa: E402
from argmap.graph.store import open_store  # noqa: E402
from argmap.graph.synthetic import synthetic_analysis  # noqa: E402
from argmap.viz import write_map  # noqa: E402
from argmap.viz.render import Layout, build_network  # noqa: E402
from argmap.viz.viewmodel import load_view_model  # noqa: E402
from tests.viz.browser import offline_page  # noqa: E402

NODES_PER_ARTICLE = 16  # 10 statements and 6 figures per synthetic article; brands and strategies are shared
LIMIT_SECONDS = 180.0

WATCH = """
(() => {
  const net = () => window.argmapNetwork || window.network;
  let last = null, lastAt = 0, quietSince = null;
  function moved(a, b) {
    let max = 0;
    for (const k in a) {
      const p = a[k], q = b[k];
      if (!q) return Infinity;
      max = Math.max(max, Math.abs(p.x - q.x) + Math.abs(p.y - q.y));
    }
    return max;
  }
  function tick() {
    const n = net();
    const now = performance.now();
    if (n && n.body && Object.keys(n.body.nodes).length) {
      const pos = n.getPositions();
      if (last && moved(pos, last) < 0.5) {
        if (quietSince === null) quietSince = lastAt;
        if (now - quietSince >= 1000) { window.__stableAt = quietSince; return; }
      } else {
        quietSince = null;
      }
      last = pos; lastAt = now;
    }
    setTimeout(tick, 100);
  }
  setTimeout(tick, 0);
})();
"""

REDRAW = """
(() => {
  const n = window.argmapNetwork || window.network;
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) n.redraw();
  return (performance.now() - t0) / 5;
})()
"""


@dataclass
class Measure:
    name: str
    stable_s: float | None
    redraw_ms: float | None
    page_kb: int


def build_store(path: Path, articles: int) -> None:
    store = open_store(path)
    try:
        for i in range(articles):
            a = synthetic_analysis(i)
            store.replace_graph(str(article_iri(a.key)), article_triples(a))
    finally:
        store.close()


def pyvis_default_page(store_path: Path, out: Path) -> None:
    """The same nodes and edges (labels, shapes, colours) with pyvis' default options and template."""
    store = open_store(store_path, read_only=True)
    try:
        ours = build_network(load_view_model(store), Layout.PHYSICS)
    finally:
        store.close()
    net = Network(directed=True, cdn_resources="in_line")
    for node in ours.nodes:
        attrs = {k: v for k, v in node.items() if k not in ("id", "x", "y")}
        net.add_node(node["id"], **attrs)
    for edge in ours.edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    out.write_text(net.generate_html(), encoding="utf-8")


def measure(name: str, page_path: Path) -> Measure:
    with offline_page(width=1400, height=900) as (page, traffic):
        page.add_init_script(WATCH)
        page.goto(page_path.as_uri())
        deadline = time.monotonic() + LIMIT_SECONDS
        stable = None
        while time.monotonic() < deadline:
            stable = page.evaluate("window.__stableAt === undefined ? null : window.__stableAt")
            if stable is not None:
                break
            page.wait_for_timeout(250)
        redraw = page.evaluate(REDRAW) if stable is not None else None
        if traffic.page_errors:
            print(f"  {name}: page errors {traffic.page_errors[:3]}", file=sys.stderr)
    kb = page_path.stat().st_size // 1024
    return Measure(name, None if stable is None else stable / 1000, redraw, kb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1, help="repeat each page this many times; medians are printed")
    parser.add_argument("--no-pyvis", action="store_true", help="skip the pyvis default page (it takes minutes)")
    args = parser.parse_args()
    articles = max(1, round(args.nodes / NODES_PER_ARTICLE))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_store(root / "store", articles)
        store = open_store(root / "store", read_only=True)
        try:
            pages = {}
            for layout in (Layout.PHYSICS, Layout.HIERARCHICAL):
                path = root / f"argmap-{layout.value}.html"
                stats = write_map(store, path, layout=layout.value)
                pages[f"argmap {layout.value}"] = path
        finally:
            store.close()
        if not args.no_pyvis:
            pyvis_default_page(root / "store", root / "pyvis-default.html")
            pages["pyvis default"] = root / "pyvis-default.html"
        print(f"graph: {stats.nodes} nodes, {stats.edges} edges ({articles} synthetic articles); "
              f"headless chromium, network blocked; {args.runs} run(s) per page")
        results: dict[str, list[Measure]] = {name: [] for name in pages}
        for _ in range(args.runs):
            for name, path in pages.items():
                results[name].append(measure(name, path))
        summary = {name: _median(ms) for name, ms in results.items()}
        print(f"{'page':22} {'stable after':>14} {'redraw':>10} {'page size':>10}")
        for name, m in summary.items():
            stable = f"{m.stable_s:.2f} s" if m.stable_s is not None else f"> {LIMIT_SECONDS:.0f} s"
            redraw = f"{m.redraw_ms:.1f} ms" if m.redraw_ms is not None else "—"
            print(f"{name:22} {stable:>14} {redraw:>10} {m.page_kb:>7} KB")
        if "pyvis default" not in summary:
            return
        base, ours = summary["pyvis default"], summary["argmap physics"]
        if ours.stable_s:
            base_s = base.stable_s if base.stable_s is not None else LIMIT_SECONDS
            more = "" if base.stable_s is not None else " (at least: pyvis default did not settle within the limit)"
            print(f"ratio pyvis default / argmap physics time to stable: {base_s / ours.stable_s:.1f}x{more}")
        hier = summary["argmap hierarchical"]
        if hier.stable_s:
            print(f"ratio pyvis default / argmap hierarchical time to stable: {(base.stable_s or LIMIT_SECONDS) / hier.stable_s:.1f}x")


def _median(ms: list[Measure]) -> Measure:
    stable = [m.stable_s for m in ms if m.stable_s is not None]
    redraw = [m.redraw_ms for m in ms if m.redraw_ms is not None]
    return Measure(ms[0].name, statistics.median(stable) if len(stable) == len(ms) else None,
                   statistics.median(redraw) if redraw else None, ms[0].page_kb)


if __name__ == "__main__":
    main()
