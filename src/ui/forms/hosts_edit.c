/*
 * hosts_edit.c: adding, editing, removing, connecting and disconnecting
 * hosts from the hosts pane, and saving the list to hosts.conf
 * (hosts_edit.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/hostsconf.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/form.h"
#include "ui/forms/hosts_edit.h"
#include "ui/widgets/listview.h"

#define MAX_OWNED 64
#define FREE_WAIT_MS 1500

/* What the hosts pane edits. One UI per process. */
static struct {
    vd_hosts_conf *conf;        /* entry i is app->hosts[i]; NULL: not saved */
    vd_hosts_conf own_conf;     /* used when main gave none */
    char *path;                 /* hosts.conf, or NULL */
    bool readonly;
    int tick_ms;
    vd_host *owned[MAX_OWNED];  /* hosts made here (freed at the end) */
    size_t nowned;
} ed;

/* Remember the list and options. */
void
vd_hosts_edit_init(vd_app *app, const vd_ui_opts *opts)
{
    size_t i;

    ed.conf = opts->hosts_conf;
    if (!ed.conf) {
        /* no list given: keep one in step with the hosts, never saved */
        ed.conf = &ed.own_conf;
        for (i = 0; i < app->nhosts; i++)
            vd_hosts_conf_add(ed.conf, app->hosts[i].snap->uri,
                              app->hosts[i].snap->label, true, true, NULL);
    }
    ed.path = vd_hosts_conf_path();
    ed.readonly = opts->readonly;
    ed.tick_ms = opts->tick_ms;
}

/* Free what was made here. */
void
vd_hosts_edit_fini(vd_app *app)
{
    size_t i;

    (void)app;
    for (i = 0; i < ed.nowned; i++)
        vd_host_free(ed.owned[i], FREE_WAIT_MS);
    ed.nowned = 0;
    vd_hosts_conf_clear(&ed.own_conf);
    free(ed.path);
    ed.path = NULL;
}

/* Save the list; say how it went. */
static void
save(vd_app *app, const char *what)
{
    char *err = NULL;

    if (!ed.path || ed.conf == &ed.own_conf) {
        vd_app_message(app, VD_MSG_OK, "%s (not saved: no hosts.conf in use)", what);
        return;
    }
    if (vd_hosts_conf_save(ed.conf, ed.path, &err) < 0) {
        vd_app_message(app, VD_MSG_ERROR, "%s, but %s", what, err ? err : "saving failed");
        free(err);
        return;
    }
    if (ed.conf->kept_aside) {
        const char *base = strrchr(ed.conf->kept_aside, '/');

        vd_app_message(app, VD_MSG_OK, "%s; saved. The old file had "
                       "unreadable lines: kept as %s", what,
                       base ? base + 1 : ed.conf->kept_aside);
    } else {
        vd_app_message(app, VD_MSG_OK, "%s; saved to %s", what, ed.path);
    }
}

/* A core id no host uses yet. */
static int
new_host_id(const vd_app *app)
{
    int id = 0;

    for (size_t i = 0; i < app->nhosts; i++)
        if (vd_host_id(app->hosts[i].host) >= id)
            id = vd_host_id(app->hosts[i].host) + 1;
    for (size_t i = 0; i < ed.nowned; i++)
        if (vd_host_id(ed.owned[i]) >= id)
            id = vd_host_id(ed.owned[i]) + 1;
    return id;
}

/* Start a worker for entry e. NULL with a message when it cannot. */
static vd_host *
start_host(vd_app *app, const vd_host_entry *e)
{
    vd_host_opts opts = {
        .uri = e->uri,
        .label = e->label,
        .readonly = ed.readonly,
        .tick_ms = ed.tick_ms,
        .idle = !e->autoconnect,
    };
    vd_host *h;

    if (ed.nowned == MAX_OWNED) {
        vd_app_message(app, VD_MSG_ERROR, "too many hosts added in one run");
        return NULL;
    }
    if (!(h = vd_host_new(&opts, new_host_id(app), app->bus))) {
        vd_app_message(app, VD_MSG_ERROR, "could not start a worker for %s", e->uri);
        return NULL;
    }
    ed.owned[ed.nowned++] = h;
    return h;
}

/* The host set changed: rebuild what depends on indices. The hosts
 * pane's list is rebuilt at once, so that its cursor is back on its
 * host (else on the same row) before anything reads the selected
 * host. */
