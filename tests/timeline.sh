#!/usr/bin/env bash
# The timeline's geometry: in every model of models/ and of the tests that
# checks clean, whole and by phase, and with each kind of lanes, the axis's
# ticks run in date order, every dated item stands at its dates on the
# axis, an item between two phases in the gap between their bands, no two
# items meet, every item lies in one lane, and the undated come after the
# axis (tests/render/timeline.py on the SVG). Then a long empty stretch is
# cut out of the axis, and a day drawn by the hour is not. Ends with
# "timeline: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3

# run NAME MODEL OPTIONS...: renders the SVG and the selection of one
# command line and checks them.
run() {
	local name=$1 model=$2 n=0 rc line
	shift 2
	if ! kg render "$model" --view timeline "$@" -o "$tmp/v.svg" 2>"$tmp/err" ||
		! kg render "$model" --view timeline "$@" -T json -o "$tmp/v.json" 2>"$tmp/err"; then
		no "$name: render fails: $(head -1 "$tmp/err")"
		return
	fi
	"$PY" "$top/tests/render/timeline.py" "$tmp/v.svg" "$tmp/v.json" >"$tmp/py" 2>&1
	rc=$?
	while IFS= read -r line; do
		case "$line" in
		ok*) ok; n=$((n + 1)) ;;
		FAIL*) no "$name: ${line#FAIL }"; n=$((n + 1)) ;;
		esac
	done <"$tmp/py"
	if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
		no "$name: timeline.py failed (exit $rc)"
		tail -3 "$tmp/py" | sed 's/^/  /'
	fi
}

for model in models/*.yaml tests/golden/*.yaml tests/render/*.yaml tests/schema/valid/*.yaml; do
	# A model with errors is another test's business.
	kg check "$model" >/dev/null 2>&1 || continue
	kg export "$model" >"$tmp/model.json" 2>/dev/null
	phases=$("$PY" -c 'import json, sys; print(len(json.load(open(sys.argv[1])).get("phases") or []))' "$tmp/model.json")
	m=$(basename "$model" .yaml)
	run "$m" "$model"
	for p in 1 2; do
		[ "$phases" -ge "$p" ] && run "$m --phase $p" "$model" --phase "$p"
	done
	for lanes in actor none; do
		run "$m --lanes $lanes" "$model" --lanes "$lanes"
	done
done

# breaks NAME MODEL LEAST MOST: the number of cuts in the axis.
breaks() {
	local n
	kg render "$2" --view timeline -o "$tmp/b.svg" 2>/dev/null
	n=$(grep -c 'class="node axis&#45;break"' "$tmp/b.svg")
	if [ "$n" -ge "$3" ] && [ "$n" -le "$4" ]; then ok; else no "$1: $n breaks in the axis, expected $3 to $4"; fi
}
# Twenty-five empty years, with one letter in the middle: cut on both sides.
breaks "long empty stretch" tests/render/gap.yaml 2 2
# Two days by the hour: nothing to cut. A council of four months whose
# last phase has an empty month: that month.
breaks "a day by the hour" tests/golden/times.yaml 0 0
breaks "an empty last month" tests/golden/small.yaml 1 1
# The break says what it leaves out.
kg render tests/render/gap.yaml --view timeline -o "$tmp/b.svg" 2>/dev/null
has "$tmp/b.svg" "nothing starts or ends; the axis is shortened here" "break tooltip"
# An axis with offsets is in UTC, and says so once.
kg render tests/golden/times.yaml --view timeline -o "$tmp/t.svg" 2>/dev/null
has "$tmp/t.svg" "27 Oct, 00:00 UTC" "UTC on the first tick"
has "$tmp/t.svg" "1962&#45;10&#45;27T06:00Z" "tick tooltip in UTC"

echo "timeline: $passed passed, $failed failed"
[ "$failed" = 0 ]
