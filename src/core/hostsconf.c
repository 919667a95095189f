/*
 * hostsconf.c: reading and writing the hosts list (hosts.conf).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "virtdeck/hostsconf.h"

#define MAX_FILE_BYTES (1024 * 1024)

/* Add a printf-formatted message to conf->errors. 0 or -1 (OOM). */
static int __attribute__((format(printf, 2, 3)))
add_error(vd_hosts_conf *conf, const char *fmt, ...)
{
    char **errs;
    char *msg = NULL;
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = vasprintf(&msg, fmt, ap);
    va_end(ap);
    if (rc < 0)
        return -1;
    if (!(errs = realloc(conf->errors, (conf->nerrors + 1) * sizeof(*errs)))) {
        free(msg);
        return -1;
    }
    conf->errors = errs;
    conf->errors[conf->nerrors++] = msg;
    return 0;
}

/* Check a URI; see hostsconf.h. */
const char *
vd_hosts_conf_check_uri(const char *uri)
{
    const char *p;

    if (!uri || !*uri)
        return "the URI is empty";
    for (p = uri; *p; p++) {
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == 0x7f)
            return "a URI has no spaces, quotes or control characters";
    }
    p = strstr(uri, ":");
    if (!p || p == uri || strncmp(p, "://", 3) != 0)
        return "not a libvirt URI (expected e.g. qemu:///system or qemu+ssh://user@host/system)";
    for (p = uri; *p != ':'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'))
            return "the URI's scheme may hold only letters, digits, '+', '-' and '.'";
    }
    return NULL;
}

/* Append a host; see hostsconf.h. */
int
vd_hosts_conf_add(vd_hosts_conf *conf, const char *uri, const char *label,
                  bool autoconnect, bool transient, const char **why)
{
    vd_host_entry *hosts, *e;
    const char *bad = vd_hosts_conf_check_uri(uri);

    if (bad) {
        if (why)
            *why = bad;
        return -1;
    }
    if (why)
        *why = "out of memory";
    if (!(hosts = realloc(conf->hosts, (conf->nhosts + 1) * sizeof(*hosts))))
        return -1;
    conf->hosts = hosts;
    e = &hosts[conf->nhosts];
    memset(e, 0, sizeof(*e));
    if (!(e->uri = strdup(uri)) ||
        (label && *label && !(e->label = strdup(label)))) {
        free(e->uri);
        return -1;
    }
    e->autoconnect = autoconnect;
    e->transient = transient;
    return (int)conf->nhosts++;
}

/* Remove host i. */
void
vd_hosts_conf_remove(vd_hosts_conf *conf, size_t i)
{
    vd_host_entry *e;

    if (i >= conf->nhosts)
        return;
    e = &conf->hosts[i];
    /* what the user wrote above it or beside it stays in the file */
    if (e->before || e->note) {
        char **to = i + 1 < conf->nhosts ? &conf->hosts[i + 1].before : &conf->after;
        char *joined = NULL;

        if (asprintf(&joined, "%s%s%s%s", e->before ? e->before : "",
                     e->note ? e->note : "", e->note ? "\n" : "",
                     *to ? *to : "") >= 0) {
            free(*to);
            *to = joined;
        }
    }
    free(e->uri);
    free(e->label);
    free(e->before);
    free(e->note);
    memmove(&conf->hosts[i], &conf->hosts[i + 1],
            (conf->nhosts - i - 1) * sizeof(conf->hosts[0]));
    conf->nhosts--;
}

/* Free conf's contents. */
void
vd_hosts_conf_clear(vd_hosts_conf *conf)
{
    size_t i;

    while (conf->nhosts)
        vd_hosts_conf_remove(conf, conf->nhosts - 1);
    free(conf->hosts);
    for (i = 0; i < conf->nerrors; i++)
        free(conf->errors[i]);
    free(conf->errors);
    free(conf->after);
    memset(conf, 0, sizeof(*conf));
}

/* Read one word of line at *pp into a new string: a bare word up to a
 * blank, or key="quoted value". Returns the word, NULL at the end of
 * the line (*why NULL) or on a malformed word (*why set). */
static char *
next_word(const char **pp, const char **why)
{
    const char *p = *pp;
    char *out, *o;

    *why = NULL;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '#') {
        *pp = p;
        return NULL;
    }
    if (!(out = malloc(strlen(p) + 1))) {
        *why = "out of memory";
        return NULL;
    }
    o = out;
    while (*p && *p != ' ' && *p != '\t') {
        if (*p != '"') {
            *o++ = *p++;
            continue;
        }
        for (p++; *p && *p != '"'; p++) {
            if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
                p++;
            *o++ = *p;
        }
        if (*p != '"') {
            *why = "unterminated quote";
            free(out);
            return NULL;
        }
        p++;
    }
    *o = '\0';
    *pp = p;
    return out;
}

