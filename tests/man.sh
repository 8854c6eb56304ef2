#!/usr/bin/env bash
# The manual pages against the program: every option that `kgraph CMD
# --help` prints is documented in man/kgraph-CMD.1 (an `.It Fl ...` entry),
# and every option documented there is one that --help prints; every
# command of `kgraph --help` has its page and its entry in kgraph.1; the
# page of the model format, kgraph-format.5, and docs/format.md document
# every key of the schema; every page renders without a warning (groff's,
# man's at a fixed width, mandoc's lint) and without markup shown as text;
# and the formats and extensions that kgraph-render(1) and kgraph(1) name,
# and those of --steps, are the program's and its --help's. Ends with
# "man: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh

# help_options: the options of the --help text on standard input, one per
# line: from each line that starts with an option (indented by at most six
# spaces), the words of its first column that are options.
help_options() {
	sed -n 's/^ \{1,6\}\(-[^ ].*\)$/\1/p' |
		sed 's/   .*//' | tr ' ' '\n' | sed 's/,$//' |
		grep -E '^--?[A-Za-z0-9][A-Za-z0-9-]*$' | sort -u
}

# man_options PAGE: the options a page documents, one per line: the
# arguments of Fl on its `.It Fl` lines, `\-` read as '-'.
man_options() {
	grep -E '^\.It Fl ' "$1" |
		awk '{ for (i = 2; i < NF; i++) if ($i == "Fl") print "-" $(i + 1) }' |
		sed 's/\\-/-/g' | sort -u
}

# compare NAME HELPFILE PAGE: both directions, one case per option.
compare() {
	local name=$1 helpfile=$2 page=$3 o
	help_options < "$helpfile" > "$tmp/help.opts"
	man_options "$page" > "$tmp/man.opts"
	if [ ! -s "$tmp/help.opts" ]; then
		no "$name: no options found in its --help"
		return
	fi
	if [ ! -s "$tmp/man.opts" ]; then
		no "$name: no options found in $page"
		return
	fi
	while IFS= read -r o; do
		if grep -qxF -- "$o" "$tmp/man.opts"; then ok; else
			no "$name: '$o' of --help is not documented in $page"
		fi
	done < "$tmp/help.opts"
	while IFS= read -r o; do
		if grep -qxF -- "$o" "$tmp/help.opts"; then ok; else
			no "$name: '$o' is documented in $page but not in --help"
		fi
	done < "$tmp/man.opts"
}

# The parsers themselves, on a known text, so that a change of the help's
# layout can not make every comparison vacuous.
printf '%s\n' 'usage: kgraph x [--strict]' '' \
	'  -o, --output FILE    write -q here' '                       -x no' \
	'      --no-title       no title' '  -h, --help           this help' |
	help_options > "$tmp/parsed"
if [ "$(tr '\n' ' ' < "$tmp/parsed")" = "--help --no-title --output -h -o " ]; then ok; else
	no "help_options: got $(tr '\n' ' ' < "$tmp/parsed")"
fi
printf '%s\n' '.It Fl o Ar file , Fl \-output Ar file' '.It Fl \-no\-title' \
	'.Op Fl \-strict' '.It Fl q , Fl \-quiet' > "$tmp/page.1"
man_options "$tmp/page.1" > "$tmp/parsed"
if [ "$(tr '\n' ' ' < "$tmp/parsed")" = "--no-title --output --quiet -o -q " ]; then ok; else
	no "man_options: got $(tr '\n' ' ' < "$tmp/parsed")"
fi

