/*
 * view_dsnap.c: the snapshots of one domain: the tree drawn with line
 * characters (ASCII with --ascii), the current one marked, name,
 * creation time, the state captured, kind and description; Enter shows
 * one snapshot's details and XML; c creates (a form), r reverts (asks,
 * with the state to end in), d deletes (one, with its children, or the
 * metadata only; asks). Changes made elsewhere show when the host's
 * snapshot count changes (read every tick by the core).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virtdeck/dsnap.h"
#include "virtdeck/netstore.h"
#include "ui/views/dsnap_ui.h"
#include "ui/app/view.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"

typedef struct dsnap_view {
    vd_dom_target t;
    vd_dsnap_list *list;        /* NULL until the first answer */
    size_t cursor, top;
    char keep[256];             /* the name to put the cursor on after a reload */
    unsigned long long pending; /* request id of a list in flight, 0 none */
    long long seen_ms;          /* taken_ms of the host's last picture seen */
    char *error;                /* why the list could not be read */
} dsnap_view;

static const vd_view_ops dsnap_ops;

/* Ask the host for the list again. */
static void
reload(vd_app *app, vd_view *v)
{
    dsnap_view *d = v->data;
    vd_cmd cmd = { .kind = VD_CMD_DSNAP_LIST };

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", d->t.uuid);
    if (d->list && d->cursor < d->list->n)
        snprintf(d->keep, sizeof(d->keep), "%s", d->list->items[d->cursor].name);
    d->pending = vd_view_submit(app, v, d->t.host, &cmd);
}

/* Reload the open snapshot view of uuid, if any (after a change). */
static void
reload_open(vd_app *app, const char *uuid)
{
    vd_view *v = vd_view_find(app, &dsnap_ops);

    if (v && strcmp(((dsnap_view *)v->data)->t.uuid, uuid) == 0)
        reload(app, v);
}

/* The snapshot under the cursor, or NULL (said on the status line). */
static const vd_dsnap *
current(vd_app *app, dsnap_view *d)
{
    if (!d->list || d->cursor >= d->list->n) {
        vd_app_message(app, VD_MSG_ERROR, "%s has no snapshot to act on (c creates one)",
                       d->t.name);
        return NULL;
    }
    return &d->list->items[d->cursor];
}

/* The tree prefix of item i: ancestors' continuation lines, then the
 * branch to i. */
static void
tree_prefix(const vd_dsnap_list *l, size_t i, char *buf, size_t len)
{
    bool utf8 = vd_draw_utf8();
    const char *pipe = utf8 ? "\u2502  " : "|  ", *blank = "   ";
    const char *tee = utf8 ? "\u251c\u2500 " : "|- ", *elbow = utf8 ? "\u2514\u2500 " : "`- ";
    int d = l->items[i].depth, k;
    size_t used = 0;

    buf[0] = '\0';
    for (k = 1; k < d; k++) {
        /* the ancestor at depth k: is it the last of its siblings? */
        size_t j = i;
        bool last = true;

        while (j-- > 0)
            if (l->items[j].depth == k) {
                last = l->items[j].last;
                break;
            }
        used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s",
                                 last ? blank : pipe);
    }
    if (d > 0)
        snprintf(buf + used, used < len ? len - used : 0, "%s",
                 l->items[i].last ? elbow : tee);
}

