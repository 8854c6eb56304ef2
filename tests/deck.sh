#!/usr/bin/env bash
# kgraph deck: one 16:9 (or 4:3) PDF of a title slide, the views split
# where their text would be too small, and the sources; every event and
# decision of the model on some slide; the same bytes from two runs.
# Ends with "deck: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=${PY:-python3}
cuba="$top/tests/render/stances-cuba.yaml"
july="$top/models/july-crisis-1914.yaml"

# present PDF MODEL NAME: the title of every event and decision of MODEL
# is in the PDF's text (words compared without the spaces and line
# breaks that wrapping puts between them), read in the order it is drawn,
# a node's lines together, as pdftotext's layout would interleave the
# lines of two nodes side by side.
present() {
	pdftotext -raw "$1" "$tmp/deck.txt"
	kg export "$2" >"$tmp/deck.json"
	"$PY" - "$tmp/deck.txt" "$tmp/deck.json" >"$tmp/missing" <<'PY'
import json, re, sys
text = re.sub(r"\s+", "", open(sys.argv[1]).read())
model = json.load(open(sys.argv[2]))
for kind in ("events", "decisions"):
    for it in model[kind]:
        if re.sub(r"\s+", "", it["title"]) not in text:
            print(it["id"])
PY
	if [ -s "$tmp/missing" ]; then
		no "$3: on no slide: $(tr '\n' ' ' <"$tmp/missing")"
	else
		ok
	fi
}

# readable PDF NAME [POINTS]: no word on any page is lower than 1/40 of
# the page's height (or than POINTS, on paper), as text: pdftotext's word
# boxes are 1.163 times the font's size in DejaVu (the height of its
# ascender and descender), so 13.5 pt text on a 540 pt slide gives boxes
# of 15.7 pt, and the bound is 15.6.
readable() {
	pdftotext -bbox "$1" "$tmp/bbox.html"
	"$PY" - "$tmp/bbox.html" "${3:-0}" >"$tmp/small" <<'PY'
import re, sys
page = 0
points = float(sys.argv[2])
for line in open(sys.argv[1]):
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
    if m:
        page += 1
        bound = (points or float(m.group(2)) / 40) * 1.163 - 0.1
    m = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)', line)
    if m and float(m.group(2)) - float(m.group(1)) < bound:
        print("page %d: '%s' %.1f pt high" % (page, m.group(3),
              float(m.group(2)) - float(m.group(1))))
PY
	if [ -s "$tmp/small" ]; then
		no "$2: text under 1/40 of the slide: $(head -3 "$tmp/small" | tr '\n' ' ')"
	else
		ok
	fi
}

# pages PDF NAME W H: every page is W x H points; prints the count.
pages() {
	local n sizes
	n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p')
	sizes=$(pdfinfo -f 1 -l "$n" "$1" | sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\).*/\1/p' | sort -u)
	[ "$sizes" = "$3 x $4" ] && ok || no "$2: page sizes $sizes"
	echo "$n" >"$tmp/pages"
}

expect 0 korea -- kg deck --view overview -o "$tmp/korea.pdf"
pages "$tmp/korea.pdf" korea 960 540
[ "$(cat "$tmp/pages")" -gt 3 ] && ok || no "korea: only $(cat "$tmp/pages") pages"
present "$tmp/korea.pdf" "$korea" korea
readable "$tmp/korea.pdf" korea
# The views split by time rather than by decision.
expect 0 korea-time -- kg deck --view timeline,stances,actors -o "$tmp/time.pdf"
readable "$tmp/time.pdf" korea-time
present "$tmp/time.pdf" "$korea" korea-time
# The title slide, the split's titles, the sources in the model's style.
pdftotext "$tmp/korea.pdf" "$tmp/korea.txt"
has "$tmp/korea.txt" "Stalin and the decision for war in" korea-title
has "$tmp/korea.txt" "Overview, 2 of 3: Kim insists on war" korea-split
has "$tmp/korea.txt" "Bajanov, Evgueni." korea-sources

expect 0 july -- kg deck "$july" --view overview -o "$tmp/july.pdf"
pages "$tmp/july.pdf" july 960 540
present "$tmp/july.pdf" "$july" july
readable "$tmp/july.pdf" july
# A model view's own settings hold on its slides: "citations: false".
expect 0 view-settings -- kg deck "$july" --view the-documents -o "$tmp/doc.pdf"
pdftotext "$tmp/doc.pdf" "$tmp/doc.txt"
grep -q '\[[0-9]' "$tmp/doc.txt" && no "view-settings: source markers" || ok

# A third model, every view, twice: the same bytes.
expect 0 cuba -- kg deck "$cuba" -o "$tmp/cuba1.pdf"
pages "$tmp/cuba1.pdf" cuba 960 540
present "$tmp/cuba1.pdf" "$cuba" cuba
readable "$tmp/cuba1.pdf" cuba
expect 0 cuba-again -- kg deck "$cuba" -o "$tmp/cuba2.pdf"
cmp -s "$tmp/cuba1.pdf" "$tmp/cuba2.pdf" && ok || no "cuba: two runs differ"
# Its views made one at a time, as with several at once: the same bytes.
expect 0 cuba-one-job -- kg deck "$cuba" -j 1 -o "$tmp/cuba3.pdf"
cmp -s "$tmp/cuba1.pdf" "$tmp/cuba3.pdf" && ok || no "cuba: -j 1 differs"
expect 0 cuba-three-jobs -- kg deck "$cuba" -j 3 -o "$tmp/cuba3.pdf"
cmp -s "$tmp/cuba1.pdf" "$tmp/cuba3.pdf" && ok || no "cuba: -j 3 differs"
# Fonts are embedded.
pdffonts "$tmp/cuba1.pdf" | awk 'NR > 2 && $(NF - 2) != "yes" { bad = 1 } END { exit bad }' &&
	ok || no "cuba: a font is not embedded"

expect 0 four-three -- kg deck "$cuba" --view overview --page 4:3 -o "$tmp/43.pdf"
pages "$tmp/43.pdf" four-three 720 540
readable "$tmp/43.pdf" four-three
expect 0 steps -- kg deck "$cuba" --view overview --kind event --steps -o "$tmp/steps.pdf"
expect 0 no-steps -- kg deck "$cuba" --view overview --kind event -o "$tmp/43.pdf"
[ "$(pdfinfo "$tmp/steps.pdf" | sed -n 's/^Pages: *//p')" -gt \
    "$(pdfinfo "$tmp/43.pdf" | sed -n 's/^Pages: *//p')" ] && ok ||
	no "steps: no more pages than without steps"

# A handout on paper: A4 pages, no text under 6 points.
expect 0 handout -- kg deck --page a4 --view overview,stances -o "$tmp/a4.pdf"
pages "$tmp/a4.pdf" handout 842 595
readable "$tmp/a4.pdf" handout 6
present "$tmp/a4.pdf" "$korea" handout
expect 2 deck-page -- kg deck "$cuba" --page a5 -o "$tmp/x.pdf"
expect 2 deck-all -- kg deck "$cuba" --all -o "$tmp/x.pdf"
expect 3 deck-view -- kg deck "$cuba" --view nosuch -o "$tmp/x.pdf"
absent "$tmp/x.pdf" deck-errors

echo "deck: $passed passed, $failed failed"
[ "$failed" = 0 ]
