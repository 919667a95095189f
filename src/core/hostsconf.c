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
#include <time.h>
#include <unistd.h>

#include <libxml/uri.h>

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
    xmlURIPtr parsed;

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
    /* libvirt parses URIs with libxml2 and refuses what it cannot */
    if (!(parsed = xmlParseURI(uri)))
        return "libvirt cannot parse this URI (an IPv6 host goes in [ ], "
               "a '%' starts a %XX escape)";
    xmlFreeURI(parsed);
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
    free(conf->unreadable);
    free(conf->kept_aside);
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

/* Note that the file at path was not read: the message goes to the
 * errors and to conf->unreadable. */
static void
set_unreadable(vd_hosts_conf *conf, const char *path, const char *why)
{
    add_error(conf, "%s: %s; it is not read and will not be written over",
              path, why);
    free(conf->unreadable);
    if (asprintf(&conf->unreadable, "%s: %s", path, why) < 0)
        conf->unreadable = NULL;
}

/* Replace each line of buf[0..len) that holds a NUL byte by a comment
 * saying so (the bytes after the NUL shown as "\0"), and report it.
 * Returns the new text (caller frees) or NULL on out of memory. */
static char *
drop_nul_lines(vd_hosts_conf *conf, const char *buf, size_t len,
               const char *name)
{
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    size_t off = 0;
    unsigned int lineno = 0;

    if (!f)
        return NULL;
    while (off < len) {
        const char *nl = memchr(buf + off, '\n', len - off);
        size_t n = nl ? (size_t)(nl - (buf + off)) : len - off;

        lineno++;
        if (memchr(buf + off, '\0', n)) {
            fputs("# not read (a NUL byte): ", f);
            for (size_t i = 0; i < n; i++) {
                if (buf[off + i] == '\0')
                    fputs("\\0", f);
                else
                    fputc(buf[off + i], f);
            }
            add_error(conf, "%s:%u: a NUL byte: line not read", name, lineno);
        } else {
            fwrite(buf + off, 1, n, f);
        }
        if (nl)
            fputc('\n', f);
        off += n + (nl ? 1 : 0);
    }
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* Load path; see hostsconf.h. */
int
vd_hosts_conf_load(vd_hosts_conf *conf, const char *path)
{
    FILE *f = fopen(path, "r");
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *buf = NULL, *text = NULL;
    size_t len;
    int ret = -1, nul_errors = 0;

    if (!f) {
        if (errno == ENOENT)
            return 0;
        set_unreadable(conf, path, strerror(errno));
        return -1;
    }
    if (!(buf = malloc(MAX_FILE_BYTES + 1)))
        goto cleanup;
    len = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    if (ferror(f)) {
        set_unreadable(conf, path, strerror(errno));
        goto cleanup;
    }
    if (len > MAX_FILE_BYTES) {
        char why[64];

        snprintf(why, sizeof(why), "larger than %d bytes", MAX_FILE_BYTES);
        set_unreadable(conf, path, why);
        goto cleanup;
    }
    buf[len] = '\0';
    if (memchr(buf, '\0', len)) {
        size_t before = conf->nerrors;

        /* the other lines still load; the file cannot be written back
         * as it was, so the next save keeps it aside first */
        if (!(text = drop_nul_lines(conf, buf, len, name)))
            goto cleanup;
        nul_errors = (int)(conf->nerrors - before);
        conf->keep_aside = true;
    }
    ret = vd_hosts_conf_parse(conf, text ? text : buf, name);
    if (ret >= 0)
        ret += nul_errors;

 cleanup:
    free(text);
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

/* Keep the file at path under a new name next to it, byte for byte (a
 * hard link, so the rename of the new file over path cannot lose it).
 * The name goes to conf->kept_aside. 0, or -1 with *err set. */
static int
keep_aside(vd_hosts_conf *conf, const char *path, char **err)
{
    char stamp[32], *aside = NULL;
    time_t now = time(NULL);
    struct tm tm;

    localtime_r(&now, &tm);
    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S", &tm);
    for (int i = 0; i < 100; i++) {
        free(aside);
        if ((i == 0 ? asprintf(&aside, "%s.unreadable-%s", path, stamp)
                    : asprintf(&aside, "%s.unreadable-%s.%d", path, stamp, i)) < 0) {
            aside = NULL;
            break;
        }
        if (link(path, aside) == 0) {
            free(conf->kept_aside);
            conf->kept_aside = aside;
            return 0;
        }
        if (errno == ENOENT) {          /* gone meanwhile: nothing to keep */
            free(aside);
            return 0;
        }
        if (errno != EEXIST)
            break;
    }
    if (asprintf(err, "%s has lines that cannot be written back and could "
                 "not be kept aside (%s): not written over", path,
                 strerror(errno)) < 0)
        *err = NULL;
    free(aside);
    return -1;
}

/* Save atomically; see hostsconf.h. */
int
vd_hosts_conf_save(vd_hosts_conf *conf, const char *path, char **err)
{
    char *text = NULL;
    char *tmp = NULL;
    size_t len, off = 0;
    int fd = -1, ret = -1;
    bool created = false;

    *err = NULL;
    free(conf->kept_aside);
    conf->kept_aside = NULL;
    if (conf->unreadable) {
        const char *base = strrchr(path, '/');

        if (asprintf(err, "%s is not written over: it was not read (%s); "
                     "fix or move %s, then restart", base ? base + 1 : path,
                     strchr(conf->unreadable, ':') ?
                     strchr(conf->unreadable, ':') + 2 : conf->unreadable,
                     path) < 0)
            *err = NULL;
        return -1;
    }
    if (conf->keep_aside && keep_aside(conf, path, err) < 0)
        return -1;
    text = vd_hosts_conf_format(conf);
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
    conf->keep_aside = false;
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
