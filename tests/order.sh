#!/usr/bin/env bash
# Date order in the views that draw time along their rank axis (overview
# and causes) and in the timeline (left to right): in every model of
# models/ and of the tests that checks clean, whole and by phase, in the
# view's own direction and in each of the four (the timeline in its
# own, whatever --direction says), an event or decision that ends before
# another begins is drawn before it along the rank axis, and no two
# nodes overlap (tests/render/order.py on the SVG). Ends with "order: N
# passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
PY=/usr/bin/python3

# check NAME SVG JSON DIRECTION: the lines of order.py, counted.
check() {
	local name=$1 n=0 rc line
	shift
	"$PY" "$top/tests/render/order.py" "$@" >"$tmp/py" 2>&1
	rc=$?
	while IFS= read -r line; do
		case "$line" in
		ok) ok; n=$((n + 1)) ;;
		FAIL*) no "$name: ${line#FAIL }"; n=$((n + 1)) ;;
		pairs*) echo "$name: $line" >>"$tmp/counts" ;;
		esac
	done <"$tmp/py"
	if [ "$rc" != 0 ] || [ "$n" = 0 ]; then
		no "$name: order.py failed (exit $rc)"
		tail -3 "$tmp/py" | sed 's/^/  /'
	fi
}

# run NAME MODEL DIRECTION OPTIONS...: renders the SVG and the selection
# of one command line and checks them.
run() {
	local name=$1 model=$2 dir=$3
	shift 3
	if ! kg render "$model" "$@" -o "$tmp/v.svg" 2>"$tmp/err" ||
		! kg render "$model" "$@" -T json -o "$tmp/v.json" 2>"$tmp/err"; then
		no "$name: render fails: $(head -1 "$tmp/err")"
		return
	fi
	check "$name" "$tmp/v.svg" "$tmp/v.json" "$dir"
}

: >"$tmp/counts"
for model in models/*.yaml tests/golden/*.yaml tests/render/*.yaml tests/schema/valid/*.yaml; do
	# A model with errors is another test's business.
	kg check "$model" >/dev/null 2>&1 || continue
	kg export "$model" >"$tmp/model.json" 2>/dev/null
	phases=$("$PY" -c 'import json, sys; print(len(json.load(open(sys.argv[1])).get("phases") or []))' "$tmp/model.json")
	m=$(basename "$model" .yaml)
	for view in overview causes; do
		kg render "$model" --view "$view" -T dot -o "$tmp/v.dot" 2>/dev/null
		own=$(gvpr 'BEG_G { print($G.rankdir); }' "$tmp/v.dot" 2>/dev/null)
		run "$m $view" "$model" "${own:-TB}" --view "$view"
		for p in 1 2; do
			[ "$phases" -ge "$p" ] || continue
			run "$m $view --phase $p" "$model" "${own:-TB}" --view "$view" --phase "$p"
		done
		for dir in TB LR BT RL; do
			[ "$dir" = "${own:-TB}" ] && continue
			run "$m $view --direction $dir" "$model" "$dir" --view "$view" --direction "$dir"
		done
	done
	# The timeline runs left to right, whatever the direction.
	run "$m timeline" "$model" LR --view timeline
	for p in 1 2; do
		[ "$phases" -ge "$p" ] || continue
		run "$m timeline --phase $p" "$model" LR --view timeline --phase "$p"
	done
	run "$m timeline --direction TB" "$model" LR --view timeline --direction TB
done
[ -n "${KGRAPH_ORDER_COUNTS:-}" ] && cat "$tmp/counts"

echo "order: $passed passed, $failed failed"
[ "$failed" = 0 ]
