/*
 * commands_priv.h: running queued commands on a worker's connection.
 */
#ifndef VD_COMMANDS_PRIV_H
#define VD_COMMANDS_PRIV_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

/* Run cmd on conn and fill res->ok and res->message (allocated).
 * readonly refuses writing commands without calling libvirt.
 * Returns true when the host's lists should be re-read. */
bool vd_cmd_run(virConnectPtr conn, bool readonly, const vd_cmd *cmd,
                vd_result *res);

/* Set res->message from a printf format, replacing any message. */
void vd_result_say(vd_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A result for cmd that failed before it ran (e.g. not connected);
 * message is copied. Caller owns the result; NULL on out of memory. */
vd_result *vd_result_new(const vd_cmd *cmd, unsigned long long id,
                         int host_id);

#endif
