#include "child.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t signalled;

static void
on_signal(int sig)
{
	signalled = sig;
}

static bool
put(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t k = write(fd, p, len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		len -= (size_t)k;
	}
	return true;
}

/* The child's side: does the work and sends what it made: a flag, the
 * number of outputs, then each as its length and bytes, then the
 * message. */
static void
child_side(int fd, child_work work, void *arg)
{
	buf *outs = NULL, msg = {0};
	int n = 0, k;
	char err[2048] = "";
	uint64_t len;
	int32_t head[2];
	bool ok;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	ok = work(arg, &outs, &n, err, sizeof(err));
	head[0] = ok;
	head[1] = ok ? n : 0;
	if (!put(fd, head, sizeof(head)))
		_exit(1);
	for (k = 0; ok && k < n; k++) {
		len = outs[k].len;
		if (!put(fd, &len, sizeof(len)) ||
		    !put(fd, outs[k].s ? outs[k].s : "", outs[k].len))
			_exit(1);
	}
	buf_puts(&msg, err);
	len = msg.len;
	if (!put(fd, &len, sizeof(len)) || !put(fd, msg.s ? msg.s : "",
	    msg.len))
		_exit(1);
	_exit(0);
}

/* Reads a length and that many bytes of data (of size size) at *at. */
static bool
take(const buf *data, size_t *at, void *out, size_t size)
{
	if (data->len - *at < size)
		return false;
	memcpy(out, data->s + *at, size);
	*at += size;
	return true;
}

static bool
take_text(const buf *data, size_t *at, buf *out)
{
	uint64_t len;

	if (!take(data, at, &len, sizeof(len)) || data->len - *at < len)
		return false;
	buf_putn(out, data->s + *at, (size_t)len);
	*at += (size_t)len;
	return true;
}

/* What the child sent: its outputs, or its message. */
static child_status
unpack(const buf *data, buf **outs, int *n, char *err, size_t errsize)
{
	size_t at = 0;
	int32_t head[2];
	buf msg = {0};
	int k;

	if (!take(data, &at, head, sizeof(head)) || head[1] < 0 ||
	    head[1] > 1 << 20) {
		snprintf(err, errsize, "the layout process ended without an "
		    "answer");
		return CHILD_CRASHED;
	}
	*n = head[1];
	*outs = xcalloc((size_t)*n + 1, sizeof(buf));
	for (k = 0; k < *n; k++)
		if (!take_text(data, &at, &(*outs)[k]))
			break;
	if (k < *n || !take_text(data, &at, &msg)) {
		for (k = 0; k < *n; k++)
			buf_free(&(*outs)[k]);
		free(*outs);
		*outs = NULL;
		*n = 0;
		buf_free(&msg);
		snprintf(err, errsize, "the layout process ended without a "
		    "whole answer");
		return CHILD_CRASHED;
	}
	snprintf(err, errsize, "%s", msg.s ? msg.s : "");
	buf_free(&msg);
	if (!head[0]) {
		free(*outs);
		*outs = NULL;
		*n = 0;
		return CHILD_FAILED;
	}
	return CHILD_OK;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Reads the child's answer into data until it closes the pipe, the
 * deadline passes or a signal comes. */
static child_status
collect(int fd, double seconds, buf *data)
{
	double end = now() + seconds;
	char chunk[65536];

	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int wait_ms = 100, r;
		ssize_t k;

		if (signalled)
			return CHILD_INTERRUPTED;
		if (seconds > 0) {
			double left = end - now();

			if (left <= 0)
				return CHILD_TIMEOUT;
			if (left * 1000 < wait_ms)
				wait_ms = (int)(left * 1000) + 1;
		}
		r = poll(&p, 1, wait_ms);
		if (r < 0 && errno != EINTR)
			return CHILD_CRASHED;
		if (r <= 0)
			continue;
		k = read(fd, chunk, sizeof(chunk));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return CHILD_OK;
		buf_putn(data, chunk, (size_t)k);
	}
}

child_status
child_run(child_work work, void *arg, double seconds, buf **outs, int *n,
    char *err, size_t errsize)
{
	struct sigaction on = {0}, old_int, old_term;
	int fds[2], status = 0;
	pid_t pid;
	child_status st;
	buf data = {0};

	*outs = NULL;
	*n = 0;
	if (pipe(fds) != 0) {
		snprintf(err, errsize, "cannot start the layout: %s",
		    strerror(errno));
		return CHILD_CRASHED;
	}
	/* Nothing buffered is written twice. */
	fflush(stdout);
	fflush(stderr);
	signalled = 0;
	on.sa_handler = on_signal;
	sigemptyset(&on.sa_mask);
	/* A signal that was ignored (SIGINT in a background job) stays
	 * ignored. */
	sigaction(SIGINT, NULL, &old_int);
	sigaction(SIGTERM, NULL, &old_term);
	if (old_int.sa_handler != SIG_IGN)
		sigaction(SIGINT, &on, NULL);
	if (old_term.sa_handler != SIG_IGN)
		sigaction(SIGTERM, &on, NULL);
	if ((pid = fork()) < 0) {
		snprintf(err, errsize, "cannot start the layout: %s",
		    strerror(errno));
		close(fds[0]);
		close(fds[1]);
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		return CHILD_CRASHED;
	}
	if (pid == 0) {
		close(fds[0]);
		child_side(fds[1], work, arg);
	}
	close(fds[1]);
	st = collect(fds[0], seconds, &data);
	close(fds[0]);
	if (st != CHILD_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (st == CHILD_INTERRUPTED) {
		snprintf(err, errsize, "interrupted");
		buf_free(&data);
		raise(signalled);
		return st;
	}
	if (st == CHILD_OK && WIFSIGNALED(status)) {
		snprintf(err, errsize, "Graphviz crashed laying the view out "
		    "(%s)", strsignal(WTERMSIG(status)));
		st = CHILD_CRASHED;
	} else if (st == CHILD_OK && WEXITSTATUS(status) != 0) {
		snprintf(err, errsize, "Graphviz gave up laying the view out "
		    "(it may have run out of memory)");
		st = CHILD_CRASHED;
	} else if (st == CHILD_OK) {
		st = unpack(&data, outs, n, err, errsize);
	} else if (st == CHILD_CRASHED) {
		snprintf(err, errsize, "lost the layout process: %s",
		    strerror(errno));
	}
	buf_free(&data);
	return st;
}
