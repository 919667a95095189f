/*
 * host.c: the worker thread that owns one libvirt connection.
 *
 * The worker connects (with backoff), registers for events, reads the
 * lists on every tick and after every event or command, runs queued
 * commands, and publishes each new picture as an immutable snapshot.
 * Event callbacks run on the event loop thread: they only set flags and
 * wake the worker. The UI thread only takes snapshots and queues
 * commands, under a lock that is never held across a libvirt call.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/job.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/hostinfo.h"
#include "core/journal_priv.h"
#include "core/leftovers.h"
#include "core/lists.h"
#include "core/snapshot_priv.h"
#include "core/stats_priv.h"
#include "core/stats_read.h"
#include "core/uri.h"

#define FULL_EVERY_TICKS 5      /* flags, networks and pools every 5 ticks */
#define KEEPALIVE_INTERVAL 5    /* seconds between keepalive probes */
#define KEEPALIVE_COUNT 3       /* unanswered probes before closing */
/* After its first picture, a host waits this long at most for the other
 * hosts' first pictures before its own follow-up reads (try_connect). */
#define FIRST_WAIT_MS 250
#define FIRST_POLL_MS 10        /* how often it looks meanwhile */

/* Hosts started connecting whose first attempt has not ended yet (a
 * first picture, or a failure). */
static int first_pending;

typedef struct cmd_item {
    struct cmd_item *next;
    unsigned long long id;
    vd_cmd cmd;
} cmd_item;

enum {
    DIRTY_DOMAINS = 1 << 0,     /* states changed: re-read the stats */
    DIRTY_FULL = 1 << 1,        /* objects came or went: re-read everything */
    DIRTY_NETWORKS = 1 << 2,
    DIRTY_POOLS = 1 << 3,
    DIRTY_TICK = 1 << 4,        /* a tick: rates and host stats too */
    DIRTY_EXTRA = 1 << 5,       /* the host's capabilities (may be slow) */
    DIRTY_INFO = 1 << 6,        /* the host's facts (name, versions, node) */
    DIRTY_FIRST = 1 << 7,       /* a connection's first picture: domains only */
};

struct vd_host {
    int refs;                   /* atomic: owner, worker, each callback */
    int id;
    char *uri;
    char *label;
    bool readonly;
    bool domains_only;          /* vd_host_opts.domains_only */
    int tick_ms;
    vd_bus *bus;
    pthread_t thread;

    pthread_mutex_t lock;
    pthread_cond_t cond;        /* work for the worker, or worker done */
    /* guarded by lock */
    bool stop;
    bool done;
    bool closed;                /* the close callback fired */
    int close_reason;
    unsigned int dirty;
    int new_tick_ms;            /* vd_host_set_tick(): 0 when none pending */
    cmd_item *head;
    cmd_item *tail;
    unsigned long long next_id;
    vd_snapshot *snap;          /* the latest published picture */

    /* worker only */
    virConnectPtr conn;
    int cb_domain;
    int cb_network;
    int cb_pool;
    int cb_journal[VD_JOURNAL_NEVENTS]; /* the journal's other domain events */
    bool cb_close;
    vd_list_caps caps;
    vd_stats_host_caps hcaps;
    long long next_tick_ms;
    unsigned int ticks;
    long long retry_at_ms;
    unsigned int attempts;
    bool idle;                  /* disconnected on request: no retries */
    bool was_connected;         /* once connected: a new connection is "again" */
    bool counted_first;         /* counted in first_pending */
    long long follow_at_ms;     /* first picture out, the rest not yet read:
                                 * read it by then at the latest; 0: none */
};

/* This host's first attempt has ended: it no longer holds the others'
 * follow-up reads back. */
static void
first_attempt_ended(vd_host *h)
{
    if (!h->counted_first)
        return;
    h->counted_first = false;
    __atomic_sub_fetch(&first_pending, 1, __ATOMIC_RELEASE);
}

