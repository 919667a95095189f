/*
 * createfacts.h: what the create wizard needs to know about a host
 * beyond its snapshot, read by the worker for VD_CMD_CREATE_FACTS.
 *
 * The snapshot already gives domain names, host memory, pools with
 * their free space and networks with their active flags. This adds the
 * host's domain capabilities (emulator, machine, UEFI) and every
 * volume of every active pool (for the ISO and existing-disk pickers).
 *
 * VD_CMD_CREATE_FACTS: no arguments; result->data is a vd_create_facts
 * (freed by result->data_free).
 * VD_CMD_PATH_EXISTS: str is an absolute path on the host; result->ok
 * is true when the question could be answered and result->text is
 * "1" when the host has a file there (a volume of a pool, or on a
 * local connection any file), "0" when not, "?" when it cannot tell
 * (a remote host and no pool volume at that path).
 * VD_CMD_DOM_CREATE: str is the domain XML, num the new volume's
 * capacity in bytes (0: none), flags VD_CREATE_START (create.h);
 * result->uuid is the new domain's on success. With data set (a
 * vd_create_request, the wizard's way), the spec is created by the
 * create engine (vd_create_with()) with all its new volumes and the
 * cloud-init seed; str is then only the reviewed XML for the journal.
 * VD_CMD_NODEDEV_LIST: no arguments; result->data is a vd_nodedev_list.
 */
#ifndef VIRTDECK_CREATEFACTS_H
#define VIRTDECK_CREATEFACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/domspec.h"

struct vd_os_variant;

/* vd_cmd.flags of VD_CMD_DOM_CREATE: start the domain once defined
 * (the same bit as VD_CREATE_START in create.h, which the UI cannot
 * include). */
#define VD_CMD_CREATE_START (1u << 0)

/* One volume of an active pool. */
typedef struct vd_create_vol {
    char *pool;
    char *name;
    char *path;                 /* or NULL */
    unsigned long long capacity;
    vd_disk_format format;      /* UNSET when not qcow2/raw */
    bool iso;                   /* looks like an ISO image (name or format) */
} vd_create_vol;

typedef struct vd_create_facts {
    vd_virt_type virt_type;     /* kvm where the host offers it, else qemu;
                                 * TEST on the test driver */
    bool have_caps;             /* caps were read (QEMU hosts) */
    vd_host_caps caps;
    bool local;                 /* paths can be checked on this machine */
    vd_create_vol *vols;        /* sorted by pool, then name */
    size_t nvols;
    char *error;                /* why caps could not be read, or NULL */
} vd_create_facts;

/* VD_CMD_OS_LIST: str is a search (NULL or "": every variant);
 * result->data is a vd_os_list. VD_CMD_OS_RECOMMEND: str is a short or
 * full id; result->data is a vd_os_choice. libosinfo's database is
 * loaded once per process, by the first worker that needs it (about a
 * second), never on the UI thread. */
typedef struct vd_os_list {
    struct vd_os_variant *vars; /* osinfo.h */
    size_t n;
    char *error;                /* the database could not be loaded */
} vd_os_list;

typedef struct vd_os_choice {
    char *short_id;
    char *id;
    bool found;
    /* what libosinfo recommends (0 / false: nothing) */
    unsigned long long memory_mib;
    unsigned int vcpus;
    unsigned long long disk_bytes;
    vd_disk_bus disk_bus;
    bool disk_bus_known;
    vd_nic_model nic_model;
    bool nic_model_known;
    bool uefi_only;
} vd_os_choice;

/* What the wizard asks the worker to create (VD_CMD_DOM_CREATE's data).
 * The spec already holds the seed's CD-ROM (vd_cloudinit_attach()); the
 * worker builds the seed ISO from the fields below and makes it the
 * volume seed_volume in seed_pool before the spec's own volumes. Every
 * string is owned; vd_create_request_free() frees it all. */
typedef struct vd_create_request {
    vd_domain_spec spec;
    bool seed;                  /* build and upload a cloud-init seed */
    char *seed_pool;
    char *seed_volume;
    char *hostname;             /* the seed's local-hostname */
    char *user;                 /* NULL: root */
    char *ssh_key;              /* an authorized key's text, or NULL */
    char *password;             /* or NULL */
} vd_create_request;

void vd_create_request_free(vd_create_request *req);

/* One PCI or USB device of the host (VD_CMD_NODEDEV_LIST). */
typedef struct vd_nodedev {
    char *name;                 /* libvirt's name: pci_0000_00_19_0, usb_1_2 */
    bool pci;                   /* else USB */
    long num[4];                /* PCI: domain, bus, slot, function;
                                 * USB: bus, device, vendor, product; -1: none */
    char *value;                /* as --host-device takes it: 0000:00:19.0,
                                 * 0x1d6b:0x0002 */
    char *vendor;               /* names from the node device XML, or NULL */
    char *product;
    char *used_by;              /* a domain whose XML has it, or NULL */
} vd_nodedev;

typedef struct vd_nodedev_list {
    vd_nodedev *devs;           /* PCI first, then USB, each by name */
    size_t n;
} vd_nodedev_list;

void vd_nodedev_clear(vd_nodedev *dev);
void vd_nodedev_list_free(vd_nodedev_list *list);

void vd_os_list_free(vd_os_list *list);
void vd_os_choice_free(vd_os_choice *choice);

/* Free facts and what it holds. NULL is fine. */
void vd_create_facts_free(vd_create_facts *facts);

#endif
