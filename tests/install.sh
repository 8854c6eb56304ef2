#!/usr/bin/env bash
# make install and make uninstall (man/install.mk) into a staging folder:
# `make install DESTDIR=... PREFIX=/usr` puts every file where it belongs,
# with its mode, and nothing else (the program, the manual pages of
# sections 1 and 5, the format's description, the completion, the schema,
# the models); the installed program runs; the pages name the installed
# paths; `make uninstall` leaves no file behind.
# Ends with "install: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
dest="$tmp/stage"
mkmake() { make --no-print-directory "$@"; }

# The files, as installed under PREFIX=/usr.
want=(usr/bin/kgraph
	usr/share/bash-completion/completions/kgraph
	usr/share/kgraph/schema.json)
for p in kgraph kgraph-render kgraph-deck kgraph-check kgraph-list kgraph-export kgraph-schema kgraph-init; do
	want+=("usr/share/man/man1/$p.1")
done
want+=(usr/share/man/man5/kgraph-format.5 usr/share/doc/kgraph/format.md)
for m in models/*.yaml; do
	want+=("usr/share/kgraph/models/${m#models/}")
done

if mkmake install DESTDIR="$dest" PREFIX=/usr > "$tmp/log" 2>&1; then ok; else
	no "make install failed"
	tail -5 "$tmp/log" | sed 's/^/  /'
fi
for f in "${want[@]}"; do
	if [ -f "$dest/$f" ]; then ok; else no "install: $f is missing"; fi
done
# Nothing else.
(cd "$dest" && find . -type f | sed 's|^\./||' | sort) > "$tmp/have"
printf '%s\n' "${want[@]}" | sort > "$tmp/want"
if diff "$tmp/want" "$tmp/have" > "$tmp/diff"; then ok; else
	no "install: other files than expected"
	sed 's/^/  /' "$tmp/diff" | head -10
fi
# Modes: the program 755, the rest 644.
mode() { stat -c %a "$dest/$1" 2>/dev/null; }
if [ "$(mode usr/bin/kgraph)" = 755 ]; then ok; else no "install: kgraph has mode $(mode usr/bin/kgraph)"; fi
for f in "${want[@]}"; do
	[ "$f" = usr/bin/kgraph ] && continue
	if [ "$(mode "$f")" = 644 ]; then ok; else no "install: $f has mode $(mode "$f")"; fi
done

# The installed program runs; its schema is the installed schema, its
# models the installed ones.
if "$dest/usr/bin/kgraph" --version > "$tmp/out" 2>&1; then ok; else no "installed kgraph does not run"; fi
if "$dest/usr/bin/kgraph" schema | cmp -s - "$dest/usr/share/kgraph/schema.json"; then ok; else
	no "install: schema.json is not what 'kgraph schema' prints"
fi
for m in models/*.yaml; do
	if cmp -s "$m" "$dest/usr/share/kgraph/models/${m#models/}"; then ok; else no "install: $m differs"; fi
done
# init names the installed schema for editors
line=$("$dest/usr/bin/kgraph" init - 2>/dev/null | head -1)
want_line="# yaml-language-server: \$schema=$(realpath "$dest/usr/share/kgraph/schema.json")"
if [ "$line" = "$want_line" ]; then ok; else no "install: init wrote '$line', expected '$want_line'"; fi
if "$dest/usr/bin/kgraph" check "$dest/usr/share/kgraph/models/korea-1949-1950.yaml" 2> "$tmp/err"; then ok; else
	no "install: the installed Korea model does not check"
fi

# The pages name the installed files under /usr/share, not /usr/local,
# carry the version, and still render without a warning.
has "$dest/usr/share/man/man1/kgraph.1" "/usr/share/kgraph/schema.json" man-datadir
has "$dest/usr/share/man/man1/kgraph.1" "/usr/share/bash\\-completion/completions/kgraph" man-datadir
hasnt "$dest/usr/share/man/man1/kgraph.1" "/usr/local" man-datadir
has "$dest/usr/share/man/man1/kgraph-render.1" ".Os kgraph $("$dest/usr/bin/kgraph" --version | sed -n 's/^kgraph \([^ ]*\).*/\1/p')" man-version
# The format's page names the installed description of the format, which
# is docs/format.md.
has "$dest/usr/share/man/man5/kgraph-format.5" "/usr/share/doc/kgraph/format.md" man-docdir
has "$dest/usr/share/man/man5/kgraph-format.5" "/usr/share/kgraph/schema.json" man-datadir
hasnt "$dest/usr/share/man/man5/kgraph-format.5" "/usr/local" man-docdir
has "$dest/usr/share/man/man1/kgraph.1" "/usr/share/doc/kgraph/format.md" man-docdir
if cmp -s docs/format.md "$dest/usr/share/doc/kgraph/format.md"; then ok; else
	no "install: format.md differs from docs/format.md"
fi
for p in "$dest"/usr/share/man/man1/*.1 "$dest"/usr/share/man/man5/*.5; do
	out=$(groff -mandoc -ww -z "$p" 2>&1)
	if [ -z "$out" ]; then ok; else no "install: ${p#"$dest"/} warns: $out"; fi
done

# The installed completion is the completion.
if cmp -s completion/kgraph.bash "$dest/usr/share/bash-completion/completions/kgraph"; then ok; else
	no "install: the completion differs from completion/kgraph.bash"
fi

# A file of someone else's in kgraph's folder survives uninstall, and so
# does the folder that holds it.
: > "$dest/usr/share/kgraph/models/mine.yaml"
if mkmake uninstall DESTDIR="$dest" PREFIX=/usr > "$tmp/log" 2>&1; then ok; else
	no "make uninstall failed"
	tail -5 "$tmp/log" | sed 's/^/  /'
fi
left=$(cd "$dest" && find . -type f | sed 's|^\./||')
if [ "$left" = usr/share/kgraph/models/mine.yaml ]; then ok; else
	no "uninstall: left '$left', expected only usr/share/kgraph/models/mine.yaml"
fi
rm "$dest/usr/share/kgraph/models/mine.yaml"

# Installed again and uninstalled: no file at all, and no kgraph folder.
mkmake install DESTDIR="$dest" PREFIX=/usr > "$tmp/log" 2>&1
mkmake uninstall DESTDIR="$dest" PREFIX=/usr > "$tmp/log" 2>&1
left=$(cd "$dest" && find . -type f)
if [ -z "$left" ]; then ok; else no "uninstall: files left: $left"; fi
if [ ! -e "$dest/usr/share/kgraph" ]; then ok; else no "uninstall: usr/share/kgraph is left"; fi
if [ ! -e "$dest/usr/share/doc/kgraph" ]; then ok; else no "uninstall: usr/share/doc/kgraph is left"; fi

# The default PREFIX is /usr/local.
if mkmake install DESTDIR="$dest" > "$tmp/log" 2>&1 &&
	[ -x "$dest/usr/local/bin/kgraph" ] &&
	[ -f "$dest/usr/local/share/man/man1/kgraph-render.1" ] &&
	[ -f "$dest/usr/local/share/man/man5/kgraph-format.5" ] &&
	[ -f "$dest/usr/local/share/doc/kgraph/format.md" ] &&
	[ -f "$dest/usr/local/share/kgraph/schema.json" ]; then ok; else
	no "install: the default PREFIX is not /usr/local"
fi
mkmake uninstall DESTDIR="$dest" > "$tmp/log" 2>&1
left=$(cd "$dest" && find . -type f)
if [ -z "$left" ]; then ok; else no "uninstall under /usr/local: files left: $left"; fi

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
