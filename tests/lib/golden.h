/*
 * golden.h: golden files for the C tests. A test compares what a
 * builder made with a file under its data directory, byte for byte;
 * VD_UPDATE_GOLDEN=1 in the environment rewrites the file from the
 * output instead (then review the diff with git before committing).
 */
#ifndef VD_TEST_GOLDEN_H
#define VD_TEST_GOLDEN_H

#include <stdbool.h>

/* The whole file at path (malloc'ed), or NULL. */
char *vd_test_read_file(const char *path);

/* Write text to path. 0 or -1. */
int vd_test_write_file(const char *path, const char *text);

/* Whether VD_UPDATE_GOLDEN asks for rewriting (set, not "" or "0"). */
bool vd_golden_updating(void);

/* Compare text with dir/file (after rewriting it when updating). NULL
 * when they are the same; else a message for the test's failure
 * (malloc'ed): the file, the first line that differs, both texts, and
 * how to update. */
char *vd_golden_check(const char *dir, const char *file, const char *text);

#endif
