#!/usr/bin/env bash
# Rendering tests: every view to valid SVG with stable ids and classes,
# hostile text drawn as text and never as markup, urls, DOT that reads
# back, PDF and PNG, atomic output, determinism, --all, exit statuses and
# the options that change the picture. Ends with "render: N passed, N failed".
# Needs xmllint (libxml2-utils), pdfinfo and pdftotext (poppler-utils),
# dot and gvpr (graphviz), file, script (bsdutils) and /usr/bin/python3.
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3
hostile="$top/tests/render/hostile.yaml"
badurls="$top/tests/render/bad-urls.yaml"
views="overview causes arguments timeline stances actors"

# same A B NAME: the files are byte for byte the same.
same() {
	if cmp -s "$1" "$2"; then ok; else no "$3: $(basename "$1") and $(basename "$2") differ"; fi
}
# xml FILE NAME: xmllint accepts FILE.
xml() {
	if xmllint --noout "$1" 2>"$tmp/xmlerr"; then ok; else no "$2: xmllint rejects $(basename "$1")"; head -3 "$tmp/xmlerr" | sed 's/^/  /'; fi
}
# pdf FILE NAME: pdfinfo reads FILE and it has one page.
pdf() {
	local pages
	pages=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "$pages" = 1 ]; then ok; else no "$2: pdfinfo says pages '${pages}' for $(basename "$1"), expected 1"; fi
}
png() {
	case "$(file -b "$1" 2>/dev/null)" in
	"PNG image data"*) ok ;;
	*) no "$2: $(basename "$1") is not a PNG: $(file -b "$1" 2>&1 | cut -c1-80)" ;;
	esac
}
# untouched FILE NAME: FILE still holds the line "precious".
untouched() {
	if [ "$(cat "$1" 2>/dev/null)" = precious ]; then ok; else no "$2: $(basename "$1") was replaced or removed"; fi
}
# py NAME CHECK ARGS...: runs a check of tests/render/check.py; each of
# its lines "ok" or "FAIL reason" counts as one check.
py() {
	local name=$1 n=0 rc line
	shift
	"$PY" "$top/tests/render/check.py" "$@" >"$tmp/py" 2>&1
	rc=$?
	while IFS= read -r line; do
		case "$line" in
		ok) ok; n=$((n + 1)) ;;
		FAIL*) no "$name: ${line#FAIL }"; n=$((n + 1)) ;;
		esac
	done <"$tmp/py"
	if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
		no "$name: the checker failed (exit $rc)"
		tail -3 "$tmp/py" | sed 's/^/  /'
	fi
}
# val CHECK ARGS...: a value computed by tests/render/check.py.
val() { "$PY" "$top/tests/render/check.py" "$@" 2>/dev/null; }

for tool in xmllint pdfinfo pdftotext dot gvpr file script "$PY"; do
	command -v "$tool" >/dev/null || no "$tool is missing: apt-get install libxml2-utils poppler-utils graphviz file bsdutils python3"
done

# The views of a model: built-in ones, then "id base" of the model's own.
kg export "$korea" >"$tmp/korea.json"
kg export "$hostile" >"$tmp/hostile.json"
val model-views "$tmp/korea.json" >"$tmp/korea.views"
val model-views "$tmp/hostile.json" >"$tmp/hostile.views"
[ -s "$tmp/korea.views" ] && ok || no "the Korea model has no views"
base_of() { # base_of MODEL-NAME VIEW
	case " $views " in *" $2 "*) echo "$2"; return ;; esac
	awk -v v="$2" '$1 == v { print $2 }' "$tmp/$1.views"
}

# --- 1, 2, 3: every view renders to SVG that xmllint accepts, with ids,
# classes and tooltips; the hostile model's text stays text.
expect 0 hostile-checks -- kg check "$hostile"
H_script='<script>alert(1)</script>'
H_svg='"><svg onload=alert(1)>'
H_quote="' onmouseover='x"
H_ent='&amp; &lt; &#x3c;'
H_cdata=']]>'
H_comment='<!--'
H_bs='\N \G \L \n \\'
H_bold='<B>bold</B>'
H_table='<TABLE>'
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		base=$(base_of "$m" "$v")
		svg="$tmp/$m-$v.svg"
		if [ "$base" = stances ]; then
			# A version without the stances view may refuse it, with a reason.
			kg render "$model" --view "$v" -o "$svg" >"$tmp/out" 2>"$tmp/err"
			if [ $? = 2 ] && grep -q stances "$tmp/err"; then
				echo "note: $m view $v (stances) is not drawn: $(head -1 "$tmp/err")"
				continue
			fi
		fi
		expect 0 "$m-$v-svg" -- kg render "$model" --view "$v" -o "$svg" || continue
		xml "$svg" "$m-$v"
		expect 0 "$m-$v-json" -- kg render "$model" --view "$v" -T json -o "$tmp/$m-$v.json" || continue
		py "$m-$v" structure "$svg" "$tmp/$m-$v.json" "$base" kg- "$v"
		py "$m-$v" safe "$svg"
		py "$m-$v" key-apart "$svg"
		py "$m-$v" legend-tight "$svg"
		py "$m-$v" labels-clear "$svg"
		if [ "$m" = hostile ]; then
			py "$m-$v" has-text "$svg" - 'Title <script>alert(1)</script> \N'
			py "$m-$v" tips-plain "$svg"
			case "$v" in
			v-*) py "$m-$v" has-text "$svg" - "$(val view-title "$tmp/hostile.json" "$v")" ;;
			*) py "$m-$v" has-text "$svg" - "$H_script" "$H_svg" "$H_quote" "$H_ent" "$H_cdata" \
				"$H_comment" "$H_bs" "$H_bold" "$H_table" ;;
			esac
		fi
	done
done
# --id-prefix changes every id.
for v in $views; do
	expect 0 "prefix-$v" -- kg render "$korea" --view "$v" --id-prefix x- -o "$tmp/x-$v.svg" &&
		py "prefix-$v" structure "$tmp/x-$v.svg" "$tmp/korea-$v.json" "$v" x- "$v" ids
done

# Hostile text, place by place.
f="$tmp/hostile-overview.svg"
py hostile-backslash has-text "$f" kg-e-backslash "$H_bs"
py hostile-backslash no-text "$f" kg-e-backslash 'e-backslash' 'kgraph'
py hostile-backslash has-tip "$f" kg-e-backslash "$H_bs" 'BackslashText \E \H \T \l \r \' 'BackslashQuote \N \G \L \\'
py hostile-trailing has-text "$f" kg-e-trailing 'ends with a backslash \'
py hostile-trailing has-tip "$f" kg-e-trailing 'ends with a backslash \' 'TrailingNote \'
py hostile-inject has-text "$f" kg-e-inject ']; evil [image=</etc/hostname> URL=<vbscript:x>]; //'
py hostile-edge-label has-text "$f" kg-e-svg--e-quote 'Label2 \N \G \L \n \\'
py hostile-edge-label has-text "$f" kg-e-trailing--e-inject 'trailing \'
py hostile-edge-label has-text "$f" kg-e-entities--e-cdata 'Label4 ]]> <!-- <B>bold</B>'
py hostile-tooltip has-tip "$f" kg-e-script "$H_script" 'EventText "><svg onload=alert(1)>' \
	"EventQuote ' onmouseover='x" 'EventNote &amp; &lt; &#x3c;' 'Cite <script>alert(1)</script> &amp; &lt; &#x3c;'
