"""The link rule in a drawn view, for tests/links.sh.

usage: links.py SVG MODEL-JSON [EVIDENCE]

SVG is a view rendered by kgraph (events, decisions and causes as nodes
with their ids, prefixed "kg-"), MODEL-JSON the `kgraph export` of the
whole model, and EVIDENCE the view's evidence filter, if any. Every
link of the model (the `links` of the export, which holds the causes'
`for` and `against` too) between two items that the picture draws must
be drawn as an edge of its type between those two nodes, once per link;
only the evidence filter leaves out links, those less certain than it
asks, since a link is a claim of its own. Prints one line per
link that is missing or drawn twice, "FAIL ...", and then
"links N drawn K" (N links between drawn items, K of them drawn).
"""
import html
import json
import re
import sys
from collections import Counter

G = re.compile(r'<g id="([^"]*)" class="([^"]*)"')


def main():
    svg_path, model_path = sys.argv[1], sys.argv[2]
    prefix = "kg-"
    levels = ["inferred", "reported", "documented"]
    least = levels.index(sys.argv[3]) if len(sys.argv) > 3 else 0
    svg = open(svg_path, encoding="utf-8").read()
    model = json.load(open(model_path, encoding="utf-8"))
    items = set()
    for kind in ("events", "decisions", "causes"):
        items.update(x["id"] for x in model.get(kind) or [])
    nodes, edges = set(), []
    for gid, cls in G.findall(svg):
        gid, cls = html.unescape(gid), html.unescape(cls).split()
        if not gid.startswith(prefix):
            continue
        gid = gid[len(prefix):]
        if "node" in cls and gid in items:
            nodes.add(gid)
        elif "edge" in cls and "link" in cls:
            types = [c[5:] for c in cls if c.startswith("type-")]
            edges.append((gid, types[0] if types else ""))
    # An edge's id is FROM--TO, or FROM--TO--N for the Nth link between
    # the same two items; ids may hold "--" themselves, so every split
    # into two drawn items counts.
    drawn = Counter()
    for gid, typ in edges:
        parts = gid.split("--")
        if len(parts) > 2 and parts[-1].isdigit():
            parts = parts[:-1]
        for i in range(1, len(parts)):
            a, b = "--".join(parts[:i]), "--".join(parts[i:])
            if a in nodes and b in nodes:
                drawn[(a, b, typ)] += 1
                break
    want = Counter()
    for l in model.get("links") or []:
        if (l["from"] in nodes and l["to"] in nodes and
                levels.index(l["evidence"]) >= least):
            want[(l["from"], l["to"], l["type"])] += 1
    n = sum(want.values())
    k = 0
    for key, count in sorted(want.items()):
        got = drawn.get(key, 0)
        k += min(got, count)
        if got < count:
            print("FAIL link %s -> %s (%s) between drawn items is not drawn"
                  % key)
        elif got > count:
            print("FAIL link %s -> %s (%s) drawn %d times" % (key + (got,)))
    print("links %d drawn %d" % (n, k))


if __name__ == "__main__":
    main()
