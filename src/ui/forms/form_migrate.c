/*
 * form_migrate.c: the migrate dialog and the evacuate form
 * (form_migrate.h). The defaults are virt-manager's: live for a running
 * guest (offline for a shut off one), persistent on the destination,
 * undefine on the source, direct (not peer-to-peer), no storage copy.
 * The options are checked together (vd_migrate_opts_check) before
 * anything is sent; the job itself checks the hosts before any
 * migration call and says why it refuses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/migrate.h"
#include "ui/forms/form_migrate.h"
#include "ui/panes/all_hosts.h"
#include "ui/views/jobs_view.h"
#include "ui/views/netstore_ui.h"
#include "ui/widgets/form.h"
#include "ui/widgets/listview.h"

static const char *const mode_l[] = { "Live (running or paused guest)",
                                      "Offline (shut off: define there)" };
static const char *const mode_v[] = { "live", "offline" };
static const char *const storage_l[] = { "Shared (copy nothing)",
                                         "Copy all storage",
                                         "Copy storage incrementally" };
static const char *const storage_v[] = { "shared", "all", "inc" };

/* The connected hosts other than src, as choice labels and URIs;
 * returns how many (arrays malloc'ed, the labels too: free with
 * free_destinations(); the URIs borrowed from snapshots). */
static size_t
destinations(const vd_app *app, size_t src, const char ***labels,
             const char ***values)
{
    size_t i, n = 0;

    *labels = calloc(app->nhosts + 1, sizeof(char *));
    *values = calloc(app->nhosts + 1, sizeof(char *));
    if (!*labels || !*values)
        return 0;
    for (i = 0; i < app->nhosts; i++) {
        const vd_snapshot *s = app->hosts[i].snap;

        if (i == src || !s || s->conn != VD_CONN_CONNECTED)
            continue;
        {
            char buf[128];

            /* the short label that tells the hosts apart (uriinfo.h) */
            (*labels)[n] = strdup(vd_all_hosts_label(app, i, buf, sizeof(buf)));
        }
        if (!(*labels)[n])
            continue;
        (*values)[n] = s->uri;
        n++;
    }
    return n;
}

/* Free what destinations() made. */
static void
free_destinations(const char **labels, const char **values)
{
    for (size_t i = 0; labels && labels[i]; i++)
        free((char *)labels[i]);
    free(labels);
    free(values);
}

/* The options fields, shared by both forms. */
static void
add_option_fields(vd_form *f, bool running, bool evacuate)
{
    vd_field *fl;

    if (!evacuate)
        vd_form_choice(f, "mode", "Mode", mode_l, mode_v, 2, running ? 0 : 1);
    vd_form_check(f, "persist", "Persistent on dest.", true);
    vd_form_check(f, "undefine", "Undefine on source", true);
    vd_form_choice(f, "storage", "Storage", storage_l, storage_v, 3, 0);
    fl = vd_form_number(f, "bandwidth", "Bandwidth limit", 0, "MiB/s (0: none)");
    vd_field_range(fl, 0, 1000000);
    fl = vd_form_number(f, "downtime", "Maximum downtime", 0, "ms (0: default)");
    vd_field_range(fl, 0, 3600000);
    vd_form_check(f, "autoconv", "Auto-converge", false);
    fl = vd_form_check(f, "postcopy", "Allow post-copy", false);
    vd_field_set_help(fl, "P (or K to cancel) on the domain, or in the jobs view (J), "
                      "switches to post-copy while it runs");
    fl = vd_form_check(f, "p2p", "Peer-to-peer", false);
    vd_field_set_help(fl, "the source daemon connects to the destination itself");
    fl = vd_form_check(f, "tunnel", "Tunnelled", false);
    vd_field_set_help(fl, "the data goes through the daemons' connection (peer-to-peer)");
    fl = vd_form_check(f, "unsafe", "Unsafe", false);
    vd_field_set_help(fl, "the disks are shared, but on storage libvirt cannot "
                      "prove is shared (a local filesystem both hosts see)");
    fl = vd_form_text(f, "peer", "Peer URI (p2p)", "");
    vd_field_set_help(fl, "peer-to-peer only: e.g. qemu+tcp://10.0.0.2/system "
                      "(empty: the destination's URI)");
    fl = vd_form_text(f, "muri", "Migration URI", "");
    vd_field_set_help(fl, "where the data goes, e.g. tcp://10.0.0.2 (empty: "
                      "libvirt asks the destination)");
}

