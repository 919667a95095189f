/*
 * cmd_lifecycle.c: a domain's life as the command table runs it: start,
 * force off, shut down, reboot, reset, pause, resume, managed save and
 * restore, autostart, rename, undefine (with its storage), its XML and
 * define. Runs on the host's worker only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "core/cmd_domain.h"
#include "core/commands_priv.h"
#include "virtdeck/check.h"
#include "core/errors.h"
#include "core/xml_read.h"

/* The operations that are one libvirt call each; the table words
 * their result ("NAME started"). */
int vd_dom_start(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainCreate(dom); }
int vd_dom_destroy(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainDestroy(dom); }
int vd_dom_shutdown(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainShutdown(dom); }
int vd_dom_reboot(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainReboot(dom, 0); }
int vd_dom_reset(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainReset(dom, 0); }
int vd_dom_suspend(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainSuspend(dom); }
int vd_dom_resume(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res) { return virDomainResume(dom); }

/* Save to the managed image and stop. */
int
vd_dom_managed_save(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                    vd_result *res)
{
    (void)conn;
    (void)cmd;
    (void)res;
    return virDomainManagedSave(dom, 0);
}

/* Start from the managed save image; refuse when there is none. */
int
vd_dom_restore(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
               vd_result *res)
{
    int has = virDomainHasManagedSaveImage(dom, 0);

    (void)conn;
    (void)cmd;
    if (has < 0)
        return -1;
    if (has == 0) {
        vd_result_say(res, "restore: %s has no managed save image (use start)",
            virDomainGetName(dom));
        return -1;
    }
    return virDomainCreate(dom);
}

/* Autostart on (num 1) or off (num 0). */
int
vd_dom_autostart(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    (void)conn;
    if (virDomainSetAutostart(dom, cmd->num ? 1 : 0) < 0)
        return -1;
    vd_result_say(res, "%s: autostart %s", virDomainGetName(dom), cmd->num ? "on" : "off");
    return 0;
}

/* Rename a shut off domain; the new name must be free. */
int
vd_dom_rename(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
              vd_result *res)
{
    const char *old = virDomainGetName(dom);
    vd_check_msg *why = vd_check_name(cmd->str, NULL, 0);   /* the one rule */
    virDomainPtr other;
    char *was = NULL;
    int active = virDomainIsActive(dom);

    if (why) {
        vd_result_say(res, "rename %s: %s", old, why);
        vd_check_free(why);
        return -1;
    }
    if (strcmp(cmd->str, old) == 0) {
        vd_result_say(res, "rename %s: that is already its name", old);
        return -1;
    }
    if (active != 0) {
        if (active > 0)
            vd_result_say(res, "rename %s: only a shut off domain can be renamed", old);
        return -1;
    }
    if ((other = virDomainLookupByName(conn, cmd->str))) {
        virDomainFree(other);
        vd_result_say(res, "rename %s: a domain named '%s' already exists on this host",
            old, cmd->str);
        return -1;
    }
    virResetLastError();
    if (!(was = strdup(old)))
        return -1;
    if (virDomainRename(dom, cmd->str, 0) < 0) {
        free(was);
        return -1;
    }
    vd_result_say(res, "%s renamed to %s", was, cmd->str);
    free(was);
    return 0;
}

/* A list of strings. */
typedef struct strv {
    char **v;
    size_t n;
} strv;

/* Append s (taken) to l; frees s on failure. */
static int
strv_take(strv *l, char *s)
{
    char **v;

    if (!s)
        return -1;
    if (!(v = realloc(l->v, (l->n + 1) * sizeof(*v)))) {
        free(s);
        return -1;
    }
    l->v = v;
    l->v[l->n++] = s;
    return 0;
}