/* A time as "2026-12-04 05:16". */
static const char *
fmt_time(long long t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;

    if (!t || !localtime_r(&tt, &tm) || strftime(buf, len, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(buf, len, "-");
    return buf;
}

/* Kind as a word. */
static const char *
kind_word(const vd_dsnap *s)
{
    return s->external ? "external" : "internal";
}

/* Draw the view. */
static void
dsnap_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    dsnap_view *d = v->data;
    attr_t normal = vd_role_attr(VD_ROLE_NORMAL), dim = vd_role_attr(VD_ROLE_DIM);
    int y = area->y, x = area->x + 1, w = area->w - 2, rows, namew;
    int cx_time, cx_state, cx_kind, cx_desc;
    char buf[512], tbuf[32];
    size_t i;

    (void)app;
    if (!d->list) {
        vd_draw_text(y + 1, x, w, d->error ? d->error : "Reading the snapshots...",
                     d->error ? vd_role_attr(VD_ROLE_STATUS_ERROR) : dim);
        return;
    }
    snprintf(buf, sizeof(buf), "%zu snapshot%s of %s%s", d->list->n,
             d->list->n == 1 ? "" : "s", d->t.name,
             d->list->n ? "" : "  (c: take the first)");
    vd_draw_text(y++, x, w, buf, vd_role_attr(VD_ROLE_HEADER));
    namew = w >= 100 ? 36 : w >= 80 ? 28 : 20;
    cx_time = x + namew + 1;
    cx_state = cx_time + 17;
    cx_kind = cx_state + 14;
    cx_desc = cx_kind + 10;
    vd_draw_text(y, x, namew, "  Name", vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_draw_text(y, cx_time, 16, "Created", vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_draw_text(y, cx_state, 13, "State", vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_draw_text(y, cx_kind, 9, "Kind", vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (cx_desc < x + w)
        vd_draw_text(y, cx_desc, x + w - cx_desc, "Description",
                     vd_role_attr(VD_ROLE_COLUMN_HEADER));
    y++;
    rows = area->y + area->h - y;
    if (rows < 1)
        return;
    if (d->cursor < d->top)
        d->top = d->cursor;
    if (d->cursor >= d->top + (size_t)rows)
        d->top = d->cursor - (size_t)rows + 1;
    for (i = d->top; i < d->list->n && y < area->y + area->h; i++, y++) {
        const vd_dsnap *s = &d->list->items[i];
        bool sel = i == d->cursor;
        attr_t a = sel ? vd_role_attr(VD_ROLE_SELECTED) : normal;
        char pre[256];

        if (sel)
            vd_draw_fill(y, x, w, a);
        tree_prefix(d->list, i, pre, sizeof(pre));
        snprintf(buf, sizeof(buf), "%s %s%s", s->current ? "*" : " ", pre, s->name);
        vd_draw_text(y, x, namew, buf, a);
        vd_draw_text(y, cx_time, 16, fmt_time(s->created, tbuf, sizeof(tbuf)), a);
        vd_draw_text(y, cx_state, 13, s->state ? s->state : "?", a);
        vd_draw_text(y, cx_kind, 9, kind_word(s), a);
        if (cx_desc < x + w && s->description) {
            /* one line of it */
            snprintf(buf, sizeof(buf), "%s", s->description);
            buf[strcspn(buf, "\n")] = '\0';
            vd_draw_text(y, cx_desc, x + w - cx_desc, buf, sel ? a : dim);
        }
    }
}

/* Put the cursor on the snapshot named name, else keep it in range. */
static void
cursor_to(dsnap_view *d, const char *name)
{
    int i = d->list ? vd_dsnap_find(d->list, name) : -1;

    if (i >= 0)
        d->cursor = (size_t)i;
    else if (d->list && d->cursor >= d->list->n)
        d->cursor = d->list->n ? d->list->n - 1 : 0;
}

/* A result for the view: the list, or the answer to a change. */
static void
dsnap_result(vd_app *app, vd_view *v, vd_result *res)
{
    dsnap_view *d = v->data;

    if (res->kind == VD_CMD_DSNAP_LIST) {
        if (res->id == d->pending)
            d->pending = 0;
        if (!res->ok) {
            free(d->error);
            d->error = res->message ? strdup(res->message) : NULL;
            vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message : "failed");
            return;
        }
        vd_dsnap_list_free(d->list);
        d->list = res->data;
        res->data = NULL;
        cursor_to(d, d->keep);
        app->dirty = true;
        return;
    }
    vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s",
                   res->message ? res->message : "done");
    if (res->ok && res->kind == VD_CMD_DSNAP_DELETE)
        d->keep[0] = '\0';
    reload(app, v);
}

/* A new picture of the host: read the list again once per picture
 * while the view is open (one domain's list: changes made elsewhere,
 * such as virsh snapshot-create-as, show within a tick however many
 * domains the host has; the table's counts are read in turns). */
static void
dsnap_snapshot(vd_app *app, vd_view *v)
{
    dsnap_view *d = v->data;
    const vd_snapshot *snap = d->t.host < app->nhosts ? app->hosts[d->t.host].snap
                                                      : NULL;

    if (!snap || snap->conn != VD_CONN_CONNECTED || !d->list || d->pending ||
        snap->taken_ms == d->seen_ms)
        return;
    d->seen_ms = snap->taken_ms;
    reload(app, v);
}

/* Free the view's data. */
static void
dsnap_close(vd_app *app, vd_view *v)
{
    dsnap_view *d = v->data;

    (void)app;
    vd_dsnap_list_free(d->list);
    free(d->error);
    free(d);
}

/* ---- details ---- */

/* One snapshot's details and XML for the viewer (caller frees). */
static char *
details_text(const vd_dsnap *s)
{
    char *out = NULL, *disks = strdup(""), tbuf[32];
    size_t i;

    for (i = 0; disks && i < s->ndisks; i++) {
        char *more = NULL;

        if (asprintf(&more, "%s  %-6s %-9s %s\n", disks, s->disks[i].target ? s->disks[i].target : "?",
                     s->disks[i].mode ? s->disks[i].mode : "default",
                     s->disks[i].file ? s->disks[i].file : "") < 0)
            more = NULL;
        free(disks);
        disks = more;
    }
    if (asprintf(&out,
                 "Name:         %s\n"
                 "Parent:       %s\n"
                 "Created:      %s\n"
                 "State:        %s (the domain's state it captured)\n"
                 "Kind:         %s\n"
                 "Memory:       %s\n"
                 "Current:      %s\n"
                 "Description:  %s\n"
                 "Disks:\n%s\n"
                 "XML:\n%s",
                 s->name, s->parent ? s->parent : "(none: a root)",
                 fmt_time(s->created, tbuf, sizeof(tbuf)), s->state ? s->state : "?",
                 s->external ? "external (disk-only: overlay files)" : "internal (inside the qcow2 disks)",
                 s->memory ? "saved" : "not saved", s->current ? "yes" : "no",
                 s->description ? s->description : "", disks ? disks : "",
                 s->xml ? s->xml : "") < 0)
        out = NULL;
    free(disks);
    return out;
}

/* ---- create ---- */

typedef struct create_ctx {
    vd_dom_target t;
} create_ctx;

/* The name as typed: valid, and not taken in the open view's list. */
static bool
check_snap_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
                size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_dsnap_check_name(value), err, errlen);
}

static vd_app *form_app;        /* for the taken-name check (UI thread only) */

/* Whether the open view lists name already. */
static bool
taken(const char *uuid, const char *name)
{
    vd_view *v = form_app ? vd_view_find(form_app, &dsnap_ops) : NULL;
    dsnap_view *d = v ? v->data : NULL;

    return d && d->list && strcmp(d->t.uuid, uuid) == 0 && vd_dsnap_find(d->list, name) >= 0;
}

/* The name check with the taken test. */
static bool
check_snap_name_free(const vd_form *f, const vd_field *fld, const char *value, char *err,
                     size_t errlen, void *ctx)
{
    create_ctx *c = ctx;

    if (!check_snap_name(f, fld, value, err, errlen, ctx))
        return false;
    if (taken(c->t.uuid, value)) {
        snprintf(err, errlen, "%s already has a snapshot named '%s'", c->t.name, value);
        return false;
    }
    return true;
}

/* Submit the create command. */
static void
create_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    create_ctx *c = ctx;
    vd_cmd cmd = { .kind = VD_CMD_DSNAP_CREATE };
    const char *kind = vd_form_value(f, "kind");

    (void)button;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", c->t.uuid);
    cmd.str = vd_cmd_args2(vd_form_value(f, "name"), vd_form_value(f, "description"));
    if (kind && strcmp(kind, "external") == 0) {
        cmd.flags |= VD_DSNAP_CREATE_DISK_ONLY;
        if (vd_form_checked(f, "quiesce"))
            cmd.flags |= VD_DSNAP_CREATE_QUIESCE;
    }
    if (vd_form_submit_cmd(app, f, c->t.host, &cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "Taking the snapshot...");
    }
}

