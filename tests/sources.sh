#!/usr/bin/env bash
# Sources: references printed in both styles, bibliographies read from
# BibTeX and CSL-JSON files, keys as written, list sources, the CSL-JSON
# export read back as a bibliography, --watch following a bibliography,
# and bibliographies that would take unbounded time or memory. Ends with
# "sources: N passed, N failed".
cd "$(dirname "$0")/.."
. tests/lib.sh
src="$top/tests/bib/sources.yaml"

# --- list sources: number, key, short form, where it is defined
expect 0 list-sources -- kg list "$src" sources
has "$tmp/out" "[1]	Bajanov:1995	Bajanov, “Assessing the Politics of the Korean War, 1949–51”	" list-sources
has "$tmp/out" "tests/bib/traps.bib:10" list-sources
has "$tmp/out" "[9]	shen:2012	Shen, Mao, Stalin and the Korean War	" list-sources
has "$tmp/out" "[14]	as-written	A source printed exactly as it is written	" list-sources
expect 0 list-sources-ad -- kg list "$src" sources --cite-style chicago-author-date
has "$tmp/out" "Bajanov 1995" list-sources-ad
has "$tmp/out" "Goncharov et al. 1993" list-sources-ad
has "$tmp/out" "Central Intelligence Agency n.d." list-sources-ad
expect 2 list-bad-style -- kg list "$src" sources --cite-style apa
has "$tmp/err" "unknown citation style 'apa'" list-bad-style
expect 2 render-bad-style -- kg render "$src" --cite-style mla -o "$tmp/x.svg"
absent "$tmp/x.svg" render-bad-style

# --- BibTeX as reference managers write it: every trap read
expect 0 csl -- kg export "$src" -T csl-json
cp "$tmp/out" "$tmp/sources.json"
python3 - "$tmp/sources.json" >"$tmp/check" 2>&1 <<'PY' || no "csl-json: $(cat "$tmp/check")"
import json, sys
refs = {r["id"]: r for r in json.load(open(sys.argv[1]))}
def want(cond, what):
    if not cond:
        print(what)
        sys.exit(1)
a = refs["accents"]["author"]
want([n.get("family") for n in a] == ["Müller", "Škoda", "Dvořák",
    "Østergaard", "Małysz", "Straße", "Martin"], "accents in names: %r" % a)
want(a[6] == {"family": "Martin", "given": "Luther", "suffix": "Jr."},
    "Jr.: %r" % a[6])
want(refs["accents"]["title"] == "Café “culture” & naïve Æsthetics\u00a0— "
    "a study of accents in 100% of cases", refs["accents"]["title"])
b = refs["Bajanov:1995"]
want(b["container-title"] == "Cold War International History Project "
    "Bulletin", "@string macro: %r" % b)
want(b["issued"] == {"date-parts": [[1995, 12]]}, "month macro: %r" % b)
want(b["page"] == "54, 87–91", "en dash: %r" % b)
c = refs["Chen1998"]
want(c["publisher"] == "Stanford University Press and the Woodrow "
    "Wilson Center Press", "# joins: %r" % c)
want(c["editor"][1] == {"family": "van der Berg", "given": "Jan"},
    "von part: %r" % c["editor"])
p = refs["APRF:politburo/1950-04"]
want(p["author"] == [{"literal": "Politburo of the Central Committee of "
    "the VKP(b)"}], "a body in braces: %r" % p)
want(p["issued"] == {"date-parts": [[1950, 4, 14]]}, "month by name: %r" % p)
want(p["type"] == "manuscript" and p["archive_location"] ==
    "f. 3, op. 65, d. 826", "@unpublished: %r" % p)
want(refs["Stalin1950"]["type"] == "letter", "@letter")
want(refs["Weathersby1993"]["collection-title"] == "Cold War International "
    "History Project Working Paper no. 8", refs["Weathersby1993"])
