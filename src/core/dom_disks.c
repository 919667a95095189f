/*
 * dom_disks.c: the disks of a domain's XML (see dom_disks.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/dom_disks.h"
#include "core/xml_read.h"

/* Read the disks. */
int
vd_ddisks_parse(const char *xml, vd_ddisks *out)
{
    vd_xr x = { NULL, NULL };
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr disks = NULL;
    char *t;
    int ret = -1, i, n;

    memset(out, 0, sizeof(*out));
    if (!xml)
        return -1;
    if (!vd_xr_open(&x, xml))
        goto cleanup;
    ctxt = x.ctxt;
    if ((t = vd_xr_str(ctxt, NULL, "string(/domain/os/loader/@type)"))) {
        out->pflash = strcmp(t, "pflash") == 0;
        free(t);
    }
    out->nvram = vd_xr_str(ctxt, NULL, "string(/domain/os/nvram)");
    out->agent = vd_xr_exists(ctxt, NULL,
                     "/domain/devices/channel/target[@name='org.qemu.guest_agent.0']");
    disks = vd_xr_nodes(ctxt, NULL, "/domain/devices/disk");
    n = vd_xr_count(disks);
    if (n > 0 && !(out->d = calloc((size_t)n, sizeof(*out->d))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        xmlNodePtr d = vd_xr_node(disks, i);
        vd_ddisk *dd = &out->d[out->n++];

        dd->target = vd_xr_str(ctxt, d, "string(target/@dev)");
        dd->device = vd_xr_str(ctxt, d, "string(@device)");
        if (!dd->device)
            dd->device = strdup("disk");
        dd->type = vd_xr_str(ctxt, d, "string(@type)");
        dd->format = vd_xr_str(ctxt, d, "string(driver/@type)");
        dd->source = vd_xr_str(ctxt, d, "string(source/@file)");
        if (!dd->source)
            dd->source = vd_xr_str(ctxt, d, "string(source/@dev)");
        dd->pool = vd_xr_str(ctxt, d, "string(source/@pool)");
        dd->volume = vd_xr_str(ctxt, d, "string(source/@volume)");
        dd->snapshot = vd_xr_str(ctxt, d, "string(@snapshot)");
        dd->readonly = vd_xr_exists(ctxt, d, "readonly");
        dd->shareable = vd_xr_exists(ctxt, d, "shareable");
    }
    ret = 0;

 cleanup:
    if (ret < 0)
        vd_ddisks_clear(out);
    xmlXPathFreeObject(disks);
    vd_xr_close(&x);
    return ret;
}

/* Free what out holds. */
void
vd_ddisks_clear(vd_ddisks *out)
{
    size_t i;

    for (i = 0; i < out->n; i++) {
        vd_ddisk *d = &out->d[i];

        free(d->target);
        free(d->device);
        free(d->type);
        free(d->format);
        free(d->source);
        free(d->pool);
        free(d->volume);
        free(d->snapshot);
    }
    free(out->d);
    free(out->nvram);
    memset(out, 0, sizeof(*out));
}

/* Whether the guest writes to d. */
bool
vd_ddisk_writable(const vd_ddisk *d)
{
    if (d->readonly)
        return false;
    if (strcmp(d->device, "cdrom") == 0 || strcmp(d->device, "floppy") == 0)
        return false;
    return d->source || (d->pool && d->volume) ||
           (d->type && strcmp(d->type, "network") == 0);
}
