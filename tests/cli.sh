#!/usr/bin/env bash
# Command-line tests: exit statuses, help, model resolution, atomic
# output, hostile input in bounded time. Ends with "cli: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
small="$top/tests/golden/small.yaml"

empty() {
	if [ -s "$1" ]; then no "$2: $1 is not empty"; head -3 "$1" | sed 's/^/  /'; else ok; fi
}

# --- help and version
expect 0 version -- kg --version
has "$tmp/out" "kgraph 0.1.0 (Graphviz 2." version
has "$tmp/out" "libyaml 0.2." version
expect 0 help -- kg --help
has "$tmp/out" "usage: kgraph <command>" help
expect 0 help-short -- kg -h
for c in check list export schema init; do
	expect 0 "help-$c" -- kg "$c" --help
	has "$tmp/out" "usage: kgraph $c" "help-$c"
	expect 0 "help-$c-short" -- kg "$c" -h
done
expect 2 no-command -- kg
has "$tmp/err" "usage: kgraph" no-command
expect 2 unknown-command -- kg chek
has "$tmp/err" "unknown command 'chek' (did you mean 'check'?)" unknown-command
expect 2 unknown-option -- kg check --bogus
expect 2 too-many -- kg check a b

# --- the Korea model: clean, no warnings even with --strict
expect 0 korea-check -- kg check "$korea"
empty "$tmp/err" korea-check
empty "$tmp/out" korea-check
expect 0 korea-strict -- kg check --strict "$korea"

# --- the July Crisis model: clean too, nothing on stderr (no warnings)
july="$top/models/july-crisis-1914.yaml"
expect 0 july-check -- kg check "$july"
empty "$tmp/err" july-check
empty "$tmp/out" july-check
expect 0 july-strict -- kg check --strict "$july"

# The schema's valid models that are whole models pass kgraph too, so the
# schema accepts nothing that kgraph refuses for its shape.
for f in example full minimal; do
	expect 0 "schema-valid-$f" -- kg check "$top/tests/schema/valid/$f.yaml"
done

# --- which model: positional, '-', ./kgraph.yaml, built in
mkdir "$tmp/empty"
(cd "$tmp/empty" && expect 0 builtin-list -- kg list)
has "$tmp/out" "model: korea-1949-1950.yaml (built in)" builtin-list
(cd "$tmp/empty" && expect 0 builtin-check -- kg check)
# The built-in model is the file in models/, byte for byte.
(cd "$tmp/empty" && expect 0 builtin-export -- kg export)
cp "$tmp/out" "$tmp/builtin.json"
expect 0 file-export -- kg export "$korea"
if cmp -s "$tmp/out" "$tmp/builtin.json"; then ok; else no "built-in model differs from models/"; fi
mkdir "$tmp/local"
cp "$small" "$tmp/local/kgraph.yaml"
(cd "$tmp/local" && expect 0 local-list -- kg list)
has "$tmp/out" "model: kgraph.yaml: A small council" local-list
expect 0 stdin-list -- sh -c "'$KG' list - < '$small'"
has "$tmp/out" "model: <stdin>: A small council" stdin-list
expect 0 list-what-only -- kg list phases
has "$tmp/out" "pressure" list-what-only
expect 0 list-model-what -- kg list "$small" actors
has "$tmp/out" "chair" list-model-what
has "$tmp/out" "Председатель" list-model-what
for w in views phases actors groups questions events decisions causes sources; do
	expect 0 "list-$w" -- kg list "$korea" "$w"
done
has "$tmp/out" "bajanov" list-sources
expect 2 list-bad-what -- kg list "$korea" actor
has "$tmp/err" "did you mean 'actors'?" list-bad-what
expect 1 missing-model -- kg check "$tmp/nonexistent.yaml"
has "$tmp/err" "cannot open" missing-model

# --- diagnostics: all at once, with places; caret only on a terminal
cat > "$tmp/two.yaml" <<'YAML'
kgraph: 1
title: Two problems
actors:
  - { id: a, name: A, group: nowhere }
decisions:
  - { id: d, actor: stalln, title: T, sources: s }
YAML
expect 1 two-errors -- kg check "$tmp/two.yaml"
has "$tmp/err" "two.yaml:4:30: error: unknown group 'nowhere'" two-errors
has "$tmp/err" "two.yaml:6:21: error: unknown actor 'stalln'" two-errors
has "$tmp/err" "two.yaml:6:48: error: unknown source 's'" two-errors
hasnt "$tmp/err" "^" no-caret-when-piped
if command -v script >/dev/null; then
	script -qec "NO_COLOR=1 '$KG' check '$tmp/two.yaml'" /dev/null \
		> "$tmp/tty" 2>&1
	has "$tmp/tty" "  - { id: a, name: A, group: nowhere }" caret-line
	has "$tmp/tty" "                               ^" caret
	hasnt "$tmp/tty" "$(printf '\033')" no-color-with-NO_COLOR
	# Hangul takes two columns each: the caret stays under the key
	printf 'kgraph: 1\ntitle: T\nactors:\n  - { id: k, name: 김일성김일성, bogus: 1 }\n' \
		> "$tmp/wide.yaml"
	script -qec "NO_COLOR=1 '$KG' check '$tmp/wide.yaml'" /dev/null \
		> "$tmp/tty-wide" 2>&1
	if tr -d '\r' < "$tmp/tty-wide" | grep -qx "$(printf '%35s^' '')"; then
		ok; else no "caret-under-wide-text"; cat "$tmp/tty-wide"; fi
	# colour on a terminal by default, as compilers do
	script -qec "env -u NO_COLOR TERM=xterm '$KG' check '$tmp/two.yaml'" \
		/dev/null > "$tmp/tty" 2>&1
	has "$tmp/tty" "$(printf '\033[1;31merror:')" color-on-tty
	script -qec "env -u NO_COLOR '$KG' check --color=never '$tmp/two.yaml'" \
		/dev/null > "$tmp/tty" 2>&1
	hasnt "$tmp/tty" "$(printf '\033')" color-never
	script -qec "NO_COLOR=1 '$KG' check --color=always '$tmp/two.yaml'" \
		/dev/null > "$tmp/tty" 2>&1
	has "$tmp/tty" "$(printf '\033[1;31merror:')" color-always-beats-NO_COLOR
	# aligned columns on a terminal
	script -qec "'$KG' list '$korea' phases" /dev/null > "$tmp/tty" 2>&1
	has "$tmp/tty" "2  pressure  Kim insists" list-aligned-on-tty