want(refs["kim-memoir"]["title"] == "Recollections of 1950 \U00020bb7",
    "a \\u escape pair: %r" % refs["kim-memoir"]["title"])
want(refs["Torkunov.2000"]["author"] == [{"family": "Торкунов",
    "given": "А. В."}], "Cyrillic: %r" % refs["Torkunov.2000"])
want("ISBN" not in refs["shen:2012"], "a field kgraph does not print")
want(len(refs) == 16, "16 sources, got %d" % len(refs))
PY
ok

# --- the export read back as a bibliography prints the same references
# (but for a source written as a citation: CSL-JSON has no field for
# "print this as it is", so it comes back as a document with a title)
mkdir "$tmp/back"
cp "$tmp/sources.json" "$tmp/back/refs.json"
python3 - "$src" "$tmp/back/model.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
head, events = text.split("\nevents:\n")
events = events.replace("[as-written, ", "[")
open(sys.argv[2], "w").write("kgraph: 1\ntitle: Sources of every kind\n"
    "bibliography: refs.json\nevents:\n" + events)
PY
expect 0 back-render -- kg render "$tmp/back/model.yaml" -T dot
grep -o 'Sources</B>.*' "$tmp/out" >"$tmp/back.key"
sed 's/\[as-written, /[/' "$src" >"$tmp/back/first.yaml"
cp tests/bib/traps.bib tests/bib/zotero.json "$tmp/back/"
expect 0 first-render -- kg render "$tmp/back/first.yaml" -T dot
grep -o 'Sources</B>.*' "$tmp/out" >"$tmp/first.key"
if [ -s "$tmp/first.key" ] && cmp -s "$tmp/first.key" "$tmp/back.key"; then
	ok
else
	no "the CSL-JSON export, read back, prints other references"
	diff "$tmp/first.key" "$tmp/back.key" | head -5 | cut -c1-300
fi

# --- a picture prints the full reference and the locator
expect 0 pdf -- kg render "$src" -T pdf -o "$tmp/s.pdf"
pdftotext -layout "$tmp/s.pdf" "$tmp/s.txt"
has "$tmp/s.txt" "[1, n. 5; 2]" pdf-locator
has "$tmp/s.txt" "Uncertain Partners: Stalin, Mao, and the Korean War" pdf-reference
has "$tmp/s.txt" "Westad, Odd Arne, ed." pdf-reference
# Titles of books are set in italics, article titles in quotes.
expect 0 svg -- kg render "$src" -o "$tmp/s.svg"
has "$tmp/s.svg" 'font-style="italic" font-size="12.00" fill="#1a1a1a">Uncertain Partners' svg-italics
has "$tmp/s.svg" '“Assessing the Politics' svg-quotes
if xmllint --noout "$tmp/s.svg" 2>"$tmp/xml"; then ok; else no "svg: $(head -2 "$tmp/xml")"; fi
# A key with ':' and '/' in the arguments view's box of what a source
# infers: its id keeps the key, the svg stays valid.
cat >"$tmp/back/inferred.yaml" <<'EOF'
kgraph: 1
title: Inferred
bibliography: refs.json
actors:
  - { id: stalin, name: Stalin }
decisions:
  - { id: d, title: Decides, actor: stalin, date: 1950, sources: "shen:2012" }
causes:
  - { id: c, text: A conclusion, kind: conclusion, evidence: inferred, for: d, sources: "APRF:politburo/1950-04" }
EOF
expect 0 inferred -- kg render "$tmp/back/inferred.yaml" --view arguments -o "$tmp/inf.svg"
has "$tmp/inf.svg" "Inferred by Politburo of the Central Committee" inferred-box
if xmllint --noout "$tmp/inf.svg" 2>"$tmp/xml"; then ok; else no "inferred svg: $(head -2 "$tmp/xml")"; fi

