/*
 * domain_actions.c: what the registry's domain actions that need no
 * form run: sending a command to a target's host, rename, undefine
 * (with its storage: the name must be typed), the XML view and the
 * $EDITOR round trip, and a small "waiting for the host" box that
 * receives a command's answer for them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/check.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/editor.h"
#include "ui/widgets/listview.h"
#include "ui/app/view.h"

/* ---- targets ---- */

/* The target's domain now. */
const vd_domain *
vd_dom_target_find(const vd_app *app, const vd_dom_target *t)
{
    if (t->host >= app->nhosts || !app->hosts[t->host].snap)
        return NULL;
    return vd_snapshot_find_domain(app->hosts[t->host].snap, t->uuid);
}

/* Submit a command for t to the status line. */
bool
vd_dom_send(vd_app *app, const vd_dom_target *t, vd_cmd_kind kind,
            const char *str, long long num, unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .num = num, .flags = flags };

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    if (str && !(cmd.str = strdup(str))) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return false;
    }
    if (vd_view_submit(app, NULL, t->host, &cmd) == 0)
        return false;
    vd_app_message(app, VD_MSG_BUSY, "%s %s%s", vd_cmd_describe(kind)->busy,
                   t->name, vd_draw_utf8() ? "\u2026" : "...");
    return true;
}

/* ---- the waiting box ---- */

typedef struct wait_data {
    char *text;
    vd_wait_fn fn;
    void *ctx;
    void (*ctx_free)(void *);
} wait_data;

/* Draw the box. */
static void
wait_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    wait_data *d = v->data;
    int w = vd_text_width(d->text) + 4;
    vd_rect box;

    (void)app;
    if (w > area->w)
        w = area->w;
    box = (vd_rect){ area->y + area->h / 2 - 1, area->x + (area->w - w) / 2, 3, w };
    vd_draw_clear(&box, vd_role_attr(VD_ROLE_HELP_TEXT));
    vd_draw_box(&box, vd_role_attr(VD_ROLE_BORDER_FOCUS));
    vd_draw_text(box.y + 1, box.x + 2, box.w - 4, d->text,
                 vd_role_attr(VD_ROLE_HELP_TEXT));
}

/* The answer: close the box, then hand the result on. */
static void
wait_result(vd_app *app, vd_view *v, vd_result *res)
{
    wait_data *d = v->data;
    vd_wait_fn fn = d->fn;
    void *ctx = d->ctx;
    void (*ctx_free)(void *) = d->ctx_free;

    /* closing runs wait_close at once: keep ctx out of it */
    d->fn = NULL;
    d->ctx = NULL;
    d->ctx_free = NULL;
    vd_view_close(app, v);
    if (fn)
        fn(app, res, ctx);
    if (ctx_free)
        ctx_free(ctx);
}

/* The box leaves the stack. */
static void
wait_close(vd_app *app, vd_view *v)
{
    wait_data *d = v->data;

    (void)app;
    if (d->ctx_free)
        d->ctx_free(d->ctx);
    free(d->text);
    free(d);
}

static const vd_view_ops wait_ops = {
    .name = "wait",
    .draw = wait_draw,
    .on_result = wait_result,
    .close = wait_close,
    .flags = VD_VIEW_OVERLAY,
};

/* Submit cmd and wait for its answer in a box. */
bool
vd_wait_submit(vd_app *app, size_t host, vd_cmd *cmd, const char *text,
               vd_wait_fn fn, void *ctx, void (*ctx_free)(void *))
{
    wait_data *d = calloc(1, sizeof(*d));
    vd_view *v;

    if (!d || !(d->text = strdup(text))) {
        free(d);
        free(cmd->str);
        cmd->str = NULL;
        if (ctx_free)
            ctx_free(ctx);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return false;
    }
    d->fn = fn;
    d->ctx = ctx;
    d->ctx_free = ctx_free;
    if (!(v = vd_view_push(app, &wait_ops, d, NULL))) {
        free(cmd->str);
        cmd->str = NULL;
        return false;
    }
    if (vd_view_submit(app, v, host, cmd) == 0) {
        vd_view_close(app, v);
        return false;
    }
    return true;
}

/* ---- rename ---- */

/* Check a new name as it is typed: ctx is the target. */
static const char *
rename_check(const char *text, char *err, size_t errlen, void *ctx)
{
    const vd_dom_target *t = ctx;

    if (!vd_check_into(vd_check_name(text, NULL, 0), err, errlen))
        return err;
    if (strcmp(text, t->name) == 0)
        return "that is its name already";
    return NULL;
}

