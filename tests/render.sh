#!/usr/bin/env bash
# Rendering tests: every view to valid SVG with stable ids and classes,
# hostile text drawn as text and never as markup, urls, DOT that reads
# back, PDF and PNG, atomic output, determinism, --all, exit statuses and
# the options that change the picture. Ends with "render: N passed, N failed".
# Needs xmllint (libxml2-utils), pdfinfo and pdftotext (poppler-utils),
# dot and gvpr (graphviz), file, script (bsdutils) and /usr/bin/python3.
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3
hostile="$top/tests/render/hostile.yaml"
badurls="$top/tests/render/bad-urls.yaml"
views="overview causes arguments timeline stances actors"

# same A B NAME: the files are byte for byte the same.
same() {
	if cmp -s "$1" "$2"; then ok; else no "$3: $(basename "$1") and $(basename "$2") differ"; fi
}
# xml FILE NAME: xmllint accepts FILE.
xml() {
	if xmllint --noout "$1" 2>"$tmp/xmlerr"; then ok; else no "$2: xmllint rejects $(basename "$1")"; head -3 "$tmp/xmlerr" | sed 's/^/  /'; fi
}
# pdf FILE NAME: pdfinfo reads FILE and it has one page.
pdf() {
	local pages
	pages=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "$pages" = 1 ]; then ok; else no "$2: pdfinfo says pages '${pages}' for $(basename "$1"), expected 1"; fi
}
png() {
	case "$(file -b "$1" 2>/dev/null)" in
	"PNG image data"*) ok ;;
	*) no "$2: $(basename "$1") is not a PNG: $(file -b "$1" 2>&1 | cut -c1-80)" ;;
	esac
}
# untouched FILE NAME: FILE still holds the line "precious".
untouched() {
	if [ "$(cat "$1" 2>/dev/null)" = precious ]; then ok; else no "$2: $(basename "$1") was replaced or removed"; fi
}
# py NAME CHECK ARGS...: runs a check of the Python helper below; each of
# its lines "ok" or "FAIL reason" counts as one check.
py() {
	local name=$1 n=0 rc line
	shift
	"$PY" "$tmp/check.py" "$@" >"$tmp/py" 2>&1
	rc=$?
	while IFS= read -r line; do
		case "$line" in
		ok) ok; n=$((n + 1)) ;;
		FAIL*) no "$name: ${line#FAIL }"; n=$((n + 1)) ;;
		esac
	done <"$tmp/py"
	if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
		no "$name: the checker failed (exit $rc)"
		tail -3 "$tmp/py" | sed 's/^/  /'
	fi
}
# val CHECK ARGS...: a value computed by the Python helper.
val() { "$PY" "$tmp/check.py" "$@" 2>/dev/null; }

for tool in xmllint pdfinfo pdftotext dot gvpr file script "$PY"; do
	command -v "$tool" >/dev/null || no "$tool is missing: apt-get install libxml2-utils poppler-utils graphviz file bsdutils python3"
done

cat >"$tmp/check.py" <<'PY'
import json, re, sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def result(name, problems):
    if problems:
        more = " (and %d more)" % (len(problems) - 3) if len(problems) > 3 else ""
        print("FAIL %s: %s%s" % (name, "; ".join(problems[:3]), more))
    else:
        print("ok")


def parse(path):
    try:
        return ET.parse(path).getroot()
    except Exception as e:
        print("FAIL %s does not parse: %s" % (path, e))
        sys.exit(0)


def classes(g):
    return (g.get("class") or "").split()


def objects(root, what):
    """The <g> of Graphviz's nodes, edges or clusters (first class)."""
    return [g for g in root.iter(SVG + "g") if classes(g)[:1] == [what]]


def title(g):
    t = g.find(SVG + "title")
    return t.text if t is not None and t.text else ""


def tooltip(g):
    for a in g.iter(SVG + "a"):
        if a.get(XLINK + "title"):
            return a.get(XLINK + "title")
    return ""


def lines(el):
    return ["".join(t.itertext()) for t in el.iter(SVG + "text")]


def norm(s):
    return " ".join(s.split())


def find(root, ident):
    for el in root.iter():
        if el.get("id") == ident:
            return el
    return None


def selection(path):
    """Items of a `render -T json` selection: id -> (kind, item)."""
    d = json.load(open(path, encoding="utf-8"))
    items = {}
    for key, kind in (("events", "event"), ("decisions", "decision"),
                      ("causes", "cause"), ("actors", "actor")):
        for x in d.get(key) or []:
            items[x["id"]] = (kind, x)
    return d, items


def involved(kind, x):
    if kind == "decision":
        return [x.get("actor")]
    if kind == "event":
        return list(x.get("actors") or [])
    if kind == "cause":
        return [x.get("by")] if x.get("by") else []
    return [x["id"]]


DECOR = {"key", "header", "why", "title"}  # legend, grid headers, notes


def stance(x):
    if x.get("stance"):
        return x["stance"]
    return {"approved": "for", "ordered": "for", "requested": "for", "proposed": "for",
            "rejected": "against", "deferred": "undecided"}.get(x.get("outcome"))


