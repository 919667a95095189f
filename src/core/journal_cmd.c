/*
 * journal_cmd.c: a worker's command as a journal entry: which commands
 * are journaled, their target's type and name (from the host's
 * picture), and their arguments without secrets or XML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/journal.h"
#include "virtdeck/netstore.h"
#include "core/journal_priv.h"
#include "core/xml_read.h"

/* See journal_priv.h. */
bool
vd_journal_cmd_wanted(vd_cmd_kind kind)
{
    switch (kind) {
    case VD_CMD_DOM_SCREENSHOT:         /* thumbnails, every few seconds */
        return false;
    case VD_CMD_HOST_CONNECT:
    case VD_CMD_HOST_DISCONNECT:
    case VD_CMD_VOL_DOWNLOAD:
    case VD_CMD_JOB_CANCEL:
    case VD_CMD_POOL_REFRESH:
        return true;
    default:
        return vd_cmd_describe(kind)->writes;
    }
}

/* The name of the object uuid names in snap, and its type. */
static const char *
find_object(const vd_snapshot *snap, const char *uuid, const char **type)
{
    const vd_domain *dom;
    size_t i;

    *type = "host";
    if (!snap || !uuid || !*uuid)
        return NULL;
    if ((dom = vd_snapshot_find_domain(snap, uuid))) {
        *type = "domain";
        return dom->name;
    }
    for (i = 0; i < snap->nnetworks; i++) {
        if (strcmp(snap->networks[i].uuid, uuid) == 0) {
            *type = "network";
            return snap->networks[i].name;
        }
    }
    for (i = 0; i < snap->npools; i++) {
        if (strcmp(snap->pools[i].uuid, uuid) == 0) {
            *type = "pool";
            return snap->pools[i].name;
        }
    }
    *type = "domain";           /* a domain not listed yet (or gone) */
    return NULL;
}

/* Whether s is XML (its first non-blank character is '<'). */
static bool
is_xml(const char *s)
{
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    return *s == '<';
}

/* The root element's name and its <name> child from XML, copied into
 * root and name (empty when not found). */
static void
xml_name(const char *xml, char *root, size_t rlen, char *name, size_t nlen)
{
    vd_xr x;
    char *r = NULL, *n = NULL;

    if (vd_xr_open(&x, xml)) {
        r = vd_xr_str(x.ctxt, NULL, "local-name(/*)");
        n = vd_xr_str(x.ctxt, NULL, "string(/*/*[local-name()='name'])");
    }
    snprintf(root, rlen, "%s", r ? r : "");
    snprintf(name, nlen, "%s", n ? n : "");
    free(r);
    free(n);
    vd_xr_close(&x);
}

/* Add a string argument: XML only by its size, "k=v,k=v" split into
 * its keys (secret ones redacted), anything else as key. */
static void
add_string_arg(vd_journal_entry *e, const char *key, const char *s)
{
    char buf[64];

    if (is_xml(s)) {
        snprintf(buf, sizeof(buf), "%zu bytes, not recorded", strlen(s));
        vd_journal_arg(e, "xml", buf);
    } else if (strchr(s, '=') && !strchr(s, ' ')) {
        char *copy = strdup(s), *save = NULL, *part;
        for (part = copy ? strtok_r(copy, ",", &save) : NULL; part;
             part = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(part, '=');
            if (eq) {
                *eq = '\0';
                vd_journal_arg(e, part, eq + 1);
            } else {
                vd_journal_arg(e, key, part);
            }
        }
        free(copy);
    } else {
        vd_journal_arg(e, key, s);
    }
}

