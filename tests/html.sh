#!/usr/bin/env bash
# The HTML page (render -T html): one self-contained file that fetches
# nothing, lets only its own script run, and holds the inline SVG with
# its steps, the sources and the model's text as inert data; then, in
# headless Chromium (tests/html.py), that it loads without a console
# error, steps, opens the panel on a click and from the keyboard, and
# draws something. Ends with "html: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3
hostile="$top/tests/render/hostile.yaml"

expect 0 html-by-extension -- kg render "$korea" --view causes -o "$tmp/causes.html"
expect 0 html-by-format -- kg render "$korea" --view causes -T html -o "$tmp/causes2.html"
if cmp -s "$tmp/causes.html" "$tmp/causes2.html"; then ok; else no "html: -T html and .html differ"; fi
expect 0 html-again -- kg render "$korea" --view causes -T html
if cmp -s "$tmp/out" "$tmp/causes.html"; then ok; else no "html: not deterministic"; fi
f="$tmp/causes.html"
has "$f" "<!DOCTYPE html>" html-doctype
has "$f" "Content-Security-Policy" html-csp
has "$f" "default-src 'none'" html-csp-fetches-nothing
has "$f" 'data-steps="3"' html-steps
has "$f" "step&#45;3" html-step-classes
has "$f" "@media print" html-print-style
has "$f" '<section class="kg-sources">' html-sources
has "$f" "Assessing the Politics of the Korean War" html-sources-cite
n=$(grep -c "<svg" "$f")
[ "$n" = 1 ] && ok || no "html: $n <svg elements, expected 1"
# self-contained: no external script, style, image, font or frame
if grep -Eiq '<(script|img|link|iframe|object|embed)[^>]* (src|href)=' "$f"; then
	no "html: the page loads another file"
else ok; fi
hasnt "$f" "<?xml" html-no-xml-declaration
# the CSP names the hash of the one script
want=$(sed -n 's/.*sha256-\([^'"'"']*\).*/\1/p' "$f" | head -1)
got=$("$PY" - "$f" <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
js = re.findall(r"<script>(.*?)</script>", page, re.S)
print(base64.b64encode(hashlib.sha256(js[0].encode()).digest()).decode()
      if len(js) == 1 else "scripts: %d" % len(js))
PY
)
[ -n "$want" ] && [ "$want" = "$got" ] && ok || no "html: CSP hash '$want' is not the script's '$got'"
expect 0 html-dim -- kg render "$korea" --view timeline --reveal dim -T html -o "$tmp/dim.html"
has "$tmp/dim.html" "reveal-dim" html-dim
expect 0 html-dark -- kg render "$korea" --view causes --theme dark -T html -o "$tmp/dark.html"
has "$tmp/dark.html" 'class="theme-dark' html-dark
expect 0 html-phase -- kg render "$korea" --view arguments --phase 2 -T html -o "$tmp/one.html"
has "$tmp/one.html" 'data-steps="1"' html-one-phase
expect 0 html-steps-option -- kg render "$korea" --steps -T html -o "$tmp/steps.html"
absent "$tmp/steps-1.html" html-steps-one-page
for v in overview causes arguments timeline stances actors; do
	expect 0 "html-$v" -- kg render "$korea" --view "$v" -T html -o "$tmp/$v.html"
done
# The page lists the sources under the numbers of the picture's markers.
expect 0 html-source-numbers -- kg render "$korea" --view causes --phase 2 -T html -o "$tmp/p2.html"
has "$tmp/p2.html" '<li value="3" id="source-wcda-shtykov-1950-01-19">' html-source-numbers
# Without the picture's title, the page's heading shows it.
expect 0 html-no-title -- kg render "$korea" --no-title -T html -o "$tmp/untitled.html"
has "$tmp/untitled.html" "<h1>Stalin and the decision" html-no-title-heading
has "$tmp/one.html" '<h1 class="kg-sr">' html-titled-heading-hidden
expect 0 html-all -- kg render "$korea" --all -T html -o "$tmp/all"
[ -f "$tmp/all/road-to-war.html" ] && ok || no "html: --all did not write road-to-war.html"