/* The answer to the create command. */
static void
create_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    create_ctx *c = ctx;

    vd_form_set_busy(f, false);
    if (!res->ok) {
        vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message : "failed");
        return;
    }
    vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "created");
    reload_open(app, c->t.uuid);
    vd_form_close(app, f);
}

/* Show/hide quiesce with the kind. */
static void
create_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    const char *kind = vd_form_value(f, "kind");

    (void)app;
    (void)fld;
    (void)ctx;
    vd_field_set_hidden(vd_form_field(f, "quiesce"), !kind || strcmp(kind, "external") != 0);
}

/* The create form. */
static void
create_open(vd_app *app, dsnap_view *d)
{
    static const char *const kinds[] = {
        "Internal (qcow2 disks; with memory when running)",
        "External, disk only (an overlay next to each disk)",
    };
    static const char *const kindv[] = { "internal", "external" };
    create_ctx *c = calloc(1, sizeof(*c));
    vd_form *f = vd_form_new("New snapshot");
    char *name = vd_dsnap_default_name(time(NULL));
    vd_field *fld;

    if (!c || !f || !name) {
        free(c);
        free(name);
        vd_form_free(f);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    form_app = app;
    c->t = d->t;
    vd_form_set_ctx(f, c, free);
    fld = vd_form_text(f, "name", "Name", name);
    vd_field_validate(fld, check_snap_name_free, c);
    vd_field_set_help(fld, "A default from the time; no '/'");
    free(name);
    vd_form_text(f, "description", "Description", "");
    vd_form_choice(f, "kind", "Kind", kinds, kindv, 2, 0);
    fld = vd_form_check(f, "quiesce", "Quiesce (guest agent)", false);
    vd_field_set_hidden(fld, true);
    vd_form_on_change(f, create_change);
    vd_form_on_submit(f, create_submit);
    vd_form_on_result(f, create_result);
    vd_form_set_submit_label(f, "Create");
    vd_form_show(app, f);
}

/* ---- revert and delete ---- */

typedef struct change_ctx {
    vd_dom_target t;
    char name[256];
    unsigned int flags;
    bool revert;
} change_ctx;

/* The y/N answer: send the command (its answer goes to the view). */
static void
change_answer(vd_app *app, bool yes, void *ctx)
{
    change_ctx *c = ctx;
    vd_view *v = vd_view_find(app, &dsnap_ops);
    vd_cmd cmd = { .kind = c->revert ? VD_CMD_DSNAP_REVERT : VD_CMD_DSNAP_DELETE };

    if (yes) {
        snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", c->t.uuid);
        cmd.str = strdup(c->name);
        cmd.flags = c->flags;
        if (vd_view_submit(app, v, c->t.host, &cmd))
            vd_app_message(app, VD_MSG_BUSY, "%s %s to %s...", c->revert ? "Reverting" :
                           "Deleting snapshot of", c->t.name, c->name);
    }
    free(c);
}

/* The menu's choice: ask y/N. */
static void
change_picked(vd_app *app, long index, void *ctx)
{
    change_ctx *c = ctx;
    char text[768];

    if (index < 0) {
        free(c);
        return;
    }
    if (c->revert) {
        static const unsigned int flags[] = { 0, VD_DSNAP_REVERT_RUNNING, VD_DSNAP_REVERT_PAUSED };
        static const char *const words[] = { "as captured", "running", "paused" };

        c->flags = flags[index];
        snprintf(text, sizeof(text), "Revert %s to snapshot '%s', ending %s?\n"
                 "What the disks (and memory) hold now is lost unless a snapshot keeps it. [y/N]",
                 c->t.name, c->name, words[index]);
        vd_dialog_confirm(app, "Revert", text, change_answer, c);
    } else {
        static const unsigned int flags[] = { 0, VD_DSNAP_DELETE_CHILDREN, VD_DSNAP_DELETE_METADATA };
        static const char *const what[] = {
            "", " and every snapshot below it", " (only libvirt's record: its data stays)",
        };

        c->flags = flags[index];
        snprintf(text, sizeof(text), "Delete snapshot '%s' of %s%s? [y/N]", c->name,
                 c->t.name, what[index]);
        vd_dialog_confirm(app, "Delete snapshot", text, change_answer, c);
    }
}

/* r or d: the menu of how. */
static void
change_open(vd_app *app, dsnap_view *d, bool revert)
{
    const vd_dsnap *s = current(app, d);
    change_ctx *c;
    char captured[96], children[96];

    if (!s || !(c = calloc(1, sizeof(*c))))
        return;
    c->t = d->t;
    c->revert = revert;
    snprintf(c->name, sizeof(c->name), "%s", s->name);
    if (revert) {
        vd_menu_item items[] = {
            { 'c', captured, NULL, false, NULL },
            { 'r', "Running", NULL, false, NULL },
            { 'p', "Paused", NULL, false, NULL },
        };

        snprintf(captured, sizeof(captured), "As captured (%s)", s->state ? s->state : "?");
        vd_dialog_menu(app, "Revert: end the domain", items, 3, 0, false, change_picked, c);
    } else {
        size_t i, n = 0;
        vd_menu_item items[] = {
            { 'o', "Only this snapshot", NULL, false, NULL },
            { 'c', children, NULL, false, NULL },
            { 'm', "Only its metadata (keep the data)", NULL, false, NULL },
        };

        for (i = d->cursor + 1; i < d->list->n && d->list->items[i].depth > s->depth; i++)
            n++;
        snprintf(children, sizeof(children), "It and its %zu snapshot(s) below", n);
        items[1].disabled = n == 0;
        items[1].hint = n == 0 ? "it has none" : NULL;
        vd_dialog_menu(app, "Delete snapshot", items, 3, 0, false, change_picked, c);
    }
}

/* ---- keys ---- */

enum { A_CREATE, A_REVERT, A_DELETE, A_DETAILS, A_XML, A_REFRESH };

/* Run an action of the view's table. */
static void
act_view(vd_app *app, const vd_binding *b)
{
    vd_view *v = vd_view_top(app);
    dsnap_view *d = v && v->ops == &dsnap_ops ? v->data : NULL;
    const vd_dsnap *s;

    if (!d)
        return;
    switch (b->arg) {
    case A_CREATE:
        create_open(app, d);
        break;
    case A_REVERT:
    case A_DELETE:
        change_open(app, d, b->arg == A_REVERT);
        break;
    case A_DETAILS:
    case A_XML:
        if ((s = current(app, d))) {
            char *text = b->arg == A_DETAILS ? details_text(s) : strdup(s->xml ? s->xml : "");
            char title[300];

            snprintf(title, sizeof(title), "%s: snapshot %s", d->t.name, s->name);
            if (text)
                vd_textview_show(app, title, text);
            free(text);
        }
        break;
    case A_REFRESH:
        reload(app, v);
        break;
    }
    app->dirty = true;
}

#define SK(key, name, desc, arg, bar, label) \
    { key, name, desc, "Snapshots", VD_PANE_BIT(VD_PANE_DOMAINS), act_view, arg, bar, label }

static const vd_binding dsnap_keys[] = {
    SK('\n', "Enter", "Details of the snapshot: disks, memory, parent, XML", A_DETAILS, 0, NULL),
    SK('c', "c", "Create a snapshot (form: name, description, kind)", A_CREATE, 3, "Create"),
    SK('r', "r", "Revert to the snapshot (asks; as captured, running or paused)", A_REVERT,
       4, "Revert"),
    SK('d', "d", "Delete: the snapshot, it and its children, or its metadata (asks)",
       A_DELETE, 5, "Delete"),
    SK('X', "X", "The snapshot's XML", A_XML, 6, "XML"),
    SK(VD_KEY(KEY_F(5)), "F5", "Read the snapshots again", A_REFRESH, 7, "Refresh"),
    { 'j', "j, Down", "Move down", "Snapshots", 0, NULL, 0, 0, NULL },
    { 'k', "k, Up", "Move up", "Snapshots", 0, NULL, 0, 0, NULL },
    { 'g', "g, G", "First / last snapshot", "Snapshots", 0, NULL, 0, 0, NULL },
};

/* Moving keys. */
static bool
dsnap_key(vd_app *app, vd_view *v, int key)
{
    dsnap_view *d = v->data;
    size_t n = d->list ? d->list->n : 0;

    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        if (d->cursor + 1 < n)
            d->cursor++;
        break;
    case 'k':
    case VD_KEY(KEY_UP):
        if (d->cursor > 0)
            d->cursor--;
        break;
    case 'g':
    case VD_KEY(KEY_HOME):
        d->cursor = 0;
        break;
    case 'G':
    case VD_KEY(KEY_END):
        d->cursor = n ? n - 1 : 0;
        break;
    default:
        return false;
    }
    app->dirty = true;
    return true;
}

static const vd_view_ops dsnap_ops = {
    .name = "snapshots",
    .draw = dsnap_draw,
    .key = dsnap_key,
    .on_snapshot = dsnap_snapshot,
    .on_result = dsnap_result,
    .close = dsnap_close,
    .keys = dsnap_keys,
    .nkeys = sizeof(dsnap_keys) / sizeof(dsnap_keys[0]),
};

/* Open the view of t. */
void
vd_dsnap_view_open(vd_app *app, const vd_dom_target *t)
{
    dsnap_view *d = calloc(1, sizeof(*d));
    vd_view *v;

    if (!d) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    d->t = *t;
    if (!(v = vd_view_push(app, &dsnap_ops, d, t->name))) {
        free(d);
        return;
    }
    vd_view_set_title(v, "Snapshots of %s", t->name);
    reload(app, v);
}