/* The new name was typed. */
static void
rename_answer(vd_app *app, const char *text, void *ctx)
{
    vd_dom_target *t = ctx;
    const vd_snapshot *snap;
    size_t i;

    if (text) {
        snap = t->host < app->nhosts ? app->hosts[t->host].snap : NULL;
        for (i = 0; snap && i < snap->ndomains; i++) {
            if (strcmp(snap->domains[i].name, text) == 0) {
                vd_app_message(app, VD_MSG_ERROR, "rename %s: a domain named "
                               "'%s' already exists on this host; nothing "
                               "changed", t->name, text);
                free(t);
                return;
            }
        }
        vd_dom_send(app, t, VD_CMD_DOM_RENAME, text, 0, 0);
    }
    free(t);
}

/* Ask for a new name. */
void
vd_dom_do_rename(vd_app *app, const vd_dom_target *t)
{
    vd_dom_target *copy;
    char title[200];

    if (!(copy = malloc(sizeof(*copy))))
        return;
    *copy = *t;
    snprintf(title, sizeof(title), "Rename %s", t->name);
    vd_dialog_prompt(app, title, "New name", t->name, false, rename_check,
                     rename_answer, copy);
}

/* ---- undefine ---- */

/* The answer to the undefine questions; ctx is a target with the
 * storage choice in front. */
typedef struct undef_ctx {
    vd_dom_target t;
    bool storage;
} undef_ctx;

static void
undefine_answer(vd_app *app, bool yes, void *ctx)
{
    undef_ctx *u = ctx;

    if (yes)
        vd_dom_send(app, &u->t, VD_CMD_DOM_UNDEFINE, NULL, 0,
                    u->storage ? VD_UNDEFINE_STORAGE : 0);
    else
        vd_app_message(app, VD_MSG_INFO, "Undefine cancelled; nothing changed");
    free(u);
}

/* Keep or delete the storage: then ask (typing the name for storage). */
static void
undefine_choice(vd_app *app, long index, void *ctx)
{
    undef_ctx *u = ctx;
    char text[512];

    if (index < 0) {
        free(u);
        return;
    }
    u->storage = index == 1;
    if (u->storage) {
        snprintf(text, sizeof(text), "Undefine %s and DELETE the volumes its "
                 "disks use?\nThis cannot be undone. Type the domain's name to "
                 "confirm.", u->t.name);
        vd_dialog_confirm_name(app, "Undefine with storage", text, u->t.name,
                               undefine_answer, u);
    } else {
        snprintf(text, sizeof(text), "Undefine %s?\nIts definition (and "
                 "managed save image, snapshot metadata, NVRAM) goes; its "
                 "volumes stay.", u->t.name);
        vd_dialog_confirm(app, "Undefine", text, undefine_answer, u);
    }
}

/* Offer the two ways of undefining. */
void
vd_dom_do_undefine(vd_app *app, const vd_dom_target *t)
{
    static const vd_menu_item items[] = {
        { .key = 'k', .label = "Undefine, keep its volumes" },
        { .key = 'D', .label = "Undefine and delete its volumes",
          .hint = "asks for the name" },
    };
    undef_ctx *u = calloc(1, sizeof(*u));
    char title[200];

    if (!u)
        return;
    u->t = *t;
    snprintf(title, sizeof(title), "Undefine %s", t->name);
    vd_dialog_menu(app, title, items, 2, 0, false, undefine_choice, u);
}

/* ---- XML ---- */

/* The XML arrived: show it. */
static void
xml_shown(vd_app *app, vd_result *res, void *ctx)
{
    vd_dom_target *t = ctx;
    char title[200];

    if (!res->ok || !res->text) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message :
                       "no XML");
        return;
    }
    snprintf(title, sizeof(title), "XML of %s", t->name);
    vd_textview_show(app, title, res->text);
}

/* Ask for t's XML and show it (with passwords only when secure). */
void
vd_dom_do_xml(vd_app *app, const vd_dom_target *t, bool secure)
{
    vd_dom_target *copy = malloc(sizeof(*copy));
    vd_cmd cmd = { .kind = VD_CMD_DOM_XML, .flags = secure ? VD_XML_SECURE : 0 };

    if (!copy)
        return;
    *copy = *t;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading the XML...", xml_shown, copy, free);
}

/* An edit session: the target and the editor's file. */
typedef struct edit_ctx {
    vd_dom_target t;
    vd_edit *e;
} edit_ctx;

static void define_edit(vd_app *app, vd_edit *e, void *ctx);
static void owner_drop(const vd_edit *e);

