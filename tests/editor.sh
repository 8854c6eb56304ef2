#!/usr/bin/env bash
# Editor support: what an editor with yaml-language-server shows for a
# model whose first line names the schema that `kgraph schema -o` wrote.
# A mistake is reported at its own line, correct models get no
# diagnostic, the modeline may name the schema by an absolute or a
# relative path, and completion inside an event offers the event's keys.
#
# yaml-language-server (pinned below) comes from the npm registry into
# build/yls/, installed here when it is missing (`make editor-deps`, or
# `bash tests/editor.sh --install`, does only that) and driven by
# tests/editor/lsp.py. Without node, npm or the registry, the same models
# go through the schema's Python validator instead (tests/editor/lines.py,
# which puts each error at its YAML line as the server does), and a
# "note:" line says so; KGRAPH_EDITOR=python chooses that validator.
# Ends with "editor: N passed, N failed".
cd "$(dirname "$0")/.."
YLS_VERSION=1.25.0
yls_dir=build/yls
yls="$yls_dir/node_modules/yaml-language-server/bin/yaml-language-server"
yls_pkg="$yls_dir/node_modules/yaml-language-server/package.json"
PY=/usr/bin/python3

# The installed version, or nothing.
yls_installed() {
	[ -f "$yls" ] && [ -f "$yls_pkg" ] &&
		"$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$yls_pkg" 2>/dev/null
}
# Installs the pinned version into build/yls/ unless it is there; quiet,
# and given up after three minutes. The reason it could not is in $why.
why=
install_yls() {
	[ "$(yls_installed)" = "$YLS_VERSION" ] && return 0
	if ! command -v node > /dev/null 2>&1; then why="node is not installed"; return 1; fi
	if ! command -v npm > /dev/null 2>&1; then why="npm is not installed"; return 1; fi
	mkdir -p "$yls_dir"
	if ! timeout 180 npm install --prefix "$yls_dir" --no-audit --no-fund \
		--no-update-notifier --loglevel=error --fetch-retries=1 \
		--fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=5000 \
		"yaml-language-server@$YLS_VERSION" > "$yls_dir/npm.log" 2>&1; then
		why="npm install yaml-language-server@$YLS_VERSION failed (see $yls_dir/npm.log)"
		return 1
	fi
	[ "$(yls_installed)" = "$YLS_VERSION" ] && return 0
	why="npm did not install yaml-language-server@$YLS_VERSION"
	return 1
}

if [ "${1:-}" = --install ]; then
	if install_yls; then
		echo "yaml-language-server $YLS_VERSION is in $yls_dir/"
		exit 0
	fi
	echo "editor: $why" >&2
	exit 1
fi

. tests/lib.sh

mode=yls
if [ "${KGRAPH_EDITOR:-}" = python ]; then
	mode=python
	echo "note: KGRAPH_EDITOR=python: models checked by tests/editor/lines.py (the schema's Python validator), not by yaml-language-server"
elif install_yls; then
	echo "note: models checked by yaml-language-server $YLS_VERSION (node $(node --version)) through tests/editor/lsp.py"
else
	mode=python
	echo "note: $why; models checked by tests/editor/lines.py (the schema's Python validator) instead of yaml-language-server"
fi

schema="$tmp/kgraph.schema.json"
expect 0 schema-o -- kg schema -o "$schema"

# diagnose FILE [LSP OPTIONS]: the editor's diagnostics, "LINE:COL: MESSAGE",
# in $tmp/diag.
diagnose() {
	local file=$1
	shift
	if [ "$mode" = yls ]; then
		"$PY" tests/editor/lsp.py --server "$yls" "$@" "$file" > "$tmp/diag" 2> "$tmp/diag.err"
	else
		"$PY" tests/editor/lines.py "$schema" "$file" > "$tmp/diag" 2> "$tmp/diag.err"
	fi
	local rc=$?
	if [ "$rc" != 0 ]; then
		no "$(basename "$file"): the validator exited $rc"
		head -5 "$tmp/diag.err" | sed 's/^/  /'
		return 1
	fi
	return 0
}
# at LINE REGEX NAME: a diagnostic at LINE whose "COL: MESSAGE" matches REGEX.
at() {
	if grep -Eq "^$1:$2" "$tmp/diag"; then ok; else
		no "$3: no diagnostic at line $1 matching '$2'"
		sed 's/^/  /' "$tmp/diag" | head -10
	fi
}
# lines WANT NAME: the diagnostics are at exactly these lines.
lines() {
	local got
	got=$(cut -d: -f1 "$tmp/diag" | sort -n | uniq | tr '\n' ' ')
	if [ "$got" = "$1" ]; then ok; else
		no "$2: diagnostics at lines '$got', expected '$1'"
		sed 's/^/  /' "$tmp/diag" | head -10
	fi
}
# clean NAME: no diagnostic at all.
clean() {
	if [ ! -s "$tmp/diag" ]; then ok; else
		no "$1: unexpected diagnostics"
		sed 's/^/  /' "$tmp/diag" | head -10
	fi
}
# modeline FILE PATH: FILE with its first line naming PATH as its schema,
# in place of a modeline it had or before its first line.
modeline() {
	local f=$1 path=$2 body
	body=$(cat "$f")
	case "$body" in
	"# yaml-language-server:"*) body=$(sed 1d "$f") ;;
	esac
	printf '# yaml-language-server: $schema=%s\n%s\n' "$path" "$body"
}