/* Fill o from the form's options fields. */
static void
read_options(const vd_form *f, vd_migrate_opts *o)
{
    const char *mode = vd_form_value(f, "mode"), *storage = vd_form_value(f, "storage");

    if (strcmp(mode, "live") == 0)
        o->flags |= VD_MIG_LIVE;
    else if (strcmp(mode, "offline") == 0)
        o->flags |= VD_MIG_OFFLINE;
    if (vd_form_checked(f, "persist"))
        o->flags |= VD_MIG_PERSIST;
    if (vd_form_checked(f, "undefine"))
        o->flags |= VD_MIG_UNDEFINE_SOURCE;
    if (strcmp(storage, "all") == 0)
        o->flags |= VD_MIG_COPY_ALL;
    else if (strcmp(storage, "inc") == 0)
        o->flags |= VD_MIG_COPY_INC;
    if (vd_form_checked(f, "autoconv"))
        o->flags |= VD_MIG_AUTO_CONVERGE;
    if (vd_form_checked(f, "postcopy"))
        o->flags |= VD_MIG_POSTCOPY;
    if (vd_form_checked(f, "p2p"))
        o->flags |= VD_MIG_P2P;
    if (vd_form_checked(f, "tunnel"))
        o->flags |= VD_MIG_TUNNELLED | VD_MIG_P2P;
    if (vd_form_checked(f, "unsafe"))
        o->flags |= VD_MIG_UNSAFE;
    o->bandwidth = (unsigned long long)vd_form_number_value(f, "bandwidth");
    o->downtime_ms = vd_form_number_value(f, "downtime");
    if (*vd_form_value(f, "peer"))
        o->peer_uri = strdup(vd_form_value(f, "peer"));
    if (*vd_form_value(f, "muri"))
        o->migrate_uri = strdup(vd_form_value(f, "muri"));
}

/* Offline: no storage copy, no post-copy or auto-converge to offer. */
static void
migrate_change(vd_app *app, vd_form *f, vd_field *field, void *ctx)
{
    bool offline = strcmp(vd_form_value(f, "mode"), "offline") == 0;
    bool p2p = vd_form_checked(f, "p2p") || vd_form_checked(f, "tunnel");

    (void)app;
    (void)field;
    (void)ctx;
    vd_field_set_hidden(vd_form_field(f, "storage"), offline);
    vd_field_set_hidden(vd_form_field(f, "postcopy"), offline);
    vd_field_set_hidden(vd_form_field(f, "autoconv"), offline);
    vd_field_set_hidden(vd_form_field(f, "peer"), !p2p);
    vd_field_set_hidden(vd_form_field(f, "muri"), vd_form_checked(f, "tunnel"));
}

