/*
 * gallery.c: a showcase of the UI machinery (views, forms, dialogs,
 * the editor, result routing), opened at start when the environment
 * has VIRTDECK_UI_GALLERY=1. The screen tests drive the machinery
 * through it, and it shows engineers each piece at work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/editor.h"
#include "ui/widgets/form.h"
#include "ui/widgets/gallery.h"

/* ---- a plain full-screen view: depth and routed results ---- */

typedef struct stack_data {
    int depth;
    char last[512];
} stack_data;

/* Draw the depth and the last routed result. */
static void
stack_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    stack_data *d = v->data;
    char buf[600];

    (void)app;
    snprintf(buf, sizeof(buf), "Stacked view, depth %d", d->depth);
    vd_draw_text(area->y + 1, area->x + 2, area->w - 4, buf,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    vd_draw_text(area->y + 3, area->x + 2, area->w - 4,
                 "p pushes another, r sends a refresh routed here, Esc pops",
                 vd_role_attr(VD_ROLE_NORMAL));
    if (d->last[0])
        vd_draw_text(area->y + 5, area->x + 2, area->w - 4, d->last,
                     vd_role_attr(VD_ROLE_STATUS_OK));
}

static void stack_push(vd_app *app, int depth);

/* p: push; r: refresh routed to this view. */
static bool
stack_key(vd_app *app, vd_view *v, int key)
{
    stack_data *d = v->data;

    if (key == 'p') {
        stack_push(app, d->depth + 1);
        return true;
    }
    if (key == 'r') {
        vd_cmd cmd = { .kind = VD_CMD_REFRESH };
        unsigned long long id = vd_view_submit(app, v, app->host_sel.cursor, &cmd);

        snprintf(d->last, sizeof(d->last), "sent request #%llu", id);
        app->dirty = true;
        return true;
    }
    return false;
}

/* A result addressed to this view. */
static void
stack_result(vd_app *app, vd_view *v, vd_result *res)
{
    stack_data *d = v->data;

    (void)app;
    snprintf(d->last, sizeof(d->last), "routed to depth %d: #%llu %s", d->depth,
             res->id, res->message ? res->message : "");
}

/* Free. */
static void
stack_close(vd_app *app, vd_view *v)
{
    (void)app;
    free(v->data);
}

static const vd_binding stack_keys[] = {
    { 'p', "p", "Push another view", "Gallery", 0, NULL, 0, 0, NULL },
    { 'r', "r", "Refresh, result routed to this view", "Gallery", 0, NULL, 0,
      0, NULL },
};

static const vd_view_ops stack_ops = {
    .name = "stack",
    .draw = stack_draw,
    .key = stack_key,
    .on_result = stack_result,
    .close = stack_close,
    .keys = stack_keys,
    .nkeys = 2,
};

static void
stack_push(vd_app *app, int depth)
{
    stack_data *d = calloc(1, sizeof(*d));

    if (!d)
        return;
    d->depth = depth;
    vd_view_push(app, &stack_ops, d, "stack");
}

/* ---- a form with every field type ---- */

static const char *const os_names[] = {
    "Alpine Linux 3.19", "CentOS Stream 9", "Debian 11", "Debian 12",
    "Fedora 39", "Fedora 40", "FreeBSD 14.0", "Microsoft Windows 10",
    "Microsoft Windows 11", "openSUSE Leap 15.5", "Red Hat Enterprise Linux 8.9",
    "Red Hat Enterprise Linux 9.3", "Rocky Linux 9", "Ubuntu 22.04 LTS",
    "Ubuntu 24.04 LTS", "Generic Linux 2022", "Generic OS",
};
static const char *const os_ids[] = {
    "alpine3.19", "centos-stream9", "debian11", "debian12", "fedora39",
    "fedora40", "freebsd14.0", "win10", "win11", "opensuse15.5", "rhel8.9",
    "rhel9.3", "rocky9", "ubuntu22.04", "ubuntu24.04", "linux2022", "generic",
};

