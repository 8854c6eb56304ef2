/* kgraph check: every problem of a model, with its place. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char usage_check[] =
    "usage: kgraph check [MODEL] [--strict] [-q] [--color WHEN]\n"
    "\n"
    "Check a model and print every problem as FILE:LINE:COL: error: ...\n"
    "Exit status 0 if the model has no errors (with --strict: and no "
    "warnings),\n1 if it has, 2 for a usage error. --quiet hides "
    "warnings but --strict still\ncounts them.\n"
    "\n"
    "      --strict      treat warnings as errors\n"
    "  -q, --quiet       errors only, no warnings\n"
    "      --color WHEN  colour diagnostics: auto (default), always, never\n"
    "  -h, --help        this help\n"
    "\n"
    "NO_COLOR in the environment turns colour off unless --color=always.\n"
    "Every key and rule of the format: 'man 5 kgraph-format'.\n";

int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"help", no_argument, NULL, 'h'},
		TERM_OPTS,
		{NULL, 0, NULL, 0},
	};
	bool strict = false;
	term_opts term = {COLOR_AUTO, false};
	int c, rc;

	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		if ((rc = term_option(c, "check", &term)) >= 0) {
			if (rc > 0)
				return rc;
			continue;
		}
		switch (c) {
		case OPT_STRICT:
			strict = true;
			break;
		case 'h':
			fputs(usage_check, stdout);
			return 0;
		default:
			return usage_error("check", "unknown option");
		}
	}
	if (argc - optind > 1)
		return usage_error("check", "too many arguments");
	/* The model is not needed beyond its diagnostics. */
	model_free(open_model(model_or_default(optind < argc ?
	    argv[optind] : NULL), strict, true, &term, NULL, &rc));
	return rc;
}