fi
# colour never goes into a pipe unless asked
expect 1 color-piped -- kg check "$tmp/two.yaml"
hasnt "$tmp/err" "$(printf '\033')" no-color-in-pipe
expect 1 color-always -- kg check --color=always "$tmp/two.yaml"
has "$tmp/err" "$(printf '\033[1;31merror:')" color-always-piped
expect 2 color-bad -- kg check --color=sometimes "$tmp/two.yaml"
has "$tmp/err" "--color takes auto, always or never" color-bad
# list in a pipe: tab-separated, the id first, for scripts
expect 0 list-tabs -- kg list "$korea" phases
has "$tmp/out" "$(printf '2\tpressure\tKim insists on war; Stalin disagrees\tMar 1949\tJan 1950')" list-tabs
expect 0 list-tabs-actors -- kg list "$korea" actors
has "$tmp/out" "$(printf 'stalin\tJoseph Stalin\tИосиф Сталин')" list-tabs-actors
expect 0 list-tabs-views -- kg list "$korea" views
has "$tmp/out" "$(printf 'causes\t(built in)')" list-tabs-views
cat > "$tmp/warn.yaml" <<'YAML'
kgraph: 1
title: A warning
actors: [{ id: a, name: A }]
events: [{ id: e, title: E, actors: a }]
YAML
expect 0 warning-exit-0 -- kg check "$tmp/warn.yaml"
has "$tmp/err" "warn.yaml:4:16: warning: event 'e' has no sources" warning-exit-0
expect 1 warning-strict -- kg check --strict "$tmp/warn.yaml"
for c in check list export render; do
	expect 0 "quiet-$c" -- kg $c -q "$tmp/warn.yaml"
	hasnt "$tmp/err" "warning" "quiet-$c"
done
expect 0 quiet-long -- kg check --quiet "$tmp/warn.yaml"
hasnt "$tmp/err" "warning" quiet-long
expect 1 quiet-keeps-errors -- kg check -q "$tmp/two.yaml"
has "$tmp/err" "error: unknown group" quiet-keeps-errors

# --- export: formats, filters and usage errors
expect 0 export-json -- kg export -T json "$korea"
if /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" 2>/dev/null; then ok; else no "export is not JSON"; fi
expect 2 export-bad-format -- kg export -T xml "$korea"
# -T dot: a view's graph before layout, the same as render -T dot
expect 0 export-dot -- kg export -T dot --view causes --phase 2 "$korea"
mv "$tmp/out" "$tmp/export.dot"
expect 0 render-dot -- kg render -T dot --view causes --phase 2 "$korea"
if cmp -s "$tmp/out" "$tmp/export.dot"; then ok; else no "export -T dot differs from render -T dot"; fi
has "$tmp/export.dot" "digraph kgraph" export-dot
expect 0 export-dot-ext -- kg export "$korea" -o "$tmp/e.gv"
has "$tmp/e.gv" "digraph kgraph" export-dot-ext
expect 2 export-bad-phase -- kg export "$korea" --phase 7
has "$tmp/err" "unknown phase '7'; valid: 1 (fear), 2 (pressure), 3 (blessing)" export-bad-phase
expect 2 export-bad-phase-id -- kg export "$korea" --phase presure
has "$tmp/err" "did you mean 'pressure'?" export-bad-phase-id
expect 2 export-bad-actor -- kg export "$korea" --actor stalln
has "$tmp/err" "unknown actor 'stalln' (did you mean 'stalin'?)" export-bad-actor
expect 2 export-bad-kind -- kg export "$korea" --kind argumnet
has "$tmp/err" "did you mean 'argument'?" export-bad-kind
expect 2 export-bad-evidence -- kg export "$korea" --evidence certain
expect 2 export-bad-date -- kg export "$korea" --since 1949-13
expect 2 export-bad-view -- kg export "$korea" --view nonesuch
has "$tmp/err" "valid: overview, causes, arguments, timeline, stances, actors" export-bad-view
expect 2 export-bad-focus -- kg export "$korea" --focus stalin
expect 2 export-bad-depth -- kg export "$korea" --focus stalin-approves --depth x
expect 0 export-phase-range -- kg export "$korea" --phase 1..2,blessing
expect 0 export-view -- kg export "$korea" --view kim-vs-stalin

