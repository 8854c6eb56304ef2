#include "output.h"

#include <errno.h>
#include <fcntl.h>
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

bool
output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (a == NULL || b == NULL || stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool
output_write(const char *path, const char *data, size_t len,
    bool no_replace, char *err, size_t errsize)
{
	char *tmp;
	const char *slash;
	size_t dirlen;
	int fd, saved;
	struct stat st;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (!write_all(STDOUT_FILENO, data, len)) {
			snprintf(err, errsize, "cannot write to standard "
			    "output: %s", strerror(errno));
			return false;
		}
		return true;
	}
	/* A device or a pipe (/dev/stdout, /dev/full, a fifo) is written
	 * to, never renamed over. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !no_replace) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsize, "%s is a directory", path);
			return false;
		}
		if ((fd = open(path, O_WRONLY | O_NOCTTY)) < 0 ||
		    !write_all(fd, data, len)) {
			saved = errno;
			if (fd >= 0)
				close(fd);
			snprintf(err, errsize, "cannot write %s: %s", path,
			    strerror(saved));
			return false;
		}
		if (close(fd) != 0) {
			snprintf(err, errsize, "cannot write %s: %s", path,
			    strerror(errno));
			return false;
		}
		return true;
	}
	if (no_replace && lstat(path, &st) == 0) {
		snprintf(err, errsize, "%s already exists; kgraph does not "
		    "replace it", path);
		return false;
	}
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	tmp = malloc(dirlen + 32);
	if (tmp == NULL) {
		snprintf(err, errsize, "out of memory");
		return false;
	}
	memcpy(tmp, path, dirlen);
	strcpy(tmp + dirlen, ".kgraph-XXXXXX");
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errsize, "cannot write %s: %s", path,
		    strerror(errno));
		free(tmp);
		return false;
	}
	/* mkstemp makes the file 0600; give it what a new file would get. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		snprintf(err, errsize, "cannot write %s: %s", path,
		    strerror(saved));
		free(tmp);
		return false;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		snprintf(err, errsize, "cannot write %s: %s", path,
		    strerror(saved));
		free(tmp);
		return false;
	}
	if (no_replace) {
		/* link() fails if the target appeared meanwhile. */
		if (link(tmp, path) != 0) {
			saved = errno;
			unlink(tmp);
			snprintf(err, errsize, saved == EEXIST ? "%s already "
			    "exists; kgraph does not replace it" :
			    "cannot write %s: %s", path, strerror(saved));
			free(tmp);
			return false;
		}
		unlink(tmp);
	} else if (rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		snprintf(err, errsize, "cannot write %s: %s", path,
		    strerror(saved));
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
}
