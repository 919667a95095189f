/*
 * domcaps.c: the host facts the domain builder needs, read from
 * libvirt's domain capabilities XML with libxml2's XPath.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/create.h"
#include "virtdeck/domspec.h"
#include "core/errors.h"
#include "core/xml_read.h"

/* The UEFI loader to name when the host has no firmware auto-selection:
 * a plain OVMF code image (not secure-boot, not a 2M/4M variant with
 * Microsoft keys) if listed, else the first loader listed. */
static char *
pick_loader(xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;
    int i;

    obj = vd_xr_nodes(ctxt, NULL, "/domainCapabilities/os/loader[@supported='yes']/value");
    for (i = 0; i < vd_xr_count(obj) && !ret; i++) {
        xmlChar *v = xmlNodeGetContent(vd_xr_node(obj, i));
        const char *s = (const char *)v;
        if (s && strstr(s, "OVMF_CODE") && !strstr(s, "secboot") &&
            !strstr(s, ".ms."))
            ret = strdup(s);
        xmlFree(v);
    }
    if (!ret && vd_xr_count(obj) > 0) {
        xmlChar *v = xmlNodeGetContent(vd_xr_node(obj, 0));
        if (v && *v)
            ret = strdup((const char *)v);
        xmlFree(v);
    }

    xmlXPathFreeObject(obj);
    return ret;
}

/* Parse domain capabilities XML into caps. */
int
vd_domcaps_parse(const char *xml, vd_host_caps *caps, const char **err)
{
    vd_xr x;
    xmlXPathContextPtr ctxt;
    char *max = NULL;
    int ret = -1;

    vd_host_caps_clear(caps);
    *err = NULL;
    if (!vd_xr_open(&x, xml)) {
        *err = x.doc ? "out of memory"
                     : "the domain capabilities are not well-formed XML";
        goto cleanup;
    }
    ctxt = x.ctxt;
    if (!vd_xr_exists(ctxt, NULL, "/domainCapabilities")) {
        *err = "not a domainCapabilities document";
        goto cleanup;
    }
    caps->emulator = vd_xr_str(ctxt, NULL, "string(/domainCapabilities/path)");
    caps->machine = vd_xr_str(ctxt, NULL, "string(/domainCapabilities/machine)");
    caps->arch = vd_xr_str(ctxt, NULL, "string(/domainCapabilities/arch)");
    caps->efi_auto = vd_xr_exists(ctxt, NULL,
            "/domainCapabilities/os[@supported='yes']"
            "/enum[@name='firmware']/value[.='efi']");
    caps->uefi_loader = pick_loader(ctxt);
    caps->has_uefi = caps->efi_auto || caps->uefi_loader;
    caps->scsi_ok = vd_xr_exists(ctxt, NULL,
            "/domainCapabilities/devices/disk[@supported='yes']"
            "/enum[@name='bus']/value[.='scsi']");
    if ((max = vd_xr_str(ctxt, NULL, "string(/domainCapabilities/vcpu/@max)")))
        caps->max_vcpus = (unsigned int)strtoul(max, NULL, 10);
    ret = 0;

 cleanup:
    free(max);
    vd_xr_close(&x);
    return ret;
}

/* Ask the host for its domain capabilities and parse them. */
int
vd_domcaps_read(virConnectPtr conn, const char *virt_type, const char *arch,
                const char *machine, vd_host_caps *caps, char **err)
{
    char *xml;
    const char *perr = NULL;
    int ret;

    vd_host_caps_clear(caps);
    *err = NULL;
    if (!(xml = virConnectGetDomainCapabilities(conn, NULL, arch, machine,
                                                virt_type, 0))) {
        *err = vd_err_take("the host gave no domain capabilities");
        return -1;
    }
    if ((ret = vd_domcaps_parse(xml, caps, &perr)) < 0)
        *err = strdup(perr);
    free(xml);
    return ret;
}
