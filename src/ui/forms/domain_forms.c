/*
 * domain_forms.c: the forms that change a domain: vCPUs and memory
 * (live and/or persistent), CD-ROM media (a volume picked from a pool,
 * a typed path, or eject), attaching a disk (existing path or a new
 * volume) or a NIC, and detaching a device picked from its details.
 * Each form stays open until the host answers; a refusal is shown in
 * the form with everything typed kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/check.h"
#include "virtdeck/domdetails.h"
#include "virtdeck/domspec.h"
#include "virtdeck/netstore.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/form.h"

/* What a form works on, and how many answers it still waits for. */
typedef struct form_ctx {
    vd_dom_target t;
    int pending;                /* commands sent, answers not yet in */
    bool failed;                /* one of them was refused */
    vd_dom_details *details;    /* CD-ROM / detach: the devices, or NULL */
    vd_app *app;                /* attach: for its host's pools */
    long long vcpus, mib;       /* vCPU / memory form: the values shown first */
} form_ctx;

/* Free a form's context. */
static void
form_ctx_free(void *ctx)
{
    form_ctx *c = ctx;

    vd_dom_details_free(c->details);
    free(c);
}

/* A new context for t. */
static form_ctx *
form_ctx_new(const vd_dom_target *t)
{
    form_ctx *c = calloc(1, sizeof(*c));

    if (c)
        c->t = *t;
    return c;
}

/* Send cmd (its kind and typed arguments filled; they are taken) for
 * the form's domain. */
static bool
form_send_cmd(vd_app *app, vd_form *form, form_ctx *c, vd_cmd *cmd)
{
    snprintf(cmd->uuid, sizeof(cmd->uuid), "%s", c->t.uuid);
    if (vd_form_submit_cmd(app, form, c->t.host, cmd) == 0)
        return false;
    c->pending++;
    return true;
}

/* Send one command of a form. */
static bool
form_send(vd_app *app, vd_form *form, form_ctx *c, vd_cmd_kind kind,
          const char *str, long long num, unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .num = num, .flags = flags };

    if (str && !(cmd.str = strdup(str)))
        return false;
    return form_send_cmd(app, form, c, &cmd);
}

/* A command of kind with a new, empty disk or NIC argument (and the
 * target str when given); false when out of memory. */
static bool
device_cmd(vd_cmd *cmd, vd_cmd_kind kind, const char *target)
{
    memset(cmd, 0, sizeof(*cmd));
    cmd->kind = kind;
    if (kind == VD_CMD_DOM_ATTACH_NIC)
        cmd->nic = calloc(1, sizeof(*cmd->nic));
    else
        cmd->disk = calloc(1, sizeof(*cmd->disk));
    if ((!cmd->nic && !cmd->disk) || (target && !(cmd->str = strdup(target)))) {
        vd_cmd_clear(cmd);
        return false;
    }
    return true;
}

/* The answer to a change: a refusal stays in the form (nothing typed is
 * lost); when every answer is in and all went well, the form closes. */
static void
change_result(vd_app *app, vd_form *form, vd_result *res, void *ctx)
{
    form_ctx *c = ctx;

    if (res->kind == VD_CMD_VOL_LIST)
        return;                 /* handled by the CD-ROM form */
    if (c->pending > 0)
        c->pending--;
    if (!res->ok) {
        c->failed = true;
        vd_form_message(form, VD_MSG_ERROR, "%s", res->message ? res->message
                        : "refused");
    }
    vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s",
                   res->message ? res->message : "");
    if (c->pending == 0) {
        vd_form_set_busy(form, false);
        if (!c->failed)
            vd_form_close(app, form);
    }
}

/* Where a change applies, from the form's two checkboxes. */
static unsigned int
apply_flags(const vd_form *form)
{
    return (vd_form_checked(form, "live") ? VD_APPLY_LIVE : 0) |
           (vd_form_checked(form, "config") ? VD_APPLY_CONFIG : 0);
}

/* At least one of live / persistent must be ticked. */
static bool
check_apply(const vd_form *form, const vd_field *field, const char *value,
            char *err, size_t errlen, void *ctx)
{
    (void)field;
    (void)value;
    (void)ctx;
    if (apply_flags(form))
        return true;
    snprintf(err, errlen, "tick live, persistent, or both");
    return false;
}

