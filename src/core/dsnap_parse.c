/*
 * dsnap_parse.c: the pure side of domain snapshots: one snapshot's XML
 * read into a vd_dsnap, a list put in tree order, the tree as virsh
 * prints it, default names and name checks.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/dsnap.h"
#include "core/xml_read.h"

/* Free what s holds. */
void
vd_dsnap_clear(vd_dsnap *s)
{
    size_t i;

    if (!s)
        return;
    free(s->name);
    free(s->parent);
    free(s->description);
    free(s->state);
    free(s->xml);
    for (i = 0; i < s->ndisks; i++) {
        free(s->disks[i].target);
        free(s->disks[i].mode);
        free(s->disks[i].file);
    }
    free(s->disks);
    memset(s, 0, sizeof(*s));
}

/* Parse one snapshot's XML. */
int
vd_dsnap_parse(const char *xml, vd_dsnap *s)
{
    vd_xr x = { NULL, NULL };
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr disks = NULL;
    char *t;
    int ret = -1;

    memset(s, 0, sizeof(*s));
    if (!xml)
        return -1;
    if (!vd_xr_open(&x, xml))
        goto cleanup;
    ctxt = x.ctxt;
    if (!(s->name = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/name)")))
        goto cleanup;
    s->parent = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/parent/name)");
    s->description = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/description)");
    s->state = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/state)");
    if ((t = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/creationTime)"))) {
        s->created = strtoll(t, NULL, 10);
        free(t);
    }
    if ((t = vd_xr_str(ctxt, NULL, "string(/domainsnapshot/memory/@snapshot)"))) {
        s->memory = strcmp(t, "no") != 0;
        if (strcmp(t, "external") == 0)
            s->external = true;
        free(t);
    } else if (s->state && (strcmp(s->state, "running") == 0 ||
                            strcmp(s->state, "paused") == 0)) {
        s->memory = true;       /* old XML without <memory>: internal */
    }
    if ((disks = vd_xr_nodes(ctxt, NULL, "/domainsnapshot/disks/disk"))) {
        int i, n = vd_xr_count(disks);

        if (!(s->disks = calloc((size_t)n, sizeof(*s->disks))))
            goto cleanup;
        for (i = 0; i < n; i++) {
            xmlNodePtr d = vd_xr_node(disks, i);
            vd_dsnap_disk *sd = &s->disks[s->ndisks++];

            sd->target = vd_xr_str(ctxt, d, "string(@name)");
            sd->mode = vd_xr_str(ctxt, d, "string(@snapshot)");
            sd->file = vd_xr_str(ctxt, d, "string(source/@file)");
            if (!sd->file)
                sd->file = vd_xr_str(ctxt, d, "string(source/@dev)");
            if (sd->mode && strcmp(sd->mode, "external") == 0)
                s->external = true;
        }
    }
    if (!(s->xml = strdup(xml)))
        goto cleanup;
    ret = 0;

 cleanup:
    if (ret < 0)
        vd_dsnap_clear(s);
    xmlXPathFreeObject(disks);
    vd_xr_close(&x);
    return ret;
}

/* Free what list holds. */
void
vd_dsnap_list_clear(vd_dsnap_list *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->n; i++)
        vd_dsnap_clear(&list->items[i]);
    free(list->items);
    free(list->domain);
    memset(list, 0, sizeof(*list));
}

/* Free a malloc'ed list. */
void
vd_dsnap_list_free(void *p)
{
    vd_dsnap_list_clear(p);
    free(p);
}

