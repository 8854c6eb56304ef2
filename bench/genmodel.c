/* Writes a valid kgraph model of about N items to standard output, in the
 * proportions of the Korea model: per 100 items about 5 sources, 4 groups,
 * 12 actors, 3 phases, 1 question, 10 events, 12 decisions, 28 causes
 * (each for or against decisions, events or other causes) and 25 links.
 * Phases are consecutive spans of months; every dated item lies inside its
 * phase, some name it and the rest are placed by their date, and a few
 * causes have neither, so that all of the phase rules are exercised.
 * Every item and link cites a source, and every source is cited, so that
 * `kgraph check` prints nothing. The same N and SEED give the same bytes.
 * -p sets the number of phases, for drawing a model in a given number of
 * steps.
 *
 * usage: genmodel [-p PHASES] N [SEED] > model.yaml */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char obuf[1 << 20];
static size_t olen;
static uint64_t rng_state;

static void
flush_out(void)
{
	if (olen > 0 && fwrite(obuf, 1, olen, stdout) != olen) {
		perror("genmodel: write");
		exit(1);
	}
	olen = 0;
}

static void
put(const char *s)
{
	size_t n = strlen(s);

	if (olen + n > sizeof(obuf))
		flush_out();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
put_u(uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp) - 1;

	tmp[i] = '\0';
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put(tmp + i);
}

/* v in exactly width digits, zero-padded. */
static void
put_pad(unsigned v, int width)
{
	char tmp[8];

	tmp[width] = '\0';
	while (width-- > 0) {
		tmp[width] = (char)('0' + v % 10);
		v /= 10;
	}
	put(tmp);
}

/* xorshift64*: fast and repeatable. */
static uint64_t
rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static uint64_t
below(uint64_t n)
{
	return n ? (rnd() >> 11) % n : 0;
}

/* True with probability pct percent. */
static int
chance(unsigned pct)
{
	return below(100) < pct;
}

static const char *const words[] = {"army", "border", "treaty", "leader",
    "talks", "plan", "report", "envoy", "aid", "war", "peace", "party",
    "troops", "north", "south", "capital", "alliance", "visit", "arms",
    "supply", "offer", "warning", "delay", "request", "answer", "meeting",
    "ministry", "embassy", "council", "front", "harbour", "railway",
    "loan", "advisers", "river", "coast", "ceasefire", "mission",
    "congress", "strike", "election", "reform", "garrison", "fleet",
    "pact", "summit", "crisis", "appeal", "decree", "protest"};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static const char *const natives[] = {"Иван Петров", "김철수",
    "Андрей Смирнов", "박영호", "Мария Волкова", "이순자"};
#define NNATIVES (sizeof(natives) / sizeof(natives[0]))

static const char *const outcomes[] = {"approved", "rejected", "deferred",
    "requested", "ordered", "proposed"};
static const char *const stances[] = {"for", "against", "conditional",
    "undecided"};
static const char *const cause_kinds[] = {"reason", "argument",
    "objection", "fear", "condition", "conclusion"};
static const char *const actor_kinds[] = {"body", "state"};

static void
put_words(unsigned min, unsigned max)
{
	unsigned i, n = min + (unsigned)below(max - min + 1);

	for (i = 0; i < n; i++) {
		if (i > 0)
			put(" ");
		put(words[below(NWORDS)]);
	}
}

/* A sentence-like title: words, the first one capitalised. */
static void
put_title(unsigned min, unsigned max)
{
	char first[16];
	unsigned i, n = min + (unsigned)below(max - min + 1);

	snprintf(first, sizeof(first), "%s", words[below(NWORDS)]);
	first[0] = (char)(first[0] - 'a' + 'A');
	put(first);
	for (i = 1; i < n; i++) {
		put(" ");
		put(words[below(NWORDS)]);
	}
}

/* In pct of cases, a line "key: Sentence." of min to max words, indented
 * as the item's keys are. */
static void
maybe_sentence(unsigned pct, const char *key, unsigned min, unsigned max)
{
	if (!chance(pct))
		return;
	put("    ");
	put(key);
	put(": ");
	put_title(min, max);
	put(".\n");
}

/* The model's shape, computed from N. */
static uint64_t n_src, n_grp, n_act, n_pha, n_que, n_evt, n_dec, n_cau,
    n_lnk, span, month0, next_source;

