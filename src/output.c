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
	bool made = false, linking = false;
	struct stat st;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (!write_all(STDOUT_FILENO, data, len)) {
			snprintf(err, errsize, "cannot write to standard "
			    "output: %s", strerror(errno));
			return false;
		}
		return true;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !no_replace) {
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
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	tmp = malloc(dirlen + 32);
	if (tmp == NULL) {
		snprintf(err, errsize, "out of memory");
		return false;
	}
	memcpy(tmp, path, dirlen);
	strcpy(tmp + dirlen, ".kgraph-XXXXXX");
	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	made = true;
	/* mkstemp makes the file 0600; give it what a new file would get. */
	{
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
