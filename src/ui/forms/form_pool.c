/*
 * form_pool.c: the create-pool form for dir, fs, netfs, logical, iscsi
 * and disk pools. Fields show per type; the name is checked against the
 * host's pools and a dir target with stat() when the host is local; the
 * XML comes from the core's builder; the daemon's refusal stays in the
 * form with everything typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "virtdeck/netstore.h"
#include "ui/forms/form_netpool.h"
#include "ui/widgets/form.h"
#include "ui/views/netstore_ui.h"

typedef struct pool_form {
    vd_np_form_base np;         /* first: the app and the host */
} pool_form;

static const char *const type_labels[] = {
    "directory", "filesystem on a device", "NFS (netfs)", "LVM volume group",
    "iSCSI target", "whole disk",
};
static const char *const type_values[] = {
    "dir", "fs", "netfs", "logical", "iscsi", "disk",
};

/* The chosen type. */
static vd_pool_type
type_of(const vd_form *f)
{
    long i = vd_field_index(vd_form_field(f, "type"));

    return i < 0 ? VD_POOLTYPE_DIR : (vd_pool_type)i;
}

/* Name: given, no '/', not taken. */
static bool
check_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    pool_form *pf = ctx;
    const vd_snapshot *s = vd_np_form_snap(&pf->np);
    size_t i;

    (void)f;
    (void)fld;
    if (!*value || strchr(value, '/')) {
        snprintf(err, errlen, *value ? "pool name may not contain '/'"
                                     : "pool name is required");
        return false;
    }
    for (i = 0; s && i < s->npools; i++) {
        if (s->pools[i].name && strcmp(s->pools[i].name, value) == 0) {
            snprintf(err, errlen, "a pool named '%s' already exists", value);
            return false;
        }
    }
    return true;
}

/* Target: absolute; a local dir target must not be a file. */
static bool
check_target(const vd_form *f, const vd_field *fld, const char *value,
             char *err, size_t errlen, void *ctx)
{
    pool_form *pf = ctx;
    struct stat st;
    bool known = vd_ui_host_local(pf->np.app, pf->np.hi), exists = false;

    (void)fld;
    if (known && *value)
        exists = stat(value, &st) == 0;
    return vd_check_into(vd_check_pool_target(type_of(f), value, known, exists,
                                        exists && S_ISDIR(st.st_mode)),
                   err, errlen);
}

/* A field the type needs must be filled. */
static bool
check_needed(const vd_form *f, const vd_field *fld, const char *value,
             char *err, size_t errlen, void *ctx)
{
    (void)ctx;
    /* LVM: the physical volumes are optional (an existing group) */
    if (!*value && !(strcmp(vd_field_id(fld), "devices") == 0 &&
                     type_of(f) == VD_POOLTYPE_LOGICAL)) {
        snprintf(err, errlen, "required for this pool type");
        return false;
    }
    return true;
}

/* Show the fields of the type. */
static void
on_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    vd_pool_type t = type_of(f);

    (void)app;
    (void)fld;
    (void)ctx;
    vd_field_set_hidden(vd_form_field(f, "target"),
                        t != VD_POOLTYPE_DIR && t != VD_POOLTYPE_FS &&
                        t != VD_POOLTYPE_NETFS);
    vd_field_set_hidden(vd_form_field(f, "host"),
                        t != VD_POOLTYPE_NETFS && t != VD_POOLTYPE_ISCSI);
    vd_field_set_hidden(vd_form_field(f, "source_dir"), t != VD_POOLTYPE_NETFS);
    vd_field_set_hidden(vd_form_field(f, "devices"),
                        t != VD_POOLTYPE_FS && t != VD_POOLTYPE_DISK &&
                        t != VD_POOLTYPE_LOGICAL);
    vd_field_set_hidden(vd_form_field(f, "vg"), t != VD_POOLTYPE_LOGICAL);
    vd_field_set_hidden(vd_form_field(f, "iqn"), t != VD_POOLTYPE_ISCSI);
    vd_field_set_hidden(vd_form_field(f, "initiator"), t != VD_POOLTYPE_ISCSI);
    vd_field_set_hidden(vd_form_field(f, "format"),
                        t != VD_POOLTYPE_FS && t != VD_POOLTYPE_DISK);
}

/* A value or NULL when empty. */
static char *
opt(const vd_form *f, const char *id)
{
    const vd_field *fld = vd_form_field(f, id);
    const char *v = vd_form_value(f, id);

    return fld && !vd_field_hidden(fld) && *v ? (char *)v : NULL;
}

/* Build the XML and ask the host. */
static void
on_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    pool_form *pf = ctx;
    vd_pool_spec s = {
        .name = opt(f, "name"), .type = type_of(f), .target = opt(f, "target"),
        .host = opt(f, "host"), .source_dir = opt(f, "source_dir"),
        .devices = opt(f, "devices"), .source_name = opt(f, "vg"),
        .iqn = opt(f, "iqn"), .initiator = opt(f, "initiator"),
        .format = opt(f, "format"),
    };
    vd_cmd cmd = { .kind = VD_CMD_POOL_DEFINE };
    const char *err;

    (void)button;
    if (vd_form_busy(f))
        return;
    if (!(cmd.str = vd_pool_xml(&s, &err))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", err);
        return;
    }
    if (vd_form_checked(f, "build"))
        cmd.flags |= VD_POOLDEF_BUILD;
    vd_np_form_submit(app, f, &pf->np, "pool", s.name, &cmd, VD_POOLDEF_START,
                      VD_POOLDEF_AUTOSTART);
}

/* The daemon's answer. */
static void
on_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    (void)ctx;
    vd_np_form_created(app, f, res);
}

/* n in the pools pane: the create-pool form. */
void
vd_act_pool_new(vd_app *app, const vd_binding *b)
{
    pool_form *pf;
    vd_form *f;
    void *ctx;

    static const vd_np_form_kind kind = {
        "pool", "New storage pool", sizeof(pool_form), free, check_name,
        "type", "Type", type_labels, type_values, 6,
    };

    if (!(f = vd_np_form_new(app, b, &kind, &ctx)))
        return;
    pf = ctx;
    vd_np_text(f, "target", "Target path", "", check_target, pf,
               "directory (dir) or mount point (fs, netfs)");
    vd_np_text(f, "host", "Server", "", check_needed, pf,
               NULL);
    vd_np_text(f, "source_dir", "NFS export", "", check_needed, pf,
               NULL);
    vd_np_text(f, "devices", "Device(s)", "", check_needed, pf,
               "/dev/sdb1; for LVM the physical volumes, comma-separated");
    vd_np_text(f, "vg", "Volume group", "", check_needed, pf,
               NULL);
    vd_np_text(f, "iqn", "Target IQN", "", check_needed, pf,
               NULL);
    vd_form_text(f, "initiator", "Initiator IQN", "");
    vd_form_text(f, "format", "Format", "");
    vd_form_check(f, "build", "Build", true);
    vd_np_form_finish(app, f, on_change, on_submit, on_result, pf);
    vd_form_show(app, f);
}
