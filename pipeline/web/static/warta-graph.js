/* warta: the who-met graph of a person page, drawn as SVG from the page's JSON twin.
   Written for warta (no library): a radial layout, the person in the middle, the people they met
   on a ring around them, the people those met (two hops) on an outer ring next to whom they met.
   All names are set as text (textContent), never as markup. */
(function () {
  "use strict";
  var box = document.getElementById("warta-graph");
  if (!box) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var base = box.getAttribute("data-json").split("/warta/person/")[0];

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function personUrl(node) {
    return base + "/warta/person/" + encodeURIComponent(node.name) + (node.id === null ? "" : "?id=" + node.id);
  }

  // Angles: hop-1 people evenly by name; hop-2 people ordered by the mean angle of whom they met.
  function layout(graph) {
    var byKey = {}, ring1 = [], ring2 = [];
    graph.nodes.forEach(function (n) {
      byKey[n.key] = n;
      if (n.hop === 1) { ring1.push(n); } else if (n.hop === 2) { ring2.push(n); }
    });
    var r1 = Math.max(110, ring1.length * 16), r2 = r1 + Math.max(120, ring2.length * 6);
    ring1.forEach(function (n, i) { n.angle = 2 * Math.PI * i / Math.max(1, ring1.length) - Math.PI / 2; n.r = r1; });
    ring2.forEach(function (n) {
      var x = 0, y = 0;
      graph.edges.forEach(function (e) {
        var other = e.source === n.key ? byKey[e.target] : e.target === n.key ? byKey[e.source] : null;
        if (other && other.hop === 1) { x += Math.cos(other.angle); y += Math.sin(other.angle); }
      });
      n.wish = Math.atan2(y, x);
    });
    ring2.sort(function (a, b) { return a.wish - b.wish; });
    var start = ring2.length ? ring2[0].wish : 0;
    ring2.forEach(function (n, i) { n.angle = start + 2 * Math.PI * i / ring2.length; n.r = r2; });
    graph.nodes.forEach(function (n) {
      if (n.hop === 0) { n.x = 0; n.y = 0; } else { n.x = n.r * Math.cos(n.angle); n.y = n.r * Math.sin(n.angle); }
    });
    return { byKey: byKey, radius: ring2.length ? r2 : r1 };
  }

  function draw(graph) {
    box.textContent = "";
    if (!graph || graph.nodes.length < 2) {
      box.appendChild(document.createTextNode("No meetings to draw."));
      return;
    }
    var placed = layout(graph), R = placed.radius, pad = 190;
    var svg = el("svg", { viewBox: [-R - pad, -R - 40, 2 * (R + pad), 2 * (R + 40)].join(" "),
                          role: "img", "aria-label": "who met whom" }, box);
    var edges = el("g", { "class": "edges" }, svg);
    graph.edges.forEach(function (e) {
      var a = placed.byKey[e.source], b = placed.byKey[e.target];
      var own = e.source === graph.center || e.target === graph.center;
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": own ? "own" : "",
                              "stroke-width": Math.min(6, (own ? 2 : 1) * e.meetings.length),
                              "data-source": a.name, "data-target": b.name }, edges);
      var title = el("title", {}, line);
      title.textContent = a.name + " – " + b.name + ": " + e.meetings.map(function (m) {
        return (m.type || "meeting") + " " + (m.date || "undated");
      }).join(", ");
    });
    var nodes = el("g", { "class": "nodes" }, svg);
    graph.nodes.forEach(function (n) {
      var link = el("a", { href: personUrl(n), "data-name": n.name, "data-hop": n.hop }, nodes);
      el("circle", { cx: n.x, cy: n.y, r: n.hop === 0 ? 9 : 6,
                     "class": n.hop === 0 ? "center" : n.hop === 2 ? "hop2" : "" }, link);
      var label;
      if (n.hop === 0) {
        // The person's own name above their node, clear of the lines that leave it sideways.
        label = el("text", { x: 0, y: -16, "text-anchor": "middle", "font-weight": "bold" }, link);
      } else {
        var right = Math.cos(n.angle) >= -1e-9;
        label = el("text", { x: n.x + (right ? 10 : -10), y: n.y + 4, "text-anchor": right ? "start" : "end" }, link);
      }
      label.textContent = n.name;
    });
    if (graph.truncated) {
      var note = document.createElement("p");
      note.className = "meta";
      note.textContent = "Only the nearest " + graph.nodes.length + " people are drawn.";
      box.appendChild(note);
    }
  }

  fetch(box.getAttribute("data-json"), { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) { draw(data.graph); box.setAttribute("data-drawn", "true"); })
    .catch(function (error) { box.textContent = "The graph could not be loaded (" + error + ")."; });
}());