static void
put_id(const char *prefix, uint64_t i)
{
	put(prefix);
	put_u(i);
}

/* The phase of item i of count k: items are spread over phases in file
 * order, as in a narrative. */
static uint64_t
phase_of(uint64_t i, uint64_t k)
{
	return k ? i * n_pha / k : 0;
}

static void
put_month(uint64_t m)
{
	put_pad((unsigned)(m / 12), 4);
	put("-");
	put_pad((unsigned)(m % 12 + 1), 2);
}

/* A date inside phase p, in one of the format's forms. */
static void
put_date(uint64_t p)
{
	uint64_t m = month0 + p * span + below(span);
	unsigned d1 = 1 + (unsigned)below(28), d2 = d1 + (unsigned)below(29 - d1);
	uint64_t form = below(10);

	if (form < 6) {
		put_month(m);
		put("-");
		put_pad(d1, 2);
	} else if (form < 8) {
		put_month(m);
	} else if (form < 9) {
		put("\"~");
		put_month(m);
		put("\"");
	} else {
		put_month(m);
		put("-");
		put_pad(d1, 2);
		put("/");
		put_month(m);
		put("-");
		put_pad(d2, 2);
	}
}

/* The date and, for some items, the phase it lies in. */
static void
put_when(uint64_t p, const char *indent)
{
	put(indent);
	put("date: ");
	put_date(p);
	put("\n");
	if (chance(30)) {
		put(indent);
		put("phase: ");
		put_id("p-", p);
		put("\n");
	}
}

static void
put_sources(const char *indent)
{
	uint64_t s = next_source++ % n_src;

	put(indent);
	put("sources: ");
	if (chance(60)) {
		put_id("s-", s);
	} else if (chance(50)) {
		put("{ id: ");
		put_id("s-", s);
		put(", at: \"p. ");
		put_u(1 + below(400));
		put("\" }");
	} else {
		put("[");
		put_id("s-", s);
		put(", { id: ");
		put_id("s-", below(n_src));
		put(", at: \"n. ");
		put_u(1 + below(90));
		put("\" }]");
	}
	put("\n");
}

static void
put_tags(const char *indent)
{
	put(indent);
	put("tags: [");
	put(words[below(NWORDS)]);
	if (chance(40)) {
		put(", ");
		put(words[below(NWORDS)]);
	}
	put("]\n");
}

static void
gen_header(uint64_t n)
{
	put("# A generated model of ");
	put_u(n);
	put(" items for kgraph's benchmarks (bench/genmodel.c).\n\n"
	    "kgraph: 1\n"
	    "title: A generated episode of ");
	put_u(n);
	put(" items\n"
	    "subtitle: Actors, decisions and their causes, in phases\n"
	    "author: bench/genmodel\n"
	    "lang: en\n"
	    "description: >\n"
	    "  Generated in the proportions of the Korea model, so that the\n"
	    "  time and memory of each stage can be measured at any size.\n");
}

static void
gen_sources(void)
{
	uint64_t i;

	put("\nsources:\n");
	for (i = 0; i < n_src; i++) {
		put("  - id: ");
		put_id("s-", i);
		put("\n    cite: ");
		put_title(3, 7);
		put(", report ");
		put_u(i);
		put("\n");
		if (chance(30)) {
			put("    url: https://example.org/doc/");
			put_u(i);
			put("\n");
		}
		if (chance(20)) {
			put("    archive: f. ");
			put_u(below(100));
			put(", op. ");
			put_u(below(20));
			put(", d. ");
			put_u(below(900));
			put("\n");
		}
		if (chance(30)) {
			put("    date: ");
			put_date(below(n_pha));
			put("\n");
		}
	}
}

static void
gen_groups(void)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t i;
	int k;

	put("\ngroups:\n");
	for (i = 0; i < n_grp; i++) {
		put("  - { id: ");
		put_id("g-", i);
		put(", name: ");
		put_title(1, 3);
		if (chance(50)) {
			char color[8] = "#";

			for (k = 1; k < 7; k++)
				color[k] = hex[below(16)];
			color[7] = '\0';
			put(", color: \"");
			put(color);
			put("\"");
		}
		put(" }\n");
	}
}

