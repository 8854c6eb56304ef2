"""The geometry of a timeline, for tests/timeline.sh.

usage: timeline.py SVG SELECTION-JSON

SVG is `kgraph render --view timeline` of a model, SELECTION-JSON the
`render -T json` output of the same command line. Prints one line per
check, "ok" or "FAIL reason":

- ticks: the marks on the axis run left to right in date order (their
  tooltips are ISO dates), at least two where the items have two dates;
- scale: every dated item's centre stands where its dates' middle falls
  on the axis, read between the two ticks around it (the scale is one,
  but where the axis is cut: an item with a cut between those ticks is
  not read);
- between phases: an item of no phase, dated after one phase's `to` and
  before the next one's `from`, stands between their two bands;
- no two items' boxes meet;
- lanes: every item lies in exactly one lane, top to bottom;
- undated: the items without a date stand right of every dated item and
  of every tick.
"""
import json, os, sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from order import SVG, minute, nodes, shape_box  # noqa: E402

XLINK = "{http://www.w3.org/1999/xlink}"


def result(name, problems):
    """One line: "ok NAME", or "FAIL NAME: the first problems"."""
    if problems:
        more = " (and %d more)" % (len(problems) - 3) if len(problems) > 3 else ""
        print("FAIL %s: %s%s" % (name, "; ".join(problems[:3]), more))
    else:
        print("ok %s" % name)


def clusters(root, cls):
    """id -> box of the clusters of class cls."""
    out = {}
    for g in root.iter(SVG + "g"):
        c = (g.get("class") or "").split()
        if c[:1] == ["cluster"] and cls in c:
            b = shape_box(g)
            if b is not None:
                out[g.get("id")] = b
    return out


def ticks(root):
    """(x, first minute, ISO date) of the axis's marks, left to right."""
    out = []
    for g in root.iter(SVG + "g"):
        c = (g.get("class") or "").split()
        if c[:1] != ["node"] or "axis-mark" not in c:
            continue
        a = next((e for e in g.iter(SVG + "a") if e.get(XLINK + "title")), None)
        b = shape_box(g)
        if a is None or b is None:
            continue
        iso = a.get(XLINK + "title")
        out.append(((b[0] + b[2]) / 2, minute(iso, False), iso))
    return sorted(out)


def centre(box):
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def main():
    svg, sel = sys.argv[1:3]
    root = ET.parse(svg).getroot()
    classes = {}
    drawn = nodes(svg, classes)
    items = {n for n, c in classes.items()
             if c & {"kind-event", "kind-decision"}}
    data = json.load(open(sel, encoding="utf-8"))
    dates, phase_of = {}, {}
    for key in ("events", "decisions"):
        for x in data.get(key) or []:
            phase_of[x["id"]] = x.get("phase")
            d = x.get("date")
            if d and d.get("from"):
                dates[x["id"]] = (minute(d["from"], False),
                                  minute(d["to"], True), d.get("text", ""))
    missing = sorted(set(dates) - items)
    result("every dated event and decision is drawn",
           ["%s is not drawn" % i for i in missing])

    # Ticks.
    tk = ticks(root)
    bad = []
    if len({v[:2] for v in dates.values()}) >= 2 and len(tk) < 2:
        bad.append("%d ticks for %d dates" % (len(tk), len(dates)))
    for p, q in zip(tk, tk[1:]):
        if not (p[0] + 1 < q[0] and p[1] < q[1]):
            bad.append("tick %s at x %.1f, then %s at x %.1f" %
                       (p[2], p[0], q[2], q[0]))
    result("ticks: %d, left to right in date order" % len(tk), bad)

    # Scale: an item's middle minute, read between the ticks around it.
    cuts = list(clusters(root, "axis-break-column").values())
    bad, read = [], 0
    for i, (first, last, text) in sorted(dates.items()):
        mid = (first + last + 1) / 2
        left = [t for t in tk if t[1] <= mid]
        right = [t for t in tk if t[1] > mid]
        if not left or not right or i not in drawn:
            continue
        a, b = left[-1], right[0]
        if any(c[0] < b[0] and a[0] < c[2] for c in cuts):
            continue
        want = a[0] + (b[0] - a[0]) * (mid - a[1]) / (b[1] - a[1])
        x = centre(drawn[i])[0]
        read += 1
        if abs(x - want) > 2:
            bad.append("%s (%s) at x %.1f, where the axis puts %.1f" %
                       (i, text, x, want))
    result("scale: %d items stand at their dates on the axis" % read, bad)

    # Between phases.
    bands = clusters(root, "band")
    phases = data.get("phases") or []
    bad, seen = [], 0
    for p, q in zip(phases, phases[1:]):
        bp, bq = bands.get("kg--phase-" + p["id"]), bands.get("kg--phase-" + q["id"])
        if not (bp and bq and p.get("to") and q.get("from")):
            continue
        end, start = minute(p["to"]["to"], True), minute(q["from"]["from"], False)
        for i, (first, last, text) in dates.items():
            if phase_of.get(i) or not (end < first and last < start):
                continue
            seen += 1
            x = centre(drawn[i])[0]
            if not (bp[2] - 1 <= x <= bq[0] + 1):
                bad.append("%s (%s) at x %.1f, not between %s (to x %.1f) "
                           "and %s (from x %.1f)" % (i, text, x, p["id"],
                                                     bp[2], q["id"], bq[0]))
    result("between phases: %d items in the gap between their bands" % seen,
           bad)

    # No two items meet.
    names = sorted(items)
    meet = []
    for k, a in enumerate(names):
        for b in names[k + 1:]:
            p, q = drawn[a], drawn[b]
            if (p[0] + 1 < q[2] and q[0] + 1 < p[2] and
                    p[1] + 1 < q[3] and q[1] + 1 < p[3]):
                meet.append("%s overlaps %s" % (a, b))
    result("no two items' boxes meet", meet)

    # Lanes.
    lanes = clusters(root, "lane")
    bad = []
    for i in names:
        b = drawn[i]
        inside = [l for l, r in lanes.items()
                  if r[1] - 1 <= b[1] and b[3] <= r[3] + 1]
        if len(inside) != 1:
            bad.append("%s lies in %d lanes" % (i, len(inside)))
    tops = sorted(lanes.values(), key=lambda r: r[1])
    for r, s in zip(tops, tops[1:]):
        if r[3] > s[1] + 1:
            bad.append("two lanes overlap")
    result("lanes: every item in one of %d" % len(lanes), bad)

    # Undated items after the axis.
    undated = [i for i in names if i not in dates]
    right = max([centre(drawn[i])[0] for i in names if i in dates] +
                [t[0] for t in tk] + [float("-inf")])
    bad = ["%s (undated) at x %.1f, left of %.1f" %
           (i, centre(drawn[i])[0], right)
           for i in undated if centre(drawn[i])[0] <= right]
    result("undated: %d items after the axis" % len(undated), bad)


main()
