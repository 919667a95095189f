/*
 * xmltest.c: see xmltest.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "golden.h"
#include "xmltest.h"

/* Read a file (golden.c). */
char *
xt_read_file(const char *path)
{
    return vd_test_read_file(path);
}

/* Write a file (golden.c). */
int
xt_write_file(const char *path, const char *text)
{
    return vd_test_write_file(path, text);
}

/* Read all of fd into a malloc'ed string. */
static char *
slurp_fd(int fd)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    ssize_t n;

    if (!buf)
        return NULL;
    for (;;) {
        if (len + 1 >= cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
        n = read(fd, buf + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += n;
    }
    buf[len] = '\0';
    return buf;
}

/* fork/exec with stdout (and stderr, unless errout) captured through
 * temporary files, so neither pipe can fill up and block. */
int
xt_run_split(char *const argv[], char **output, char **errout)
{
    char out_tmpl[] = "/tmp/vdtest-out.XXXXXX";
    char err_tmpl[] = "/tmp/vdtest-err.XXXXXX";
    int out_fd, err_fd = -1, status, ret = -1;
    pid_t pid;

    if (output)
        *output = NULL;
    if (errout)
        *errout = NULL;
    if ((out_fd = mkstemp(out_tmpl)) < 0)
        return -1;
    unlink(out_tmpl);
    if (errout) {
        if ((err_fd = mkstemp(err_tmpl)) < 0) {
            close(out_fd);
            return -1;
        }
        unlink(err_tmpl);
    }
    fflush(NULL);
    if ((pid = fork()) < 0)
        goto cleanup;
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, 0);
        dup2(out_fd, 1);
        dup2(errout ? err_fd : out_fd, 2);
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            goto cleanup;
    }
    ret = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (output) {
        lseek(out_fd, 0, SEEK_SET);
        *output = slurp_fd(out_fd);
    }
    if (errout) {
        lseek(err_fd, 0, SEEK_SET);
        *errout = slurp_fd(err_fd);
    }

 cleanup:
    close(out_fd);
    if (err_fd >= 0)
        close(err_fd);
    return ret;
}

/* fork/exec with both streams together. */
int
xt_run(char *const argv[], char **output)
{
    return xt_run_split(argv, output, NULL);
}

/* virt-xml-validate on a temporary copy of xml. */
bool
xt_validate(const char *xml, const char *schema, char **output)
{
    char path[] = "/tmp/vdtest-xml.XXXXXX";
    char *argv[] = { "virt-xml-validate", path, (char *)schema, NULL };
    int fd, rc;

    *output = NULL;
    if ((fd = mkstemp(path)) < 0)
        return false;
    close(fd);
    if (xt_write_file(path, xml) < 0) {
        unlink(path);
        return false;
    }
    rc = xt_run(argv, output);
    unlink(path);
    return rc == 0;
}

/* String value of expr. */
char *
xt_xpath(xmlXPathContextPtr ctxt, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    xmlChar *s = obj ? xmlXPathCastToString(obj) : NULL;
    char *ret = strdup(s ? (const char *)s : "");

    xmlFree(s);
    xmlXPathFreeObject(obj);
    return ret;
}

/* String value of expr relative to node. */
char *
xt_xpath_at(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlNodePtr saved = ctxt->node;
    char *ret;

    ctxt->node = node;
    ret = xt_xpath(ctxt, expr);
    ctxt->node = saved;
    return ret;
}

/* Nodes selected by expr. */
xmlXPathObjectPtr
xt_nodes(xmlXPathContextPtr ctxt, const char *expr)
{
    return xmlXPathEvalExpression(BAD_CAST expr, ctxt);
}