/* Index of name, or -1. */
int
vd_dsnap_find(const vd_dsnap_list *list, const char *name)
{
    size_t i;

    for (i = 0; name && i < list->n; i++)
        if (strcmp(list->items[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* qsort: by name, ignoring case (as virsh sorts). */
static int
by_name(const void *a, const void *b)
{
    const vd_dsnap *sa = a, *sb = b;

    return strcasecmp(sa->name, sb->name);
}

/* Append the subtree under parent (NULL: the roots) from src to dst in
 * depth-first order. */
static void
walk(vd_dsnap *src, size_t n, bool *used, const char *parent, int depth,
     vd_dsnap *dst, size_t *k)
{
    size_t i, lastk = (size_t)-1;

    for (i = 0; i < n; i++) {
        bool child;

        if (used[i])
            continue;
        child = parent ? (src[i].parent && strcmp(src[i].parent, parent) == 0)
                       : (!src[i].parent || !src[i].parent[0]);
        if (!child)
            continue;
        used[i] = true;
        dst[*k] = src[i];
        dst[*k].depth = depth;
        dst[*k].last = false;
        lastk = (*k)++;
        walk(src, n, used, src[i].name, depth + 1, dst, k);
    }
    if (lastk != (size_t)-1)
        dst[lastk].last = true;
}

/* Put the list in tree order. */
void
vd_dsnap_list_order(vd_dsnap_list *list)
{
    vd_dsnap *dst;
    bool *used;
    size_t k = 0, i;

    if (list->n == 0)
        return;
    qsort(list->items, list->n, sizeof(*list->items), by_name);
    dst = calloc(list->n, sizeof(*dst));
    used = calloc(list->n, sizeof(*used));
    if (!dst || !used) {
        free(dst);
        free(used);
        return;
    }
    walk(list->items, list->n, used, NULL, 0, dst, &k);
    /* a parent that is not in the list (should not happen): as roots */
    for (i = 0; i < list->n; i++) {
        if (!used[i]) {
            used[i] = true;
            dst[k] = list->items[i];
            dst[k].depth = 0;
            dst[k].last = true;
            k++;
            walk(list->items, list->n, used, list->items[i].name, 1, dst, &k);
        }
    }
    free(list->items);
    list->items = dst;
    free(used);
}

/* A growing string. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    bool failed;
} sbuf;

/* Append text to b. */
static void
sb_add(sbuf *b, const char *text)
{
    size_t n = strlen(text);

    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 256) + n;
        char *s = realloc(b->s, cap);

        if (!s) {
            b->failed = true;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

/* Print item i and its subtree as virsh's vshTreePrint does: indent is
 * the prefix of this level, root says whether i is a root. */
static void
tree_item(const vd_dsnap_list *l, size_t i, bool root, char *indent,
          size_t ilen, sbuf *b)
{
    size_t j, last_child = (size_t)-1;
    int d = l->items[i].depth;

    sb_add(b, indent);
    if (!root)
        sb_add(b, "+- ");
    sb_add(b, l->items[i].name);
    sb_add(b, "\n");
    if (!root) {
        indent[ilen++] = l->items[i].last ? ' ' : '|';
        indent[ilen++] = ' ';
        indent[ilen] = '\0';
    }
    for (j = i + 1; j < l->n && l->items[j].depth > d; j++)
        if (l->items[j].depth == d + 1)
            last_child = j;
    if (last_child != (size_t)-1) {
        sb_add(b, indent);
        sb_add(b, "  |\n");
    }
    indent[ilen] = ' ';
    indent[ilen + 1] = ' ';
    indent[ilen + 2] = '\0';
    for (j = i + 1; j < l->n && l->items[j].depth > d; j++)
        if (l->items[j].depth == d + 1)
            tree_item(l, j, false, indent, ilen + 2, b);
    indent[ilen] = '\0';
    if (last_child == (size_t)-1 && (root || l->items[i].last)) {
        sb_add(b, indent);
        sb_add(b, "\n");
    }
    if (!root)
        indent[ilen - 2] = '\0';
}

/* The tree as virsh prints it. */
char *
vd_dsnap_tree_text(const vd_dsnap_list *list)
{
    sbuf b = { 0 };
    char *indent;
    size_t i;
    int maxd = 0;

    for (i = 0; i < list->n; i++)
        if (list->items[i].depth > maxd)
            maxd = list->items[i].depth;
    if (!(indent = calloc((size_t)maxd * 4 + 8, 1)))
        return NULL;
    sb_add(&b, "");
    for (i = 0; i < list->n; i++)
        if (list->items[i].depth == 0)
            tree_item(list, i, true, indent, 0, &b);
    free(indent);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* A default name from the time. */
char *
vd_dsnap_default_name(time_t t)
{
    struct tm tm;
    char buf[64];

    if (!localtime_r(&t, &tm) || strftime(buf, sizeof(buf), "snapshot-%Y%m%d-%H%M%S", &tm) == 0)
        return strdup("snapshot");
    return strdup(buf);
}

/* Check a name. */
vd_check_msg *
vd_dsnap_check_name(const char *name)
{
    vd_check_msg *m = vd_check_label("snapshot name", name);

    if (!m && name[0] == '.')
        m = vd_check_msgf("snapshot name may not start with '.'");
    return m;
}