/* A name: not empty, no '/'. */
static bool
check_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "Give a name");
        return false;
    }
    if (strchr(value, '/')) {
        snprintf(err, errlen, "A name cannot contain '/'");
        return false;
    }
    return true;
}

/* A password: at least 4 characters. */
static bool
check_password(const vd_form *f, const vd_field *fld, const char *value,
               char *err, size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    if (*value && strlen(value) < 4) {
        snprintf(err, errlen, "At least 4 characters (or none)");
        return false;
    }
    return true;
}

/* An OS must be chosen. */
static bool
check_os(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "Choose an OS (type to search)");
        return false;
    }
    return true;
}

/* Show what was submitted, then close the form. */
static void
fields_submit(vd_app *app, vd_form *form, const char *button, void *ctx)
{
    char buf[1024];

    (void)ctx;
    snprintf(buf, sizeof(buf), "Submitted%s%s:\nname=%s\nmemory=%lld\n"
             "password=%zu chars\nbus=%s\nstart=%s\nos=%s",
             button ? " by " : "", button ? button : "",
             vd_form_value(form, "name"), vd_form_number_value(form, "memory"),
             strlen(vd_form_value(form, "password")), vd_form_value(form, "bus"),
             vd_form_checked(form, "start") ? "yes" : "no",
             vd_form_value(form, "os"));
    vd_form_close(app, form);
    vd_dialog_message(app, "Form result", buf);
}

/* The form of every field type; pages > 1 makes a wizard. */
static void
show_form(vd_app *app, bool wizard)
{
    static const char *const buses[] = { "virtio", "sata", "scsi" };
    vd_form *f = vd_form_new(wizard ? "Gallery wizard" : "Gallery form");
    vd_field *fld;

    if (!f)
        return;
    if (wizard)
        vd_form_page(f, "Name");
    fld = vd_form_text(f, "name", "Name", "");
    vd_field_validate(fld, check_name, NULL);
    vd_field_set_help(fld, "Letters, digits, '-', '_' and '.'");
    if (wizard)
        vd_form_page(f, "Resources");
    fld = vd_form_number(f, "memory", "Memory", 1024, "MiB");
    vd_field_range(fld, 1, 65536);
    fld = vd_form_password(f, "password", "Password", "");
    vd_field_validate(fld, check_password, NULL);
    vd_form_choice(f, "bus", "Disk bus", buses, NULL, 3, 0);
    vd_form_check(f, "start", "Start now", false);
    vd_form_label(f, "note", "Note", "A read-only label\nover two rows");
    if (wizard)
        vd_form_page(f, "OS");
    fld = vd_form_list(f, "os", "OS variant", 5);
    vd_field_set_items(fld, os_names, os_ids, sizeof(os_ids) / sizeof(os_ids[0]));
    vd_field_validate(fld, check_os, NULL);
    if (wizard) {
        vd_form_button(f, "create", "Create");
        vd_form_button(f, "save", "Save");
    }
    vd_form_on_submit(f, fields_submit);
    vd_form_show(app, f);
}

/* ---- dialogs ---- */

/* The answer of a y/N question. */
static void
confirm_done(vd_app *app, bool yes, void *ctx)
{
    (void)ctx;
    vd_app_message(app, VD_MSG_INFO, "Gallery answer: %s", yes ? "yes" : "no");
}

/* The answer of a prompt. */
static void
prompt_done(vd_app *app, const char *text, void *ctx)
{
    (void)ctx;
    if (text)
        vd_app_message(app, VD_MSG_INFO, "Gallery prompt: '%s'", text);
    else
        vd_app_message(app, VD_MSG_INFO, "Gallery prompt cancelled");
}

/* Prompt check: no spaces. */
static const char *
no_spaces(const char *text, char *err, size_t errlen, void *ctx)
{
    (void)ctx;
    if (strchr(text, ' ')) {
        snprintf(err, errlen, "No spaces, please");
        return err;
    }
    return NULL;
}

