/*
 * journal_events.c: libvirt's events as journal entries: the words for
 * lifecycle events and their reasons, and the callbacks for the other
 * domain events the journal keeps. Callbacks run on the event loop
 * thread and only queue an entry (vd_journal_record never waits).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/journal_priv.h"

/* The words of a domain lifecycle event and its detail. */
static const char *const dom_events[] = {
    "defined", "undefined", "started", "paused", "resumed", "stopped",
    "shut down", "suspended to RAM/disk", "crashed",
};
static const char *const dom_details[][9] = {
    { "added", "updated", "renamed", "from a snapshot" },
    { "removed", "renamed" },
    { "booted", "migrated", "restored", "from a snapshot", "woken up" },
    { "paused", "migrating", "I/O error", "watchdog", "restored",
      "from a snapshot", "API error", "post-copy", "post-copy failed" },
    { "unpaused", "migrated", "from a snapshot", "post-copy",
      "post-copy failed" },
    { "shut down", "destroyed", "crashed", "migrated", "saved", "failed",
      "from a snapshot" },
    { "finished", "by the guest", "by the host" },
    { "memory", "disk" },
    { "panicked", "crash loaded" },
};

/* See journal_priv.h. */
void
vd_journal_dom_lifecycle(const char *host, const char *uri, virDomainPtr dom,
                         int event, int detail)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "", text[128];
    const char *ev = "event", *det = NULL;
    int n = (int)(sizeof(dom_events) / sizeof(dom_events[0]));

    if (event >= 0 && event < n) {
        ev = dom_events[event];
        if (detail >= 0 && detail < 9)
            det = dom_details[event][detail];
    }
    if (det && strcmp(det, ev) != 0)
        snprintf(text, sizeof(text), "%s: %s", ev, det);
    else if (det)
        snprintf(text, sizeof(text), "%s", ev);
    else
        snprintf(text, sizeof(text), "%s (detail %d)", ev, detail);
    if (virDomainGetUUIDString(dom, uuid) < 0)
        uuid[0] = '\0';
    vd_journal_event(host, uri, "domain", virDomainGetName(dom), uuid,
                     "lifecycle", text);
}

static const char *const obj_events[] = {
    "defined", "undefined", "started", "stopped", "created", "deleted",
};

/* Record the lifecycle event of a network or pool. */
static void
obj_lifecycle(const char *host, const char *uri, const char *type,
              const char *name, const char *uuid, int event)
{
    char text[64];

    if (event >= 0 && event < (int)(sizeof(obj_events) / sizeof(obj_events[0])))
        snprintf(text, sizeof(text), "%s", obj_events[event]);
    else
        snprintf(text, sizeof(text), "event %d", event);
    vd_journal_event(host, uri, type, name, uuid, "lifecycle", text);
}

/* See journal_priv.h. */
void
vd_journal_net_lifecycle(const char *host, const char *uri,
                         virNetworkPtr net, int event, int detail)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";

    (void)detail;
    if (virNetworkGetUUIDString(net, uuid) < 0)
        uuid[0] = '\0';
    obj_lifecycle(host, uri, "network", virNetworkGetName(net), uuid, event);
}

/* See journal_priv.h. */
void
vd_journal_pool_lifecycle(const char *host, const char *uri,
                          virStoragePoolPtr pool, int event, int detail)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "";

    (void)detail;
    if (virStoragePoolGetUUIDString(pool, uuid) < 0)
        uuid[0] = '\0';
    obj_lifecycle(host, uri, "pool", virStoragePoolGetName(pool), uuid, event);
}

/* ---- the other domain events ---- */

/* What each registration's callbacks need: the host's names. */
typedef struct ev_host {
    char *host;
    char *uri;
} ev_host;

/* freecb of a registration. */
static void
ev_host_free(void *opaque)
{
    ev_host *eh = opaque;

    free(eh->host);
    free(eh->uri);
    free(eh);
}

/* Record a domain event with a printf detail. */
static void
dom_event(const ev_host *eh, virDomainPtr dom, const char *what,
          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void
dom_event(const ev_host *eh, virDomainPtr dom, const char *what,
          const char *fmt, ...)
{
    char uuid[VIR_UUID_STRING_BUFLEN] = "", *detail = NULL;
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(&detail, fmt, ap) < 0)
        detail = NULL;
    va_end(ap);
    if (virDomainGetUUIDString(dom, uuid) < 0)
        uuid[0] = '\0';
    vd_journal_event(eh->host, eh->uri, "domain", virDomainGetName(dom), uuid,
                     what, detail);
    free(detail);
}

static void
on_reboot(virConnectPtr c, virDomainPtr d, void *o)
{
    (void)c;
    dom_event(o, d, "reboot", "the guest rebooted");
}

static void
on_watchdog(virConnectPtr c, virDomainPtr d, int action, void *o)
{
    static const char *const acts[] = { "ignored", "paused", "reset",
        "powered off", "shut down", "logged", "NMI injected" };

    (void)c;
    dom_event(o, d, "watchdog", "watchdog fired: %s",
              action >= 0 && action < 7 ? acts[action] : "?");
}

static void
on_io_error(virConnectPtr c, virDomainPtr d, const char *path,
            const char *alias, int action, const char *reason, void *o)
{
    static const char *const acts[] = { "ignored", "guest paused",
        "reported to the guest" };

    (void)c;
    dom_event(o, d, "I/O error", "%s on %s (%s): %s", reason ? reason : "error",
              alias ? alias : "?", path ? path : "?",
              action >= 0 && action < 3 ? acts[action] : "?");
}

