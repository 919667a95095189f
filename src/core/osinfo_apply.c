/*
 * osinfo_apply.c: putting libosinfo's recommendations into a domain
 * spec as defaults (osinfo.h; pure, no libosinfo here).
 */
#include "virtdeck/osinfo.h"

/* Apply recommendations to a spec. */
int
vd_os_apply(const vd_os_variant *v, const vd_os_recommend *rec,
            unsigned int set_by_user, vd_domain_spec *spec)
{
    if (v && (vd_spec_set(&spec->os_id, v->id) < 0 ||
              vd_spec_set(&spec->os_variant, v->short_id) < 0))
        return -1;
    if (!rec)
        return 0;
    if (!(set_by_user & VD_OSREC_MEMORY) && rec->memory_mib)
        spec->memory_mib = rec->memory_mib;
    if (!(set_by_user & VD_OSREC_VCPUS) && rec->vcpus)
        spec->vcpus = rec->vcpus;
    if (!(set_by_user & VD_OSREC_DISK_SIZE) && rec->disk_bytes)
        spec->disk.size_bytes = rec->disk_bytes;
    if (!(set_by_user & VD_OSREC_DISK_BUS) && rec->disk_bus_known)
        spec->disk.bus = rec->disk_bus;
    if (!(set_by_user & VD_OSREC_NIC_MODEL) && rec->nic_model_known)
        spec->net.model = rec->nic_model;
    if (!(set_by_user & VD_OSREC_FIRMWARE) && rec->uefi_only)
        spec->firmware = VD_FW_UEFI;
    return 0;
}