/* Add the live / persistent checkboxes for dom. */
static void
add_apply_fields(vd_form *form, const vd_domain *dom)
{
    bool running = dom->state == VD_DOM_RUNNING || dom->state == VD_DOM_PAUSED;
    vd_field *live = vd_form_check(form, "live", "Live (running guest)", running);
    vd_field *config = vd_form_check(form, "config", "Persistent (next boot)",
                                     dom->persistent);

    vd_field_set_hidden(live, !running);
    vd_field_set_hidden(config, !dom->persistent);
    vd_field_validate(running ? live : config, check_apply, NULL);
}

/* ---- vCPUs and memory ---- */

/* Submit: only what changed is sent. */
static void
resources_submit(vd_app *app, vd_form *form, const char *button, void *ctx)
{
    form_ctx *c = ctx;
    const vd_domain *dom = vd_dom_target_find(app, &c->t);
    long long vcpus = vd_form_number_value(form, "vcpus");
    long long mib = vd_form_number_value(form, "memory");
    unsigned int flags = apply_flags(form);

    (void)button;
    if (!dom) {
        vd_form_message(form, VD_MSG_ERROR, "%s is gone from the host", c->t.name);
        return;
    }
    c->failed = false;
    vd_form_message(form, VD_MSG_INFO, NULL);
    /* only what was changed is sent (a live memory change needs a
     * balloon: an untouched value must not fail for want of one) */
    if (vcpus != c->vcpus)
        form_send(app, form, c, VD_CMD_DOM_SET_VCPUS, NULL, vcpus, flags);
    if (mib != c->mib)
        form_send(app, form, c, VD_CMD_DOM_SET_MEMORY, NULL, mib * 1024, flags);
    if (!c->pending)
        vd_form_message(form, VD_MSG_INFO, "Nothing changed: edit a value first");
    if (c->pending)
        vd_form_set_busy(form, true);
}

/* The details arrived: build the vCPU / memory form from them (the
 * maxima come from the domain's XML). */
static void
resources_form(vd_app *app, vd_result *res, void *ctx)
{
    form_ctx *c = ctx, *fc;
    const vd_dom_details *d = res->data;
    const vd_domain *dom = vd_dom_target_find(app, &c->t);
    vd_form *form;
    vd_field *f;
    char title[200], help[160];

    if (!res->ok || !d) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message : "no details");
        return;
    }
    if (!dom) {
        vd_app_message(app, VD_MSG_ERROR, "%s is gone from the host", c->t.name);
        return;
    }
    snprintf(title, sizeof(title), "vCPUs and memory of %s", c->t.name);
    if (!(form = vd_form_new(title)) || !(fc = form_ctx_new(&c->t))) {
        vd_form_free(form);
        return;
    }
    vd_form_set_ctx(form, fc, form_ctx_free);
    fc->vcpus = d->vcpus ? d->vcpus : 1;
    fc->mib = (long long)(d->mem_kib / 1024);
    f = vd_form_number(form, "vcpus", "vCPUs", fc->vcpus, NULL);
    vd_field_range(f, 1, d->max_vcpus ? d->max_vcpus : 1);
    snprintf(help, sizeof(help), "1 to %u (its maximum)", d->max_vcpus);
    vd_field_set_help(f, help);
    f = vd_form_number(form, "memory", "Memory", fc->mib, "MiB");
    vd_field_range(f, 1, (long long)(d->max_mem_kib / 1024));
    snprintf(help, sizeof(help), "1 to %llu MiB (its maximum)", d->max_mem_kib / 1024);
    vd_field_set_help(f, help);
    add_apply_fields(form, dom);
    vd_form_set_submit_label(form, "Apply");
    vd_form_on_submit(form, resources_submit);
    vd_form_on_result(form, change_result);
    vd_form_show(app, form);
}

/* Ask for t's details, then show the vCPU / memory form. */
void
vd_dom_do_resources(vd_app *app, const vd_dom_target *t)
{
    form_ctx *c = form_ctx_new(t);
    vd_cmd cmd = { .kind = VD_CMD_DOM_DETAILS };

    if (!c)
        return;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading its vCPUs and memory...",
                   resources_form, c, form_ctx_free);
}

