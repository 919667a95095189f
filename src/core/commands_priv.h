/*
 * commands_priv.h: running queued commands on a worker's connection:
 * the handler signature of the command table (commands.c) and the
 * result helpers (results.c).
 */
#ifndef VD_COMMANDS_PRIV_H
#define VD_COMMANDS_PRIV_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

/* What a handler returns. */
enum {
    VD_RC_DONE = 0,             /* done; the host's lists may have changed */
    VD_RC_READ = 1,             /* done, nothing changed (a read) */
    VD_RC_FAILED = -1,          /* failed; the lists are re-read (the
                                 * failure may come from a stale picture) */
    VD_RC_REFUSED = -2,         /* failed before anything was touched */
};

/* The one handler signature of the command table. dom is the
 * command's domain when its entry has VD_CMDF_DOMAIN (looked up by
 * UUID by the runner, which refuses the command when there is none),
 * else NULL. A handler may fill res->message, res->text, res->data and
 * res->fd; the runner sets res->ok from the return value and, when the
 * handler said nothing, words the message from the table: "NAME DONE"
 * or "VERB NAME: libvirt's error". */
typedef int (*vd_cmd_fn)(virConnectPtr conn, virDomainPtr dom,
                         const vd_cmd *cmd, vd_result *res);

/* The return value of a handler that has set res->ok itself: DONE or
 * READ when ok (changed: the lists may have changed), else FAILED or
 * REFUSED. */
static inline int
vd_cmd_said(const vd_result *res, bool changed)
{
    if (res->ok)
        return changed ? VD_RC_DONE : VD_RC_READ;
    return changed ? VD_RC_FAILED : VD_RC_REFUSED;
}

/* Run cmd on conn and fill res->ok and res->message (allocated).
 * readonly refuses writing commands without calling libvirt.
 * Returns true when the host's lists should be re-read. */
bool vd_cmd_run(virConnectPtr conn, bool readonly, const vd_cmd *cmd,
                vd_result *res);

/* ---- results.c ---- */

/* Set res->message from a printf format, replacing any message. */
void vd_result_say(vd_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A blank result answering cmd (request id, host id), fd -1. Caller
 * owns the result (vd_result_free()); NULL on out of memory. */
vd_result *vd_result_new(const vd_cmd *cmd, unsigned long long id,
                         int host_id);

#endif