static void
gen_actors(void)
{
	uint64_t i;

	put("\nactors:\n");
	for (i = 0; i < n_act; i++) {
		put("  - { id: ");
		put_id("a-", i);
		put(", name: ");
		put_title(1, 3);
		if (chance(10)) {
			put(", native: ");
			put(natives[below(NNATIVES)]);
		}
		if (chance(90)) {
			put(", group: ");
			put_id("g-", i % n_grp);
		}
		if (chance(20)) {
			put(", kind: ");
			put(actor_kinds[below(2)]);
		}
		if (chance(30)) {
			put(", role: ");
			put_words(1, 3);
		}
		put(" }\n");
	}
}

static void
gen_phases(void)
{
	uint64_t i;

	put("\nphases:\n");
	for (i = 0; i < n_pha; i++) {
		put("  - { id: ");
		put_id("p-", i);
		put(", title: ");
		put_title(2, 5);
		put(", from: ");
		put_month(month0 + i * span);
		put(", to: ");
		put_month(month0 + (i + 1) * span - 1);
		put(" }\n");
	}
	put("\nquestions:\n");
	for (i = 0; i < n_que; i++) {
		put("  - { id: ");
		put_id("q-", i);
		put(", title: Should the ");
		put_words(1, 2);
		put(" go ahead? }\n");
	}
}

static void
gen_events(void)
{
	uint64_t i;

	put("\nevents:\n");
	for (i = 0; i < n_evt; i++) {
		put("  - id: ");
		put_id("e-", i);
		put("\n    title: ");
		put_title(3, 7);
		put("\n");
		put_when(phase_of(i, n_evt), "    ");
		put("    actors: [");
		put_id("a-", below(n_act));
		if (chance(30)) {
			put(", ");
			put_id("a-", below(n_act));
		}
		put("]\n");
		if (chance(40)) {
			put("    to: ");
			put_id("a-", below(n_act));
			put("\n");
		}
		maybe_sentence(30, "text", 8, 16);
		if (chance(20))
			put_tags("    ");
		put_sources("    ");
	}
}

static void
gen_decisions(void)
{
	uint64_t i;

	put("\ndecisions:\n");
	for (i = 0; i < n_dec; i++) {
		put("  - id: ");
		put_id("d-", i);
		put("\n    actor: ");
		put_id("a-", below(n_act));
		put("\n    title: ");
		put_title(3, 7);
		put("\n");
		put_when(phase_of(i, n_dec), "    ");
		if (chance(50)) {
			put("    to: [");
			put_id("a-", below(n_act));
			put("]\n");
		}
		put("    outcome: ");
		put(outcomes[below(6)]);
		put("\n");
		if (chance(30)) {
			put("    on: ");
			put_id("q-", below(n_que));
			put("\n");
			if (chance(30)) {
				put("    stance: ");
				put(stances[below(4)]);
				put("\n");
			}
		}
		maybe_sentence(20, "text", 8, 16);
		maybe_sentence(10, "quote", 5, 10);
		if (chance(20))
			put_tags("    ");
		put_sources("    ");
	}
}

/* A decision or an event near the same place in the story as cause i. */
static void
put_target(uint64_t i)
{
	if (chance(70))
		put_id("d-", i * n_dec / n_cau);
	else
		put_id("e-", i * n_evt / n_cau);
}

static void
gen_causes(void)
{
	uint64_t i;

	put("\ncauses:\n");
	for (i = 0; i < n_cau; i++) {
		put("  - id: ");
		put_id("c-", i);
		put("\n    text: ");
		put_title(4, 9);
		put("\n");
		if (chance(70)) {
			put("    kind: ");
			put(cause_kinds[below(6)]);
			put("\n");
		}
		if (chance(85)) {
			put("    by: ");
			put_id("a-", below(n_act));
			put("\n");
		} else {
			put("    evidence: inferred\n");
		}
		put("    for: ");
		if (i > 0 && chance(10)) {
			/* A cause of a cause, placed by rule 3 when undated. */
			put_id("c-", i - 1);
		} else if (chance(30)) {
			put("[");
			put_target(i);
			put(", ");
			put_id("e-", below(n_evt));
			put("]");
		} else {
			put_target(i);
		}
		put("\n");
		if (chance(25)) {
			put("    against: ");
			put_id("d-", (i * n_dec / n_cau + 1) % n_dec);
			put("\n");
		}
		if (chance(90))
			put_when(phase_of(i, n_cau), "    ");
		maybe_sentence(15, "quote", 5, 10);
		if (chance(15))
			put_tags("    ");
		put_sources("    ");
	}
}

