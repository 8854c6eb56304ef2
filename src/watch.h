/* Watching a model file for render --watch: waits, with inotify, until
 * the file is written, replaced (editors that save by renaming a new file
 * over it) or created again, or until SIGINT or SIGTERM. */
#ifndef KG_WATCH_H
#define KG_WATCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct watch watch;

/* Starts watching path; NULL with a message in err when inotify cannot
 * watch the file's folder. Installs handlers for SIGINT and SIGTERM. */
watch *watch_start(const char *path, char *err, size_t errsize);
/* Blocks until the file changes (true) or the process is asked to stop
 * (false). Changes that arrive together count once. */
bool watch_wait(watch *w);
void watch_stop(watch *w);

#endif