/* Drop a reference to the host; the last one frees it. */
static void
host_unref(vd_host *h)
{
    cmd_item *item;

    if (__atomic_sub_fetch(&h->refs, 1, __ATOMIC_ACQ_REL) > 0)
        return;
    while ((item = h->head)) {
        h->head = item->next;
        vd_cmd_clear(&item->cmd);
        free(item);
    }
    vd_snapshot_unref(h->snap);
    vd_list_caps_clear(&h->caps);
    pthread_cond_destroy(&h->cond);
    pthread_mutex_destroy(&h->lock);
    free(h->uri);
    free(h->label);
    free(h);
}

/* Take a reference. */
static vd_host *
host_ref(vd_host *h)
{
    __atomic_add_fetch(&h->refs, 1, __ATOMIC_RELAXED);
    return h;
}

/* freecb for callback registrations, which each hold a reference. */
static void
host_unref_cb(void *opaque)
{
    host_unref(opaque);
}

/* Set dirty bits and wake the worker. Any thread. */
static void
host_mark(vd_host *h, unsigned int bits)
{
    pthread_mutex_lock(&h->lock);
    h->dirty |= bits;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
}

/* Make snap the current picture and wake the UI. Worker only. */
static void
publish(vd_host *h, vd_snapshot *snap)
{
    vd_snapshot *old;

    pthread_mutex_lock(&h->lock);
    old = h->snap;
    h->snap = snap;
    pthread_mutex_unlock(&h->lock);
    vd_snapshot_unref(old);
    vd_bus_wake(h->bus);
}

/* A copy of the current picture to change and publish. Worker only:
 * no other thread replaces h->snap, so reading it unlocked is safe. */
static vd_snapshot *
next_snapshot(vd_host *h)
{
    return vd_snapshot_clone(h->snap);
}

/* Domain lifecycle event (event loop thread). */
static int
on_domain_event(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                void *opaque)
{
    vd_host *h = opaque;
    unsigned int bits = DIRTY_DOMAINS;

    (void)conn;
    vd_journal_dom_lifecycle(h->label, h->uri, dom, event, detail);
    if (event == VIR_DOMAIN_EVENT_DEFINED || event == VIR_DOMAIN_EVENT_UNDEFINED)
        bits |= DIRTY_FULL;
    host_mark(opaque, bits);
    return 0;
}

/* Network lifecycle event (event loop thread). */
static void
on_network_event(virConnectPtr conn, virNetworkPtr net, int event, int detail,
                 void *opaque)
{
    vd_host *h = opaque;

    (void)conn;
    vd_journal_net_lifecycle(h->label, h->uri, net, event, detail);
    host_mark(h, DIRTY_NETWORKS);
}

/* Storage pool lifecycle event (event loop thread). */
static void
on_pool_event(virConnectPtr conn, virStoragePoolPtr pool, int event,
              int detail, void *opaque)
{
    vd_host *h = opaque;

    (void)conn;
    vd_journal_pool_lifecycle(h->label, h->uri, pool, event, detail);
    host_mark(h, DIRTY_POOLS);
}

/* The daemon closed the connection, or keepalive gave up (event loop). */
static void
on_close(virConnectPtr conn, int reason, void *opaque)
{
    vd_host *h = opaque;

    (void)conn;
    pthread_mutex_lock(&h->lock);
    h->closed = true;
    h->close_reason = reason;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
}

/* Register the event and close callbacks; failures only cost
 * liveliness (the tick still refreshes), so they are not fatal. */
static void
register_callbacks(vd_host *h)
{
    h->cb_domain = virConnectDomainEventRegisterAny(h->conn, NULL,
                        VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                        VIR_DOMAIN_EVENT_CALLBACK(on_domain_event),
                        host_ref(h), host_unref_cb);
    if (h->cb_domain < 0)
        host_unref(h);
    h->cb_network = virConnectNetworkEventRegisterAny(h->conn, NULL,
                        VIR_NETWORK_EVENT_ID_LIFECYCLE,
                        VIR_NETWORK_EVENT_CALLBACK(on_network_event),
                        host_ref(h), host_unref_cb);
    if (h->cb_network < 0)
        host_unref(h);
    h->cb_pool = virConnectStoragePoolEventRegisterAny(h->conn, NULL,
                        VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                        VIR_STORAGE_POOL_EVENT_CALLBACK(on_pool_event),
                        host_ref(h), host_unref_cb);
    if (h->cb_pool < 0)
        host_unref(h);
    vd_journal_events_register(h->conn, h->label, h->uri, h->cb_journal);
    /* No reference for the close callback: drivers without close
     * callbacks accept the registration but never call its freecb, and
     * none is needed, since unregistering waits for a running call. */
    h->cb_close = virConnectRegisterCloseCallback(h->conn, on_close, h,
                                                  NULL) == 0;
    virResetLastError();
}

