/*
 * view_volumes.c: the volumes of one pool -- name, format, capacity,
 * allocation, path, the domains using each -- with create, delete,
 * wipe, resize, clone, upload and download; a running upload or
 * download shows a progress bar with its rate, and C cancels it.
 */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "virtdeck/domspec.h"
#include "virtdeck/netstore.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"
#include "ui/views/netstore_ui.h"
#include "ui/app/view.h"

typedef struct vol_view {
    size_t hi;
    int host_id;
    char uuid[VD_UUID_LEN];     /* the pool */
    char pool[128];
    vd_volume_list *list;
    size_t cursor, top;
    char sel[256];              /* selected volume's name */
    char err[512];
    unsigned int ended_seen;    /* vd_ui_jobs_ended() at the last reload */
    unsigned long long job;     /* the last job started here */
} vol_view;

/* What a prompt or question acts on. */
typedef struct vol_ref {
    size_t hi;
    char uuid[VD_UUID_LEN];
    char pool[128];
    char name[256];
    unsigned long long capacity;
    char format[16];
    vd_cmd_kind kind;
} vol_ref;

static const vd_view_ops vol_ops;

/* Re-read the list (routed to v). */
static void
reload(vd_app *app, vd_view *v)
{
    vol_view *vv = v->data;
    vd_cmd cmd = { .kind = VD_CMD_VOL_LIST };

    memcpy(cmd.uuid, vv->uuid, VD_UUID_LEN);
    vd_view_submit(app, v, vv->hi, &cmd);
    vv->ended_seen = vd_ui_jobs_ended();
}

/* The view of the pool, if open. */
static vd_view *
find_view(vd_app *app, const char *uuid)
{
    vd_view *v = vd_view_find(app, &vol_ops);

    return v && strcmp(((vol_view *)v->data)->uuid, uuid) == 0 ? v : NULL;
}

/* Submit cmd for the pool; the answer comes to the pool's view when it
 * is open (it reloads), else to the status line. */
static unsigned long long
send(vd_app *app, const vol_ref *r, vd_cmd *cmd)
{
    vd_view *v = find_view(app, r->uuid);
    unsigned long long id;

    memcpy(cmd->uuid, r->uuid, VD_UUID_LEN);
    id = vd_view_submit(app, v, r->hi, cmd);
    if (id)
        vd_app_message(app, VD_MSG_BUSY, "%s...", vd_cmd_describe(cmd->kind)->verb);
    return id;
}

/* The selected volume, or NULL. */
static const vd_volume_info *
selected(const vol_view *vv)
{
    if (!vv->list || vv->cursor >= vv->list->nvols)
        return NULL;
    return &vv->list->vols[vv->cursor];
}

/* A reference to the selected volume (NULL after saying there is none). */
static vol_ref *
ref_of(vd_app *app, const vol_view *vv, vd_cmd_kind kind)
{
    const vd_volume_info *vol = selected(vv);
    vol_ref *r;

    if (kind != VD_CMD_VOL_UPLOAD && !vol) {
        vd_app_message(app, VD_MSG_INFO, "No volume selected");
        return NULL;
    }
    if (!(r = calloc(1, sizeof(*r))))
        return NULL;
    r->hi = vv->hi;
    r->kind = kind;
    memcpy(r->uuid, vv->uuid, VD_UUID_LEN);
    snprintf(r->pool, sizeof(r->pool), "%s", vv->pool);
    if (vol) {
        snprintf(r->name, sizeof(r->name), "%s", vol->name);
        snprintf(r->format, sizeof(r->format), "%s", vol->format ? vol->format : "raw");
        r->capacity = vol->capacity;
    }
    return r;
}

/* y/N answered for delete or wipe. */
static void
answered(vd_app *app, bool yes, void *ctx)
{
    vol_ref *r = ctx;
    vd_cmd cmd = { .kind = r->kind };

    if (yes && (cmd.str = strdup(r->name)))
        send(app, r, &cmd);
    else if (!yes)
        vd_app_message(app, VD_MSG_INFO, "volume %s kept", r->name);
    free(r);
}

/* A size in MiB typed into a prompt. */
static const char *
check_mib(const char *text, char *err, size_t errlen, void *ctx)
{
    vol_ref *r = ctx;
    char *end;
    unsigned long long mib = strtoull(text, &end, 10);

    if (!*text || *end || mib == 0)
        return "a size in MiB, more than 0";
    if (mib * 1048576ULL <= r->capacity) {
        snprintf(err, errlen, "more than the current %llu MiB (volumes only grow)",
                 r->capacity / 1048576ULL);
        return err;
    }
    return NULL;
}