static void
hosts_changed(vd_app *app)
{
    for (int p = 0; p < VD_PANE_LAST; p++)
        vd_list_invalidate(app, (vd_pane_id)p);
    vd_list_get(app, VD_PANE_HOSTS);
    app->dirty = true;
}

/* ---- the form ---- */

typedef struct host_form {
    long index;                 /* the host edited, -1: a new one */
} host_form;

/* A URI must look like one. */
static bool
check_uri(const vd_form *form, const vd_field *field, const char *value,
          char *err, size_t errlen, void *ctx)
{
    const char *why = vd_hosts_conf_check_uri(value);

    (void)form;
    (void)field;
    (void)ctx;
    if (!why)
        return true;
    snprintf(err, errlen, "%s", why);
    return false;
}

/* A label: one line, no quotes needed but no control characters. */
static bool
check_label(const vd_form *form, const vd_field *field, const char *value,
            char *err, size_t errlen, void *ctx)
{
    (void)form;
    (void)field;
    (void)ctx;
    for (const char *p = value; *p; p++) {
        if ((unsigned char)*p < ' ') {
            snprintf(err, errlen, "no control characters");
            return false;
        }
    }
    return true;
}

/* Add or replace the host. */
static void
host_submit(vd_app *app, vd_form *form, const char *button, void *ctx)
{
    host_form *hf = ctx;
    const char *uri = vd_form_value(form, "uri");
    const char *label = vd_form_value(form, "label");
    bool autoconnect = vd_form_checked(form, "autoconnect");
    vd_host_entry e = { .uri = (char *)uri, .label = (char *)(*label ? label : NULL),
                        .autoconnect = autoconnect };
    vd_ui_host *hosts;
    vd_host *h;
    char what[400];
    const char *why = NULL;

    (void)button;
    for (size_t i = 0; i < ed.conf->nhosts; i++) {
        if ((long)i != hf->index && strcmp(ed.conf->hosts[i].uri, uri) == 0 &&
            strcmp(ed.conf->hosts[i].label ? ed.conf->hosts[i].label : "",
                   label) == 0) {
            vd_form_message(form, VD_MSG_ERROR, "this host is in the list already");
            return;
        }
    }
    if (!(h = start_host(app, &e))) {
        vd_form_message(form, VD_MSG_ERROR, "%s", app->msg);
        return;
    }
    if (hf->index < 0) {
        if (!(hosts = realloc(app->hosts, (app->nhosts + 1) * sizeof(*hosts))) ||
            vd_hosts_conf_add(ed.conf, uri, label, autoconnect, false, &why) < 0) {
            if (hosts)
                app->hosts = hosts;
            vd_form_message(form, VD_MSG_ERROR, "%s", why ? why : "out of memory");
            return;                 /* the worker is freed at the end */
        }
        app->hosts = hosts;
        memset(&app->hosts[app->nhosts], 0, sizeof(app->hosts[0]));
        app->hosts[app->nhosts].host = h;
        app->hosts[app->nhosts].snap = vd_host_snapshot(h);
        app->hosts[app->nhosts].shown_retry_s = -1;
        app->hosts[app->nhosts].shown_wait_s = -1;
        app->nhosts++;
        snprintf(what, sizeof(what), "Host %s added", *label ? label : uri);
    } else {
        size_t i = (size_t)hf->index;
        vd_host_entry *old = &ed.conf->hosts[i];

        /* the old worker stops; a new one opens the new URI */
        vd_host_submit_simple(app->hosts[i].host, VD_CMD_HOST_DISCONNECT, NULL);
        vd_snapshot_unref(app->hosts[i].snap);
        memset(&app->hosts[i], 0, sizeof(app->hosts[i]));
        app->hosts[i].host = h;
        app->hosts[i].snap = vd_host_snapshot(h);
        app->hosts[i].shown_retry_s = -1;
        app->hosts[i].shown_wait_s = -1;
        free(old->uri);
        free(old->label);
        old->uri = strdup(uri);
        old->label = *label ? strdup(label) : NULL;
        old->autoconnect = autoconnect;
        old->transient = false;
        snprintf(what, sizeof(what), "Host %s changed", *label ? label : uri);
    }
    hosts_changed(app);
    if (hf->index < 0)              /* the cursor goes to the new host */
        vd_app_select(app, VD_PANE_HOSTS, app->nhosts - 1);
    vd_form_close(app, form);
    save(app, what);
}

