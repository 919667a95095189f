/*
 * model.h: the immutable picture of one host that a worker publishes.
 *
 * A vd_snapshot is built by a host worker, published once and never
 * changed again; any thread may read it while it holds a reference.
 * Nothing here depends on libvirt or curses.
 */
#ifndef VIRTDECK_MODEL_H
#define VIRTDECK_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/stats.h"

#define VD_UUID_LEN 37          /* "xxxxxxxx-...-xxxxxxxxxxxx" + NUL */

/* Domain states: the same numbers as libvirt's virDomainState. */
typedef enum {
    VD_DOM_NOSTATE = 0,
    VD_DOM_RUNNING,
    VD_DOM_BLOCKED,
    VD_DOM_PAUSED,
    VD_DOM_SHUTDOWN,
    VD_DOM_SHUTOFF,
    VD_DOM_CRASHED,
    VD_DOM_PMSUSPENDED,
    VD_DOM_STATE_LAST
} vd_dom_state;

/* Where a host's connection stands. */
typedef enum {
    VD_CONN_IDLE = 0,           /* not asked to connect */
    VD_CONN_CONNECTING,         /* first attempt under way */
    VD_CONN_CONNECTED,
    VD_CONN_FAILED,             /* last attempt failed; retrying later */
    VD_CONN_LAST
} vd_conn_state;

/* Storage pool states: the same numbers as virStoragePoolState. */
typedef enum {
    VD_POOL_INACTIVE = 0,
    VD_POOL_BUILDING,
    VD_POOL_RUNNING,
    VD_POOL_DEGRADED,
    VD_POOL_INACCESSIBLE,
    VD_POOL_STATE_LAST
} vd_pool_state;

typedef struct vd_domain {
    char uuid[VD_UUID_LEN];
    char *name;
    int id;                         /* -1 when not running */
    vd_dom_state state;
    int reason;                     /* libvirt's state reason code */
    unsigned int vcpus;             /* current vCPUs */
    unsigned int max_vcpus;
    unsigned long long mem_kib;     /* current (balloon) memory */
    unsigned long long max_mem_kib;
    unsigned long long cpu_time_ns; /* 0 when unknown */
    bool persistent;
    bool autostart;
    int snapshots;                  /* libvirt snapshots, -1 when unknown */
    vd_dom_sample sample;           /* live counters: the base of rates (stats.h) */
    vd_dom_rates rates;             /* CPU %, memory, disk and net rates */
    vd_history *history;            /* shared, referenced; NULL until it ran */
} vd_domain;

typedef struct vd_network {
    char uuid[VD_UUID_LEN];
    char *name;
    char *bridge;                   /* NULL when it has none */
    bool active;
    bool persistent;
    bool autostart;
} vd_network;

typedef struct vd_pool {
    char uuid[VD_UUID_LEN];
    char *name;
    vd_pool_state state;
    bool persistent;
    bool autostart;
    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;  /* bytes */
    unsigned long long available;   /* bytes */
} vd_pool;

typedef struct vd_host_info {
    char *hostname;
    char *hv_type;                  /* "QEMU", "TEST", ... */
    unsigned long long libvirt_version; /* major*1000000 + minor*1000 + micro */
    unsigned long long hv_version;
    char *cpu_model;
    unsigned int cpus;
    unsigned long long mem_kib;
    char *cpu_name;                 /* host CPU model from the capabilities ("Skylake-Client-IBRS"), or NULL */
    char *cpu_vendor;               /* "Intel", "AMD", or NULL */
    unsigned int sockets, cores, threads; /* topology per the capabilities; 0: unknown */
    int kvm;                        /* KVM: 1 usable, -1 not usable, 0 unknown (not a QEMU host) */
} vd_host_info;

/* One host as its worker last saw it. Immutable once published. */
typedef struct vd_snapshot {
    int refs;                       /* private: use vd_snapshot_ref/unref */
    unsigned long long seq;         /* grows with every publication */
    int host_id;
    char *uri;
    char *label;                    /* the user's name for the host */
    bool readonly;
    vd_conn_state conn;
    char *error;                    /* libvirt's message of the last failure, or NULL */
    char *hint;                     /* what to check for that failure, or NULL */
    unsigned int attempts;          /* failed attempts since the last success */
    long long retry_at_ms;          /* monotonic ms of the next attempt (FAILED) */
    long long connect_ms;           /* monotonic ms the first attempt began (CONNECTING) */
    long long taken_ms;             /* monotonic ms when the lists were read */
    bool partial;                   /* a connection's first picture: its
                                     * domains only; the host's facts,
                                     * networks and pools follow on the
                                     * read right after (host.c) */
    vd_host_info info;
    vd_domain *domains;             /* sorted by UUID */
    size_t ndomains;
    vd_network *networks;           /* sorted by name */
    size_t nnetworks;
    vd_pool *pools;                 /* sorted by name */
    size_t npools;
    vd_host_stats stats;            /* host CPU/memory meters (stats.h) */
    int tick_ms;                    /* the worker's refresh period */
} vd_snapshot;

/* Take a reference; returns snap (NULL passes through). Thread-safe. */
vd_snapshot *vd_snapshot_ref(vd_snapshot *snap);

/* Drop a reference; frees the snapshot with the last one. Thread-safe. */
void vd_snapshot_unref(vd_snapshot *snap);

/* Find a domain by UUID (binary search); the pointer lives as long as
 * snap. NULL if absent. */
const vd_domain *vd_snapshot_find_domain(const vd_snapshot *snap,
                                         const char *uuid);

/* Find a storage pool by name; the pointer lives as long as snap. NULL
 * if absent. */
const vd_pool *vd_snapshot_find_pool(const vd_snapshot *snap, const char *name);

/* How many domains are in each state, in the one vocabulary every
 * screen uses: running (running, idle, in shutdown), paused (paused,
 * pmsuspended), active = running + paused, off = the rest. */
typedef struct vd_dom_counts {
    size_t running, paused, active, off, total;
} vd_dom_counts;

/* Count doms into *c. */
void vd_dom_count(const vd_domain *doms, size_t n, vd_dom_counts *c);

/* Short lowercase word for a state ("running", "shut off", ...). Static. */
const char *vd_dom_state_name(vd_dom_state state);

/* Word for a connection state ("connected", ...). Static string. */
const char *vd_conn_state_name(vd_conn_state state);

/* Word for a pool state ("active", "inactive", ...). Static string. */
const char *vd_pool_state_name(vd_pool_state state);

/* Format a libvirt version number as "9.0.0" into buf; returns buf. */
char *vd_version_string(unsigned long long version, char *buf, size_t len);

#endif