/* Parse a yes/no value into *val. Returns 0 or -1. */
static int
parse_bool(const char *s, bool *val)
{
    static const char *const yes[] = { "yes", "true", "on", "1" };
    static const char *const no[] = { "no", "false", "off", "0" };
    size_t i;

    for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (strcmp(s, yes[i]) == 0) {
            *val = true;
            return 0;
        }
        if (strcmp(s, no[i]) == 0) {
            *val = false;
            return 0;
        }
    }
    return -1;
}

/* Parse one line (no newline). Returns 1 when it added a host, 0 for
 * a blank or comment line, -1 when malformed (*why set), -2 on OOM. */
static int
parse_line(vd_hosts_conf *conf, const char *line, const char **why,
           char *detail, size_t dlen)
{
    const char *p = line;
    char *uri = NULL, *label = NULL, *word = NULL;
    bool autoconnect = true;
    int ret = -1, idx;

    *detail = '\0';
    if (!(uri = next_word(&p, why)))
        return *why ? -1 : 0;
    if ((*why = vd_hosts_conf_check_uri(uri))) {
        snprintf(detail, dlen, "'%s'", uri);
        goto cleanup;
    }
    while ((word = next_word(&p, why))) {
        char *eq = strchr(word, '=');

        if (!eq) {
            *why = "expected key=value after the URI";
            snprintf(detail, dlen, "'%s'", word);
            goto cleanup;
        }
        *eq = '\0';
        if (strcmp(word, "label") == 0) {
            free(label);
            if (!(label = strdup(eq + 1))) {
                ret = -2;
                goto cleanup;
            }
        } else if (strcmp(word, "autoconnect") == 0) {
            if (parse_bool(eq + 1, &autoconnect) < 0) {
                *why = "autoconnect takes yes or no";
                snprintf(detail, dlen, "'%s'", eq + 1);
                goto cleanup;
            }
        } else {
            *why = "unknown key (known: label, autoconnect)";
            snprintf(detail, dlen, "'%s'", word);
            goto cleanup;
        }
        free(word);
    }
    if (*why)
        goto cleanup;
    if ((idx = vd_hosts_conf_add(conf, uri, label, autoconnect, false, why)) < 0) {
        ret = -2;
        goto cleanup;
    }
    if (*p == '#') {            /* a comment after the host: kept */
        size_t n = strlen(p);

        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
            n--;
        if (!(conf->hosts[idx].note = strndup(p, n))) {
            ret = -2;
            goto cleanup;
        }
    }
    ret = 1;

 cleanup:
    free(word);
    free(uri);
    free(label);
    return ret;
}

/* The comment the format writes at the top; not kept when read back. */
static const char header[] =
    "# virtdeck hosts: URI [label=\"NAME\"] [autoconnect=yes|no]";

/* Append text to *block. 0 or -1. */
static int
block_cat(char **block, const char *text)
{
    char *joined;

    if (asprintf(&joined, "%s%s", *block ? *block : "", text) < 0)
        return -1;
    free(*block);
    *block = joined;
    return 0;
}

/* Append a line (after prefix, if any) and a newline to *block. 0 or -1. */
static int
block_add(char **block, const char *prefix, const char *line)
{
    char *text;
    int ret;

    if (asprintf(&text, "%s%s\n", prefix ? prefix : "", line) < 0)
        return -1;
    ret = block_cat(block, text);
    free(text);
    return ret;
}

/* Whether line is blank or a comment. */
static bool
is_comment(const char *line)
{
    line += strspn(line, " \t");
    return !*line || *line == '#';
}

/* Parse text; see hostsconf.h. */
int
vd_hosts_conf_parse(vd_hosts_conf *conf, const char *text, const char *name)
{
    const char *p = text;
    unsigned int lineno = 0;
    int bad = 0;
    char *pending = NULL;       /* lines for the next host's "before" */

    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, len);
        const char *why = NULL;
        char detail[160];
        int rc;

        lineno++;
        if (!line)
            goto oom;
        /* a CRLF line is parsed without its CR; what is kept as text
         * keeps every byte */
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (is_comment(line)) {
            if (strcmp(line, header) != 0) {
                if (len)
                    line[len - 1] = p[len - 1];     /* the CR, if any */
                rc = block_add(&pending, NULL, line);
            } else {
                rc = 0;
            }
        } else {
            size_t before = conf->nhosts;

            rc = parse_line(conf, line, &why, detail, sizeof(detail));
            if (rc == 1 && conf->nhosts > before) {
                conf->hosts[before].before = pending;
                pending = NULL;
                rc = 0;
            } else if (rc == -1) {
                bad++;
                if (len)
                    line[len - 1] = p[len - 1];     /* the CR, if any */
                if (block_add(&pending, "# not read: ", line) < 0 ||
                    add_error(conf, "%s:%u: %s%s%s", name, lineno, why,
                              *detail ? ": " : "", detail) < 0)
                    rc = -2;
                else
                    rc = 0;
            }
        }
        free(line);
        if (rc < 0)
            goto oom;
        p += len;
        if (*p == '\n')
            p++;
    }
    if (pending && block_cat(&conf->after, pending) < 0)
        goto oom;
    free(pending);
    return bad;

 oom:
    free(pending);
    return -1;
}