/* The host form: empty to add, filled to edit host index (or -1). */
static void
host_form_show(vd_app *app, long index)
{
    const vd_host_entry *e = index >= 0 ? &ed.conf->hosts[index] : NULL;
    vd_form *form = vd_form_new(e ? "Edit host" : "Add a host");
    host_form *hf = calloc(1, sizeof(*hf));
    vd_field *f;

    if (!form || !hf) {
        vd_form_free(form);
        free(hf);
        return;
    }
    hf->index = index;
    vd_form_set_ctx(form, hf, free);
    f = vd_form_text(form, "uri", "URI", e ? e->uri : "");
    vd_field_validate(f, check_uri, NULL);
    vd_field_set_help(f, "qemu:///system, qemu+ssh://user@host/system, "
                      "qemu+tcp://host/system, test:///default");
    f = vd_form_text(form, "label", "Label", e && e->label ? e->label : "");
    vd_field_validate(f, check_label, NULL);
    vd_field_set_help(f, "a short name for the hosts pane (optional)");
    vd_form_check(form, "autoconnect", "Connect at start-up", e ? e->autoconnect : true);
    vd_form_set_submit_label(form, e ? "Save" : "Add");
    vd_form_on_submit(form, host_submit);
    vd_form_show(app, form);
}

/* a: add a host. */
void
vd_act_host_add(vd_app *app, const vd_binding *b)
{
    (void)b;
    host_form_show(app, -1);
}

/* e: edit the selected host. */
void
vd_act_host_edit(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (app->nhosts == 0 || app->host_sel.cursor >= ed.conf->nhosts) {
        vd_app_message(app, VD_MSG_ERROR, "No host selected");
        return;
    }
    host_form_show(app, (long)app->host_sel.cursor);
}

/* The answer to "remove?": ctx holds the host's core id. */
static void
remove_answer(vd_app *app, bool yes, void *ctx)
{
    int id = *(int *)ctx;
    char what[300];
    size_t i;

    free(ctx);
    if (!yes) {
        vd_app_message(app, VD_MSG_INFO, "Nothing removed");
        return;
    }
    for (i = 0; i < app->nhosts; i++)
        if (vd_host_id(app->hosts[i].host) == id)
            break;
    if (i == app->nhosts)
        return;
    snprintf(what, sizeof(what), "Host %s removed", app->hosts[i].snap->label);
    /* its worker stops now; the host itself is freed at the end */
    vd_host_submit_simple(app->hosts[i].host, VD_CMD_HOST_DISCONNECT, NULL);
    vd_snapshot_unref(app->hosts[i].snap);
    memmove(&app->hosts[i], &app->hosts[i + 1], (app->nhosts - i - 1) * sizeof(app->hosts[0]));
    app->nhosts--;
    if (i < ed.conf->nhosts)
        vd_hosts_conf_remove(ed.conf, i);
    hosts_changed(app);
    save(app, what);
}

/* x: remove the selected host (asks). */
void
vd_act_host_remove(vd_app *app, const vd_binding *b)
{
    int *id;
    char text[400];

    (void)b;
    if (app->nhosts == 0 || !(id = malloc(sizeof(*id))))
        return;
    *id = vd_host_id(app->hosts[app->host_sel.cursor].host);
    snprintf(text, sizeof(text), "Remove %s from the hosts list?\nIts guests "
             "are not touched; only virtdeck forgets the host.",
             app->hosts[app->host_sel.cursor].snap->label);
    vd_dialog_confirm(app, "Remove host", text, remove_answer, id);
}

/* c / d: connect or disconnect the selected host. */
void
vd_act_host_connect(vd_app *app, const vd_binding *b)
{
    vd_ui_host *h;

    if (app->nhosts == 0)
        return;
    h = &app->hosts[app->host_sel.cursor];
    /* straight to the worker: a host that is not connected takes it */
    vd_host_submit_simple(h->host, b->arg ? VD_CMD_HOST_CONNECT : VD_CMD_HOST_DISCONNECT,
                          NULL);
    vd_app_message(app, VD_MSG_BUSY, "%s %s...", b->arg ? "Connecting to" :
                   "Disconnecting from", h->snap->label);
}
