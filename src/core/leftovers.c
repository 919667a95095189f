/*
 * leftovers.c: objects to remove once a host is back (leftovers.h).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/virterror.h>

#include "core/errors.h"
#include "core/leftovers.h"
#include "virtdeck/job.h"
#include "virtdeck/journal.h"

typedef enum {
    LEFT_VOLUME = 0,
    LEFT_DOMAIN,
} left_kind;

typedef struct leftover {
    struct leftover *next;
    int host_id;
    vd_cmd_kind cmd;
    left_kind kind;
    char *pool;                 /* LEFT_VOLUME */
    char *name;                 /* volume or domain name */
    char uuid[VD_UUID_LEN];     /* LEFT_DOMAIN ("": look it up by name) */
    char *owner;                /* LEFT_VOLUME: its domain (uuid or name) or NULL */
    char *what;
} leftover;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static leftover *list;

/* The host and command the calling thread works for (vd_leftovers_bind). */
static __thread int bound_host = -1;
static __thread vd_cmd_kind bound_kind;

/* Free one item. */
static void
leftover_free(leftover *l)
{
    if (!l)
        return;
    free(l->pool);
    free(l->name);
    free(l->what);
    free(l->owner);
    free(l);
}

/* Append a new item; strings copied. */
static void
add(int host_id, vd_cmd_kind cmd, left_kind kind, const char *pool,
    const char *name, const char *uuid, const char *owner, const char *what)
{
    leftover *l = calloc(1, sizeof(*l)), **tail;

    if (!l)
        return;
    l->host_id = host_id;
    l->cmd = cmd;
    l->kind = kind;
    l->pool = pool ? strdup(pool) : NULL;
    l->name = name ? strdup(name) : NULL;
    l->what = strdup(what ? what : "an object made before the connection was lost");
    l->owner = owner ? strdup(owner) : NULL;
    if (uuid)
        snprintf(l->uuid, sizeof(l->uuid), "%s", uuid);
    if (!l->name || !l->what || (pool && !l->pool) || (owner && !l->owner)) {
        leftover_free(l);
        return;
    }
    pthread_mutex_lock(&lock);
    for (tail = &list; *tail; tail = &(*tail)->next)
        ;
    *tail = l;
    pthread_mutex_unlock(&lock);
}

/* See leftovers.h. */
void
vd_leftover_volume(int host_id, vd_cmd_kind kind, const char *pool,
                   const char *vol, const char *what)
{
    if (pool && vol)
        add(host_id, kind, LEFT_VOLUME, pool, vol, NULL, NULL, what);
}

/* See leftovers.h. */
void
vd_leftover_volume_of(int host_id, vd_cmd_kind kind, const char *pool,
                      const char *vol, const char *owner, const char *what)
{
    if (pool && vol)
        add(host_id, kind, LEFT_VOLUME, pool, vol, NULL, owner, what);
}

/* See leftovers.h. */
void
vd_leftover_domain(int host_id, vd_cmd_kind kind, const char *uuid,
                   const char *name, const char *what)
{
    if (name)
        add(host_id, kind, LEFT_DOMAIN, NULL, name, uuid ? uuid : "", NULL, what);
}

/* See leftovers.h. */
void
vd_leftovers_bind(int host_id, vd_cmd_kind kind)
{
    bound_host = host_id;
    bound_kind = kind;
}

/* See leftovers.h. */
bool
vd_leftover_here_volume(virConnectPtr conn, const char *pool, const char *vol,
                        const char *owner, const char *what)
{
    if (bound_host < 0 || !pool || !vol || !vd_conn_lost(conn))
        return false;
    vd_leftover_volume_of(bound_host, bound_kind, pool, vol, owner, what);
    return true;
}

/* See leftovers.h. */
bool
vd_leftover_here_domain(virConnectPtr conn, const char *uuid, const char *name,
                        const char *what)
{
    if (bound_host < 0 || !name || !vd_conn_lost(conn))
        return false;
    vd_leftover_domain(bound_host, bound_kind, uuid, name, what);
    return true;
}

/* See leftovers.h. */
bool
vd_conn_lost(virConnectPtr conn)
{
    return conn && virConnectIsAlive(conn) != 1;
}

/* The domain named by a uuid or else a name on conn, or NULL. */
static virDomainPtr
find_domain(virConnectPtr conn, const char *uuid_or_name)
{
    virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid_or_name);

    if (!dom) {
        virResetLastError();
        dom = virDomainLookupByName(conn, uuid_or_name);
    }
    if (!dom)
        virResetLastError();
    return dom;
}

/* Remove one volume: 1 removed, 0 already gone, -1 failed (*err). */
static int
remove_volume(virConnectPtr conn, const leftover *l, char **err)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, l->pool);
    virStorageVolPtr vol = NULL;
    int ret = -1;

    if (l->owner) {             /* never under the domain it was made for */
        virDomainPtr owner = find_domain(conn, l->owner);

        if (owner) {
            virDomainFree(owner);
            if (pool)
                virStoragePoolFree(pool);
            *err = strdup("the domain it was made for is still defined: left alone");
            return -1;
        }
        virResetLastError();
    }
    if (!pool) {
        *err = vd_err_take("its pool is not there");
        return -1;
    }
    /* a restarted daemon may not have seen the file yet */
    if (virStoragePoolRefresh(pool, 0) < 0)
        virResetLastError();
    if (!(vol = virStorageVolLookupByName(pool, l->name))) {
        virResetLastError();
        ret = 0;
    } else if (virStorageVolDelete(vol, 0) == 0) {
        ret = 1;
    } else {
        *err = vd_err_take("could not delete it");
    }
    if (vol)
        virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return ret;
}

