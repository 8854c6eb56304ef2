#!/usr/bin/env bash
# kgraph's benchmarks: each measurement runs BENCH_RUNS times (at least 5
# for the numbers the README quotes), alternating with its baseline in the
# same loop so that both see the same load on the machine, and reports the
# medians, their ratio and the peak memory (RSS) of each.
#
#   check   kgraph check MODEL        vs  bench/yamlparse MODEL (libyaml)
#   build   kgraph render -T dot      time per item (no baseline)
#   render  kgraph render -T svg      vs  dot -Tsvg on kgraph's own dot
#   steps   kgraph render --steps     vs  one render of the same view
#   formats kgraph render --all -T svg,pdf  vs  --all -T svg, then -T pdf
#   placement  the timeline's placement of 50,000 items  vs  of 5,000
#           (bench/placement, in one process: 10 is linear)
#
# Run from the top folder by `make bench`; BENCH_SIZES and BENCH_RUNS
# choose the model sizes of check and build, and the number of runs. The
# table goes to standard output and to build/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-10000 100000 1000000}
RUNS=${BENCH_RUNS:-5}
# A build run that takes longer than this is stopped and reported as such,
# so that a slow machine still finishes the table (a model of 1,000,000
# items takes about 45 s here).
TIMEOUT=${BENCH_TIMEOUT:-120}
KGRAPH=${KGRAPH:-./kgraph}
OUT=build/bench
MODELS=$OUT/models
TMP=$OUT/tmp
mkdir -p "$MODELS" "$TMP"

# One run of a command: its wall time (s), CPU time (user and system, s)
# and peak RSS (kB), appended to the files $1.time, $1.cpu and $1.rss. Output is discarded; a failure stops the
# benchmark, since a timing of a failed run means nothing. A run stopped
# after TIMEOUT seconds sets TIMED_OUT.
run_once() {
	local tag=$1 t0 t1 status=0
	shift
	t0=$EPOCHREALTIME
	/usr/bin/time -f '%M %U %S' -o "$TMP/rss" timeout "$TIMEOUT" "$@" \
	    >/dev/null 2>"$TMP/err" || status=$?
	if [ "$status" = 124 ]; then
		TIMED_OUT=1
		return
	elif [ "$status" != 0 ]; then
		echo "bench: failed: $*" >&2
		cat "$TMP/err" >&2
		exit 1
	fi
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' \
	    >>"$TMP/$tag.time"
	tail -n 1 "$TMP/rss" | awk '{ print $1 }' >>"$TMP/$tag.rss"
	tail -n 1 "$TMP/rss" | awk '{ print $2 + $3 }' >>"$TMP/$tag.cpu"
}

