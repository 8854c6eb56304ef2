#!/usr/bin/env bash
# The manual pages against the program: every option that `kgraph CMD
# --help` prints is documented in man/kgraph-CMD.1 (an `.It Fl ...` entry),
# and every option documented there is one that --help prints; every
# command of `kgraph --help` has its page and its entry in kgraph.1; and
# every page renders without a warning. Ends with "man: N passed, N failed".
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

# Every page renders without a warning (groff's -ww turns them all on);
# mandoc's lint, where it is installed, is stricter still.
for page in man/*.1; do
	if ! command -v groff > /dev/null; then
		no "groff is needed to check $page (make deps)"
		break
	fi
	out=$(groff -mandoc -ww -z "$page" 2>&1)
	if [ -z "$out" ]; then ok; else
		no "$page: groff warns"
		printf '%s\n' "$out" | head -5 | sed 's/^/  /'
	fi
	if command -v mandoc > /dev/null; then
		out=$(mandoc -T lint -W warning "$page" 2>&1)
		if [ -z "$out" ]; then ok; else
			no "$page: mandoc -T lint warns"
			printf '%s\n' "$out" | head -5 | sed 's/^/  /'
		fi
	fi
	# Its first lines are those of an mdoc page of section 1.
	name=$(basename "$page" .1)
	if grep -qx "\.Dt $(printf '%s' "$name" | tr a-z A-Z) 1" "$page"; then ok; else
		no "$page: .Dt does not name $name in section 1"
	fi
done

echo "man: $passed passed, $failed failed"
[ "$failed" = 0 ]
