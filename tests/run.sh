#!/usr/bin/env bash
# Runs every test of kgraph from the repository's top folder and ends with
# the line "N passed, N failed". Each part counts its own cases:
#   unit     the cmocka programs of tests/unit/test_*.c, from build/tests/
#   bad      tests/bad/NAME.yaml checked against tests/bad/NAME.err
#   golden   tests/golden/NAME.args run, stdout against NAME.out
#   cli      tests/cli.sh: exit statuses, help, model resolution, output
#   render   tests/render.sh: every view and format, hostile text, safe
#            SVG, atomic output, determinism
#   order    tests/order.sh: dated items in date order along the rank
#            axis of the overview and causes views and along the
#            timeline's axis, no nodes overlapping
#   timeline tests/timeline.sh: the timeline's ticks, scale, bands,
#            lanes, breaks and undated column
#   sources  tests/sources.sh: references in both styles, bibliographies
#            (BibTeX and CSL-JSON), list sources, the CSL-JSON export
#            read back, --watch on a bibliography, unbounded inputs
#   deck     tests/deck.sh: decks of three models, every event and
#            decision on a slide, page sizes, the same bytes twice
#   links    tests/links.sh: every model link between two items a view
#            draws is drawn, under every kind of selection
#   man      tests/man.sh: the manual pages against each command's --help,
#            both ways, and rendered without warnings
#   completion  tests/completion.sh: the bash completion's offers
#   editor   tests/editor.sh: what yaml-language-server (or, without it,
#            the schema's Python validator) reports on models naming the
#            schema in their first line, at which lines, and completion
#   install  tests/install.sh: make install and uninstall into a staging
#            folder
#   schema   the JSON Schema against valid and invalid models, and the
#            bad-input models that break a rule a schema can express
#            (listed in tests/schema/bad-invalid.txt)
#   html     tests/html.sh: the self-contained page, and in headless
#            Chromium (tests/html.py) stepping, the panel, no errors
#   hostile  tests/hostile.sh: deep nesting, a million items, line ends,
#            1 MB labels, bidi controls, cycles, kill -9 during a render
#   corpus   the YAML test suite: a clean exit, never a crash or a hang
# KGRAPH names the program under test (default ./kgraph); a wrapper such
# as valgrind can be given in KGRAPH_WRAP.
set -u
cd "$(dirname "$0")/.."
export KGRAPH="${KGRAPH:-./kgraph}"
export KGRAPH_WRAP="${KGRAPH_WRAP:-}"
export LC_ALL=C.UTF-8
passed=0
failed=0
failures=()

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL: $1"; }

kg() { $KGRAPH_WRAP "$KGRAPH" "$@"; }

# unit: one program per tests/unit/test_*.c, the list the Makefile
# builds; a program left from a test that is gone is not run.
for src in tests/unit/test_*.c; do
	t="${KGRAPH_UNIT_DIR:-build/tests}/$(basename "$src" .c)"
	if [ ! -x "$t" ]; then
		fail "unit: $t is not built (make unit)"
		continue
	fi
	out=$(CMOCKA_MESSAGE_OUTPUT=stdout "$t" 2>&1)
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	passed=$((passed + ${p:-0}))
	if [ -n "$f" ] && [ "$f" -gt 0 ]; then
		failed=$((failed + f))
		printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR)  \]' | sed 's/^/  /'
		failures+=("unit: $t ($f)")
	elif [ -z "$p" ]; then
		fail "unit: $t did not run"
		printf '%s\n' "$out" | tail -5
	fi
done

