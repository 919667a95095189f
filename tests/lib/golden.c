/*
 * golden.c: golden-file comparison for the C tests (golden.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"

/* Read a file. */
char *
vd_test_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long len;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc(len + 1))) {
        if (fread(buf, 1, len, f) != (size_t)len) {
            free(buf);
            buf = NULL;
        } else {
            buf[len] = '\0';
        }
    }
    fclose(f);
    return buf;
}

/* Write a file. */
int
vd_test_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    int ret = 0;

    if (!f)
        return -1;
    if (fputs(text, f) < 0)
        ret = -1;
    if (fclose(f) != 0)
        ret = -1;
    return ret;
}

/* The update switch. */
bool
vd_golden_updating(void)
{
    const char *v = getenv("VD_UPDATE_GOLDEN");

    return v && *v && strcmp(v, "0") != 0;
}

/* The 1-based number of the first line where a and b differ. */
static int
first_diff_line(const char *a, const char *b)
{
    int line = 1;

    for (; *a && *a == *b; a++, b++) {
        if (*a == '\n')
            line++;
    }
    return line;
}

/* Compare with the golden file. */
char *
vd_golden_check(const char *dir, const char *file, const char *text)
{
    char *path = NULL, *want = NULL, *msg = NULL;

    if (asprintf(&path, "%s/%s", dir, file) < 0)
        return strdup("out of memory");
    if (vd_golden_updating() && vd_test_write_file(path, text) < 0) {
        if (asprintf(&msg, "cannot rewrite golden file %s", path) < 0)
            msg = NULL;
    } else if (!(want = vd_test_read_file(path))) {
        if (asprintf(&msg, "missing golden file %s (VD_UPDATE_GOLDEN=1 writes it); "
                     "this output:\n%s", path, text) < 0)
            msg = NULL;
    } else if (strcmp(want, text) != 0) {
        if (asprintf(&msg, "%s differs from the output from line %d on "
                     "(VD_UPDATE_GOLDEN=1 rewrites it):\n--- expected\n%s--- got\n%s",
                     path, first_diff_line(want, text), want, text) < 0)
            msg = NULL;
    }
    free(want);
    free(path);
    return msg;
}
