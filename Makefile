# kgraph: YAML models of historical episodes, checked and drawn.
# `make run` sets up, builds and runs on the built-in model; `make test`
# runs the whole suite.

CC ?= cc
PKGS = yaml-0.1 libcgraph libgvc fontconfig libutf8proc libqpdf libpng
VERSION = 0.1.0
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes -Wformat=2
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
	-DKG_VERSION='"$(VERSION)"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Isrc -I$(B)
# btparse, the BibTeX parser, has no pkg-config file: its header is where
# Debian's libbtparse-dev puts it, and the program loads the library
# itself (bib_bibtex.c says why), with libc's dlopen.
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -ldl
B = build
BIN = kgraph

# The stages, in the order data flows through them.
CORE = util diag reader date model keys load load_sources bibliography bib_bibtex bib_csl cite check check_repeats select json export_csl label theme graph graph_nodes graph_ids title key steps view_overview view_causes view_arguments view_timeline time_axis view_actors view_stances fonts html place render render_png child output watch kgraph page slide pdf_merge
PAGE = $(B)/embedded_page_js.o $(B)/embedded_page_css.o \
	$(B)/embedded_deck_js.o
OBJS = $(CORE:%=$(B)/%.o) $(PAGE) $(B)/embedded_model.o
EMBED = $(B)/embedded_schema.o $(B)/embedded_starter.o
# Each tests/unit/test_*.c is one unit test program; tests/run.sh runs
# the same list.
UNIT_BINS = $(patsubst tests/unit/%.c,$(B)/tests/%,\
	$(wildcard tests/unit/test_*.c))

.PHONY: all run test unit deps test-deps editor-deps clean pkg-check \
	pkg-check-unit
all: $(BIN)

# The packages are looked for when something is compiled, not when make
# reads this file: a missing one stops the build with its name, rather
# than with a missing header, and `make deps` or `make test` can install
# it first on a machine that lacks it. (The flags above are expanded in
# the recipes, after this check; pkg-config's own complaints there would
# only repeat it.)
pkg_check = @command -v pkg-config > /dev/null || { echo "kgraph needs \
	pkg-config; \`make deps' installs it" >&2; exit 1; }; \
	missing=""; for p in $(1); do pkg-config --exists "$$p" || \
		missing="$$missing $$p"; done; \
	[ -z "$$missing" ] || { echo "kgraph: pkg-config does not know \
	the package(s)$$missing; \`make deps' installs what kgraph needs" >&2; \
	exit 1; }
pkg-check:
	$(call pkg_check,$(PKGS))
	@echo '#include <btparse.h>' | $(CC) -E -x c - > /dev/null 2>&1 || { \
	echo "kgraph: btparse.h is missing; \`make deps' installs \
	libbtparse-dev" >&2; exit 1; }
pkg-check-unit: pkg-check
	$(call pkg_check,cmocka)

# The command line: main.c finds the command, each in a cmd_ file.
CLI = cli cli_draw cmd_check cmd_list cmd_export cmd_render cmd_deck deck_split \
	cmd_schema cmd_init main