/* Deregister callbacks and close the connection. Worker only. */
static void
disconnect(vd_host *h)
{
    if (!h->conn)
        return;
    if (h->cb_domain >= 0)
        virConnectDomainEventDeregisterAny(h->conn, h->cb_domain);
    if (h->cb_network >= 0)
        virConnectNetworkEventDeregisterAny(h->conn, h->cb_network);
    if (h->cb_pool >= 0)
        virConnectStoragePoolEventDeregisterAny(h->conn, h->cb_pool);
    vd_journal_events_deregister(h->conn, h->cb_journal);
    if (h->cb_close)
        virConnectUnregisterCloseCallback(h->conn, on_close);
    h->cb_domain = h->cb_network = h->cb_pool = -1;
    h->cb_close = false;
    virConnectClose(h->conn);
    h->conn = NULL;
    h->follow_at_ms = 0;
    virResetLastError();
    pthread_mutex_lock(&h->lock);
    h->closed = false;
    pthread_mutex_unlock(&h->lock);
}

/* Record a failed attempt or a lost connection and publish it. */
static void
publish_failure(vd_host *h, char *message)
{
    vd_snapshot *snap = next_snapshot(h);

    h->attempts++;
    h->retry_at_ms = vd_now_ms() + vd_retry_delay_ms(h->attempts);
    if (snap) {
        snap->conn = VD_CONN_FAILED;
        snap->attempts = h->attempts;
        snap->retry_at_ms = h->retry_at_ms;
        vd_strset(&snap->error, message);
        vd_strset(&snap->hint, vd_err_hint(h->uri, message));
        publish(h, snap);
    }
    free(message);
}

/* Read the lists asked for by bits into a new snapshot and publish it.
 * Returns 0, or -1 when libvirt failed (error left set). */
