/* The baseline of `kgraph check`: the least any checker of a YAML model
 * must do. It reads the whole file into memory (kgraph keeps the text to
 * quote lines in its messages), and parses it with libyaml's event API,
 * doing nothing with the events but counting them.
 *
 * usage: yamlparse FILE */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	FILE *fp;
	unsigned char *text = NULL;
	size_t len = 0, cap = 0, n;
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned long events = 0;
	int done = 0;

	if (argc != 2) {
		fputs("usage: yamlparse FILE\n", stderr);
		return 2;
	}
	if ((fp = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			if ((text = realloc(text, cap)) == NULL) {
				fputs("yamlparse: out of memory\n", stderr);
				return 1;
			}
		}
		n = fread(text + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	if (!yaml_parser_initialize(&parser))
		return 1;
	yaml_parser_set_input_string(&parser, text, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", argv[1],
			    (unsigned long)parser.problem_mark.line + 1,
			    (unsigned long)parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "error");
			yaml_parser_delete(&parser);
			free(text);
			return 1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(text);
	printf("%lu events\n", events);
	return 0;
}