/* The path of hosts.conf. */
char *
vd_hosts_conf_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *path = NULL;

    if (xdg && *xdg == '/') {
        if (asprintf(&path, "%s/virtdeck/hosts.conf", xdg) < 0)
            return NULL;
    } else if (home && *home) {
        if (asprintf(&path, "%s/.config/virtdeck/hosts.conf", home) < 0)
            return NULL;
    }
    return path;
}

/* Load path; see hostsconf.h. */
int
vd_hosts_conf_load(vd_hosts_conf *conf, const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t len;
    int ret = -1;

    if (!f) {
        if (errno == ENOENT)
            return 0;
        add_error(conf, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!(buf = malloc(MAX_FILE_BYTES + 1)))
        goto cleanup;
    len = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    if (ferror(f)) {
        add_error(conf, "%s: %s", path, strerror(errno));
        goto cleanup;
    }
    if (len > MAX_FILE_BYTES) {
        add_error(conf, "%s: larger than %d bytes, not read", path, MAX_FILE_BYTES);
        goto cleanup;
    }
    buf[len] = '\0';
    if (memchr(buf, '\0', len)) {
        add_error(conf, "%s: not a text file", path);
        goto cleanup;
    }
    ret = vd_hosts_conf_parse(conf, buf, strrchr(path, '/') ? strrchr(path, '/') + 1 : path);

 cleanup:
    free(buf);
    fclose(f);
    return ret;
}

/* Append s to the buffer, quoted when it needs it. 0 or -1. */
static int
put_value(FILE *out, const char *s)
{
    const char *p;

    if (*s && !strpbrk(s, " \t\"\\#")) {
        fputs(s, out);
        return 0;
    }
    fputc('"', out);
    for (p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        if (*p == '\n' || *p == '\r')
            fputc(' ', out);
        else
            fputc(*p, out);
    }
    fputc('"', out);
    return 0;
}

/* The file's text; see hostsconf.h. */
char *
vd_hosts_conf_format(const vd_hosts_conf *conf)
{
    char *buf = NULL;
    size_t len = 0, i;
    FILE *out = open_memstream(&buf, &len);

    if (!out)
        return NULL;
    fprintf(out, "%s\n", header);
    for (i = 0; i < conf->nhosts; i++) {
        const vd_host_entry *e = &conf->hosts[i];

        if (e->before)
            fputs(e->before, out);
        if (e->transient)
            continue;
        fputs(e->uri, out);
        if (e->label) {
            fputs(" label=", out);
            put_value(out, e->label);
        }
        fprintf(out, " autoconnect=%s", e->autoconnect ? "yes" : "no");
        if (e->note)
            fprintf(out, "  %s", e->note);
        fputc('\n', out);
    }
    if (conf->after)
        fputs(conf->after, out);
    if (fclose(out) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Create the parent directory of path (one level, and its parent). */
static int
make_parent(const char *path)
{
    char *dir = strdup(path), *slash;
    int ret = -1;

    if (!dir)
        return -1;
    if ((slash = strrchr(dir, '/')) && slash != dir) {
        *slash = '\0';
        if (mkdir(dir, 0700) == 0 || errno == EEXIST) {
            ret = 0;
        } else if (errno == ENOENT) {
            char *up = strrchr(dir, '/');
            if (up && up != dir) {
                *up = '\0';
                if (mkdir(dir, 0700) == 0 || errno == EEXIST) {
                    *up = '/';
                    ret = mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
                }
            }
        }
    } else {
        ret = 0;
    }
    free(dir);
    return ret;
}

/* Save atomically; see hostsconf.h. */
int
vd_hosts_conf_save(const vd_hosts_conf *conf, const char *path, char **err)
{
    char *text = vd_hosts_conf_format(conf);
    char *tmp = NULL;
    size_t len, off = 0;
    int fd = -1, ret = -1;
    bool created = false;

    *err = NULL;
    if (!text || asprintf(&tmp, "%s.XXXXXX", path) < 0) {
        tmp = NULL;
        if (asprintf(err, "%s: out of memory", path) < 0)
            *err = NULL;
        goto cleanup;
    }
    if (make_parent(path) < 0 || (fd = mkstemp(tmp)) < 0) {
        if (asprintf(err, "cannot write %s: %s", path, strerror(errno)) < 0)
            *err = NULL;
        goto cleanup;
    }
    created = true;
    len = strlen(text);
    while (off < len) {
        ssize_t n = write(fd, text + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            goto io_error;
        off += (size_t)n;
    }
    if (fchmod(fd, 0600) < 0 || fsync(fd) < 0)
        goto io_error;
    if (close(fd) < 0) {
        fd = -1;
        goto io_error;
    }
    fd = -1;
    if (rename(tmp, path) < 0)
        goto io_error;
    created = false;
    ret = 0;
    goto cleanup;

 io_error:
    if (asprintf(err, "cannot write %s: %s", path, strerror(errno)) < 0)
        *err = NULL;
 cleanup:
    if (fd >= 0)
        close(fd);
    if (ret < 0 && created)
        unlink(tmp);
    free(tmp);
    free(text);
    return ret;
}
