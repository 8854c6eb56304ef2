#!/usr/bin/env python3
"""Reports how an SVG diagram reads on a 16:9 slide at full size.

For each SVG: its size in points, the smallest font size it uses, and the
ratio of that text's height on the slide to 1/40 of the slide's height
(>= 1.0 means the smallest text is at least 1/40 of the slide's height,
the readability target). Usage: slide-fit.py FILE.svg...
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"

for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    w = float(re.sub(r"[a-z]+$", "", root.get("width")))
    h = float(re.sub(r"[a-z]+$", "", root.get("height")))
    sizes = [float(t.get("font-size")) for t in root.iter(SVG + "text")
             if t.get("font-size") and (t.text or "").strip()]
    smallest = min(sizes) if sizes else 0.0
    # The slide is 16 x 9 units; the diagram is scaled to fit inside it.
    scale = min(16.0 / w, 9.0 / h)
    ratio = smallest * scale / (9.0 / 40.0)
    print("%-40s %7.0f x %-6.0f pt  smallest text %4.1f pt  fit %.2f" %
          (path, w, h, smallest, ratio))
