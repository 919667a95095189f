/*
 * fuzz_domxml.c: the readers of a domain's XML, which comes from the
 * daemon (virDomainGetXMLDesc) or from the user's editor: the details
 * view (vd_dom_details_parse), the "used by"/"attached" columns
 * (vd_domain_xml_uses) and the create command's new volume
 * (vd_create_volume_from_xml).
 */
#include <libxml/parser.h>

#include "virtdeck/create.h"
#include "virtdeck/domdetails.h"
#include "virtdeck/netstore.h"
#include "fuzz.h"

VD_FUZZ_LIBXML2_INIT

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *xml = vd_fuzz_cstr(data, size);
    vd_dom_details *d = calloc(1, sizeof(*d));
    char **nets = NULL, **macs = NULL, **paths = NULL;
    size_t nnets = 0, npaths = 0, i;
    char *pool = NULL;
    vd_volume_spec vol;
    const char *err = NULL;

    if (!xml || !d)
        goto cleanup;
    if (vd_dom_details_parse(d, xml) == 0) {
        VD_FUZZ_ASSERT(d->nboot <= VD_DETAILS_MAX_BOOT);
        VD_FUZZ_ASSERT(memchr(d->uuid, '\0', sizeof(d->uuid)) != NULL);
        for (i = 0; i < d->nboot; i++)
            VD_FUZZ_ASSERT(d->boot[i] != NULL);
        for (i = 0; i < d->ndisks; i++)
            VD_FUZZ_ASSERT(d->disks[i].device != NULL);
    }
    if (vd_domain_xml_uses(xml, &nets, &macs, &nnets, &paths, &npaths) == 0) {
        for (i = 0; i < nnets; i++)
            VD_FUZZ_ASSERT(nets[i] && macs[i]);
        for (i = 0; i < npaths; i++)
            VD_FUZZ_ASSERT(paths[i]);
    }
    if (vd_create_volume_from_xml(xml, 1u << 30, &pool, &vol, &err) == 0) {
        VD_FUZZ_ASSERT(pool && vol.name && !err);
        vd_volume_spec_clear(&vol);
    } else {
        VD_FUZZ_ASSERT(!pool && err);
    }

 cleanup:
    free(pool);
    vd_strv_free(nets, nnets);
    vd_strv_free(macs, nnets);
    vd_strv_free(paths, npaths);
    vd_dom_details_free(d);
    free(xml);
    return 0;
}
