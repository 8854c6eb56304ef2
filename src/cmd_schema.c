/* kgraph schema: the JSON Schema of the model format. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "embedded.h"

static const char usage_schema[] =
    "usage: kgraph schema [-o FILE]\n"
    "\n"
    "Print the JSON Schema (draft 2020-12) of the model format, for "
    "editors\nsuch as those using yaml-language-server.\n"
    "\n"
    "  -o, --output FILE    write to FILE instead of standard output\n"
    "  -h, --help           this help\n";

int
cmd_schema(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out_path = NULL;
	buf out = {0};
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out_path = optarg; break;
		case 'h':
			fputs(usage_schema, stdout);
			return 0;
		default:
			return usage_error("schema", "unknown option");
		}
	}
	if (optind < argc)
		return usage_error("schema", "takes no arguments");
	buf_putn(&out, kg_schema, kg_schema_len);
	rc = write_output("schema", out_path, &out, NULL);
	buf_free(&out);
	return rc;
}