/* Add the typed device arguments of cmd (a disk, a NIC), if any. */
static void
add_device_args(vd_journal_entry *e, const vd_cmd *cmd)
{
    const vd_disk_spec *d = cmd->disk;
    const vd_net_spec *n = cmd->nic;
    char buf[64];

    if (d) {
        if (d->path)
            vd_journal_arg(e, cmd->kind == VD_CMD_DOM_CDROM ? "path" : "source", d->path);
        if (d->pool)
            vd_journal_arg(e, "pool", d->pool);
        if (d->volume)
            vd_journal_arg(e, "name", d->volume);
        if (d->size_bytes) {
            snprintf(buf, sizeof(buf), "%llu", d->size_bytes);
            vd_journal_arg(e, "size_bytes", buf);
        }
        if (d->format != VD_FMT_UNSET)
            vd_journal_arg(e, "format", vd_disk_format_name(d->format));
        if (cmd->kind == VD_CMD_DOM_ATTACH_DISK)
            vd_journal_arg(e, "bus", vd_disk_bus_name(d->bus));
    }
    if (n) {
        if (n->source)
            vd_journal_arg(e, n->kind == VD_NET_BRIDGE ? "bridge" : "network", n->source);
        vd_journal_arg(e, "model", vd_nic_model_name(n->model));
        if (n->mac)
            vd_journal_arg(e, "mac", n->mac);
    }
}

/* The meaning of cmd->num for the commands that take one. */
static const char *
num_name(vd_cmd_kind kind)
{
    switch (kind) {
    case VD_CMD_DOM_AUTOSTART:
    case VD_CMD_NET_AUTOSTART:
    case VD_CMD_POOL_AUTOSTART: return "on";
    case VD_CMD_DOM_SET_VCPUS: return "vcpus";
    case VD_CMD_DOM_SET_MEMORY: return "memory_kib";
    case VD_CMD_VOL_RESIZE: return "capacity_bytes";
    case VD_CMD_DOM_CREATE: return "new_volume_bytes";
    case VD_CMD_JOB_CANCEL: return "job";
    default: return "num";
    }
}

/* See journal_priv.h. */
vd_journal_entry *
vd_journal_cmd_entry(const vd_snapshot *snap, const char *host,
                     const char *uri, const vd_cmd *cmd)
{
    const char *type, *name = find_object(snap, cmd->uuid, &type);
    char root[32], xname[256], buf[64];
    vd_journal_entry *e;

    root[0] = xname[0] = '\0';
    if (cmd->str && is_xml(cmd->str))
        xml_name(cmd->str, root, sizeof(root), xname, sizeof(xname));
    if (!name && xname[0]) {
        name = xname;
        type = root[0] ? root : type;
    }
    if (!(e = vd_journal_action_new(host, uri, type, name, cmd->uuid,
                                    vd_cmd_describe(cmd->kind)->verb)))
        return NULL;
    if (cmd->str) {
        switch (cmd->kind) {
        case VD_CMD_VOL_CLONE:
            vd_journal_arg(e, "volume", cmd->str);
            add_string_arg(e, "new", vd_cmd_arg2(cmd->str));
            break;
        case VD_CMD_VOL_UPLOAD:
        case VD_CMD_VOL_DOWNLOAD:
            vd_journal_arg(e, "volume", cmd->str);
            vd_journal_arg(e, "file", vd_cmd_arg2(cmd->str));
            break;
        case VD_CMD_VOL_CREATE:
            if (xname[0])
                vd_journal_arg(e, "volume", xname);
            add_string_arg(e, "value", cmd->str);
            break;
        case VD_CMD_VOL_DELETE:
        case VD_CMD_VOL_WIPE:
        case VD_CMD_VOL_RESIZE:
            vd_journal_arg(e, "volume", cmd->str);
            break;
        case VD_CMD_DOM_CDROM:
        case VD_CMD_DOM_ATTACH_DISK:
            vd_journal_arg(e, "target", cmd->str);
            break;
        default:
            add_string_arg(e, "value", cmd->str);
            break;
        }
    }
    add_device_args(e, cmd);
    if (cmd->num) {
        snprintf(buf, sizeof(buf), "%lld", cmd->num);
        vd_journal_arg(e, num_name(cmd->kind), buf);
    }
    if (cmd->flags) {
        snprintf(buf, sizeof(buf), "0x%x", cmd->flags);
        vd_journal_arg(e, "flags", buf);
    }
    return e;
}
