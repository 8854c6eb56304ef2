# kgraph: YAML models of historical episodes, checked and drawn.
# `make run` sets up, builds and runs on the built-in model; `make test`
# runs the whole suite.

CC ?= cc
PKGS = yaml-0.1 libcgraph libgvc
VERSION = 0.1.0
WARN = -Wall -Wextra -Wpedantic -Wshadow
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
	-DKG_VERSION='"$(VERSION)"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Isrc
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
B = build

# The stages, in the order data flows through them.
CORE = util diag reader date model load check select json label theme graph view_overview view_causes view_arguments view_timeline view_actors view_stances render output
OBJS = $(CORE:%=$(B)/%.o)
EMBED = $(B)/embedded_model.o $(B)/embedded_schema.o $(B)/embedded_starter.o
UNIT = test_date test_utf8 test_ids test_phases
UNIT_BINS = $(UNIT:%=$(B)/tests/%)

.PHONY: all run test unit deps clean
all: kgraph

kgraph: $(OBJS) $(EMBED) $(B)/main.o
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(B)/%.o: src/%.c src/*.h | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/embed: tools/embed.c | $(B)
	$(CC) $(ALL_CFLAGS) -o $@ $<

# The default model and the schema are compiled in from their one copy.
$(B)/embedded_model.c: models/korea-1949-1950.yaml $(B)/embed
	$(B)/embed kg_builtin_model $< $@
$(B)/embedded_schema.c: src/schema.json $(B)/embed
	$(B)/embed kg_schema $< $@
$(B)/embedded_starter.c: src/starter.yaml $(B)/embed
	$(B)/embed kg_starter $< $@
$(B)/embedded_%.o: $(B)/embedded_%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B) $(B)/tests output:
	mkdir -p $@

$(B)/tests/%: tests/unit/%.c $(OBJS) | $(B)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(OBJS) $(LIBS) \
		$(shell pkg-config --libs cmocka 2>/dev/null) $(LDFLAGS)

deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory kgraph
	@mkdir -p output
	./kgraph check
	./kgraph list
	./kgraph export -o output/korea-1949-1950.json
	./kgraph render --all -o output
	./kgraph render --all -T pdf -o output
	@echo "wrote every view of the built-in model to output/ (svg, pdf)"

unit: $(UNIT_BINS)

test: deps
	@$(MAKE) --no-print-directory kgraph unit
	@bash tests/run.sh

clean:
	rm -rf $(B) kgraph
