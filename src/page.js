/* The script of kgraph's HTML page (render -T html): steps through the
 * phases of the inline SVG by its step-N classes, and shows an item's
 * text, quote, date and sources in a panel when it is clicked or
 * focused. Model text only ever reaches the page through textContent. */
(function () {
  "use strict";
  var fig = document.getElementById("kg--page-figure");
  var svg = fig && fig.querySelector("svg");
  var data = JSON.parse(document.getElementById("kg--page-data").textContent);
  var prefix = fig.getAttribute("data-prefix");
  var steps = parseInt(fig.getAttribute("data-steps"), 10) || 1;
  var panel = document.getElementById("kg--page-panel");
  var body = document.getElementById("kg--page-panel-body");
  var label = document.getElementById("kg--page-step-label");
  var prev = document.getElementById("kg--page-prev");
  var next = document.getElementById("kg--page-next");
  var all = document.getElementById("kg--page-all");
  var items = {}, sources = {}, links = {};
  var current = 1;

  ["events", "decisions", "causes", "actors", "groups", "questions",
   "phases"].forEach(function (kind) {
    (data[kind] || []).forEach(function (it) {
      it.kgKind = kind.replace(/s$/, "");
      items[it.id] = it;
    });
  });
  (data.sources || []).forEach(function (s) { sources[s.id] = s; });
  (data.links || []).forEach(function (l) {
    links[l.from + "--" + l.to] = l;
  });

  function stepOf(el) {
    var m = /(?:^|\s)step-(\d+)(?:\s|$)/.exec(el.getAttribute("class") || "");
    return m ? parseInt(m[1], 10) : 0;
  }

  var stepped = svg ? Array.prototype.filter.call(
    svg.querySelectorAll("g[class]"), function (el) {
      return stepOf(el) > 0;
    }) : [];

  /* The phase each step shows: steps skip phases the view has nothing
   * of, so the step's own nodes tell it. */
  var stepPhase = {};
  stepped.forEach(function (el) {
    var k = stepOf(el), m = /(?:^|\s)phase-(\S+)/.exec(
      el.getAttribute("class") || "");
    if (m && !stepPhase[k] && items[m[1]] && items[m[1]].kgKind === "phase")
      stepPhase[k] = m[1];
  });

  function show(k) {
    current = Math.max(1, Math.min(steps, k));
    stepped.forEach(function (el) {
      el.classList.toggle("kg-later", stepOf(el) > current);
    });
    prev.disabled = current <= 1;
    next.disabled = current >= steps;
    all.disabled = current >= steps;
    var p = items[stepPhase[current]];
    label.textContent = steps > 1 ?
      "Phase " + current + " of " + steps + (p ? ": " + p.title : "") :
      (p ? p.title : "");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(u) {
    /* http, https or a relative path, as the model's check allows */
    return typeof u === "string" && (/^https?:\/\//i.test(u) ||
      !/^[a-z][a-z0-9+.\-]*:/i.test(u.replace(/[\s\u0000-\u001f]/g, "")));
  }

  function dateText(d) { return d && d.text ? d.text : ""; }

  function addSources(list) {
    if (!list || !list.length) return;
    body.appendChild(el("h3", null, "Sources"));
    var ol = el("ul", "kg-panel-sources");
    list.forEach(function (ref) {
      var s = sources[ref.id], li = el("li");
      var cite = s ? s.reference || s.cite : ref.id;
      if (s && s.url && safeUrl(s.url)) {
        var a = el("a", null, cite);
        a.href = s.url;
        a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else {
        li.appendChild(document.createTextNode(cite));
      }
      if (ref.at) li.appendChild(document.createTextNode(", " + ref.at));
      ol.appendChild(li);
    });
    body.appendChild(ol);
  }

  function field(name, value) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && !value.length)) return;
    var row = el("p", "kg-field");
    row.appendChild(el("span", "kg-field-name", name + ": "));
    row.appendChild(document.createTextNode(
      Array.isArray(value) ? value.map(function (v) {
        return items[v] && items[v].name ? items[v].name : v;
      }).join(", ") : String(value)));
    body.appendChild(row);
  }

  function open(id, focusPanel) {
    var it = items[id], l = links[id];
    if (!it && !l) return false;
    body.textContent = "";
    if (it) {
      body.appendChild(el("p", "kg-kind", it.kind && it.kgKind === "cause" ?
        it.kind : it.kgKind));
      body.appendChild(el("h2", null, it.title || it.text || it.name ||
        it.id));
      field("Date", dateText(it.date));
      field("Phase", it.phase && items[it.phase] ?
        items[it.phase].title : it.phase);
      field("Actor", it.actor ? [it.actor] : it.actors);
      field("Stated by", it.by ? [it.by] : undefined);
      field("To", it.to);
      field("Outcome", it.outcome);
      field("Stance", it.stance);
      field("Native name", it.native);
      field("Role", it.role);
      if (it.title && it.text) body.appendChild(el("p", "kg-text", it.text));
      if (it.quote) body.appendChild(el("blockquote", null, it.quote));
      field("Evidence", it.evidence);
      if (it.note) body.appendChild(el("p", "kg-note", it.note));
      if (it.url && safeUrl(it.url)) {
        var a = el("a", null, "More: " + it.url);
        a.href = it.url;
        a.rel = "noopener noreferrer";
        body.appendChild(el("p")).appendChild(a);
      }
      addSources(it.sources);
    } else {
      var f = items[l.from], t = items[l.to];
      body.appendChild(el("p", "kg-kind", "link: " + l.type));
      body.appendChild(el("h2", null,
        (f ? f.title || f.text : l.from) + " \u2192 " +
        (t ? t.title || t.text : l.to)));
      field("Evidence", l.evidence);
      if (l.note) body.appendChild(el("p", "kg-note", l.note));
      addSources(l.sources);
    }
    panel.hidden = false;
    if (focusPanel) panel.focus();
    return true;
  }

  function idOf(g) {
    var id = g.id || "";
    return id.indexOf(prefix) === 0 ? id.slice(prefix.length) : null;
  }

  if (svg) {
    Array.prototype.forEach.call(svg.querySelectorAll("g.node, g.edge"),
      function (g) {
        var id = idOf(g);
        if (!id || (!items[id] && !links[id])) return;
        var it = items[id];
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", it ? (it.title || it.text || it.name ||
          id) : "link " + id);
        g.addEventListener("focus", function () { open(id, false); });
        g.addEventListener("click", function (ev) {
          ev.preventDefault();
          open(id, false);
        });
        g.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            open(id, true);
          }
        });
      });
  }

  document.getElementById("kg--page-close").addEventListener("click", function () {
    panel.hidden = true;
  });
  prev.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  all.addEventListener("click", function () { show(steps); });
  var fit = document.getElementById("kg--page-fit");
  fit.addEventListener("click", function () {
    var on = document.body.classList.toggle("kg--page-fit");
    fit.setAttribute("aria-pressed", on ? "true" : "false");
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "ArrowRight" || ev.key === "PageDown") show(current + 1);
    else if (ev.key === "ArrowLeft" || ev.key === "PageUp") show(current - 1);
    else if (ev.key === "Home") show(1);
    else if (ev.key === "End") show(steps);
    else if (ev.key === "Escape") panel.hidden = true;
    else return;
    ev.preventDefault();
  });
  if (steps <= 1) {
    [prev, next, all, label].forEach(function (e) { e.hidden = true; });
  }
  /* A lecture starts at its first phase; All phases, or End, shows the
   * whole picture. */
  show(1);
})();