/* ---- CD-ROM ---- */

static const char *const cd_how[] = { "Volume from a pool", "Path on the host", "Eject" };
static const char *const cd_how_v[] = { "volume", "path", "eject" };

/* Show the fields of the chosen way. */
static void
cdrom_show_fields(vd_form *form)
{
    const char *how = vd_form_value(form, "how");

    vd_field_set_hidden(vd_form_field(form, "pool"), strcmp(how, "volume") != 0);
    vd_field_set_hidden(vd_form_field(form, "volume"), strcmp(how, "volume") != 0);
    vd_field_set_hidden(vd_form_field(form, "path"), strcmp(how, "path") != 0);
}

/* Ask for the volumes of the chosen pool. */
static void
cdrom_list_pool(vd_app *app, vd_form *form, form_ctx *c)
{
    const char *pool = vd_form_value(form, "pool");
    vd_cmd cmd = { .kind = VD_CMD_VOL_LIST };

    if (!*pool)
        return;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", pool);
    vd_form_submit_cmd(app, form, c->t.host, &cmd);
}

/* A field changed. */
static void
cdrom_change(vd_app *app, vd_form *form, vd_field *field, void *ctx)
{
    cdrom_show_fields(form);
    if (strcmp(vd_field_id(field), "pool") == 0)
        cdrom_list_pool(app, form, ctx);
}

/* Volumes arrived, or the change was answered. */
static void
cdrom_result(vd_app *app, vd_form *form, vd_result *res, void *ctx)
{
    const vd_volume_list *l = res->data;
    const char **labels, **values;
    size_t i;

    if (res->kind != VD_CMD_VOL_LIST) {
        change_result(app, form, res, ctx);
        return;
    }
    if (!res->ok || !l) {
        vd_form_message(form, VD_MSG_ERROR, "%s", res->message ? res->message : "no volumes");
        return;
    }
    labels = calloc(l->nvols + 1, sizeof(*labels));
    values = calloc(l->nvols + 1, sizeof(*values));
    if (labels && values) {
        for (i = 0; i < l->nvols; i++) {
            labels[i] = l->vols[i].name;
            values[i] = l->vols[i].path;
        }
        vd_field_set_items(vd_form_field(form, "volume"),
                           (const char *const *)labels,
                           (const char *const *)values, l->nvols);
    }
    free(labels);
    free(values);
}

/* A path must be absolute. */
static bool
check_path(const vd_form *form, const vd_field *field, const char *value,
           char *err, size_t errlen, void *ctx)
{
    (void)form;
    (void)field;
    (void)ctx;
    if (value[0] == '/')
        return true;
    snprintf(err, errlen, "%s", *value ? "give an absolute path (starting with /)"
             : "give the path of an ISO image on the host");
    return false;
}

/* A volume must be picked. */
static bool
check_picked(const vd_form *form, const vd_field *field, const char *value,
             char *err, size_t errlen, void *ctx)
{
    (void)form;
    (void)field;
    (void)ctx;
    if (*value)
        return true;
    snprintf(err, errlen, "pick a volume from the list (or another pool)");
    return false;
}

/* Insert or eject. */
static void
cdrom_submit(vd_app *app, vd_form *form, const char *button, void *ctx)
{
    form_ctx *c = ctx;
    const char *how = vd_form_value(form, "how");
    const char *path = strcmp(how, "volume") == 0 ? vd_form_value(form, "volume") :
                       strcmp(how, "path") == 0 ? vd_form_value(form, "path") : "";
    vd_cmd cmd;

    (void)button;
    c->failed = false;
    vd_form_message(form, VD_MSG_INFO, NULL);
    if (!device_cmd(&cmd, VD_CMD_DOM_CDROM, vd_form_value(form, "drive")) ||
        vd_spec_set(&cmd.disk->path, path) < 0) {
        vd_cmd_clear(&cmd);
        vd_form_message(form, VD_MSG_ERROR, "out of memory");
        return;
    }
    cmd.disk->kind = *path ? VD_DISK_PATH : VD_DISK_NONE;
    if (form_send_cmd(app, form, c, &cmd))
        vd_form_set_busy(form, true);
}

