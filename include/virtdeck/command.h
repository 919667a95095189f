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

#include "virtdeck/domspec.h"
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
    /* hosts and domains (issue 3): arguments in docs/commands below */
    VD_CMD_HOST_CONNECT,        /* connect now and keep connected */
    VD_CMD_HOST_DISCONNECT,     /* close the connection; stay idle until CONNECT */
    VD_CMD_DOM_MANAGED_SAVE,    /* save to the managed file and stop */
    VD_CMD_DOM_RESTORE,         /* start from the managed save image */
    VD_CMD_DOM_AUTOSTART,       /* num: 1 on, 0 off */
    VD_CMD_DOM_RENAME,          /* str: the new name (shut off only) */
    VD_CMD_DOM_UNDEFINE,        /* flags: VD_UNDEFINE_STORAGE deletes its volumes */
    VD_CMD_DOM_SET_VCPUS,       /* num: count; flags: VD_APPLY_LIVE|VD_APPLY_CONFIG */
    VD_CMD_DOM_SET_MEMORY,      /* num: KiB; flags: VD_APPLY_LIVE|VD_APPLY_CONFIG */
    VD_CMD_DOM_CDROM,           /* disk: path (NULL or no disk: eject); str: the
                                 * drive's target ("hdc"), NULL: the first CD-ROM */
    VD_CMD_DOM_ATTACH_DISK,     /* disk: VD_DISK_PATH (path) or VD_DISK_NEW_VOLUME
                                 * (pool, size_bytes, format, volume: NULL gives
                                 * DOMAIN-N.qcow2); bus; str: target, NULL: the
                                 * first free one */
    VD_CMD_DOM_DETACH_DISK,     /* str: the disk's target ("vdb") */
    VD_CMD_DOM_ATTACH_NIC,      /* nic: VD_NET_NETWORK or VD_NET_BRIDGE (source),
                                 * model, mac (NULL: libvirt's) */
    VD_CMD_DOM_DETACH_NIC,      /* str: the NIC's MAC address */
    VD_CMD_DOM_XML,             /* text: the XML; flags: VD_XML_SECURE */
    VD_CMD_DOM_DEFINE,          /* str: XML to define (validated); uuid may be "" */
    VD_CMD_DOM_DETAILS,         /* data: vd_dom_details (domdetails.h) */
    /* networks, pools, volumes (issue 6): arguments in virtdeck/netstore.h
     * and virtdeck/job.h; uuid names the network or pool */
    VD_CMD_NET_DETAILS,         /* data: vd_network_details */
    VD_CMD_NET_START,
    VD_CMD_NET_STOP,
    VD_CMD_NET_AUTOSTART,       /* num: 1 on, 0 off */
    VD_CMD_NET_UNDEFINE,
    VD_CMD_NET_DEFINE,          /* str: XML; flags: VD_NETDEF_*; uuid "" */
    VD_CMD_POOL_DETAILS,        /* data: vd_pool_details */
    VD_CMD_POOL_START,
    VD_CMD_POOL_STOP,
    VD_CMD_POOL_REFRESH,
    VD_CMD_POOL_AUTOSTART,      /* num: 1 on, 0 off */
    VD_CMD_POOL_BUILD,
    VD_CMD_POOL_DELETE,         /* deletes the pool's storage (rmdir ...) */
    VD_CMD_POOL_UNDEFINE,
    VD_CMD_POOL_DEFINE,         /* str: XML; flags: VD_POOLDEF_*; uuid "" */
    VD_CMD_VOL_LIST,            /* data: vd_volume_list */
    VD_CMD_VOL_CREATE,          /* str: volume XML */
    VD_CMD_VOL_DELETE,          /* str: volume name */
    VD_CMD_VOL_WIPE,            /* str: volume name */
    VD_CMD_VOL_RESIZE,          /* str: volume name; num: new capacity, bytes */
    VD_CMD_VOL_CLONE,           /* str: vd_cmd_args2(source name, new volume XML) */
    VD_CMD_VOL_UPLOAD,          /* str: vd_cmd_args2(volume, local file); a job */
    VD_CMD_VOL_DOWNLOAD,        /* str: vd_cmd_args2(volume, local file); a job */
    VD_CMD_JOB_CANCEL,          /* num: the job's id (its command's id) */
    VD_CMD_DOM_GRAPHICS,        /* fd: a socket to the guest's VNC or SPICE server
                                 * (issues 7, 14); text: "vnc" or "spice";
                                 * flags: VD_GRAPHICS_TLS */
    VD_CMD_DOM_SERIAL,          /* fd: the serial console, bridged (issue 7) */
    VD_CMD_DOM_SCREENSHOT,      /* data: vd_image (image.h), decoded (issue 7) */
    /* the create wizard (issue 5): see virtdeck/createfacts.h */
    VD_CMD_DOM_CREATE,          /* str: domain XML; num: new volume bytes; flags: VD_CREATE_START;
                                 * or data: vd_create_request (createfacts.h) */
    VD_CMD_CREATE_FACTS,        /* data: vd_create_facts */
    VD_CMD_PATH_EXISTS,         /* str: a path; text: "1", "0" or "?" */
    VD_CMD_OS_LIST,             /* str: search; data: vd_os_list */
    VD_CMD_OS_RECOMMEND,        /* str: OS id; data: vd_os_choice */
    /* migration (issue 12): see virtdeck/migrate.h */
    VD_CMD_DOM_MIGRATE,         /* str: vd_migrate_opts_format(); a job */
    VD_CMD_JOB_POSTCOPY,        /* num: a migration job's id: switch to post-copy */
    VD_CMD_HOST_EVACUATE,       /* str: vd_evacuate_format(); a job */
    VD_CMD_IFACE_KIND,          /* str: a host interface; text: "bridge",
                                 * "none" (no such interface), "?" (the host
                                 * cannot tell), else its type ("ethernet");
                                 * message: the name asked about */
    /* domain snapshots and clones (issue 11): see virtdeck/dsnap.h and
     * virtdeck/clone.h; uuid names the domain */
    VD_CMD_DSNAP_LIST,          /* data: vd_dsnap_list */
    VD_CMD_DSNAP_CREATE,        /* str: vd_cmd_args2(name, description); flags: VD_DSNAP_CREATE_* */
    VD_CMD_DSNAP_REVERT,        /* str: snapshot name; flags: VD_DSNAP_REVERT_* */
    VD_CMD_DSNAP_DELETE,        /* str: snapshot name; flags: VD_DSNAP_DELETE_* */
    VD_CMD_DSNAP_XML,           /* str: snapshot name; text: its XML */
    VD_CMD_DOM_CLONE,           /* str: vd_clone_args_format(); a job (virtdeck/clone.h) */
    VD_CMD_NODEDEV_LIST,        /* data: vd_nodedev_list (createfacts.h) */
    VD_CMD_LAST
} vd_cmd_kind;

