# Benchmarks (bench/run.sh): `make bench` measures check, build, render and
# steps against their baselines and writes build/bench/results.md. A quick
# run: make bench BENCH_SIZES="10000 100000" BENCH_RUNS=3

BENCH_SIZES ?= 10000 100000 1000000
BENCH_RUNS ?= 5
# Debian packages the benchmarks need beyond tools/deps.sh: GNU time for
# peak memory.
bench-deps = time

.PHONY: bench bench-deps bench-tools

bench-deps:
	@missing=""; for p in $(bench-deps); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | \
		    grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			    --no-install-recommends $$missing; \
		else \
			echo "the benchmarks need:$$missing" >&2; \
			echo "  sudo apt-get install$$missing" >&2; exit 1; \
		fi; \
	fi

$(B)/bench:
	mkdir -p $@

$(B)/bench/genmodel: bench/genmodel.c | $(B)/bench
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<

$(B)/bench/yamlparse: bench/yamlparse.c | $(B)/bench
	$(CC) -std=c11 $(WARN) -O2 $(shell pkg-config --cflags yaml-0.1) \
		-o $@ $< $(shell pkg-config --libs yaml-0.1)

# The timeline's placement alone, linked with the two files it needs.
$(B)/bench/placement: bench/placement.c src/time_axis.c src/util.c \
		src/time_axis.h | $(B)/bench
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ bench/placement.c src/time_axis.c \
		src/util.c $(LIBS)

bench-tools: $(B)/bench/genmodel $(B)/bench/yamlparse $(B)/bench/placement

bench: deps bench-deps
	@$(MAKE) --no-print-directory kgraph bench-tools
	BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS="$(BENCH_RUNS)" bash bench/run.sh
