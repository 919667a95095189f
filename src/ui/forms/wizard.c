/*
 * wizard.c: the create wizard (issues 5, 13): eleven pages of one form,
 * every field checked as it is typed with the core's vd_check_*
 * functions against the host's snapshot and facts, lists of disks, NICs
 * and host devices (wizard_items.c), a cloud-init page, a review page
 * with the generated XML, then VD_CMD_DOM_CREATE on the host's worker
 * with the whole spec for the core's create engine.
 *
 * Facts beyond the snapshot (domain capabilities, the pools' volumes)
 * come from VD_CMD_CREATE_FACTS when the wizard opens; whether a path
 * exists on the host comes from VD_CMD_PATH_EXISTS, cached per path.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/createfacts.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/osinfo.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"
#include "ui/widgets/table.h"
#include "ui/forms/wizard.h"
#include "ui/forms/wizard_priv.h"

/* ---- choices ---- */

enum { INST_VOL, INST_PATH, INST_URL, INST_IMPORT, INST_PXE };
static const char *const inst_labels[] = {
    "ISO volume from a pool", "ISO file on the host", "Network install (URL)",
    "Import an existing disk", "PXE (network boot)",
};
static const char *const cpu_labels[] = {
    "Hypervisor default", "host-passthrough", "host-model",
};
static const char *const cpu_values[] = { "default", "host-passthrough", "host-model" };
static const char *const gfx_labels[] = { "VNC", "SPICE", "None" };
static const char *const gfx_values[] = { "vnc", "spice", "none" };
static const char *const video_labels[] = {
    "default", "vga", "virtio", "qxl", "bochs", "cirrus", "none",
};
static const char *const fw_labels[] = { "BIOS", "UEFI" };
static const char *const boot_labels[] = {
    "Default for the install source", "CD-ROM, then disk", "Disk, then CD-ROM",
    "Network, then disk", "Disk only",
};
static const char *const boot_values[] = { "", "cdrom,hd", "hd,cdrom", "network,hd", "hd" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- host facts ---- */

/* See wizard_priv.h. */
const vd_snapshot *
wz_snap(const wizard *w)
{
    return w->host < w->app->nhosts ? w->app->hosts[w->host].snap : NULL;
}

/* See wizard_priv.h: ask the host whether path exists (once per path). */
void
wz_ask_path(wizard *w, const char *path)
{
    vd_cmd cmd = { .kind = VD_CMD_PATH_EXISTS };
    wz_path *p;

    for (size_t i = 0; i < w->npaths; i++)
        if (strcmp(w->paths[i].path, path) == 0)
            return;
    if (w->npaths == WZ_MAX_PATHS) {
        free(w->paths[0].path);
        memmove(&w->paths[0], &w->paths[1], (WZ_MAX_PATHS - 1) * sizeof(w->paths[0]));
        w->npaths--;
    }
    p = &w->paths[w->npaths];
    if (!(p->path = strdup(path)) || !(cmd.str = strdup(path))) {
        free(p->path);
        return;
    }
    p->answer = 0;
    w->npaths++;
    vd_form_submit_cmd(w->app, w->form, w->host, &cmd);
}

/* What the host said about path: '1', '0', '?' or 0 (not yet). */
static char
path_answer(const wizard *w, const char *path)
{
    for (size_t i = 0; i < w->npaths; i++)
        if (strcmp(w->paths[i].path, path) == 0)
            return w->paths[i].answer;
    return 0;
}

/* See wizard_priv.h. */
bool
wz_check_existing_path(wizard *w, const char *path, char *err, size_t errlen)
{
    char a;

    if (!vd_check_into(vd_check_host_path(path, true), err, errlen))
        return false;
    a = path_answer(w, path);
    if (a == '0')
        return vd_check_into(vd_check_host_path(path, false), err, errlen);
    if (a == 0) {
        snprintf(err, errlen, "checking %s on the host%s", path,
                 vd_draw_utf8() ? "\u2026" : "...");
        return false;
    }
    return true;
}

/* ---- validators (ctx: the wizard) ---- */

static bool
v_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wz_snap(w);
    const char **taken = NULL;
    size_t n = 0;
    bool ok;

    (void)f;
    (void)fld;
    if (s && s->ndomains && (taken = calloc(s->ndomains, sizeof(*taken))))
        for (size_t i = 0; i < s->ndomains; i++)
            if (s->domains[i].name)
                taken[n++] = s->domains[i].name;
    ok = vd_check_into(vd_check_name(value, taken, n), err, errlen);
    free(taken);
    return ok;
}

static bool
v_os(const vd_form *f, const vd_field *fld, const char *value, char *err,
     size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "choose an OS variant (type to search; "
                 "\"generic\" when it is not listed)");
        return false;
    }
    return true;
}

/* See wizard_priv.h: a volume list's choice, once the facts came. */
bool
wz_v_volume(const vd_form *f, const vd_field *fld, const char *value, char *err,
            size_t errlen, void *ctx)
{
    wizard *w = ctx;

    (void)f;
    (void)fld;
    if (!w->facts) {
        snprintf(err, errlen, "%s", w->facts_failed ? "the host's volumes could "
                 "not be read" : "reading the host's volumes...");
        return false;
    }
    if (!*value) {
        snprintf(err, errlen, "choose a volume (type to search)");
        return false;
    }
    return true;
}

/* See wizard_priv.h: a path that exists on the host. */
bool
wz_v_path(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    return wz_check_existing_path(ctx, value, err, errlen);
}

/* A form validator that hands the field's text to one core check. */
#define VALUE_CHECK(fn, check)                                           \
    static bool                                                          \
    fn(const vd_form *f, const vd_field *fld, const char *value,         \
       char *err, size_t errlen, void *ctx)                              \
    {                                                                    \
        (void)f;                                                         \
        (void)fld;                                                       \
        (void)ctx;                                                       \
        return vd_check_into(check(value), err, errlen);                          \
    }

