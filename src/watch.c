#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* A folder watched for one name in it: the model's, and, when the model
 * is a symbolic link, its target's. */
typedef struct {
	int wd;                 /* -1 while the folder is missing */
	char *dir, *name;
} spot;

struct watch {
	int fd;                 /* the inotify instance */
	char *path;             /* the model, as given */
	spot *spots;            /* the model's (nmodel), then the others' */
	int nspots, nmodel;
	char **also;            /* the other files watched: bibliographies */
	int nalso;
	bool gone;              /* the model was missing when last seen */
};

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
spot_set(spot *s, const char *path)
{
	const char *slash = strrchr(path, '/');

	s->dir = xstrdup(slash == NULL ? "." : path);
	if (slash != NULL)
		s->dir[slash == path ? 1 : slash - path] = '\0';
	s->name = xstrdup(slash ? slash + 1 : path);
	s->wd = -1;
}

static void
spots_free(watch *w)
{
	int i;

	for (i = 0; i < w->nspots; i++) {
		if (w->spots[i].wd >= 0)
			inotify_rm_watch(w->fd, w->spots[i].wd);
		free(w->spots[i].dir);
		free(w->spots[i].name);
	}
	w->nspots = 0;
}

/* Watches the model's folder (not the file: an editor that saves by
 * writing a new file and renaming it over the model replaces the file
 * watched), and, for a symbolic link, its target's folder, resolved
 * anew each time. Returns false if no folder could be watched. */
static bool
rewatch(watch *w)
{
	char *target;
	struct stat st;
	bool any = false;
	int i;

	spots_free(w);
	free(w->spots);
	w->spots = xcalloc((size_t)w->nalso + 2, sizeof(spot));
	spot_set(&w->spots[w->nspots++], w->path);
	if (lstat(w->path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (target = realpath(w->path, NULL)) != NULL) {
		spot_set(&w->spots[w->nspots++], target);
		free(target);
	}
	w->nmodel = w->nspots;
	for (i = 0; i < w->nalso; i++)
		spot_set(&w->spots[w->nspots++], w->also[i]);
	for (i = 0; i < w->nspots; i++) {
		w->spots[i].wd = inotify_add_watch(w->fd, w->spots[i].dir,
		    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY |
		    IN_ATTRIB | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF |
		    IN_MOVE_SELF);
		any = any || w->spots[i].wd >= 0;
	}
	return any;
}

watch *
watch_start(const char *path, char *err, size_t errsize)
{
	struct sigaction sa;
	watch *w = xcalloc(1, sizeof(*w));

	w->path = xstrdup(path);
	w->fd = inotify_init1(IN_CLOEXEC);
	if (w->fd < 0 || !rewatch(w)) {
		snprintf(err, errsize, "cannot watch %s: %s",
		    w->nspots ? w->spots[0].dir : path, strerror(errno));
		if (w->fd >= 0)
			close(w->fd);
		spots_free(w);
		free(w->spots);
		free(w->path);
		free(w);
		return NULL;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;      /* no SA_RESTART: poll returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	return w;
}

/* Reads the waiting events: true if one concerns a name watched. A
 * folder that went away (IN_IGNORED) loses its watch. */
static bool
drain(watch *w)
{
	char ev[4096] __attribute__((aligned(__alignof__(struct
	    inotify_event))));
	bool hit = false;
	ssize_t n, i;
	int k;

	n = read(w->fd, ev, sizeof(ev));
	for (i = 0; n > 0 && i < n;) {
		const struct inotify_event *e =
		    (const struct inotify_event *)(ev + i);

		for (k = 0; k < w->nspots; k++) {
			spot *s = &w->spots[k];

			if (e->wd != s->wd)
				continue;
			if (e->mask & IN_IGNORED)
				s->wd = -1;
			if ((e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) ||
			    (e->len > 0 && strcmp(e->name, s->name) == 0))
				hit = true;
		}
		i += (ssize_t)(sizeof(*e) + e->len);
	}
	return hit;
}

static long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* True if a watched folder is missing: it is looked for again. */
static bool
lost(const watch *w)
{
	int i;

	for (i = 0; i < w->nspots; i++)
		if (w->spots[i].wd < 0)
			return true;
	return false;
}

/* True if the watches no longer fit the model: a folder is missing, or
 * the model is a link to another file than the one watched, or no
 * longer (or now) a link. */
static bool
moved(const watch *w)
{
	char *target;
	struct stat st;
	bool link = lstat(w->path, &st) == 0 && S_ISLNK(st.st_mode), diff;

	if (lost(w) || link != (w->nmodel == 2))
		return true;
	if (!link)
		return false;
	if ((target = realpath(w->path, NULL)) == NULL)
		return false;
	{
		spot s;

		spot_set(&s, target);
		diff = strcmp(s.dir, w->spots[1].dir) != 0 ||
		    strcmp(s.name, w->spots[1].name) != 0;
		free(s.dir);
		free(s.name);
	}
	free(target);
	return diff;
}

watch_event
watch_wait(watch *w)
{
	struct pollfd p = {w->fd, POLLIN, 0};
	long first = 0;
	bool changed = false;

	while (!stop) {
		/* After a change, wait until the events pause for 100 ms (a
		 * save is often several writes, or a write and a rename),
		 * but no more than a second after the first. While a folder
		 * is missing, look for it four times a second. */
		int wait = changed ? 100 : lost(w) ? 250 : -1, r;
		struct stat st;

		if (changed) {
			long left = 1000 - (now_ms() - first);

			if (left <= 0)
				break;
			if (left < wait)
				wait = (int)left;
		}
		r = poll(&p, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return WATCH_STOP;
		if (r > 0 && drain(w)) {
			if (!changed)
				first = now_ms();
			changed = true;
			/* A folder may be gone, or a link point elsewhere. */
			if (moved(w))
				rewatch(w);
		} else if (r == 0 && changed) {
			break;
		} else if (r == 0 && lost(w)) {
			rewatch(w);
			if (!lost(w) && stat(w->path, &st) == 0) {
				first = now_ms();
				changed = true;
			}
		}
		if (changed && stat(w->path, &st) != 0) {
			changed = false;
			if (!w->gone) {
				w->gone = true;
				return WATCH_GONE;
			}
		}
	}
	if (stop)
		return WATCH_STOP;
	w->gone = false;
	return WATCH_CHANGED;
}

void
watch_also(watch *w, const char *const *paths, int n)
{
	int i;

	for (i = 0; i < w->nalso; i++)
		free(w->also[i]);
	free(w->also);
	w->also = xcalloc((size_t)n + 1, sizeof(char *));
	for (i = 0; i < n; i++)
		w->also[i] = xstrdup(paths[i]);
	w->nalso = n;
	rewatch(w);
}

void
watch_stop(watch *w)
{
	if (w == NULL)
		return;
	watch_also(w, NULL, 0);
	spots_free(w);
	free(w->spots);
	free(w->also);
	close(w->fd);
	free(w->path);
	free(w);
}