static int
refresh(vd_host *h, unsigned int bits)
{
    vd_snapshot *snap = (bits & (DIRTY_DOMAINS | DIRTY_FULL))
                        ? vd_snapshot_clone_nodomains(h->snap) /* re-read below */
                        : next_snapshot(h);
    vd_domain *doms = NULL;
    vd_network *nets = NULL;
    vd_pool *pools = NULL;
    size_t ndoms = 0, nnets = 0, npools = 0;
    bool full = bits & DIRTY_FULL, want_nets, want_pools;
    int ret = -1;

    if (!snap)
        return -1;
    if ((bits & DIRTY_INFO) && vd_lists_read_info(h->conn, &snap->info) < 0)
        goto cleanup;
    if (bits & DIRTY_EXTRA)
        vd_hostinfo_read_extra(h->conn, &snap->info);
    if ((bits & (DIRTY_DOMAINS | DIRTY_FULL)) &&
        vd_lists_read_domains(h->conn, &h->caps, full, h->snap, &doms, &ndoms) < 0)
        goto cleanup;
    if (bits & (DIRTY_DOMAINS | DIRTY_FULL)) {
        /* rates against the last published samples; an event refresh
         * soon after a tick keeps the tick's rates */
        vd_stats_update_domains(h->snap->domains, h->snap->ndomains, doms,
                                ndoms, snap->info.cpus, h->tick_ms);
        vd_stats_count_domains(doms, ndoms, &snap->stats);
    }
    if (bits & DIRTY_TICK) {
        vd_host_sample hs;

        vd_stats_read_host(h->conn, &h->hcaps, &hs, vd_now_ms());
        vd_stats_host_rates(&snap->stats.sample, &hs, &snap->stats.rates);
        snap->stats.sample = hs;
        /* one figure for the host's memory everywhere: virNodeGetInfo
         * may give one NUMA node's, the memory stats all cells' */
        if (hs.has_mem && hs.mem_total_kib)
            snap->info.mem_kib = hs.mem_total_kib;
    }
    snap->tick_ms = h->tick_ms;
    if (h->domains_only)        /* nothing shows them: never read */
        bits &= ~(DIRTY_NETWORKS | DIRTY_POOLS);
    want_nets = (bits & DIRTY_NETWORKS) || (full && !h->domains_only);
    want_pools = (bits & DIRTY_POOLS) || (full && !h->domains_only);
    if (want_nets && vd_lists_read_networks(h->conn, &nets, &nnets) < 0)
        goto cleanup;
    if (want_pools && vd_lists_read_pools(h->conn, &pools, &npools) < 0)
        goto cleanup;

    if (bits & (DIRTY_DOMAINS | DIRTY_FULL)) {
        vd_domains_free(snap->domains, snap->ndomains);
        snap->domains = doms;
        snap->ndomains = ndoms;
        doms = NULL;
    }
    if (want_nets) {
        vd_networks_free(snap->networks, snap->nnetworks);
        snap->networks = nets;
        snap->nnetworks = nnets;
        nets = NULL;
    }
    if (want_pools) {
        vd_pools_free(snap->pools, snap->npools);
        snap->pools = pools;
        snap->npools = npools;
        pools = NULL;
    }
    snap->conn = VD_CONN_CONNECTED;
    snap->partial = bits & DIRTY_FIRST;
    snap->attempts = 0;
    snap->retry_at_ms = 0;
    snap->taken_ms = vd_now_ms();
    vd_strset(&snap->error, NULL);
    vd_strset(&snap->hint, NULL);
    publish(h, snap);
    snap = NULL;
    if (h->caps.gaps_pending) {
        /* the first picture is out: fill its gaps right away */
        h->caps.gaps_pending = false;
        host_mark(h, DIRTY_DOMAINS);
    }
    ret = 0;

 cleanup:
    vd_domains_free(doms, ndoms);
    vd_networks_free(nets, nnets);
    vd_pools_free(pools, npools);
    vd_snapshot_unref(snap);
    return ret;
}

/* One connection attempt. Worker only. */
static void
try_connect(vd_host *h)
{
    unsigned int flags = h->readonly ? VIR_CONNECT_RO : 0;

    if (h->attempts == 0 && h->snap->conn != VD_CONN_CONNECTING) {
        vd_snapshot *snap = next_snapshot(h);
        if (snap) {
            snap->conn = VD_CONN_CONNECTING;
            snap->connect_ms = vd_now_ms();  /* the UI counts from here */
            publish(h, snap);
        }
    }
    /* No auth callback and ssh in batch mode (no_tty=1): nothing may
     * prompt over the screen. */
    {
        char *uri = vd_uri_for_connect(h->uri);
        h->conn = virConnectOpenAuth(uri ? uri : h->uri, NULL, flags);
        free(uri);
    }
    if (!h->conn) {
        first_attempt_ended(h);
        publish_failure(h, vd_err_take("could not connect"));
        return;
    }
    /* Returns 1 where the driver needs none (local drivers). */
    if (virConnectSetKeepAlive(h->conn, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT) < 0)
        virResetLastError();
    memset(&h->hcaps, 0, sizeof(h->hcaps));     /* a new daemon: ask again */
    h->caps.listed_once = h->caps.counted_once = false;
    /* The first picture: the domains' figures from one bulk call, so
     * the screen fills after as few round trips as a bare client's (the
     * open and that call). The host's facts and stats, networks, pools,
     * what costs a call per domain (autostart/persistent lists, snapshot
     * counts, gaps in the figures) and the capabilities follow on the
     * next read, right after (the worker finds them marked); the screen
     * says "reading" for what is not read yet (snap->partial). */
    if (refresh(h, DIRTY_DOMAINS | DIRTY_FIRST) < 0) {
        char *msg = vd_err_take("could not read the host's lists");
        first_attempt_ended(h);
        disconnect(h);
        publish_failure(h, msg);
        return;
    }
    first_attempt_ended(h);
    /* The rest follows once every host started with this one has its
     * first picture out, or after FIRST_WAIT_MS (follow_up): hosts that
     * connect together (a daemon, the client's CPU) put every first
     * picture on the screen before anyone's details. */
    h->follow_at_ms = vd_now_ms() + FIRST_WAIT_MS;
}

