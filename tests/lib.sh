# Shared by the test scripts (cli, render, html, hostile...), which source it from the
# repository's top folder: the program under test (KGRAPH, optionally
# behind KGRAPH_WRAP), a temporary folder, the counters, and the checks.
set -u
top=$PWD
KG="${KGRAPH:-./kgraph}"
case "$KG" in /*) ;; *) KG="$top/${KG#./}" ;; esac
WRAP="${KGRAPH_WRAP:-}"
kg() { $WRAP "$KG" "$@"; }
korea="$top/models/korea-1949-1950.yaml"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
no() { failed=$((failed + 1)); echo "FAIL: $1"; }

# expect STATUS NAME -- COMMAND...: runs COMMAND with stdout and stderr in
# $tmp/out and $tmp/err and checks its exit status.
expect() {
	local want=$1 name=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	local rc=$?
	if [ "$rc" = "$want" ]; then
		ok
		return 0
	fi
	no "$name: exit $rc, expected $want"
	head -3 "$tmp/err" | sed 's/^/  /'
	return 1
}
# has FILE TEXT NAME: FILE contains TEXT (fixed string).
has() {
	if grep -qF -- "$2" "$1"; then ok; else no "$3: no '$2' in $1"; head -5 "$1" | cut -c1-200 | sed 's/^/  /'; fi
}
hasnt() {
	if grep -qF -- "$2" "$1"; then no "$3: unexpected '$2'"; else ok; fi
}
# memlimit KB: limits the memory of the (sub)shell, except under
# AddressSanitizer, which reserves terabytes of address space.
asan=false
grep -q __asan_init "$KG" 2>/dev/null && asan=true
memlimit() { $asan || ulimit -v "$1"; }
# absent PATH NAME: nothing was created at PATH.
absent() {
	if [ -e "$1" ]; then no "$2: $1 was created"; else ok; fi
}