/* The answer to a define of the edited XML. */
static void
edit_defined(vd_app *app, vd_result *res, void *ctx)
{
    edit_ctx *c = ctx;
    vd_edit *e = c->e;

    c->e = NULL;
    if (res->ok) {
        vd_app_message(app, VD_MSG_OK, "%s", res->message);
        owner_drop(e);
        vd_edit_free(e, false);
        return;
    }
    /* Rejected: say why and offer the user's own text again. */
    vd_edit_retry(app, e, res->message ? res->message : "define failed",
                  define_edit, NULL);
}

/* Free an edit context (and its file, kept, if still owned). */
static void
edit_ctx_free(void *ctx)
{
    edit_ctx *c = ctx;

    if (c->e) {
        /* dismissed while waiting: keep the text, say where */
        owner_drop(c->e);
        vd_edit_free(c->e, true);
    }
    free(c);
}

/* The target of each edit in progress, by its vd_edit: the retry
 * dialog hands the edit back without a context of ours. A small ring:
 * entries of edits freed by that dialog (kept or discarded) are simply
 * overwritten later; a new edit is always recorded before it is looked
 * up, so a reused address finds its own target. */
typedef struct edit_owner {
    const vd_edit *e;
    vd_dom_target t;
} edit_owner;

#define NOWNERS 16
static edit_owner owners[NOWNERS];
static size_t next_owner;

/* Record (set non-NULL) or find an edit's target. */
static vd_dom_target *
owner_of(const vd_edit *e, const vd_dom_target *set)
{
    size_t i;

    for (i = 0; i < NOWNERS; i++) {
        if (owners[i].e == e) {
            if (set)
                owners[i].t = *set;
            return &owners[i].t;
        }
    }
    if (!set)
        return NULL;
    i = next_owner++ % NOWNERS;
    owners[i].e = e;
    owners[i].t = *set;
    return &owners[i].t;
}

/* Forget an edit we free ourselves. */
static void
owner_drop(const vd_edit *e)
{
    size_t i;

    for (i = 0; i < NOWNERS; i++) {
        if (owners[i].e == e)
            owners[i].e = NULL;
    }
}

/* Submit the edit's text as the new definition. */
static void
define_edit(vd_app *app, vd_edit *e, void *ctx)
{
    vd_dom_target *t = owner_of(e, NULL);
    edit_ctx *c;
    vd_cmd cmd = { .kind = VD_CMD_DOM_DEFINE };
    char buf[256];

    (void)ctx;
    if (!t) {
        vd_app_message(app, VD_MSG_ERROR, "edit lost its domain; the text is "
                       "in %s", vd_edit_path(e));
        vd_edit_free(e, true);
        return;
    }
    if (!(c = calloc(1, sizeof(*c))) || !(cmd.str = strdup(vd_edit_text(e)))) {
        free(c);
        vd_app_message(app, VD_MSG_ERROR, "out of memory; the text is in %s",
                       vd_edit_path(e));
        vd_edit_free(e, true);
        return;
    }
    c->t = *t;
    c->e = e;
    snprintf(buf, sizeof(buf), "Defining %s...", t->name);
    vd_wait_submit(app, t->host, &cmd, buf, edit_defined, c, edit_ctx_free);
}

/* The secure XML arrived: edit it in $EDITOR, then define it. */
static void
edit_start(vd_app *app, vd_result *res, void *ctx)
{
    vd_dom_target *t = ctx;
    char err[256];
    vd_edit *e;

    if (!res->ok || !res->text) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message :
                       "no XML");
        return;
    }
    if (!(e = vd_edit_new(res->text, ".xml", err, sizeof(err)))) {
        vd_app_message(app, VD_MSG_ERROR, "%s", err);
        return;
    }
    if (vd_edit_run(app, e, err, sizeof(err)) < 0) {
        vd_app_message(app, VD_MSG_ERROR, "%s (the text is in %s)", err,
                       vd_edit_path(e));
        vd_edit_free(e, true);
        return;
    }
    if (!vd_edit_changed(e)) {
        vd_app_message(app, VD_MSG_INFO, "%s: no changes", t->name);
        vd_edit_free(e, false);
        return;
    }
    owner_of(e, t);
    define_edit(app, e, NULL);
}

/* Edit t's XML (with its secrets, so a redefine keeps them). */
void
vd_dom_do_edit_xml(vd_app *app, const vd_dom_target *t)
{
    vd_dom_target *copy = malloc(sizeof(*copy));
    vd_cmd cmd = { .kind = VD_CMD_DOM_XML, .flags = VD_XML_SECURE };

    if (!copy)
        return;
    *copy = *t;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading the XML...", edit_start, copy,
                   free);
}