/* Free l's strings. */
static void
strv_clear(strv *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* The storage volumes behind the domain's disks (not CD-ROMs): their
 * keys, looked up by path or pool/volume. Returns 0 or -1. */
static int
disk_volumes(virConnectPtr conn, virDomainPtr dom, strv *keys, strv *names)
{
    char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    int i, ret = -1;

    if (!xml || !(doc = vd_xr_parse(xml)) || !(ctxt = vd_xr_context(doc)))
        goto cleanup;
    if (!(obj = xmlXPathEvalExpression(
              BAD_CAST "/domain/devices/disk[@device='disk' or not(@device)]/source", ctxt)))
        goto cleanup;
    for (i = 0; i < vd_xr_count(obj); i++) {
        xmlNodePtr src = obj->nodesetval->nodeTab[i];
        char *file = vd_xr_str(ctxt, src, "string(@file)");
        char *dev = vd_xr_str(ctxt, src, "string(@dev)");
        char *pool = vd_xr_str(ctxt, src, "string(@pool)");
        char *volume = vd_xr_str(ctxt, src, "string(@volume)");
        virStorageVolPtr vol = NULL;

        if (file || dev) {
            vol = virStorageVolLookupByPath(conn, file ? file : dev);
        } else if (pool && volume) {
            virStoragePoolPtr p = virStoragePoolLookupByName(conn, pool);
            if (p) {
                vol = virStorageVolLookupByName(p, volume);
                virStoragePoolFree(p);
            }
        }
        virResetLastError();
        if (vol) {
            const char *key = virStorageVolGetKey(vol);
            if (key) {
                strv_take(keys, strdup(key));
                strv_take(names, strdup(file ? file : dev ? dev : volume));
            }
            virStorageVolFree(vol);
        }
        free(file);
        free(dev);
        free(pool);
        free(volume);
    }
    ret = 0;

 cleanup:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    if (doc)
        xmlFreeDoc(doc);
    free(xml);
    return ret;
}

/* Undefine, with its managed save image, snapshot metadata and NVRAM;
 * with VD_UNDEFINE_STORAGE also delete its disks' volumes (not
 * CD-ROMs). A running domain's storage is never deleted. */
int
vd_dom_undefine(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                vd_result *res)
{
    unsigned int flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                         VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                         VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA |
                         VIR_DOMAIN_UNDEFINE_NVRAM;
    bool storage = cmd->flags & VD_UNDEFINE_STORAGE;
    strv keys = { 0 }, names = { 0 };
    char *name = strdup(virDomainGetName(dom));
    size_t i, deleted = 0;
    char failed[512] = "";
    int active = virDomainIsActive(dom);
    int ret = -1;

    if (!name || active < 0)
        goto cleanup;
    if (storage && active) {
        vd_result_say(res, "undefine %s: it is running; force it off before deleting its storage",
            name);
        goto cleanup;
    }
    if (storage && disk_volumes(conn, dom, &keys, &names) < 0)
        goto cleanup;
    if (virDomainUndefineFlags(dom, flags) < 0) {
        virErrorPtr e = virGetLastError();
        if (!e || (e->code != VIR_ERR_NO_SUPPORT && e->code != VIR_ERR_INVALID_ARG))
            goto cleanup;
        virResetLastError();
        if (virDomainUndefine(dom) < 0)
            goto cleanup;
    }
    for (i = 0; i < keys.n; i++) {
        virStorageVolPtr vol = virStorageVolLookupByKey(conn, keys.v[i]);
        if (vol && virStorageVolDelete(vol, 0) == 0) {
            deleted++;
        } else {
            char *err = vd_err_take("not found");
            size_t len = strlen(failed);
            snprintf(failed + len, sizeof(failed) - len, "%s%s (%s)",
                     len ? "; " : "", names.v[i], err);
            free(err);
        }
        if (vol)
            virStorageVolFree(vol);
    }
    if (failed[0]) {
        vd_result_say(res, "%s undefined, but these volumes were not deleted: %s", name, failed);
        goto cleanup;
    }
    if (storage)
        vd_result_say(res, "%s undefined; %zu volume%s deleted", name, deleted,
            deleted == 1 ? "" : "s");
    else
        vd_result_say(res, "%s undefined", name);
    ret = 0;

 cleanup:
    strv_clear(&keys);
    strv_clear(&names);
    free(name);
    return ret;
}

/* The domain's XML into res->text (secure info only with VD_XML_SECURE). */
int
vd_dom_get_xml(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
               vd_result *res)
{
    (void)conn;
    if (!(res->text = virDomainGetXMLDesc(dom, (cmd->flags & VD_XML_SECURE) ?
                                          VIR_DOMAIN_XML_SECURE : 0)))
        return -1;
    vd_result_say(res, "XML of %s", virDomainGetName(dom));
    return 1;
}

/* Define (or redefine) from cmd->str, validated against the schema.
 * On failure res->message carries libvirt's message; the caller keeps
 * its text. */
int
vd_dom_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
              vd_result *res)
{
    virDomainPtr def;
    char *err;

    (void)dom;
    if (!cmd->str || !*cmd->str) {
        vd_result_say(res, "define: the XML is empty");
        return -1;
    }
    if (!(def = virDomainDefineXMLFlags(conn, cmd->str, VIR_DOMAIN_DEFINE_VALIDATE))) {
        err = vd_err_take("failed");
        vd_result_say(res, "define rejected, nothing changed: %s", err);
        free(err);
        return -1;
    }
    vd_result_say(res, "%s defined", virDomainGetName(def));
    virDomainFree(def);
    return 0;
}