static void
gen_links(void)
{
	uint64_t i;

	put("\nlinks:\n");
	for (i = 0; i < n_lnk; i++) {
		uint64_t t = below(100);
		uint64_t d = i * n_dec / n_lnk, e = i * n_evt / n_lnk;
		uint64_t c = i * n_cau / n_lnk;

		put("  - { from: ");
		if (t < 40) {
			put_id("e-", e);
			put(", to: ");
			put_id("d-", d);
			put(", type: leads-to");
		} else if (t < 65) {
			put_id("d-", d);
			put(", to: ");
			put_id("e-", e);
			put(", type: responds-to");
		} else if (t < 85) {
			put_id("c-", c);
			put(", to: ");
			put_id("d-", d);
			put(", type: causes");
		} else {
			put_id("c-", c);
			put(", to: ");
			put_id("c-", (c + 1) % n_cau);
			put(t < 93 ? ", type: opposes" : ", type: supports");
		}
		if (chance(10)) {
			put(", label: ");
			put_words(1, 3);
		}
		if (chance(20))
			put(", evidence: reported");
		if (chance(10)) {
			put(", date: ");
			put_date(phase_of(d, n_dec));
			put(", phase: ");
			put_id("p-", phase_of(d, n_dec));
		}
		put(", sources: ");
		put_id("s-", next_source++ % n_src);
		put(" }\n");
	}
}

static void
gen_views(void)
{
	put("\nviews:\n"
	    "  - { id: first-phase, title: The first phase, base: timeline, "
	    "phases: 1 }\n"
	    "  - { id: first-decision, title: Why the first decision, "
	    "base: causes, focus: d-0, depth: 1 }\n");
}

static uint64_t
at_least(uint64_t v, uint64_t min)
{
	return v < min ? min : v;
}

int
main(int argc, char **argv)
{
	uint64_t n, used, phases = 0;
	char *end;

	if (argc >= 3 && strcmp(argv[1], "-p") == 0) {
		phases = strtoull(argv[2], &end, 10);
		if (*end != '\0' || phases < 1 || phases > 100000) {
			fputs("genmodel: PHASES must be a number from 1 to "
			    "100000\n", stderr);
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc < 2 || argc > 3) {
		fputs("usage: genmodel [-p PHASES] N [SEED] > model.yaml\n",
		    stderr);
		return 2;
	}
	n = strtoull(argv[1], &end, 10);
	if (*end != '\0' || n < 1 || n > 5000000) {
		fputs("genmodel: N must be a number from 1 to 5000000\n",
		    stderr);
		return 2;
	}
	rng_state = argc == 3 ? strtoull(argv[2], NULL, 10) : 1949;
	if (rng_state == 0)
		rng_state = 1;
	n_src = at_least(n * 5 / 100, 1);
	n_grp = at_least(n * 4 / 100, 1);
	n_act = at_least(n * 12 / 100, 2);
	n_pha = phases ? phases : at_least(n * 3 / 100, 1);
	n_que = at_least(n / 100, 1);
	n_evt = at_least(n * 10 / 100, 2);
	n_dec = at_least(n * 12 / 100, 2);
	n_cau = at_least(n * 28 / 100, 2);
	used = n_src + n_grp + n_act + n_pha + n_que + n_evt + n_dec + n_cau +
	    2;
	n_lnk = n > used ? n - used : 0;
	/* Phases of up to two years each, from the year 1000; a larger
	 * model has shorter phases, down to one month (years end at 9999). */
	span = 100000 / n_pha;
	span = span < 1 ? 1 : span > 24 ? 24 : span;
	month0 = (n_pha * span <= 8900 * 12 ? 1000 : 1) * 12;
	if (month0 + n_pha * span > 9999 * 12) {
		fputs("genmodel: too many phases for years up to 9999\n",
		    stderr);
		return 2;
	}
	gen_header(n);
	gen_sources();
	gen_groups();
	gen_actors();
	gen_phases();
	gen_events();
	gen_decisions();
	gen_causes();
	gen_links();
	gen_views();
	flush_out();
	return fflush(stdout) == 0 ? 0 : 1;
}
