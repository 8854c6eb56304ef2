#!/usr/bin/env python3
"""Check a .pptx made from kgraph's step pictures: N slides, one picture on
each, every picture at the same offset and size, each slide's picture the
step of that number (compared byte for byte with the PNG given).

    check-pptx.py SLIDES.pptx STEP-1.png STEP-2.png ...

Only Python's standard library is used. Exit status 1 when a check fails.
"""

import re
import sys
import zipfile


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: check-pptx.py SLIDES.pptx STEP-1.png [STEP-2.png ...]")
    pptx, images = argv[1], argv[2:]
    z = zipfile.ZipFile(pptx)
    slides = sorted((n for n in z.namelist()
                     if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                    key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)))
    problems = []
    if len(slides) != len(images):
        problems.append(f"{len(slides)} slides for {len(images)} pictures")
    places = []
    for k, (slide, image) in enumerate(zip(slides, images), 1):
        xml = z.read(slide).decode("utf-8")
        pics = re.findall(r"<p:pic>.*?</p:pic>", xml, re.S)
        if len(pics) != 1:
            problems.append(f"slide {k}: {len(pics)} pictures, not 1")
            continue
        off = re.search(r'<a:off x="(\d+)" y="(\d+)"/>', pics[0])
        ext = re.search(r'<a:ext cx="(\d+)" cy="(\d+)"/>', pics[0])
        rid = re.search(r'r:embed="([^"]+)"', pics[0])
        place = (off.groups(), ext.groups())
        places.append(place)
        rels = z.read(slide.replace("slides/", "slides/_rels/") + ".rels").decode("utf-8")
        target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % re.escape(rid.group(1)), rels) \
            or re.search(r'Target="([^"]+)"[^>]*Id="%s"' % re.escape(rid.group(1)), rels)
        media = "ppt/" + target.group(1).replace("../", "")
        with open(image, "rb") as f:
            same = z.read(media) == f.read()
        emu = 360000                       # EMU per cm
        print(f"slide {k}: {media} = {image}: {'same bytes' if same else 'DIFFERENT'}; "
              f"at {int(off.group(1)) / emu:.2f}, {int(off.group(2)) / emu:.2f} cm, "
              f"{int(ext.group(1)) / emu:.2f} x {int(ext.group(2)) / emu:.2f} cm")
        if not same:
            problems.append(f"slide {k}: its picture is not {image}")
    if len(set(places)) > 1:
        problems.append("the pictures are not all at the same place and size")
    for p in problems:
        print(f"check-pptx.py: {pptx}: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check-pptx.py: {pptx}: {len(slides)} slides, one picture each, "
          "all at the same place and size")


if __name__ == "__main__":
    main(sys.argv)
