"""View model → one self-contained HTML page (pyvis assembles the vis-network nodes, edges and options).

pyvis' own template links Bootstrap and vis-network from CDNs, so the page comes from our template with
vis-network inlined from ``assets/``. Article text reaches the page only as JSON inside a
``<script type="application/json">`` block (escaped so it cannot close the block) and is put into the
DOM with ``textContent`` by ``map.js``: a statement containing markup is shown, never run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from argmap.errors import MapError
from argmap.viz.layout import layered_positions
from argmap.viz.viewmodel import (
    AGREEMENT_EDGES,
    ARGUMENT_EDGES,
    EdgeKind,
    EntityKind,
    EntityNode,
    VerdictView,
    NodeKind,
    Status,
    StatementNode,
    ViewModel,
)

LABEL_CHARS = 18  # CJK characters shown on a node; Latin letters count half
LINE_CHARS = 9  # CJK characters per label line
SMALL_GRAPH = 150  # up to this many nodes vis' improved (Kamada-Kawai) initial layout is affordable
SAID_SHOWN = 3  # sentences quoted in an entity relation's tooltip: enough to check it, short enough to read


class Layout(str, Enum):
    HIERARCHICAL = "hierarchical"
    PHYSICS = "physics"


@dataclass(frozen=True, slots=True)
class MapStats:
    nodes: int
    edges: int


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    border: str


STATUS_LOOK = {
    Status.ACCEPTED: Look("#d7f5dc", "#1e8e3e"),
    Status.REJECTED: Look("#fde0e0", "#c5221f"),
    Status.UNDECIDED: Look("#fff4cc", "#b88a00"),
    Status.UNSUPPORTED: Look("#ffffff", "#9aa0a6"),
    Status.UNKNOWN: Look("#e8f0fe", "#3367d6"),
}
EVIDENCE_LOOK = Look("#f1f3f4", "#5f6368")
ENTITY_COLOUR = {
    EntityKind.BRAND: "#f29900",
    EntityKind.ORGANIZATION: "#e37400",
    EntityKind.PERSON: "#12b5cb",
    EntityKind.PRODUCT: "#9334e6",
    EntityKind.EVENT: "#e52592",
    EntityKind.MARKET: "#7cb342",
    EntityKind.STRATEGY: "#1a73e8",
    EntityKind.CONSTRAINT: "#795548",
    EntityKind.QUANTITY: "#80868b",
}
EDGE_COLOUR = {
    EdgeKind.SUPPORTS: "#1e8e3e",
    EdgeKind.UNDERMINES: "#d93025",
    EdgeKind.MENTIONS: "#d3d6da",
    EdgeKind.PURSUES: "#9aa0a6",
    EdgeKind.CONSTRAINED_BY: "#9aa0a6",
    EdgeKind.COMPETES_WITH: "#9aa0a6",
    EdgeKind.AGREES_WITH: "#1a73e8",
    EdgeKind.CONTRADICTS: "#e37400",
}
# What the page shows for each term, Chinese with the ontology's English beside it.
TERMS: dict[str, tuple[str, str]] = {
    NodeKind.CLAIM.value: ("论点", "claim"),
    NodeKind.EVIDENCE.value: ("论据", "evidence"),
    NodeKind.ENTITY.value: ("实体", "entity"),
    Status.ACCEPTED.value: ("成立", "accepted"),
    Status.REJECTED.value: ("不成立", "rejected"),
    Status.UNDECIDED.value: ("未定", "undecided"),
    Status.UNSUPPORTED.value: ("无依据", "unsupported"),
    Status.UNKNOWN.value: ("未评估", "not reasoned yet"),
    EdgeKind.SUPPORTS.value: ("支持", "supports"),
    EdgeKind.UNDERMINES.value: ("削弱", "undermines"),
    EdgeKind.MENTIONS.value: ("提及", "mentions"),
    EdgeKind.PURSUES.value: ("推行", "pursues"),
    EdgeKind.CONSTRAINED_BY.value: ("受制于", "constrained by"),
    EdgeKind.COMPETES_WITH.value: ("竞争", "competes with"),
    EdgeKind.AGREES_WITH.value: ("相互印证", "agrees with"),
    EdgeKind.CONTRADICTS.value: ("相互矛盾", "contradicts"),
    EntityKind.BRAND.value: ("品牌", "brand"),
    EntityKind.ORGANIZATION.value: ("组织", "organization"),
    EntityKind.PERSON.value: ("人物", "person"),
    EntityKind.PRODUCT.value: ("产品", "product"),
    EntityKind.EVENT.value: ("事件", "event"),
    EntityKind.MARKET.value: ("市场", "market"),
    EntityKind.STRATEGY.value: ("战略", "strategy"),
    EntityKind.CONSTRAINT.value: ("制约", "constraint"),
    EntityKind.QUANTITY.value: ("数值", "quantity"),
}
FONT_FACE = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"


def parse_layout(layout: str | Layout) -> Layout:
    try:
        return Layout(layout)
    except ValueError:
        raise MapError(f"unknown layout {layout!r}: use hierarchical or physics") from None


# ------------------------------------------------------------------ labels


def char_width(ch: str) -> int:
    """Display width in half-CJK units: wide (CJK) characters count 2, everything else 1."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def short_label(text: str, *, max_chars: int = LABEL_CHARS, line_chars: int = LINE_CHARS) -> str:
    """The first ``max_chars`` CJK characters (or twice as many Latin ones), wrapped every ``line_chars``."""
    flat = " ".join(text.split())
    limit, line_limit = 2 * max_chars, 2 * line_chars
    lines: list[str] = []
    line, used, total = "", 0, 0
    for ch in flat:
        w = char_width(ch)
        if total + w > limit:
            return "\n".join([*lines, line.rstrip() + "…"])
        if used + w > line_limit:
            line, carry = _break_line(line)
            lines.append(line)
            line, used = carry, sum(char_width(c) for c in carry)
            if ch == " " and not line:
                total += w
                continue
        line += ch
        used += w
        total += w
    return "\n".join([*lines, line])