/* A long text for the viewer. */
static void
show_viewer(vd_app *app)
{
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);

    if (!text)
        return;
    len += (size_t)snprintf(text + len, cap - len,
                            "A haystack of 150 lines to search in:\n");
    for (int i = 1; i <= 150 && len < cap - 200; i++)
        len += (size_t)snprintf(text + len, cap - len, "  line %d: %s\n", i,
                                i == 120 ? "needle" : "hay");
    snprintf(text + len, cap - len, "The end.\n");
    vd_textview_show(app, "Gallery text", text);
    free(text);
}

/* ---- the editor ---- */

static void edit_check(vd_app *app, vd_edit *e, void *ctx);

/* Accept the edit when it contains "ok"; else offer to edit again. */
static void
edit_check(vd_app *app, vd_edit *e, void *ctx)
{
    char *text;

    (void)ctx;
    if (!strstr(vd_edit_text(e), "ok")) {
        vd_edit_retry(app, e, "The text must contain the word ok", edit_check,
                      NULL);
        return;
    }
    if (!(text = strdup(vd_edit_text(e))))
        return;
    vd_edit_free(e, false);
    vd_textview_show(app, "Edited text", text);
    free(text);
}

/* Edit a small text. */
static void
show_editor(vd_app *app)
{
    char err[512];
    vd_edit *e = vd_edit_new("hello from virtdeck\n", ".txt", err, sizeof(err));

    if (!e) {
        vd_app_message(app, VD_MSG_ERROR, "%s", err);
        return;
    }
    if (vd_edit_run(app, e, err, sizeof(err)) < 0) {
        vd_app_message(app, VD_MSG_ERROR, "%s", err);
        vd_edit_retry(app, e, err, edit_check, NULL);
        return;
    }
    edit_check(app, e, NULL);
}

/* ---- the gallery menu ---- */

static const vd_menu_item items[] = {
    { 'f', "Form: every field type", NULL, false, NULL },
    { 'w', "Wizard: three pages", NULL, false, NULL },
    { 'y', "Confirm (y/N)", NULL, false, NULL },
    { 't', "Confirm by typing a name", NULL, false, NULL },
    { 'p', "Prompt", NULL, false, NULL },
    { 'v', "Text viewer", NULL, false, NULL },
    { 'e', "Editor round trip", NULL, false, NULL },
    { 's', "View stack", NULL, false, NULL },
    { 'x', "A disabled entry", "not available here", true, NULL },
};

/* Run the chosen showcase. */
static void
chosen(vd_app *app, long index, void *ctx)
{
    (void)ctx;
    switch (index) {
    case 0:
        show_form(app, false);
        break;
    case 1:
        show_form(app, true);
        break;
    case 2:
        vd_dialog_confirm(app, "Question", "Answer the gallery? [y/N]",
                          confirm_done, NULL);
        break;
    case 3:
        vd_dialog_confirm_name(app, "Delete", "This deletes alpha and its "
                               "storage.", "alpha", confirm_done, NULL);
        break;
    case 4:
        vd_dialog_prompt(app, "Prompt", "A word:", "", false, no_spaces,
                         prompt_done, NULL);
        break;
    case 5:
        show_viewer(app);
        break;
    case 6:
        show_editor(app);
        break;
    case 7:
        stack_push(app, 1);
        break;
    default:
        break;
    }
}

/* Open the gallery menu. */
void
vd_gallery_show(vd_app *app)
{
    vd_dialog_menu(app, "UI gallery", items, sizeof(items) / sizeof(items[0]),
                   0, false, chosen, NULL);
}

/* Whether the gallery is enabled (VIRTDECK_UI_GALLERY=1). */
bool
vd_gallery_enabled(void)
{
    const char *env = getenv("VIRTDECK_UI_GALLERY");

    return env && strcmp(env, "1") == 0;
}

/* F12 on the main screen reopens the gallery when it is enabled. */
bool
vd_gallery_key(vd_app *app, int key)
{
    if (key != VD_KEY(KEY_F(12)) || !vd_gallery_enabled())
        return false;
    vd_gallery_show(app);
    return true;
}
