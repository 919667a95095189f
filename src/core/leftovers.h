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

/* Remember that the domain named name (uuid) on host host_id is to be
 * undefined (with its NVRAM) if it is still shut off. */
void vd_leftover_domain(int host_id, vd_cmd_kind kind, const char *uuid,
                        const char *name, const char *what);

/* On host_id's worker, connected on conn: try to remove each of that
 * host's leftovers; post one result on bus per item (removed, gone
 * already, or why not: then it is kept for the next connection). */
void vd_leftovers_sweep(int host_id, virConnectPtr conn, vd_bus *bus);

/* Whether conn is gone (its daemon or transport died), so that a
 * failed removal is to be remembered rather than reported as final. */
bool vd_conn_lost(virConnectPtr conn);

/* Forget every leftover (at exit). */
void vd_leftovers_free(void);

#endif