median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure A_CMD... -- B_CMD...: alternates A and B, RUNS times each, and
# four times as often when A takes less than a fifth of a second, where a
# millisecond of the machine's other work is a large part of a run; sets
# A_T, B_T (median seconds), A_C, B_C (median CPU seconds) and A_M, B_M
# (median peak RSS in MB), or TIMED_OUT if a run was stopped.
measure() {
	local a=() b=() i runs=$RUNS
	while [ "$1" != "--" ]; do a+=("$1"); shift; done
	shift
	b=("$@")
	rm -f "$TMP"/a.* "$TMP"/b.*
	TIMED_OUT=
	for ((i = 0; i < runs && !TIMED_OUT; i++)); do
		run_once a "${a[@]}"
		if [ ${#b[@]} -gt 0 ]; then
			run_once b "${b[@]}"
		fi
		if [ $((i + 1)) = "$RUNS" ] && awk -v t="$(median "$TMP/a.time")" \
		    'BEGIN { exit !(t < 0.2) }'; then
			runs=$((RUNS * 4))
		fi
	done
	if [ -n "$TIMED_OUT" ]; then
		return
	fi
	A_T=$(median "$TMP/a.time")
	A_C=$(median "$TMP/a.cpu")
	A_M=$(awk '{ printf "%.1f\n", $1 / 1024 }' "$TMP/a.rss" | sort -g |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	if [ ${#b[@]} -gt 0 ]; then
		B_T=$(median "$TMP/b.time")
		B_C=$(median "$TMP/b.cpu")
		B_M=$(awk '{ printf "%.1f\n", $1 / 1024 }' "$TMP/b.rss" |
		    sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
	fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# CPU times come in hundredths of a second: too coarse under 0.1 s.
cpu_ratio() {
	awk -v a="$A_C" -v b="$B_C" 'BEGIN {
		if (b < 0.1) print "-"; else printf "%.2f", a / b }'
}
secs() { awk -v a="$1" 'BEGIN { printf (a < 10 ? "%.3f" : "%.1f"), a }'; }

model() {       # model N [PHASES]: the path of a generated model
	local f=$MODELS/m$1${2:+-p$2}.yaml
	if [ ! -s "$f" ] || [ "$f" -ot "$OUT/genmodel" ]; then
		"$OUT/genmodel" ${2:+-p "$2"} "$1" >"$f.part" && mv "$f.part" "$f"
	fi
	echo "$f"
}

table=$TMP/table.md
: >"$table"
row() { printf '%s\n' "$*" | tee -a "$table"; }
say() { printf '%s\n' "$*" >&2; }

row "| measurement | kgraph | baseline | ratio | CPU ratio | kgraph RSS | baseline RSS | RSS ratio |"
row "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

# check: against a bare libyaml parse of the same file.
declare -A check_t base_t
for n in $SIZES; do
	f=$(model "$n")
	"$KGRAPH" check "$f" 2>"$TMP/check.err" ||
	    { echo "bench: $f does not check:" >&2; cat "$TMP/check.err" >&2; exit 1; }
	if [ -s "$TMP/check.err" ]; then
		say "bench: kgraph check $f printed:"; head -5 "$TMP/check.err" >&2
	fi
	say "check: $n items ($(du -h "$f" | cut -f1))"
	measure "$KGRAPH" check "$f" -- "$OUT/yamlparse" "$f"
	check_t[$n]=$A_T
	base_t[$n]=$B_T
	row "| check, $n items | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"
done

# build: the graph of the whole model, written as dot before layout.
for n in $SIZES; do
	f=$(model "$n")
	say "build: $n items"
	measure "$KGRAPH" render "$f" -T dot -o "$TMP/build.dot" --
	if [ -n "$TIMED_OUT" ]; then
		row "| build (render -T dot), $n items | > $TIMEOUT s (stopped) | | | | | | |"
		continue
	fi
	per=$(awk -v t="$A_T" -v n="$n" 'BEGIN { printf "%.1f", t / n * 1e6 }')
	row "| build (render -T dot), $n items | $(secs "$A_T") s | $per µs/item | | | $A_M MB | | |"
done

# render: kgraph's whole run against dot alone on the graph kgraph built.
render_row() {  # render_row LABEL MODEL_ARGS...
	local label=$1
	shift
	"$KGRAPH" render "$@" -T dot -o "$TMP/view.dot"
	nodes=$(gc -n "$TMP/view.dot" | awk '{ print $1 }')
	say "render: $label ($nodes nodes)"
	measure "$KGRAPH" render "$@" -T svg -o "$TMP/view.svg" -- \
	    dot -Tsvg "$TMP/view.dot" -o "$TMP/dot.svg"
	if [ -n "$TIMED_OUT" ]; then
		row "| render svg, $label, $nodes nodes | > $TIMEOUT s (stopped) | | | | | | |"
		return
	fi
	row "| render svg, $label, $nodes nodes | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"
}
for n in 200 500; do
	render_row "overview of $n items" "$(model "$n")"
done
for v in overview causes timeline stances; do
	render_row "Korea, $v" --view "$v"
done

# steps: one file per phase against one render of the same view.
steps_row() {   # steps_row LABEL MODEL_ARGS...
	local label=$1
	shift
	say "steps: $label"
	rm -f "$TMP"/steps-*.svg
	measure "$KGRAPH" render "$@" --steps -o "$TMP/steps.svg" -- \
	    "$KGRAPH" render "$@" -o "$TMP/one.svg"
	files=$(ls "$TMP"/steps-*.svg | wc -l)
	row "| steps, $label, $files steps | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"
}
s4=$(model 300 4)
steps_row "overview of 300 items" "$s4"
steps_row "timeline of 300 items" "$s4" --view timeline
steps_row "Korea, overview" --view overview

# Several formats from one layout: --all -T svg,pdf against the two runs
# of one format each, which lay every view out twice.
say "formats: --all -T svg,pdf"
measure "$KGRAPH" render --all -T svg,pdf -o "$TMP/both" -- sh -c \
    "'$KGRAPH' render --all -T svg -o '$TMP/each' && '$KGRAPH' render --all -T pdf -o '$TMP/each'"
row "| render --all -T svg,pdf, Korea (against --all -T svg, then -T pdf) | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"

# Walks and suggestions on hostile models of 100,000 items, each against
# the same model or command without what made it costly: a reversed
# chain of undated events with --phase 1 (each is pulled in by the
# next), --focus with --depth 9999 against --depth 1, and 100,000
# mistyped references among 20,000 actors against the same model spelt
# right.
walk_model() {  # walk_model NAME: writes $MODELS/NAME.yaml once
	local f=$MODELS/$1.yaml
	[ -s "$f" ] || /usr/bin/python3 - "$1" >"$f.part" <<'PYEOF' && mv "$f.part" "$f"
import sys
w, n = sys.stdout.write, 100000
if sys.argv[1] == "chain":
    w("kgraph: 1\ntitle: Chain\nphases:\n  - { id: p1, title: One, from: 1900, to: 1900 }\n"
      "  - { id: p2, title: Two, from: 1901, to: 1901 }\nevents:\n"
      "  - { id: e0, title: E0, date: 1900-06-01 }\n")
    for i in range(1, n): w("  - { id: e%d, title: E%d }\n" % (i, i))
    w("links:\n")
    for i in range(n - 1, 0, -1): w("  - { from: e%d, to: e%d, type: leads-to }\n" % (i, i - 1))
else:
    typo = "actr" if sys.argv[1] == "typos" else "actor"
    w("kgraph: 1\ntitle: Typos\nsources:\n  - { id: s, cite: S }\nactors:\n")
    for i in range(20000): w("  - { id: actor-%05d, name: Actor %d }\n" % (i, i))
    w("events:\n")
    for i in range(n): w("  - { id: e%d, title: E%d, actors: %s-%05d, sources: s }\n" % (i, i, typo, 19999 - i % 20000))
PYEOF
	echo "$f"
}
chain=$(walk_model chain)
say "walks: a reversed chain of 100,000 undated events"
measure "$KGRAPH" export -q "$chain" --phase 1 -o /dev/null -- "$KGRAPH" export -q "$chain" -o /dev/null
row "| select --phase 1, reversed chain of 100,000 undated events (against no filter) | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"
measure "$KGRAPH" export -q "$chain" --focus e0 --depth 9999 -o /dev/null -- "$KGRAPH" export -q "$chain" --focus e0 --depth 1 -o /dev/null
row "| select --focus --depth 9999, chain of 100,000 (against --depth 1) | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"
typos=$(walk_model typos)
spelt=$(walk_model spelt)
say "suggestions: 100,000 mistyped references among 20,000 actors"
measure sh -c "'$KGRAPH' check -q '$typos' 2>/dev/null; true" -- "$KGRAPH" check -q "$spelt"
row "| check, 100,000 mistyped references among 20,000 actors (against spelt right) | $(secs "$A_T") s | $(secs "$B_T") s | $(ratio "$A_T" "$B_T") | $(cpu_ratio) | $A_M MB | $B_M MB | $(ratio "$A_M" "$B_M") |"

# placement: the timeline's own placement, without Graphviz, at two
# sizes in one process.
say "placement: 5000 and 50000 items"
read -r pn pt pn10 pt10 pr < <("$OUT/placement" 5000 "$RUNS")
row "| timeline placement, $pn10 items against $pn | $(secs "$pt10") s | $(secs "$pt") s | $pr | - | | | |"

# Growth of check's time per tenfold size: 10 is linear.
growth=""
prev=""
for n in $SIZES; do
	if [ -n "$prev" ]; then
		growth="$growth
| check, $prev to $n items | $(ratio "${check_t[$n]}" "${check_t[$prev]}") | $(ratio "${base_t[$n]}" "${base_t[$prev]}") |"
	fi
	prev=$n
done

{
	echo "kgraph $("$KGRAPH" --version | head -n 1 | awk '{ print $2 }'),"\
	    "$(date -u +%Y-%m-%d), $(nproc) cores," \
	    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
	    "medians of $RUNS runs, alternating with the baseline."
	echo
	cat "$table"
	if [ -n "$growth" ]; then
		echo
		echo "| growth per tenfold size | kgraph | libyaml |"
		echo "| --- | ---: | ---: |"
		echo "${growth#?}"
	fi
} >"$OUT/results.md"
echo
cat "$OUT/results.md"
echo
echo "written to $OUT/results.md"
