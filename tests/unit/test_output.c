/* Unit tests for src/output.h: atomic writes, refusing to replace, and
 * that a failed write leaves the target as it was and no temporary file
 * behind. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

/* A fresh folder for one test; the test removes what it made. */
static int
setup_dir(void **state)
{
	char *dir = strdup("/tmp/kgraph-test-output-XXXXXX");

	if (dir == NULL || mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	return 0;
}

static int
teardown_dir(void **state)
{
	char *dir = *state, path[512];
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) != 0)
			rmdir(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
	free(dir);
	return 0;
}

/* The content of path, or "(none)"; the caller frees it. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s = calloc(1, 4096);
	size_t n;

	if (fp == NULL) {
		strcpy(s, "(none)");
		return s;
	}
	n = fread(s, 1, 4095, fp);
	s[n] = '\0';
	fclose(fp);
	return s;
}

/* The number of entries of dir other than . and .. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
assert_content(const char *path, const char *want)
{
	char *got = slurp(path);

	assert_string_equal(got, want);
	free(got);
}

static void
test_write_and_replace(void **state)
{
	const char *dir = *state;
	char path[512], err[256];
	struct stat st;
	mode_t mask = umask(022);

	snprintf(path, sizeof(path), "%s/out.svg", dir);
	assert_true(output_write(path, "first", 5, false, err, sizeof(err)));
	assert_content(path, "first");
	/* A new file gets the mode a new file would, not mkstemp's 0600. */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_true(output_write(path, "second", 6, false, err, sizeof(err)));
	assert_content(path, "second");
	/* No temporary file is left beside it. */
	assert_int_equal(entries(dir), 1);
	umask(mask);
}

static void
test_no_replace(void **state)
{
	const char *dir = *state;
	char path[512], err[256];

	snprintf(path, sizeof(path), "%s/model.yaml", dir);
	assert_true(output_write(path, "new", 3, true, err, sizeof(err)));
	assert_content(path, "new");
	err[0] = '\0';
	assert_false(output_write(path, "other", 5, true, err, sizeof(err)));
	assert_non_null(strstr(err, "already exists"));
	assert_non_null(strstr(err, path));
	assert_content(path, "new");
	assert_int_equal(entries(dir), 1);
}

static void
test_failures_leave_nothing(void **state)
{
	const char *dir = *state;
	char path[512], err[1024];

	/* A folder that does not exist: mkstemp fails. */
	snprintf(path, sizeof(path), "%s/missing/out.svg", dir);
	err[0] = '\0';
	assert_false(output_write(path, "x", 1, false, err, sizeof(err)));
	assert_non_null(strstr(err, "cannot write"));
	assert_non_null(strstr(err, "No such file"));
	/* A folder as the target: refused before anything is made. */
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_false(output_write(path, "x", 1, false, err, sizeof(err)));
	assert_non_null(strstr(err, "is a directory"));
	rmdir(path);
	/* A name longer than the system allows fails only at the rename
	 * (or link), after the temporary file was written: that file must
	 * be removed. */
	{
		char name[300];

		memset(name, 'n', sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	}
	err[0] = '\0';
	assert_false(output_write(path, "x", 1, false, err, sizeof(err)));
	assert_non_null(strstr(err, "File name too long"));
	assert_int_equal(entries(dir), 0);
	err[0] = '\0';
	assert_false(output_write(path, "x", 1, true, err, sizeof(err)));
	assert_non_null(strstr(err, "File name too long"));
	assert_int_equal(entries(dir), 0);
}

/* A device is written in place, never renamed over; a full one fails. */
static void
test_device(void **state)
{
	char err[256];

	(void)state;
	assert_true(output_write("/dev/null", "x", 1, false, err,
	    sizeof(err)));
	if (access("/dev/full", W_OK) == 0) {
		err[0] = '\0';
		assert_false(output_write("/dev/full", "x", 1, false, err,
		    sizeof(err)));
		assert_non_null(strstr(err, "cannot write /dev/full"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_and_replace,
		    setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_no_replace, setup_dir,
		    teardown_dir),
		cmocka_unit_test_setup_teardown(test_failures_leave_nothing,
		    setup_dir, teardown_dir),
		cmocka_unit_test(test_device),
	};

	return cmocka_run_group_tests_name("test_output", tests, NULL, NULL);
}
