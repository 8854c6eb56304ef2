/* The command line: options in, stages called, results out as exit
 * statuses (0 success, 1 model errors, 2 usage, 3 output failure). Each
 * command lives in a cmd_ file of its own; this file finds it. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "cli.h"
#include "output.h"

#ifndef KG_VERSION
#define KG_VERSION "0.1.0"
#endif
#ifndef KG_GRAPHVIZ_VERSION
#define KG_GRAPHVIZ_VERSION "unknown"
#endif

static const char usage_main[] =
    "usage: kgraph <command> [MODEL] [options]\n"
    "\n"
    "Turn a YAML model of a historical episode into checked, cited data.\n"
    "\n"
    "commands:\n"
    "  render [MODEL] [options] draw a view (or, with --all, every view)\n"
    "  deck   [MODEL] [options] a lecture's slides in one PDF\n"
    "  check  [MODEL]           check the model; print every problem\n"
    "  list   [MODEL] [WHAT]    list views, phases, actors, groups,\n"
    "                           questions, events, decisions, causes or\n"
    "                           sources (default: a summary)\n"
    "  export [MODEL] [-T json|dot] [filters] [-o FILE]\n"
    "                           the resolved model as JSON, or a view's\n"
    "                           graph before layout as dot\n"
    "  schema [-o FILE]         the JSON Schema of the model format\n"
    "  init   [FILE]            write a commented starter model\n"
    "\n"
    "MODEL is a file or '-' for standard input; without it kgraph reads\n"
    "./kgraph.yaml, or else its built-in model (Korea, 1949-1950). The\n"
    "model format is described in 'man 5 kgraph-format' (docs/format.md).\n"
    "\n"
    "  -h, --help      this help (also 'kgraph help'); 'kgraph COMMAND "
    "--help' for\n                  a command\n"
    "      --version   the versions of kgraph, Graphviz and libyaml\n";


static const struct {
	const char *name;
	int (*run)(int, char **);
} commands[] = {
	{"render", cmd_render},
	{"deck", cmd_deck},
	{"check", cmd_check},
	{"list", cmd_list},
	{"export", cmd_export},
	{"schema", cmd_schema},
	{"init", cmd_init},
};

int
main(int argc, char **argv)
{
	size_t i;
	const char *names[12];

	output_guard_std();
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage_main, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("kgraph %s (Graphviz %s, libyaml %s)\n", KG_VERSION,
		    render_graphviz_version(), yaml_get_version_string());
		render_shutdown();
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		names[i] = commands[i].name;
		if (strcmp(argv[1], commands[i].name) == 0) {
			/* getopt sees the subcommand as argv[0]. */
			int rc;
			char name[32];

			/* getopt's own messages name "kgraph COMMAND". */
			snprintf(name, sizeof(name), "kgraph %s", argv[1]);
			argv[1] = name;
			optind = 1;
			rc = commands[i].run(argc - 1, argv + 1);
			render_shutdown();
			return rc;
		}
	}
	names[i] = NULL;
	{
		const char *near = suggest(argv[1], names);

		if (near)
			return usage_error(NULL, "unknown command '%s' (did "
			    "you mean '%s'?)", argv[1], near);
		return usage_error(NULL, "unknown command '%s'", argv[1]);
	}
}