def _break_line(line: str) -> tuple[str, str]:
    """Break Latin text at its last space when there is one in the second half; CJK breaks anywhere."""
    cut = line.rfind(" ")
    if cut > len(line) // 2:
        return line[:cut], line[cut + 1:]
    return line, ""


# ------------------------------------------------------------------ nodes and edges


def _statement_node(st: StatementNode) -> dict[str, Any]:
    strength = st.strength if st.strength is not None else 0.0
    look = STATUS_LOOK[st.status] if st.kind is NodeKind.CLAIM or st.status is not Status.UNKNOWN else EVIDENCE_LOOK
    node = _statement_look(st, strength, look)
    if st.central:  # the thesis is the most prominent node whatever its strength
        node.update(borderWidth=5, margin=16, font={"size": THESIS_FONT, "face": FONT_FACE, "color": "#202124"},
                    label="★ 核心论点 thesis\n" + node["label"], thesis=True)
    return node


THESIS_FONT = 24  # larger than any other statement (14-20 by strength)


def _statement_look(st: StatementNode, strength: float, look: Any) -> dict[str, Any]:
    return {
        "label": short_label(st.text),
        "title": st.text,
        "shape": "box" if st.kind is NodeKind.CLAIM else "ellipse",
        "color": {"background": look.background, "border": look.border,
                  "highlight": {"background": "#ffffff", "border": look.border},
                  "hover": {"background": "#ffffff", "border": look.border}},
        "borderWidth": 1 + round(3 * strength) if st.kind is NodeKind.CLAIM else 1,
        "borderWidthSelected": 4,
        "margin": 6 + round(8 * strength),
        "font": {"size": 14 + round(6 * strength), "face": FONT_FACE, "color": "#202124"},
        "shapeProperties": {"borderDashes": [4, 3] if st.status in (Status.UNDECIDED, Status.UNSUPPORTED) else False},
        "kind": st.kind.value,
        "status": st.status.value,
        "strength": st.strength,
        "article": st.article or "",
        "para": st.passage.paragraph,
        "hs": st.passage.start,
        "he": st.passage.end,
        "start": st.start,
        "end": st.end,
    }