/* The details arrived: build the CD-ROM form. */
static void
cdrom_form(vd_app *app, vd_result *res, void *ctx)
{
    form_ctx *c = ctx, *fc;
    vd_dom_details *d = res->data;
    const vd_snapshot *snap;
    const char *drives[8], *pools[64], *pool_v[64];
    size_t nd = 0, np = 0, i;
    char title[200], cur[300] = "";
    vd_form *form;
    vd_field *f;

    if (!res->ok || !d) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message : "no details");
        return;
    }
    for (i = 0; i < d->ndisks && nd < 8; i++) {
        if (d->disks[i].device && strcmp(d->disks[i].device, "cdrom") == 0 &&
            d->disks[i].target) {
            drives[nd++] = d->disks[i].target;
            if (!cur[0])
                snprintf(cur, sizeof(cur), "%s: %s", d->disks[i].target,
                         d->disks[i].source ? d->disks[i].source : "(empty)");
        }
    }
    if (nd == 0) {
        vd_app_message(app, VD_MSG_ERROR, "%s has no CD-ROM drive (attach one "
                       "in its XML first)", c->t.name);
        return;
    }
    snap = c->t.host < app->nhosts ? app->hosts[c->t.host].snap : NULL;
    for (i = 0; snap && i < snap->npools && np < 64; i++) {
        if (snap->pools[i].state == VD_POOL_RUNNING) {
            pools[np] = snap->pools[i].name;
            pool_v[np++] = snap->pools[i].uuid;
        }
    }
    snprintf(title, sizeof(title), "CD-ROM of %s", c->t.name);
    if (!(form = vd_form_new(title)) || !(fc = form_ctx_new(&c->t))) {
        vd_form_free(form);
        return;
    }
    res->data = NULL;           /* the form keeps the details */
    fc->details = d;
    vd_form_set_ctx(form, fc, form_ctx_free);
    vd_form_label(form, "now", "Now", cur);
    vd_form_choice(form, "drive", "Drive", drives, NULL, nd, 0);
    vd_form_choice(form, "how", "Media", cd_how, cd_how_v, 3, np ? 0 : 1);
    vd_form_choice(form, "pool", "Pool", pools, pool_v, np, 0);
    f = vd_form_list(form, "volume", "Volume", 6);
    vd_field_validate(f, check_picked, NULL);
    f = vd_form_text(form, "path", "Path", "");
    vd_field_validate(f, check_path, NULL);
    vd_field_set_help(f, "an ISO file on the host, e.g. /var/lib/libvirt/images/x.iso");
    cdrom_show_fields(form);
    vd_form_set_submit_label(form, "Apply");
    vd_form_on_change(form, cdrom_change);
    vd_form_on_submit(form, cdrom_submit);
    vd_form_on_result(form, cdrom_result);
    if (vd_form_show(app, form))
        cdrom_list_pool(app, form, fc);
}

/* A form on a domain that waits for its host's lists (vd_app_defer). */
typedef struct later_form {
    void (*open)(vd_app *app, const vd_dom_target *t);
    vd_dom_target t;
} later_form;

/* The waiting form's turn. */
static void
open_later(vd_app *app, void *ctx)
{
    later_form *l = ctx;

    l->open(app, &l->t);
}

/* When t's host is still reading its networks and pools (the forms
 * choose among them), open(app, t) waits for them: true then. */
static bool
wait_for_lists(vd_app *app, const vd_dom_target *t, const char *what,
               void (*open)(vd_app *app, const vd_dom_target *t))
{
    later_form *l;

    if (!vd_app_host_reading(app, t->host))
        return false;
    if (!(l = malloc(sizeof(*l)))) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return true;
    }
    l->open = open;
    l->t = *t;
    vd_app_defer(app, t->host, what, open_later, l, free);
    return true;
}