VALUE_CHECK(v_location, vd_check_location)
VALUE_CHECK(v_listen, vd_check_listen)

/* The Advanced page: device options in virt-install's syntax, one field
 * each, id "dev_KIND". Empty: no such device. */
static const struct {
    const char *kind, *label, *help;
} adv_fields[] = {
    { "rng", "RNG", "e.g. /dev/urandom or builtin" },
    { "tpm", "TPM", "e.g. emulator or type=emulator,model=tpm-tis" },
    { "watchdog", "Watchdog", "e.g. i6300esb,action=reset" },
    { "sound", "Sound", "e.g. ich9, ac97 or default" },
    { "controller", "Controller", "e.g. usb3, usb2 or virtio-scsi" },
    { "serial", "Serial", "e.g. pty or file,path=/var/log/guest.log" },
    { "channel", "Channel", "e.g. unix,name=org.qemu.guest_agent.0" },
    { "filesystem", "Filesystem", "HOSTDIR,TAG: shared by virtiofs" },
};

/* The id of the Advanced page's field i ("dev_rng"). */
static const char *
adv_id(size_t i, char *buf, size_t len)
{
    snprintf(buf, len, "dev_%s", adv_fields[i].kind);
    return buf;
}

/* The value typed into the Advanced page's field i ("" for none). */
static const char *
adv_value(const vd_form *f, size_t i)
{
    char id[32];

    return vd_form_value(f, adv_id(i, id, sizeof(id)));
}

/* A device option field: checked with the core's vd_check_devopt(),
 * the kind taken from the field's id. */
static bool
v_devopt(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    (void)f;
    (void)ctx;
    if (!value || !*value)
        return true;
    return vd_check_into(vd_check_devopt(vd_field_id(fld) + 4, value), err, errlen);
}

/* Kernel and Initrd of a network install: files on the host, required
 * (the XML boots them; virtdeck downloads nothing), asked for as the
 * ISO path is. */
static bool
v_boot_file(const vd_form *f, const vd_field *fld, const char *value, char *err,
            size_t errlen, void *ctx)
{
    if (!*value) {
        snprintf(err, errlen, "required for a network install (a file on the host)");
        return false;
    }
    return wz_v_path(f, fld, value, err, errlen, ctx);
}

static bool
v_vcpus(const vd_form *f, const vd_field *fld, const char *value, char *err,
        size_t errlen, void *ctx)
{
    wizard *w = ctx;
    unsigned int max = w->facts && w->facts->have_caps ? w->facts->caps.max_vcpus : 0;

    (void)f;
    (void)value;
    return vd_check_into(vd_check_vcpus((unsigned int)vd_field_number(fld), max), err, errlen);
}

static bool
v_memory(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wz_snap(w);
    long long mib = vd_field_number(fld);

    (void)f;
    (void)value;
    if (mib < 0)
        mib = 0;
    return vd_check_into(vd_check_memory((unsigned long long)mib,
                                s ? s->info.mem_kib / 1024 : 0), err, errlen);
}

static bool
v_password(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    int k = vd_gfx_kind_parse(vd_form_value(f, "gfx"));

    (void)fld;
    (void)ctx;
    return vd_check_into(vd_check_password(value, k < 0 ? VD_GFX_NONE : (vd_gfx_kind)k),
                err, errlen);
}

static bool
v_firmware(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    wizard *w = ctx;

    (void)f;
    (void)fld;
    if (strcmp(value, "UEFI") != 0)
        return true;
    return vd_check_into(vd_check_firmware(VD_FW_UEFI, w->facts && w->facts->have_caps
                                  ? &w->facts->caps : NULL), err, errlen);
}

/* ---- the cloud-init page ---- */

/* The SSH key typed: the key itself, or a file on this machine (a path
 * starting with / or ~/) whose first line is read. 0, or -1 with err. */
static int
read_key(const char *value, char *out, size_t len, char *err, size_t errlen)
{
    char path[4096];
    FILE *fp;

    out[0] = '\0';
    if (!*value)
        return 0;
    if (value[0] != '/' && strncmp(value, "~/", 2) != 0) {
        snprintf(out, len, "%s", value);
        return 0;
    }
    if (value[0] == '~')
        snprintf(path, sizeof(path), "%s%s", getenv("HOME") ? getenv("HOME") : "",
                 value + 1);
    else
        snprintf(path, sizeof(path), "%s", value);
    if (!(fp = fopen(path, "r"))) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    if (!fgets(out, (int)len, fp))
        out[0] = '\0';
    fclose(fp);
    out[strcspn(out, "\r\n")] = '\0';
    return 0;
}

static bool
v_ci_hostname(const vd_form *f, const vd_field *fld, const char *value, char *err,
              size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_check_hostname(value), err, errlen);
}

/* A user name as useradd takes it (empty: root). */
static bool
v_ci_user(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    for (size_t i = 0; value[i]; i++) {
        char c = value[i];

        if (!((c >= 'a' && c <= 'z') || c == '_' ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '-'))) || i >= 32) {
            snprintf(err, errlen, "a user name has at most 32 lower-case letters, "
                     "digits, '-' and '_', and starts with a letter or '_'");
            return false;
        }
    }
    return true;
}

/* The SSH key: a key, or a readable file holding one (read here, on
 * the client). */
static bool
v_ci_key(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    char key[4096];

    (void)f;
    (void)fld;
    (void)ctx;
    if (!*value)
        return true;
    if (read_key(value, key, sizeof(key), err, errlen) < 0)
        return false;
    return vd_check_into(vd_check_ssh_key(key), err, errlen);
}

