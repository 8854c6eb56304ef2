/* kgraph init: a commented starter model. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "embedded.h"
#include "output.h"

static const char usage_init[] =
    "usage: kgraph init [FILE]\n"
    "\n"
    "Write a commented starter model to FILE (default kgraph.yaml), or to\n"
    "standard output for '-'. An existing file is never replaced. Its first "
    "line\nnames the installed JSON Schema for editors that use "
    "yaml-language-server\n(or kgraph.schema.json beside the model, when "
    "kgraph is not installed).\n"
    "\n"
    "  -h, --help      this help\n";

/* path as a shell would need it in a comment's command: as it is when
 * it is plain, else in single quotes (a name with a quote is left as it
 * is: it is only a comment). */
static const char *
shell_word(const char *path)
{
	static char quoted[4200];
	size_t n = strlen(path);

	if (strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_./+,") == n || strchr(path, '\'') != NULL ||
	    strchr(path, '\n') != NULL || n > sizeof(quoted) - 3)
		return path;
	snprintf(quoted, sizeof(quoted), "'%s'", path);
	return quoted;
}

/* The installed JSON Schema: DATADIR/kgraph/schema.json beside the
 * program's BINDIR (make install puts it there), or NULL when kgraph runs
 * from where it was built. Returns a malloc'd absolute path. */
static char *
installed_schema(void)
{
	char exe[4096], *slash, *path;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	buf b = {0};

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	buf_printf(&b, "%s/../share/kgraph/schema.json", exe);
	path = realpath(b.s, NULL);
	buf_free(&b);
	return path;
}

int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = "kgraph.yaml";
	char err[512], *schema;
	buf out = {0};
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage_init, stdout);
			return 0;
		}
		return usage_error("init", "unknown option");
	}
	if (argc - optind > 1)
		return usage_error("init", "too many arguments");
	if (optind < argc)
		path = argv[optind];
	/* The first line tells yaml-language-server (and so VS Code,
	 * Neovim, Helix, Emacs...) which schema checks and completes the
	 * file. */
	schema = installed_schema();
	buf_printf(&out, "# yaml-language-server: $schema=%s\n",
	    schema ? schema : "kgraph.schema.json");
	{
		/* The model says how to check it under the name it has. */
		static const char said[] = "`kgraph check kgraph.yaml`";
		buf text = {0};
		const char *at;

		buf_putn(&text, kg_starter, kg_starter_len);
		at = strstr(text.s, said);
		if (at == NULL || strcmp(path, "-") == 0 ||
		    strcmp(path, "kgraph.yaml") == 0) {
			buf_putn(&out, text.s, text.len);
		} else {
			buf_putn(&out, text.s, (size_t)(at - text.s));
			buf_printf(&out, "`kgraph check %s`", shell_word(path));
			buf_puts(&out, at + sizeof(said) - 1);
		}
		buf_free(&text);
	}
	if (!output_write(path, out.s, out.len, true, err, sizeof(err))) {
		fprintf(stderr, "kgraph init: %s\n", err);
		buf_free(&out);
		free(schema);
		return EXIT_OUTPUT;
	}
	if (strcmp(path, "-") != 0)
		fprintf(stderr, "kgraph init: wrote %s; check it with "
		    "'kgraph check %s'\n", path, path);
	if (schema == NULL && strcmp(path, "-") != 0)
		fprintf(stderr, "kgraph init: for checking and completion in "
		    "an editor, write the schema beside it with 'kgraph "
		    "schema -o kgraph.schema.json'\n");
	buf_free(&out);
	free(schema);
	return 0;
}
