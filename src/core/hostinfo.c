/*
 * hostinfo.c: the host facts beyond virNodeGetInfo, read once per
 * connection: the CPU model, vendor and topology from the capabilities
 * XML (libxml2/XPath), and whether KVM is usable (domain capabilities
 * for virt type kvm).
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/hostinfo.h"
#include "core/snapshot_priv.h"
#include "core/xml_read.h"

/* The unsigned value of expr, 0 when absent. */
static unsigned int
xpath_uint(xmlXPathContextPtr ctx, const char *expr)
{
    char *s = vd_xr_str(ctx, NULL, expr);
    unsigned int v = s ? (unsigned int)strtoul(s, NULL, 10) : 0;

    free(s);
    return v;
}

/* See hostinfo.h. */
int
vd_hostinfo_parse_caps(const char *xml, vd_host_info *info)
{
    vd_xr x;
    int ret = -1;

    if (!vd_xr_open(&x, xml))
        goto cleanup;
    free(info->cpu_name);
    free(info->cpu_vendor);
    info->cpu_name = vd_xr_str(x.ctxt, NULL, "string(/capabilities/host/cpu/model)");
    info->cpu_vendor = vd_xr_str(x.ctxt, NULL, "string(/capabilities/host/cpu/vendor)");
    info->sockets = xpath_uint(x.ctxt, "string(/capabilities/host/cpu/topology/@sockets)");
    info->cores = xpath_uint(x.ctxt, "string(/capabilities/host/cpu/topology/@cores)");
    info->threads = xpath_uint(x.ctxt, "string(/capabilities/host/cpu/topology/@threads)");
    ret = 0;

 cleanup:
    vd_xr_close(&x);
    return ret;
}

/* See hostinfo.h. */
void
vd_hostinfo_read_extra(virConnectPtr conn, vd_host_info *info)
{
    char *caps = virConnectGetCapabilities(conn);
    char *dcaps;

    if (caps)
        vd_hostinfo_parse_caps(caps, info);
    free(caps);
    virResetLastError();
    info->kvm = 0;
    if (!info->hv_type || strcmp(info->hv_type, "QEMU") != 0)
        return;
    dcaps = virConnectGetDomainCapabilities(conn, NULL, NULL, NULL, "kvm", 0);
    info->kvm = dcaps ? 1 : -1;
    free(dcaps);
    virResetLastError();
}