# A model with three mistakes on known lines: the event's title misspelt
# (an unknown key on line 9, which also leaves the event without a title,
# reported at its first key, line 7) and an evidence level that is not
# one of the three (line 11, at the value).
cat > "$tmp/mistake.yaml" <<EOF
# yaml-language-server: \$schema=$schema
kgraph: 1
title: A council
actors:
  - { id: chair, name: The Chair }
events:
  - id: motion
    date: 1900-01-10
    tittle: A motion is tabled
    actors: chair
    evidence: certain
EOF
if diagnose "$tmp/mistake.yaml"; then
	at 9 '5: Property tittle is not allowed' mistake-unknown-key
	at 7 '5: Missing property "title"' mistake-missing-title
	at 11 '15: .*documented.*reported.*inferred' mistake-enum
	lines "7 9 11 " mistake-lines
	cp "$tmp/diag" "$tmp/mistake.diag"
fi
# The modeline that `kgraph init` writes when kgraph is not installed
# names kgraph.schema.json beside the model: a relative path.
mkdir -p "$tmp/rel"
cp "$schema" "$tmp/rel/kgraph.schema.json"
modeline "$tmp/mistake.yaml" kgraph.schema.json > "$tmp/rel/mistake.yaml"
if diagnose "$tmp/rel/mistake.yaml"; then
	if cmp -s "$tmp/diag" "$tmp/mistake.diag"; then ok; else
		no "relative modeline: not the diagnostics of the absolute one"
		diff "$tmp/mistake.diag" "$tmp/diag" | head -10 | sed 's/^/  /'
	fi
fi

# Without a modeline, the editor's setting yaml.schemas maps file names
# to the schema: *.kgraph.yaml, and no other file.
if [ "$mode" = yls ]; then
	sed 1d "$tmp/mistake.yaml" > "$tmp/rel/council.kgraph.yaml"
	if diagnose "$tmp/rel/council.kgraph.yaml" --schema "$schema=*.kgraph.yaml"; then
		at 8 '5: Property tittle is not allowed' settings-glob
	fi
	sed 1d "$tmp/mistake.yaml" > "$tmp/rel/council.yaml"
	diagnose "$tmp/rel/council.yaml" --schema "$schema=*.kgraph.yaml" && clean settings-glob-other-file
fi

# Correct models get no diagnostic: the built-in model, the July Crisis
# model, the golden tests' small model, and the starter model of
# `kgraph init`. The first three have decisions with an "on:" key, which
# a YAML 1.1 reader (PyYAML's SafeLoader) takes for the boolean true; a
# YAML 1.2 reader, as yaml-language-server is by default, for the key "on".
for m in models/korea-1949-1950.yaml models/july-crisis-1914.yaml tests/golden/small.yaml; do
	name=$(basename "$m" .yaml)
	modeline "$m" "$schema" > "$tmp/$name.yaml"
	diagnose "$tmp/$name.yaml" && clean "$name"
done
grep -q '^    on: ' models/korea-1949-1950.yaml && ok || no "the Korea model has no 'on:' key any more"
rm -f "$tmp/init.yaml"
expect 0 init -- kg init "$tmp/init.yaml"
modeline "$tmp/init.yaml" "$schema" > "$tmp/starter.yaml"
diagnose "$tmp/starter.yaml" && clean starter

# A schema that cannot be found is reported, so "no diagnostic" above
# means the schema was read.
modeline "$tmp/mistake.yaml" "$tmp/no-such-schema.json" > "$tmp/lost.yaml"
if [ "$mode" = yls ]; then
	diagnose "$tmp/lost.yaml" && at '[0-9]+' '[0-9]+: Unable to load schema' missing-schema
fi

# Completion on an empty line inside an event offers its keys.
cat > "$tmp/complete.yaml" <<EOF
# yaml-language-server: \$schema=$schema
kgraph: 1
title: A council
events:
  - id: motion
    
EOF
if [ "$mode" = yls ]; then
	if diagnose "$tmp/complete.yaml" --complete 6:5; then
		for key in title date actors sources evidence; do
			if grep -qx "completion: $key" "$tmp/diag"; then ok; else
				no "completion: '$key' not offered in an event"
				grep '^completion' "$tmp/diag" | head -20 | sed 's/^/  /'
			fi
		done
		if grep -qx "completion: id" "$tmp/diag"; then no "completion: 'id' offered again"; else ok; fi
		grep '^completion: ' "$tmp/diag" | cut -d' ' -f2 | tr '\n' ' ' > "$tmp/labels"
	fi
	# The pitfall of YAML 1.1: with yaml.yamlVersion 1.1 the server too
	# reads "on:" as true, and the Korea model's decisions break.
	if diagnose "$tmp/korea-1949-1950.yaml" --yaml-version 1.1; then
		line=$(grep -n '^    on: ' "$tmp/korea-1949-1950.yaml" | head -1 | cut -d: -f1)
		at "$line" '5: Property true is not allowed' yaml-1.1-on
	fi
else
	# What the server would offer there: the keys of an event.
	for key in title date actors sources evidence; do
		if "$PY" -c 'import json, sys; sys.exit(sys.argv[2] not in json.load(open(sys.argv[1]))["$defs"]["event"]["properties"])' \
			"$schema" "$key"; then ok; else no "completion: the schema has no event key '$key'"; fi
	done
fi

echo "editor: $passed passed, $failed failed"
[ "$failed" = 0 ]
