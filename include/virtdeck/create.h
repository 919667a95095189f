/*
 * create.h: creating a new domain on a connection, atomically: the new
 * volume is created, the domain defined and optionally started; when a
 * step fails, what the earlier steps made is removed again and the
 * caller gets libvirt's message.
 *
 * These functions call libvirt on the caller's connection and may block
 * on it: call them from a host worker (VD_CMD_DOM_CREATE) or from the
 * command line, never from the UI thread. The UI only needs domspec.h.
 */
#ifndef VIRTDECK_CREATE_H
#define VIRTDECK_CREATE_H

#include <libvirt/libvirt.h>

#include "virtdeck/createfacts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/model.h"

enum {
    VD_CREATE_START = 1 << 0,   /* start the domain once defined */
};

/* Read the host facts for new domains of virt_type ("kvm", "qemu"),
 * arch and machine (either may be NULL for the host's default) from
 * virConnectGetDomainCapabilities. caps is cleared first. Returns 0, or
 * -1 with libvirt's message in *err (caller frees). */
int vd_domcaps_read(virConnectPtr conn, const char *virt_type,
                    const char *arch, const char *machine,
                    vd_host_caps *caps, char **err);

/* Create the domain described by domain_xml. When vol is not NULL, it is
 * created first in the pool named pool (and removed again if a later
 * step fails). flags: VD_CREATE_START. On success returns 0 and writes
 * the new domain's UUID to uuid (may be NULL). On failure returns -1
 * with a plain message (libvirt's, prefixed by the step) in *err, which
 * the caller frees; nothing is left on the host. */
int vd_create_from_xml(virConnectPtr conn, const char *domain_xml,
                       const char *pool, const vd_volume_spec *vol,
                       unsigned int flags, char uuid[VD_UUID_LEN],
                       char **err);

/* A volume to make before the domain is defined: created in pool from
 * vol, then, when data is not NULL, filled with data's len bytes
 * through a libvirt stream (virStorageVolUpload: works on remote hosts). */
typedef struct vd_create_volume {
    const char *pool;
    const vd_volume_spec *vol;
    const void *data;
    size_t len;
} vd_create_volume;

/* As vd_create_from_xml() with any number of new volumes (all removed
 * again when a later step fails). */
int vd_create_volumes_from_xml(virConnectPtr conn, const char *domain_xml,
                               const vd_create_volume *vols, size_t nvols,
                               unsigned int flags, char uuid[VD_UUID_LEN],
                               char **err);

/* The volumes spec's NEW_VOLUME disks need (the main disk first), in
 * *vols (n of them; free with vd_spec_volumes_free()). 0 or -1 (out of
 * memory, or a further new disk without a volume name). */
int vd_spec_volumes(const vd_domain_spec *spec, vd_create_volume **vols,
                    size_t *n);
void vd_spec_volumes_free(vd_create_volume *vols, size_t n);

/* vd_create() with further volumes made before the spec's own (e.g. a
 * cloud-init seed ISO with its data). */
int vd_create_with(virConnectPtr conn, const vd_domain_spec *spec,
                   const vd_host_caps *caps, const vd_create_volume *extra,
                   size_t nextra, unsigned int flags,
                   char uuid[VD_UUID_LEN], char **err);

/* Build the XML for spec (caps may be NULL) and create it as
 * vd_create_from_xml() does. The spec should have passed the vd_check_*
 * functions; vd_check_spec() is run again here. */
int vd_create(virConnectPtr conn, const vd_domain_spec *spec,
              const vd_host_caps *caps, unsigned int flags,
              char uuid[VD_UUID_LEN], char **err);

/* For the worker command VD_CMD_DOM_CREATE, whose str is the domain XML
 * and num the capacity in bytes of a new volume (0: none): the new
 * volume is the domain's first <disk type='volume' device='disk'>,
 * whose source names its pool and volume and whose driver type gives
 * its format. Fills *pool (caller frees) and vol. Pure. Returns 0, or
 * -1 with a static message in *err. */
int vd_create_volume_from_xml(const char *domain_xml,
                              unsigned long long capacity,
                              char **pool, vd_volume_spec *vol,
                              const char **err);

/* The worker's side of VD_CMD_DOM_CREATE (cmd->str = domain XML,
 * cmd->num = new volume bytes, cmd->flags = VD_CREATE_START): creates
 * as above and sets *message (allocated) to what the status line says,
 * "created NAME" or the error. Writes the UUID on success. 0 or -1. */
int vd_create_command(virConnectPtr conn, const char *domain_xml,
                      unsigned long long new_volume_bytes, unsigned int flags,
                      char uuid[VD_UUID_LEN], char **message);

/* Read node device dev: its name, numbers, --host-device value and
 * vendor and product names into out (cleared first; used_by is left
 * NULL). 0, or -1 when it is not a PCI or USB device or cannot be read. */
int vd_nodedev_read(virNodeDevicePtr dev, vd_nodedev *out);

/* The name of a defined domain whose XML has the host device dev (by
 * PCI address, or USB vendor and product), or NULL. Caller frees. */
char *vd_hostdev_user(virConnectPtr conn, const vd_nodedev *dev);

#endif
