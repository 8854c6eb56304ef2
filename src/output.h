/* Writing results: to standard output, or to a file atomically (a
 * temporary file beside the target, renamed over it when complete). */
#ifndef KG_OUTPUT_H
#define KG_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Writes len bytes to path ("-" or NULL: standard output). With
 * no_replace, an existing file is left alone and the write fails. On
 * failure returns false with a message in err; the target is untouched. */
bool output_write(const char *path, const char *data, size_t len,
    bool no_replace, char *err, size_t errsize);

/* True if the two paths name the same existing file. */
bool output_same_file(const char *a, const char *b);

#endif