def _entity_node(en: EntityNode) -> dict[str, Any]:
    colour = ENTITY_COLOUR[en.kind]
    zh, en_term = TERMS[en.kind.value]
    label = short_label(en.label_zh or en.label, max_chars=12, line_chars=12)
    if en.label_en and en.label_zh and en.label_en != en.label_zh:
        label += "\n" + short_label(en.label_en, max_chars=12, line_chars=12)
    if en.classes:
        label += "\n〔" + "、".join(en.classes) + "〕"
    return {
        "label": label,
        "title": f"{en.label}\n{zh} {en_term}" + (f"\n{'、'.join(en.classes)}" if en.classes else ""),
        "shape": "diamond" if en.kind is EntityKind.QUANTITY else "dot",
        "size": 9 if en.kind is EntityKind.QUANTITY else 12,
        "color": {"background": colour, "border": colour, "highlight": {"background": "#ffffff", "border": colour},
                  "hover": {"background": "#ffffff", "border": colour}},
        "font": {"size": 12, "face": FONT_FACE, "color": "#3c4043"},
        "kind": NodeKind.ENTITY.value,
        "ekind": en.kind.value,
        "labelZh": en.label_zh,
        "labelEn": en.label_en,
        "classes": list(en.classes),
        "verdicts": [_verdict(v) for v in en.verdicts],
    }


def _verdict(v: VerdictView) -> dict[str, Any]:
    return {
        "strategy": v.strategy, "classes": list(v.classes), "rule": v.rule,
        "price": {"weight": v.price_weight, "count": v.price_count},
        "value": {"weight": v.value_weight, "count": v.value_count},
        "sentences": [{"id": s.iri, "text": s.text, "side": s.side, "strength": s.strength, "accepted": s.accepted,
                       "restsOn": s.rests_on} for s in v.sentences],
    }


def _edge_options(kind: EdgeKind, said: tuple[str, ...] = (), on: tuple[str, ...] = ()) -> dict[str, Any]:
    colour = EDGE_COLOUR[kind]
    # an entity relation's tooltip quotes where the articles say it, so a reader can check the line; a link
    # between two articles' claims says what both speak of
    title = "\n".join([" ".join(TERMS[kind.value]), *([f"关于 on: {'; '.join(on)}"] if on else []),
                       *(f"「{s}」" for s in said[:SAID_SHOWN])])
    opts: dict[str, Any] = {"color": {"color": colour, "highlight": colour, "hover": colour}, "kind": kind.value,
                            "title": title}
    if kind in ARGUMENT_EDGES:
        opts.update(arrows="to", width=2.5)
        if kind is EdgeKind.UNDERMINES:
            opts["dashes"] = [8, 5]  # not colour alone: readable for red-green colour blindness too
    elif kind is EdgeKind.MENTIONS:
        opts.update(width=1, dashes=[2, 4])
    elif kind in AGREEMENT_EDGES:
        # claims of two articles: no arrow (the link is symmetric), a long dash unlike any argument line
        opts.update(width=2, dashes=[14, 6] if kind is EdgeKind.CONTRADICTS else False, arrows="",
                    label=TERMS[kind.value][0], font={"size": 10, "face": FONT_FACE, "color": colour})
    else:
        opts.update(width=1.5, arrows="to", label=TERMS[kind.value][0], font={"size": 10, "face": FONT_FACE, "color": "#5f6368"})
    return opts


def build_network(vm: ViewModel, layout: Layout) -> Network:
    """The pyvis network for the view model: nodes, edges and vis-network options."""
    net = Network(directed=True, cdn_resources="in_line")
    # A big physics map starts from the layered layout: relaxing a sensible start takes a fraction of
    # the iterations that untangling random positions does.
    seeded = layout is Layout.HIERARCHICAL or len(vm.statements) + len(vm.entities) > SMALL_GRAPH
    positions = layered_positions(vm) if seeded else {}
    for iri, st in vm.statements.items():
        net.add_node(iri, **_statement_node(st), **_place(positions.get(iri)))
    for iri, en in vm.entities.items():
        net.add_node(iri, **_entity_node(en), **_place(positions.get(iri)))
    for e in vm.edges:
        net.add_edge(e.source, e.target, **_edge_options(e.kind, e.said, e.on))
    net.set_options(json.dumps(vis_options(layout, len(net.nodes))))
    return net


def _place(point: tuple[float, float] | None) -> dict[str, float]:
    return {"x": round(point[0], 1), "y": round(point[1], 1)} if point else {}


