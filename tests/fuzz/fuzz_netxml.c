/*
 * fuzz_netxml.c: the readers of network and storage pool XML from the
 * daemon (virNetworkGetXMLDesc, virStoragePoolGetXMLDesc), as the
 * network and pool details views use them.
 */
#include <libxml/parser.h>

#include "virtdeck/netstore.h"
#include "fuzz.h"

VD_FUZZ_LIBXML2_INIT

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *xml = vd_fuzz_cstr(data, size);
    vd_network_details *net = calloc(1, sizeof(*net));
    vd_pool_details *pool = calloc(1, sizeof(*pool));
    size_t i;

    if (!xml || !net || !pool)
        goto cleanup;
    if (vd_network_details_parse(xml, net) == 0) {
        for (i = 0; i < net->nips; i++) {
            VD_FUZZ_ASSERT(net->ips[i].family != NULL);
            VD_FUZZ_ASSERT(net->ips[i].nhosts == 0 || net->ips[i].hosts);
        }
    }
    vd_pool_details_parse(xml, pool);

 cleanup:
    vd_network_details_free(net);
    vd_pool_details_free(pool);
    free(xml);
    return 0;
}