/* vd_cmd.flags for VD_CMD_DOM_SET_VCPUS / _SET_MEMORY / device changes:
 * where the change applies (none given: live when running, and config
 * when persistent). */
#define VD_APPLY_LIVE   (1u << 0)
#define VD_APPLY_CONFIG (1u << 1)
/* vd_cmd.flags for VD_CMD_DOM_UNDEFINE: also delete the volumes its
 * disks use. */
#define VD_UNDEFINE_STORAGE (1u << 0)
/* vd_cmd.flags for VD_CMD_DOM_XML: include passwords (--security-info). */
#define VD_XML_SECURE   (1u << 0)
/* vd_cmd.flags for VD_CMD_DOM_GRAPHICS: a SPICE channel that wants the
 * TLS port. */
#define VD_GRAPHICS_TLS (1u << 0)

typedef struct vd_cmd {
    vd_cmd_kind kind;
    char uuid[VD_UUID_LEN];     /* target object, "" when none */
    char *str;                  /* optional string argument (owned by the cmd) */
    long long num;              /* optional number argument */
    unsigned int flags;
    void *data;                 /* optional structured argument (owned by
                                 * the cmd), or NULL */
    void (*data_free)(void *data); /* frees data; set with data */
    /* Typed arguments of the device commands (owned by the cmd, like
     * str; allocate them with malloc): no string is split again, so a
     * path may hold any character. */
    vd_disk_spec *disk;         /* VD_CMD_DOM_ATTACH_DISK, VD_CMD_DOM_CDROM */
    vd_net_spec *nic;           /* VD_CMD_DOM_ATTACH_NIC */
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

/* Static description of a command (a row of the table in
 * src/core/commands.c): its words and whether it writes. */
typedef struct vd_cmd_info {
    const char *verb;           /* "start", "force off", ... */
    const char *busy;           /* while it runs, before the target's name:
                                 * "Starting", "Forcing off", ... */
    const char *done;           /* after the target's name on success:
                                 * "started"; NULL: its handler words it */
    bool writes;                /* refused on read-only connections */
} vd_cmd_info;

/* The description of kind; never NULL for a valid kind. */
const vd_cmd_info *vd_cmd_describe(vd_cmd_kind kind);

/* Free what cmd owns (str, disk, nic, data) and set those to NULL; the
 * rest of cmd is kept. vd_host_submit() takes them over. */
void vd_cmd_clear(vd_cmd *cmd);

/* Free a result and what it holds (closing fd when >= 0). NULL is fine.
 * Results are made by the core with fd = -1. */
void vd_result_free(vd_result *res);

#endif
