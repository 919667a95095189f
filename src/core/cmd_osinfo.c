/*
 * cmd_osinfo.c: OS variants for the create wizard, read on a worker
 * (VD_CMD_OS_LIST, VD_CMD_OS_RECOMMEND; see virtdeck/createfacts.h).
 * libosinfo's database takes about a second to load: it is loaded once
 * per process, under a lock, by the first worker that needs it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmd_create.h"
#include "core/commands_priv.h"
#include "virtdeck/createfacts.h"
#include "virtdeck/osinfo.h"

static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;
static vd_osdb *db;             /* kept for the process; guarded by db_lock */
static char *db_error;

/* Load the database if needed; call with db_lock held. */
static void
db_load(void)
{
    if (!db && !db_error)
        db = vd_osdb_open(&db_error);
}

void
vd_os_list_free(vd_os_list *list)
{
    if (!list)
        return;
    vd_os_variants_free(list->vars, list->n);
    free(list->error);
    free(list);
}

void
vd_os_choice_free(vd_os_choice *c)
{
    if (!c)
        return;
    free(c->short_id);
    free(c->id);
    free(c);
}

static void list_free(void *p) { vd_os_list_free(p); }
static void choice_free(void *p) { vd_os_choice_free(p); }

/* VD_CMD_OS_LIST. */
int
vd_cc_os_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
              vd_result *res)
{
    vd_os_list *list = calloc(1, sizeof(*list));
    int n;

    (void)conn;
    if (!list) {
        res->message = strdup("out of memory");
        return vd_cmd_said(res, false);
    }
    pthread_mutex_lock(&db_lock);
    db_load();
    if (db) {
        n = vd_osdb_search(db, cmd->str ? cmd->str : "", 0, &list->vars);
        list->n = n > 0 ? (size_t)n : 0;
    } else {
        list->error = strdup(db_error ? db_error : "libosinfo is not available");
    }
    pthread_mutex_unlock(&db_lock);
    res->ok = list->error == NULL;
    res->message = strdup(list->error ? list->error : "read the OS variants");
    res->data = list;
    res->data_free = list_free;
    return vd_cmd_said(res, false);
}

/* VD_CMD_OS_RECOMMEND. */
int
vd_cc_os_recommend(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    vd_os_choice *c = calloc(1, sizeof(*c));
    vd_os_variant v;
    vd_os_recommend rec;

    (void)conn;
    if (!c) {
        res->message = strdup("out of memory");
        return vd_cmd_said(res, false);
    }
    memset(&v, 0, sizeof(v));
    memset(&rec, 0, sizeof(rec));
    pthread_mutex_lock(&db_lock);
    db_load();
    c->found = db && cmd->str && vd_osdb_lookup(db, cmd->str, NULL, &v, &rec) == 0;
    pthread_mutex_unlock(&db_lock);
    if (c->found) {
        c->short_id = v.short_id ? strdup(v.short_id) : NULL;
        c->id = v.id ? strdup(v.id) : NULL;
        c->memory_mib = rec.memory_mib;
        c->vcpus = rec.vcpus;
        c->disk_bytes = rec.disk_bytes;
        c->disk_bus = rec.disk_bus;
        c->disk_bus_known = rec.disk_bus_known;
        c->nic_model = rec.nic_model;
        c->nic_model_known = rec.nic_model_known;
        c->uefi_only = rec.uefi_only;
        vd_os_variant_clear(&v);
    }
    res->ok = c->found;
    res->message = strdup(c->found ? "read the OS variant" : "no such OS variant");
    res->data = c;
    res->data_free = choice_free;
    return vd_cmd_said(res, false);
}