/* Somebody must be able to log in: a key, a password or a generated one. */
static bool
v_ci_password(const vd_form *f, const vd_field *fld, const char *value, char *err,
              size_t errlen, void *ctx)
{
    (void)fld;
    (void)ctx;
    if (!*value && !*vd_form_value(f, "ci_key") && !vd_form_checked(f, "ci_genpw")) {
        snprintf(err, errlen, "give an SSH key or a password, or generate one: "
                 "else nobody can log in");
        return false;
    }
    if (*value && strlen(value) < 6) {
        snprintf(err, errlen, "a password has at least 6 characters");
        return false;
    }
    return true;
}

/* The cloud-init page's text fields; "Generate a password" comes after
 * the third. */
static const struct {
    const char *id, *label, *help;
    bool password;
    vd_field_check_fn check;
} ci_fields[] = {
    { "ci_hostname", "Hostname", "Empty: the machine's name", false, v_ci_hostname },
    { "ci_user", "User", "Empty: root; else a new user with sudo", false, v_ci_user },
    { "ci_key", "SSH key", "ssh-ed25519 AAAA... or a .pub file on this machine "
      "(/path or ~/path)", false, v_ci_key },
    { "ci_password", "Password", "The user's password; or Generate", true,
      v_ci_password },
};
static const char *const ci_ids[] = { "ci_hostname", "ci_user", "ci_key", "ci_genpw" };

/* ---- the spec from the form ---- */

/* Fill spec from the form; with cloud-init, the seed's CD-ROM too and
 * where its volume goes in *seed_pool and *seed_vol (caller frees; may
 * be NULL). Returns 0, or -1 with a message in err. */