# --- places in a CSL-JSON file are counted as written: a character beyond
# the Basic Multilingual Plane, a pair of \u escapes, is twelve columns
mkdir "$tmp/pair"
printf '[{"id": "a", "type": "book", "title": "X \\ud842\\udfb7 \\ud842\\udfb7", "issued": {"date-parts": [["19x0"]]}}]\n' >"$tmp/pair/refs.json"
printf '[{"id": "a", "title": "\\ud842\\udfb7", "type": "book",, "x": 1}]\n' >"$tmp/pair/bad.json"
for f in refs bad; do
	printf 'kgraph: 1\ntitle: T\nbibliography: %s.json\nevents:\n  - { id: e, title: E, date: 1950 }\n' "$f" >"$tmp/pair/$f.yaml"
done
expect 1 pair-place -- kg check "$tmp/pair/refs.yaml"
has "$tmp/err" "refs.json:1:96: error: entry 'a': the date's parts" pair-place
expect 1 pair-syntax -- kg check "$tmp/pair/bad.yaml"
has "$tmp/err" "bad.json:1:54: error: invalid JSON: did not find expected node content while parsing a flow node that starts at 1:54" pair-syntax

# --- one number per source in every picture, with a bibliography
expect 0 all -- kg render "$src" --all -o "$tmp/all"
for f in "$tmp"/all/*.svg; do
	grep -o '\[1\] *</text>' "$f" >/dev/null || continue
	grep -A1 '>\[1\]</text>' "$f" | grep -q 'Bajanov, Evgueni' &&
		ok || no "$(basename "$f"): [1] is not Bajanov"
done

# --- a model on standard input finds its bibliography from here
(cd "$top/tests/bib" && kg check - <sources.yaml >"$tmp/out" 2>&1) &&
	ok || no "stdin: $(head -2 "$tmp/out")"

# --- --watch draws again when the bibliography changes
mkdir "$tmp/w"
cp tests/bib/traps.bib "$tmp/w/refs.bib"
cat >"$tmp/w/m.yaml" <<'EOF'
kgraph: 1
title: Watched
bibliography: refs.bib
events:
  - { id: e, title: E, date: 1950, sources: "Bajanov:1995" }
EOF
$WRAP "$KG" render "$tmp/w/m.yaml" --watch -o "$tmp/w/out.svg" 2>"$tmp/w/err" &
pid=$!
for _ in $(seq 50); do [ -s "$tmp/w/out.svg" ] && break; sleep 0.1; done
sed -i 's/Assessing the Politics/Weighing the Politics/' "$tmp/w/refs.bib"
for _ in $(seq 50); do grep -q 'Weighing' "$tmp/w/out.svg" 2>/dev/null && break; sleep 0.1; done
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
has "$tmp/w/out.svg" "Weighing the Politics" watch-bibliography

# --- bibliographies that would take unbounded time or memory stop
python3 - "$tmp" <<'PY'
import sys
t = sys.argv[1]
# Each macro doubles the one before: 10 bytes times 2^40.
open(t + "/laughs.bib", "w").write('@string{a0 = "xxxxxxxxxx"}\n' + "".join(
    "@string{a%d = a%d # a%d}\n" % (i, i - 1, i - 1) for i in range(1, 41))
    + "@book{m, title = a40}\n")
open(t + "/deep.bib", "w").write("@book{deep, title = " + "{" * 100000 +
    "x" + "}" * 100000 + "}\n")
for name in ("laughs", "deep"):
    open(t + "/%s.yaml" % name, "w").write("kgraph: 1\ntitle: t\n"
        "bibliography: %s.bib\n" % name)
PY
start=$(date +%s)
expect 1 laughs -- kg check "$tmp/laughs.yaml"
has "$tmp/err" "laughs.bib: error: the BibTeX parser " laughs
[ $(($(date +%s) - start)) -lt 25 ] && ok || no "laughs: not stopped in time"
expect 0 deep -- kg check "$tmp/deep.yaml"

echo "sources: $passed passed, $failed failed"
[ "$failed" = 0 ]
