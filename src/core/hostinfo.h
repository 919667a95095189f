/*
 * hostinfo.h: host facts from the capabilities and the domain
 * capabilities. Worker only (needs the connection).
 */
#ifndef VD_HOSTINFO_H
#define VD_HOSTINFO_H

#include <libvirt/libvirt.h>

#include "virtdeck/model.h"

/* Fill info's cpu_name, cpu_vendor and topology from a capabilities
 * XML document. Pure. Returns 0, or -1 when xml does not parse. */
int vd_hostinfo_parse_caps(const char *xml, vd_host_info *info);

/* Read the capabilities (CPU model and topology) and, on QEMU hosts,
 * whether KVM is usable. Failures leave fields unknown; never fatal. */
void vd_hostinfo_read_extra(virConnectPtr conn, vd_host_info *info);

#endif
