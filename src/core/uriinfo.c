/*
 * uriinfo.c: locality and labels of libvirt URIs (virtdeck/uriinfo.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "virtdeck/uriinfo.h"

/* Whether host names this machine. */
static bool
is_loopback_name(const char *host)
{
    static const char *const names[] = {
        "localhost", "localhost.localdomain", "127.0.0.1", "::1", "[::1]",
    };
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcasecmp(host, names[i]) == 0)
            return true;
    return false;
}

/* See virtdeck/uriinfo.h. */
vd_uri_locality
vd_uri_locality_of(const char *uri)
{
    xmlURIPtr u = uri && *uri ? xmlParseURI(uri) : NULL;
    vd_uri_locality l = VD_URI_REMOTE;
    const char *scheme;

    if (!u)
        return VD_URI_REMOTE;
    scheme = u->scheme ? u->scheme : "";
    if (strstr(scheme, "+unix"))
        l = VD_URI_UNIX;
    else if (!u->server || !*u->server)
        l = strstr(scheme, "+ssh") || strstr(scheme, "+libssh") ||
            strstr(scheme, "+tcp") || strstr(scheme, "+tls")
            ? VD_URI_SAME_MACHINE   /* libvirt fills in localhost */
            : VD_URI_UNIX;
    else if (is_loopback_name(u->server))
        l = VD_URI_SAME_MACHINE;
    xmlFreeURI(u);
    return l;
}

/* See virtdeck/uriinfo.h. */
bool
vd_uri_is_local(const char *uri)
{
    return vd_uri_locality_of(uri) != VD_URI_REMOTE;
}

/* See virtdeck/uriinfo.h. */
bool
vd_uri_passes_fds(const char *uri)
{
    return vd_uri_locality_of(uri) == VD_URI_UNIX;
}

/* The parts of a URI a label is made of. */
typedef struct parts {
    char *base;                 /* host, "local", file name */
    char *user;
    int port;
    char *rest;                 /* scheme, path and query: what else differs */
} parts;

static void
parts_clear(parts *p)
{
    free(p->base);
    free(p->user);
    free(p->rest);
    memset(p, 0, sizeof(*p));
}

/* Split uri into parts; -1 on out of memory. An unparsable URI is its
 * own base. */
static int
split(const char *uri, parts *p)
{
    xmlURIPtr u = uri ? xmlParseURI(uri) : NULL;
    const char *path, *slash;

    memset(p, 0, sizeof(*p));
    if (!u) {
        p->base = strdup(uri ? uri : "?");
        p->rest = strdup("");
        return p->base && p->rest ? 0 : -1;
    }
    path = u->path ? u->path : "";
    if (u->server && *u->server) {
        p->base = strdup(u->server);
    } else if (u->scheme && strncmp(u->scheme, "test", 4) == 0) {
        slash = strrchr(path, '/');
        p->base = strdup(slash && slash[1] ? slash + 1 : "default");
    } else if (strcmp(path, "/session") == 0) {
        p->base = strdup("session");
    } else if (!u->scheme || strcmp(u->scheme, "qemu") == 0) {
        p->base = strdup("local");
    } else if (asprintf(&p->base, "local %s", u->scheme) < 0) {
        p->base = NULL;         /* "local qemu+unix", "local lxc" */
    }
    if (u->user && *u->user)
        p->user = strdup(u->user);
    p->port = u->port > 0 ? u->port : 0;
    if (asprintf(&p->rest, "%s %s%s%s", u->scheme ? u->scheme : "", path,
                 u->query ? "?" : "", u->query ? u->query : "") < 0)
        p->rest = NULL;
    xmlFreeURI(u);
    return p->base && p->rest ? 0 : -1;
}

/* See virtdeck/uriinfo.h. */
char *
vd_uri_label(const char *uri)
{
    parts p;
    char *ret;

    if (split(uri, &p) < 0) {
        parts_clear(&p);
        return NULL;
    }
    ret = p.base;
    p.base = NULL;
    parts_clear(&p);
    return ret;
}

/* The label of p at a level: 0 base, 1 user@, 2 :port. */
static char *
at_level(const parts *p, int level)
{
    char port[16] = "";
    char *s;

    if (level >= 2 && p->port)
        snprintf(port, sizeof(port), ":%d", p->port);
    if (asprintf(&s, "%s%s%s%s", level >= 1 && p->user ? p->user : "",
                 level >= 1 && p->user ? "@" : "", p->base, port) < 0)
        return NULL;
    return s;
}

/* Tokens of s split at the separators of a URI's path and query. */
static size_t
tokens(const char *s, char ***out)
{
    char *copy = strdup(s), *tok, *save = NULL, **list = NULL, **grown;
    size_t n = 0;

    for (tok = copy ? strtok_r(copy, " /?&=+:;", &save) : NULL; tok;
         tok = strtok_r(NULL, " /?&=+:;", &save)) {
        if (!(grown = realloc(list, (n + 1) * sizeof(char *))))
            break;
        list = grown;
        if (!(list[n] = strdup(tok)))
            break;
        n++;
    }
    free(copy);
    *out = list;
    return n;
}