def check_structure(svg, sel, base, prefix, view, only=""):
    """ids, classes, node and cluster sets, tooltips of one view; with
    only=ids, the ids alone."""
    full = only != "ids"
    root = parse(svg)
    d, items = selection(sel)
    question = ([v.get("question") for v in d.get("views") or [] if v["id"] == view] + [None])[0]
    if not question and d.get("questions"):
        question = d["questions"][0]["id"]
    groups = {a["id"]: a.get("group") for a in d.get("actors") or []}
    cites = {s["id"]: s["cite"] for s in d.get("sources") or []}
    links = {}
    for l in d.get("links") or []:
        links.setdefault((l["from"], l["to"]), []).append(l)
    nodes, edges, clusters = (objects(root, w) for w in ("node", "edge", "cluster"))

    ids = [el.get("id") for el in root.iter() if el.get("id") is not None]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    result("ids are unique", ["%r twice" % i for i in dup])

    bad = []
    for el in root.iter():
        i = el.get("id")
        if i is None:
            continue
        c = classes(el)[:1]
        if c and c[0] in ("node", "edge", "cluster", "graph"):
            if not i.startswith(prefix):
                bad.append("%s id %r" % (c[0], i))
        elif not (i.startswith(prefix) or i.startswith("a_" + prefix)):
            bad.append("id %r" % i)
    result("every id starts with %r" % prefix, bad)
    auto = [g.get("id") for w in ("node", "edge", "cluster") for g in objects(root, w)
            if re.search(r"(^|_)(node|edge|clust)\d+$", g.get("id") or "")]
    result("no id generated by Graphviz (not stable)", ["%r" % i for i in auto])

    # Nodes: ids, the set of nodes the view must show, classes, tooltips.
    shown, bad, badclass, badtip = {}, [], [], []
    for g in nodes:
        if DECOR & set(classes(g)):
            continue
        i = g.get("id") or ""
        mid = i[len(prefix):] if i.startswith(prefix) else None
        if mid not in items:
            bad.append("node %r (%s) is no item of the selection" % (i, title(g)))
            continue
        if title(g) != mid:
            bad.append("node %r is named %r" % (i, title(g)))
        kind, x = items[mid]
        shown[mid] = kind
        have = set(classes(g))
        want = {"kind-" + kind}
        if kind != "actor":
            want.add("evidence-" + x.get("evidence", "documented"))
            if x.get("phase"):
                want.add("phase-" + x["phase"])
        for a in involved(kind, x):
            want.add("actor-" + a)
            if groups.get(a):
                want.add("group-" + groups[a])
        want |= {"tag-" + t for t in x.get("tags") or []}
        if base == "stances" and kind == "decision":
            want.add("stance-%s" % stance(x))
        phases = {c for c in have if c.startswith("phase-")}
        if want - have or (kind != "actor" and phases != {c for c in want if c.startswith("phase-")}):
            badclass.append("%s has %s, lacks %s" % (mid, " ".join(sorted(have)),
                            " ".join(sorted(want - have)) or "nothing but has other phases"))
        tip = tooltip(g)
        if kind == "actor":
            need = [x.get("name"), x.get("native"), x.get("role")]
        else:
            need = [x.get("title"), x.get("text"), x.get("quote")]
            need += [cites.get(s["id"]) for s in x.get("sources") or []]
        miss = [n for n in need if n and n not in tip]
        if miss:
            badtip.append("%s: tooltip %r lacks %r" % (mid, tip[:80], miss[0][:60]))
    result("node ids are %s<model id>" % prefix, bad)
    if full:
        result("node classes", badclass)
        result("node tooltips carry the full text", badtip)

    kinds = {k: {i for i, (kk, _) in items.items() if kk == k}
             for k in ("event", "decision", "cause", "actor")}
    have = set(shown)
    if base == "overview":
        need, allow = kinds["event"] | kinds["decision"] | kinds["cause"], None
    elif base == "timeline":
        need, allow = kinds["event"] | kinds["decision"], None
    elif base == "actors":
        need, allow = kinds["actor"], None
    elif base == "stances":
        need = {i for i in kinds["decision"] if items[i][1].get("on") == question}
        allow = None
    elif base == "causes":
        need = kinds["event"] | kinds["decision"]
        need |= {l["from"] for ls in links.values() for l in ls
                 if l["type"] in ("supports", "opposes") and l["to"] in need}
        allow = kinds["event"] | kinds["decision"] | kinds["cause"]
    else:
        need, allow = kinds["cause"], kinds["event"] | kinds["decision"] | kinds["cause"]
    probs = ["%s is missing" % i for i in sorted(need - have)]
    if allow is None:
        allow = need
    probs += ["%s should not be shown" % i for i in sorted(have - allow)]
    if full:
        result("the %s view shows its items" % base, probs)

    # Edges: kg-<from>--<to>, and the type, evidence and phase of the link.
    bad, badclass = [], []
    for g in edges:
        i = g.get("id") or ""
        tail, _, head = title(g).partition("->")
        stem = prefix + tail + "--" + head
        c = classes(g)
        types = [x for x in c if x.startswith("type-")]
        if base in ("actors", "stances"):
            if not (i == stem or i.startswith(stem + "--")):
                bad.append("edge %s->%s has id %r" % (tail, head, i))
            if base == "actors" and len(types) != 1:
                badclass.append("edge %r has classes %r" % (i, " ".join(c)))
            continue
        if i != stem:
            bad.append("edge %s->%s has id %r, expected %r" % (tail, head, i, stem))
        cand = links.get((tail, head), [])
        if not cand:
            bad.append("edge %s->%s is no link of the selection" % (tail, head))
            continue
        good = False
        for l in cand:
            want = {"type-" + l["type"], "evidence-" + l.get("evidence", "documented")}
            if l.get("phase"):
                want.add("phase-" + l["phase"])
            if want <= set(c) and len(types) == 1:
                good = True
        if not good:
            badclass.append("edge %s->%s has %r; link %r" % (tail, head, " ".join(c), cand[0]["type"]))
    result("edge ids are %s<from>--<to>" % prefix, bad)
    if full:
        result("edge classes", badclass)

    # Clusters: one per phase (timeline), group (actors) or stating actor
    # (arguments) of what is shown, each with an id from the model.
    cids = [g.get("id") or "" for g in clusters]
    need = set()
    for g in nodes:
        for c in classes(g):
            if base == "timeline" and c.startswith("phase-"):
                need.add(c[len("phase-"):])
            if base == "actors" and c.startswith("group-"):
                need.add(c[len("group-"):])
    if base == "arguments":
        need = {items[i][1]["by"] for i in shown if shown[i] == "cause" and items[i][1].get("by")}
    probs = ["no cluster for %s among %r" % (m, cids) for m in sorted(need)
             if not any(c == prefix + m or (c.startswith(prefix) and c.endswith("-" + m)) for c in cids)]
    result("clusters of the %s view" % base, probs)