py hostile-tooltip has-tip "$f" kg-d-long 'DecisionText <TABLE> <B>bold</B>' 'DecisionQuote \N \G \L \n \\' \
	"Cite2 <B>bold</B> ' onmouseover='x \\G"
py hostile-tooltip has-tip "$f" kg-c-script 'CauseQuote "><svg onload=alert(1)>' "CauseNote ' onmouseover='x"
py hostile-sources has-text "$f" - 'Cite <script>alert(1)</script> &amp; &lt; &#x3c;' \
	'Archive <TABLE><TR><TD>cell</TD></TR></TABLE> ]]> <!-- \L' "Cite2 <B>bold</B> ' onmouseover='x \\G"
long=$(sed -n "s/^    title: '\(Pneumono[^']*\)'$/\1/p" "$hostile")
py hostile-long-word has-tip "$f" kg-d-long "$long"
py hostile-long-word has-text-nows "$f" kg-d-long "${long:0:50}"
py hostile-long-word max-line "$f" kg-d-long 60
# Items' labels wrap at 22 columns in the overview, a Hangul syllable
# taking two.
py hostile-wide-wrap wide-lines "$f" kg-d-cyrillic 22
py hostile-long-word has-text-nows "$f" kg-d-cyrillic "$(sed -n "s/^    title: '\(Длинное[^']*\)'$/\1/p" "$hostile")"
py hostile-timeline has-text "$tmp/hostile-timeline.svg" - 'Phase <script>alert(1)</script>' 'Phase2 \N \G'
py hostile-actors has-text "$tmp/hostile-actors.svg" kg-a-two 'Name2 \N \G \L \n \\' '&amp; &lt; &#x3c;' 'Role2 ]]> <!--'
py hostile-actors has-text "$tmp/hostile-actors.svg" kg-a-one 'Name <script>alert(1)</script>' \
	'Имя <B>bold</B> 김일성' "Role ' onmouseover='x"
py hostile-actors has-text "$tmp/hostile-actors.svg" - 'Group <TABLE>' 'Group2 "><svg onload=alert(1)>'

# Urls that kgraph accepts never turn into a script link; those it
# refuses are refused at check.
i=0
for u in 'jav&#x61;script:alert(1)' '&#106;avascript:x' 'javascript&colon;x' './x:y' \
	'/abs/path?a=<b' 'http://example.org/a?b=1&c=2' '?q=1&r=2' '#frag' 'HTTP://EXAMPLE.ORG/'; do
	i=$((i + 1))
	printf 'kgraph: 1\ntitle: t\nsources: [{ id: s, cite: c }]\nevents:\n  - { id: e, title: E, sources: s, url: %s }\n' \
		"'$u'" >"$tmp/url$i.yaml"
	kg check "$tmp/url$i.yaml" >/dev/null 2>&1
	rc=$?
	if [ "$rc" = 1 ]; then ok
	elif [ "$rc" != 0 ]; then no "url '$u': check exit $rc"
	elif kg render "$tmp/url$i.yaml" -o "$tmp/url$i.svg" 2>/dev/null; then py "url '$u'" safe "$tmp/url$i.svg"
	else no "url '$u': accepted at check, not rendered"; fi
done

# --- 4: urls refused at check, every one reported with its place.
expect 1 bad-urls -- kg check "$badurls"
for line in $(grep -n '# bad-url$' "$badurls" | cut -d: -f1); do
	if grep -q "^$badurls:$line:[0-9]*: error: url '.*' is not allowed" "$tmp/err"; then ok
	else no "bad-urls: no url error for line $line"; fi
done
n=$(grep -c ': error: ' "$tmp/err")
want=$(grep -c '# bad-url$' "$badurls")
[ "$n" = "$want" ] && ok || no "bad-urls: $n errors, expected $want"
expect 1 bad-urls-render -- kg render "$badurls" -o "$tmp/bad-urls.svg"
absent "$tmp/bad-urls.svg" bad-urls-render

# --- 5: DOT reads back through dot with the same nodes and edges.
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		[ -f "$tmp/$m-$v.svg" ] || continue
		expect 0 "$m-$v-dot" -- kg render "$model" --view "$v" -T dot -o "$tmp/$m-$v.dot" || continue
		if dot -Tcanon "$tmp/$m-$v.dot" >"$tmp/$m-$v.canon" 2>"$tmp/doterr"; then ok
		else no "$m-$v-dot: dot -Tcanon fails: $(head -1 "$tmp/doterr")"; continue; fi
		gvpr -f "$top/tests/render/list.g" "$tmp/$m-$v.canon" >"$tmp/$m-$v.list" 2>/dev/null
		py "$m-$v-dot" readback "$tmp/$m-$v.svg" "$tmp/$m-$v.list"
	done
done

