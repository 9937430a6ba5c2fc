/* argmap map page: filters, side panel, and stopping physics once the layout is stable.
   Article text is only ever put into the page with textContent, never as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var TERMS = data.terms;
  var ARGUMENT = { supports: true, undermines: true };

  function term(key) {
    var t = TERMS[key];
    return t ? t[0] + " " + t[1] : key;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // a button naming a node of the map; a click selects that node
  function nodeButton(id, label) {
    var button = el("button", label);
    button.type = "button";
    button.dataset.node = id;
    button.addEventListener("click", function () { select(id); });
    return button;
  }

  // ---------------------------------------------------------------- graph indexes
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var incoming = {};  // target -> [{from, kind}]
  var outgoing = {};  // source -> [{to, kind}]
  data.edges.forEach(function (e, i) {
    e.id = "e" + i;
    (incoming[e.to] = incoming[e.to] || []).push({ id: e.from, kind: e.kind });
    (outgoing[e.from] = outgoing[e.from] || []).push({ id: e.to, kind: e.kind });
  });

  function linked(index, id, kinds) {
    return (index[id] || []).filter(function (l) { return kinds[l.kind]; });
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.argmapNetwork = network;

  // ---------------------------------------------------------------- stable layout
  var progress = document.getElementById("progress");
  function markStable() {
    if (document.body.dataset.stable) return;
    firstView();
    document.body.dataset.stable = "1";
    window.argmapStableAt = performance.now();
    progress.hidden = true;
  }

  // ---------------------------------------------------------------- first view
  // The map opens on the thesis and the statements around it, at a size its label can be read at;
  // a small map is simply shown whole.
  var READABLE_PX = 14;
  function firstView() {
    var thesis = data.nodes.filter(function (n) { return n.thesis; })[0];
    if (!thesis) { network.fit({ animation: false }); return; }
    var around = {};
    around[thesis.id] = true;
    linked(incoming, thesis.id, ARGUMENT).concat(linked(outgoing, thesis.id, ARGUMENT))
      .forEach(function (l) { around[l.id] = true; });
    network.fit({ nodes: Object.keys(around), animation: false });
    var size = (thesis.font && thesis.font.size) || 14;
    if (network.getScale() * size < READABLE_PX) {
      // Zoom in to a readable size, centred between the thesis and the statements around it.
      var ids = Object.keys(around), at = network.getPositions(ids), x = 0, y = 0;
      ids.forEach(function (id) { x += at[id].x; y += at[id].y; });
      var own = at[thesis.id];
      var centre = { x: (own.x + x / ids.length) / 2, y: (own.y + y / ids.length) / 2 };
      network.moveTo({ position: centre, scale: READABLE_PX / size, animation: false });
    }
    window.argmapThesisFontPx = network.getScale() * size;
    document.body.dataset.thesisFontPx = String(window.argmapThesisFontPx);
  }
  if (data.options.physics && data.options.physics.enabled) {
    progress.hidden = false;
    progress.textContent = "布局中 laying out…";
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "布局中 laying out " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    // Once stabilized, the layout stays put: a still map costs no CPU and nodes stay where users drag them.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markStable();
    });
    network.once("stabilized", markStable);
  } else {
    network.once("afterDrawing", markStable);
  }

  // ---------------------------------------------------------------- filters
  var filterArticle = document.getElementById("f-article");
  var filterBrand = document.getElementById("f-brand");
  var filterStatus = document.getElementById("f-status");
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll(".f-kind"));
  var shown = document.getElementById("shown");

  function isStatement(n) { return n.kind === "claim" || n.kind === "evidence"; }

  function argumentNeighbours(ids) {
    var out = {};
    Object.keys(ids).forEach(function (id) {
      out[id] = true;
      linked(incoming, id, ARGUMENT).concat(linked(outgoing, id, ARGUMENT)).forEach(function (l) { out[l.id] = true; });
    });
    return out;
  }

  function visibleIds() {
    var article = filterArticle.value, brand = filterBrand.value, status = filterStatus.value;
    var kinds = {};
    kindBoxes.forEach(function (b) { if (b.checked) kinds[b.value] = true; });
    var statements = {};
    data.nodes.forEach(function (n) {
      if (isStatement(n) && (!article || n.article === article)) statements[n.id] = true;
    });
    if (brand) {
      var direct = {};
      linked(incoming, brand, { mentions: true }).forEach(function (l) { if (statements[l.id]) direct[l.id] = true; });
      var near = argumentNeighbours(direct);
      Object.keys(statements).forEach(function (id) { if (!near[id]) delete statements[id]; });
    }
    if (status) {
      var claims = {};
      Object.keys(statements).forEach(function (id) {
        if (byId[id].kind === "claim" && byId[id].status === status) claims[id] = true;
      });
      var kept = argumentNeighbours(claims);
      Object.keys(statements).forEach(function (id) {
        if (!(claims[id] || (kept[id] && byId[id].kind === "evidence"))) delete statements[id];
      });
    }
    var filtered = article || brand || status;
    var visible = {};
    Object.keys(statements).forEach(function (id) { if (kinds[byId[id].kind]) visible[id] = true; });
    if (kinds.entity) {
      data.nodes.forEach(function (n) {
        if (n.kind !== "entity") return;
        var used = !filtered || n.id === brand ||
          linked(incoming, n.id, { mentions: true }).some(function (l) { return statements[l.id]; });
        if (used) visible[n.id] = true;
      });
    }
    return visible;
  }

  function applyFilters() {
    var visible = visibleIds();
    var changes = [], count = 0;
    data.nodes.forEach(function (n) {
      var hidden = !visible[n.id];
      if (!hidden) count += 1;
      if (Boolean(n.hidden) !== hidden) {
        n.hidden = hidden;
        changes.push({ id: n.id, hidden: hidden });
      }
    });
    if (changes.length) nodes.update(changes);  // hidden, not removed: nodes keep their place
    shown.textContent = "显示 shown " + count + " / " + data.nodes.length;
    showEmpty(count === 0, data.nodes.length === 0
      ? "这里还没有内容 Nothing to show yet: ingest an article (argmap ingest FILE), then write the map again."
      : "没有符合筛选条件的内容 Nothing matches these filters: choose 全部 all in a filter to see more.");
  }

  var emptyNote = document.getElementById("empty");
  function showEmpty(empty, message) {
    emptyNote.hidden = !empty;
    emptyNote.textContent = empty ? message : "";
  }

  // Mention lines can be many; hiding them leaves the argument itself (supports / undermines) in view.
  var mentionBox = document.getElementById("f-mentions");
  mentionBox.addEventListener("change", function () {
    edges.update(data.edges.filter(function (e) { return e.kind === "mentions"; })
      .map(function (e) { return { id: e.id, hidden: !mentionBox.checked }; }));
  });

  [filterArticle, filterBrand, filterStatus].forEach(function (s) { s.addEventListener("change", applyFilters); });
  kindBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  shown.textContent = "显示 shown " + data.nodes.length + " / " + data.nodes.length;
  if (!data.nodes.length) {
    showEmpty(true, "这里还没有内容 Nothing to show yet: ingest an article (argmap ingest FILE), then write the map again.");
  }

  // ---------------------------------------------------------------- side panel
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var STATUS_COLOUR = { accepted: "#1e8e3e", rejected: "#c5221f", undecided: "#b88a00", unsupported: "#9aa0a6", unknown: "#3367d6" };

  function shortText(n) {
    var t = n.kind === "entity" ? (n.labelZh || n.labelEn || n.id) : n.title;
    return t.length > 60 ? t.slice(0, 60) + "…" : t;
  }

  function nodeList(title, links) {
    body.appendChild(el("h3", title + " (" + links.length + ")"));
    if (!links.length) {
      body.appendChild(el("p", "无 none", "none"));
      return;
    }
    var ul = el("ul");
    links.forEach(function (l) {
      var target = byId[l.id];
      if (!target) return;
      var li = el("li");
      li.appendChild(nodeButton(l.id, shortText(target)));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }

  function passage(n) {
    var p = el("p", null, "para");
    var para = n.para || "";
    p.appendChild(document.createTextNode(para.slice(0, n.hs)));
    p.appendChild(el("mark", para.slice(n.hs, n.he)));
    p.appendChild(document.createTextNode(para.slice(n.he)));
    return p;
  }

  function showStatement(n) {
    var head = el("h2", term(n.kind));
    if (n.kind === "claim" || n.status !== "unknown") {
      var chip = el("span", term(n.status), "chip");
      chip.style.setProperty("--c", STATUS_COLOUR[n.status] || "#5f6368");
      head.appendChild(chip);
    }
    if (n.strength !== null && n.strength !== undefined) {
      head.appendChild(el("span", " 强度 strength " + Number(n.strength).toFixed(2)));
    }
    body.appendChild(head);
    body.appendChild(el("p", n.title, "full"));
    body.appendChild(el("h3", "出处 Source"));
    body.appendChild(el("p", data.articles[n.article] || n.article || "—", "article"));
    body.appendChild(passage(n));
    nodeList(term("supports") + " · 支持者 supporters", linked(incoming, n.id, { supports: true }));
    nodeList(term("undermines") + " · 反对者 attackers", linked(incoming, n.id, { undermines: true }));
    nodeList("论证对象 argues for / against", linked(outgoing, n.id, ARGUMENT));
    nodeList(term("mentions"), linked(outgoing, n.id, { mentions: true }));
    // claims of other articles on the same side of the same brand or strategy, or the other side;
    // listed only where there are some (a map of one article has none)
    ["agreesWith", "contradicts"].forEach(function (k) {
      var only = {};
      only[k] = true;
      var links = linked(outgoing, n.id, only).concat(linked(incoming, n.id, only));
      if (links.length) nodeList(term(k) + " · 其他文章 other articles", links);
    });
  }

  function showEntity(n) {
    body.appendChild(el("h2", term(n.ekind)));
    var name = n.labelZh || n.labelEn || n.id;
    if (n.labelEn && n.labelZh && n.labelEn !== n.labelZh) name = n.labelZh + " / " + n.labelEn;
    body.appendChild(el("p", name, "full"));
    if (n.classes && n.classes.length) body.appendChild(el("p", n.classes.join("、"), "classes"));
    body.appendChild(el("p", n.id, "iri none"));
    (n.verdicts || []).forEach(showVerdict);
    nodeList("提及它的陈述 statements mentioning it", linked(incoming, n.id, { mentions: true }));
    var related = { pursues: true, constrainedBy: true, competesWith: true };
    nodeList("关系 relations", linked(outgoing, n.id, related).concat(linked(incoming, n.id, related)));
  }

  // A premiumization verdict: its class (or none), the rule that decided, both sides' counts and the sentences.
  function showVerdict(v) {
    body.appendChild(el("h3", "高端化判定 premiumization verdict"));
    var verdict = v.classes.length ? v.classes.join("、") : "不予分类 no classification";
    body.appendChild(el("p", verdict + " — " + v.rule, "verdict"));
    body.appendChild(el("p", "价格论据 price-driven: " + v.price.count + " 条 statements, 权重 weight " +
      Number(v.price.weight).toFixed(2) + " · 价值论据 value-driven: " + v.value.count + " 条 statements, 权重 weight " +
      Number(v.value.weight).toFixed(2), "sides"));
    var sides = { price: "价格 price", value: "价值 value", "": "其他 other" };
    var ul = el("ul", null, "verdict-sentences");
    v.sentences.forEach(function (s) {
      var weight = s.strength === null || s.strength === undefined ? "—" : Number(s.strength).toFixed(2);
      var note = (s.restsOn ? " · 判定依据 rests on it" : "") + (s.accepted ? "" : " · 未计入 not counted");
      var line = "[" + sides[s.side] + " " + weight + "] " + s.text + note;
      var li = el("li", byId[s.id] ? null : line);
      if (byId[s.id]) li.appendChild(nodeButton(s.id, line));  // on the map: a click selects it
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }

  function showPanel(id) {
    var n = byId[id];
    if (!n) return false;
    body.textContent = "";
    body.dataset.node = id;
    if (n.kind === "entity") showEntity(n); else showStatement(n);
    panel.hidden = false;
    return true;
  }

  function hidePanel() {
    panel.hidden = true;
    body.textContent = "";
    delete body.dataset.node;
  }

  function select(id) {
    if (!byId[id]) return false;
    network.selectNodes([id]);
    network.focus(id, { animation: false, locked: false });
    return showPanel(id);
  }
  // The UI's own selection entry point, also used by tests and by links from the web app.
  window.argmapSelect = select;

  network.on("click", function (params) {
    if (params.nodes.length) showPanel(params.nodes[0]); else if (!params.edges.length) hidePanel();
  });
  document.getElementById("panel-close").addEventListener("click", function () {
    network.unselectAll();
    hidePanel();
  });

  var wanted = new URLSearchParams(window.location.search).get("node");
  if (wanted) network.once("afterDrawing", function () { select(wanted); });
})();