/* Resize prompt answered. */
static void
resized(vd_app *app, const char *text, void *ctx)
{
    vol_ref *r = ctx;
    vd_cmd cmd = { .kind = VD_CMD_VOL_RESIZE };

    if (text && (cmd.str = strdup(r->name))) {
        cmd.num = (long long)(strtoull(text, NULL, 10) * 1048576ULL);
        send(app, r, &cmd);
    }
    free(r);
}

/* A new volume name in a prompt: no '/'. */
static const char *
check_volname(const char *text, char *err, size_t errlen, void *ctx)
{
    (void)ctx;
    return vd_check_into(vd_check_volume_name(text, NULL, false, false), err,
                         errlen) ? NULL : err;
}

/* Clone prompt answered. */
static void
cloned(vd_app *app, const char *text, void *ctx)
{
    vol_ref *r = ctx;
    vd_volume_spec spec = { .name = (char *)text, .capacity = r->capacity };
    vd_cmd cmd = { .kind = VD_CMD_VOL_CLONE };
    const char *err;
    char *xml;
    int f = vd_disk_format_parse(r->format);

    if (text) {
        spec.format = f > 0 ? (vd_disk_format)f : VD_FMT_UNSET;
        if (!(xml = vd_volume_xml(&spec, &err))) {
            vd_app_message(app, VD_MSG_ERROR, "clone: %s", err);
        } else {
            cmd.str = vd_cmd_args2(r->name, xml);
            free(xml);
            if (cmd.str)
                send(app, r, &cmd);
        }
    }
    free(r);
}

/* A local file to upload must exist. */
static const char *
check_local(const char *text, char *err, size_t errlen, void *ctx)
{
    struct stat st;

    (void)ctx;
    if (!*text)
        return "the path of a local file";
    if (stat(text, &st) < 0) {
        snprintf(err, errlen, "no file at %s", text);
        return err;
    }
    if (!S_ISREG(st.st_mode))
        return "not a regular file";
    return NULL;
}

/* A local file to download to must not exist. */
static const char *
check_new_local(const char *text, char *err, size_t errlen, void *ctx)
{
    struct stat st;

    (void)ctx;
    if (!*text || text[0] != '/')
        return "an absolute path for the new file";
    if (stat(text, &st) == 0) {
        snprintf(err, errlen, "%s exists already (it is not overwritten)", text);
        return err;
    }
    return NULL;
}

/* Upload or download prompt answered. */
static void
transfer(vd_app *app, const char *text, void *ctx)
{
    vol_ref *r = ctx;
    vd_cmd cmd = { .kind = r->kind };
    vd_view *v;
    char *copy, *base;

    if (text) {
        if (r->kind == VD_CMD_VOL_UPLOAD) {
            copy = strdup(text);
            base = copy ? basename(copy) : NULL;
            cmd.str = base ? vd_cmd_args2(base, text) : NULL;
            free(copy);
        } else {
            cmd.str = vd_cmd_args2(r->name, text);
        }
        if (cmd.str) {
            unsigned long long id = send(app, r, &cmd);
            if (id && (v = find_view(app, r->uuid)))
                ((vol_view *)v->data)->job = id;
        }
    }
    free(r);
}

/* The new-volume form's context. */
typedef struct new_vol {
    vd_app *app;
    vol_ref ref;
    unsigned long long available;
} new_vol;

/* Name of a new volume: valid and not in the list. */
static bool
nv_check_name(const vd_form *f, const vd_field *fld, const char *value,
              char *err, size_t errlen, void *ctx)
{
    new_vol *nv = ctx;
    vd_view *v = find_view(nv->app, nv->ref.uuid);
    const vd_volume_list *l = v ? ((vol_view *)v->data)->list : NULL;
    bool exists = false;
    size_t i;

    (void)f;
    (void)fld;
    for (i = 0; l && i < l->nvols; i++)
        exists |= strcmp(l->vols[i].name, value) == 0;
    return vd_check_into(vd_check_volume_name(value, nv->ref.pool, exists, false),
                         err, errlen);
}

