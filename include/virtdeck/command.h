/*
 * command.h: what the UI asks a host worker to do, and the answer.
 *
 * The UI fills a vd_cmd, hands it to vd_host_submit() and goes on; the
 * worker runs it against its own connection and posts a vd_result on
 * the bus. Targets are named by UUID, never by row position.
 */
#ifndef VIRTDECK_COMMAND_H
#define VIRTDECK_COMMAND_H

#include <stdbool.h>

#include "virtdeck/model.h"

/* Every operation a worker can run. Keep in step with the table in
 * src/core/commands.c. */
typedef enum {
    VD_CMD_DOM_START = 0,
    VD_CMD_DOM_DESTROY,         /* force off */
    VD_CMD_DOM_SHUTDOWN,        /* ACPI power button */
    VD_CMD_DOM_REBOOT,
    VD_CMD_DOM_RESET,
    VD_CMD_DOM_SUSPEND,
    VD_CMD_DOM_RESUME,
    VD_CMD_REFRESH,             /* re-read the lists now */
    VD_CMD_LAST
} vd_cmd_kind;

typedef struct vd_cmd {
    vd_cmd_kind kind;
    char uuid[VD_UUID_LEN];     /* target object, "" when none */
    char *str;                  /* optional string argument (owned by the cmd) */
    long long num;              /* optional number argument */
    unsigned int flags;
} vd_cmd;

typedef struct vd_result {
    unsigned long long id;      /* the id vd_host_submit() returned */
    int host_id;
    vd_cmd_kind kind;
    char uuid[VD_UUID_LEN];
    bool ok;
    char *message;              /* status line text: what happened, or libvirt's error */
    char *text;                 /* optional payload (XML, ...), or NULL */
    void *data;                 /* optional structured payload, or NULL */
    void (*data_free)(void *data); /* frees data; set with data */
    int fd;                     /* a descriptor handed over (console), or -1;
                                 * the receiver owns it */
} vd_result;

/* Static description of a command: its verb and whether it writes. */
typedef struct vd_cmd_info {
    const char *verb;           /* "start", "force off", ... */
    bool writes;                /* refused on read-only connections */
} vd_cmd_info;

/* The description of kind; never NULL for a valid kind. */
const vd_cmd_info *vd_cmd_describe(vd_cmd_kind kind);

/* Free a result and what it holds (closing fd when >= 0). NULL is fine.
 * Results are made by the core with fd = -1. */
void vd_result_free(vd_result *res);

#endif
