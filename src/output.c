#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

static bool stdout_closed;

void
output_guard_std(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		int null;

		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if (fd == STDOUT_FILENO)
			stdout_closed = true;
		/* open gives the lowest free descriptor: this one. */
		null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (null >= 0 && null != fd)
			close(null);
	}
}

/* Writes to standard output; refuses a closed one, whose data would go
 * nowhere. */
static bool
write_stdout(const char *data, size_t len, char *err, size_t errsize)
{
	if (stdout_closed) {
		snprintf(err, errsize, "standard output is closed; give -o "
		    "FILE");
		return false;
	}
	if (!write_all(STDOUT_FILENO, data, len)) {
		snprintf(err, errsize, "cannot write to standard output: %s",
		    strerror(errno));
		return false;
	}
	return true;
}

/* True if path is standard output itself: /dev/stdout or /proc/self/fd/1
 * when the shell sent standard output to a file. */
static bool
is_stdout(const char *path)
{
	struct stat a, b;

	return !stdout_closed && stat(path, &a) == 0 &&
	    fstat(STDOUT_FILENO, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino;
}

bool
output_in_place(const char *path)
{
	struct stat st;

	return is_stdout(path) || (stat(path, &st) == 0 &&
	    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
}

/* Removes the temporary files that killed runs left in the folder dir
 * (of length dirlen; "" for the current one): .kgraph-PID-XXXXXX of a
 * process that is gone, and owned by us. */
static void
remove_stale(const char *dir, size_t dirlen)
{
	char *path = malloc(dirlen + 300);
	DIR *d;
	struct dirent *e;

	if (path == NULL)
		return;
	memcpy(path, dir, dirlen);
	path[dirlen] = '\0';
	if ((d = opendir(dirlen ? path : ".")) == NULL) {
		free(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *end;
		long pid;
		struct stat st;

		if (strncmp(e->d_name, ".kgraph-", 8) != 0 ||
		    strlen(e->d_name) > 250)
			continue;
		pid = strtol(e->d_name + 8, &end, 10);
		if (end == e->d_name + 8 || *end != '-' || strlen(end) != 7 ||
		    pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path + dirlen, 300, "%s", e->d_name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlink(path);
	}
	closedir(d);
	free(path);
}

bool
output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (a == NULL || b == NULL || stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Writes to a device or a pipe (/dev/stdout, /dev/full, a fifo), which
 * is written to in place, never renamed over. */
static bool
write_device(const char *path, const char *data, size_t len, char *err,
    size_t errsize)
{
	int fd = open(path, O_WRONLY | O_NOCTTY), saved;

	if (fd >= 0 && write_all(fd, data, len)) {
		if (close(fd) == 0)
			return true;
		fd = -1;
	}
	saved = errno;
	if (fd >= 0)
		close(fd);
	snprintf(err, errsize, "cannot write %s: %s", path, strerror(saved));
	return false;
}

bool
output_write(const char *path, const char *data, size_t len,
    bool no_replace, char *err, size_t errsize)
{
	char *tmp;
	const char *slash;
	size_t dirlen;
	int fd = -1, saved;
	bool made = false, linking = false, exists;
	struct stat st;

	if (path == NULL || strcmp(path, "-") == 0 || (!no_replace &&
	    is_stdout(path)))
		return write_stdout(data, len, err, errsize);
	exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode) && !no_replace) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsize, "%s is a directory", path);
			return false;
		}
		return write_device(path, data, len, err, errsize);
	}
	if (no_replace && lstat(path, &st) == 0) {
		snprintf(err, errsize, "%s already exists; kgraph does not "
		    "replace it", path);
		return false;
	}
	if (exists && st.st_nlink > 1) {
		snprintf(err, errsize, "%s has other hard links, which "
		    "replacing it would detach from it; remove them, or write "
		    "to another file", path);
		return false;
	}
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	tmp = malloc(dirlen + 64);
	if (tmp == NULL) {
		snprintf(err, errsize, "out of memory");
		return false;
	}
	memcpy(tmp, path, dirlen);
	remove_stale(path, dirlen);
	snprintf(tmp + dirlen, 64, ".kgraph-%ld-XXXXXX", (long)getpid());
	if ((fd = mkstemp(tmp)) < 0) {
		saved = errno;
		snprintf(err, errsize, "cannot write in the folder %.*s: %s",
		    dirlen ? (int)dirlen : 1, dirlen ? path : ".",
		    strerror(saved));
		free(tmp);
		return false;
	}
	made = true;
	/* mkstemp makes the file 0600; give it the mode of the file it
	 * replaces (and, as root, its owner), or what a new file would
	 * get. */
	if (exists) {
		if (geteuid() == 0)
			(void)!fchown(fd, st.st_uid, st.st_gid);
		fchmod(fd, st.st_mode & 0777);
	} else {
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0)
		goto fail;
	saved = close(fd);
	fd = -1;
	if (saved != 0)
		goto fail;
	if (no_replace) {
		/* link() fails if the target appeared meanwhile. */
		linking = true;
		if (link(tmp, path) != 0)
			goto fail;
		unlink(tmp);
	} else if (rename(tmp, path) != 0) {
		goto fail;
	}
	free(tmp);
	return true;

fail:
	/* The target is untouched: only the temporary file goes. */
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (made)
		unlink(tmp);
	snprintf(err, errsize, linking && saved == EEXIST ? "%s already "
	    "exists; kgraph does not replace it" : "cannot write %s: %s",
	    path, strerror(saved));
	free(tmp);
	return false;
}
