/* What the command files share: exit statuses, the options every
 * command that reads a model has, the model a command works on, and the
 * drawing of a view for export and render. Only the command line (main.c
 * and the cli and cmd files) includes this header. */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "kgraph.h"

/* The exit statuses are the pipeline's: a stage's status is the exit
 * status of the command that stops there. */
enum {
	EXIT_MODEL = KGRAPH_MODEL, EXIT_USAGE = KGRAPH_USAGE,
	EXIT_OUTPUT = KGRAPH_OUTPUT
};

/* Options shared by the subcommands that read a model. */
enum {
	OPT_STRICT = 256, OPT_VIEW, OPT_PHASE, OPT_SINCE, OPT_UNTIL,
	OPT_ACTOR, OPT_GROUP, OPT_KIND, OPT_TAG, OPT_EVIDENCE, OPT_FOCUS,
	OPT_DEPTH, OPT_ALL, OPT_THEME, OPT_DIRECTION, OPT_FONT,
	OPT_FONT_SIZE, OPT_WRAP, OPT_TITLE, OPT_NO_TITLE, OPT_NO_LEGEND,
	OPT_NO_CITATIONS, OPT_TRANSPARENT, OPT_ID_PREFIX, OPT_QUESTION,
	OPT_STEPS, OPT_REVEAL, OPT_COLOR, OPT_WATCH, OPT_LANES,
	OPT_TIMEOUT, OPT_CITE_STYLE, OPT_PAGE
};

#define TERM_OPTS \
	{"color", required_argument, NULL, OPT_COLOR}, \
	{"quiet", no_argument, NULL, 'q'}

/* How diagnostics are printed: --color and --quiet, shared by every
 * subcommand that reads a model. */
enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
typedef struct {
	int color;
	bool quiet;
} term_opts;

/* The filters, and the options every command that draws has, as the
 * help of render and of export lists them. */
#define HELP_FILTERS \
    "      --phase SPEC     phases by id or number: 2, 1..2, ..pressure, " \
    "2.., lists\n" \
    "      --since DATE     items whose dates overlap the range from DATE\n" \
    "      --until DATE     ... up to DATE\n" \
    "      --actor IDS      items that involve these actors\n" \
    "      --group IDS      items that involve the actors of these groups\n" \
    "      --kind KINDS     event, decision, cause, or a cause kind\n" \
    "      --tag TAGS       items with one of these tags\n" \
    "      --evidence LVL   at least this certain: inferred, reported, " \
    "documented\n" \
    "      --focus ID       only what lies within --depth relations of ID\n" \
    "      --depth N        for --focus (default 1)\n"
#define HELP_COMMON \
    "      --strict         treat warnings as errors\n" \
    "  -q, --quiet          errors only, no warnings\n" \
    "      --color WHEN     colour diagnostics: auto (default), always, " \
    "never\n" \
    "  -h, --help           this help\n"

/* The options of export and render. */
typedef struct {
	sel_filters f;
	const char *format, *out_path, *view;
	const char *cmd;        /* "render" or "export", for messages */
	bool strict, all, watch;
	term_opts term;
	graph_options g;
	/* Presentation options given on the command line, which win over a
	 * model view's own settings. */
	bool set_legend, set_citations, set_theme, set_direction;
	bool reveal_dim;        /* --reveal dim */
	double timeout;         /* --timeout: seconds a layout may take */
	int cite_style;         /* --cite-style, or -1 for the model's */
	int jobs;               /* -j: views drawn at once; 0: the cores */
	const char *page;       /* --page as given, or NULL */
	/* -T svg,pdf,png: the pictures drawn from the one layout of the
	 * first; each written to the path of the first with its own
	 * extension. */
	render_format also[KGRAPH_MAX_ALSO];
	int nalso;
	/* The formats of -T when it lists several (formats: as given). */
	const char *formats;
	render_format format_list[8];
	int nformats;
	struct draw_plan *written;      /* if set, the files draw_view wrote */
	buf *files;             /* if set, the model's bibliographies (as
	                         * open_model_files gives them) */
} draw_options;