static int
build_spec(wizard *w, vd_domain_spec *spec, char **seed_pool, char **seed_vol,
           char *err, size_t errlen)
{
    vd_form *f = w->form;
    long inst = vd_field_index(vd_form_field(f, "install"));
    const char *os = vd_form_value(f, "os");
    const char *v;
    char *slash;
    int k;

    memset(spec, 0, sizeof(*spec));
    vd_spec_set(&spec->name, vd_form_value(f, "name"));
    spec->virt_type = w->facts ? w->facts->virt_type : VD_VIRT_KVM;
    spec->vcpus = (unsigned int)vd_form_number_value(f, "vcpus");
    k = vd_cpu_mode_parse(vd_form_value(f, "cpu"));
    spec->cpu_mode = k < 0 ? VD_CPU_DEFAULT : (vd_cpu_mode)k;
    spec->memory_mib = (unsigned long long)vd_form_number_value(f, "memory");
    if (*os && strcmp(os, "generic") != 0) {
        vd_spec_set(&spec->os_variant, os);
        if (w->os_short && strcmp(w->os_short, os) == 0)
            vd_spec_set(&spec->os_id, w->os_full);
    }
    switch (inst) {
    case INST_VOL:
        spec->install.kind = VD_INSTALL_CDROM_VOLUME;
        v = vd_form_value(f, "iso_vol");
        if ((slash = strchr(v, '/'))) {
            char *pool = strndup(v, (size_t)(slash - v));

            vd_spec_set(&spec->install.pool, pool);
            vd_spec_set(&spec->install.volume, slash + 1);
            free(pool);
        }
        break;
    case INST_PATH:
        spec->install.kind = VD_INSTALL_CDROM_PATH;
        vd_spec_set(&spec->install.path, vd_form_value(f, "iso_path"));
        break;
    case INST_URL:
        spec->install.kind = VD_INSTALL_LOCATION;
        vd_spec_set(&spec->install.location, vd_form_value(f, "location"));
        vd_spec_set(&spec->install.kernel, vd_form_value(f, "kernel"));
        vd_spec_set(&spec->install.initrd, vd_form_value(f, "initrd"));
        vd_spec_set(&spec->install.extra_args, vd_form_value(f, "extra"));
        break;
    case INST_IMPORT:
        spec->install.kind = VD_INSTALL_IMPORT;
        break;
    case INST_PXE:
        spec->install.kind = VD_INSTALL_PXE;
        break;
    default:
        break;
    }
    if (wz_items_spec(w, spec, err, errlen) < 0)
        return -1;
    k = vd_gfx_kind_parse(vd_form_value(f, "gfx"));
    spec->gfx.kind = k < 0 ? VD_GFX_NONE : (vd_gfx_kind)k;
    if (spec->gfx.kind != VD_GFX_NONE) {
        vd_spec_set(&spec->gfx.listen, vd_form_value(f, "listen"));
        vd_spec_set(&spec->gfx.password, vd_form_value(f, "password"));
        k = vd_video_model_parse(vd_form_value(f, "video"));
        spec->gfx.video = k < 0 ? VD_VIDEO_DEFAULT : (vd_video_model)k;
    }
    for (size_t i = 0; i < N(adv_fields); i++) {
        v = adv_value(f, i);
        if (*v && vd_spec_add_devopt(spec, adv_fields[i].kind, v) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    spec->firmware = strcmp(vd_form_value(f, "firmware"), "UEFI") == 0 ? VD_FW_UEFI
                                                                        : VD_FW_BIOS;
    v = vd_form_value(f, "boot");
    if (*v) {
        char buf[64], *save = NULL;

        snprintf(buf, sizeof(buf), "%s", v);
        for (char *t = strtok_r(buf, ",", &save); t && spec->nboot < VD_SPEC_MAX_BOOT;
             t = strtok_r(NULL, ",", &save)) {
            k = vd_boot_dev_parse(t);
            if (k >= 0)
                spec->boot[spec->nboot++] = (vd_boot_dev)k;
        }
    }
    if (vd_form_checked(f, "ci")) {
        char *pool = NULL, *vol = NULL;

        if (vd_cloudinit_attach(spec, &pool, &vol) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if (seed_pool)
            *seed_pool = pool;
        else
            free(pool);
        if (seed_vol)
            *seed_vol = vol;
        else
            free(vol);
    }
    {
        vd_check_msg *msg = vd_check_spec(spec);

        if (msg) {
            snprintf(err, errlen, "%s", msg);
            vd_check_free(msg);
            return -1;
        }
    }
    return 0;
}

/* Build the XML into w->xml (or the reason into w->xml_error). */
static void
build_xml(wizard *w)
{
    vd_domain_spec spec;
    char err[512];
    const char *xerr = NULL;

    free(w->xml);
    free(w->xml_error);
    w->xml = NULL;
    w->xml_error = NULL;
    if (build_spec(w, &spec, NULL, NULL, err, sizeof(err)) < 0) {
        w->xml_error = strdup(err);
    } else if (!(w->xml = vd_domain_xml(&spec, w->facts && w->facts->have_caps
                                        ? &w->facts->caps : NULL, &xerr))) {
        w->xml_error = strdup(xerr ? xerr : "the XML could not be built");
    }
    vd_domain_spec_clear(&spec);
}

/* ---- showing and hiding, defaults ---- */

/* Show the fields the chosen kinds need. */
static void
update_visibility(vd_form *f)
{
    long inst = vd_field_index(vd_form_field(f, "install"));
    bool gfx = strcmp(vd_form_value(f, "gfx"), "none") != 0;
    bool ci = vd_form_checked(f, "ci");

    vd_field_set_hidden(vd_form_field(f, "iso_vol"), inst != INST_VOL);
    vd_field_set_hidden(vd_form_field(f, "iso_path"), inst != INST_PATH);
    vd_field_set_hidden(vd_form_field(f, "location"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "kernel"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "initrd"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "extra"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "listen"), !gfx);
    vd_field_set_hidden(vd_form_field(f, "password"), !gfx);
    vd_field_set_hidden(vd_form_field(f, "video"), !gfx);
    for (size_t i = 0; i < N(ci_ids); i++)
        vd_field_set_hidden(vd_form_field(f, ci_ids[i]), !ci);
    vd_field_set_hidden(vd_form_field(f, "ci_password"),
                        !ci || vd_form_checked(f, "ci_genpw"));
}

/* Set a choice field to value unless the user chose already. */
static void
default_choice(vd_form *f, const char *id, const char *value)
{
    vd_field *fld = vd_form_field(f, id);

    if (fld && !vd_field_touched(fld) && value && *value)
        vd_field_set_value(fld, value);
}

/* The recommendations of the chosen OS variant arrived: they become the
 * defaults of the fields the user has not changed. */
static void
apply_os(wizard *w, const vd_os_choice *c)
{
    vd_form *f = w->form;
    vd_field *fld;

    if (!c->found || !c->short_id || strcmp(c->short_id, vd_form_value(f, "os")) != 0)
        return;                 /* another variant was chosen meanwhile */
    free(w->os_short);
    free(w->os_full);
    w->os_short = strdup(c->short_id);
    w->os_full = c->id ? strdup(c->id) : NULL;
    if (c->memory_mib && (fld = vd_form_field(f, "memory")) && !vd_field_touched(fld))
        vd_field_set_number(fld, (long long)c->memory_mib);
    if (c->vcpus && (fld = vd_form_field(f, "vcpus")) && !vd_field_touched(fld))
        vd_field_set_number(fld, c->vcpus);
    wz_items_apply_os(w, c);
    if (c->uefi_only)
        default_choice(f, "firmware", "UEFI");
    vd_form_message(f, VD_MSG_INFO, "Defaults for %s: %llu MiB, %u vCPU%s, %llu GiB disk",
                    c->short_id, c->memory_mib, c->vcpus, c->vcpus == 1 ? "" : "s",
                    (c->disk_bytes + VD_GIB - 1) / VD_GIB);
}

/* Ask for the recommendations of the chosen variant. */
static void
ask_os(wizard *w)
{
    vd_cmd cmd = { .kind = VD_CMD_OS_RECOMMEND };
    const char *id = vd_form_value(w->form, "os");

    if (!*id || strcmp(id, "generic") == 0 || !(cmd.str = strdup(id)))
        return;
    vd_form_submit_cmd(w->app, w->form, w->host, &cmd);
}

/* See wizard_priv.h. */
void
wz_fill_volumes(wizard *w, vd_field *fld, bool iso, bool with_none)
{
    size_t n = w->facts ? w->facts->nvols : 0, m = 0;
    const char **labels = calloc(n + 1, sizeof(*labels));
    const char **values = calloc(n + 1, sizeof(*values));
    char **own = calloc(2 * n + 2, sizeof(*own));

    if (!fld || !labels || !values || !own)
        goto cleanup;
    if (with_none) {
        labels[m] = "(none)";
        values[m++] = "";
    }
    for (size_t i = 0; i < n; i++) {
        const vd_create_vol *v = &w->facts->vols[i];
        char size[32];

        if (v->iso != iso)
            continue;
        vd_fmt_size(v->capacity, size, sizeof(size));
        if (asprintf(&own[2 * i], "%s/%s  (%s)", v->pool, v->name, size) < 0)
            own[2 * i] = NULL;
        if (asprintf(&own[2 * i + 1], "%s/%s", v->pool, v->name) < 0)
            own[2 * i + 1] = NULL;
        if (!own[2 * i] || !own[2 * i + 1])
            continue;
        labels[m] = own[2 * i];
        values[m++] = own[2 * i + 1];
    }
    vd_field_set_items(fld, labels, values, m);

 cleanup:
    for (size_t i = 0; own && i < 2 * n; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* ---- the review page ---- */

/* The summary shown on the review page. */
static void
fill_review(wizard *w)
{
    vd_form *f = w->form;
    char buf[4096];
    size_t len = 0;
    long inst = vd_field_index(vd_form_field(f, "install"));

#define ADD(...) do { \
        int n_ = snprintf(buf + len, sizeof(buf) - len, __VA_ARGS__); \
        if (n_ > 0 && (size_t)n_ < sizeof(buf) - len) len += (size_t)n_; \
    } while (0)
    buf[0] = '\0';
    ADD("Name:      %s   OS: %s\n", vd_form_value(f, "name"), vd_form_value(f, "os"));
    ADD("CPU:       %lld vCPU%s (%s), %lld MiB memory\n",
        vd_form_number_value(f, "vcpus"),
        vd_form_number_value(f, "vcpus") == 1 ? "" : "s", vd_form_value(f, "cpu"),
        vd_form_number_value(f, "memory"));
    switch (inst) {
    case INST_VOL: ADD("Install:   CD-ROM %s\n", vd_form_value(f, "iso_vol")); break;
    case INST_PATH: ADD("Install:   CD-ROM %s\n", vd_form_value(f, "iso_path")); break;
    case INST_URL: ADD("Install:   from %s\n", vd_form_value(f, "location")); break;
    case INST_IMPORT: ADD("Install:   import the disk\n"); break;
    default: ADD("Install:   PXE\n"); break;
    }
    wz_items_review(w, buf, sizeof(buf), &len);
    ADD("Graphics:  %s%s%s%s\n", vd_form_value(f, "gfx"),
        *vd_form_value(f, "listen") ? " on " : "", vd_form_value(f, "listen"),
        *vd_form_value(f, "password") ? ", with a password" : "");
    ADD("Firmware:  %s, boot: %s\n", vd_form_value(f, "firmware"),
        *vd_form_value(f, "boot") ? vd_form_value(f, "boot") : "default");
    {
        bool any = false;

        for (size_t i = 0; i < N(adv_fields); i++) {
            const char *v = adv_value(f, i);

            if (*v) {
                ADD("%s%s %s", any ? ", " : "Devices:   ", adv_fields[i].kind, v);
                any = true;
            }
        }
        if (any)
            ADD("\n");
    }
    if (vd_form_checked(f, "ci"))
        ADD("Cloud-init: hostname %s, user %s%s%s\n"
            "Seed:      %s-cidata.iso, a CD-ROM\n", *vd_form_value(f, "ci_hostname")
            ? vd_form_value(f, "ci_hostname") : vd_form_value(f, "name"),
            *vd_form_value(f, "ci_user") ? vd_form_value(f, "ci_user") : "root",
            *vd_form_value(f, "ci_key") ? ", SSH key" : "",
            vd_form_checked(f, "ci_genpw") ? ", generated password"
            : *vd_form_value(f, "ci_password") ? ", password" : "",
            vd_form_value(f, "name"));
    build_xml(w);
    if (w->xml)
        ADD("XML:       %zu bytes: Show XML shows it, Save XML writes it to a file",
            strlen(w->xml));
    else
        ADD("Cannot build the XML: %s", w->xml_error ? w->xml_error : "?");
#undef ADD
    vd_field_set_value(vd_form_field(f, "summary"), buf);
}

/* ---- callbacks ---- */

/* See wizard_priv.h. */
void
wz_changed(wizard *w)
{
    vd_form_revalidate(w->form);
}

static void fill_os(wizard *w, const vd_os_list *list);

static void
on_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;
    const char *id = vd_field_id(fld);

    (void)app;
    if (strcmp(id, "os") == 0)
        ask_os(w);
    if (strcmp(id, "name") == 0)
        wz_items_relabel(w);
    update_visibility(f);
    /* Paths are asked about as they are typed (answers are cached). */
    if ((strcmp(id, "iso_path") == 0 ||
         strcmp(id, "kernel") == 0 || strcmp(id, "initrd") == 0) &&
        vd_field_value(fld)[0] == '/')
        wz_ask_path(w, vd_field_value(fld));
}

static void
on_page(vd_app *app, vd_form *f, int page, void *ctx)
{
    (void)app;
    (void)f;
    if (page == vd_form_npages(f) - 1)
        fill_review(ctx);
}

/* data_free for the request. */
static void
request_free(void *p)
{
    vd_create_request_free(p);
}

/* What the worker creates: the spec, and the seed's contents (a
 * generated password is kept in w->password to be shown once). NULL
 * with a message in err. */
static vd_create_request *
make_request(wizard *w, char *err, size_t errlen)
{
    vd_form *f = w->form;
    vd_create_request *req = calloc(1, sizeof(*req));
    char key[4096];

    if (!req) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    memset(w->password, 0, sizeof(w->password));
    if (build_spec(w, &req->spec, &req->seed_pool, &req->seed_volume, err, errlen) < 0)
        goto fail;
    if ((req->seed = vd_form_checked(f, "ci"))) {
        if (read_key(vd_form_value(f, "ci_key"), key, sizeof(key), err, errlen) < 0)
            goto fail;
        if (vd_form_checked(f, "ci_genpw") &&
            vd_cloudinit_password(w->password, 16) < 0) {
            snprintf(err, errlen, "no random bytes for a password");
            goto fail;
        }
        if (vd_spec_set(&req->hostname, vd_form_value(f, "ci_hostname")) < 0 ||
            vd_spec_set(&req->user, vd_form_value(f, "ci_user")) < 0 ||
            vd_spec_set(&req->ssh_key, key) < 0 ||
            vd_spec_set(&req->password, w->password[0] ? w->password
                        : vd_form_value(f, "ci_password")) < 0) {
            snprintf(err, errlen, "out of memory");
            goto fail;
        }
    }
    return req;

 fail:
    vd_create_request_free(req);
    return NULL;
}

/* Save the XML to the file typed in the prompt (ctx: the form's view,
 * which may have closed meanwhile). */
static void
save_to(vd_app *app, const char *path, void *ctx)
{
    vd_view *v = ctx;
    vd_form *f;
    wizard *w;
    int fd;
    size_t len;

    if (!path || !vd_view_alive(app, v) || !(f = vd_form_of(v)))
        return;
    w = vd_form_ctx(f);
    if (!w->xml) {
        vd_form_message(f, VD_MSG_ERROR, "no XML to save");
        return;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        vd_form_message(f, VD_MSG_ERROR, "cannot write %s: %s", path,
                        strerror(errno));
        return;
    }
    len = strlen(w->xml);
    if (write(fd, w->xml, len) != (ssize_t)len || close(fd) < 0) {
        vd_form_message(f, VD_MSG_ERROR, "cannot write %s: %s", path,
                        strerror(errno));
        unlink(path);
        return;
    }
    vd_form_message(f, VD_MSG_OK, "Saved the XML to %s", path);
}

static void
on_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    wizard *w = ctx;
    vd_cmd cmd = { .kind = VD_CMD_DOM_CREATE };
    vd_create_request *req;
    char def[512], err[512];

    fill_review(w);
    if (!w->xml) {
        vd_form_message(f, VD_MSG_ERROR, "Cannot build the XML: %s",
                        w->xml_error ? w->xml_error : "?");
        return;
    }
    if (button && strcmp(button, "xml") == 0) {
        vd_textview_show(app, "Domain XML (Esc returns to the review)", w->xml);
        return;
    }
    if (button && strcmp(button, "save") == 0) {
        snprintf(def, sizeof(def), "%s.xml", vd_form_value(f, "name"));
        vd_dialog_prompt(app, "Save the XML", "File (created; an existing "
                         "file is not overwritten):", def, false, NULL, save_to,
                         vd_form_view(f));
        return;
    }
    w->start = button && strcmp(button, "start") == 0;
    if (!(req = make_request(w, err, sizeof(err)))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", err);
        return;
    }
    if (!(cmd.str = strdup(w->xml))) {
        request_free(req);
        return;
    }
    cmd.data = req;
    cmd.data_free = request_free;
    cmd.flags = w->start ? VD_CMD_CREATE_START : 0;
    if (vd_form_submit_cmd(app, f, w->host, &cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "%s %s%s", w->start ? "Creating and starting"
                        : "Creating", vd_form_value(f, "name"),
                        vd_draw_utf8() ? "\u2026" : "...");
    } else {
        vd_form_message(f, VD_MSG_ERROR, "%s", app->msg);
    }
}

static void
on_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    wizard *w = ctx;

    switch (res->kind) {
    case VD_CMD_CREATE_FACTS:
        if (res->ok && res->data) {
            vd_create_facts_free(w->facts);
            w->facts = res->data;
            res->data = NULL;
            wz_fill_volumes(w, vd_form_field(f, "iso_vol"), true, false);
            wz_items_refresh(w);
        } else {
            w->facts_failed = true;
            vd_form_message(f, VD_MSG_ERROR, "cannot read the host's facts: %s",
                            res->message ? res->message : "?");
        }
        vd_form_revalidate(f);
        return;
    case VD_CMD_OS_LIST:
        fill_os(w, res->data);
        vd_form_revalidate(f);
        return;
    case VD_CMD_OS_RECOMMEND:
        if (res->data)
            apply_os(w, res->data);
        vd_form_revalidate(f);
        return;
    case VD_CMD_PATH_EXISTS:
        for (size_t i = 0; i < w->npaths; i++)
            if (res->message && strcmp(w->paths[i].path, res->message) == 0)
                w->paths[i].answer = res->ok && res->text ? res->text[0] : '?';
        vd_form_revalidate(f);
        if (w->sub)
            vd_form_revalidate(w->sub);
        return;
    case VD_CMD_NODEDEV_LIST:
        if (res->ok && res->data) {
            vd_nodedev_list_free(w->nodedevs);
            w->nodedevs = res->data;
            res->data = NULL;
        } else {
            free(w->nodedev_error);
            w->nodedev_error = strdup(res->message ? res->message
                                      : "cannot list the host's devices");
        }
        wz_items_relabel(w);
        wz_items_refresh(w);
        return;
    case VD_CMD_DOM_CREATE:
        vd_form_set_busy(f, false);
        if (!res->ok) {
            /* The form stays with everything typed; the daemon's words
             * go on the review page. */
            vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message
                                                                : "create failed");
            return;
        }
        vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "created");
        if (w->password[0]) {
            char text[512];

            /* shown this once; the wizard keeps it nowhere (the form and
             * w are freed when it closes) */
            snprintf(text, sizeof(text), "The generated password of %s on %s:\n\n"
                     "    %s\n\nIt is shown only now: note it.",
                     *vd_form_value(f, "ci_user") ? vd_form_value(f, "ci_user") : "root",
                     vd_form_value(f, "name"), w->password);
            memset(w->password, 0, sizeof(w->password));
            vd_form_close(app, f);
            vd_dialog_message(app, "Cloud-init password", text);
            memset(text, 0, sizeof(text));
            return;
        }
        vd_form_close(app, f);
        return;
    default:
        break;
    }
}