/* After a connection's first picture: its event callbacks, and the full
 * read of everything the first picture left out. Worker only. */
static void
follow_up(vd_host *h)
{
    h->follow_at_ms = 0;
    /* The event callbacks (a dozen round trips: on a remote host, a
     * dozen network round trips) come after the first picture; the full
     * read marked below follows them, so nothing that changed in
     * between is missed. */
    register_callbacks(h);
    if (h->attempts > 0 || h->was_connected)
        vd_journal_event(h->label, h->uri, "host", NULL, NULL, "connection",
                         "connected again");
    h->was_connected = true;
    host_mark(h, DIRTY_FULL | DIRTY_EXTRA | DIRTY_INFO | DIRTY_TICK);
    h->attempts = 0;
    h->ticks = 0;
    h->next_tick_ms = vd_tick_next(vd_now_ms(), h->tick_ms);
    /* what jobs could not remove when the connection went away */
    vd_leftovers_sweep(h->id, h->label, h->uri, h->conn, h->bus);
}

/* The connection went away: say why and schedule a reconnect. */
static void
connection_lost(vd_host *h, int reason)
{
    const char *why;
    char *msg;

    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_EOF:
        why = "connection closed by the daemon (End of file)";
        break;
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        why = "connection lost: the daemon stopped answering keepalive probes";
        break;
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        why = "connection closed after an error";
        break;
    default:
        why = "connection closed";
        break;
    }
    msg = strdup(why);
    vd_journal_event(h->label, h->uri, "host", NULL, NULL, "connection", why);
    disconnect(h);
    publish_failure(h, msg);
    /* Reconnect quickly the first time: a restarted daemon is usually
     * back within a second. */
}

/* Connect (again) now, or disconnect and stay idle until asked. */
static void
host_connect_cmd(vd_host *h, bool connect, vd_result *res)
{
    res->ok = true;
    if (connect) {
        h->idle = false;
        h->attempts = 0;
        h->retry_at_ms = 0;
        if (asprintf(&res->message, h->conn ? "%s is already connected" :
                     "connecting to %s", h->label) < 0)
            res->message = NULL;
        return;
    }
    h->idle = true;
    if (h->conn) {
        vd_snapshot *snap;

        disconnect(h);
        if ((snap = next_snapshot(h))) {
            snap->conn = VD_CONN_IDLE;
            snap->attempts = 0;
            snap->retry_at_ms = 0;
            vd_strset(&snap->error, NULL);
            vd_strset(&snap->hint, NULL);
            publish(h, snap);
        }
    } else if (h->snap->conn != VD_CONN_IDLE) {
        vd_snapshot *snap = next_snapshot(h);
        if (snap) {
            snap->conn = VD_CONN_IDLE;
            snap->retry_at_ms = 0;
            publish(h, snap);
        }
    }
    if (asprintf(&res->message, "disconnected from %s", h->label) < 0)
        res->message = NULL;
}

/* Results of commands that changed something, held back until the
 * lists are re-read, so the UI never shows "done" beside the old state
 * (and a toggle pressed right after it acts on the new one). */
typedef struct {
    vd_result **res;
    size_t n, cap;
    vd_cmd_kind kind;           /* of the run being batched */
    long long since_ms;         /* when the first was held */
} held_results;

/* Re-read the lists and post what was held. Worker only. */
static void
flush_held(vd_host *h, held_results *held)
{
    size_t i;

    if (!held->n)
        return;
    if (h->conn && refresh(h, DIRTY_FULL) < 0)
        host_mark(h, DIRTY_FULL);       /* the loop reports it */
    for (i = 0; i < held->n; i++)
        vd_bus_post(h->bus, held->res[i]);
    held->n = 0;
}