$(BIN): $(OBJS) $(EMBED) $(CLI:%=$(B)/%.o)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/%.o: src/%.c src/*.h | $(B) pkg-check
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The HTML page's script runs under a Content-Security-Policy that names
# its SHA-256, computed here with coreutils.
$(B)/html.o: $(B)/page_hash.h
$(B)/page_hash.h: src/page.js src/deck.js | $(B)
	printf '#define KG_PAGE_JS_SHA256 "%s"\n' "$$(/usr/bin/printf \
		"$$(sha256sum < src/page.js | cut -c1-64 | sed 's/../\\x&/g')" | \
		base64)" > $@
	printf '#define KG_DECK_JS_SHA256 "%s"\n' "$$(/usr/bin/printf \
		"$$(sha256sum < src/deck.js | cut -c1-64 | sed 's/../\\x&/g')" | \
		base64)" >> $@

$(B)/embed: tools/embed.c | $(B) pkg-check
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# The default model and the schema are compiled in from their one copy.
$(B)/embedded_model.c: models/korea-1949-1950.yaml $(B)/embed
	$(B)/embed kg_builtin_model $< $@
$(B)/embedded_schema.c: src/schema.json $(B)/embed
	$(B)/embed kg_schema $< $@
$(B)/embedded_starter.c: src/starter.yaml $(B)/embed
	$(B)/embed kg_starter $< $@
$(B)/embedded_page_js.c: src/page.js $(B)/embed
	$(B)/embed kg_page_js $< $@
$(B)/embedded_page_css.c: src/page.css $(B)/embed
	$(B)/embed kg_page_css $< $@
$(B)/embedded_deck_js.c: src/deck.js $(B)/embed
	$(B)/embed kg_deck_js $< $@
$(B)/embedded_%.o: $(B)/embedded_%.c | pkg-check
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B) $(B)/tests output:
	mkdir -p $@

$(B)/embed: | $(B)

$(B)/tests/%: tests/unit/%.c tests/unit/*.h $(OBJS) | $(B)/tests \
	pkg-check-unit
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(OBJS) $(LIBS) \
		$(shell pkg-config --libs cmocka)

deps:
	@sh tools/deps.sh
test-deps:
	@sh tools/deps.sh test
# yaml-language-server, from the npm registry into build/yls/, for the
# editor test (which installs it itself when it is missing).
editor-deps:
	@bash tests/editor.sh --install

run: deps
	@$(MAKE) --no-print-directory kgraph
	@mkdir -p output
	./kgraph check
	./kgraph list
	./kgraph export -o output/korea-1949-1950.json
	./kgraph render --all -T svg,pdf -o output
	./kgraph check models/july-crisis-1914.yaml
	./kgraph render models/july-crisis-1914.yaml --all -T svg,pdf -o output/july-crisis-1914
	@echo "wrote every view of the built-in model to output/ and of the July Crisis model to output/july-crisis-1914/ (svg, pdf)"

unit: $(UNIT_BINS)

test: test-deps
	@$(MAKE) --no-print-directory kgraph unit
	@bash tests/run.sh

clean:
	rm -rf $(B) kgraph

# Fuzzing with libFuzzer (clang), under AddressSanitizer and UBSan:
# `make fuzz` runs each target for FUZZ_SECONDS on a corpus seeded from the
# tests, the models and the YAML test suite; crashes go to build/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CC = clang
FUZZ_FLAGS = -std=c11 -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Isrc -I$(B)
FUZZ_OBJS = $(CORE:%=$(B)/fuzz/%.o) $(PAGE) $(B)/embedded_model.o

$(B)/fuzz/%.o: src/%.c src/*.h $(B)/page_hash.h | pkg-check
	@mkdir -p $(B)/fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -c -o $@ $<

$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LIBS)

.PHONY: fuzz fuzz-build asan leakcheck

# The whole suite built with AddressSanitizer and UBSan.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
asan: test-deps
	@$(MAKE) --no-print-directory B=build/asan BIN=build/asan/kgraph \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
		build/asan/kgraph unit
	KGRAPH=build/asan/kgraph KGRAPH_UNIT_DIR=build/asan/tests \
		UBSAN_OPTIONS=print_stacktrace=1 ASAN_OPTIONS=fast_unwind_on_malloc=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp:print_suppressions=0 \
		bash tests/run.sh

# valgrind over check, export and render of every view and format, with
# tools/valgrind.supp naming Graphviz's and its libraries' own leaks; a
# build that leaks a model allocation on purpose must be caught.
leakcheck: test-deps kgraph
	@$(MAKE) --no-print-directory B=build/leaky BIN=build/leaky/kgraph \
		CFLAGS="-O1 -g -DKG_LEAK_ON_PURPOSE" build/leaky/kgraph
	bash tests/leakcheck.sh
fuzz-build: $(B)/fuzz/fuzz_model $(B)/fuzz/fuzz_text

fuzz: fuzz-build
	@mkdir -p $(B)/fuzz/corpus-model $(B)/fuzz/corpus-text
	@cp models/*.yaml src/starter.yaml tests/golden/*.yaml tests/bad/*.yaml \
		tests/schema/valid/*.yaml tests/render/*.yaml $(B)/fuzz/corpus-model/
	@if [ -d ../shared/corpus/yaml-test-suite ]; then \
		cp ../shared/corpus/yaml-test-suite/*.yaml $(B)/fuzz/corpus-model/; fi
	@printf '1949\n1949-03\n1949-03-05\n~1949-05/1949-08\n1947/1948\n' | \
		split -l 1 - $(B)/fuzz/corpus-text/seed-
	cd $(B)/fuzz && ./fuzz_model -dict=../../fuzz/kgraph.dict \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 corpus-model
	cd $(B)/fuzz && ./fuzz_text -max_total_time=$(FUZZ_SECONDS) \
		-timeout=10 -print_final_stats=1 corpus-text
include docs/examples/examples.mk
include man/install.mk
include bench/bench.mk