/* Size of a new volume: fits the pool. */
static bool
nv_check_size(const vd_form *f, const vd_field *fld, const char *value,
              char *err, size_t errlen, void *ctx)
{
    new_vol *nv = ctx;

    (void)f;
    (void)fld;
    return vd_check_into(vd_check_volume_fits(strtoull(value, NULL, 10) * 1048576ULL,
                                              nv->ref.pool, nv->available), err, errlen);
}

/* Create the volume. */
static void
nv_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    new_vol *nv = ctx;
    vd_volume_spec spec = { .name = (char *)vd_form_value(f, "name") };
    vd_cmd cmd = { .kind = VD_CMD_VOL_CREATE };
    const char *err;

    (void)button;
    if (vd_form_busy(f))
        return;
    spec.capacity = (unsigned long long)vd_form_number_value(f, "size") * 1048576ULL;
    spec.format = vd_field_index(vd_form_field(f, "format")) == 1 ? VD_FMT_RAW
                                                                  : VD_FMT_QCOW2;
    if (vd_form_checked(f, "prealloc"))
        spec.allocation = spec.capacity;
    if (*vd_form_value(f, "backing")) {
        spec.backing = (char *)vd_form_value(f, "backing");
        spec.backing_format = VD_FMT_QCOW2;
    }
    if (!(cmd.str = vd_volume_xml(&spec, &err))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", err);
        return;
    }
    memcpy(cmd.uuid, nv->ref.uuid, VD_UUID_LEN);
    if (vd_form_submit_cmd(app, f, nv->ref.hi, &cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "creating %s...", spec.name);
    }
}

/* The daemon's answer to the create. */
static void
nv_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    new_vol *nv = ctx;
    vd_view *v;

    vd_form_set_busy(f, false);
    if (!res->ok) {
        vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message : "refused");
        return;
    }
    vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "created");
    if ((v = find_view(app, nv->ref.uuid)))
        reload(app, v);
    vd_form_close(app, f);
}

/* n: the new-volume form. */
static void
new_volume(vd_app *app, vol_view *vv)
{
    static const char *const formats[] = { "qcow2", "raw" };
    const vd_snapshot *s = vv->hi < app->nhosts ? app->hosts[vv->hi].snap : NULL;
    new_vol *nv = calloc(1, sizeof(*nv));
    vd_form *f;
    vd_field *fld;
    size_t i;

    if (!nv || !(f = vd_form_new("New volume"))) {
        free(nv);
        return;
    }
    nv->app = app;
    nv->ref.hi = vv->hi;
    memcpy(nv->ref.uuid, vv->uuid, VD_UUID_LEN);
    snprintf(nv->ref.pool, sizeof(nv->ref.pool), "%s", vv->pool);
    for (i = 0; s && i < s->npools; i++)
        if (strcmp(s->pools[i].uuid, vv->uuid) == 0)
            nv->available = s->pools[i].available;
    vd_form_set_ctx(f, nv, free);
    fld = vd_form_text(f, "name", "Name", "");
    vd_field_validate(fld, nv_check_name, nv);
    vd_form_choice(f, "format", "Format", formats, NULL, 2, 0);
    fld = vd_form_number(f, "size", "Size", 1024, "MiB");
    vd_field_range(fld, 1, 1LL << 40);
    vd_field_validate(fld, nv_check_size, nv);
    vd_form_check(f, "prealloc", "Preallocate", false);
    fld = vd_form_text(f, "backing", "Backing file", "");
    vd_field_set_help(fld, "path of a qcow2 image this one starts from (optional)");
    vd_form_set_submit_label(f, "Create");
    vd_form_on_submit(f, nv_submit);
    vd_form_on_result(f, nv_result);
    vd_form_show(app, f);
}

/* A result for this view: the list, or an operation's answer. */
static void
vol_result(vd_app *app, vd_view *v, vd_result *res)
{
    vol_view *vv = v->data;

    if (res->kind != VD_CMD_VOL_LIST) {
        vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s",
                       res->message ? res->message : (res->ok ? "done" : "failed"));
        if (res->ok)
            reload(app, v);
        return;
    }
    if (!res->ok || !res->data) {
        snprintf(vv->err, sizeof(vv->err), "%s",
                 res->message ? res->message : "could not list the volumes");
        return;
    }
    vv->err[0] = '\0';
    vd_volume_list_free(vv->list);
    vv->list = res->data;
    res->data = NULL;
    /* keep the cursor on the same volume */
    vv->cursor = 0;
    for (size_t i = 0; i < vv->list->nvols; i++)
        if (strcmp(vv->list->vols[i].name, vv->sel) == 0)
            vv->cursor = i;
}