def check_safe(svg):
    raw = open(svg, encoding="utf-8", errors="replace").read()
    root = parse(svg)
    probs = []
    if re.search(r"<\s*script", raw, re.I):
        probs.append("a <script")
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1].lower()
        if local in ("script", "foreignobject", "image", "iframe", "embed", "object"):
            probs.append("a <%s> element" % local)
    result("no script or foreign element", probs)
    probs = []
    for el in root.iter():
        for k in el.attrib:
            if k.rsplit("}", 1)[-1].lower().startswith("on"):
                probs.append("attribute %s=%r" % (k, el.get(k)[:40]))
    result("no on* attribute", probs)
    probs = []
    squash = lambda s: re.sub(r"[\x00-\x20]", "", s).lower()
    if "javascript:" in raw.lower():
        probs.append("raw text has javascript:")
    for el in root.iter():
        for k, v in el.attrib.items():
            if "javascript:" in squash(v):
                probs.append("%s=%r" % (k, v[:60]))
    result("no javascript: anywhere", probs)
    probs = []
    for el in root.iter():
        for k, v in el.attrib.items():
            if k.rsplit("}", 1)[-1] != "href":
                continue
            m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", v)
            if re.search(r"[\x00-\x20\"'<>\\`]", v):
                probs.append("href %r has a space, quote or control character" % v)
            elif m and m.group(1).lower() not in ("http", "https"):
                probs.append("href %r" % v)
            elif not m and v.startswith("//"):
                probs.append("protocol-relative href %r" % v)
    result("every href is http, https or relative", probs)


def box(g):
    # The bounding box (x0, y0, x1, y1) of what g draws: its shapes' points
    # and its texts' anchors; None if it draws nothing.
    xs, ys = [], []
    for el in g.iter():
        tag = el.tag.replace(SVG, "")
        nums = []
        if tag in ("polygon", "polyline"):
            nums = [float(v) for v in re.findall(r"[-\d.]+", el.get("points"))]
        elif tag == "path":
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
        elif tag == "ellipse":
            cx, cy = float(el.get("cx")), float(el.get("cy"))
            rx, ry = float(el.get("rx")), float(el.get("ry"))
            nums = [cx - rx, cy - ry, cx + rx, cy + ry]
        elif tag == "text":
            nums = [float(el.get("x")), float(el.get("y"))]
        xs += nums[0::2]
        ys += nums[1::2]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def outside(root, b, slack):
    # True if box b, in Graphviz's drawing coordinates (y negative
    # upwards, inside the first group's translate()), reaches more than
    # slack points beyond the SVG's viewBox.
    vb = [float(v) for v in root.get("viewBox").split()]
    m = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", root.find(SVG + "g").get("transform"))
    dx, dy = float(m.group(1)), float(m.group(2))
    return (b[0] + dx < vb[0] - slack or b[2] + dx > vb[0] + vb[2] + slack or
            b[1] + dy < vb[1] - slack or b[3] + dy > vb[1] + vb[3] + slack)