# --- 6: PDF, PNG, and the format from the extension unless -T is given.
expect 0 pdf-causes -- kg render "$korea" --view causes -o "$tmp/causes.pdf" && pdf "$tmp/causes.pdf" pdf-causes
if pdftotext "$tmp/causes.pdf" - 2>/dev/null | grep -q Stalin; then ok; else no "pdftotext of the causes view has no 'Stalin'"; fi
expect 0 pdf-hostile -- kg render "$hostile" -o "$tmp/hostile.pdf" && pdf "$tmp/hostile.pdf" pdf-hostile
expect 0 png -- kg render "$korea" -T png -o "$tmp/t-png.out" && png "$tmp/t-png.out" png
expect 0 ext-png -- kg render "$korea" --view timeline -o "$tmp/ext.png" && png "$tmp/ext.png" ext-png
expect 0 ext-svg -- kg render "$korea" -o "$tmp/ext.svg" && xml "$tmp/ext.svg" ext-svg
# A PNG is the SVG's picture at 96 dpi: its size, the theme's background
# in the corner, ink where the text is; with --transparent, an alpha
# channel and a clear background.
pixels() {
	"$PY" - "$@" <<'PY'
import re, struct, sys, zlib
png, svg, want_type = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = open(png, "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(d):
    n, kind = struct.unpack(">I4s", d[pos:pos + 8])
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", d[pos + 8:pos + 21])
    elif kind == b"IDAT":
        idat += d[pos + 8:pos + 8 + n]
    pos += 12 + n
w, h, depth, ctype = ihdr[:4]
if want_type and ctype != want_type:
    print("FAIL colour type %d, expected %d" % (ctype, want_type)); sys.exit()
text = open(svg).read()
sw, sh = (float(x) for x in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', text).groups())
if abs(w - sw * 96 / 72) > 1 or abs(h - sh * 96 / 72) > 1:
    print("FAIL %dx%d px for an SVG of %gx%g pt" % (w, h, sw, sh)); sys.exit()
k = 4 if ctype == 6 else 3
raw, rows, prev = zlib.decompress(idat), [], bytearray(w * k)
for y in range(h):
    f, line = raw[y * (w * k + 1)], bytearray(raw[y * (w * k + 1) + 1:(y + 1) * (w * k + 1)])
    for i in range(len(line)):
        a = line[i - k] if i >= k else 0
        b, c = prev[i], prev[i - k] if i >= k else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
corner = tuple(rows[2][2 * k:3 * k])
# The light theme's red of "against" (#c0392b), in its channels' order.
red = sum(1 for r in rows for x in range(w) if abs(r[x * k] - 192) < 12
          and abs(r[x * k + 1] - 57) < 12 and abs(r[x * k + 2] - 43) < 12)
if red < 20:
    print("FAIL %d pixels of the theme's red" % red); sys.exit()
ink = sum(1 for r in rows[::7] for x in range(0, w, 7) if r[x * k] < 128)
print("ok" if ink > 50 else "FAIL only %d dark pixels of a sample" % ink)
print("corner " + ",".join(map(str, corner)))
PY
}
expect 0 png-svg -- kg render "$korea" --view stances -o "$tmp/px.svg"
expect 0 png-pixels -- kg render "$korea" --view stances -o "$tmp/px.png"
pixels "$tmp/px.png" "$tmp/px.svg" 0 >"$tmp/px"
head -1 "$tmp/px" | grep -q '^ok' && ok || no "png-pixels: $(head -1 "$tmp/px")"
has "$tmp/px" "corner 255,255,255" png-background
expect 0 png-transparent-svg -- kg render "$korea" --view stances --transparent -o "$tmp/pxt.svg"
expect 0 png-transparent -- kg render "$korea" --view stances --transparent -o "$tmp/pxt.png"
pixels "$tmp/pxt.png" "$tmp/pxt.svg" 6 >"$tmp/px"
head -1 "$tmp/px" | grep -q '^ok' && ok || no "png-transparent: $(head -1 "$tmp/px")"
has "$tmp/px" "corner 0,0,0,0" png-transparent-corner
same "$tmp/ext.svg" "$tmp/korea-overview.svg" ext-svg-is-default
for e in dot gv; do
	expect 0 "ext-$e" -- kg render "$korea" -o "$tmp/ext.$e"
	same "$tmp/ext.$e" "$tmp/korea-overview.dot" "ext-$e"
done
expect 0 ext-json -- kg render "$korea" -o "$tmp/ext.json" && py ext-json json "$tmp/ext.json"
expect 0 T-overrides-pdf -- kg render "$korea" -T svg -o "$tmp/t.pdf" && xml "$tmp/t.pdf" T-overrides-pdf
expect 0 T-overrides-svg -- kg render "$korea" -T pdf -o "$tmp/t.svg" && pdf "$tmp/t.svg" T-overrides-svg
expect 0 T-overrides-png -- kg render "$korea" -T dot -o "$tmp/t.png"
same "$tmp/t.png" "$tmp/korea-overview.dot" T-overrides-png
expect 2 ext-unknown -- kg render "$korea" -o "$tmp/ext.xyz"
absent "$tmp/ext.xyz" ext-unknown

# --- 7: binary formats are refused on a terminal, not in a pipe.
for fmt in pdf png; do
	script -qec "'$KG' render -T $fmt" /dev/null >"$tmp/tty" 2>&1 </dev/null
	rc=$?
	[ "$rc" = 2 ] && ok || no "$fmt-on-terminal: exit $rc, expected 2"
	has "$tmp/tty" "terminal" "$fmt-on-terminal"
	hasnt "$tmp/tty" "IHDR" "$fmt-on-terminal"
	hasnt "$tmp/tty" "%PDF" "$fmt-on-terminal"
done
kg render -T pdf >"$tmp/piped.pdf" 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && ok || no "pdf-to-file: exit $rc"
pdf "$tmp/piped.pdf" pdf-to-file

# --- 8: atomic output.
out="$tmp/keep.svg"
echo precious >"$out"
expect 1 model-error-keeps-output -- kg render "$badurls" -o "$out"
untouched "$out" model-error-keeps-output
# usage NAME OPTION VALUE MESSAGE: exit 2, the message lists the valid
# values, and the old output is untouched.
usage() {
	expect 2 "$1" -- kg render "$korea" "$2" "$3" -o "$out"
	has "$tmp/err" "$4" "$1"
	untouched "$out" "$1"
}
usage unknown-view --view nonesuch "unknown view 'nonesuch'; valid: overview, causes, arguments, timeline, stances, actors, road-to-war, who-wanted-war, stalin-changes-mind, kim-vs-stalin, politburo-says-no, mao-kept-out, fear-of-the-south, the-documents, lecture"
usage unknown-phase --phase 9 "unknown phase '9'; valid: 1 (fear), 2 (pressure), 3 (blessing)"
usage unknown-actor --actor stalln "valid: stalin, soviet-leadership, politburo, embassy, shtykov, vyshinsky, shtemenko, vasilevsky, kim, dprk-leadership, rok-forces, mao"
usage unknown-kind --kind argumnet "valid: event, decision, cause, reason, argument, objection, fear, condition, conclusion"
expect 3 missing-dir -- kg render "$korea" -o "$tmp/no/such/dir/x.svg"
absent "$tmp/no" missing-dir
expect 3 dev-full -- kg render "$korea" -T svg -o /dev/full
cp "$top/tests/golden/small.yaml" "$tmp/model.yaml"
expect 3 onto-model -- kg render "$tmp/model.yaml" -T svg -o "$tmp/model.yaml"
same "$tmp/model.yaml" "$top/tests/golden/small.yaml" onto-model-unchanged
cp "$top/tests/golden/small.yaml" "$tmp/model.svg"
expect 3 onto-model-svg -- kg render "$tmp/model.svg" -o "$tmp/./model.svg"
same "$tmp/model.svg" "$top/tests/golden/small.yaml" onto-model-svg-unchanged

# --- 9: the same input gives the same bytes.
for m in korea hostile; do
	model=$korea
	[ "$m" = hostile ] && model=$hostile
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		for fmt in svg dot; do
			[ -f "$tmp/$m-$v.$fmt" ] || continue
			kg render "$model" --view "$v" -T "$fmt" -o "$tmp/again.$fmt" 2>/dev/null
			same "$tmp/$m-$v.$fmt" "$tmp/again.$fmt" "deterministic $m $v $fmt"
		done
	done
done

# --- 10: --all writes every view into a folder.
expect 2 all-without-o -- kg render "$korea" --all
# all-files DIR EXT MODEL-NAME: DIR holds exactly one file per view.
all_files() {
	local dir=$1 ext=$2 m=$3 v base want="" qs q
	for v in $views $(cut -d' ' -f1 "$tmp/$m.views"); do
		base=$(base_of "$m" "$v")
		# The stances view: one file per question, stances-QUESTION.
		if [ "$v" = stances ]; then
			qs=$("$PY" -c 'import json, sys
print(" ".join(q["id"] for q in json.load(open(sys.argv[1])).get("questions") or []))' "$tmp/$m.json")
			for q in $qs; do want="$want stances-$q.$ext"; done
			if [ -z "$qs" ]; then
				grep -q "skipped the stances view" "$tmp/err" && ok || no "--all $m: stances skipped without a note"
			fi
			continue
		fi
		if [ "$base" = stances ] && [ ! -e "$dir/$v.$ext" ]; then
			grep -q "$v" "$tmp/err" && ok || no "--all $m: $v.$ext skipped without a message"
			continue
		fi
		want="$want $v.$ext"
	done
	# A view drawn in steps writes VIEW-1.EXT ... VIEW-N.EXT, one a phase.
	for v in $(val step-views "$tmp/$m.json"); do
		for k in $(seq 1 "$(val phase-count "$tmp/$m.json")"); do
			want="$want $v-$k.$ext"
		done
	done
	got=$(cd "$dir" && ls -A | sort | tr '\n' ' ')
	want=$(printf '%s\n' $want | sort | tr '\n' ' ')
	[ "$got" = "$want" ] && ok || no "--all $m into $(basename "$dir"): files '$got', expected '$want'"
}
expect 0 all-svg -- kg render "$korea" --all -o "$tmp/all"
all_files "$tmp/all" svg korea
for f in "$tmp"/all/*.svg; do xml "$f" "all-svg"; done
same "$tmp/all/causes.svg" "$tmp/korea-causes.svg" all-svg-same-as-one
expect 0 all-pdf -- kg render "$korea" -T pdf --all -o "$tmp/allpdf"
all_files "$tmp/allpdf" pdf korea
for f in "$tmp"/allpdf/*.pdf; do pdf "$f" "all-pdf $(basename "$f")"; done
expect 0 all-hostile -- kg render "$hostile" --all -o "$tmp/allh"
all_files "$tmp/allh" svg hostile
echo precious >"$tmp/afile"
expect 3 all-into-a-file -- kg render "$korea" --all -o "$tmp/afile"
untouched "$tmp/afile" all-into-a-file

# No text over text in any view of any model that checks clean (the
# built-in views and the model's own, but those drawn in steps), whole
# and by phase: edge labels clear of nodes, titles and each other;
# titles clear of nodes and each other; node texts apart.
for model in models/*.yaml tests/render/*.yaml; do
	kg check "$model" >/dev/null 2>&1 || continue
	m=$(basename "$model" .yaml)
	np=$(kg list "$model" phases 2>/dev/null | tail -n +2 | wc -l)
	kg render "$model" -T json -o "$tmp/lc.json" 2>/dev/null || continue
	for v in overview causes arguments timeline actors stances \
	    $(val model-views "$tmp/lc.json" | cut -d' ' -f1); do
		for p in "" $(seq 1 "$np"); do
			svg="$tmp/lc.svg"
			rm -f "$svg"
			kg render "$model" --view "$v" ${p:+--phase "$p"} -o "$svg" 2>/dev/null || continue
			py "$m-$v${p:+-phase-$p}" labels-clear "$svg"
			py "$m-$v${p:+-phase-$p}" texts-inside "$svg"
		done
	done
done

# A picture for a slide, a phase of each view of the two lectures' models:
# the key lies on the page, beside or below what the diagram draws and
# apart from it, and no text leaves its box or covers another's.
for model in "$korea" "$top/models/july-crisis-1914.yaml"; do
	m=$(basename "$model" .yaml)
	np=$(kg list "$model" phases 2>/dev/null | tail -n +2 | wc -l)
	for v in overview causes arguments timeline actors stances; do
		for p in $(seq 1 "$np"); do
			svg="$tmp/pg.svg"
			rm -f "$svg"
			kg render "$model" --view "$v" --phase "$p" --page 16:9 -q -o "$svg" 2>"$tmp/err"
			rc=$?
			# A phase where no one decides on the question has no stances.
			[ "$rc" = 2 ] && [ "$v" = stances ] &&
			    grep -q 'no decision of the selection answers' "$tmp/err" && continue
			if [ "$rc" != 0 ]; then
				no "$m-$v-phase-$p-16:9: exit $rc: $(head -1 "$tmp/err")"
				continue
			fi
			ok
			py "$m-$v-phase-$p-16:9" key-apart "$svg"
			py "$m-$v-phase-$p-16:9" legend-tight "$svg"
			py "$m-$v-phase-$p-16:9" labels-clear "$svg"
			py "$m-$v-phase-$p-16:9" texts-inside "$svg"
		done
	done
done
# A title wider than a phase's diagram leaves room under it for the key:
# Korea's first phase of the stances view reads at 1/40 of the slide.
expect 0 page-key-beside -- kg render "$korea" --view stances --phase 1 --page 16:9 -o "$tmp/pg.svg"
if grep -q 'under its aim' "$tmp/err"; then
	no "page-key-beside: $(head -1 "$tmp/err")"
else
	ok
fi

# The checker itself: each kind of text over text in a drawing made for
# it fails labels-clear, and the same drawing with the texts apart passes.
lc_svg() { # lc_svg FILE TEXT-X TEXT-Y TEXT-CLASS: a group's box titled
	# "Cuba" with a node, and one more text of that class at x, y.
	cat >"$1" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="300pt" viewBox="0 0 400 300">
<g id="kg--graph" class="graph" transform="scale(1 1) rotate(0) translate(4 296)">
<g id="kg-group-cuba" class="cluster"><polygon points="10,-10 10,-200 200,-200 200,-10"/>
<text text-anchor="start" x="18" y="-184" font-size="14">Cuba</text></g>
<g id="kg-castro" class="node"><polygon points="40,-40 40,-80 160,-80 160,-40"/>
<text text-anchor="middle" x="100" y="-56" font-size="14">Fidel Castro</text></g>
<g id="kg-x" class="$4"><polygon points="300,-250 300,-260 310,-260"/>
<text text-anchor="start" x="$2" y="$3" font-size="14">Kennedy announces</text></g>
</g></svg>
SVG
}
lc_fails() { # lc_fails NAME WHAT X Y CLASS: labels-clear finds WHAT there.
	lc_svg "$tmp/lcs.svg" "$3" "$4" "$5"
	"$PY" tests/render/check.py labels-clear "$tmp/lcs.svg" >"$tmp/lcs.out" 2>&1
	if grep -q "FAIL.*$2" "$tmp/lcs.out"; then ok; else no "$1: labels-clear did not see $2: $(cat "$tmp/lcs.out")"; fi
}
lc_fails lc-edge-on-title "over the title 'Cuba'" 20 -182 edge
lc_fails lc-edge-on-node "over kg-castro" 60 -60 edge
lc_fails lc-edge-outside "outside the canvas" 380 -20 edge
lc_fails lc-title-on-node "the title 'Kennedy announces' of kg-x over kg-castro" 60 -60 cluster
lc_fails lc-title-on-title "the title 'Cuba' of kg-group-cuba over 'Kennedy announces'" 20 -182 cluster
lc_fails lc-node-texts "'Fidel Castro' of kg-castro over 'Kennedy announces'" 60 -58 node
for c in edge cluster node; do
	lc_svg "$tmp/lcs.svg" 220 -250 "$c"
	py "lc-apart-$c" labels-clear "$tmp/lcs.svg"
done

# Where a box grows with its text, no text is cut: at --wrap 14, the
# actors' long names and roles and the messages' titles are wrapped in
# full, onto as many lines as they need.
council="$top/tests/render/council-upward.yaml"
expect 0 wrap-whole-actors -- kg render "$council" --view actors --wrap 14 -o "$tmp/ww.svg" &&
	hasnt "$tmp/ww.svg" "…" wrap-whole-actors-no-ellipsis
py wrap-whole-role has-text-nows "$tmp/ww.svg" kg-wiesner "Foreign Ministry counsellor sent to Sarajevo"
py wrap-whole-name has-text-nows "$tmp/ww.svg" kg-ministerial-council "Council of Ministers for Common Affairs"
py wrap-whole-message has-text-nows "$tmp/ww.svg" kg-tisza--ministerial-council--against \
	"No attack without a diplomatic step; demands hard but not impossible"
py wrap-whole-lines max-line "$tmp/ww.svg" kg-wiesner 14
expect 0 wrap-whole-arguments -- kg render "$council" --view arguments --wrap 14 -o "$tmp/wa.svg" &&
	hasnt "$tmp/wa.svg" "…" wrap-whole-arguments-no-ellipsis
py wrap-whole-kind has-text-nows "$tmp/wa.svg" kg-no-surprise-attack "OBJECTION · Count István Tisza"

# --all on models that are valid but unlike Korea's: no questions, two
# questions, a question the selection does not answer, a hundred views,
# and two outputs of one name.
allm() { # allm FILE: a model of two phases, with what follows on stdin.
	{
		printf 'kgraph: 1\ntitle: All\nactors:\n  - { id: a, name: Anne }\n  - { id: b, name: Boris }\n'
		printf 'phases:\n  - { id: p1, title: One, from: 1900, to: 1900 }\n  - { id: p2, title: Two, from: 1901, to: 1901 }\n'
		cat
	} >"$1"
}
allm "$tmp/noq.yaml" <<'YAML'
events:
  - { id: e1, title: First, date: 1900-05-01 }
decisions:
  - { id: d1, actor: a, title: Anne decides, date: 1901-02-01, outcome: approved }
YAML
expect 0 all-no-questions -- kg render "$tmp/noq.yaml" --all -o "$tmp/noq"
has "$tmp/err" "note: skipped the stances view: the model has no questions" all-no-questions-note
got=$(cd "$tmp/noq" && ls | tr '\n' ' ')
[ "$got" = "actors.svg arguments.svg causes.svg overview.svg timeline.svg " ] && ok || no "--all without questions wrote '$got'"
expect 0 all-no-questions-quiet -- kg render "$tmp/noq.yaml" --all -q -o "$tmp/noq"
[ -s "$tmp/err" ] && no "--all -q printed: $(head -1 "$tmp/err")" || ok
expect 0 json-stances-no-questions -- kg render "$tmp/noq.yaml" --view stances -T json
has "$tmp/out" '"decisions"' json-stances-no-questions
allm "$tmp/twoq.yaml" <<'YAML'
questions:
  - { id: war, title: War? }
  - { id: peace, title: Peace? }
  - { id: nobody-asks, title: Asked by nobody }
decisions:
  - { id: d1, actor: a, title: Anne wants war, date: 1900-02-01, outcome: approved, on: war, stance: for }
  - { id: d2, actor: b, title: Boris wants peace, date: 1901-02-01, outcome: approved, on: peace, stance: for }
YAML
expect 0 all-two-questions -- kg render "$tmp/twoq.yaml" --all -o "$tmp/twoq"
for q in war peace; do
	[ -f "$tmp/twoq/stances-$q.svg" ] && ok || no "--all with two questions: no stances-$q.svg"
done
grep -q "$q" "$tmp/twoq/stances-peace.svg" && ok || no "stances-peace.svg does not draw the question peace"
[ -e "$tmp/twoq/stances-nobody-asks.svg" ] && no "--all drew a question nobody answers" || ok
has "$tmp/err" "note: skipped stances-nobody-asks" all-question-unanswered
expect 0 all-phase-1 -- kg render "$tmp/twoq.yaml" --all --phase 1 -o "$tmp/twoq1"
[ -f "$tmp/twoq1/stances-war.svg" ] && [ ! -e "$tmp/twoq1/stances-peace.svg" ] && ok || no "--all --phase 1: stances of the wrong questions"
expect 0 all-one-question -- kg render "$tmp/twoq.yaml" --all --question peace -o "$tmp/twoqp"
[ -f "$tmp/twoqp/stances-peace.svg" ] && [ ! -e "$tmp/twoqp/stances-war.svg" ] && ok || no "--all --question peace drew other questions"
{
	cat "$tmp/noq.yaml"
	echo "views:"
	for i in $(seq 1 100); do echo "  - { id: v$i, title: View $i, base: overview }"; done
} >"$tmp/many.yaml"
expect 0 all-many-views -- kg render "$tmp/many.yaml" --all -o "$tmp/many"
n=$(ls "$tmp/many" | wc -l)
[ "$n" = 105 ] && ok || no "--all with 100 views wrote $n files, expected 105"
{
	cat "$tmp/noq.yaml"
	echo "views:"
	echo "  - { id: talk, title: A talk, base: overview, steps: true }"
	echo "  - { id: talk-1, title: Another, base: causes }"
} >"$tmp/clash.yaml"
expect 2 all-same-name -- kg render "$tmp/clash.yaml" --all -o "$tmp/clash"
has "$tmp/err" "clash/talk-1.svg twice: for the view 'talk' and for the view 'talk-1'" all-same-name-message
absent "$tmp/clash" all-same-name-writes-nothing
expect 0 all-same-name-json-has-no-steps -- kg render "$tmp/clash.yaml" --all -T json -o "$tmp/clashjson"

# The stances view: a column only for a phase with a decision on the
# question; notes in full, for and against apart, their marks in the
# legend; a row no taller than its own cells; the phase filter's
# message names the phases and questions there are.
sc="$top/tests/render/stances-columns.yaml"
expect 0 stances-columns -- kg render "$sc" --view stances -T dot
heads=$(grep -o 'id="kg--head-[a-z0-9-]*"' "$tmp/out" | tr '\n' ' ')
[ "$heads" = 'id="kg--head-p4" ' ] && ok || no "stances: phase columns '$heads', expected only p4"
kg render "$sc" --view stances -o "$tmp/sc.svg" 2>/dev/null
has "$tmp/sc.svg" "Mediterranean" stances-note-in-full
has "$tmp/sc.svg" "air strike on Monday" stances-note-in-full-2
hasnt "$tmp/sc.svg" "…" stances-note-not-cut
has "$tmp/sc.svg" "FOR THE NEW POSITION" stances-note-for
has "$tmp/sc.svg" "AGAINST IT" stances-note-against
has "$tmp/sc.svg" "a cause for the new position" stances-legend-for
has "$tmp/sc.svg" "a cause against the change" stances-legend-against
# The gap between the bottom of Kennedy's row (his note) and the top of
# Khrushchev's decision is the grid's gap, not an empty band.
"$PY" - "$tmp/out" >"$tmp/gap" <<'PYEOF'
import re, sys
dot = open(sys.argv[1]).read()
def box(name):
    m = re.search(r'(?m)^\s*"?%s"?\s*\[(.*?)\];' % re.escape(name), dot, re.S)
    a = m.group(1)
    y = float(re.search(r'pos="[-0-9.]+,([-0-9.]+)!"', a).group(1))
    h = float(re.search(r'height=([0-9.]+)', a).group(1)) * 72
    return y + h / 2, y - h / 2
top_d3 = box("d3")[0]
bottom_note = box("--why-d2")[1]
print("%.0f" % (bottom_note - top_d3))
PYEOF
g=$(cat "$tmp/gap")
[ -n "$g" ] && [ "$g" -le 60 ] && ok || no "stances: $g pt between a row's note and the next row (an empty band)"
kg render "$sc" --view stances --phase 2 -o "$tmp/x.svg" 2>"$tmp/err"
has "$tmp/err" "the model's decisions on it are in phase 4 (Resolution)" stances-phase-message
hasnt "$tmp/err" "give decisions 'on:" stances-phase-message-no-on
kg render "$tmp/twoq.yaml" --view stances --question peace --phase 1 -o "$tmp/x.svg" 2>"$tmp/err"
has "$tmp/err" "the model's decisions on it are in phase 2 (Two); the selection's decisions answer --question 'war'" stances-phase-other-questions

# The same on a model of two questions, four actors and four phases, of
# which only phases 2 and 4 answer the air strike (a change of mind there
# with a tall note), and only phase 4 the Jupiters.
cuba="$top/tests/render/stances-cuba.yaml"
for q in strike:p2,p4 jupiter:p4; do
	expect 0 "stances-cuba-$q" -- kg render "$cuba" --view stances --question "${q%%:*}" -T dot || continue
	# Every column's head names a phase of a decision drawn, and every
	# drawn decision's phase has a head: no empty column, none missing.
	"$PY" - "$tmp/out" "${q#*:}" >"$tmp/cols" <<'PYEOF'
import re, sys
dot = open(sys.argv[1]).read()
heads = sorted(re.findall(r'"--head-([^"]+)"\s*\[', dot))
cells = sorted(set(re.findall(r'class="kind-decision phase-([^ "]+)', dot)))
want = sys.argv[2].split(",")
print("ok" if heads == cells == want else
      "heads %s, decisions in %s, expected %s" % (heads, cells, want))
PYEOF
	[ "$(cat "$tmp/cols")" = ok ] && ok || no "stances-cuba-$q columns: $(cat "$tmp/cols")"
done
# Rows: Kennedy's is as tall as his note on the quarantine; the Chiefs'
# row under it is as tall as one decision, and Robert Kennedy's follows
# it after the grid's gap, not after a band as tall as Kennedy's row.
expect 0 stances-cuba-rows -- kg render "$cuba" --view stances --question strike -T dot
"$PY" - "$tmp/out" >"$tmp/rows" <<'PYEOF'
import re, sys
dot = open(sys.argv[1]).read()
rows = {}
for name, a in re.findall(r'(?m)^\s*"([^"]+)"\s*\[(.*?)\];', dot, re.S):
    actor = re.search(r'class="[^"]*actor-([^ "]+)', a)
    if name.startswith("--why-"):
        actor = re.search(r'actor-([^ "]+)', re.search(
            r'(?m)^\s*"%s"\s*\[(.*?)\];' % re.escape(name[6:]), dot,
            re.S).group(1))
    if not actor:
        continue
    y = float(re.search(r'pos="[-0-9.]+,([-0-9.]+)!"', a).group(1))
    h = float(re.search(r'height=([0-9.]+)', a).group(1)) * 72
    top, bottom = rows.get(actor.group(1), (-1e9, 1e9))
    rows[actor.group(1)] = (max(top, y + h / 2), min(bottom, y - h / 2))
height = {k: t - b for k, (t, b) in rows.items()}
gap = rows["jcs"][1] - rows["rfk"][0]
print("%.0f %.0f %.0f %.0f" % (height["jfk"], height["jcs"], height["rfk"], gap))
PYEOF
read -r hjfk hjcs hrfk rgap <"$tmp/rows"
[ "${hjfk:-0}" -gt $((2 * ${hjcs:-0})) ] && ok || no "stances-cuba-rows: Kennedy's row ${hjfk:-?} pt is not taller than twice the Chiefs' ${hjcs:-?} pt"
[ "${hjcs:-0}" -gt 0 ] && [ "$hjcs" = "${hrfk:-}" ] && ok || no "stances-cuba-rows: the Chiefs' row ${hjcs:-?} pt, Robert Kennedy's ${hrfk:-?} pt: not one decision each"
[ "${rgap:-999}" -le 60 ] && ok || no "stances-cuba-rows: ${rgap:-?} pt between the two short rows"
# In steps, a phase's column and the notes and rows in it come with its
# decisions: two steps for the two columns, none of headers alone.
mkdir "$tmp/cubasteps"
expect 0 stances-cuba-steps -- kg render "$cuba" --view stances --question strike --steps -o "$tmp/cubasteps/s.svg"
[ "$(ls "$tmp/cubasteps" | tr '\n' ' ')" = "s-1.svg s-2.svg " ] && ok || no "stances-cuba-steps: $(ls "$tmp/cubasteps" | tr '\n' ' '), expected s-1.svg s-2.svg"
has "$tmp/cubasteps/s-1.svg" "Kennedy leans to a strike" stances-cuba-step-1-decisions
hasnt "$tmp/cubasteps/s-1.svg" "4. Resolution" stances-cuba-step-1-no-later-head
has "$tmp/cubasteps/s-2.svg" "4. Resolution" stances-cuba-step-2-head
# The note's marks are in the legend when a note shows them, and only then.
kg render "$cuba" --view stances --question strike -o "$tmp/cuba.svg" 2>/dev/null
has "$tmp/cuba.svg" "FOR THE NEW POSITION" stances-cuba-note-for
has "$tmp/cuba.svg" "AGAINST IT" stances-cuba-note-against
has "$tmp/cuba.svg" "a cause for the new position" stances-cuba-legend-for
has "$tmp/cuba.svg" "a cause against the change" stances-cuba-legend-against
kg render "$cuba" --view stances --question strike --actor jcs -o "$tmp/cuba.svg" 2>/dev/null
hasnt "$tmp/cuba.svg" "WHY IT CHANGED" stances-cuba-no-note
hasnt "$tmp/cuba.svg" "a cause for the new position" stances-cuba-no-legend-for
hasnt "$tmp/cuba.svg" "a cause against the change" stances-cuba-no-legend-against
# A cause of some 2,000 characters is drawn to its last word, not cut.
{
	sed '/^causes:/q' "$cuba"
	printf '  - { id: c-long, by: jfk, for: jfk-strike-2, text: "'
	i=0
	while [ $i -lt 120 ]; do printf 'reason %d holds, ' $i; i=$((i + 1)); done
	printf 'and so to Finis"}\n'
} >"$tmp/long.yaml"
expect 0 stances-long-cause -- kg render "$tmp/long.yaml" --view stances --question strike -o "$tmp/long.svg"
has "$tmp/long.svg" "Finis" stances-long-cause-in-full
hasnt "$tmp/long.svg" "…" stances-long-cause-not-cut

# A model whose items are named as kgraph's own parts of a picture (key,
# title, graph, group-us, tick-1, head-p1, why-..., page controls): in
# every view, as SVG and as the HTML page, every id is unique and every
# item of the view is drawn under its own id.
inames="$top/tests/render/internal-names.yaml"
for v in overview causes arguments timeline stances actors; do
	for f in svg html; do
		expect 0 "internal-names-$v-$f" -- kg render "$inames" --view "$v" -T "$f" -o "$tmp/in.$f" || continue
		kg render "$inames" --view "$v" -T json -o "$tmp/in.json" 2>/dev/null
		"$PY" - "$tmp/in.$f" "$tmp/in.json" "$v" >"$tmp/py" <<'PYEOF'
import collections, html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
ids = [html.unescape(x) for x in re.findall(r'\bid="([^"]*)"', page)]
dups = sorted(k for k, c in collections.Counter(ids).items() if c > 1)
sel = json.load(open(sys.argv[2]))
kinds = {"overview": ("events", "decisions", "causes"),
         "causes": ("events", "decisions", "causes"),
         "arguments": ("causes",), "timeline": ("events", "decisions"),
         "stances": (), "actors": ("actors",)}[sys.argv[3]]
missing = [x["id"] for k in kinds for x in sel.get(k) or []
           if "kg-" + x["id"] not in ids]
print("FAIL ids %s twice" % dups if dups else "ok")
print("FAIL items not drawn under their ids: %s" % missing if missing else "ok")
PYEOF
		while IFS= read -r line; do
			case "$line" in ok) ok ;; *) no "internal-names $v $f: ${line#FAIL }" ;; esac
		done <"$tmp/py"
	done
done

# A source has one number in every picture of a model (its place among
# the sources in the order the file first cites them), and a marker
# prints its locator: in every view of --all, of the Korea and the July
# models, and in the PDF's text.
for model in "$korea" "$top/models/july-crisis-1914.yaml"; do
	m=$(basename "$model" .yaml)
	rm -rf "$tmp/nums"
	kg render "$model" --all -T dot -o "$tmp/nums" 2>/dev/null
	"$PY" - "$tmp/nums" >"$tmp/py" <<'PYEOF'
import glob, re, sys
seen, bad, n = {}, [], 0
row = re.compile(r'\[(\d+)\]</FONT></TD><TD[^>]*><FONT[^>]*>(.*?)</FONT>')
for f in sorted(glob.glob(sys.argv[1] + "/*.dot")):
    for num, cite in row.findall(open(f, encoding="utf-8").read()):
        cite = re.sub(r"<BR/>", " ", cite)
        n += 1
        if seen.setdefault(cite, num) != num:
            bad.append("%s: [%s] %s, elsewhere [%s]" % (f.split("/")[-1], num, cite[:40], seen[cite]))
print("FAIL %s" % bad[:3] if bad else ("ok" if n else "FAIL no sources found"))
PYEOF
	case "$(cat "$tmp/py")" in ok) ok ;; *) no "source numbers $m: $(cat "$tmp/py")" ;; esac
done
kg render "$korea" --view causes -o "$tmp/loc.pdf" 2>/dev/null
pdftotext "$tmp/loc.pdf" - 2>/dev/null | tr -s ' \n' ' ' >"$tmp/loc.txt"
has "$tmp/loc.txt" "[1, n. 5]" locator-in-pdf

# Titles in words: names, not ids, and nothing said twice.
# title_has NAME TEXT COUNT OPTIONS...: the SVG of the Korea model (or of
# MODEL when set) has TEXT COUNT times.
title_has() {
	local name=$1 text=$2 count=$3 n
	shift 3
	kg render "${MODEL:-$korea}" "$@" -o "$tmp/title.svg" 2>"$tmp/err" || { no "$name: render fails"; return; }
	n=$(grep -oF -- "$text" "$tmp/title.svg" | wc -l)
	[ "$n" = "$count" ] && ok || no "$name: '$text' $n times in the SVG, expected $count"
}
title_has title-actors "Arguments of Kim Il Sung and Joseph Stalin" 1 --view arguments --actor kim,stalin
title_has title-actors-no-ids "actor kim" 0 --view arguments --actor kim,stalin
title_has title-focus "Causes — around Stalin approves the invasion of the South" 1 --view causes --focus stalin-approves
title_has title-depth "within 2 links of Stalin approves" 1 --view causes --focus stalin-approves --depth 2
title_has title-phases "Phases 1 and 3 of 3" 1 --view overview --phase 1,3
title_has title-kinds "arguments and objections only" 1 --view arguments --kind argument,objection
title_has title-dates "Mar 1949 to Jan 1950" 1 --view timeline --since 1949-03 --until 1950-01
title_has title-evidence "documented only" 1 --view timeline --evidence documented
# A view on one phase, titled as the phase: the phase's title once.
title_has title-phase-once "Stalin fears an attack from the South" 1 --view fear-of-the-south
cat >"$tmp/q.yaml" <<'YAML'
kgraph: 1
title: Cuba
actors:
  - { id: jfk, name: John F. Kennedy }
questions:
  - { id: attack, title: Should the US attack Cuba? }
decisions:
  - { id: d1, actor: jfk, title: Kennedy orders the quarantine, date: 1962-10-22, outcome: ordered, on: attack, stance: against }
views:
  - { id: attack-view, title: Should the US attack Cuba?, base: stances, question: attack }
YAML
MODEL=$tmp/q.yaml title_has title-question-once "Should the US attack Cuba?" 1 --view attack-view
MODEL=$tmp/q.yaml title_has title-question-builtin "Stances: Should the US attack Cuba?" 1 --view stances

# --- 11: exit statuses.
expect 2 unknown-option -- kg render "$korea" --bogus
expect 2 bad-theme -- kg render "$korea" --theme neon
expect 2 missing-theme -- kg render "$korea" --theme
expect 2 bad-direction -- kg render "$korea" --direction XY
expect 2 bad-direction-case -- kg render "$korea" --direction lr
for s in 0 abc 20x -3 1000; do expect 2 "bad-font-size-$s" -- kg render "$korea" --font-size "$s"; done
for s in 0 x -1 100000; do expect 2 "bad-wrap-$s" -- kg render "$korea" --wrap "$s"; done
for p in 'a"b' 'x y' '<x' "x'"; do expect 2 "bad-id-prefix $p" -- kg render "$korea" --id-prefix "$p"; done
expect 2 unknown-format -- kg render "$korea" -T xml
expect 0 success -- kg render "$korea"
for o in "--theme dark" "--theme print" "--theme contrast" "--direction BT" "--font-size 20" "--wrap 12"; do
	expect 0 "option $o" -- kg render "$korea" --view causes $o -o "$tmp/opt.svg" && xml "$tmp/opt.svg" "option $o"
done

# --- 12: options change the output.
base="$tmp/korea-causes.svg"
py legend has-text "$base" - Legend Sources
expect 0 no-legend -- kg render "$korea" --view causes --no-legend -o "$tmp/nolegend.svg"
py no-legend no-text "$tmp/nolegend.svg" - Legend
py no-legend has-text "$tmp/nolegend.svg" - Sources
[ "$(val markers "$base")" -gt 0 ] && ok || no "citations: no [n] marker in the causes view"
expect 0 no-citations -- kg render "$korea" --view causes --no-citations -o "$tmp/nocite.svg"
n=$(val markers "$tmp/nocite.svg")
[ "$n" = 0 ] && ok || no "no-citations: $n text lines with a [n] marker"
py no-citations no-text "$tmp/nocite.svg" - Sources
py no-citations has-text "$tmp/nocite.svg" - Legend
py title has-text "$base" - "Stalin and the decision for war in Korea, 1949-1950"
expect 0 no-title -- kg render "$korea" --view causes --no-title -o "$tmp/notitle.svg"
py no-title no-text "$tmp/notitle.svg" - "Stalin and the decision for war in Korea, 1949-1950"
expect 0 title -- kg render "$korea" --view causes --title 'My <own> & title \N' -o "$tmp/title.svg"
py title has-text "$tmp/title.svg" - 'My <own> & title \N'
py title no-text "$tmp/title.svg" - "Stalin and the decision for war in Korea, 1949-1950"
light=$(val background "$base")
[ "$light" = "#ffffff" ] && ok || no "light theme: background fill '$light', expected #ffffff"
expect 0 dark -- kg render "$korea" --view causes --theme dark -o "$tmp/dark.svg"
dark=$(val background "$tmp/dark.svg")
case "$dark" in "#"[0-3]?[0-3]?[0-3]?) ok ;; *) no "dark theme: background fill '$dark', expected a dark colour" ;; esac
expect 0 transparent -- kg render "$korea" --view causes --transparent -o "$tmp/transparent.svg"
t=$(val background "$tmp/transparent.svg")
case "$t" in none | transparent) ok ;; *) no "--transparent: background fill '$t'" ;; esac
rankdir() { gvpr 'BEG_G { print($G.rankdir); }' "$1" 2>/dev/null; }
r=$(rankdir "$tmp/korea-overview.dot")
case "$r" in "" | TB) ok ;; *) no "overview: rankdir '$r', expected TB" ;; esac
expect 0 direction -- kg render "$korea" --direction LR -T dot -o "$tmp/lr.dot"
r=$(rankdir "$tmp/lr.dot")
[ "$r" = LR ] && ok || no "--direction LR: rankdir '$r'"
expect 0 direction-view -- kg render "$korea" --view causes --direction BT -T dot -o "$tmp/bt.dot"
r=$(rankdir "$tmp/bt.dot")
[ "$r" = BT ] && ok || no "--direction BT on causes: rankdir '$r'"
expect 0 font-size -- kg render "$korea" --font-size 20 -T dot -o "$tmp/fs.dot"
fs=$(gvpr 'BEG_G { print($G.fontsize, " ", getDflt($G, "N", "fontsize"), " ", getDflt($G, "E", "fontsize")); }' "$tmp/fs.dot" 2>/dev/null)
[ "$fs" = "20 20 20" ] && ok || no "--font-size 20: graph, node and edge fontsize '$fs'"
fs=$(gvpr 'BEG_G { print($G.fontsize); }' "$tmp/korea-overview.dot" 2>/dev/null)
[ "$fs" = 14 ] && ok || no "default font size: '$fs', expected 14"

# A view of one phase says that an actor's position changed since the
# phase before, which it does not draw, and why: Stalin's in phase 3.
expect 0 stances-changed -- kg render --view stances --phase 3 -o "$tmp/changed.svg"
has "$tmp/changed.svg" "WHY IT CHANGED" stances-changed
has "$tmp/changed.svg" "stance&#45;conditional changed" stances-changed-class

# A stances note holds its text with a margin, whatever its length: the
# room left in the box beside its lines is the same for a short note and
# a long one, and none of its text is outside it.
for m in "$korea" tests/render/stances-cuba.yaml; do
	kg render "$m" --view stances -o "$tmp/notes.svg" 2>/dev/null
	"$PY" - "$tmp/notes.svg" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
n = 0
for m in re.finditer(r'<g id="[^"]*why[^"]*" class="node[^"]*">(.*?)</g>\s*(?=<!--|<g id)', s, re.S):
    ys = [float(p.split(",")[1]) for p in re.search(r'<polygon[^>]*points="([^"]+)"', m.group(1)).group(1).split()]
    ty = [float(y) for y in re.findall(r'<text[^>]* y="([-\d.]+)"', m.group(1))]
    fs = float(re.search(r'font-size="([\d.]+)"', m.group(1)).group(1))
    top, bottom = min(ty) - 0.93 * fs - min(ys), max(ys) - max(ty) - 0.24 * fs
    if not (2 <= top <= 12 and 2 <= bottom <= 12):
        print("FAIL a note of %d lines has %.1f pt above its text and %.1f below" % (len(set(ty)), top, bottom))
    n += 1
print("ok" if n else "FAIL no note")
PY
done >"$tmp/notes"
grep -q FAIL "$tmp/notes" && no "stances-notes: $(grep FAIL "$tmp/notes" | head -1)" || ok

# An actors' edge that stands for several messages cites the sources of
# them all, by number; its tooltip names each message with its places in
# its sources (one source at two places is cited at both).
cat >"$tmp/messages.yaml" <<'EOF'
kgraph: 1
title: Messages
actors:
  - { id: a, name: Anne }
  - { id: b, name: Boris }
sources:
  - { id: s1, cite: "First source" }
  - { id: s2, cite: "Second source" }
events:
  - { id: m1, title: Anne writes, date: 1950-01-01, actors: [a], to: [b], sources: { id: s1, at: "p. 4" } }
  - { id: m2, title: Anne writes again, date: 1950-02-01, actors: [a], to: [b], sources: [s2, { id: s1, at: "p. 3" }, { id: s1, at: "p. 5" }] }
EOF
expect 0 actors-messages -- kg render "$tmp/messages.yaml" --view actors -o "$tmp/messages.svg"
has "$tmp/messages.svg" ">[1,2]</text>" actors-messages-marker
has "$tmp/messages.svg" 'xlink:title="Anne writes [1, p. 4]&#10;Anne writes again [2; 1, p. 3; 1, p. 5]"' actors-messages-tooltip
has "$tmp/messages.svg" ">Second source</text>" actors-messages-key

# No temporary file is left behind.

leftovers=$( (find "$tmp" "$top/tests" "$top/models" -name '.kgraph-*'; find "$top" -maxdepth 1 -name '.kgraph-*') | wc -l)
[ "$leftovers" = 0 ] && ok || no "$leftovers .kgraph-* temporary files left behind"

echo "render: $passed passed, $failed failed"
[ "$failed" = 0 ]
