/* Writing results: to standard output, or to a file atomically (a
 * temporary file beside the target, renamed over it when complete). */
#ifndef KG_OUTPUT_H
#define KG_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes to path ("-" or NULL: standard output). A path that
 * is standard output itself (/dev/stdout, redirected to a file) is
 * written to it; a device, a fifo or a socket is written in place; a
 * file is replaced atomically, keeping its mode, by a temporary file
 * beside it (.kgraph-PID-XXXXXX; those of runs that were killed are
 * removed). A file with other hard links is refused, as renaming over
 * it would detach them. With no_replace, an existing file is left alone
 * and the write fails. On failure returns false with a message in err;
 * the target is untouched. */
bool output_write(const char *path, const char *data, size_t len,
    bool no_replace, char *err, size_t errsize);

/* Opens /dev/null on standard input, output and error where they are
 * closed, so that no file kgraph opens takes their place; remembers a
 * closed standard output, which output_write then refuses. Called first
 * in main. */
void output_guard_std(void);

/* True if path is written in place rather than replaced: standard
 * output itself, a device, a fifo or a socket. Its name says no format. */
bool output_in_place(const char *path);

/* True if the two paths name the same existing file. */
bool output_same_file(const char *a, const char *b);

#endif
