/*
 * domcaps.c: the host facts the domain builder needs, read from
 * libvirt's domain capabilities XML with libxml2's XPath.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/create.h"
#include "virtdeck/domspec.h"
#include "core/errors.h"

/* The string value of expr in ctxt, malloc'ed, or NULL when empty. */
static char *
xpath_string(xmlXPathContextPtr ctxt, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    char *ret = NULL;

    if (obj && obj->type == XPATH_STRING && obj->stringval &&
        obj->stringval[0])
        ret = strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    return ret;
}

/* Whether expr selects at least one node. */
static bool
xpath_exists(xmlXPathContextPtr ctxt, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    bool ret = obj && obj->type == XPATH_NODESET && obj->nodesetval &&
               obj->nodesetval->nodeNr > 0;

    xmlXPathFreeObject(obj);
    return ret;
}

/* The UEFI loader to name when the host has no firmware auto-selection:
 * a plain OVMF code image (not secure-boot, not a 2M/4M variant with
 * Microsoft keys) if listed, else the first loader listed. */
static char *
pick_loader(xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;
    int i;

    obj = xmlXPathEvalExpression(BAD_CAST
            "/domainCapabilities/os/loader[@supported='yes']/value", ctxt);
    if (!obj || obj->type != XPATH_NODESET || !obj->nodesetval)
        goto cleanup;
    for (i = 0; i < obj->nodesetval->nodeNr && !ret; i++) {
        xmlChar *v = xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
        const char *s = (const char *)v;
        if (s && strstr(s, "OVMF_CODE") && !strstr(s, "secboot") &&
            !strstr(s, ".ms."))
            ret = strdup(s);
        xmlFree(v);
    }
    if (!ret && obj->nodesetval->nodeNr > 0) {
        xmlChar *v = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
        if (v && *v)
            ret = strdup((const char *)v);
        xmlFree(v);
    }

 cleanup:
    xmlXPathFreeObject(obj);
    return ret;
}

/* Parse domain capabilities XML into caps. */
int
vd_domcaps_parse(const char *xml, vd_host_caps *caps, const char **err)
{
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr ctxt = NULL;
    char *max = NULL;
    int ret = -1;

    vd_host_caps_clear(caps);
    *err = NULL;
    if (!xml || !(doc = xmlReadMemory(xml, (int)strlen(xml), "domcaps.xml",
                                      NULL, XML_PARSE_NONET |
                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING))) {
        *err = "the domain capabilities are not well-formed XML";
        goto cleanup;
    }
    if (!(ctxt = xmlXPathNewContext(doc))) {
        *err = "out of memory";
        goto cleanup;
    }
    if (!xpath_exists(ctxt, "/domainCapabilities")) {
        *err = "not a domainCapabilities document";
        goto cleanup;
    }
    caps->emulator = xpath_string(ctxt, "string(/domainCapabilities/path)");
    caps->machine = xpath_string(ctxt, "string(/domainCapabilities/machine)");
    caps->arch = xpath_string(ctxt, "string(/domainCapabilities/arch)");
    caps->efi_auto = xpath_exists(ctxt,
            "/domainCapabilities/os[@supported='yes']"
            "/enum[@name='firmware']/value[.='efi']");
    caps->uefi_loader = pick_loader(ctxt);
    caps->has_uefi = caps->efi_auto || caps->uefi_loader;
    caps->scsi_ok = xpath_exists(ctxt,
            "/domainCapabilities/devices/disk[@supported='yes']"
            "/enum[@name='bus']/value[.='scsi']");
    if ((max = xpath_string(ctxt, "string(/domainCapabilities/vcpu/@max)")))
        caps->max_vcpus = (unsigned int)strtoul(max, NULL, 10);
    ret = 0;

 cleanup:
    free(max);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
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
