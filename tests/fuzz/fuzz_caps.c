/*
 * fuzz_caps.c: the readers of the host's capabilities XML
 * (virConnectGetCapabilities: CPU model and topology, shown in the host
 * pane) and domain capabilities XML (virConnectGetDomainCapabilities:
 * what the create wizard and `virtdeck create` build for).
 */
#include <libxml/parser.h>

#include "virtdeck/domspec.h"
#include "virtdeck/model.h"
#include "core/hostinfo.h"
#include "fuzz.h"

VD_FUZZ_LIBXML2_INIT

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *xml = vd_fuzz_cstr(data, size);
    vd_host_caps caps = { 0 };
    vd_host_info info = { 0 };
    const char *err = NULL;

    if (!xml)
        return 0;
    if (vd_domcaps_parse(xml, &caps, &err) == 0)
        VD_FUZZ_ASSERT(!err && caps.has_uefi == (caps.efi_auto || caps.uefi_loader));
    else
        VD_FUZZ_ASSERT(err != NULL);
    vd_host_caps_clear(&caps);
    vd_hostinfo_parse_caps(xml, &info);
    /* parsing twice into the same info replaces, never leaks */
    vd_hostinfo_parse_caps(xml, &info);
    free(info.cpu_name);
    free(info.cpu_vendor);
    free(xml);
    return 0;
}