/* Ask for t's details, then show the CD-ROM form. */
void
vd_dom_do_cdrom(vd_app *app, const vd_dom_target *t)
{
    form_ctx *c;
    vd_cmd cmd = { .kind = VD_CMD_DOM_DETAILS };

    if (wait_for_lists(app, t, "the CD-ROM form", vd_dom_do_cdrom) ||
        !(c = form_ctx_new(t)))
        return;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading its devices...", cdrom_form,
                   c, form_ctx_free);
}

/* ---- attach ---- */

static const char *const att_what[] = { "Disk: existing file or volume path",
                                        "Disk: new volume in a pool", "Network interface" };
static const char *const att_what_v[] = { "path", "new", "nic" };
static const char *const buses[] = { "virtio", "sata", "scsi" };
static const char *const formats[] = { "qcow2", "raw" };
static const char *const nic_how[] = { "Virtual network", "Host bridge" };
static const char *const nic_how_v[] = { "network", "bridge" };
static const char *const models[] = { "virtio", "e1000e", "e1000", "rtl8139" };

/* Show the fields of the chosen device. */
static void
attach_show_fields(vd_form *form)
{
    const char *what = vd_form_value(form, "what");
    bool disk = strcmp(what, "nic") != 0, isnew = strcmp(what, "new") == 0;
    bool bridge = strcmp(vd_form_value(form, "nichow"), "bridge") == 0;

    vd_field_set_hidden(vd_form_field(form, "path"), strcmp(what, "path") != 0);
    vd_field_set_hidden(vd_form_field(form, "pool"), !isnew);
    vd_field_set_hidden(vd_form_field(form, "size"), !isnew);
    vd_field_set_hidden(vd_form_field(form, "format"), !isnew);
    vd_field_set_hidden(vd_form_field(form, "bus"), !disk);
    vd_field_set_hidden(vd_form_field(form, "nichow"), disk);
    vd_field_set_hidden(vd_form_field(form, "network"), disk || bridge);
    vd_field_set_hidden(vd_form_field(form, "bridge"), disk || !bridge);
    vd_field_set_hidden(vd_form_field(form, "model"), disk);
}

/* A field changed. */
static void
attach_change(vd_app *app, vd_form *form, vd_field *field, void *ctx)
{
    (void)app;
    (void)field;
    (void)ctx;
    attach_show_fields(form);
}

/* A new volume's size against its pool's free space, as in the
 * wizard. */
static bool
check_new_size(const vd_form *form, const vd_field *field, const char *value,
               char *err, size_t errlen, void *ctx)
{
    const form_ctx *c = ctx;
    const char *pool = vd_form_value(form, "pool");
    const vd_pool *p = vd_snapshot_find_pool(c->t.host < c->app->nhosts ?
                                             c->app->hosts[c->t.host].snap : NULL,
                                             pool);

    (void)value;
    return vd_check_into(vd_check_disk_size((unsigned long long)vd_field_number(field) *
                                            VD_GIB, pool, p ? p->available : 0,
                                            p != NULL), err, errlen);
}

/* A bridge name: letters, digits, '-', '_', '.'. */
static bool
check_name_field(const vd_form *form, const vd_field *field, const char *value,
                 char *err, size_t errlen, void *ctx)
{
    const char *p;

    (void)form;
    (void)field;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "give a name");
        return false;
    }
    for (p = value; *p; p++) {
        if (*p == ',' || *p == '=' || *p == '\'' || *p == '"' || *p == ' ') {
            snprintf(err, errlen, "no spaces, commas, quotes or '='");
            return false;
        }
    }
    return true;
}