/* Undefine dom with its NVRAM, managed save and snapshots' metadata;
 * drivers without NVRAM refuse that flag: then without it. 0 or -1. */
static int
undefine(virDomainPtr dom)
{
    const unsigned int flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                               VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA;

    if (virDomainUndefineFlags(dom, flags | VIR_DOMAIN_UNDEFINE_NVRAM) == 0)
        return 0;
    virResetLastError();
    return virDomainUndefineFlags(dom, flags);
}

/* Undefine one domain if it is still shut off: 1, 0 gone, -1 (*err). */
static int
remove_domain(virConnectPtr conn, const leftover *l, char **err)
{
    virDomainPtr dom = find_domain(conn, l->uuid[0] ? l->uuid : l->name);
    int ret = -1;

    if (!dom)
        return 0;
    if (virDomainIsActive(dom) == 1) {
        *err = strdup("it is running now: left alone");
    } else if (undefine(dom) == 0) {
        ret = 1;
    } else {
        *err = vd_err_take("could not undefine it");
    }
    virDomainFree(dom);
    return ret;
}

/* Where the sweep's messages go: the host's bus and its journal name. */
typedef struct sweep_to {
    vd_bus *bus;
    const char *label;
    const char *uri;
} sweep_to;

/* Post a message for item l on the bus and record it in the journal. */
static void
say(const sweep_to *to, const leftover *l, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void
say(const sweep_to *to, const leftover *l, bool ok, const char *fmt, ...)
{
    va_list ap;
    vd_result *res = calloc(1, sizeof(*res));

    if (!res)
        return;
    res->host_id = l->host_id;
    res->kind = l->cmd;
    res->fd = -1;
    res->ok = ok;
    if (l->kind == LEFT_DOMAIN)
        memcpy(res->uuid, l->uuid, VD_UUID_LEN);
    va_start(ap, fmt);
    if (vasprintf(&res->message, fmt, ap) < 0)
        res->message = NULL;
    va_end(ap);
    vd_journal_event(to->label, to->uri,
                     l->kind == LEFT_VOLUME ? "volume" : "domain", l->name,
                     l->kind == LEFT_DOMAIN && l->uuid[0] ? l->uuid : NULL, "leftover",
                     res->message ? res->message : l->what);
    vd_bus_post(to->bus, res);
}

/* See leftovers.h. */
void
vd_leftovers_sweep(int host_id, const char *label, const char *uri,
                   virConnectPtr conn, vd_bus *bus)
{
    leftover *mine = NULL, **mine_tail = &mine, **pp, *l, *keep = NULL,
             **keep_tail = &keep;
    sweep_to to = { bus, label, uri };

    /* take this host's items out in order, work without the lock */
    pthread_mutex_lock(&lock);
    for (pp = &list; *pp;) {
        l = *pp;
        if (l->host_id == host_id) {
            *pp = l->next;
            l->next = NULL;
            *mine_tail = l;
            mine_tail = &l->next;
        } else {
            pp = &l->next;
        }
    }
    pthread_mutex_unlock(&lock);

    while ((l = mine)) {
        char *err = NULL, where[512];
        int rc;

        mine = l->next;
        l->next = NULL;
        rc = l->kind == LEFT_VOLUME ? remove_volume(conn, l, &err)
                                    : remove_domain(conn, l, &err);
        if (l->kind == LEFT_VOLUME)
            snprintf(where, sizeof(where), "volume %s/%s", l->pool, l->name);
        else
            snprintf(where, sizeof(where), "domain %s", l->name);
        if (rc > 0) {
            say(&to, l, true, "connected again: removed %s, %s", l->what, where);
        } else if (rc == 0) {
            say(&to, l, true, "connected again: %s (%s) is already gone",
                l->what, where);
        } else {
            char msg[1024];

            snprintf(msg, sizeof(msg), "%s: %s", where, err ? err : "failed");
            say(&to, l, false, "connected again, but %s could not be removed: %s",
                l->what, msg);
            if (vd_conn_lost(conn)) {   /* lost again: next time */
                *keep_tail = l;
                keep_tail = &l->next;
                l = NULL;
            }
        }
        virResetLastError();
        free(err);
        leftover_free(l);
    }
    if (keep) {
        pthread_mutex_lock(&lock);
        *keep_tail = list;
        list = keep;
        pthread_mutex_unlock(&lock);
    }
}

/* See job.h. */
char *
vd_leftovers_pending(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    leftover *l;

    if (!f)
        return NULL;
    pthread_mutex_lock(&lock);
    for (l = list; l; l = l->next) {
        if (l->kind == LEFT_VOLUME)
            fprintf(f, "%s: volume %s/%s\n", l->what, l->pool, l->name);
        else
            fprintf(f, "%s: domain %s\n", l->what, l->name);
    }
    pthread_mutex_unlock(&lock);
    if (fclose(f) != 0 || len == 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* See leftovers.h. */
void
vd_leftovers_free(void)
{
    leftover *l;

    pthread_mutex_lock(&lock);
    while ((l = list)) {
        list = l->next;
        leftover_free(l);
    }
    pthread_mutex_unlock(&lock);
}
