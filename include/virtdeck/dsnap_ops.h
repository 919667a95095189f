/*
 * dsnap_ops.h: domain snapshots on a libvirt connection (types in
 * dsnap.h). These functions call libvirt on the caller's connection and
 * may block on it: call them from a host worker (VD_CMD_DSNAP_*) or from
 * the command line, never from the UI thread.
 */
#ifndef VIRTDECK_DSNAP_OPS_H
#define VIRTDECK_DSNAP_OPS_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/dsnap.h"

/* Read dom's snapshots into list (cleared first). Returns 0, or -1 with
 * a message in *err (caller frees). */
int vd_dsnap_list_read(virDomainPtr dom, vd_dsnap_list *list, char **err);

/* Create a snapshot as spec says, after checking that it can work (see
 * docs/snapshots.md for the refusals). On success returns 0 and the
 * name used in *name_out (caller frees; may be NULL). On failure -1 and
 * a message saying why and what would work in *err (caller frees);
 * nothing was changed. */
int vd_dsnap_create(virDomainPtr dom, const vd_dsnap_spec *spec,
                    char **name_out, char **err);

/* The snapshot XML vd_dsnap_create() would send, after the same checks
 * (caller frees); NULL with *err when refused. Changes nothing. */
char *vd_dsnap_create_xml(virDomainPtr dom, const vd_dsnap_spec *spec, char **err);

/* Revert dom to snapshot name. flags: VD_DSNAP_REVERT_*. Refuses
 * external snapshots where libvirt cannot revert to them. */
int vd_dsnap_revert(virDomainPtr dom, const char *name, unsigned int flags,
                    char **err);

/* Delete snapshot name. flags: VD_DSNAP_DELETE_*. Refuses what could
 * lose or orphan a base image. */
int vd_dsnap_delete(virDomainPtr dom, const char *name, unsigned int flags,
                    char **err);

/* The XML of snapshot name (caller frees), or NULL with *err. */
char *vd_dsnap_get_xml(virDomainPtr dom, const char *name, char **err);

/* The number of dom's snapshots, -1 when unknown. */
int vd_dsnap_count(virDomainPtr dom);

/* Whether the daemon behind conn can revert to external snapshots
 * (libvirt >= 9.9 with <externalSnapshot/> in the domain capabilities). */
bool vd_dsnap_can_revert_external(virConnectPtr conn);

#endif