static void
on_block_job(virConnectPtr c, virDomainPtr d, const char *disk, int type,
             int status, void *o)
{
    static const char *const types[] = { "block job", "pull", "copy",
        "commit", "active commit", "backup" };
    static const char *const states[] = { "completed", "failed", "cancelled",
        "ready" };

    (void)c;
    dom_event(o, d, "block job", "%s on %s: %s",
              type >= 0 && type < 6 ? types[type] : "block job",
              disk ? disk : "?",
              status >= 0 && status < 4 ? states[status] : "?");
}

static void
on_disk_change(virConnectPtr c, virDomainPtr d, const char *old_src,
               const char *new_src, const char *alias, int reason, void *o)
{
    (void)c;
    dom_event(o, d, "disk change", "%s: %s -> %s (%s)", alias ? alias : "?",
              old_src ? old_src : "none", new_src ? new_src : "none",
              reason == VIR_DOMAIN_EVENT_DISK_DROP_MISSING_ON_START
              ? "dropped, missing at start" : "missing at start");
}

static void
on_tray(virConnectPtr c, virDomainPtr d, const char *alias, int reason,
        void *o)
{
    (void)c;
    dom_event(o, d, "tray", "%s tray %s", alias ? alias : "?",
              reason == VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN ? "opened" : "closed");
}

static void
on_device_added(virConnectPtr c, virDomainPtr d, const char *alias, void *o)
{
    (void)c;
    dom_event(o, d, "device added", "%s", alias ? alias : "?");
}

static void
on_device_removed(virConnectPtr c, virDomainPtr d, const char *alias, void *o)
{
    (void)c;
    dom_event(o, d, "device removed", "%s", alias ? alias : "?");
}

static void
on_agent(virConnectPtr c, virDomainPtr d, int state, int reason, void *o)
{
    (void)c;
    dom_event(o, d, "guest agent", "%s%s",
              state == VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED
              ? "connected" : "disconnected",
              reason == VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED
              ? " (domain started)" : "");
}

static void
on_job_completed(virConnectPtr c, virDomainPtr d, virTypedParameterPtr params,
                 int nparams, void *o)
{
    int op = -1;
    unsigned long long ms = 0;

    (void)c;
    if (virTypedParamsGetInt(params, nparams, VIR_DOMAIN_JOB_OPERATION, &op) < 0)
        op = -1;
    if (virTypedParamsGetULLong(params, nparams, VIR_DOMAIN_JOB_TIME_ELAPSED, &ms) < 0)
        ms = 0;
    virResetLastError();
    dom_event(o, d, op == VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT ||
              op == VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN ? "migration" : "job",
              "%s completed in %.1f s",
              op == VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT ? "migration out" :
              op == VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN ? "migration in" :
              op == VIR_DOMAIN_JOB_OPERATION_SAVE ? "save" :
              op == VIR_DOMAIN_JOB_OPERATION_DUMP ? "dump" :
              op == VIR_DOMAIN_JOB_OPERATION_BACKUP ? "backup" :
              op == VIR_DOMAIN_JOB_OPERATION_SNAPSHOT ? "snapshot" : "job",
              (double)ms / 1000.0);
}

/* See journal_priv.h. */
void
vd_journal_events_register(virConnectPtr conn, const char *host,
                           const char *uri, int *ids)
{
    static const struct {
        int id;
        virConnectDomainEventGenericCallback cb;
    } table[VD_JOURNAL_NEVENTS] = {
        { VIR_DOMAIN_EVENT_ID_REBOOT, VIR_DOMAIN_EVENT_CALLBACK(on_reboot) },
        { VIR_DOMAIN_EVENT_ID_WATCHDOG, VIR_DOMAIN_EVENT_CALLBACK(on_watchdog) },
        { VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, VIR_DOMAIN_EVENT_CALLBACK(on_io_error) },
        { VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, VIR_DOMAIN_EVENT_CALLBACK(on_block_job) },
        { VIR_DOMAIN_EVENT_ID_DISK_CHANGE, VIR_DOMAIN_EVENT_CALLBACK(on_disk_change) },
        { VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_DOMAIN_EVENT_CALLBACK(on_tray) },
        { VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_CALLBACK(on_device_added) },
        { VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, VIR_DOMAIN_EVENT_CALLBACK(on_device_removed) },
        { VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(on_agent) },
        { VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, VIR_DOMAIN_EVENT_CALLBACK(on_job_completed) },
    };
    int i;

    for (i = 0; i < VD_JOURNAL_NEVENTS; i++) {
        ev_host *eh = calloc(1, sizeof(*eh));

        ids[i] = -1;
        if (!eh || !(eh->host = strdup(host ? host : "")) ||
            !(eh->uri = strdup(uri ? uri : ""))) {
            if (eh)
                ev_host_free(eh);
            continue;
        }
        ids[i] = virConnectDomainEventRegisterAny(conn, NULL, table[i].id,
                                                  table[i].cb, eh, ev_host_free);
        if (ids[i] < 0)
            ev_host_free(eh);   /* the driver lacks it: no freecb call */
    }
    virResetLastError();
}

/* See journal_priv.h. */
void
vd_journal_events_deregister(virConnectPtr conn, int *ids)
{
    int i;

    for (i = 0; i < VD_JOURNAL_NEVENTS; i++) {
        if (ids[i] >= 0)
            virConnectDomainEventDeregisterAny(conn, ids[i]);
        ids[i] = -1;
    }
    virResetLastError();
}