/* Hold res until the next flush; posts at once when out of memory. */
static void
hold_result(vd_host *h, held_results *held, vd_result *res, vd_cmd_kind kind)
{
    if (held->n == held->cap) {
        size_t cap = held->cap ? held->cap * 2 : 8;
        vd_result **grown = realloc(held->res, cap * sizeof(*grown));
        if (!grown) {
            flush_held(h, held);
            vd_bus_post(h->bus, res);
            return;
        }
        held->res = grown;
        held->cap = cap;
    }
    if (!held->n) {
        held->kind = kind;
        held->since_ms = vd_now_ms();
    }
    held->res[held->n++] = res;
}

/* Answer every queued command; run them when connected. A run of one
 * kind (a bulk action on marked rows) is answered after one re-read. */
static void
run_commands(vd_host *h)
{
    held_results held = { 0 };

    for (;;) {
        cmd_item *item;
        vd_result *res;

        pthread_mutex_lock(&h->lock);
        if ((item = h->head) && !(h->head = item->next))
            h->tail = NULL;
        pthread_mutex_unlock(&h->lock);
        if (!item)
            break;
        if (held.n && (item->cmd.kind != held.kind ||
                       vd_now_ms() - held.since_ms > 250))
            flush_held(h, &held);
        if ((res = vd_result_new(&item->cmd, item->id, h->id))) {
            bool changed = false;
            long long start_ms = vd_journal_now_ms();
            vd_journal_entry *je = vd_journal_cmd_wanted(item->cmd.kind)
                ? vd_journal_cmd_entry(h->snap, h->label, h->uri, &item->cmd)
                : NULL;

            if (item->cmd.kind == VD_CMD_HOST_CONNECT ||
                item->cmd.kind == VD_CMD_HOST_DISCONNECT) {
                host_connect_cmd(h, item->cmd.kind == VD_CMD_HOST_CONNECT, res);
            } else if (!h->conn && item->cmd.kind == VD_CMD_REFRESH) {
                /* the user asked: try again now, not at the backoff */
                h->retry_at_ms = 0;
                res->ok = true;
                if (asprintf(&res->message, "reconnecting to %s", h->label) < 0)
                    res->message = NULL;
            } else if (!h->conn) {
                const vd_cmd_info *info = vd_cmd_describe(item->cmd.kind);
                if (asprintf(&res->message, "%s: %s is not connected",
                             info->verb, h->label) < 0)
                    res->message = NULL;
            } else {
                vd_jobs_journal_offer(je, start_ms);    /* a job may take it */
                changed = vd_cmd_run(h->conn, h->readonly, &item->cmd, res);
                if (item->cmd.kind >= VD_CMD_DSNAP_LIST &&
                    item->cmd.kind <= VD_CMD_DSNAP_XML)
                    /* the pane's count of this domain: read it next */
                    snprintf(h->caps.snap_first, sizeof(h->caps.snap_first),
                             "%s", item->cmd.uuid);
                je = vd_jobs_journal_unclaimed();
            }
            /* the one place a worker's commands reach the journal (jobs:
             * where they end, in jobs.c) */
            vd_journal_action_done(je, start_ms, res->ok, res->message);
            if (vd_result_is_progress(res))
                vd_bus_post(h->bus, res);   /* a job's start: its thread
                                             * may post its end at once */
            else if (changed || held.n)     /* keep the answers in order */
                hold_result(h, &held, res, item->cmd.kind);
            else
                vd_bus_post(h->bus, res);
        }
        vd_cmd_clear(&item->cmd);
        free(item);
    }
    flush_held(h, &held);
    free(held.res);
}