# --- atomic output: nothing partial, nothing replaced on failure
echo "precious" > "$tmp/out.json"
cp "$tmp/two.yaml" "$tmp/bad.yaml"
expect 1 export-model-error -- kg export "$tmp/bad.yaml" -o "$tmp/out.json"
if [ "$(cat "$tmp/out.json")" = precious ]; then ok; else no "a failed export replaced the output"; fi
expect 2 export-usage-error -- kg export "$korea" --phase 9 -o "$tmp/out.json"
if [ "$(cat "$tmp/out.json")" = precious ]; then ok; else no "a usage error replaced the output"; fi
expect 0 export-to-file -- kg export "$korea" -o "$tmp/out.json"
empty "$tmp/out" export-to-file
if cmp -s "$tmp/out.json" "$tmp/builtin.json"; then ok; else no "export -o differs from stdout"; fi
mkdir "$tmp/ro"
echo "old" > "$tmp/ro/out.json"
chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	expect 3 export-readonly-dir -- kg export "$korea" -o "$tmp/ro/out.json"
	if [ "$(cat "$tmp/ro/out.json")" = old ]; then ok; else no "read-only target changed"; fi
fi
chmod u+w "$tmp/ro"
expect 3 export-missing-dir -- kg export "$korea" -o "$tmp/no/such/dir/out.json"
if [ -e "$tmp/no" ]; then no "a missing directory was created"; else ok; fi
expect 3 export-dev-full -- kg export "$korea" -o /dev/full
cp "$small" "$tmp/model.yaml"
expect 3 export-onto-model -- kg export "$tmp/model.yaml" -o "$tmp/model.yaml"
if cmp -s "$small" "$tmp/model.yaml"; then ok; else no "the model file was modified"; fi
leftovers=$(find "$tmp" -name '.kgraph-*' | wc -l)
if [ "$leftovers" = 0 ]; then ok; else no "temporary files left behind"; fi
# The same input gives the same bytes.
kg export "$korea" > "$tmp/a.json"; kg export "$korea" > "$tmp/b.json"
if cmp -s "$tmp/a.json" "$tmp/b.json"; then ok; else no "export is not deterministic"; fi

# --- schema and init
expect 0 schema -- kg schema
if cmp -s "$tmp/out" "$top/src/schema.json"; then ok; else no "schema differs from src/schema.json"; fi
has "$tmp/out" '"$schema": "https://json-schema.org/draft/2020-12/schema"' schema
expect 2 schema-args -- kg schema extra
mkdir "$tmp/init"
(cd "$tmp/init" && expect 0 init -- kg init)
if [ -f "$tmp/init/kgraph.yaml" ]; then ok; else no "init wrote no kgraph.yaml"; fi
# not installed: the modeline names a schema beside the model, and says how
[ "$(head -1 "$tmp/init/kgraph.yaml")" = '# yaml-language-server: $schema=kgraph.schema.json' ] && ok || no "init: first line '$(head -1 "$tmp/init/kgraph.yaml")'"
has "$tmp/err" "kgraph schema -o kgraph.schema.json" init-schema-hint
(cd "$tmp/init" && expect 0 init-checks -- kg check --strict)
empty "$tmp/err" init-checks
echo "# mine" > "$tmp/init/mine.yaml"
expect 3 init-no-overwrite -- kg init "$tmp/init/mine.yaml"
has "$tmp/err" "already exists" init-no-overwrite
if [ "$(cat "$tmp/init/mine.yaml")" = "# mine" ]; then ok; else no "init replaced a file"; fi
expect 0 init-stdout -- kg init -
has "$tmp/out" "kgraph: 1" init-stdout
expect 0 init-named -- kg init "$tmp/init/new.yaml"
expect 0 init-named-checks -- kg check --strict "$tmp/init/new.yaml"

