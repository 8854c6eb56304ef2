#!/usr/bin/env bash
# The bash completion (completion/kgraph.bash): sourced, its function is
# called with COMP_WORDS and COMP_CWORD set as bash sets them, and
# COMPREPLY is compared with what it must offer. Ends with
# "completion: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
small="$top/tests/golden/small.yaml"
# shellcheck source=../completion/kgraph.bash
. completion/kgraph.bash

# complete WORD...: completes the last WORD of `WORD...` (the first word
# is the program), from the folder $tmp/work, which has no kgraph.yaml;
# sets $got to the offers, space-separated, in order.
mkdir -p "$tmp/work"
complete_words() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	got=$(cd "$tmp/work" && _kgraph && printf '%s\n' "${COMPREPLY[*]}")
}
# offers NAME WANT WORD...: the offers for WORD... are exactly WANT.
offers() {
	local name=$1 want=$2
	shift 2
	complete_words "$@"
	if [ "$got" = "$want" ]; then ok; else
		no "$name: offered '$got', expected '$want'"
	fi
}
# sorted NAME WANT WORD...: the same, in any order.
sorted() {
	local name=$1 want=$2
	shift 2
	complete_words "$@"
	got=$(tr ' ' '\n' <<< "$got" | sort | tr '\n' ' ')
	want=$(tr ' ' '\n' <<< "$want" | sort | tr '\n' ' ')
	if [ "$got" = "$want" ]; then ok; else
		no "$name: offered '$got', expected '$want'"
	fi
}

# --- commands and options
offers commands "render deck check list export schema init" "$KG" ""
offers command-prefix "check" "$KG" ch
offers top-options "-h --help --version" "$KG" -
offers render-th "--theme" "$KG" render --th
offers render-no "--no-title --no-legend --no-citations" "$KG" render --no
offers export-no-theme "" "$KG" export --th
offers check-options "-q --quiet --color --strict -h --help" "$KG" check -
offers unknown-command "" "$KG" draw --th

# Every option of each command's --help is offered.
for c in render deck check list export schema init; do
	kg "$c" --help > "$tmp/help" 2>&1
	complete_words "$KG" "$c" -
	opts=$(sed -n 's/^ \{1,6\}\(-[^ ].*\)$/\1/p' "$tmp/help" | sed 's/   .*//' |
		tr ' ' '\n' | sed 's/,$//' | grep -E '^--?[A-Za-z0-9][A-Za-z0-9-]*$')
	if [ -z "$opts" ]; then no "$c: no options found in its --help"; fi
	for o in $opts; do
		case " $got " in
		*" $o "*) ok ;;
		*) no "$c: '$o' of --help is not offered" ;;
		esac
	done
done

# --- fixed values
offers theme "light dark print contrast" "$KG" render --theme ""
offers theme-d "dark" "$KG" render --theme d
offers theme-equals "dark" "$KG" render --theme = d
offers theme-equals-empty "light dark print contrast" "$KG" render --theme =
offers theme-one-word "--theme=dark" "$KG" render --theme=d
offers format "svg pdf png dot json html" "$KG" render -T ""
offers format-long "pdf png" "$KG" render --format p
offers export-format "json dot" "$KG" export -T ""
offers reveal "hide dim" "$KG" render --steps --reveal ""
offers direction "TB LR BT RL" "$KG" render --direction ""
offers evidence "inferred reported documented" "$KG" export --evidence ""
offers color "auto always never" "$KG" check --color ""
offers kind-list "event,cause event,condition event,conclusion" "$KG" render --kind event,c
offers since-nothing "" "$KG" render --since ""

# --- ids of the built-in model (no model named, no ./kgraph.yaml)
offers views "overview causes arguments timeline stances actors road-to-war who-wanted-war stalin-changes-mind kim-vs-stalin politburo-says-no mao-kept-out fear-of-the-south the-documents lecture" \
	"$KG" render --view ""
offers views-s "stances stalin-changes-mind" "$KG" render --view s
offers export-views "road-to-war" "$KG" export --view road
offers phases "1 fear 2 pressure 3 blessing" "$KG" render --phase ""
offers phase-range "1..pressure" "$KG" render --phase 1..p
offers phase-list "fear,2" "$KG" export --phase fear,2
offers groups "ussr dprk rok prc" "$KG" render --group ""
offers questions "unify-by-force" "$KG" render --view stances --question ""
offers actor-list "kim,shtykov kim,shtemenko" "$KG" render --actor kim,sht
offers focus "stalin-approves" "$KG" render --focus stalin-ap

# --- the model named on the command line; options' values are not models
offers model-actors "chair assembly crowd nobody" "$KG" render "$small" --actor ""
offers model-after-o "chair assembly crowd nobody" "$KG" render -o x.yaml "$small" --actor ""
offers model-after-view-equals "chair assembly crowd nobody" "$KG" render --view = the-vote "$small" --actor ""
offers model-phases "1 debate 2 vote 3 after" "$KG" export "$small" --phase ""
offers model-views "overview causes arguments timeline stances actors the-vote street-view" \
	"$KG" render "$small" --view ""
offers model-missing "1 fear 2 pressure 3 blessing" "$KG" render nonexistent.yaml --phase ""
offers model-stdin "1 fear 2 pressure 3 blessing" "$KG" render - --phase ""
# ./kgraph.yaml is the model when none is named: kgraph list finds it.
cp "$small" "$tmp/work/kgraph.yaml"
offers model-local "chair assembly crowd nobody" "$KG" render --actor ""
rm "$tmp/work/kgraph.yaml"

# --- file names
mkdir -p "$tmp/work/lectures"
: > "$tmp/work/week5.yaml"
: > "$tmp/work/week6.yml"
: > "$tmp/work/notes.txt"
sorted model-files "lectures week5.yaml week6.yml" "$KG" check ""
sorted model-files-w "week5.yaml week6.yml" "$KG" render w
offers after-model "" "$KG" render week5.yaml ""
sorted output-files "lectures notes.txt week5.yaml week6.yml" "$KG" render -o ""
sorted list-first "lectures week5.yaml week6.yml views phases actors groups questions events decisions causes sources" \
	"$KG" list ""
offers list-what "phases" "$KG" list week5.yaml ph
offers list-what-p "phases" "$KG" list "$small" p
offers list-after-what "" "$KG" list views ""

# --- kgraph list with its fields separated by TABs, as when piped: a
# stand-in program prints such rows, titles with spaces in them.
cat > "$tmp/kgraph-tabs" <<'EOF'
#!/bin/sh
printf 'model: x.yaml: A model\n'
for a; do
	case $a in
	phases) printf '1\tfear\tStalin fears an attack\t1947\tAug 1949\n2\tpressure\tKim insists\tMar 1949\tJan 1950\n' ;;
	views) printf 'overview\t(built in)\nroad-to-war\tThe road to war\n' ;;
	actors) printf 'stalin\tJoseph Stalin\nkim\tKim Il Sung (김일성)\n' ;;
	esac
done
EOF
chmod +x "$tmp/kgraph-tabs"
offers tabs-phases "1 fear 2 pressure" "$tmp/kgraph-tabs" render --phase ""
offers tabs-views "overview road-to-war" "$tmp/kgraph-tabs" render --view ""
offers tabs-actors "stalin kim" "$tmp/kgraph-tabs" export --actor ""

echo "completion: $passed passed, $failed failed"
[ "$failed" = 0 ]