/* Wait until there is work or the next deadline. Worker only. */
static void
wait_for_work(vd_host *h)
{
    long long deadline = h->conn ? h->next_tick_ms :
                         h->idle ? vd_now_ms() + 3600000 : h->retry_at_ms;
    struct timespec ts;

    if (h->conn && h->follow_at_ms) {
        /* look again soon whether the other hosts' first pictures are in */
        deadline = vd_now_ms() + FIRST_POLL_MS;
        if (deadline > h->follow_at_ms)
            deadline = h->follow_at_ms;
    }
    pthread_mutex_lock(&h->lock);
    while (!h->stop && !h->head && !h->closed && !h->new_tick_ms &&
           !(h->conn && h->dirty && !h->follow_at_ms) &&
           vd_now_ms() < deadline) {
        long long ms = deadline;
        ts.tv_sec = ms / 1000;
        ts.tv_nsec = (ms % 1000) * 1000000;
        if (pthread_cond_timedwait(&h->cond, &h->lock, &ts) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&h->lock);
}

/* The worker's life: connect, refresh, run commands, until stopped. */
static void *
worker_main(void *opaque)
{
    vd_host *h = opaque;

    vd_err_quiet_thread();
    vd_jobs_bind_worker(h->bus);    /* jobs it starts post here */
    for (;;) {
        unsigned int bits;
        bool stop, closed;
        int reason;

        pthread_mutex_lock(&h->lock);
        stop = h->stop;
        closed = h->closed;
        reason = h->close_reason;
        if (h->new_tick_ms) {
            /* a new period: the next tick comes after it, from now */
            h->tick_ms = h->new_tick_ms;
            h->new_tick_ms = 0;
            h->next_tick_ms = vd_now_ms();
        }
        pthread_mutex_unlock(&h->lock);
        if (stop)
            break;

        if (h->conn && (closed || virConnectIsAlive(h->conn) != 1))
            connection_lost(h, closed ? reason : VIR_CONNECT_CLOSE_REASON_ERROR);
        if (!h->conn && !h->idle && vd_now_ms() >= h->retry_at_ms)
            try_connect(h);

        run_commands(h);

        if (h->conn && h->follow_at_ms &&
            (vd_now_ms() >= h->follow_at_ms ||
             !__atomic_load_n(&first_pending, __ATOMIC_ACQUIRE)))
            follow_up(h);
        if (h->conn && !h->follow_at_ms) {
            long long now = vd_now_ms();

            pthread_mutex_lock(&h->lock);
            bits = h->dirty;
            h->dirty = 0;
            pthread_mutex_unlock(&h->lock);
            if (now >= h->next_tick_ms) {
                bits |= DIRTY_DOMAINS | DIRTY_TICK;
                if (++h->ticks % FULL_EVERY_TICKS == 0)
                    bits |= DIRTY_FULL;
                h->next_tick_ms = vd_tick_next(now, h->tick_ms);
            }
            if (bits && refresh(h, bits) < 0) {
                if (virConnectIsAlive(h->conn) != 1) {
                    connection_lost(h, VIR_CONNECT_CLOSE_REASON_ERROR);
                } else {
                    /* keep the old lists, show what went wrong */
                    vd_snapshot *snap = next_snapshot(h);
                    char *msg = vd_err_take("refresh failed");
                    if (snap) {
                        vd_strset(&snap->error, msg);
                        publish(h, snap);
                    }
                    free(msg);
                }
            }
        }
        wait_for_work(h);
    }

    first_attempt_ended(h);     /* stopped before it ended */
    disconnect(h);
    run_commands(h);            /* answer what was still queued */
    pthread_mutex_lock(&h->lock);
    h->done = true;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
    host_unref(h);
    return NULL;
}

/* Create a host and start its worker. */
vd_host *
vd_host_new(const vd_host_opts *opts, int host_id, vd_bus *bus)
{
    vd_host *h = calloc(1, sizeof(*h));
    pthread_condattr_t attr;

    if (!h)
        return NULL;
    h->refs = 1;
    h->id = host_id;
    h->readonly = opts->readonly;
    h->tick_ms = opts->tick_ms > 0 ? opts->tick_ms : 2000;
    h->caps.balloon_period = opts->balloon_period;
    h->caps.snapshot_counts = !opts->domains_only;
    h->caps.no_flags = opts->domains_only;
    h->domains_only = opts->domains_only;
    /* test:///... runs inside this process; test+unix:// does not */
    h->caps.inproc = opts->uri && strncmp(opts->uri, "test:", 5) == 0;
    h->bus = bus;
    h->cb_domain = h->cb_network = h->cb_pool = -1;
    for (int i = 0; i < VD_JOURNAL_NEVENTS; i++)
        h->cb_journal[i] = -1;
    pthread_mutex_init(&h->lock, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&h->cond, &attr);
    pthread_condattr_destroy(&attr);
    if (vd_strset(&h->uri, opts->uri) < 0 ||
        vd_strset(&h->label, opts->label ? opts->label : opts->uri) < 0 ||
        !(h->snap = vd_snapshot_new(host_id, h->uri, h->label, h->readonly)))
        goto error;
    h->idle = opts->idle;
    h->snap->conn = h->idle ? VD_CONN_IDLE : VD_CONN_CONNECTING;
    if (!h->idle) {
        h->snap->connect_ms = vd_now_ms();
        h->counted_first = true;
        __atomic_add_fetch(&first_pending, 1, __ATOMIC_RELAXED);
    }
    if (pthread_create(&h->thread, NULL, worker_main, host_ref(h)) != 0) {
        first_attempt_ended(h);
        host_unref(h);          /* the worker's reference */
        goto error;
    }
    return h;

 error:
    host_unref(h);
    return NULL;
}

/* Ask the worker to end, without waiting. */
void
vd_host_stop(vd_host *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&h->lock);
    h->stop = true;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
}

