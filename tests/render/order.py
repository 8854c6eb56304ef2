"""Date order and overlap in a laid-out view, for tests/order.sh.

usage: order.py SVG SELECTION-JSON DIRECTION

SVG is a view rendered by kgraph, SELECTION-JSON the `render -T json`
output of the same command line (the items the view selects, with their
dates), DIRECTION the view's rank direction (TB, LR, BT or RL). Prints
one line per check, "ok" or "FAIL reason":

- date order: for every two dated events or decisions A and B drawn,
  where A ends strictly before B begins, A's node is before B's along the
  rank axis (top to bottom for TB: a smaller y in the SVG);
- no two nodes overlap.

Then a line "pairs N out-of-order K after A" for the record: of the N
pairs, K not in order, A of them drawn the wrong way round (the others
level).
"""
import datetime, json, re, sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
STAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)"
                   r"(?:[T ](\d\d):(\d\d)(Z|([+-])(\d\d):(\d\d))?)?")


def minute(text, last):
    """The first (or, with last, the last) minute a date's bound covers,
    from 1-1-1: a day without a time covers all its minutes."""
    m = STAMP.match(text)
    if m is None:
        raise SystemExit("FAIL unreadable date %r in the JSON" % text)
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    day = datetime.date(y, mo, d).toordinal() * 1440
    if m.group(4) is not None:
        at = day + int(m.group(4)) * 60 + int(m.group(5))
        # A time with an offset is compared in UTC; one without, and a
        # day, as written.
        if m.group(7) is not None:
            off = int(m.group(8)) * 60 + int(m.group(9))
            at -= off if m.group(7) == "+" else -off
        return at
    return day + (1439 if last else 0)


def dated(path):
    """id -> (first minute, last minute, shown date) of the dated events
    and decisions of the selection."""
    d = json.load(open(path, encoding="utf-8"))
    out = {}
    for key in ("events", "decisions"):
        for x in d.get(key) or []:
            date = x.get("date")
            if date and date.get("from"):
                out[x["id"]] = (minute(date["from"], False),
                                minute(date["to"], True), date.get("text", ""))
    return out


def shape_box(g):
    """The box of the shapes (not the texts) a node draws, or None."""
    xs, ys = [], []
    for el in g.iter():
        tag = el.tag.replace(SVG, "")
        nums = []
        if tag in ("polygon", "polyline"):
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("points"))]
        elif tag == "path":
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
        elif tag == "ellipse":
            cx, cy = float(el.get("cx")), float(el.get("cy"))
            rx, ry = float(el.get("rx")), float(el.get("ry"))
            nums = [cx - rx, cy - ry, cx + rx, cy + ry]
        xs += nums[0::2]
        ys += nums[1::2]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


# The timeline's axis: a line and the marks on it, which meet by design.
AXIS = {"axis", "axis-mark"}


def nodes(path, classes=None):
    """Node name -> shape box, for every node the SVG draws but the
    axis; with a dict for classes, node name -> its classes there too."""
    root = ET.parse(path).getroot()
    out = {}
    for g in root.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        if cls[:1] != ["node"] or AXIS & set(cls):
            continue
        t = g.find(SVG + "title")
        b = shape_box(g)
        if t is not None and t.text and b is not None:
            out[t.text] = b
            if classes is not None:
                classes[t.text] = set(cls[1:])
    return out


def along(box, direction):
    """The place of a box's centre along the rank axis, growing from the
    first rank to the last."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return {"TB": cy, "BT": -cy, "LR": cx, "RL": -cx}[direction]


def result(name, problems):
    if problems:
        more = " (and %d more)" % (len(problems) - 3) if len(problems) > 3 else ""
        print("FAIL %s: %s%s" % (name, "; ".join(problems[:3]), more))
    else:
        print("ok")


def main():
    svg, sel, direction = sys.argv[1:4]
    drawn = nodes(svg)
    dates = {i: v for i, v in dated(sel).items() if i in drawn}
    ids = sorted(dates)
    pairs, wrong, after = 0, [], 0
    for a in ids:
        for b in ids:
            if dates[a][1] < dates[b][0]:
                pairs += 1
                pa, pb = along(drawn[a], direction), along(drawn[b], direction)
                # Nodes of one rank may differ in size: their centres
                # then differ by a fraction of a point.
                if not pa + 1 < pb:
                    after += pa > pb + 1
                    wrong.append("%s (%s) is not before %s (%s)" %
                                 (a, dates[a][2], b, dates[b][2]))
    result("date order along %s: %d of %d pairs out of order (%d drawn "
           "after, %d level)" % (direction, len(wrong), pairs, after,
                                 len(wrong) - after), wrong)
    names = sorted(drawn)
    meet = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            p, q = drawn[a], drawn[b]
            if p[0] + 0.5 < q[2] and q[0] + 0.5 < p[2] and p[1] + 0.5 < q[3] and q[1] + 0.5 < p[3]:
                meet.append("%s overlaps %s" % (a, b))
    result("no two nodes overlap", meet)
    print("pairs %d out-of-order %d after %d" % (pairs, len(wrong), after))


if __name__ == "__main__":
    main()