# hostile text: inert in the data block and the sources list
expect 0 html-hostile -- kg render "$hostile" -T html -o "$tmp/hostile.html"
"$PY" - "$tmp/hostile.html" >"$tmp/hcheck" 2>&1 <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
data = re.search(r'<script type="application/json" id="kg--page-data">(.*?)</script>',
                 page, re.S)
print("ok" if data and "<" not in data.group(1) else "FAIL a '<' in the data")
body = page.split("<body", 1)[1]
print("ok" if len(re.findall(r"<script[ >]", body)) == 2 else
      "FAIL scripts: %d" % len(re.findall(r"<script[ >]", body)))
from html.parser import HTMLParser
class Attrs(HTMLParser):
    handlers = []
    def handle_starttag(self, tag, attrs):
        self.handlers += [n for n, v in attrs if n.lower().startswith("on")]
a = Attrs()
a.feed(page)
print("ok" if not a.handlers else "FAIL event handler attributes: %s" % a.handlers)
print("ok" if not re.search(r"(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):",
                            page, re.I) else "FAIL a disallowed url")
print("ok" if "Cite &lt;script&gt;alert(1)&lt;/script&gt;" in page
      else "FAIL the hostile cite is not shown as text")
PY
while IFS= read -r line; do
	case "$line" in ok) ok ;; *) no "html-hostile: ${line#FAIL }" ;; esac
done <"$tmp/hcheck"

# In a browser.
# A deck as one page: a section per slide, no id twice, its one script
# named by the CSP.
expect 0 html-deck -- kg deck --view arguments,stances -q -o "$tmp/deck.html"
n=$(grep -c '<section class="kg-slide"' "$tmp/deck.html")
[ "$n" -gt 3 ] && ok || no "html-deck: $n slides"
"$PY" - "$tmp/deck.html" >"$tmp/dcheck" 2>&1 <<'PY'
import base64, collections, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
ids = [k for k, v in collections.Counter(re.findall(r' id="([^"]+)"', page)).items() if v > 1]
print("ok" if not ids else "FAIL ids twice: %s" % ids[:3])
js = re.findall(r"<script>(.*?)</script>", page, re.S)
want = re.search(r"sha256-([^']*)'", page).group(1)
print("ok" if len(js) == 1 and base64.b64encode(hashlib.sha256(
    js[0].encode()).digest()).decode() == want else "FAIL the CSP hash")
PY
while IFS= read -r line; do
	case "$line" in ok) ok ;; FAIL*) no "html-deck: ${line#FAIL }" ;; esac
done <"$tmp/dcheck"

if ! command -v chromium >/dev/null; then
	echo "note: chromium is not installed (apt-get install chromium); the browser tests of the HTML page were skipped"
elif ! "$PY" -c 'import websocket' 2>/dev/null; then
	echo "note: python3-websocket is not installed; the browser tests of the HTML page were skipped"
else
	shots="$top/build/html-test"
	mkdir -p "$shots"
	for page in causes hostile untitled deck; do
		mode=""
		case "$page" in hostile | untitled | deck) mode=$page ;; esac
		timeout 120 "$PY" tests/html.py "$tmp/$page.html" "$shots/$page.png" $mode >"$tmp/browser" 2>&1
		rc=$?
		n=0
		while IFS= read -r line; do
			case "$line" in
			"ok "*) ok; n=$((n + 1)) ;;
			"FAIL "*) no "browser $page: ${line#FAIL }"; n=$((n + 1)) ;;
			esac
		done <"$tmp/browser"
		if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
			no "browser $page: tests/html.py failed (exit $rc)"
			tail -5 "$tmp/browser" | sed 's/^/  /'
		fi
	done
fi

echo "html: $passed passed, $failed failed"
[ "$failed" = 0 ]