def scope(root, ident):
    if ident == "-":
        return root
    el = find(root, ident)
    if el is None:
        print("FAIL no element with id %r" % ident)
        sys.exit(0)
    return el


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "structure":
        check_structure(*args)
    elif cmd == "safe":
        check_safe(args[0])
    elif cmd in ("has-text", "no-text", "has-text-nows"):
        # CHECK SVG ID|- NEEDLE...: the visible text (the <text> lines of
        # the element with that id, or of the whole file, joined).
        el = scope(parse(args[0]), args[1])
        if cmd == "has-text-nows":
            text = re.sub(r"\s", "", "".join(lines(el)))
            miss = [n for n in args[2:] if re.sub(r"\s", "", n) not in text]
        else:
            text = norm(" ".join(lines(el)))
            found = [n for n in args[2:] if norm(n) in text]
            miss = [n for n in args[2:] if n not in found] if cmd != "no-text" else found
        what = "has" if cmd == "no-text" else "lacks"
        result("%s: %s" % (args[1], cmd), ["%s %r (text: %r)" % (what, m, text[:160]) for m in miss])
    elif cmd == "has-tip":
        tip = tooltip(scope(parse(args[0]), args[1]))
        result("%s: tooltip" % args[1], ["tooltip %r lacks %r" % (tip[:160], n) for n in args[2:] if n not in tip])
    elif cmd == "tips-plain":
        # No tooltip carries label markup (what \N or \L would bring in).
        root = parse(args[0])
        probs = []
        for a in root.iter(SVG + "a"):
            t = a.get(XLINK + "title") or ""
            if "<BR" in t or "<FONT" in t or "POINT-SIZE" in t:
                probs.append("tooltip with label markup: %r" % t[:120])
        result("tooltips carry no label markup", probs)
    elif cmd == "max-line":
        el = scope(parse(args[0]), args[1])
        long_ = [l for l in lines(el) if len(l) > int(args[2])]
        result("%s: label lines at most %s characters" % (args[1], args[2]),
               ["line of %d: %r" % (len(l), l[:60]) for l in long_])
    elif cmd == "readback":
        # SVG GVPR-OUTPUT: the DOT read back by dot has the nodes and edges
        # of the SVG of the same view, and no file or script attributes.
        root = parse(args[0])
        want = sorted(["N " + title(g) for g in objects(root, "node")] +
                      ["E " + title(g) for g in objects(root, "edge")])
        got, probs = [], []
        for line in open(args[1], encoding="utf-8", errors="replace").read().splitlines():
            if line.startswith(("N ", "E ")):
                got.append(line)
            elif line.startswith("U "):
                v = line[2:]
                if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", v) and not re.match(r"https?:", v, re.I):
                    probs.append("url %r" % v)
            elif line.startswith("X "):
                probs.append(line[2:])
        got.sort()
        if got != want:
            extra = [x for x in got if x not in want][:3]
            lost = [x for x in want if x not in got][:3]
            probs.append("%d nodes and edges read back, %d in the SVG; extra %r, lost %r"
                         % (len(got), len(want), extra, lost))
        result("DOT reads back with the nodes and edges of the SVG", probs)
    elif cmd == "background":
        # The fill of the background: the graph's polygon as large as the
        # whole picture, or "none".
        root = parse(args[0])
        w, h = (float(x) for x in root.get("viewBox").split()[2:])
        fill = "none"
        for g in objects(root, "graph"):
            for poly in g.findall(SVG + "polygon"):
                pts = [tuple(map(float, p.split(","))) for p in poly.get("points").split()]
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                if abs(max(xs) - min(xs) - w) < 2 and abs(max(ys) - min(ys) - h) < 2:
                    fill = poly.get("fill")
                    break
            break
        print(fill)
    elif cmd == "view-title":
        for v in json.load(open(args[0], encoding="utf-8")).get("views") or []:
            if v["id"] == args[1]:
                print(v.get("title") or "")
    elif cmd == "model-views":
        # MODEL-JSON: "id base" for each view of the model; views drawn in
        # steps (steps: true) write one file per step and are tested in
        # tests/cli.sh and by the --all check below.
        for v in json.load(open(args[0], encoding="utf-8")).get("views") or []:
            if not v.get("steps"):
                print(v["id"], v.get("base") or "overview")
    elif cmd == "phase-count":
        # MODEL-JSON: how many phases (steps) the whole model has.
        print(len(json.load(open(args[0], encoding="utf-8")).get("phases") or []))
    elif cmd == "step-views":
        # MODEL-JSON: the ids of the views drawn in steps.
        for v in json.load(open(args[0], encoding="utf-8")).get("views") or []:
            if v.get("steps"):
                print(v["id"])
    elif cmd == "json":
        d = json.load(open(args[0], encoding="utf-8"))
        result("json", [] if d.get("kgraph") == 1 else ["no kgraph: 1"])
    elif cmd == "key-apart":
        # SVG: the key (legend and sources) lies inside the canvas, wholly
        # below or wholly right of every node, cluster and edge, so it
        # covers nothing.
        root = parse(args[0])
        key = find(root, "kg-key")
        problems = []
        if key is None:
            result("key-apart", ["no key"])
            return
        kb = box(key)
        if outside(root, kb, 1):
            problems.append("key %s outside the canvas %s" % (kb, root.get("viewBox")))
        for g in root.iter(SVG + "g"):
            cls = classes(g)
            if g is key or not set(cls) & {"node", "edge", "cluster"}:
                continue
            b = box(g)
            if b is None:
                continue
            if not (b[3] <= kb[1] + 1 or b[2] <= kb[0] + 1):
                problems.append("key %s meets %s %s" % (kb, g.get("id"), b))
        result("key-apart", problems)
    elif cmd == "labels-clear":
        # SVG: no text of an edge (its label or marker) lies over a node,
        # over another edge's text, or outside the canvas. A text's box is
        # estimated from its anchor, size and length, a little small, so
        # that only a real overlap counts.
        root = parse(args[0])
        nodes = [(g.get("id"), box(g)) for g in root.iter(SVG + "g")
                 if "node" in classes(g) and g.get("id") != "kg-key"]
        texts = []
        for g in root.iter(SVG + "g"):
            if "edge" not in classes(g):
                continue
            for t in g.iter(SVG + "text"):
                x, y = float(t.get("x")), float(t.get("y"))
                size = float(t.get("font-size") or 14)
                width = len(t.text or "") * size * 0.48
                if t.get("text-anchor") == "middle":
                    x -= width / 2
                elif t.get("text-anchor") == "end":
                    x -= width
                texts.append((g.get("id"), t.text, (x, y - size * 0.7, x + width, y)))
        meet = lambda a, b: a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        problems = []
        for ident, text, tb in texts:
            if outside(root, tb, 2):
                problems.append("%r of %s outside the canvas" % (text, ident))
            for other, nb in nodes:
                if nb and meet(tb, nb):
                    problems.append("%r of %s over %s" % (text, ident, other))
        for i, (ident, text, tb) in enumerate(texts):
            for other, text2, tb2 in texts[i + 1:]:
                if other != ident and meet(tb, tb2):
                    problems.append("%r of %s over %r of %s" % (text, ident, text2, other))
        result("labels-clear", problems)
    elif cmd == "markers":
        # Source markers like [1] or [1,2] among the text lines.
        root = parse(args[0])
        print(sum(1 for l in lines(root) if re.search(r"\[\d+(,\s*\d+)*\]", l)))
    else:
        raise SystemExit("unknown check " + cmd)