/* For the hosts idx[0..m) that read the same: append " (what differs)"
 * from their rest parts (common leading and trailing tokens dropped). */
static void
widen_by_rest(char **labels, parts *ps, const size_t *idx, size_t m)
{
    char ***toks = calloc(m, sizeof(char **));
    size_t *nt = calloc(m, sizeof(size_t)), pre = 0, suf = 0, min = (size_t)-1, k, i;

    if (!toks || !nt)
        goto cleanup;
    for (k = 0; k < m; k++) {
        nt[k] = tokens(ps[idx[k]].rest, &toks[k]);
        if (nt[k] < min)
            min = nt[k];
    }
    while (pre < min) {
        for (k = 1; k < m && strcmp(toks[k][pre], toks[0][pre]) == 0; k++)
            ;
        if (k < m)
            break;
        pre++;
    }
    while (suf < min - pre) {
        for (k = 1; k < m && strcmp(toks[k][nt[k] - 1 - suf],
                                    toks[0][nt[0] - 1 - suf]) == 0; k++)
            ;
        if (k < m)
            break;
        suf++;
    }
    for (k = 0; k < m; k++) {
        char *buf = NULL, *w;
        size_t len = 0;
        FILE *f;

        if (pre + suf >= nt[k] || !(f = open_memstream(&buf, &len)))
            continue;
        for (i = pre; i < nt[k] - suf; i++)
            fprintf(f, "%s%s", i > pre ? "/" : "", toks[k][i]);
        if (fclose(f) == 0 && asprintf(&w, "%s (%s)", labels[idx[k]], buf) >= 0) {
            free(labels[idx[k]]);
            labels[idx[k]] = w;
        }
        free(buf);
    }

 cleanup:
    for (k = 0; toks && k < m; k++) {
        for (i = 0; i < nt[k]; i++)
            free(toks[k][i]);
        free(toks[k]);
    }
    free(toks);
    free(nt);
}

/* Indices of the hosts (not given a label) whose label equals i's. */
static size_t
same_as(char **labels, const bool *fixed, size_t n, size_t i, size_t *idx)
{
    size_t j, m = 0;

    for (j = 0; j < n; j++)
        if (!fixed[j] && strcmp(labels[j], labels[i]) == 0)
            idx[m++] = j;
    return m;
}

/* See virtdeck/uriinfo.h. */
char **
vd_host_labels(const char *const *uris, const char *const *given, size_t n)
{
    char **labels = calloc(n + 1, sizeof(char *));
    parts *ps = calloc(n + 1, sizeof(parts));
    bool *fixed = calloc(n + 1, sizeof(bool));
    size_t *idx = calloc(n + 1, sizeof(size_t)), i, j, m;
    int level;

    if (!labels || !ps || !fixed || !idx)
        goto fail;
    for (i = 0; i < n; i++) {
        if (given && given[i] && *given[i]) {
            fixed[i] = true;
            if (!(labels[i] = strdup(given[i])))
                goto fail;
            continue;
        }
        if (split(uris[i], &ps[i]) < 0 || !(labels[i] = at_level(&ps[i], 0)))
            goto fail;
    }
    /* widen only the ones that read the same, a step at a time */
    for (level = 1; level <= 2; level++) {
        bool dup[n + 1];

        for (i = 0; i < n; i++)
            dup[i] = !fixed[i] && same_as(labels, fixed, n, i, idx) > 1;
        for (i = 0; i < n; i++) {
            char *w;

            if (!dup[i] || !(w = at_level(&ps[i], level)))
                continue;
            free(labels[i]);
            labels[i] = w;
        }
    }
    for (i = 0; i < n; i++) {
        if (fixed[i] || (m = same_as(labels, fixed, n, i, idx)) < 2)
            continue;
        widen_by_rest(labels, ps, idx, m);
    }
    for (i = 0; i < n; i++) {
        int k = 1;

        if (fixed[i] || (m = same_as(labels, fixed, n, i, idx)) < 2)
            continue;
        for (j = 1; j < m; j++) {
            char *w;

            if (asprintf(&w, "%s #%d", labels[idx[j]], ++k) >= 0) {
                free(labels[idx[j]]);
                labels[idx[j]] = w;
            }
        }
    }
    for (i = 0; i < n; i++)
        parts_clear(&ps[i]);
    free(ps);
    free(fixed);
    free(idx);
    return labels;

 fail:
    for (i = 0; ps && i < n; i++)
        parts_clear(&ps[i]);
    free(ps);
    free(fixed);
    free(idx);
    vd_host_labels_free(labels, n);
    return NULL;
}

/* See virtdeck/uriinfo.h. */
void
vd_host_labels_free(char **labels, size_t n)
{
    size_t i;

    for (i = 0; labels && i < n; i++)
        free(labels[i]);
    free(labels);
}
