#!/usr/bin/env python3
"""Write a LibreOffice Impress presentation (flat ODF, .fodp) with one slide
per kgraph step picture, each picture in the same place and at the same size.

    make-fodp.py OUT.fodp "SLIDE TITLE" STEP-1.png STEP-2.png ...

LibreOffice then turns it into .pptx or .odp:

    libreoffice --headless --convert-to pptx OUT.fodp

The steps of `kgraph render --steps -T png` all have the same pixel size, so
one frame, computed once, holds every one of them; flipping from slide to
slide then shows the diagram growing without moving. The pictures are
embedded (base64), so the file stands alone. Only Python's standard library
is used.
"""

import base64
import struct
import sys
from xml.sax.saxutils import escape, quoteattr

# A 16:9 slide, as PowerPoint and Impress make by default (33.867 x 19.05 cm
# is PowerPoint's; Impress's 28 x 15.75 cm is the same shape).
SLIDE_W, SLIDE_H = 28.0, 15.75          # cm
MARGIN = 0.8                            # cm, around everything
TITLE_H = 1.6                           # cm, the title's box
CAPTION_H = 1.0                         # cm, the caption's box under the picture


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        sys.exit(f"make-fodp.py: {path}: not a PNG file")
    return struct.unpack(">II", head[16:24])


def frame_for(width, height):
    """The largest box of the picture's shape in the area under the title."""
    area_w = SLIDE_W - 2 * MARGIN
    area_h = SLIDE_H - 2 * MARGIN - TITLE_H - CAPTION_H
    scale = min(area_w / width, area_h / height)
    w, h = width * scale, height * scale
    x = (SLIDE_W - w) / 2
    y = MARGIN + TITLE_H + (area_h - h) / 2
    return x, y, w, h


def main(argv):
    if len(argv) < 4:
        sys.exit("usage: make-fodp.py OUT.fodp 'SLIDE TITLE' STEP-1.png [STEP-2.png ...]")
    out, title, images = argv[1], argv[2], argv[3:]
    sizes = [png_size(p) for p in images]
    if len(set(sizes)) != 1:
        sys.exit("make-fodp.py: the step pictures differ in size "
                 f"({', '.join(f'{w}x{h}' for w, h in sizes)}); "
                 "render them in one `kgraph render --steps` run")
    x, y, w, h = frame_for(*sizes[0])
    n = len(images)

    pages = []
    for k, path in enumerate(images, 1):
        with open(path, "rb") as f:
            data = base64.encodebytes(f.read()).decode("ascii")
        caption = f"Step {k} of {n}"
        pages.append(f"""\
  <draw:page draw:name="Step {k}" draw:master-page-name="Default" draw:style-name="dp1">
   <draw:frame draw:style-name="gr1" draw:text-style-name="P1" svg:x="{MARGIN}cm" svg:y="{MARGIN}cm" svg:width="{SLIDE_W - 2 * MARGIN:.3f}cm" svg:height="{TITLE_H}cm">
    <draw:text-box><text:p text:style-name="P1">{escape(title)}</text:p></draw:text-box>
   </draw:frame>
   <draw:frame draw:style-name="gr1" draw:name={quoteattr(f"kgraph step {k}")} svg:x="{x:.3f}cm" svg:y="{y:.3f}cm" svg:width="{w:.3f}cm" svg:height="{h:.3f}cm">
    <draw:image draw:mime-type="image/png"><office:binary-data>{data}</office:binary-data></draw:image>
    <svg:title>{escape(title)}</svg:title>
    <svg:desc>{escape(f"{title}: {caption}")}</svg:desc>
   </draw:frame>
   <draw:frame draw:style-name="gr1" draw:text-style-name="P2" svg:x="{MARGIN}cm" svg:y="{SLIDE_H - MARGIN - CAPTION_H:.3f}cm" svg:width="{SLIDE_W - 2 * MARGIN:.3f}cm" svg:height="{CAPTION_H}cm">
    <draw:text-box><text:p text:style-name="P2">{escape(caption)}</text:p></draw:text-box>
   </draw:frame>
  </draw:page>
""")

    doc = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<office:document
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
 office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:automatic-styles>
  <style:page-layout style:name="PM1">
   <style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm"
    fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="{SLIDE_W}cm"
    fo:page-height="{SLIDE_H}cm" style:print-orientation="landscape"/>
  </style:page-layout>
  <style:style style:name="dp1" style:family="drawing-page">
   <style:drawing-page-properties draw:fill="solid" draw:fill-color="#ffffff"/>
  </style:style>
  <style:style style:name="gr1" style:family="graphic">
   <style:graphic-properties draw:stroke="none" draw:fill="none"/>
  </style:style>
  <style:style style:name="P1" style:family="paragraph">
   <style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#1a1a1a"/>
  </style:style>
  <style:style style:name="P2" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="16pt" fo:color="#555555"/>
  </style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1"/>
 </office:master-styles>
 <office:body>
  <office:presentation>
{"".join(pages)}  </office:presentation>
 </office:body>
</office:document>
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(doc)
    print(f"make-fodp.py: wrote {out}: {n} slides, each picture at "
          f"x={x:.2f} y={y:.2f} cm, {w:.2f} x {h:.2f} cm")


if __name__ == "__main__":
    main(sys.argv)