/* Stop the worker, wait a little for it, release the host. */
bool
vd_host_free(vd_host *h, int wait_ms)
{
    struct timespec ts;
    long long deadline;
    bool done;

    if (!h)
        return true;
    deadline = vd_now_ms() + (wait_ms > 0 ? wait_ms : 0);
    ts.tv_sec = deadline / 1000;
    ts.tv_nsec = (deadline % 1000) * 1000000;
    pthread_mutex_lock(&h->lock);
    h->stop = true;
    pthread_cond_broadcast(&h->cond);
    while (!h->done &&
           pthread_cond_timedwait(&h->cond, &h->lock, &ts) != ETIMEDOUT)
        ;
    done = h->done;
    pthread_mutex_unlock(&h->lock);
    if (done)
        pthread_join(h->thread, NULL);
    else
        pthread_detach(h->thread);  /* stuck in an RPC: it frees itself */
    host_unref(h);
    return done;
}

/* The current picture, referenced. */
vd_snapshot *
vd_host_snapshot(vd_host *h)
{
    vd_snapshot *snap;

    pthread_mutex_lock(&h->lock);
    snap = vd_snapshot_ref(h->snap);
    pthread_mutex_unlock(&h->lock);
    return snap;
}

/* Queue a command. */
unsigned long long
vd_host_submit(vd_host *h, vd_cmd *cmd)
{
    cmd_item *item = calloc(1, sizeof(*item));
    unsigned long long id;

    pthread_mutex_lock(&h->lock);
    id = ++h->next_id;
    if (item) {
        item->id = id;
        item->cmd = *cmd;
        item->cmd.uuid[VD_UUID_LEN - 1] = '\0';
        if (h->tail)
            h->tail->next = item;
        else
            h->head = item;
        h->tail = item;
        pthread_cond_broadcast(&h->cond);
    }
    pthread_mutex_unlock(&h->lock);
    if (!item) {
        vd_cmd_clear(cmd);
        id = 0;
    }
    cmd->str = NULL;            /* the queued copy owns them now */
    cmd->disk = NULL;
    cmd->nic = NULL;
    cmd->data = NULL;
    cmd->data_free = NULL;
    return id;
}

/* Queue kind on uuid. */
unsigned long long
vd_host_submit_simple(vd_host *h, vd_cmd_kind kind, const char *uuid)
{
    vd_cmd cmd = { .kind = kind };

    if (uuid) {
        strncpy(cmd.uuid, uuid, VD_UUID_LEN - 1);
        cmd.uuid[VD_UUID_LEN - 1] = '\0';
    }
    return vd_host_submit(h, &cmd);
}

/* The id given at creation. */
int
vd_host_id(const vd_host *h)
{
    return h->id;
}

/* Change the refresh period; the worker takes it at once. */
void
vd_host_set_tick(vd_host *h, int tick_ms)
{
    if (tick_ms < 100)
        tick_ms = 100;
    pthread_mutex_lock(&h->lock);
    h->new_tick_ms = tick_ms;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->lock);
}