main()
PY

# gvpr program: every visible node and edge of a graph, and any url or
# file-reading attribute.
cat >"$tmp/list.g" <<'GVPR'
BEG_G { if ($G.stylesheet != "" || $G.imagepath != "" || $G.fontpath != "") print("X graph reads files"); }
N [style != "invis"] { print("N ", $.name); }
E [style != "invis"] { print("E ", $.tail.name, "->", $.head.name); }
N { if ($.image != "" || $.shapefile != "") print("X node ", $.name, " reads a file");
    if ($.URL != "") print("U ", $.URL); if ($.href != "") print("U ", $.href); }
E { if ($.URL != "") print("U ", $.URL); if ($.href != "") print("U ", $.href); }
GVPR

# The views of a model: built-in ones, then "id base" of the model's own.
kg export "$korea" >"$tmp/korea.json"
kg export "$hostile" >"$tmp/hostile.json"
val model-views "$tmp/korea.json" >"$tmp/korea.views"
val model-views "$tmp/hostile.json" >"$tmp/hostile.views"
[ -s "$tmp/korea.views" ] && ok || no "the Korea model has no views"
base_of() { # base_of MODEL-NAME VIEW
	case " $views " in *" $2 "*) echo "$2"; return ;; esac
	awk -v v="$2" '$1 == v { print $2 }' "$tmp/$1.views"
}

# --- 1, 2, 3: every view renders to SVG that xmllint accepts, with ids,
# classes and tooltips; the hostile model's text stays text.
expect 0 hostile-checks -- kg check "$hostile"
H_script='<script>alert(1)</script>'
H_svg='"><svg onload=alert(1)>'
H_quote="' onmouseover='x"
H_ent='&amp; &lt; &#x3c;'
H_cdata=']]>'
H_comment='<!--'
H_bs='\N \G \L \n \\'
H_bold='<B>bold</B>'
H_table='<TABLE>'
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		base=$(base_of "$m" "$v")
		svg="$tmp/$m-$v.svg"
		if [ "$base" = stances ]; then
			# A version without the stances view may refuse it, with a reason.
			kg render "$model" --view "$v" -o "$svg" >"$tmp/out" 2>"$tmp/err"
			if [ $? = 2 ] && grep -q stances "$tmp/err"; then
				echo "note: $m view $v (stances) is not drawn: $(head -1 "$tmp/err")"
				continue
			fi
		fi
		expect 0 "$m-$v-svg" -- kg render "$model" --view "$v" -o "$svg" || continue
		xml "$svg" "$m-$v"
		expect 0 "$m-$v-json" -- kg render "$model" --view "$v" -T json -o "$tmp/$m-$v.json" || continue
		py "$m-$v" structure "$svg" "$tmp/$m-$v.json" "$base" kg- "$v"
		py "$m-$v" safe "$svg"
		py "$m-$v" key-apart "$svg"
		py "$m-$v" labels-clear "$svg"
		if [ "$m" = hostile ]; then
			py "$m-$v" has-text "$svg" - 'Title <script>alert(1)</script> \N'
			py "$m-$v" tips-plain "$svg"
			case "$v" in
			v-*) py "$m-$v" has-text "$svg" - "$(val view-title "$tmp/hostile.json" "$v")" ;;
			*) py "$m-$v" has-text "$svg" - "$H_script" "$H_svg" "$H_quote" "$H_ent" "$H_cdata" \
				"$H_comment" "$H_bs" "$H_bold" "$H_table" ;;
			esac
		fi
	done
done
# --id-prefix changes every id.
for v in $views; do
	expect 0 "prefix-$v" -- kg render "$korea" --view "$v" --id-prefix x- -o "$tmp/x-$v.svg" &&
		py "prefix-$v" structure "$tmp/x-$v.svg" "$tmp/korea-$v.json" "$v" x- "$v" ids
done

# Hostile text, place by place.
f="$tmp/hostile-overview.svg"
py hostile-backslash has-text "$f" kg-e-backslash "$H_bs"
py hostile-backslash no-text "$f" kg-e-backslash 'e-backslash' 'kgraph'
py hostile-backslash has-tip "$f" kg-e-backslash "$H_bs" 'BackslashText \E \H \T \l \r \' 'BackslashQuote \N \G \L \\'
py hostile-trailing has-text "$f" kg-e-trailing 'ends with a backslash \'
py hostile-trailing has-tip "$f" kg-e-trailing 'ends with a backslash \' 'TrailingNote \'
py hostile-inject has-text "$f" kg-e-inject ']; evil [image=</etc/hostname> URL=<vbscript:x>]; //'
py hostile-edge-label has-text "$f" kg-e-svg--e-quote 'Label2 \N \G \L \n \\'
py hostile-edge-label has-text "$f" kg-e-trailing--e-inject 'trailing \'
py hostile-edge-label has-text "$f" kg-e-entities--e-cdata 'Label4 ]]> <!-- <B>bold</B>'
py hostile-tooltip has-tip "$f" kg-e-script "$H_script" 'EventText "><svg onload=alert(1)>' \
	"EventQuote ' onmouseover='x" 'EventNote &amp; &lt; &#x3c;' 'Cite <script>alert(1)</script> &amp; &lt; &#x3c;'
py hostile-tooltip has-tip "$f" kg-d-long 'DecisionText <TABLE> <B>bold</B>' 'DecisionQuote \N \G \L \n \\' \
	"Cite2 <B>bold</B> ' onmouseover='x \\G"
