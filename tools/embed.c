/* Turns a file into a C source that defines it as a NUL-terminated array,
 * so that the built-in model and the schema are compiled into kgraph from
 * the one file in the repository. Usage: embed NAME INPUT OUTPUT */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	FILE *in, *out;
	int c;
	unsigned long n = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: embed NAME INPUT OUTPUT\n");
		return 2;
	}
	if ((in = fopen(argv[2], "rb")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	if ((out = fopen(argv[3], "w")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	fprintf(out, "/* Generated from %s by tools/embed.c; do not edit. */\n",
	    argv[2]);
	fprintf(out, "#include <stddef.h>\nconst char %s[] = {\n", argv[1]);
	while ((c = getc(in)) != EOF) {
		fprintf(out, "%d,%s", c > 127 ? c - 256 : c,
		    (++n % 20) ? "" : "\n");
	}
	fprintf(out, "0\n};\nconst size_t %s_len = %lu;\n", argv[1], n);
	if (ferror(in) || fclose(out) != 0) {
		perror(argv[3]);
		return 1;
	}
	fclose(in);
	return 0;
}
