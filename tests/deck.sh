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
# breaks that wrapping puts between them).
present() {
	pdftotext "$1" "$tmp/deck.txt"
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
# The title slide, the split's titles, the sources in the model's style.
pdftotext "$tmp/korea.pdf" "$tmp/korea.txt"
has "$tmp/korea.txt" "Stalin and the decision for war in" korea-title
has "$tmp/korea.txt" "Overview, 2 of 3: Kim insists on war" korea-split
has "$tmp/korea.txt" "Bajanov, Evgueni." korea-sources

expect 0 july -- kg deck "$july" --view overview -o "$tmp/july.pdf"
pages "$tmp/july.pdf" july 960 540
present "$tmp/july.pdf" "$july" july

# A third model, every view, twice: the same bytes.
expect 0 cuba -- kg deck "$cuba" -o "$tmp/cuba1.pdf"
pages "$tmp/cuba1.pdf" cuba 960 540
present "$tmp/cuba1.pdf" "$cuba" cuba
expect 0 cuba-again -- kg deck "$cuba" -o "$tmp/cuba2.pdf"
cmp -s "$tmp/cuba1.pdf" "$tmp/cuba2.pdf" && ok || no "cuba: two runs differ"
# Fonts are embedded.
pdffonts "$tmp/cuba1.pdf" | awk 'NR > 2 && $(NF - 2) != "yes" { bad = 1 } END { exit bad }' &&
	ok || no "cuba: a font is not embedded"

expect 0 four-three -- kg deck "$cuba" --view overview --page 4:3 -o "$tmp/43.pdf"
pages "$tmp/43.pdf" four-three 720 540
expect 0 steps -- kg deck "$cuba" --view overview --kind event --steps -o "$tmp/steps.pdf"
expect 0 no-steps -- kg deck "$cuba" --view overview --kind event -o "$tmp/43.pdf"
[ "$(pdfinfo "$tmp/steps.pdf" | sed -n 's/^Pages: *//p')" -gt \
    "$(pdfinfo "$tmp/43.pdf" | sed -n 's/^Pages: *//p')" ] && ok ||
	no "steps: no more pages than without steps"

expect 2 deck-a4 -- kg deck "$cuba" --page a4 -o "$tmp/x.pdf"
has "$tmp/err" "--page 16:9 or 4:3" deck-a4
expect 2 deck-all -- kg deck "$cuba" --all -o "$tmp/x.pdf"
expect 3 deck-view -- kg deck "$cuba" --view nosuch -o "$tmp/x.pdf"
absent "$tmp/x.pdf" deck-errors

echo "deck: $passed passed, $failed failed"
[ "$failed" = 0 ]
