#!/usr/bin/env bash
# The link rule: every link of the model between two items that a view
# draws is drawn too, whatever the selection. For every model of models/
# and of the tests that checks clean, every view that draws the model's
# links (overview, causes, arguments, timeline, and the model's views on
# them) under a set of selections (none, each phase, pairs of actors, a
# focus at depth 1 and 2), tests/render/links.py compares the SVG's
# edges with the export's links. Ends with "links: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3

# run NAME EVIDENCE OPTIONS...: renders one command line and checks its
# SVG; EVIDENCE is the view's evidence filter, or "".
run() {
	local name=$1 evidence=$2 line svg
	shift 2
	rm -f "$tmp"/v*.svg
	if ! kg render "$model" "$@" -o "$tmp/v.svg" 2>"$tmp/err"; then
		no "$name: render fails: $(head -1 "$tmp/err")"
		return
	fi
	# A view with steps writes v-1.svg ... v-N.svg; the last shows all.
	svg=$tmp/v.svg
	[ -f "$svg" ] || svg=$(ls -v "$tmp"/v-*.svg 2>/dev/null | tail -1)
	"$PY" "$top/tests/render/links.py" "$svg" "$tmp/model.json" $evidence >"$tmp/py" 2>&1
	if [ $? != 0 ] || ! grep -q '^links ' "$tmp/py"; then
		no "$name: links.py failed"
		tail -3 "$tmp/py" | sed 's/^/  /'
		return
	fi
	if grep -q '^FAIL' "$tmp/py"; then
		while IFS= read -r line; do
			case "$line" in FAIL*) no "$name: ${line#FAIL }" ;; esac
		done <"$tmp/py"
	else
		ok
	fi
	grep '^links ' "$tmp/py" | sed "s/^/$name: /" >>"$tmp/counts"
}

: >"$tmp/counts"
for model in models/*.yaml tests/golden/*.yaml tests/render/*.yaml tests/schema/valid/*.yaml; do
	# A model with errors is another test's business.
	kg check "$model" >/dev/null 2>&1 || continue
	kg export "$model" >"$tmp/model.json" 2>/dev/null || continue
	m=$(basename "$model" .yaml)
	# The selections: none, each phase, pairs of actors who did or
	# stated something, a focus on the first decision (or event).
	"$PY" - "$tmp/model.json" >"$tmp/sel" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
print("")
for p in d.get("phases") or []:
    print("--phase %d" % p["number"])
acting = []
for kind in ("decisions", "events", "causes"):
    for x in d.get(kind) or []:
        for a in [x.get("actor"), x.get("by")] + list(x.get("actors") or []):
            if a and a not in acting:
                acting.append(a)
for i in range(0, min(len(acting), 8) - 1, 2):
    print("--actor %s,%s" % (acting[i], acting[i + 1]))
first = (d.get("decisions") or d.get("events") or [None])[0]
if first:
    print("--focus %s --depth 1" % first["id"])
    print("--focus %s --depth 2" % first["id"])
PYEOF
	# The views, each with its evidence filter (a model's view may
	# have one; "-" for none).
	"$PY" -c 'import json, sys
for v in ("overview", "causes", "arguments", "timeline"):
    print(v, "-")
for v in json.load(open(sys.argv[1])).get("views") or []:
    if v.get("base") in ("overview", "causes", "arguments", "timeline"):
        print(v["id"], v.get("evidence") or "-")' "$tmp/model.json" >"$tmp/views"
	while read -r view evidence; do
		[ "$evidence" = - ] && evidence=
		while IFS= read -r sel; do
			# shellcheck disable=SC2086
			run "$m $view${sel:+ $sel}" "$evidence" --view "$view" $sel
		done <"$tmp/sel"
	done <"$tmp/views"
done
[ -n "${KGRAPH_LINK_COUNTS:-}" ] && cat "$tmp/counts"
echo "links: $passed passed, $failed failed"
[ "$failed" = 0 ]
