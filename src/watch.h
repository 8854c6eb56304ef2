/* Watching a model file for render --watch: waits, with inotify, until
 * the file is written, replaced (editors that save by renaming a new file
 * over it), removed or created again, or until SIGINT or SIGTERM. */
#ifndef KG_WATCH_H
#define KG_WATCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct watch watch;

/* Starts watching path; NULL with a message in err when inotify cannot
 * watch the file's folder. Installs handlers for SIGINT and SIGTERM. */
watch *watch_start(const char *path, char *err, size_t errsize);
typedef enum {
	WATCH_CHANGED,          /* the file was written, or is back */
	WATCH_GONE,             /* the file (or its folder) was removed */
	WATCH_STOP              /* SIGINT or SIGTERM */
} watch_event;

/* Blocks until the file changes, is removed, or the process is asked to
 * stop. Changes that come together count once, but a burst of them
 * gives a change at least once a second. A model reached through a
 * symbolic link is watched in its target's folder too; a folder that is
 * removed is looked for until it is back. */
watch_event watch_wait(watch *w);
/* Watches these files too (in place of those given before): a change
 * to one is a change of the model. */
void watch_also(watch *w, const char *const *paths, int n);
void watch_stop(watch *w);

#endif
