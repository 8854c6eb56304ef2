#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "util.h"

struct watch {
	int fd;                 /* the inotify instance */
	char *name;             /* the file's name in its folder */
};

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

watch *
watch_start(const char *path, char *err, size_t errsize)
{
	const char *slash = strrchr(path, '/');
	char *dir = xstrdup(slash == NULL ? "." : path);
	struct sigaction sa;
	watch *w = xcalloc(1, sizeof(*w));

	if (slash != NULL)
		dir[slash == path ? 1 : slash - path] = '\0';
	w->name = xstrdup(slash ? slash + 1 : path);
	w->fd = inotify_init1(IN_CLOEXEC);
	/* The folder, not the file: an editor that saves by writing a new
	 * file and renaming it over the model replaces the file watched. */
	if (w->fd < 0 || inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE |
	    IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB) < 0) {
		snprintf(err, errsize, "cannot watch %s: %s", dir,
		    strerror(errno));
		if (w->fd >= 0)
			close(w->fd);
		free(w->name);
		free(w);
		free(dir);
		return NULL;
	}
	free(dir);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;      /* no SA_RESTART: poll returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	return w;
}

/* Reads the waiting events; true if one concerns the file. */
static bool
drain(watch *w)
{
	char ev[sizeof(struct inotify_event) + NAME_MAX + 1]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	bool hit = false;
	ssize_t n, i;

	n = read(w->fd, ev, sizeof(ev));
	for (i = 0; n > 0 && i < n;) {
		const struct inotify_event *e =
		    (const struct inotify_event *)(ev + i);

		if (e->len > 0 && strcmp(e->name, w->name) == 0)
			hit = true;
		i += (ssize_t)(sizeof(*e) + e->len);
	}
	return hit;
}

bool
watch_wait(watch *w)
{
	struct pollfd p = {w->fd, POLLIN, 0};
	bool changed = false;

	while (!stop) {
		/* After a change, wait until the events pause for 100 ms: a
		 * save is often several writes, or a write and a rename. */
		int r = poll(&p, 1, changed ? 100 : -1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return false;
		if (r == 0)
			return true;
		if (drain(w))
			changed = true;
	}
	return false;
}

void
watch_stop(watch *w)
{
	if (w == NULL)
		return;
	close(w->fd);
	free(w->name);
	free(w);
}