/* Free the wizard (the form's ctx). */
static void
wizard_free(void *ctx)
{
    wizard *w = ctx;

    vd_create_facts_free(w->facts);
    wz_items_free(w);
    memset(w->password, 0, sizeof(w->password));
    for (size_t i = 0; i < w->npaths; i++)
        free(w->paths[i].path);
    free(w->xml);
    free(w->xml_error);
    free(w->os_short);
    free(w->os_full);
    free(w);
}

/* ---- building the form ---- */

/* The OS variants for the list: "generic" first, then libosinfo's
 * (list NULL: only generic, while the list is on its way). */
static void
fill_os(wizard *w, const vd_os_list *list)
{
    vd_field *fld = vd_form_field(w->form, "os");
    size_t n = list ? list->n : 0, m = 1;
    const char **labels = calloc(n + 1, sizeof(*labels));
    const char **values = calloc(n + 1, sizeof(*values));
    char **own = calloc(n + 1, sizeof(*own));

    if (!labels || !values || !own)
        goto cleanup;
    labels[0] = "Generic (not listed)";
    values[0] = "generic";
    for (size_t i = 0; i < n; i++) {
        const vd_os_variant *v = &list->vars[i];

        if (!v->short_id)
            continue;
        if (asprintf(&own[m], "%s (%s)", v->name ? v->name : "", v->short_id) < 0) {
            own[m] = NULL;
            continue;
        }
        labels[m] = own[m];
        values[m++] = v->short_id;
    }
    vd_field_set_items(fld, labels, values, m);
    if (list) {
        w->os_loaded = true;
        vd_field_set_help(fld, list->error ? list->error
                          : "Type to search; it sets the recommended memory, "
                            "CPUs, disk and NIC");
    }

 cleanup:
    for (size_t i = 0; own && i < m; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* The items of a choice field being filled: labels the field shows
 * (own[i] when made here), the values it gives. */
typedef struct wz_choices {
    size_t n;
    const char **labels;
    const char **values;
    char **own;
} wz_choices;

/* Room for n items; false when out of memory (c freed). */
static bool
choices_new(wz_choices *c, size_t n)
{
    c->n = n;
    c->labels = calloc(n ? n : 1, sizeof(*c->labels));
    c->values = calloc(n ? n : 1, sizeof(*c->values));
    c->own = calloc(n ? n : 1, sizeof(*c->own));
    return c->labels && c->values && c->own;
}

/* Item i: label made from fmt (own), value. */
static void
choices_item(wz_choices *c, size_t i, const char *value, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(&c->own[i], fmt, ap) < 0)
        c->own[i] = NULL;
    va_end(ap);
    c->labels[i] = c->own[i] ? c->own[i] : "?";
    c->values[i] = value ? value : "";
}

/* Give fld the items (with item pick chosen, when any) and free c.
 * ok: choices_new() succeeded. */
static void
choices_set(wz_choices *c, bool ok, vd_field *fld, size_t pick)
{
    if (ok) {
        vd_field_set_items(fld, c->labels, c->values, c->n);
        if (c->n)
            vd_field_set_value(fld, c->values[pick]);
    }
    for (size_t i = 0; c->own && i < c->n; i++)
        free(c->own[i]);
    free(c->own);
    free(c->labels);
    free(c->values);
}

/* See wizard_priv.h: a choice over the snapshot's pools (the first
 * running one chosen). */
void
wz_fill_pools(wizard *w, vd_field *fld)
{
    const vd_snapshot *s = wz_snap(w);
    wz_choices c;
    size_t pick = 0;
    bool found = false, ok = choices_new(&c, s ? s->npools : 0);

    for (size_t i = 0; ok && i < c.n; i++) {
        const vd_pool *p = &s->pools[i];
        char free_s[32];

        vd_fmt_size(p->available, free_s, sizeof(free_s));
        choices_item(&c, i, p->name, "%s (%s free%s)", p->name ? p->name : "?",
                     free_s, p->state == VD_POOL_RUNNING ? "" : ", inactive");
        if (!found && p->state == VD_POOL_RUNNING) {
            pick = i;
            found = true;
        }
    }
    choices_set(&c, ok, fld, pick);
}

/* See wizard_priv.h: a choice over the snapshot's networks (the first
 * active one chosen). */
void
wz_fill_networks(wizard *w, vd_field *fld)
{
    const vd_snapshot *s = wz_snap(w);
    wz_choices c;
    size_t pick = 0;
    bool found = false, ok = choices_new(&c, s ? s->nnetworks : 0);

    for (size_t i = 0; ok && i < c.n; i++) {
        const vd_network *net = &s->networks[i];

        choices_item(&c, i, net->name, "%s%s", net->name ? net->name : "?",
                     net->active ? "" : " (inactive)");
        if (!found && net->active) {
            pick = i;
            found = true;
        }
    }
    choices_set(&c, ok, fld, pick);
}

/* Open the wizard for host index hi. */
void
vd_wizard_open(vd_app *app, size_t hi)
{
    wizard *w;
    vd_form *f;
    vd_field *fld;
    vd_cmd cmd = { .kind = VD_CMD_CREATE_FACTS };
    const vd_snapshot *s = hi < app->nhosts ? app->hosts[hi].snap : NULL;

    if (!s || s->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "%s is not connected: cannot create "
                       "a machine there", s ? s->label : "no host");
        return;
    }
    if (s->partial) {           /* its checks need the lists */
        vd_app_message(app, VD_MSG_ERROR, "%s: still reading the host's "
                       "networks and pools; try again in a moment", s->label);
        return;
    }
    if (s->readonly) {
        vd_app_message(app, VD_MSG_ERROR, "read-only connection: create refused");
        return;
    }
    if (!(w = calloc(1, sizeof(*w))) || !(f = vd_form_new("New virtual machine"))) {
        free(w);
        return;
    }
    w->app = app;
    w->host = hi;
    w->form = f;
    vd_form_set_ctx(f, w, wizard_free);
    vd_form_set_esc_back(f, true);

    vd_form_page(f, "Name and OS");
    fld = vd_form_text(f, "name", "Name", "");
    vd_field_validate(fld, v_name, w);
    fld = vd_form_list(f, "os", "OS variant", 6);
    fill_os(w, NULL);
    vd_field_set_value(fld, "generic");
    vd_field_validate(fld, v_os, w);
    vd_field_set_help(fld, "Reading libosinfo's OS variants...");

    vd_form_page(f, "Install source");
    vd_form_choice(f, "install", "Install from", inst_labels, NULL, N(inst_labels),
                   INST_VOL);
    fld = vd_form_list(f, "iso_vol", "ISO volume", 6);
    vd_field_validate(fld, wz_v_volume, w);
    fld = vd_form_text(f, "iso_path", "ISO path", "");
    vd_field_validate(fld, wz_v_path, w);
    vd_field_set_help(fld, "An ISO file on the host, e.g. /var/lib/libvirt/images/x.iso");
    fld = vd_form_text(f, "location", "Location", "");
    vd_field_validate(fld, v_location, w);
    vd_field_set_help(fld, "An install tree: http(s)/ftp URL or a directory on the host");
    fld = vd_form_text(f, "kernel", "Kernel", "");
    vd_field_validate(fld, v_boot_file, w);
    vd_field_set_help(fld, "The installer's kernel: a file on the host, not a URL");
    fld = vd_form_text(f, "initrd", "Initrd", "");
    vd_field_validate(fld, v_boot_file, w);
    vd_field_set_help(fld, "The installer's initrd: a file on the host, not a URL");
    vd_form_text(f, "extra", "Kernel arguments", "");

    vd_form_page(f, "CPU and memory");
    fld = vd_form_number(f, "vcpus", "vCPUs", 1, NULL);
    vd_field_validate(fld, v_vcpus, w);
    vd_form_choice(f, "cpu", "CPU mode", cpu_labels, cpu_values, N(cpu_labels), 0);
    fld = vd_form_number(f, "memory", "Memory", 1024, "MiB");
    vd_field_validate(fld, v_memory, w);

    vd_form_page(f, "Storage");
    wz_items_page(w, WZ_DISKS);

    vd_form_page(f, "Network");
    wz_items_page(w, WZ_NICS);

    vd_form_page(f, "Graphics");
    vd_form_choice(f, "gfx", "Display", gfx_labels, gfx_values, N(gfx_labels), 0);
    fld = vd_form_text(f, "listen", "Listen address", "127.0.0.1");
    vd_field_validate(fld, v_listen, w);
    fld = vd_form_password(f, "password", "Password", "");
    vd_field_validate(fld, v_password, w);
    vd_field_set_help(fld, "Optional; at most 8 characters for VNC");
    vd_form_choice(f, "video", "Video", video_labels, NULL, N(video_labels), 0);

    vd_form_page(f, "Firmware and boot");
    fld = vd_form_choice(f, "firmware", "Firmware", fw_labels, NULL, N(fw_labels), 0);
    vd_field_validate(fld, v_firmware, w);
    vd_form_choice(f, "boot", "Boot order", boot_labels, boot_values,
                   N(boot_labels), 0);

    vd_form_page(f, "Advanced");
    for (size_t i = 0; i < N(adv_fields); i++) {
        char id[32];

        fld = vd_form_text(f, adv_id(i, id, sizeof(id)), adv_fields[i].label, "");
        vd_field_validate(fld, v_devopt, w);
        vd_field_set_help(fld, adv_fields[i].help);
    }

    vd_form_page(f, "Host devices");
    wz_items_page(w, WZ_HOSTDEVS);

    vd_form_page(f, "Cloud-init");
    vd_form_check(f, "ci", "Use cloud-init", false);
    for (size_t i = 0; i < N(ci_fields); i++) {
        fld = ci_fields[i].password ? vd_form_password(f, ci_fields[i].id,
                                                       ci_fields[i].label, "")
                                    : vd_form_text(f, ci_fields[i].id,
                                                   ci_fields[i].label, "");
        vd_field_validate(fld, ci_fields[i].check, w);
        vd_field_set_help(fld, ci_fields[i].help);
        if (i == 2)
            vd_form_check(f, "ci_genpw", "Generate a password", false);
    }

    vd_form_page(f, "Review");
    vd_form_label(f, "summary", NULL, "");
    vd_form_button(f, "create", "Create");
    vd_form_button(f, "start", "Create and start");
    vd_form_button(f, "xml", "Show XML");
    vd_form_button(f, "save", "Save XML");

    vd_form_on_change(f, on_change);
    vd_form_on_page(f, on_page);
    vd_form_on_submit(f, on_submit);
    vd_form_on_result(f, on_result);
    wz_items_defaults(w);
    update_visibility(f);
    if (!vd_form_show(app, f))
        return;
    vd_form_submit_cmd(app, f, hi, &cmd);
    cmd = (vd_cmd){ .kind = VD_CMD_NODEDEV_LIST };
    vd_form_submit_cmd(app, f, hi, &cmd);
    cmd = (vd_cmd){ .kind = VD_CMD_OS_LIST };
    vd_form_submit_cmd(app, f, hi, &cmd);
}

/* Key handler: the wizard for the selected host. */
void
vd_act_create(vd_app *app, const vd_binding *b)
{
    /* its checks need the host's networks and pools */
    if (vd_app_defer_key(app, app->host_sel.cursor, b, "the new machine wizard"))
        return;
    vd_wizard_open(app, app->host_sel.cursor);
}
