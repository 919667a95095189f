/*
 * xml_pool.c: storage pool XML from a vd_pool_spec, built with libxml2's
 * tree API (core/xml_priv.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/netstore.h"
#include "core/xml_priv.h"

typedef struct type_info {
    const char *name;
    const char *default_target; /* NULL: the user must give one */
    const char *default_format; /* <source><format>, NULL: none */
} type_info;

static const type_info types[VD_POOLTYPE_LAST] = {
    [VD_POOLTYPE_DIR] = { "dir", NULL, NULL },
    [VD_POOLTYPE_FS] = { "fs", NULL, "auto" },
    [VD_POOLTYPE_NETFS] = { "netfs", NULL, "nfs" },
    [VD_POOLTYPE_LOGICAL] = { "logical", NULL, "lvm2" },
    [VD_POOLTYPE_ISCSI] = { "iscsi", "/dev/disk/by-path", NULL },
    [VD_POOLTYPE_DISK] = { "disk", "/dev", "gpt" },
};

/* Whether s is NULL or "". */
static bool
empty(const char *s)
{
    return !s || !*s;
}

/* The word for a pool type. */
const char *
vd_pool_type_name(vd_pool_type type)
{
    if ((int)type < 0 || type >= VD_POOLTYPE_LAST)
        return "?";
    return types[type].name;
}

/* The pool type for a word, or -1. */
int
vd_pool_type_parse(const char *word)
{
    int i;

    for (i = 0; word && i < VD_POOLTYPE_LAST; i++)
        if (strcmp(types[i].name, word) == 0)
            return i;
    return -1;
}

/* Free what spec holds and zero it. */
void
vd_pool_spec_clear(vd_pool_spec *spec)
{
    if (!spec)
        return;
    free(spec->name);
    free(spec->target);
    free(spec->host);
    free(spec->source_dir);
    free(spec->devices);
    free(spec->source_name);
    free(spec->iqn);
    free(spec->initiator);
    free(spec->format);
    *spec = (vd_pool_spec){ 0 };
}

/* One <device path=.../> per comma-separated entry of list. */
static void
add_devices(vd_xb *xb, xmlNodePtr source, const char *list)
{
    char *copy, *save = NULL, *tok;
    xmlNodePtr dev;

    if (empty(list))
        return;
    if (!(copy = strdup(list))) {
        xb->failed = true;
        return;
    }
    for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        if (!*tok)
            continue;
        dev = vd_xb_el(xb, source, "device");
        vd_xb_attr(xb, dev, "path", tok);
    }
    free(copy);
}

/* What a spec lacks for its type, or NULL. */
static const char *
missing(const vd_pool_spec *spec)
{
    if (empty(spec->name))
        return "the pool has no name";
    switch (spec->type) {
    case VD_POOLTYPE_DIR:
        return empty(spec->target) ? "a directory pool needs a target path" : NULL;
    case VD_POOLTYPE_FS:
        if (empty(spec->devices))
            return "a file-system pool needs a source device";
        return empty(spec->target) ? "a file-system pool needs a mount point" : NULL;
    case VD_POOLTYPE_NETFS:
        if (empty(spec->host) || empty(spec->source_dir))
            return "an NFS pool needs the server and the export path";
        return empty(spec->target) ? "an NFS pool needs a mount point" : NULL;
    case VD_POOLTYPE_LOGICAL:
        return empty(spec->source_name) ? "an LVM pool needs a volume group name" : NULL;
    case VD_POOLTYPE_ISCSI:
        return empty(spec->host) || empty(spec->iqn)
               ? "an iSCSI pool needs the portal host and the target IQN" : NULL;
    case VD_POOLTYPE_DISK:
        return empty(spec->devices) ? "a disk pool needs a device" : NULL;
    case VD_POOLTYPE_LAST:
        break;
    }
    return "unknown pool type";
}

/* The pool XML. */
char *
vd_pool_xml(const vd_pool_spec *spec, const char **err)
{
    const type_info *ti;
    vd_xb xb;
    xmlNodePtr root, source = NULL, node, target;
    const char *format, *path;
    char *vgpath = NULL, *out = NULL;

    if ((*err = missing(spec)))
        return NULL;
    ti = &types[spec->type];
    format = !empty(spec->format) ? spec->format : ti->default_format;

    root = vd_xb_start(&xb, "pool");
    vd_xb_attr(&xb, root, "type", ti->name);
    vd_xb_text(&xb, root, "name", spec->name);
    if (spec->type != VD_POOLTYPE_DIR)
        source = vd_xb_el(&xb, root, "source");
    switch (spec->type) {
    case VD_POOLTYPE_NETFS:
    case VD_POOLTYPE_ISCSI:
        node = vd_xb_el(&xb, source, "host");
        vd_xb_attr(&xb, node, "name", spec->host);
        if (spec->type == VD_POOLTYPE_NETFS) {
            node = vd_xb_el(&xb, source, "dir");
            vd_xb_attr(&xb, node, "path", spec->source_dir);
        } else {
            node = vd_xb_el(&xb, source, "device");
            vd_xb_attr(&xb, node, "path", spec->iqn);
            if (!empty(spec->initiator)) {
                node = vd_xb_el(&xb, source, "initiator");
                node = vd_xb_el(&xb, node, "iqn");
                vd_xb_attr(&xb, node, "name", spec->initiator);
            }
        }
        break;
    case VD_POOLTYPE_LOGICAL:
        vd_xb_text(&xb, source, "name", spec->source_name);
        add_devices(&xb, source, spec->devices);
        break;
    case VD_POOLTYPE_FS:
    case VD_POOLTYPE_DISK:
        add_devices(&xb, source, spec->devices);
        break;
    case VD_POOLTYPE_DIR:
    case VD_POOLTYPE_LAST:
        break;
    }
    if (source && format) {
        node = vd_xb_el(&xb, source, "format");
        vd_xb_attr(&xb, node, "type", format);
    }
    path = spec->target;
    if (empty(path) && spec->type == VD_POOLTYPE_LOGICAL) {
        if (asprintf(&vgpath, "/dev/%s", spec->source_name) < 0) {
            vgpath = NULL;
            xb.failed = true;
        }
        path = vgpath;
    }
    if (empty(path))
        path = ti->default_target;
    target = vd_xb_el(&xb, root, "target");
    vd_xb_text(&xb, target, "path", path);
    if (!(out = vd_xb_finish(&xb)))
        *err = "out of memory";
    free(vgpath);
    return out;
}