/* The seconds a layout may take unless --timeout says otherwise. */
#define DRAW_TIMEOUT 20

/* Prints "kgraph CMD: message" and the hint to --help; returns the usage
 * exit status. */
int usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Handles --color and --quiet for any subcommand: returns 0 when c was
 * one of them, -1 when it was not, or a usage exit status. */
int term_option(int c, const char *cmd, term_opts *term);
/* The model file a command reads when given none: ./kgraph.yaml if it
 * exists, else NULL for the built-in model. */
const char *model_or_default(const char *path);
/* Reads, loads and checks the model at path (as model_or_default gives
 * it), with fonts also the fonts its texts need, and prints the
 * diagnostics. Returns the model, which the caller frees with
 * model_free, or NULL with the exit status in *rc when it cannot be read
 * or has errors (strict: or warnings). *warnings, if not NULL, receives
 * the number of warnings. */
model *open_model(const char *path, bool strict, bool fonts,
    const term_opts *term, size_t *warnings, int *rc);
/* As open_model; with files not NULL, the paths of the bibliographies
 * the model names go to files, each followed by a NUL, even when the
 * model has errors (but not when it cannot be parsed). */
model *open_model_files(const char *path, bool strict, bool fonts,
    const term_opts *term, size_t *warnings, int *rc, buf *files);
/* Prints err, why stage st stopped, as the command cmd reports it;
 * returns the exit status. */
int stage_error(const char *cmd, kgraph_status st, const char *err);
/* Writes out to path (NULL or "-": standard output), refusing the model
 * file itself (model_path; NULL for the built-in model); returns 0 or an
 * exit status after a message. */
int write_output(const char *cmd, const char *path, const buf *out,
    const char *model_path);

/* The path of the picture in format f of one drawn to path: path with
 * f's extension in place of its own, into b. */
void format_path(buf *b, const char *path, render_format f);
/* Reads --cite-style's value into *style; returns -1 to go on, or the
 * usage exit status after a message. */
int cite_style_option(const char *cmd, const char *value, int *style);
/* Reads the options of cmd (export, or render and deck, which take
 * render's); --help prints usage, or export's or render's own when it is
 * NULL. Returns -1 to go on, or an exit status. */
int parse_draw(int argc, char **argv, const char *cmd, const char *usage,
    draw_options *d);
/* The views drawn at once (--all, a deck): -j, else the machine's cores;
 * one when the files written are to be named (--watch says which it
 * wrote). */
int draw_jobs(const draw_options *d);
/* The settings model view mv (NULL for a built-in view) gives g, where
 * the command line d leaves them: its title, question, direction, theme,
 * legend and citations, and (for pictures) its steps. */
void draw_view_options(const draw_options *d, const item *mv,
    bool pictures, graph_options *g);
/* Reports an unknown view with the valid ones; returns the usage exit
 * status. */
int unknown_view(const char *cmd, const model *m, const char *name);
/* The files a run will write, gathered before any is: each path and the
 * view that writes it. */
typedef struct draw_plan {
	char **paths;
	const char **views;
	size_t n, cap;
	char why[2048];         /* why a view does not apply */
} draw_plan;
/* draw_view's status for a view that does not apply to the model (a
 * stances view without a question its selection answers). */
#define DRAW_SKIP (-1)
/* The most files --steps writes for one view. */
#define DRAW_STEPS_MAX 100
void draw_plan_free(draw_plan *plan);

/* Draws one view of m, read from model_path, and writes it to path
 * (NULL or "-": standard output), or, in steps, to path-1, path-2, ...;
 * returns 0 or an exit status. With plan, draws and writes nothing but
 * adds the paths it would write to plan; returns 0, DRAW_SKIP with the
 * reason in plan->why, or an exit status. */
int draw_view(const model *m, const char *model_path,
    const draw_options *cli, const char *name, render_format fmt,
    const char *path, draw_plan *plan);

/* The commands, each given its arguments with the command as argv[0]. */
int cmd_check(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_deck(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_init(int argc, char **argv);

#endif
