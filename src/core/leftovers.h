/*
 * leftovers.h: what a job or a command made on a host and could not
 * remove again because the connection was lost in the middle (the
 * daemon killed, the SSH transport dropped). Each is remembered by host
 * id and removed when that host's worker is connected again; the
 * outcome goes to the status line as a result of the kind that made
 * it. Core only; any thread may add, the host's worker sweeps.
 */
#ifndef VD_LEFTOVERS_H
#define VD_LEFTOVERS_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/bus.h"
#include "virtdeck/command.h"

/* Remember that volume vol of pool (names) on host host_id is to be
 * removed; what says what it was ("the partial volume of upload X"),
 * kind is the command that made it. Strings are copied. */
void vd_leftover_volume(int host_id, vd_cmd_kind kind, const char *pool,
                        const char *vol, const char *what);

/* As vd_leftover_volume() for a volume made for the domain owner (its
 * uuid or name, remembered before it): the volume is removed only once
 * that domain is gone, never under it. owner NULL: as
 * vd_leftover_volume(). */
void vd_leftover_volume_of(int host_id, vd_cmd_kind kind, const char *pool,
                           const char *vol, const char *owner,
                           const char *what);

/* Remember that the domain named name (uuid; NULL: look it up by name)
 * on host host_id is to be undefined (with its NVRAM) if it is still
 * shut off. */
void vd_leftover_domain(int host_id, vd_cmd_kind kind, const char *uuid,
                        const char *name, const char *what);

/* Bind the calling thread to host host_id and command kind: what the
 * code it runs then hands to vd_leftover_here_*() is remembered for
 * that host. host_id < 0 unbinds. A thread never bound (the command
 * line) remembers nothing: its callers name what is left instead. */
void vd_leftovers_bind(int host_id, vd_cmd_kind kind);

/* When conn is lost and the thread is bound to a host: remember the
 * volume pool/vol for the bound host and return true; otherwise false
 * (the caller says what is left). When owner is not NULL (a domain's
 * uuid, or its name), the volume belongs to that domain (remembered
 * before it): it is removed only once that domain is gone, never under
 * it. Leftovers are swept in the order they were remembered. */
bool vd_leftover_here_volume(virConnectPtr conn, const char *pool,
                             const char *vol, const char *owner,
                             const char *what);

/* As vd_leftover_here_volume() for a domain to undefine if still shut
 * off: by uuid, or by name when uuid is NULL (the connection was lost
 * while it was being defined; the name was free before). */
bool vd_leftover_here_domain(virConnectPtr conn, const char *uuid,
                             const char *name, const char *what);

/* On host_id's worker, connected on conn: try to remove each of that
 * host's leftovers in the order they were remembered; post one result
 * on bus per item (removed, gone already, or why not: then it is kept
 * for the next connection) and record it in the journal under label
 * and uri. */
void vd_leftovers_sweep(int host_id, const char *label, const char *uri,
                        virConnectPtr conn, vd_bus *bus);

/* Whether conn is gone (its daemon or transport died), so that a
 * failed removal is to be remembered rather than reported as final. */
bool vd_conn_lost(virConnectPtr conn);

/* Forget every leftover (at exit). */
void vd_leftovers_free(void);

#endif