/* Draw the table and the progress of a job on this pool. */
static void
vol_draw(vd_app *app, vd_view *v, const vd_rect *a)
{
    vol_view *vv = v->data;
    const vd_progress *p = vd_ui_job_for(vv->host_id, vv->uuid);
    int rows = a->h - 3, y = a->y + 1, wpath;
    char buf[1024], c[32], al[32];
    size_t i;

    if (vd_ui_jobs_ended() != vv->ended_seen)
        reload(app, v);             /* a job changed the pool */
    vd_draw_clear(a, vd_role_attr(VD_ROLE_NORMAL));
    vd_draw_text(a->y, a->x + 1, a->w - 2, v->title,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    wpath = a->w - 2 - 24 - 7 - 10 - 10 - 20 - 5;
    if (wpath < 8)
        wpath = 8;
    snprintf(buf, sizeof(buf), "%-24s %-7s %10s %10s  %-*s %s", "Name", "Format",
             "Capacity", "Alloc", wpath, "Path", "Used by");
    vd_draw_text(y++, a->x + 1, a->w - 2, buf, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (vv->err[0])
        vd_draw_text(y++, a->x + 1, a->w - 2, vv->err,
                     vd_role_attr(VD_ROLE_STATUS_ERROR));
    if (!vv->list) {
        vd_draw_text(y, a->x + 1, a->w - 2, "reading the volumes...",
                     vd_role_attr(VD_ROLE_DIM));
    } else if (vv->list->nvols == 0) {
        vd_draw_text(y, a->x + 1, a->w - 2, "no volumes (n creates one, U uploads a file)",
                     vd_role_attr(VD_ROLE_DIM));
    } else {
        if (vv->cursor >= vv->list->nvols)
            vv->cursor = vv->list->nvols - 1;
        if (vv->cursor < vv->top)
            vv->top = vv->cursor;
        if (rows > 0 && vv->cursor >= vv->top + (size_t)rows)
            vv->top = vv->cursor - (size_t)rows + 1;
        for (i = vv->top; i < vv->list->nvols && y < a->y + 1 + rows; i++) {
            const vd_volume_info *vol = &vv->list->vols[i];
            bool sel = i == vv->cursor;

            snprintf(buf, sizeof(buf), "%-24s %-7s %10s %10s  %-*.*s %s", vol->name,
                     vol->format ? vol->format : "-",
                     vd_fmt_size(vol->capacity, c, sizeof(c)),
                     vd_fmt_size(vol->allocation, al, sizeof(al)), wpath, wpath,
                     vol->path ? vol->path : "-", vol->used_by ? vol->used_by : "-");
            if (sel)
                vd_draw_fill(y, a->x + 1, a->w - 2, vd_role_attr(VD_ROLE_SELECTED));
            vd_draw_text(y++, a->x + 1, a->w - 2, buf,
                         vd_role_attr(sel ? VD_ROLE_SELECTED : VD_ROLE_NORMAL));
        }
        if (selected(vv))
            snprintf(vv->sel, sizeof(vv->sel), "%s", selected(vv)->name);
    }
    if (p)
        vd_ui_draw_progress(a->y + a->h - 1, a->x + 1, a->w - 2, p);
}

/* Keys of the volumes view. */
static bool
vol_key(vd_app *app, vd_view *v, int key)
{
    vol_view *vv = v->data;
    size_t n = vv->list ? vv->list->nvols : 0;
    const vd_progress *p;
    vol_ref *r;
    char text[512];

    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        if (vv->cursor + 1 < n)
            vv->cursor++;
        return true;
    case 'k':
    case VD_KEY(KEY_UP):
        if (vv->cursor > 0)
            vv->cursor--;
        return true;
    case 'g':
    case VD_KEY(KEY_HOME):
        vv->cursor = 0;
        return true;
    case 'G':
    case VD_KEY(KEY_END):
        vv->cursor = n ? n - 1 : 0;
        return true;
    case 'r':
        reload(app, v);
        return true;
    case 'n':
        new_volume(app, vv);
        return true;
    case 'D':
    case 'w':
        if (!(r = ref_of(app, vv, key == 'D' ? VD_CMD_VOL_DELETE : VD_CMD_VOL_WIPE)))
            return true;
        snprintf(text, sizeof(text), "%s volume %s of pool %s?%s\n\ny: yes, any "
                 "other key: no", key == 'D' ? "Delete" : "Wipe", r->name, r->pool,
                 key == 'w' ? " Its content is overwritten with zeros." : "");
        vd_dialog_confirm(app, key == 'D' ? "Delete volume" : "Wipe volume", text,
                          answered, r);
        return true;
    case 'z':
        if ((r = ref_of(app, vv, VD_CMD_VOL_RESIZE))) {
            snprintf(text, sizeof(text), "%llu", r->capacity / 1048576ULL * 2);
            vd_dialog_prompt(app, "Resize volume", "New size (MiB):", text, false,
                             check_mib, resized, r);
        }
        return true;
    case 'c':
        if ((r = ref_of(app, vv, VD_CMD_VOL_CLONE))) {
            snprintf(text, sizeof(text), "clone-%s", r->name);
            vd_dialog_prompt(app, "Clone volume", "Name of the copy:", text, false,
                             check_volname, cloned, r);
        }
        return true;
    case 'U':
        if ((r = ref_of(app, vv, VD_CMD_VOL_UPLOAD)))
            vd_dialog_prompt(app, "Upload a local file", "Local file:", "", false,
                             check_local, transfer, r);
        return true;
    case 'W':
        if ((r = ref_of(app, vv, VD_CMD_VOL_DOWNLOAD))) {
            snprintf(text, sizeof(text), "/tmp/%s", r->name);
            vd_dialog_prompt(app, "Download the volume", "Save to:", text, false,
                             check_new_local, transfer, r);
        }
        return true;
    case 'C':
        p = vd_ui_job_for(vv->host_id, vv->uuid);
        if (p && p->state == VD_JOB_RUNNING) {
            vd_cmd cmd = { .kind = VD_CMD_JOB_CANCEL, .num = (long long)p->job };
            vd_view_submit(app, NULL, vv->hi, &cmd);
        } else {
            vd_app_message(app, VD_MSG_INFO, "no upload or download running here");
        }
        return true;
    default:
        return false;
    }
}

/* Free. */
static void
vol_close(vd_app *app, vd_view *v)
{
    vol_view *vv = v->data;

    (void)app;
    vd_volume_list_free(vv->list);
    free(vv);
}

static const vd_binding vol_keys[] = {
    { 'n', "n", "New volume", "Volumes", 0, NULL, 0, 0, NULL },
    { 'D', "D", "Delete the volume (asks first)", "Volumes", 0, NULL, 0, 0, NULL },
    { 'w', "w", "Wipe the volume (asks first)", "Volumes", 0, NULL, 0, 0, NULL },
    { 'z', "z", "Resize the volume", "Volumes", 0, NULL, 0, 0, NULL },
    { 'c', "c", "Clone the volume", "Volumes", 0, NULL, 0, 0, NULL },
    { 'U', "U", "Upload a local file into the pool", "Volumes", 0, NULL, 0, 0, NULL },
    { 'W', "W", "Download the volume to a local file", "Volumes", 0, NULL, 0, 0, NULL },
    { 'C', "C", "Cancel the running upload/download", "Volumes", 0, NULL, 0, 0, NULL },
    { 'r', "r", "Re-read the list", "Volumes", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops vol_ops = {
    .name = "volumes",
    .draw = vol_draw,
    .key = vol_key,
    .on_result = vol_result,
    .close = vol_close,
    .keys = vol_keys,
    .nkeys = sizeof(vol_keys) / sizeof(vol_keys[0]),
};

/* Open the volumes view of a pool. */
void
vd_volumes_show(vd_app *app, size_t hi, const char *uuid, const char *name)
{
    vol_view *vv;
    vd_view *v;

    if (hi >= app->nhosts)
        return;
    if (!(vv = calloc(1, sizeof(*vv))))
        return;
    vv->hi = hi;
    vv->host_id = vd_host_id(app->hosts[hi].host);
    snprintf(vv->uuid, sizeof(vv->uuid), "%s", uuid);
    snprintf(vv->pool, sizeof(vv->pool), "%s", name);
    if (!(v = vd_view_push(app, &vol_ops, vv, NULL)))
        return;
    vd_view_set_title(v, "Volumes of pool %s", vv->pool);
    reload(app, v);
}