# bad
for y in tests/bad/*.yaml; do
	[ -f "$y" ] || continue
	name=${y%.yaml}
	if [ ! -f "$name.err" ]; then
		fail "bad: $name.err is missing"
		continue
	fi
	actual=$(timeout 20 $KGRAPH_WRAP "$KGRAPH" check "$y" 2>&1 >/dev/null)
	rc=$?
	want=0
	grep -q ': error: ' "$name.err" && want=1
	if [ "$rc" != "$want" ]; then
		fail "bad: $y exit $rc, expected $want"
	elif [ "$actual" != "$(cat "$name.err")" ]; then
		fail "bad: $y"
		diff <(cat "$name.err") <(printf '%s\n' "$actual") | head -10 | sed 's/^/  /'
	else
		pass
	fi
done

# golden
for a in tests/golden/*.args; do
	[ -f "$a" ] || continue
	name=${a%.args}
	# shellcheck disable=SC2046
	actual=$(eval "timeout 20 $KGRAPH_WRAP $KGRAPH $(cat "$a")" 2>/tmp/kgraph-golden-err.$$)
	rc=$?
	if [ "$rc" != 0 ]; then
		fail "golden: $a exit $rc"
		head -5 /tmp/kgraph-golden-err.$$ | sed 's/^/  /'
	elif [ "$actual" != "$(cat "$name.out")" ]; then
		fail "golden: $a"
		diff <(cat "$name.out") <(printf '%s\n' "$actual") | head -10 | sed 's/^/  /'
	else
		pass
	fi
done
rm -f /tmp/kgraph-golden-err.$$

# part NAME SCRIPT: runs a script that ends with "NAME: N passed, N failed",
# shows its FAIL and note: lines, and adds its counts.
part() {
	local name=$1 script=$2 out p f
	out=$(bash "$script" 2>&1)
	p=$(printf '%s\n' "$out" | sed -n "s/^$name: \([0-9]*\) passed, \([0-9]*\) failed\$/\1/p")
	f=$(printf '%s\n' "$out" | sed -n "s/^$name: \([0-9]*\) passed, \([0-9]*\) failed\$/\2/p")
	printf '%s\n' "$out" | grep -E '^(FAIL|note:)' || true
	if [ -z "$p" ]; then
		fail "$name: $script did not finish"
		printf '%s\n' "$out" | tail -5
	else
		passed=$((passed + p))
		failed=$((failed + f))
		[ "$f" -gt 0 ] && failures+=("$name ($f)")
	fi
}

# cli, render, order, links, html, man, completion, editor, install, hostile
part cli tests/cli.sh
part render tests/render.sh
part order tests/order.sh
part timeline tests/timeline.sh
part links tests/links.sh
part sources tests/sources.sh
part deck tests/deck.sh
part html tests/html.sh
part man tests/man.sh
part completion tests/completion.sh
part editor tests/editor.sh
part install tests/install.sh
part hostile tests/hostile.sh

# schema
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	schema=$(mktemp)
	kg schema > "$schema"
	out=$(/usr/bin/python3 tests/schema/validate.py "$schema" \
		--expect-valid tests/schema/valid/*.yaml models/*.yaml src/starter.yaml \
		--expect-invalid tests/schema/invalid/*.yaml \
		$(sed 's|.*|tests/bad/&.yaml|' tests/schema/bad-invalid.txt) 2>&1)
	while IFS= read -r line; do
		case "$line" in
		ok:*) pass ;;
		FAIL:*) fail "schema: ${line#FAIL: }" ;;
		esac
	done <<< "$out"
	rm -f "$schema"
else
	fail "schema: /usr/bin/python3 with python3-jsonschema and python3-yaml is needed (make deps)"
fi

# corpus
corpus=../shared/corpus/yaml-test-suite
if [ -d "$corpus" ]; then
	for y in "$corpus"/*.yaml "$corpus"/skipped/*.yaml; do
		[ -f "$y" ] || continue
		err=$(timeout 10 $KGRAPH_WRAP "$KGRAPH" check "$y" 2>&1 >/dev/null)
		rc=$?
		if [ "$rc" = 0 ]; then
			pass
		elif [ "$rc" = 1 ] && printf '%s\n' "$err" | grep -qE '^[^ ]+:[0-9]+:[0-9]+: error: '; then
			pass
		else
			fail "corpus: $y exit $rc"
			printf '%s\n' "$err" | head -3 | sed 's/^/  /'
		fi
	done
else
	echo "note: $corpus not found; the YAML test suite was not run"
fi

if [ "$failed" -gt 0 ]; then
	echo
	echo "failed:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
