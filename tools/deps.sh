#!/bin/sh
# Installs the Debian packages kgraph needs to build, run and test, when
# run as root; otherwise prints the apt-get line that would, and fails.
# To build and run: the libraries, Graphviz's plugins and fonts for every
# script. `tools/deps.sh test` adds what the tests use: cmocka, the JSON
# Schema validator, xmllint, poppler, valgrind, clang, groff and mandoc
# (for the man pages), headless Chromium (driven through python3-websocket), and Node.js
# with npm, which install and run yaml-language-server for the editor test
# (tests/editor.sh). npm is asked for only when no npm command exists: a
# Node.js package of its own (NodeSource's) provides npm and conflicts with
# Debian's.
pkgs="libyaml-dev libgraphviz-dev graphviz libfontconfig-dev libutf8proc-dev \
libbtparse-dev libqpdf-dev libpng-dev pkg-config make gcc fonts-dejavu-core \
fonts-noto-cjk"
if [ "${1:-}" = test ]; then
	pkgs="$pkgs libcmocka-dev python3 python3-jsonschema python3-yaml \
python3-websocket libxml2-utils poppler-utils util-linux valgrind clang \
chromium groff-base mandoc nodejs"
	command -v npm > /dev/null 2>&1 || pkgs="$pkgs npm"
fi
missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends $missing
else
	echo "kgraph needs these Debian packages:$missing" >&2
	echo "install them with:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
