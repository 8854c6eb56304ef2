/* Work in a child process, under a deadline: the layout, which Graphviz
 * can not be asked to stop, may run for minutes or crash on a hostile
 * graph. The parent waits for the child's outputs with a deadline, ends
 * it on SIGINT and SIGTERM, and reports a crash as an error. */
#ifndef KG_CHILD_H
#define KG_CHILD_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The work: fills *outs (an array of *n buffers, which child_run's caller
 * frees with each buf_free and free) or returns false with a message in
 * err. */
typedef bool (*child_work)(void *arg, buf **outs, int *n, char *err,
    size_t errsize);

typedef enum {
	CHILD_OK,               /* the work's outputs are in *outs */
	CHILD_FAILED,           /* the work failed: its message in err */
	CHILD_TIMEOUT,          /* the deadline passed; the child is gone */
	CHILD_CRASHED,          /* the child died (err says of what) */
	CHILD_INTERRUPTED       /* SIGINT or SIGTERM came; the child is gone */
} child_status;

/* Runs work(arg) in a child process and gives back its outputs, waiting
 * at most seconds (0: without a deadline). On SIGINT or SIGTERM the child
 * is ended and the signal is raised again in this process after the
 * handler that was there before is back: a default handler ends the
 * process as the signal would have; a handler of the caller's runs, and
 * CHILD_INTERRUPTED is returned. */
child_status child_run(child_work work, void *arg, double seconds,
    buf **outs, int *n, char *err, size_t errsize);

#endif