def vis_options(layout: Layout, node_count: int) -> dict[str, Any]:
    """Settings that keep a big map quick: straight edges, bounded stabilization, physics off once stable (map.js)."""
    big = node_count > SMALL_GRAPH
    options: dict[str, Any] = {
        "autoResize": True,
        "edges": {"smooth": False, "arrowStrikethrough": False, "selectionWidth": 2},
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"widthConstraint": {"maximum": 190}},
    }
    if layout is Layout.HIERARCHICAL:
        # Positions come from layout.layered_positions: nothing left for vis to compute.
        options["layout"] = {"improvedLayout": False}
        options["physics"] = {"enabled": False}
    else:
        options["layout"] = {"improvedLayout": not big, "randomSeed": 7}
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.01, "springLength": 110,
                                 "springConstant": 0.08, "damping": 0.6, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 100 if big else 600, "updateInterval": 25, "fit": True},
            "minVelocity": 1.5, "maxVelocity": 60, "timestep": 0.5, "adaptiveTimestep": True,
        }
    return options


# ------------------------------------------------------------------ the page


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> block: nothing in it can end the block or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def csp_hash(script: str) -> str:
    """The Content-Security-Policy source for one inline script: only our own scripts may run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _asset(name: str) -> str:
    return resources.files("argmap.viz").joinpath("assets", name).read_text(encoding="utf-8")


def page_environment() -> Environment:
    return Environment(loader=PackageLoader("argmap.viz", "templates"), autoescape=select_autoescape(["html"]))


def page_data(vm: ViewModel, net: Network, layout: Layout) -> dict[str, Any]:
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options if isinstance(net.options, dict) else json.loads(net.options.to_json()),
        "articles": {iri: a.label for iri, a in vm.articles.items()},
        "terms": TERMS,
        "layout": layout.value,
    }


def legend_entries() -> list[tuple[str, str, str, str]]:
    """(css class, colour, Chinese, English) rows of the legend."""
    rows = [("shape-box", STATUS_LOOK[Status.UNKNOWN].border, *TERMS[NodeKind.CLAIM.value]),
            ("shape-ellipse", EVIDENCE_LOOK.border, *TERMS[NodeKind.EVIDENCE.value])]
    rows += [("shape-dot", ENTITY_COLOUR[k], *TERMS[k.value]) for k in EntityKind]
    rows += [("status", STATUS_LOOK[s].border, *TERMS[s.value]) for s in Status]
    rows += [("line-solid", EDGE_COLOUR[EdgeKind.SUPPORTS], *TERMS[EdgeKind.SUPPORTS.value]),
             ("line-dashed", EDGE_COLOUR[EdgeKind.UNDERMINES], *TERMS[EdgeKind.UNDERMINES.value]),
             ("line-dotted", EDGE_COLOUR[EdgeKind.MENTIONS], *TERMS[EdgeKind.MENTIONS.value]),
             ("line-solid", EDGE_COLOUR[EdgeKind.AGREES_WITH], *TERMS[EdgeKind.AGREES_WITH.value]),
             ("line-dashed", EDGE_COLOUR[EdgeKind.CONTRADICTS], *TERMS[EdgeKind.CONTRADICTS.value])]
    return rows


def render_page(vm: ViewModel, *, layout: Layout = Layout.HIERARCHICAL, title: str = "argmap", nav: bool = False) -> tuple[str, MapStats]:
    """The whole page as a string, and what it holds. ``nav`` adds the web app's links."""
    net = build_network(vm, layout)
    vis_js, map_js = _asset("vis-network.min.js"), _asset("map.js")
    brands = sorted(((iri, e.label) for iri, e in vm.entities.items() if e.kind is EntityKind.BRAND), key=lambda p: p[1])
    html = page_environment().get_template("map.html").render(
        title=title,
        nav=nav,
        data_json=Markup(script_json(page_data(vm, net, layout))),
        vis_js=Markup(vis_js),
        map_js=Markup(map_js),
        script_hashes=" ".join(csp_hash(js) for js in (vis_js, map_js)),
        map_css=Markup(_asset("map.css")),
        legend=legend_entries(),
        articles=sorted(((iri, a.label) for iri, a in vm.articles.items()), key=lambda p: p[1]),
        brands=brands,
        statuses=[(s.value, *TERMS[s.value]) for s in Status],
        kinds=[(k.value, *TERMS[k.value]) for k in NodeKind],
        node_count=len(net.nodes),
        edge_count=len(net.edges),
    )
    return html, MapStats(len(net.nodes), len(net.edges))


def write_page(html: str, output: Path) -> None:
    """Write only the file asked for (no lib/ folder beside it, unlike pyvis' write_html)."""
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise MapError(f"cannot write the map to {output}: {exc.strerror or exc}; choose another path with -o") from None