py hostile-tooltip has-tip "$f" kg-c-script 'CauseQuote "><svg onload=alert(1)>' "CauseNote ' onmouseover='x"
py hostile-sources has-text "$f" - 'Cite <script>alert(1)</script> &amp; &lt; &#x3c;' \
	'Archive <TABLE><TR><TD>cell</TD></TR></TABLE> ]]> <!-- \L' "Cite2 <B>bold</B> ' onmouseover='x \\G"
long=$(sed -n "s/^    title: '\(Pneumono[^']*\)'$/\1/p" "$hostile")
py hostile-long-word has-tip "$f" kg-d-long "$long"
py hostile-long-word has-text-nows "$f" kg-d-long "${long:0:50}"
py hostile-long-word max-line "$f" kg-d-long 60
py hostile-long-word has-text-nows "$f" kg-d-cyrillic "$(sed -n "s/^    title: '\(Длинное[^']*\)'$/\1/p" "$hostile")"
py hostile-timeline has-text "$tmp/hostile-timeline.svg" - 'Phase <script>alert(1)</script>' 'Phase2 \N \G'
py hostile-actors has-text "$tmp/hostile-actors.svg" kg-a-two 'Name2 \N \G \L \n \\' '&amp; &lt; &#x3c;' 'Role2 ]]> <!--'
py hostile-actors has-text "$tmp/hostile-actors.svg" kg-a-one 'Name <script>alert(1)</script>' \
	'Имя <B>bold</B> 김일성' "Role ' onmouseover='x"
py hostile-actors has-text "$tmp/hostile-actors.svg" - 'Group <TABLE>' 'Group2 "><svg onload=alert(1)>'

# Urls that kgraph accepts never turn into a script link; those it
# refuses are refused at check.
i=0
for u in 'jav&#x61;script:alert(1)' '&#106;avascript:x' 'javascript&colon;x' './x:y' \
	'/abs/path?a=<b' 'http://example.org/a?b=1&c=2' '?q=1&r=2' '#frag' 'HTTP://EXAMPLE.ORG/'; do
	i=$((i + 1))
	printf 'kgraph: 1\ntitle: t\nsources: [{ id: s, cite: c }]\nevents:\n  - { id: e, title: E, sources: s, url: %s }\n' \
		"'$u'" >"$tmp/url$i.yaml"
	kg check "$tmp/url$i.yaml" >/dev/null 2>&1
	rc=$?
	if [ "$rc" = 1 ]; then ok
	elif [ "$rc" != 0 ]; then no "url '$u': check exit $rc"
	elif kg render "$tmp/url$i.yaml" -o "$tmp/url$i.svg" 2>/dev/null; then py "url '$u'" safe "$tmp/url$i.svg"
	else no "url '$u': accepted at check, not rendered"; fi
done

# --- 4: urls refused at check, every one reported with its place.
expect 1 bad-urls -- kg check "$badurls"
for line in $(grep -n '# bad-url$' "$badurls" | cut -d: -f1); do
	if grep -q "^$badurls:$line:[0-9]*: error: url '.*' is not allowed" "$tmp/err"; then ok
	else no "bad-urls: no url error for line $line"; fi
done
n=$(grep -c ': error: ' "$tmp/err")
want=$(grep -c '# bad-url$' "$badurls")
[ "$n" = "$want" ] && ok || no "bad-urls: $n errors, expected $want"
expect 1 bad-urls-render -- kg render "$badurls" -o "$tmp/bad-urls.svg"
absent "$tmp/bad-urls.svg" bad-urls-render

# --- 5: DOT reads back through dot with the same nodes and edges.
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		[ -f "$tmp/$m-$v.svg" ] || continue
		expect 0 "$m-$v-dot" -- kg render "$model" --view "$v" -T dot -o "$tmp/$m-$v.dot" || continue
		if dot -Tcanon "$tmp/$m-$v.dot" >"$tmp/$m-$v.canon" 2>"$tmp/doterr"; then ok
		else no "$m-$v-dot: dot -Tcanon fails: $(head -1 "$tmp/doterr")"; continue; fi
		gvpr -f "$tmp/list.g" "$tmp/$m-$v.canon" >"$tmp/$m-$v.list" 2>/dev/null
		py "$m-$v-dot" readback "$tmp/$m-$v.svg" "$tmp/$m-$v.list"
	done
done

# --- 6: PDF, PNG, and the format from the extension unless -T is given.
expect 0 pdf-causes -- kg render "$korea" --view causes -o "$tmp/causes.pdf" && pdf "$tmp/causes.pdf" pdf-causes
if pdftotext "$tmp/causes.pdf" - 2>/dev/null | grep -q Stalin; then ok; else no "pdftotext of the causes view has no 'Stalin'"; fi
expect 0 pdf-hostile -- kg render "$hostile" -o "$tmp/hostile.pdf" && pdf "$tmp/hostile.pdf" pdf-hostile
expect 0 png -- kg render "$korea" -T png -o "$tmp/t-png.out" && png "$tmp/t-png.out" png
expect 0 ext-png -- kg render "$korea" --view timeline -o "$tmp/ext.png" && png "$tmp/ext.png" ext-png
expect 0 ext-svg -- kg render "$korea" -o "$tmp/ext.svg" && xml "$tmp/ext.svg" ext-svg
same "$tmp/ext.svg" "$tmp/korea-overview.svg" ext-svg-is-default
for e in dot gv; do
	expect 0 "ext-$e" -- kg render "$korea" -o "$tmp/ext.$e"
	same "$tmp/ext.$e" "$tmp/korea-overview.dot" "ext-$e"