# kgraph itself: its options, and one page and one entry per command.
if kg --help > "$tmp/help" 2>&1; then ok; else no "kgraph --help failed"; fi
compare kgraph "$tmp/help" man/kgraph.1
commands=$(sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' "$tmp/help")
if [ -n "$commands" ]; then ok; else no "no commands found in kgraph --help"; fi
for c in $commands; do
	if [ -f "man/kgraph-$c.1" ]; then ok; else no "$c: man/kgraph-$c.1 is missing"; continue; fi
	if grep -qx "\.Cm $c" man/kgraph.1; then ok; else no "$c: no entry in man/kgraph.1"; fi
	if grep -qx "\.Xr kgraph-$c 1 *,\{0,1\}" man/kgraph.1; then ok; else
		no "$c: kgraph.1 does not refer to kgraph-$c(1)"
	fi
	if kg "$c" --help > "$tmp/help-$c" 2>&1; then ok; else no "kgraph $c --help failed"; fi
	compare "$c" "$tmp/help-$c" "man/kgraph-$c.1"
done

# The page of the format, kgraph-format.5, against the program's schema:
# every key of every kind of item is documented there (an `Ic` argument)
# and in docs/format.md (as `key`), every value of every closed set is
# named in the page (a `Cm` argument), and the page documents no key that
# the schema does not know. kgraph.1 refers to it.
if grep -qx '\.Xr kgraph-format 5 *,\{0,1\}' man/kgraph.1; then ok; else
	no "kgraph.1 does not refer to kgraph-format(5)"
fi
if [ ! -f man/kgraph-format.5 ]; then
	no "man/kgraph-format.5 is missing"
elif ! /usr/bin/python3 -c 'import json' 2>/dev/null; then
	no "/usr/bin/python3 is needed to compare man/kgraph-format.5 with the schema (make test-deps)"
else
	kg schema > "$tmp/schema.json"
	# KIND KEY lines for every key, VALUE lines for every enumerated value.
	/usr/bin/python3 - "$tmp/schema.json" > "$tmp/schema.keys" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for k in s["properties"]:
    print("key", "top", k)
items = ["source", "group", "actor", "phase", "question", "event",
         "decision", "cause", "link", "view"]
for kind in items:
    for k in s["$defs"][kind]["properties"]:
        print("key", kind, k)
for k in s["$defs"]["sourceref"]["anyOf"][1]["properties"]:
    print("key", "source-reference", k)
for k in s["$defs"]["name"]["oneOf"][1]["properties"]:
    print("key", "name", k)
def enums(node):
    if isinstance(node, dict):
        for v in node.get("enum", []):
            if isinstance(v, str) and v[:1].isalpha():
                print("value", "-", v)
        for v in node.values():
            enums(v)
    elif isinstance(node, list):
        for v in node:
            enums(v)
enums(s)
PY
	# The Ic and Cm arguments of the page, one per line.
	macro_args() {
		grep -E "^\.(It |Pq |Po )?$1 " man/kgraph-format.5 |
			sed -E "s/^\.(It |Pq |Po )?$1 //" | tr ' ' '\n' |
			grep -E '^[A-Za-z][A-Za-z0-9_\\-]*$' | sed 's/\\-/-/g' | sort -u
	}
	macro_args Ic > "$tmp/page.keys"
	macro_args Cm > "$tmp/page.values"
	if [ -s "$tmp/schema.keys" ]; then ok; else no "no keys found in kgraph schema"; fi
	while read -r what kind key; do
		if [ "$what" = value ]; then
			if grep -qxF -- "$key" "$tmp/page.values"; then ok; else
				no "kgraph-format.5 does not name the value '$key' (Cm)"
			fi
			continue
		fi
		if grep -qxF -- "$key" "$tmp/page.keys"; then ok; else
			no "kgraph-format.5 does not document the $kind key '$key' (Ic)"
		fi
		if grep -qF -- "\`$key\`" docs/format.md; then ok; else
			no "docs/format.md does not document the $kind key '$key'"
		fi
	done < "$tmp/schema.keys"
	while read -r key; do
		if awk '$1 == "key" { print $3 }' "$tmp/schema.keys" | grep -qxF -- "$key"; then ok; else
			no "kgraph-format.5 documents '$key' (Ic), which the schema does not know"
		fi
	done < "$tmp/page.keys"
fi

# unrendered: the lines of a rendered page (on standard input) that show
# what should have been read as markup: an mdoc macro's name as a word
# (a macro not at the start of a line, or in a literal block), a request
# at the start of a line, or an escape printed as it was written. A
# shell line's trailing backslash, in the examples, is text.
unrendered() {
	grep -nE -e '(^|[^[:alnum:]_-])(Ar|Ns|Cm|Fl|Ql|Sq|Dq|Pa|Xr|Ic|Ev|Sy|Bd|Ed|Bl|El|Oo|Oc|Pp|Op|Nm|Em|Li|Va|Pq|Xo|Xc)([^[:alnum:]_-]|$)' \
	    -e '^[[:space:]]*\.([A-Z][a-z]|br|sp|in|ti|ft|nf|fi|ne|bp|ad|na|TH|SH|SS|PP|LP|IP|TP|RS|RE)([[:space:]]|$)' \
	    -e '\\(-|&|\(|e|"|\*|f[BIRP1-3]|s[-+0-9])' || true
}

# render PAGE: the page as man shows it, at a fixed width, its warnings
# (groff's, all of them: -ww) after a line "--stderr--".
render() {
	MANWIDTH=80 man --warnings=w -l "$1" 2>"$tmp/man.err" | cat
	echo "--stderr--"
	cat "$tmp/man.err"
}

# The checks themselves, on a page that shows a macro, a request and an
# escape as text and calls a macro that does not exist, so that a change
# of man's output can not make them pass every page unseen; and on one
# that does none of that.
cat > "$tmp/leaky.1" <<'MDOC'
.Dd November 1, 2026
.Dt LEAKY 1
.Os kgraph
.Sh NAME
.Nm leaky
.Nd a page that leaks
.Sh DESCRIPTION
.Bd -literal
Ar file : Ns Ar line : Ns Ar col : Cm error
 .Pp
a \e- b
.Ed
Shown as is: \e(em.
.Zz unknown
.Bd -literal
$ kgraph render \e
    \-o x.svg
.Ed
MDOC
if command -v man > /dev/null; then
	render "$tmp/leaky.1" > "$tmp/rendered"
	n=$(sed '/^--stderr--$/,$d' "$tmp/rendered" | unrendered | wc -l)
	[ "$n" = 4 ] && ok || no "unrendered: found $n of the 4 leaking lines of a test page"
	grep -q "macro 'Zz' not defined" "$tmp/rendered" && ok ||
	    no "man --warnings=w: no warning of an unknown macro"
	sed -e '/^Ar file/d' -e '/^ \.Pp/d' -e '/^a \\e- b/d' -e '/^Shown as is/d' \
	    -e '/^\.Zz/d' "$tmp/leaky.1" > "$tmp/clean.1"
	out=$(render "$tmp/clean.1")
	[ "$out" != "--stderr--" ] && [ -z "$(printf '%s\n' "$out" | unrendered)" ] &&
	    ok || no "unrendered: a clean test page is reported: $out"
fi

# Every page renders without a warning: as man shows it, at a fixed width
# with every groff warning on, and through mandoc's lint, which is
# stricter still; and shows no markup as text.
for page in man/*.1 man/*.5; do
	if ! command -v groff > /dev/null || ! command -v man > /dev/null; then
		no "groff and man are needed to check $page (make test-deps)"
		break
	fi
	out=$(groff -mandoc -ww -z "$page" 2>&1)
	if [ -z "$out" ]; then ok; else
		no "$page: groff warns"
		printf '%s\n' "$out" | head -5 | sed 's/^/  /'
	fi
	render "$page" > "$tmp/rendered"
	out=$(sed '1,/^--stderr--$/d' "$tmp/rendered")
	if [ -z "$out" ]; then ok; else
		no "$page: man --warnings warns"
		printf '%s\n' "$out" | head -5 | sed 's/^/  /'
	fi
	if [ "$(wc -l < "$tmp/rendered")" -gt 10 ]; then ok; else
		no "$page: man shows next to nothing"
	fi
	raw=$(sed '/^--stderr--$/,$d' "$tmp/rendered" | unrendered)
	if [ -z "$raw" ]; then ok; else
		no "$page: markup shown as text in the rendered page"
		printf '%s\n' "$raw" | head -5 | sed 's/^/  /'
	fi
	if ! command -v mandoc > /dev/null; then
		no "mandoc is needed to check $page (make test-deps)"
	else
		out=$(mandoc -T lint -W warning "$page" 2>&1)
		if [ -z "$out" ]; then ok; else
			no "$page: mandoc -T lint warns"
			printf '%s\n' "$out" | head -5 | sed 's/^/  /'
		fi
	fi
	# Its first lines are those of an mdoc page of its section.
	section=${page##*.}
	name=$(basename "$page" ".$section")
	if grep -qx "\.Dt $(printf '%s' "$name" | tr a-z A-Z) $section" "$page"; then ok; else
		no "$page: .Dt does not name $name in section $section"
	fi
done

# The formats and extensions of kgraph-render(1) are the program's: each
# format that render names is a `.It Cm` of the page's -T list and in
# --help; each extension the page lists gives that format, and every
# extension the program takes is in the page.
kg render -o "$tmp/x.unknown-extension" 2>"$tmp/err" >/dev/null
formats=$(sed -n 's/.*give -T with one of: //p' "$tmp/err" | tr -d ',')
[ -n "$formats" ] && ok || no "render names no formats: $(head -1 "$tmp/err")"
kg render --help >"$tmp/render.help"
for f in $formats; do
	grep -qx "\.It Cm $f" man/kgraph-render.1 && ok || no "kgraph-render.1: the format $f is not in the -T list"
	grep -A2 -e '-T, --format' "$tmp/render.help" | grep -qw "$f" && ok || no "render --help: -T does not name $f"
done
# kgraph.1 names them all where it lists the commands.
sed -n '/^\.Cm render$/,/^\.It Xo$/p' man/kgraph.1 > "$tmp/render.entry"
for f in $formats; do
	grep -qiw "$f" "$tmp/render.entry" && ok || no "kgraph.1: the entry of render does not name the format $f"
done
# Steps come in the formats the program draws them in, and the page's
# and --help's texts of --steps name those and no other.
kg render --view causes --steps -T dot -o "$tmp/steps.dot" 2>"$tmp/err" >/dev/null
stepfmts=$(sed -n 's/.*steps are drawn as \(.*\), not dot.*/\1/p' "$tmp/err" | sed 's/,\| or / /g')
[ -n "$stepfmts" ] && ok || no "render names no formats of steps: $(head -1 "$tmp/err")"
sed -n '/^\.It Fl \\-steps$/,/^\.It /p' man/kgraph-render.1 | sed '$d' > "$tmp/steps.man"
sed -n '/^ *--steps /,/^ *-/p' "$tmp/render.help" | sed '$d' > "$tmp/steps.help"
[ -s "$tmp/steps.man" ] && [ -s "$tmp/steps.help" ] && ok || no "no text of --steps found in kgraph-render.1 or render --help"
for f in $formats; do
	if printf '%s\n' $stepfmts | grep -qxF -- "$f"; then
		grep -qw "$f" "$tmp/steps.man" && ok || no "kgraph-render.1: --steps does not say steps come as $f"
		grep -qw "$f" "$tmp/steps.help" && ok || no "render --help: --steps does not say steps come as $f"
	else
		grep -qw "$f" "$tmp/steps.man" && no "kgraph-render.1: --steps names $f, which steps do not come in" || ok
		grep -qw "$f" "$tmp/steps.help" && no "render --help: --steps names $f, which steps do not come in" || ok
	fi
done
exts=$(sed -n '/^else it follows the extension/,/^else it is svg/p' man/kgraph-render.1 |
	sed -n 's/^\.Pa \(\.[a-z]*\).*/\1/p')
[ -n "$exts" ] && ok || no "kgraph-render.1 lists no extensions"
for e in $exts; do
	rm -f "$tmp/x$e"
	if kg render --view causes -o "$tmp/x$e" 2>/dev/null && [ -s "$tmp/x$e" ]; then ok; else
		no "kgraph-render.1 lists $e, which render does not write"
	fi
done
for e in .svg .pdf .png .dot .gv .json .html .htm; do
	if kg render --view causes -o "$tmp/y$e" 2>/dev/null; then
		printf '%s\n' $exts | grep -qxF -- "$e" && ok || no "kgraph-render.1 does not list $e, which render writes"
	fi
done

echo "man: $passed passed, $failed failed"
[ "$failed" = 0 ]