/* Attach what the form says. */
static void
attach_submit(vd_app *app, vd_form *form, const char *button, void *ctx)
{
    form_ctx *c = ctx;
    const char *what = vd_form_value(form, "what");
    bool nic = strcmp(what, "nic") == 0, isnew = strcmp(what, "new") == 0;
    int err = 0;
    vd_cmd cmd;

    (void)button;
    c->failed = false;
    vd_form_message(form, VD_MSG_INFO, NULL);
    if (!device_cmd(&cmd, nic ? VD_CMD_DOM_ATTACH_NIC : VD_CMD_DOM_ATTACH_DISK, NULL)) {
        vd_form_message(form, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (nic) {
        bool bridge = strcmp(vd_form_value(form, "nichow"), "bridge") == 0;
        cmd.nic->kind = bridge ? VD_NET_BRIDGE : VD_NET_NETWORK;
        err = vd_spec_set(&cmd.nic->source, vd_form_value(form, bridge ? "bridge" : "network"));
        cmd.nic->model = vd_nic_model_parse(vd_form_value(form, "model"));
    } else if (isnew) {
        cmd.disk->kind = VD_DISK_NEW_VOLUME;
        err = vd_spec_set(&cmd.disk->pool, vd_form_value(form, "pool"));
        cmd.disk->size_bytes = (unsigned long long)vd_form_number_value(form, "size") * VD_GIB;
        cmd.disk->format = vd_disk_format_parse(vd_form_value(form, "format"));
    } else {
        cmd.disk->kind = VD_DISK_PATH;
        err = vd_spec_set(&cmd.disk->path, vd_form_value(form, "path"));
    }
    if (!nic)
        cmd.disk->bus = vd_disk_bus_parse(vd_form_value(form, "bus"));
    if (err < 0) {
        vd_cmd_clear(&cmd);
        vd_form_message(form, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (form_send_cmd(app, form, c, &cmd))
        vd_form_set_busy(form, true);
}

/* The attach form for t. */
void
vd_dom_do_attach(vd_app *app, const vd_dom_target *t)
{
    const vd_snapshot *snap = t->host < app->nhosts ? app->hosts[t->host].snap : NULL;
    const char *pools[64], *nets[64];
    size_t np = 0, nn = 0, i;
    char title[200];
    vd_form *form;
    vd_field *f;
    form_ctx *c;

    if (wait_for_lists(app, t, "the attach form", vd_dom_do_attach))
        return;
    for (i = 0; snap && i < snap->npools && np < 64; i++) {
        if (snap->pools[i].state == VD_POOL_RUNNING)
            pools[np++] = snap->pools[i].name;
    }
    for (i = 0; snap && i < snap->nnetworks && nn < 64; i++)
        nets[nn++] = snap->networks[i].name;
    snprintf(title, sizeof(title), "Attach a device to %s", t->name);
    if (!(form = vd_form_new(title)) || !(c = form_ctx_new(t))) {
        vd_form_free(form);
        return;
    }
    c->app = app;
    vd_form_set_ctx(form, c, form_ctx_free);
    vd_form_choice(form, "what", "Device", att_what, att_what_v, 3, 0);
    f = vd_form_text(form, "path", "Path", "");
    vd_field_validate(f, check_path, NULL);
    vd_form_choice(form, "pool", "Pool", pools, NULL, np, 0);
    f = vd_form_number(form, "size", "Size", 1, "GiB");
    vd_field_range(f, 1, 65536);
    vd_field_validate(f, check_new_size, c);
    vd_form_choice(form, "format", "Format", formats, NULL, 2, 0);
    vd_form_choice(form, "bus", "Bus", buses, NULL, 3, 0);
    vd_form_choice(form, "nichow", "Connect to", nic_how, nic_how_v, 2, 0);
    vd_form_choice(form, "network", "Network", nets, NULL, nn, 0);
    f = vd_form_text(form, "bridge", "Bridge", "");
    vd_field_validate(f, check_name_field, NULL);
    vd_form_choice(form, "model", "Model", models, NULL, 4, 0);
    attach_show_fields(form);
    vd_form_set_submit_label(form, "Attach");
    vd_form_on_change(form, attach_change);
    vd_form_on_submit(form, attach_submit);
    vd_form_on_result(form, change_result);
    vd_form_show(app, form);
}

/* ---- detach ---- */

/* A device picked for detaching: the target and the device's key. */
typedef struct detach_ctx {
    vd_dom_target t;
    vd_cmd_kind kind;
    char key[64];
    char what[160];
} detach_ctx;

/* After the question. */
static void
detach_answer(vd_app *app, bool yes, void *ctx)
{
    detach_ctx *d = ctx;

    if (yes)
        vd_dom_send(app, &d->t, d->kind, d->key, 0, 0);
    else
        vd_app_message(app, VD_MSG_INFO, "Detach cancelled; nothing changed");
    free(d);
}

/* The devices of a details result, as menu entries. */
typedef struct detach_list {
    vd_dom_target t;
    vd_dom_details *d;
} detach_list;

static void
detach_list_free(void *ctx)
{
    detach_list *l = ctx;

    vd_dom_details_free(l->d);
    free(l);
}

/* A device was chosen: ask, then detach. */
static void
detach_chosen(vd_app *app, long index, void *ctx)
{
    detach_list *l = ctx;
    detach_ctx *d;
    char text[400];
    size_t i = (size_t)index;

    if (index < 0 || !(d = calloc(1, sizeof(*d)))) {
        detach_list_free(l);
        return;
    }
    d->t = l->t;
    /* disks that are not CD-ROMs first, then NICs (as in the menu) */
    for (size_t k = 0; k < l->d->ndisks; k++) {
        const vd_disk_info *di = &l->d->disks[k];
        if (!di->target || (di->device && strcmp(di->device, "cdrom") == 0))
            continue;
        if (i-- == 0) {
            d->kind = VD_CMD_DOM_DETACH_DISK;
            snprintf(d->key, sizeof(d->key), "%s", di->target);
            snprintf(d->what, sizeof(d->what), "disk %s (%s)", di->target,
                     di->source ? di->source : "no source");
            goto ask;
        }
    }
    for (size_t k = 0; k < l->d->nnics; k++) {
        if (!l->d->nics[k].mac)
            continue;
        if (i-- == 0) {
            d->kind = VD_CMD_DOM_DETACH_NIC;
            snprintf(d->key, sizeof(d->key), "%s", l->d->nics[k].mac);
            snprintf(d->what, sizeof(d->what), "NIC %s (%s)", l->d->nics[k].mac,
                     l->d->nics[k].source ? l->d->nics[k].source : "?");
            goto ask;
        }
    }
    free(d);
    detach_list_free(l);
    return;

 ask:
    snprintf(text, sizeof(text), "Detach %s from %s?\nA running guest's OS may "
             "have to release it first; a volume itself is kept.", d->what,
             d->t.name);
    detach_list_free(l);
    vd_dialog_confirm(app, "Detach", text, detach_answer, d);
}

/* The details arrived: offer the devices. */
static void
detach_menu(vd_app *app, vd_result *res, void *ctx)
{
    vd_dom_target *t = ctx;
    vd_dom_details *d = res->data;
    vd_menu_item items[64];
    char labels[64][160];
    size_t n = 0, k;
    detach_list *l;

    if (!res->ok || !d) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message : "no details");
        return;
    }
    for (k = 0; k < d->ndisks && n < 64; k++) {
        const vd_disk_info *di = &d->disks[k];
        if (!di->target || (di->device && strcmp(di->device, "cdrom") == 0))
            continue;
        snprintf(labels[n], sizeof(labels[n]), "disk %s  %s", di->target,
                 di->source ? di->source : "");
        items[n] = (vd_menu_item){ .label = labels[n] };
        n++;
    }
    for (k = 0; k < d->nnics && n < 64; k++) {
        if (!d->nics[k].mac)
            continue;
        snprintf(labels[n], sizeof(labels[n]), "NIC %s  %s %s", d->nics[k].mac,
                 d->nics[k].type ? d->nics[k].type : "",
                 d->nics[k].source ? d->nics[k].source : "");
        items[n] = (vd_menu_item){ .label = labels[n] };
        n++;
    }
    if (n == 0) {
        vd_app_message(app, VD_MSG_INFO, "%s has no disk or NIC to detach", t->name);
        return;
    }
    if (!(l = calloc(1, sizeof(*l))))
        return;
    l->t = *t;
    l->d = d;
    res->data = NULL;
    vd_dialog_menu(app, "Detach which device?", items, n, 0, false, detach_chosen, l);
}

/* Ask for t's details, then offer its devices for detaching. */
void
vd_dom_do_detach(vd_app *app, const vd_dom_target *t)
{
    vd_dom_target *copy = malloc(sizeof(*copy));
    vd_cmd cmd = { .kind = VD_CMD_DOM_DETAILS };

    if (!copy)
        return;
    *copy = *t;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading its devices...", detach_menu,
                   copy, free);
}
