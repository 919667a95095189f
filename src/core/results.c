/*
 * results.c: the answers a worker posts for its commands (vd_result):
 * made blank for a command, worded, freed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/commands_priv.h"

/* Free a result. */
void
vd_result_free(vd_result *res)
{
    if (!res)
        return;
    free(res->message);
    free(res->text);
    if (res->data && res->data_free)
        res->data_free(res->data);
    if (res->fd >= 0)
        close(res->fd);
    free(res);
}

/* A blank result answering cmd. */
vd_result *
vd_result_new(const vd_cmd *cmd, unsigned long long id, int host_id)
{
    vd_result *res = calloc(1, sizeof(*res));

    if (!res)
        return NULL;
    res->id = id;
    res->fd = -1;
    res->host_id = host_id;
    res->kind = cmd->kind;
    memcpy(res->uuid, cmd->uuid, sizeof(res->uuid));
    res->uuid[VD_UUID_LEN - 1] = '\0';
    return res;
}

/* Set res->message from a printf format, replacing any. */
void
vd_result_say(vd_result *res, const char *fmt, ...)
{
    va_list ap;

    free(res->message);
    res->message = NULL;
    va_start(ap, fmt);
    if (vasprintf(&res->message, fmt, ap) < 0)
        res->message = NULL;
    va_end(ap);
}
