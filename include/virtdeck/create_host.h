/*
 * create_host.h: a new domain's spec against the host it is made on:
 * the host's domain capabilities for it, whether a path names a file
 * there, a volume's format, and every field of the spec checked against
 * what the host has (names in use, memory, pools and volumes, networks,
 * host devices, firmware), resolving what only the host can resolve
 * (a new path= becomes a volume of the pool that holds its directory,
 * a backing store its path and format, a host device its canonical
 * form, an install tree its kernel and initrd).
 *
 * `virtdeck create` checks its spec with vd_create_check_host(); the
 * create wizard's worker commands (VD_CMD_CREATE_FACTS,
 * VD_CMD_PATH_EXISTS, VD_CMD_DOM_CREATE) read the capabilities, paths
 * and volume formats with the same functions.
 *
 * Every function calls libvirt on the caller's connection and may
 * block: call them from a host worker or the command line, never from
 * the UI thread. Messages name `virtdeck create`'s options (--disk,
 * --host-device...), as the command line prints them.
 */
#ifndef VIRTDECK_CREATE_HOST_H
#define VIRTDECK_CREATE_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include <libvirt/libvirt.h>

#include "virtdeck/domspec.h"

/* The format word of an existing volume (target/format/@type: "qcow2",
 * "raw", "iso"...), or NULL. Caller frees. */
char *vd_volume_format_word(virStorageVolPtr vol);

/* The format of an existing volume; VD_FMT_UNSET when it is neither
 * qcow2 nor raw or cannot be read. */
vd_disk_format vd_volume_format(virStorageVolPtr vol);

/* Whether the host has a file at path: 1 when a volume of a pool has
 * that path (its format into *format when known and format is not
 * NULL) or, on a local connection (local: vd_conn_is_local()), stat()
 * finds a file there; 0 when not; -1 when it cannot tell (a remote
 * host and no pool volume at that path). */
int vd_host_path_state(virConnectPtr conn, bool local, const char *path,
                       vd_disk_format *format);

/* Read the host's domain capabilities for a new domain of arch (NULL:
 * the host's own) and machine (NULL: q35 on x86, as virt-manager
 * prefers, falling back to the host's default machine) into caps.
 * *virt_type is the virtualisation type asked for; unless it was given
 * (virt_type_given), kvm falls back to qemu (plain emulation) when the
 * host has no KVM, and a test-driver connection sets VD_VIRT_TEST.
 * Returns true when caps were read; false when the host has none (a
 * driver other than QEMU: no error, *err stays NULL) or they could not
 * be read (libvirt's last message in *err, caller frees; err may be
 * NULL). */
bool vd_create_caps_read(virConnectPtr conn, const char *arch,
                         const char *machine, bool virt_type_given,
                         vd_virt_type *virt_type, vd_host_caps *caps,
                         char **err);

/* Check that pool is an active pool of the host and has no volume
 * called volume yet (the pool is refreshed first). 0, or -1 with the
 * message in *err (caller frees). */
int vd_create_check_new_volume(virConnectPtr conn, const char *pool,
                               const char *volume, char **err);

/* Check every field of spec against the host, in the order of the
 * form, and resolve what the host resolves (see above): spec is
 * changed in place. caps: the host's capabilities (NULL: none).
 * path_new[i] (npath_new of them, may be NULL): disk i (0 the main
 * disk, then more_disks) is a path= of a file to create, with size=.
 * Returns 0, or -1 with the first problem's message in *err (caller
 * frees). */
int vd_create_check_host(virConnectPtr conn, vd_domain_spec *spec,
                         const vd_host_caps *caps, const bool *path_new,
                         size_t npath_new, char **err);

#endif