# --- hostile input, generated here: refused fast, with a place
bounded() {
	# bounded NAME FILE TEXT: check FILE within 10 s and 600 MB, exit 1,
	# and the message contains TEXT.
	local name=$1 file=$2 text=$3
	( memlimit 600000; timeout 10 "$KG" check "$file" ) >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" = 1 ]; then ok; else no "$name: exit $rc, expected 1"; head -3 "$tmp/err"; fi
	has "$tmp/err" "$text" "$name"
}
/usr/bin/python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
open(d + "/deep-flow.yaml", "w").write("kgraph: 1\ntitle: x\nviews: " + "[" * 100000 + "]" * 100000 + "\n")
open(d + "/deep-map.yaml", "w").write("kgraph: 1\ntitle: x\nv: " + "{a: " * 100000 + "b" + "}" * 100000 + "\n")
lines = ["kgraph: 1", "title: x", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
for i in range(1, 12):
    lines.append("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 10)))
open(d + "/laughs.yaml", "w").write("\n".join(lines) + "\n")
open(d + "/big-scalar.yaml", "w").write("kgraph: 1\ntitle: " + "x" * (50 * 1024 * 1024) + "\n")
open(d + "/long-id.yaml", "w").write("kgraph: 1\ntitle: x\nactors:\n  - { id: " + "a" * 10240 + ", name: A }\n")
PY
bounded deep-flow "$tmp/deep-flow.yaml" "deep-flow.yaml:3:"
has "$tmp/err" "nested more than 16 deep" deep-flow
bounded deep-map "$tmp/deep-map.yaml" "nested more than 16 deep"
bounded billion-laughs "$tmp/laughs.yaml" "aliases expand to more than 100000 nodes"
bounded big-scalar "$tmp/big-scalar.yaml" "longer than the limit of 2097152 bytes"
bounded long-id "$tmp/long-id.yaml" "is longer than 64 bytes"
( memlimit 900000; head -c 300000000 /dev/zero | timeout 20 "$KG" check - ) >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ]; then ok; else no "huge-file: exit $rc, expected 1"; fi
has "$tmp/err" "larger than 256 MiB" huge-file

# --- every view of the Korea model lays out and renders
for v in overview causes arguments timeline actors stances; do
	expect 0 "render-$v" -- kg render "$korea" --view "$v" -o "$tmp/$v.svg"
	if xmllint --noout "$tmp/$v.svg" 2>/dev/null; then ok; else no "render-$v: not valid XML"; fi
done

# --- the timeline's lanes
expect 2 lanes-unknown -- kg render "$korea" --view timeline --lanes x -o "$tmp/lanes.svg"
has "$tmp/err" "unknown lanes 'x'; valid: group, actor, none" lanes-unknown
absent "$tmp/lanes.svg" lanes-unknown
expect 0 lanes-actor -- kg render "$korea" --view timeline --lanes actor -o "$tmp/lanes.svg"
has "$tmp/lanes.svg" 'id="kg&#45;&#45;lane&#45;stalin"' lanes-actor
hasnt "$tmp/lanes.svg" 'id="kg&#45;&#45;lane&#45;ussr"' lanes-actor
expect 0 lanes-group -- kg render "$korea" --view timeline -o "$tmp/lanes.svg"
has "$tmp/lanes.svg" 'id="kg&#45;&#45;lane&#45;ussr"' lanes-group
expect 0 lanes-none -- kg render "$korea" --view timeline --lanes none -o "$tmp/lanes.svg"
has "$tmp/lanes.svg" 'id="kg&#45;&#45;lane&#45;none"' lanes-none
hasnt "$tmp/lanes.svg" 'class="node lane&#45;label"' lanes-none

# --- the stances view: messages, and a grid that holds
questions="$top/tests/golden/questions.yaml"
expect 2 stances-nobody -- kg render "$questions" --view stances --actor bishop --question war
has "$tmp/err" "no decision of the selection answers the question 'war'" stances-nobody
expect 2 stances-unknown-question -- kg render "$questions" --view stances --question peace
has "$tmp/err" "unknown question 'peace'; valid: war, tax" stances-unknown-question
expect 2 stances-no-questions -- kg render "$small" --view stances --question x
# A phase filter that leaves no decision on the question: the message
# names the phases whose decisions answer it, and the questions that the
# selection's decisions answer; it asks for 'on:' only when no decision
# of the model answers the question.
cuba="$top/tests/render/stances-cuba.yaml"
firstline() { # firstline NAME TEXT: the first line of stderr is TEXT
	if [ "$(head -1 "$tmp/err")" = "$2" ]; then ok; else no "$1: '$(head -1 "$tmp/err")'"; fi
}
expect 2 stances-phase-other -- kg render "$cuba" --view stances --question jupiter --phase 2 -o "$tmp/x.svg"
firstline stances-phase-other "kgraph render: no decision of the selection answers the question 'jupiter' (Should the Jupiters leave Turkey?); the model's decisions on it are in phase 4 (Resolution); the selection's decisions answer --question 'strike'"
absent "$tmp/x.svg" stances-phase-other-writes-nothing
expect 2 stances-phase-empty -- kg render "$cuba" --view stances --question strike --phase 3 -o "$tmp/x.svg"
firstline stances-phase-empty "kgraph render: no decision of the selection answers the question 'strike' (Should the United States bomb the missile sites?); the model's decisions on it are in phase 2 (Discovery), phase 4 (Resolution)"
sed '/id: jupiter, title/a\  - { id: invade, title: Should the United States invade Cuba? }' "$cuba" >"$tmp/cuba3.yaml"
expect 2 stances-phase-unanswered -- kg render "$tmp/cuba3.yaml" --view stances --question invade --phase 2 -o "$tmp/x.svg"
firstline stances-phase-unanswered "kgraph render: no decision of the selection answers the question 'invade' (Should the United States invade Cuba?): give decisions 'on: invade'"
expect 0 stances-phase-answered -- kg render "$cuba" --view stances --question strike --phase 4 -o "$tmp/x.svg"
expect 0 stances-korea -- kg render "$korea" --view stances -o "$tmp/stances.svg"
# Decisions of one phase share a column (the same x centre); the
# decisions of one actor lie in a band of rows that no other actor's
# decisions enter.
if /usr/bin/python3 - "$tmp/stances.svg" > "$tmp/geometry" 2>&1 <<'PY'
import re, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
cols, rows = {}, {}
for g in root.iter(NS + "g"):
    cls = (g.get("class") or "").split()
    if "kind-decision" not in cls:
        continue
    pts = []
    for shape in g.iter():
        if shape.tag == NS + "polygon":
            pts += [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
        elif shape.tag == NS + "ellipse":
            cx, cy = float(shape.get("cx")), float(shape.get("cy"))
            rx, ry = float(shape.get("rx")), float(shape.get("ry"))
            pts += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
    centre = round((min(xs) + max(xs)) / 2)
    phase = [c for c in cls if c.startswith("phase-")][0]
    actor = [c for c in cls if c.startswith("actor-")][0]
    cols.setdefault(phase, set()).add(centre)
    lo, hi = rows.get(actor, (1e9, -1e9))
    rows[actor] = (min(lo, min(ys)), max(hi, max(ys)))
bad = [p for p, xs in cols.items() if max(xs) - min(xs) > 1]
bands = sorted(rows.values())
overlaps = [(a, b) for a, b in zip(bands, bands[1:]) if a[1] > b[0]]
print("columns", len(cols), "rows", len(rows), "bad", bad, "overlaps", overlaps)
sys.exit(1 if bad or overlaps or len(cols) != 3 or len(rows) != 5 else 0)
PY
then ok; else no "stances grid"; cat "$tmp/geometry"; fi

# --- a complete graph of 150 decisions is refused at once, not laid out
# for minutes; its dot is still written.
/usr/bin/python3 - "$tmp/complete.yaml" <<'PY'
import sys
n = 150
lines = ["kgraph: 1", "title: Complete", "sources:", "  - { id: s, cite: S }",
         "actors:", "  - { id: a, name: A }", "decisions:"]
lines += ["  - { id: d%d, actor: a, title: Decision %d, sources: s }" % (i, i) for i in range(n)]
lines.append("links:")
lines += ["  - { from: d%d, to: d%d, type: leads-to, sources: s }" % (i, j)
          for i in range(n) for j in range(i + 1, n)]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
( timeout 20 "$KG" render "$tmp/complete.yaml" -o "$tmp/complete.svg" ) >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 3 ]; then ok; else no "complete graph: exit $rc, expected 3"; fi
has "$tmp/err" "151 items, 11175 links" complete-graph
if [ -e "$tmp/complete.svg" ]; then no "complete graph: an output was written"; else ok; fi
expect 0 complete-graph-dot -- kg render "$tmp/complete.yaml" -T dot -o "$tmp/complete.dot"

# --- every script: names in Russian, Korean and Chinese reach the PDF's
# text, and a character no installed font has (a private-use one of plane
# 16; a tag character would draw nothing anyway) is a warning, not a gap.
expect 0 scripts-pdf -- kg render "$korea" --view actors -o "$tmp/actors.pdf"
pdftotext "$tmp/actors.pdf" "$tmp/actors.txt"
has "$tmp/actors.txt" "Иосиф Сталин" scripts-cyrillic
has "$tmp/actors.txt" "김일성" scripts-hangul
has "$tmp/actors.txt" "毛泽东" scripts-han
printf 'kgraph: 1\ntitle: Fonts\nactors:\n  - { id: a, name: "Mark \\U0010FFFD here" }\n' > "$tmp/fonts.yaml"
expect 0 font-warning -- kg check "$tmp/fonts.yaml"
has "$tmp/err" "fonts.yaml:4:11: warning: no installed font has the character U+10FFFD" font-warning
has "$tmp/err" "of the name of actor 'a'" font-warning
expect 1 font-warning-strict -- kg check --strict "$tmp/fonts.yaml"
expect 0 font-warning-render -- kg render "$tmp/fonts.yaml" -T pdf -o "$tmp/fonts.pdf"
has "$tmp/err" "U+10FFFD" font-warning-render

# --- steps: one layout, one file per phase, nothing moves
expect 0 steps-svg -- kg render "$korea" --view timeline --steps -o "$tmp/talk.svg"
for k in 1 2 3; do
	if [ -f "$tmp/talk-$k.svg" ]; then ok; else no "steps: no talk-$k.svg"; fi
done
if [ -e "$tmp/talk.svg" ] || [ -e "$tmp/talk-4.svg" ]; then no "steps: unexpected files"; else ok; fi
# a view with nothing in the first phase (a focus on April 1950) makes no
# empty slide: one step per phase it has items in
mkdir "$tmp/focus-steps"
expect 0 steps-no-empty -- kg render "$korea" --view stalin-changes-mind --steps -o "$tmp/focus-steps/s.svg"
n=$(ls "$tmp/focus-steps" | wc -l)
[ "$n" = 2 ] && ok || no "steps-no-empty: $n steps, expected 2 (pressure, blessing)"
has "$tmp/focus-steps/s-1.svg" "Kim asks to visit Stalin" steps-no-empty
# Every element drawn in two steps has the same coordinates in both, the
# canvas never changes, each step shows more, and classes name the step.
if /usr/bin/python3 - "$tmp"/talk-1.svg "$tmp"/talk-2.svg "$tmp"/talk-3.svg > "$tmp/steps" 2>&1 <<'PY'
import re, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
GEOM = ("points", "d", "x", "y", "cx", "cy", "rx", "ry", "transform", "width", "height")
boxes, shapes = set(), []
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    boxes.add((root.get("width"), root.get("height"), root.get("viewBox")))
    elems = {}
    for g in root.iter(NS + "g"):
        gid = g.get("id")
        if not gid or "class" not in g.attrib:
            continue
        # The group's own drawing: its direct children and their links,
        # not the groups nested in it (the graph holds everything).
        geom = []
        for child in g:
            if child.tag == NS + "g" and child.get("class"):
                continue
            for e in child.iter():
                geom += [(e.tag, a, e.get(a)) for a in GEOM if e.get(a) is not None]
        if geom:        # a hidden cluster leaves an empty group
            elems[gid] = (g.get("class"), geom)
    shapes.append(elems)
problems = []
if len(boxes) != 1:
    problems.append("canvas differs: %s" % boxes)
for a, b in zip(shapes, shapes[1:]):
    if not set(a) < set(b):
        problems.append("a later step does not show more")
    for gid in set(a) & set(b):
        if a[gid][1] != b[gid][1]:
            problems.append("moved: " + gid)
for k, elems in enumerate(shapes, 1):
    for gid, (cls, _) in elems.items():
        m = re.search(r"\bstep-(\d+)\b", cls)
        if gid.startswith("kg-") and gid not in ("kg--graph", "kg--key") and (not m or int(m.group(1)) > k):
            problems.append("step %d shows %s of class %r" % (k, gid, cls))
common = set(shapes[0]) & set(shapes[-1])
print("elements in the first and last step:", len(common), "problems:", problems[:5])
sys.exit(1 if problems or len(common) < 10 else 0)
PY
then ok; else no "steps geometry"; cat "$tmp/steps"; fi
expect 0 steps-pdf -- kg render "$korea" --view stances --steps --reveal dim -o "$tmp/s.pdf"
for k in 1 2 3; do
	if pdfinfo "$tmp/s-$k.pdf" 2>/dev/null | grep -q '^Pages: *1$'; then ok; else no "steps: s-$k.pdf"; fi
done
expect 0 steps-view-setting -- kg render "$korea" --view lecture -o "$tmp/lecture.svg"
if [ -f "$tmp/lecture-1.svg" ]; then ok; else no "a view with steps: true wrote no steps"; fi
expect 2 steps-stdout -- kg render "$korea" --steps
has "$tmp/err" "give -o FILE" steps-stdout
expect 2 steps-dot -- kg render "$korea" --steps -T dot -o "$tmp/x.dot"
expect 2 reveal-bad -- kg render "$korea" --steps --reveal fade -o "$tmp/x.svg"

# --- --watch: renders again when the model changes, however it is saved;
# a broken model gets its diagnostics and the last good output stays.
# waitfor FILE TEXT: up to 20 s for FILE to contain TEXT (not a timing
# assertion: a slow machine only waits longer).
waitfor() {
	local i
	for i in $(seq 1 200); do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
w="$tmp/watch"
mkdir -p "$w"
sed 's/^title: .*/title: Watch one/' "$small" > "$w/m.yaml"
# not through the kg function: $! must be kgraph itself
$WRAP "$KG" render "$w/m.yaml" --watch -o "$w/out.svg" 2>"$w/err" >/dev/null &
wpid=$!
waitfor "$w/out.svg" "Watch one" && ok || no "watch: first render missing"
# an editor that saves by renaming a new file over the model
sed 's/^title: .*/title: Watch two/' "$small" > "$w/m.yaml.tmp"
mv "$w/m.yaml.tmp" "$w/m.yaml"
waitfor "$w/out.svg" "Watch two" && ok || no "watch: a save by rename was not seen"
# an editor that writes in place
sed 's/^title: .*/title: Watch three/' "$small" > "$w/m.yaml"
waitfor "$w/out.svg" "Watch three" && ok || no "watch: a save in place was not seen"
# a mistake: diagnostics, and the previous picture stays whole
printf 'kgraph: 1\ntitle: [broken\n' > "$w/m.yaml"
waitfor "$w/err" "m.yaml:3:1: error: invalid YAML" && ok || no "watch: no diagnostics for a broken model"
waitfor "$w/err" "did not write" && ok || no "watch: no 'did not write' after an error"
has "$w/out.svg" "Watch three" watch-keeps-output
xmllint --noout "$w/out.svg" 2>/dev/null && ok || no "watch: the output is not whole after an error"
# deleted and written again, as some editors do
rm "$w/m.yaml"
sed 's/^title: .*/title: Watch four/' "$small" > "$w/m.yaml"
waitfor "$w/out.svg" "Watch four" && ok || no "watch: a model written again was not seen"
# stopwatch PID NAME: SIGINT, and the watch must end with status 0.
stopwatch() {
	kill -INT "$1"
	for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$1" 2>/dev/null; then
		no "$2: still running after SIGINT"
		kill -9 "$1"
	else
		wait "$1" && ok || no "$2: exit $? after SIGINT"
	fi
}
stopwatch "$wpid" watch
[ "$(sed 's/^title: .*/title: Watch four/' "$small")" = "$(cat "$w/m.yaml")" ] && ok || no "watch: the model was modified"
# Removed: it says so; back: it says so and renders. The folder removed
# and made again: the same.
w2="$tmp/watch2/folder"
mkdir -p "$w2"
sed 's/^title: .*/title: Gone one/' "$small" > "$w2/m.yaml"
$WRAP "$KG" render "$w2/m.yaml" --watch -o "$tmp/watch2/out.svg" 2>"$tmp/watch2/err" >/dev/null &
wpid=$!
waitfor "$tmp/watch2/out.svg" "Gone one" && ok || no "watch2: first render missing"
rm "$w2/m.yaml"
waitfor "$tmp/watch2/err" "m.yaml is gone" && ok || no "watch: no word when the model was removed"
sed 's/^title: .*/title: Gone two/' "$small" > "$w2/m.yaml"
waitfor "$tmp/watch2/out.svg" "Gone two" && ok || no "watch: the model back was not rendered"
has "$tmp/watch2/err" "m.yaml is back" watch-back
rm -r "$w2"
waitfor "$tmp/watch2/err" "watching for it to come back" && ok || no "watch: no word when the folder was removed"
mkdir "$w2"
sed 's/^title: .*/title: Gone three/' "$small" > "$w2/m.yaml"
waitfor "$tmp/watch2/out.svg" "Gone three" && ok || no "watch: a folder made again was not watched"
# A burst of saves every 50 ms for 3 s: renders during the burst, not
# only after it (counted as the last save is made).
before=$(grep -c "wrote" "$tmp/watch2/err")
for i in $(seq 1 60); do
	sed "s/^title: .*/title: Burst $i/" "$small" > "$w2/m.yaml"
	sleep 0.05
done
n=$(($(grep -c "wrote" "$tmp/watch2/err") - before))
# One a second, less the time a render takes (seconds under a
# sanitizer on a busy machine): at least one before the burst ends.
[ "$n" -ge 1 ] && ok || no "watch: no render during a 3 s burst of saves (one a second expected)"
stopwatch "$wpid" watch2
# A model reached through a symbolic link: edits to the target are seen;
# with --steps, the message names the files written.
mkdir -p "$tmp/watch3/real" "$tmp/watch3/link"
sed 's/^title: .*/title: Linked one/' "$small" > "$tmp/watch3/real/m.yaml"
ln -s ../real/m.yaml "$tmp/watch3/link/m.yaml"
$WRAP "$KG" render "$tmp/watch3/link/m.yaml" --watch --steps -o "$tmp/watch3/o.svg" 2>"$tmp/watch3/err" >/dev/null &
wpid=$!
waitfor "$tmp/watch3/o-1.svg" "Linked one" && ok || no "watch3: first render missing"
sed 's/^title: .*/title: Linked two/' "$small" > "$tmp/watch3/real/m.yaml"
waitfor "$tmp/watch3/o-1.svg" "Linked two" && ok || no "watch: an edit of a link's target was not seen"
has "$tmp/watch3/err" "wrote $tmp/watch3/o-1.svg and $tmp/watch3/o-2.svg;" watch-steps-named
hasnt "$tmp/watch3/err" "wrote $tmp/watch3/o.svg" watch-steps-named
stopwatch "$wpid" watch3
expect 2 watch-builtin -- kg render --watch -o "$tmp/x.svg"
has "$tmp/err" "--watch needs a model file" watch-builtin
expect 2 watch-stdout -- kg render "$small" --watch
has "$tmp/err" "give -o FILE" watch-stdout

# A message to a group: checks clean, is kept by --actor with an actor
# of the group, and ends at the group's box in the actors view.
togroup="$top/tests/render/to-group.yaml"
expect 0 to-group-checks -- kg check "$togroup"
[ -s "$tmp/err" ] && no "to-group: check printed $(head -1 "$tmp/err")" || ok
expect 0 to-group-actor -- kg export "$togroup" --actor rfk
has "$tmp/out" '"id": "letter"' to-group-actor
expect 0 to-group-actors-view -- kg render "$togroup" --view actors -T dot
has "$tmp/out" 'lhead=' to-group-ends-at-the-box
# init names the file it wrote in the command it suggests.
( cd "$tmp" && "$KG" init lecture-7.yaml 2>/dev/null )
has "$tmp/lecture-7.yaml" 'Check it with `kgraph check lecture-7.yaml`' init-names-its-file

# Ranges that run backward are said to, not called unknown.
expect 2 since-after-until -- kg render "$korea" --since 1951 --until 1950 -o "$tmp/x.svg"
has "$tmp/err" "--since 1951 is after --until 1950" since-after-until
expect 2 phase-range-backward -- kg render "$korea" --phase 2..1 -o "$tmp/x.svg"
has "$tmp/err" "the phase range '2..1' runs backward; write '1..2'" phase-range-backward
# On a terminal, the caret under a line indented with a tab lines up.
if command -v script >/dev/null; then
	printf 'kgraph: 1\ntitle: T\nevents:\n\t- { id: a }\n' >"$tmp/tab.yaml"
	script -qec "NO_COLOR=1 '$KG' check '$tmp/tab.yaml'" /dev/null >"$tmp/tty" 2>&1
	tr -d '\r' <"$tmp/tty" | sed -n '2,3p' >"$tmp/caret"
	[ "$(cat "$tmp/caret")" = "$(printf '   - { id: a }\n  ^')" ] && ok || no "tab: the source line and caret are '$(cat "$tmp/caret")'"
fi

# A character device names no format: it gets -T's, or svg.
expect 0 render-dev-null -- kg render "$korea" -o /dev/null
expect 0 render-dev-null-pdf -- kg render "$korea" --view causes -T pdf -o /dev/null
expect 2 render-no-format -- kg render "$korea" -o "$tmp/picture.blah"
has "$tmp/err" "give -T with one of" render-no-format

# Outputs: standard output itself, a fifo, a closed standard output, a
# file's mode, hard links, a folder that cannot be written, and what
# killed runs left.
kg render "$korea" -o /dev/stdout >"$tmp/redirected.svg" 2>"$tmp/err" && ok || no "-o /dev/stdout into a file: $(head -1 "$tmp/err")"
has "$tmp/redirected.svg" "</svg>" stdout-redirected
echo first >"$tmp/appended.svg"
kg render "$korea" -o /dev/stdout >>"$tmp/appended.svg" 2>/dev/null
[ "$(head -1 "$tmp/appended.svg")" = first ] && ok || no "-o /dev/stdout with >> did not append"
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo" &
expect 0 render-fifo -- kg render "$korea" -o "$tmp/fifo"
wait
has "$tmp/from-fifo" "</svg>" render-fifo
[ -p "$tmp/fifo" ] && ok || no "render into a fifo replaced it"
kg render "$korea" >&- 2>"$tmp/err"
[ $? = 3 ] && ok || no "render with standard output closed: not exit 3"
has "$tmp/err" "standard output is closed" stdout-closed
echo old >"$tmp/private.svg"
chmod 600 "$tmp/private.svg"
expect 0 keep-mode -- kg render "$korea" -o "$tmp/private.svg"
[ "$(stat -c %a "$tmp/private.svg")" = 600 ] && ok || no "replacing a 0600 file left mode $(stat -c %a "$tmp/private.svg")"
echo linked >"$tmp/linked.svg"
ln "$tmp/linked.svg" "$tmp/other-name.svg"
expect 3 hard-links -- kg render "$korea" -o "$tmp/linked.svg"
has "$tmp/err" "other hard links" hard-links
[ "$(cat "$tmp/other-name.svg")" = linked ] && ok || no "a hard-linked output was changed"
mkdir "$tmp/stale"
: >"$tmp/stale/.kgraph-99999999-AbCdEf"
: >"$tmp/stale/.kgraph-$$-AbCdEf"
: >"$tmp/stale/.kgraph-notes"
expect 0 stale-temporary -- kg render "$korea" -o "$tmp/stale/a.svg"
[ ! -e "$tmp/stale/.kgraph-99999999-AbCdEf" ] && ok || no "a killed run's temporary file was not removed"
[ -e "$tmp/stale/.kgraph-$$-AbCdEf" ] && [ -e "$tmp/stale/.kgraph-notes" ] && ok || no "a live run's or another file was removed"
# A folder that cannot be written: root writes anywhere, so as root the
# run is made as nobody, when nobody can run kgraph where it lies.
mkdir "$tmp/readonly"
chmod 555 "$tmp/readonly"
cp "$korea" "$tmp/readonly/model.yaml"
if [ "$(id -u)" != 0 ]; then
	kg render "$tmp/readonly/model.yaml" -o "$tmp/readonly/x.svg" 2>"$tmp/err"
	has "$tmp/err" "cannot write in the folder $tmp/readonly/" readonly-folder
elif chmod 755 "$tmp" && su nobody -s /bin/sh -c "test -x '$KG'" 2>/dev/null; then
	su nobody -s /bin/sh -c "'$KG' render '$tmp/readonly/model.yaml' -o '$tmp/readonly/x.svg'" 2>"$tmp/err" >/dev/null
	has "$tmp/err" "cannot write in the folder $tmp/readonly/" readonly-folder
fi

# --- several formats from one layout, several views at once
expect 0 formats-all -- kg render "$korea" --all -T svg,pdf,json -j 2 -o "$tmp/fa"
expect 0 formats-one -- kg render "$korea" --all -T svg -j 1 -o "$tmp/fb"
n=0
for f in "$tmp"/fb/*.svg; do
	b=$(basename "$f" .svg)
	n=$((n + 1))
	cmp -s "$f" "$tmp/fa/$b.svg" && ok || no "formats: $b.svg differs when drawn with pdf, in parallel"
	[ -s "$tmp/fa/$b.pdf" ] && ok || no "formats: no $b.pdf"
	# A view in steps has one json: the selection.
	[ -s "$tmp/fa/$b.json" ] || [ -s "$tmp/fa/${b%-[0-9]*}.json" ] &&
		ok || no "formats: no $b.json"
done
[ "$n" -ge 6 ] && ok || no "formats: only $n views"
mkdir -p "$tmp/fs"
expect 0 formats-steps -- kg render "$korea" --steps -T svg,pdf,png -o "$tmp/fs/lec.pdf"
for k in 1 2 3; do
	for e in svg pdf png; do
		[ -s "$tmp/fs/lec-$k.$e" ] && ok || no "formats-steps: no lec-$k.$e"
	done
done
# One layout: every step of every format has the same canvas.
sizes=$(for k in 1 2 3; do pdfinfo "$tmp/fs/lec-$k.pdf" | grep 'Page size'; done | sort -u | wc -l)
[ "$sizes" = 1 ] && ok || no "formats-steps: the steps' pages differ in size"
expect 2 formats-single -- kg render "$korea" -T svg,pdf -o "$tmp/x.svg"
has "$tmp/err" "is for --all or --steps" formats-single
expect 2 formats-unknown -- kg render "$korea" --all -T svg,gif -o "$tmp/fx"
has "$tmp/err" "unknown format 'gif'" formats-unknown
absent "$tmp/fx" formats-unknown
expect 2 jobs-zero -- kg render "$korea" --all -j 0 -o "$tmp/fj"

# --- pictures for a page: a PDF of the page's size, landscape or portrait
for p in "16:9 960 x 540" "4:3 720 x 540" "a4 842 x 595" "a3 1191 x 842" \
    "letter 792 x 612" "a4-portrait 595 x 842"; do
	set -- $p
	expect 0 "page-$1" -- kg render "$korea" --phase 1 --page "$1" -T pdf -o "$tmp/page.pdf"
	has <(pdfinfo "$tmp/page.pdf") "Page size:       $2 x $4 pts" "page-$1"
done
expect 2 page-unknown -- kg render "$korea" --page a5 -o "$tmp/page.svg"
has "$tmp/err" "unknown page 'a5'" page-unknown
# The layout chosen for the page has its smallest text at least as large
# on the page as the view's own layout fitted to it.
small() { "$PY" - "$1" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
sc = float(re.search(r'transform="scale\(([0-9.]+)', s).group(1))
print(min(float(x) for x in re.findall(r'font-size="([0-9.]+)"', s)) * sc)
PY
}
PY=${PY:-python3}
for v in overview arguments timeline; do
	expect 0 "page-choose-$v" -- kg render "$korea" --view "$v" --phase 2 --page 16:9 -q -o "$tmp/chosen.svg"
	expect 0 "page-plain-$v" -- kg render "$korea" --view "$v" --phase 2 --page 16:9 --wrap 28 --direction TB -q -o "$tmp/plain.svg"
	a=$(small "$tmp/chosen.svg")
	b=$(small "$tmp/plain.svg")
	awk -v a="$a" -v b="$b" 'BEGIN { exit !(a >= b - 0.01) }' && ok ||
		no "page-choose-$v: smallest text $a pt, the view's own layout $b pt"
	has "$tmp/chosen.svg" '<svg width="960pt" height="540pt"' "page-canvas-$v"
done
expect 0 page-note -- kg render "$korea" --page 16:9 -o "$tmp/whole.svg"
has "$tmp/err" "under its aim of 13.5 pt, 1/40 of the slide's height;" page-note
# The note names the command that splits the view into pages that read.
has "$tmp/err" "'kgraph deck --view overview --page 16:9' splits it" page-note-deck

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