done
expect 0 ext-json -- kg render "$korea" -o "$tmp/ext.json" && py ext-json json "$tmp/ext.json"
expect 0 T-overrides-pdf -- kg render "$korea" -T svg -o "$tmp/t.pdf" && xml "$tmp/t.pdf" T-overrides-pdf
expect 0 T-overrides-svg -- kg render "$korea" -T pdf -o "$tmp/t.svg" && pdf "$tmp/t.svg" T-overrides-svg
expect 0 T-overrides-png -- kg render "$korea" -T dot -o "$tmp/t.png"
same "$tmp/t.png" "$tmp/korea-overview.dot" T-overrides-png
expect 2 ext-unknown -- kg render "$korea" -o "$tmp/ext.xyz"
absent "$tmp/ext.xyz" ext-unknown

# --- 7: binary formats are refused on a terminal, not in a pipe.
for fmt in pdf png; do
	script -qec "'$KG' render -T $fmt" /dev/null >"$tmp/tty" 2>&1 </dev/null
	rc=$?
	[ "$rc" = 2 ] && ok || no "$fmt-on-terminal: exit $rc, expected 2"
	has "$tmp/tty" "terminal" "$fmt-on-terminal"
	hasnt "$tmp/tty" "IHDR" "$fmt-on-terminal"
	hasnt "$tmp/tty" "%PDF" "$fmt-on-terminal"
done
kg render -T pdf >"$tmp/piped.pdf" 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && ok || no "pdf-to-file: exit $rc"
pdf "$tmp/piped.pdf" pdf-to-file

# --- 8: atomic output.
out="$tmp/keep.svg"
echo precious >"$out"
expect 1 model-error-keeps-output -- kg render "$badurls" -o "$out"
untouched "$out" model-error-keeps-output
# usage NAME OPTION VALUE MESSAGE: exit 2, the message lists the valid
# values, and the old output is untouched.
usage() {
	expect 2 "$1" -- kg render "$korea" "$2" "$3" -o "$out"
	has "$tmp/err" "$4" "$1"
	untouched "$out" "$1"
}
usage unknown-view --view nonesuch "unknown view 'nonesuch'; valid: overview, causes, arguments, timeline, stances, actors, road-to-war, who-wanted-war, stalin-changes-mind, kim-vs-stalin, politburo-says-no, mao-kept-out, fear-of-the-south, the-documents, lecture"
usage unknown-phase --phase 9 "unknown phase '9'; valid: 1 (fear), 2 (pressure), 3 (blessing)"
usage unknown-actor --actor stalln "valid: stalin, soviet-leadership, politburo, embassy, shtykov, vyshinsky, shtemenko, vasilevsky, kim, dprk-leadership, seoul, rok-forces, washington, mao"
usage unknown-kind --kind argumnet "valid: event, decision, cause, reason, argument, objection, fear, condition, conclusion"
expect 3 missing-dir -- kg render "$korea" -o "$tmp/no/such/dir/x.svg"
absent "$tmp/no" missing-dir
expect 3 dev-full -- kg render "$korea" -T svg -o /dev/full
cp "$top/tests/golden/small.yaml" "$tmp/model.yaml"
expect 3 onto-model -- kg render "$tmp/model.yaml" -T svg -o "$tmp/model.yaml"
same "$tmp/model.yaml" "$top/tests/golden/small.yaml" onto-model-unchanged
cp "$top/tests/golden/small.yaml" "$tmp/model.svg"
expect 3 onto-model-svg -- kg render "$tmp/model.svg" -o "$tmp/./model.svg"
same "$tmp/model.svg" "$top/tests/golden/small.yaml" onto-model-svg-unchanged

# --- 9: the same input gives the same bytes.
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		for fmt in svg dot; do
			[ -f "$tmp/$m-$v.$fmt" ] || continue
			kg render "$model" --view "$v" -T "$fmt" -o "$tmp/again.$fmt" 2>/dev/null
			same "$tmp/$m-$v.$fmt" "$tmp/again.$fmt" "deterministic $m $v $fmt"
		done
	done
done