/* Send the migration. */
static void
migrate_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    vd_dom_target *t = ctx;
    vd_migrate_opts o = { 0 };
    char *problem, *str;

    (void)button;
    read_options(f, &o);
    if (strcmp(vd_form_value(f, "mode"), "offline") == 0)
        o.flags &= ~(VD_MIG_COPY_ALL | VD_MIG_COPY_INC | VD_MIG_POSTCOPY |
                     VD_MIG_AUTO_CONVERGE);
    o.src_uri = strdup(app->hosts[t->host].snap->uri);
    o.dest_uri = strdup(vd_form_value(f, "dest"));
    if ((problem = vd_migrate_opts_check(&o))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", problem);
        free(problem);
        vd_migrate_opts_clear(&o);
        return;
    }
    str = vd_migrate_opts_format(&o);
    vd_migrate_opts_clear(&o);
    if (!str) {
        vd_form_message(f, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (vd_dom_send(app, t, VD_CMD_DOM_MIGRATE, str, 0, 0))
        vd_form_close(app, f);
    free(str);
}

/* See form_migrate.h. */
void
vd_dom_do_migrate(vd_app *app, const vd_dom_target *t)
{
    const vd_domain *dom = vd_dom_target_find(app, t);
    const char **labels = NULL, **values = NULL;
    vd_dom_target *ctx;
    char title[192];
    vd_form *f;
    size_t n;
    bool running;

    if (!dom) {
        vd_app_message(app, VD_MSG_ERROR, "%s is gone", t->name);
        return;
    }
    running = dom->state != VD_DOM_SHUTOFF && dom->state != VD_DOM_CRASHED &&
              dom->state != VD_DOM_NOSTATE;
    n = destinations(app, t->host, &labels, &values);
    if (n == 0) {
        vd_app_message(app, VD_MSG_ERROR, "migrate %s: no other connected host "
                       "to move it to (add one in the hosts pane: a)", t->name);
        goto cleanup;
    }
    snprintf(title, sizeof(title), "Migrate %s from %s", t->name,
             app->hosts[t->host].snap->label);
    if (!(f = vd_form_new(title)) || !(ctx = malloc(sizeof(*ctx)))) {
        vd_form_free(f);
        goto cleanup;
    }
    *ctx = *t;
    vd_form_choice(f, "dest", "Destination", labels, values, n, 0);
    add_option_fields(f, running, false);
    vd_form_set_ctx(f, ctx, free);
    vd_form_on_change(f, migrate_change);
    vd_form_on_submit(f, migrate_submit);
    vd_form_set_submit_label(f, "Migrate");
    migrate_change(app, f, NULL, NULL);
    vd_form_show(app, f);

 cleanup:
    free_destinations(labels, values);
}

/* See form_migrate.h. */
void
vd_dom_do_migration_ctl(vd_app *app, const vd_dom_target *t, bool postcopy)
{
    const vd_progress *p;

    if (!(p = vd_ui_job_migrating(vd_host_id(app->hosts[t->host].host), t->uuid))) {
        vd_app_message(app, VD_MSG_INFO, "%s is not being migrated", t->name);
        return;
    }
    vd_ui_job_send(app, p, postcopy ? VD_CMD_JOB_POSTCOPY : VD_CMD_JOB_CANCEL);
}

/* ---- evacuate ---------------------------------------------------------------- */

typedef struct evac_ctx {
    size_t host;
    char (*uuids)[VD_UUID_LEN];
    size_t n;
} evac_ctx;

static void
evac_ctx_free(void *p)
{
    evac_ctx *c = p;

    if (c)
        free(c->uuids);
    free(c);
}

/* Send the evacuation. */
static void
evac_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    evac_ctx *c = ctx;
    vd_evacuate e = { 0 };
    const char **labels = NULL, **values = NULL;
    const char *dest = vd_form_value(f, "dest");
    vd_cmd cmd = { .kind = VD_CMD_HOST_EVACUATE };
    char *problem;
    size_t i, nd;

    (void)button;
    nd = destinations(app, c->host, &labels, &values);
    read_options(f, &e.opts);
    e.opts.src_uri = strdup(app->hosts[c->host].snap->uri);
    e.parallel = (int)vd_form_number_value(f, "parallel");
    e.stop_on_failure = vd_form_checked(f, "stop");
    e.items = calloc(c->n, sizeof(*e.items));
    for (i = 0; e.items && i < c->n; i++) {
        /* "spread": round robin over every other connected host */
        const char *to = strcmp(dest, "*") == 0 && nd ? values[i % nd] : dest;

        memcpy(e.items[i].uuid, c->uuids[i], VD_UUID_LEN);
        e.items[i].dest_uri = strdup(to);
        e.n_items++;
    }
    free_destinations(labels, values);
    e.opts.dest_uri = strdup(strcmp(dest, "*") == 0 && nd ? "*" : dest);
    if ((problem = vd_migrate_opts_check(&e.opts))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", problem);
        free(problem);
        vd_evacuate_clear(&e);
        return;
    }
    free(e.opts.dest_uri);
    e.opts.dest_uri = NULL;
    cmd.str = vd_evacuate_format(&e);
    vd_evacuate_clear(&e);
    if (!cmd.str) {
        vd_form_message(f, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (vd_view_submit(app, NULL, c->host, &cmd)) {
        vd_app_message(app, VD_MSG_BUSY, "evacuate %s: %zu guest%s", app->hosts[c->host].snap->label,
                       c->n, c->n == 1 ? "" : "s");
        vd_form_close(app, f);
    }
}

/* See form_migrate.h. */
void
vd_act_host_evacuate(vd_app *app, const vd_binding *b)
{
    size_t hi = app->host_sel.cursor, i, n = 0, nd, nmarked;
    const vd_snapshot *snap = hi < app->nhosts ? app->hosts[hi].snap : NULL;
    const char **labels = NULL, **values = NULL, **l2 = NULL, **v2 = NULL;
    const vd_row *rows[256];
    evac_ctx *c = NULL;
    char title[192], what[256];
    vd_form *f = NULL;

    (void)b;
    if (!snap || snap->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "%s is not connected", snap ? snap->label : "no host");
        return;
    }
    if (!(c = calloc(1, sizeof(*c))) ||
        !(c->uuids = calloc(snap->ndomains + 1, sizeof(*c->uuids))))
        goto fail;
    c->host = hi;
    /* the marked rows of this host, else every running or paused guest */
    nmarked = vd_list_marked_rows(app, VD_PANE_DOMAINS, rows, 256);
    for (i = 0; i < nmarked; i++)
        if (rows[i]->host == hi && n < snap->ndomains)
            snprintf(c->uuids[n++], VD_UUID_LEN, "%s", rows[i]->uuid);
    if (n == 0) {
        for (i = 0; i < snap->ndomains; i++) {
            vd_dom_state s = snap->domains[i].state;

            if (s == VD_DOM_RUNNING || s == VD_DOM_PAUSED || s == VD_DOM_BLOCKED)
                snprintf(c->uuids[n++], VD_UUID_LEN, "%s", snap->domains[i].uuid);
        }
    }
    c->n = n;
    if (n == 0) {
        vd_app_message(app, VD_MSG_INFO, "evacuate %s: no running guest to move", snap->label);
        goto fail;
    }
    nd = destinations(app, hi, &labels, &values);
    if (nd == 0) {
        vd_app_message(app, VD_MSG_ERROR, "evacuate %s: no other connected host "
                       "to move the guests to", snap->label);
        goto fail;
    }
    /* the destinations, then "spread over all" */
    l2 = calloc(nd + 2, sizeof(char *));
    v2 = calloc(nd + 2, sizeof(char *));
    if (!l2 || !v2)
        goto fail;
    for (i = 0; i < nd; i++) {
        l2[i] = labels[i];
        v2[i] = values[i];
    }
    l2[nd] = "Spread over every other connected host";
    v2[nd] = "*";
    snprintf(title, sizeof(title), "Evacuate %s", snap->label);
    if (!(f = vd_form_new(title)))
        goto fail;
    snprintf(what, sizeof(what), "%zu %s guest%s move%s off this host, live", n,
             nmarked ? "marked" : "running", n == 1 ? "" : "s", n == 1 ? "s" : "");
    vd_form_label(f, "what", NULL, what);
    vd_form_choice(f, "dest", "Destination", l2, v2, nd > 1 ? nd + 1 : nd, 0);
    vd_field_range(vd_form_number(f, "parallel", "At a time", 2, "guests"), 1, 16);
    vd_form_check(f, "stop", "Stop at first failure", true);
    add_option_fields(f, true, true);
    vd_form_set_ctx(f, c, evac_ctx_free);
    c = NULL;
    vd_form_on_change(f, migrate_change);
    vd_form_on_submit(f, evac_submit);
    vd_form_set_submit_label(f, "Evacuate");
    migrate_change(app, f, NULL, NULL);
    vd_form_show(app, f);
    f = NULL;

 fail:
    vd_form_free(f);
    evac_ctx_free(c);
    free_destinations(labels, values);
    free(l2);
    free(v2);
}