# --- 10: --all writes every view into a folder.
expect 2 all-without-o -- kg render "$korea" --all
# all-files DIR EXT MODEL-NAME: DIR holds exactly one file per view.
all_files() {
	local dir=$1 ext=$2 m=$3 v base want=""
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		base=$(base_of "$m" "$v")
		if [ "$base" = stances ] && [ ! -e "$dir/$v.$ext" ]; then
			grep -q "$v" "$tmp/err" && ok || no "--all $m: $v.$ext skipped without a message"
			continue
		fi
		want="$want $v.$ext"
	done
	# A view drawn in steps writes VIEW-1.EXT ... VIEW-N.EXT, one a phase.
	for v in $(val step-views "$tmp/$m.json"); do
		for k in $(seq 1 "$(val phase-count "$tmp/$m.json")"); do
			want="$want $v-$k.$ext"
		done
	done
	got=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
	want=$(printf '%s\n' $want | sort | tr '\n' ' ')
	[ "$got" = "$want" ] && ok || no "--all $m into $(basename "$dir"): files '$got', expected '$want'"
}
expect 0 all-svg -- kg render "$korea" --all -o "$tmp/all"
all_files "$tmp/all" svg korea
for f in "$tmp"/all/*.svg; do xml "$f" "all-svg"; done
same "$tmp/all/causes.svg" "$tmp/korea-causes.svg" all-svg-same-as-one
expect 0 all-pdf -- kg render "$korea" -T pdf --all -o "$tmp/allpdf"
all_files "$tmp/allpdf" pdf korea
for f in "$tmp"/allpdf/*.pdf; do pdf "$f" "all-pdf $(basename "$f")"; done
expect 0 all-hostile -- kg render "$hostile" --all -o "$tmp/allh"
all_files "$tmp/allh" svg hostile
echo precious >"$tmp/afile"
expect 3 all-into-a-file -- kg render "$korea" --all -o "$tmp/afile"
untouched "$tmp/afile" all-into-a-file

# --- 11: exit statuses.
expect 2 unknown-option -- kg render "$korea" --bogus
expect 2 bad-theme -- kg render "$korea" --theme neon
expect 2 missing-theme -- kg render "$korea" --theme
expect 2 bad-direction -- kg render "$korea" --direction XY
expect 2 bad-direction-case -- kg render "$korea" --direction lr
for s in 0 abc 20x -3 1000; do expect 2 "bad-font-size-$s" -- kg render "$korea" --font-size "$s"; done
for s in 0 x -1 100000; do expect 2 "bad-wrap-$s" -- kg render "$korea" --wrap "$s"; done
for p in 'a"b' 'x y' '<x' "x'"; do expect 2 "bad-id-prefix $p" -- kg render "$korea" --id-prefix "$p"; done
expect 2 unknown-format -- kg render "$korea" -T xml
expect 0 success -- kg render "$korea"
for o in "--theme dark" "--theme print" "--theme contrast" "--direction BT" "--font-size 20" "--wrap 12"; do
	expect 0 "option $o" -- kg render "$korea" --view causes $o -o "$tmp/opt.svg" && xml "$tmp/opt.svg" "option $o"
done

# --- 12: options change the output.
base="$tmp/korea-causes.svg"
py legend has-text "$base" - Legend Sources
expect 0 no-legend -- kg render "$korea" --view causes --no-legend -o "$tmp/nolegend.svg"
py no-legend no-text "$tmp/nolegend.svg" - Legend
py no-legend has-text "$tmp/nolegend.svg" - Sources
[ "$(val markers "$base")" -gt 0 ] && ok || no "citations: no [n] marker in the causes view"
expect 0 no-citations -- kg render "$korea" --view causes --no-citations -o "$tmp/nocite.svg"
n=$(val markers "$tmp/nocite.svg")
[ "$n" = 0 ] && ok || no "no-citations: $n text lines with a [n] marker"
py no-citations no-text "$tmp/nocite.svg" - Sources
py no-citations has-text "$tmp/nocite.svg" - Legend
py title has-text "$base" - "Stalin and the decision for war in Korea, 1949-1950"
expect 0 no-title -- kg render "$korea" --view causes --no-title -o "$tmp/notitle.svg"
py no-title no-text "$tmp/notitle.svg" - "Stalin and the decision for war in Korea, 1949-1950"
expect 0 title -- kg render "$korea" --view causes --title 'My <own> & title \N' -o "$tmp/title.svg"
py title has-text "$tmp/title.svg" - 'My <own> & title \N'
py title no-text "$tmp/title.svg" - "Stalin and the decision for war in Korea, 1949-1950"
light=$(val background "$base")
[ "$light" = "#ffffff" ] && ok || no "light theme: background fill '$light', expected #ffffff"
expect 0 dark -- kg render "$korea" --view causes --theme dark -o "$tmp/dark.svg"
dark=$(val background "$tmp/dark.svg")
case "$dark" in "#"[0-3]?[0-3]?[0-3]?) ok ;; *) no "dark theme: background fill '$dark', expected a dark colour" ;; esac
expect 0 transparent -- kg render "$korea" --view causes --transparent -o "$tmp/transparent.svg"
t=$(val background "$tmp/transparent.svg")
case "$t" in none | transparent) ok ;; *) no "--transparent: background fill '$t'" ;; esac
rankdir() { gvpr 'BEG_G { print($G.rankdir); }' "$1" 2>/dev/null; }
r=$(rankdir "$tmp/korea-overview.dot")
case "$r" in "" | TB) ok ;; *) no "overview: rankdir '$r', expected TB" ;; esac
expect 0 direction -- kg render "$korea" --direction LR -T dot -o "$tmp/lr.dot"
r=$(rankdir "$tmp/lr.dot")
[ "$r" = LR ] && ok || no "--direction LR: rankdir '$r'"
expect 0 direction-view -- kg render "$korea" --view causes --direction BT -T dot -o "$tmp/bt.dot"
r=$(rankdir "$tmp/bt.dot")
[ "$r" = BT ] && ok || no "--direction BT on causes: rankdir '$r'"
expect 0 font-size -- kg render "$korea" --font-size 20 -T dot -o "$tmp/fs.dot"
fs=$(gvpr 'BEG_G { print($G.fontsize, " ", getDflt($G, "N", "fontsize"), " ", getDflt($G, "E", "fontsize")); }' "$tmp/fs.dot" 2>/dev/null)
[ "$fs" = "20 20 20" ] && ok || no "--font-size 20: graph, node and edge fontsize '$fs'"
fs=$(gvpr 'BEG_G { print($G.fontsize); }' "$tmp/korea-overview.dot" 2>/dev/null)
[ "$fs" = 14 ] && ok || no "default font size: '$fs', expected 14"

# No temporary file is left behind.
leftovers=$( (find "$tmp" "$top/tests" "$top/models" -name '.kgraph-*'; find "$top" -maxdepth 1 -name '.kgraph-*') | wc -l)
[ "$leftovers" = 0 ] && ok || no "$leftovers .kgraph-* temporary files left behind"

echo "render: $passed passed, $failed failed"
[ "$failed" = 0 ]
