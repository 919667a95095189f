/*
 * devopts.c: the further devices of a new domain ("KIND:VALUE" strings
 * in virt-install's syntax): their checks and their XML.
 *
 * A value is split at ',' into KEY=VALUE parts; a first part without
 * '=' is the kind's main key (the model of a sound card, the type of a
 * serial port...). virt-install's older spellings of keys
 * (target_type, source_mode, ...) are read as the dotted ones.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/devopts.h"
#include "core/xml_devopts.h"

#define MAX_PARTS 16

/* How the value of a key is checked. */
typedef enum {
    V_WORDS,        /* one of the '|'-separated words in arg */
    V_TEXT,         /* any text without control characters */
    V_PATH,         /* an absolute path */
    V_UINT,         /* an unsigned number, at most arg's value */
    V_BOOL,         /* on/off/yes/no */
    V_HOSTPORT,     /* HOST:PORT */
} val_kind;

/* A key a kind accepts. */
typedef struct key_rule {
    const char *key;
    val_kind kind;
    const char *arg;
} key_rule;

/* A kind: its main key and the keys it takes. */
typedef struct kind_rule {
    const char *kind;
    const char *main_key;       /* key of a first part without '=' */
    key_rule keys[10];
} kind_rule;

#define USB_MODELS "qemu-xhci|nec-xhci|ich9-ehci1|ich9-uhci1|ich9-uhci2|" \
                   "ich9-uhci3|piix3-uhci|piix4-uhci|none|default"
#define ON_OFF "on|off|yes|no"

static const kind_rule kinds[] = {
    { "memballoon", "model", {
        { "model", V_WORDS, "virtio|virtio-transitional|virtio-non-transitional|none" },
    } },
    { "clock", "offset", {
        { "offset", V_WORDS, "utc|localtime" },
    } },
    { "controller", "type", {
        { "type", V_WORDS, "usb|usb2|usb3|scsi|virtio-scsi|sata|virtio-serial" },
        { "model", V_WORDS, USB_MODELS "|virtio-scsi|lsilogic|lsisas1068|virtio" },
        { "index", V_UINT, "255" },
        { "ports", V_UINT, "15" },
    } },
    { "sound", "model", {
        { "model", V_WORDS, "ich9|ich6|ich7|ac97|es1370|sb16|usb|default|none" },
    } },
    { "rng", "type", {
        { "type", V_WORDS, "random|builtin|none" },
        { "device", V_PATH, NULL },
        { "model", V_WORDS, "virtio|virtio-transitional|virtio-non-transitional" },
    } },
    { "tpm", "type", {
        { "type", V_WORDS, "emulator|none" },
        { "model", V_WORDS, "tpm-crb|tpm-tis" },
        { "version", V_WORDS, "1.2|2.0" },
    } },
    { "watchdog", "model", {
        { "model", V_WORDS, "i6300esb|ib700|diag288|itco|default|none" },
        { "action", V_WORDS, "reset|shutdown|poweroff|pause|none|dump|inject-nmi" },
    } },
    { "serial", "type", {
        { "type", V_WORDS, "pty|file|unix|tcp|null|none" },
        { "path", V_PATH, NULL },
        { "mode", V_WORDS, "bind|connect" },
        { "host", V_HOSTPORT, NULL },
        { "target.type", V_WORDS, "isa-serial|usb-serial|pci-serial|system-serial" },
    } },
    { "console", "type", {
        { "type", V_WORDS, "pty|file|unix|tcp|null|none" },
        { "path", V_PATH, NULL },
        { "mode", V_WORDS, "bind|connect" },
        { "host", V_HOSTPORT, NULL },
        { "target.type", V_WORDS, "serial|virtio" },
    } },
    { "channel", "type", {
        { "type", V_WORDS, "unix|pty|spicevmc|none" },
        { "path", V_PATH, NULL },
        { "mode", V_WORDS, "bind|connect" },
        { "target.type", V_WORDS, "virtio" },
        { "name", V_TEXT, NULL },
    } },
    { "filesystem", "source", {
        { "source", V_PATH, NULL },
        { "target", V_TEXT, NULL },
        { "driver.type", V_WORDS, "virtiofs|path" },
        { "accessmode", V_WORDS, "passthrough|mapped|squash" },
        { "readonly", V_BOOL, ON_OFF },
    } },
    { "memorybacking", NULL, {
        { "hugepages", V_BOOL, ON_OFF },
        { "nosharepages", V_BOOL, ON_OFF },
        { "locked", V_BOOL, ON_OFF },
        { "source.type", V_WORDS, "memfd|file|anonymous" },
        { "access.mode", V_WORDS, "shared|private" },
    } },
    { "hostdev", "device", {
        { "device", V_TEXT, NULL },
    } },
    { "input", "type", {
        { "type", V_WORDS, "tablet|mouse|keyboard|none" },
        { "bus", V_WORDS, "usb|ps2|virtio" },
    } },
};

/* virt-install's older spellings and the dotted keys they mean. */
static const char *const key_aliases[][2] = {
    { "target_type", "target.type" },
    { "target_name", "name" },
    { "target.name", "name" },
    { "source_mode", "mode" },
    { "source.mode", "mode" },
    { "source_path", "path" },
    { "source.path", "path" },
    { "source_host", "host" },
    { "source.host", "host" },
    { "source.dir", "source" },
    { "target.dir", "target" },
    { "model.type", "model" },
    { "backend_type", "type" },
    { "backend.type", "type" },
    { "backend_model", "type" },
    { "backend.model", "type" },
    { "backend_version", "version" },
    { "backend.version", "version" },
    { "driver", "driver.type" },
    { "driver_type", "driver.type" },
    { "source_type", "source.type" },
    { "access_mode", "access.mode" },
};

/* A parsed value: its parts, keys already in canonical spelling. */
typedef struct devopt {
    const kind_rule *rule;
    char *buf;
    const char *keys[MAX_PARTS];
    const char *vals[MAX_PARTS];
    int n;
} devopt;

/* The rule for kind, or NULL. */
static const kind_rule *
find_kind(const char *kind)
{
    size_t i;

    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (strcmp(kinds[i].kind, kind) == 0)
            return &kinds[i];
    }
    return NULL;
}

/* The canonical spelling of key. */
static const char *
canon_key(const char *key)
{
    size_t i;

    for (i = 0; i < sizeof(key_aliases) / sizeof(key_aliases[0]); i++) {
        if (strcmp(key_aliases[i][0], key) == 0)
            return key_aliases[i][1];
    }
    return key;
}

/* The rule of key in r, or NULL. */
static const key_rule *
find_key(const kind_rule *r, const char *key)
{
    size_t i;

    for (i = 0; i < sizeof(r->keys) / sizeof(r->keys[0]) && r->keys[i].key; i++) {
        if (strcmp(r->keys[i].key, key) == 0)
            return &r->keys[i];
    }
    return NULL;
}

/* Whether word is one of the '|'-separated words. */
static bool
in_words(const char *words, const char *word)
{
    size_t len = strlen(word);
    const char *p = words;

    while (p && *p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, word, n) == 0)
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

/* Check one value against its key's rule. */
static vd_check_msg *
check_value(const char *kind, const key_rule *k, const char *val)
{
    const unsigned char *p;
    unsigned long long num;
    char *end;

    for (p = (const unsigned char *)val; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return vd_check_msgf("--%s: %s may not contain control characters", kind, k->key);
    }
    switch (k->kind) {
    case V_WORDS:
    case V_BOOL:
        if (!in_words(k->arg, val))
            return vd_check_msgf("--%s: '%s' is not a valid %s (%s)", kind, val, k->key,
                        k->arg);
        return NULL;
    case V_PATH:
        if (val[0] != '/')
            return vd_check_msgf("--%s: %s '%s' is not an absolute path", kind, k->key, val);
        return NULL;
    case V_UINT:
        num = strtoull(val, &end, 10);
        if (!*val || *end || val[0] == '-' || num > strtoull(k->arg, NULL, 10))
            return vd_check_msgf("--%s: %s '%s' is not a number from 0 to %s", kind,
                        k->key, val, k->arg);
        return NULL;
    case V_HOSTPORT: {
        const char *colon = strrchr(val, ':');
        if (!colon || colon == val || !colon[1] ||
            strtoull(colon + 1, &end, 10) > 65535 || *end)
            return vd_check_msgf("--%s: %s '%s' is not HOST:PORT", kind, k->key, val);
        return NULL;
    }
    case V_TEXT:
    default:
        if (!*val)
            return vd_check_msgf("--%s: %s is empty", kind, k->key);
        return NULL;
    }
}

/* Parse and check kind:value into d (free d->buf after). NULL or the
 * first problem. */
static vd_check_msg *
parse(const char *kind, const char *value, devopt *d)
{
    const kind_rule *r = find_kind(kind);
    char *part, *save = NULL;
    vd_check_msg *m;
    int positional = 0;

    memset(d, 0, sizeof(*d));
    if (!r)
        return vd_check_msgf("--%s is not a device option virtdeck knows", kind);
    d->rule = r;
    if (!value || !*value)
        return vd_check_msgf("--%s needs a value", kind);
    if (!(d->buf = strdup(value)))
        return vd_check_msgf("out of memory");
    for (part = strtok_r(d->buf, ",", &save); part;
         part = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(part, '=');
        const char *key;
        const key_rule *k;
        int i;

        if (d->n == MAX_PARTS)
            return vd_check_msgf("--%s: too many options", kind);
        if (!eq) {
            /* "--filesystem /src,tag": source then target */
            if (positional == 0 && r->main_key)
                key = r->main_key;
            else if (positional == 1 && strcmp(kind, "filesystem") == 0)
                key = "target";
            else
                return vd_check_msgf("--%s: '%s' needs a value (%s=...)", kind, part, part);
            positional++;
            /* "--rng /dev/urandom": the device of a random backend */
            if (strcmp(kind, "rng") == 0 && part[0] == '/') {
                d->keys[d->n] = "type";
                d->vals[d->n++] = "random";
                key = "device";
            }
            /* controller and tpm shortcuts */
            if (strcmp(kind, "tpm") == 0 && part[0] == '/')
                return vd_check_msgf("--tpm: only an emulated TPM is supported "
                            "(--tpm emulator), not a host device");
            d->keys[d->n] = key;
            d->vals[d->n++] = part;
        } else {
            *eq = '\0';
            key = canon_key(part);
            d->keys[d->n] = key;
            d->vals[d->n++] = eq + 1;
        }
        if (!(k = find_key(r, key)))
            return vd_check_msgf("--%s: unknown option '%s'", kind, key);
        for (i = 0; i < d->n - 1; i++) {
            if (strcmp(d->keys[i], key) == 0 && !(strcmp(kind, "rng") == 0 &&
                                                 strcmp(key, "type") == 0))
                return vd_check_msgf("--%s: %s given twice", kind, key);
        }
        if ((m = check_value(kind, k, d->vals[d->n - 1])))
            return m;
    }
    if (d->n == 0)
        return vd_check_msgf("--%s needs a value", kind);
    return NULL;
}

/* The value of key in d, or NULL. */
static const char *
get(const devopt *d, const char *key)
{
    int i;

    for (i = d->n - 1; i >= 0; i--) {
        if (strcmp(d->keys[i], key) == 0)
            return d->vals[i];
    }
    return NULL;
}

/* Whether key is given as on/yes. */
static bool
get_bool(const devopt *d, const char *key)
{
    const char *v = get(d, key);

    return v && (strcmp(v, "on") == 0 || strcmp(v, "yes") == 0);
}

/* Whether key's value is word. */
static bool
is(const devopt *d, const char *key, const char *word)
{
    const char *v = get(d, key);

    return v && strcmp(v, word) == 0;
}

/* Kind-specific checks beyond the keys' own. */
static vd_check_msg *
check_kind(const char *kind, const devopt *d)
{
    if (strcmp(kind, "filesystem") == 0) {
        if (!get(d, "source"))
            return vd_check_msgf("--filesystem: give the host directory (source=/DIR)");
        if (!get(d, "target"))
            return vd_check_msgf("--filesystem: give the mount tag (target=TAG)");
    } else if (strcmp(kind, "rng") == 0) {
        if (is(d, "type", "random") && !get(d, "device"))
            return vd_check_msgf("--rng: a random backend needs device=/dev/urandom "
                        "or /dev/random");
        if (get(d, "device") && !is(d, "type", "random"))
            return vd_check_msgf("--rng: device= goes with type=random");
    } else if (strcmp(kind, "serial") == 0 || strcmp(kind, "console") == 0 ||
               strcmp(kind, "channel") == 0) {
        const char *type = get(d, "type");
        if (!type)
            return vd_check_msgf("--%s: give a type (pty, unix, ...)", kind);
        if (strcmp(type, "file") == 0 && !get(d, "path"))
            return vd_check_msgf("--%s: a file needs path=/FILE", kind);
        if (strcmp(type, "tcp") == 0 && !get(d, "host"))
            return vd_check_msgf("--%s: tcp needs host=HOST:PORT", kind);
        if (strcmp(kind, "channel") == 0 && strcmp(type, "unix") == 0 &&
            !get(d, "name"))
            return vd_check_msgf("--channel: a unix channel needs name=NAME "
                        "(org.qemu.guest_agent.0 for the guest agent)");
    } else if (strcmp(kind, "controller") == 0) {
        if (!get(d, "type"))
            return vd_check_msgf("--controller: give a type (usb, scsi, virtio-serial, ...)");
    } else if (strcmp(kind, "hostdev") == 0) {
        const char *v = get(d, "device");
        unsigned int a, b, c, e;
        char tail;
        if (sscanf(v, "%x:%x:%x.%x%c", &a, &b, &c, &e, &tail) == 4 ||
            sscanf(v, "%x:%x.%x%c", &b, &c, &e, &tail) == 3 ||
            sscanf(v, "pci_%x_%x_%x_%x%c", &a, &b, &c, &e, &tail) == 4 ||
            sscanf(v, "0x%x:0x%x%c", &a, &b, &tail) == 2 ||
            sscanf(v, "%u.%u%c", &a, &b, &tail) == 2 ||
            strncmp(v, "usb_", 4) == 0)
            return NULL;
        return vd_check_msgf("--host-device: '%s' is not a node device name "
                    "(pci_0000_00_19_0), a PCI address (0000:00:19.0), a USB "
                    "VENDOR:PRODUCT (0x1d6b:0x0002) or a USB BUS.DEVICE (001.003)", v);
    }
    return NULL;
}

/* See devopts.h. */
bool
vd_devopt_kind_known(const char *kind)
{
    return kind && find_kind(kind) != NULL;
}

/* See devopts.h. */
vd_check_msg *
vd_check_devopt(const char *kind, const char *value)
{
    devopt d;
    vd_check_msg *m = parse(kind, value, &d);

    if (!m)
        m = check_kind(kind, &d);
    free(d.buf);
    if (m && strncmp(m, "--hostdev", 9) == 0) {
        vd_check_msg *n = vd_check_msgf("--host-device%s", m + 9);
        vd_check_free(m);
        m = n;
    }
    return m;
}

/* The kind of a "KIND:VALUE" string in kind (at most len bytes). */
static bool
opt_kind(const char *opt, const char *kind)
{
    size_t n = strlen(kind);

    return strncmp(opt, kind, n) == 0 && opt[n] == ':';
}

/* See devopts.h. */
bool
vd_spec_has_devopt(const vd_domain_spec *spec, const char *kind)
{
    size_t i;

    for (i = 0; i < spec->n_devopts; i++) {
        if (opt_kind(spec->devopts[i], kind))
            return true;
    }
    return false;
}

/* See devopts.h. */
bool
vd_spec_has_boot_orders(const vd_domain_spec *spec)
{
    size_t i;

    if (spec->disk.boot_order || spec->net.boot_order)
        return true;
    for (i = 0; i < spec->n_more_disks; i++) {
        if (spec->more_disks[i].boot_order)
            return true;
    }
    for (i = 0; i < spec->n_more_nets; i++) {
        if (spec->more_nets[i].boot_order)
            return true;
    }
    return false;
}

/* ---- XML ------------------------------------------------------------ */

/* The first child of parent called name, or NULL. */
static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
    xmlNodePtr n;

    for (n = parent ? parent->children : NULL; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    }
    return NULL;
}

/* The <memoryBacking> element of root, made on first use. */
static xmlNodePtr
memory_backing(vd_xb *xb, xmlNodePtr root)
{
    xmlNodePtr mb = child(root, "memoryBacking");

    return mb ? mb : vd_xb_el(xb, root, "memoryBacking");
}

/* A child of mb called name with attribute attr=val, unless there is one. */
static void
mb_setting(vd_xb *xb, xmlNodePtr mb, const char *name, const char *attr,
           const char *val)
{
    xmlNodePtr n = child(mb, name);

    if (!n)
        n = vd_xb_el(xb, mb, name);
    if (n && attr && !xb->failed && !xmlSetProp(n, BAD_CAST attr, BAD_CAST val))
        xb->failed = true;
}

/* A <source> (and <protocol>) of a character device. */
static void
chardev_source(vd_xb *xb, xmlNodePtr dev, const devopt *d, const char *type)
{
    xmlNodePtr src;

    if (strcmp(type, "file") == 0) {
        src = vd_xb_el(xb, dev, "source");
        vd_xb_attr(xb, src, "path", get(d, "path"));
    } else if (strcmp(type, "unix") == 0 && get(d, "path")) {
        src = vd_xb_el(xb, dev, "source");
        vd_xb_attr(xb, src, "mode", get(d, "mode") ? get(d, "mode") : "bind");
        vd_xb_attr(xb, src, "path", get(d, "path"));
    } else if (strcmp(type, "tcp") == 0) {
        const char *hp = get(d, "host");
        const char *colon = strrchr(hp, ':');
        char *host = strndup(hp, (size_t)(colon - hp));
        xmlNodePtr proto;

        src = vd_xb_el(xb, dev, "source");
        vd_xb_attr(xb, src, "mode", get(d, "mode") ? get(d, "mode") : "bind");
        vd_xb_attr(xb, src, "host", host);
        vd_xb_attr(xb, src, "service", colon + 1);
        proto = vd_xb_el(xb, dev, "protocol");
        vd_xb_attr(xb, proto, "type", "raw");
        if (!host)
            xb->failed = true;
        free(host);
    }
}

/* A serial port, console or channel. */
static void
add_chardev(vd_xb *xb, xmlNodePtr devices, const char *kind, const devopt *d,
            const vd_domain_spec *spec)
{
    const char *type = get(d, "type");
    xmlNodePtr dev, tgt;

    if (strcmp(type, "none") == 0)
        return;
    if (strcmp(kind, "channel") == 0 && strcmp(type, "spicevmc") == 0 &&
        spec->gfx.kind == VD_GFX_SPICE)
        return;                 /* the SPICE display has added it */
    dev = vd_xb_el(xb, devices, kind);
    vd_xb_attr(xb, dev, "type", type);
    chardev_source(xb, dev, d, type);
    if (strcmp(type, "unix") == 0 && !get(d, "path")) {
        xmlNodePtr src = vd_xb_el(xb, dev, "source");
        vd_xb_attr(xb, src, "mode", "bind");    /* libvirt picks the path */
    }
    if (strcmp(kind, "channel") == 0) {
        tgt = vd_xb_el(xb, dev, "target");
        vd_xb_attr(xb, tgt, "type", "virtio");
        vd_xb_attr(xb, tgt, "name", get(d, "name") ? get(d, "name")
                   : strcmp(type, "spicevmc") == 0 ? "com.redhat.spice.0"
                   : "org.qemu.guest_agent.0");
    } else if (get(d, "target.type")) {
        tgt = vd_xb_el(xb, dev, "target");
        vd_xb_attr(xb, tgt, "type", get(d, "target.type"));
    }
}

/* A USB controller of model (with the ports usb3 gets). */
static xmlNodePtr
usb_controller(vd_xb *xb, xmlNodePtr devices, const char *model,
               const char *index)
{
    xmlNodePtr c = vd_xb_el(xb, devices, "controller");

    vd_xb_attr(xb, c, "type", "usb");
    vd_xb_attr(xb, c, "index", index ? index : "0");
    vd_xb_attr(xb, c, "model", model);
    return c;
}

/* --controller. */
static void
add_controller(vd_xb *xb, xmlNodePtr devices, const devopt *d)
{
    const char *type = get(d, "type"), *model = get(d, "model");
    const char *index = get(d, "index");
    xmlNodePtr c;

    if (strcmp(type, "usb2") == 0) {
        static const char *const uhci[] = { "ich9-uhci1", "ich9-uhci2", "ich9-uhci3" };
        static const char *const start[] = { "0", "2", "4" };
        size_t i;

        usb_controller(xb, devices, "ich9-ehci1", index);
        for (i = 0; i < 3; i++) {
            c = usb_controller(xb, devices, uhci[i], index);
            c = vd_xb_el(xb, c, "master");
            vd_xb_attr(xb, c, "startport", start[i]);
        }
        return;
    }
    if (strcmp(type, "usb3") == 0) {
        c = usb_controller(xb, devices, "qemu-xhci", index);
        vd_xb_attr(xb, c, "ports", get(d, "ports") ? get(d, "ports") : "15");
        return;
    }
    if (strcmp(type, "virtio-scsi") == 0) {
        type = "scsi";
        model = "virtio-scsi";
    }
    c = vd_xb_el(xb, devices, "controller");
    vd_xb_attr(xb, c, "type", type);
    if (index)
        vd_xb_attr(xb, c, "index", index);
    if (model && strcmp(model, "default") != 0)
        vd_xb_attr(xb, c, "model", model);
    if (get(d, "ports"))
        vd_xb_attr(xb, c, "ports", get(d, "ports"));
}

/* Hex number text "0x%0*x". */
static void
hex_attr(vd_xb *xb, xmlNodePtr n, const char *attr, unsigned int v, int width)
{
    char buf[16];

    snprintf(buf, sizeof(buf), "0x%0*x", width, v);
    vd_xb_attr(xb, n, attr, buf);
}

/* --host-device. Node device names of USB devices are resolved to
 * VENDOR:PRODUCT by the caller (it needs the host). */
static int
add_hostdev(vd_xb *xb, xmlNodePtr devices, const devopt *d, const char **err)
{
    const char *v = get(d, "device");
    unsigned int dom = 0, bus, slot, fn, ven, prod;
    xmlNodePtr h, src, n;
    char tail, buf[16];

    h = vd_xb_el(xb, devices, "hostdev");
    vd_xb_attr(xb, h, "mode", "subsystem");
    if (sscanf(v, "%x:%x:%x.%x%c", &dom, &bus, &slot, &fn, &tail) == 4 ||
        (dom = 0, sscanf(v, "%x:%x.%x%c", &bus, &slot, &fn, &tail) == 3) ||
        sscanf(v, "pci_%x_%x_%x_%x%c", &dom, &bus, &slot, &fn, &tail) == 4) {
        vd_xb_attr(xb, h, "type", "pci");
        vd_xb_attr(xb, h, "managed", "yes");
        src = vd_xb_el(xb, h, "source");
        n = vd_xb_el(xb, src, "address");
        hex_attr(xb, n, "domain", dom, 4);
        hex_attr(xb, n, "bus", bus, 2);
        hex_attr(xb, n, "slot", slot, 2);
        hex_attr(xb, n, "function", fn, 1);
        return 0;
    }
    vd_xb_attr(xb, h, "type", "usb");
    vd_xb_attr(xb, h, "managed", "yes");
    src = vd_xb_el(xb, h, "source");
    if (sscanf(v, "0x%x:0x%x%c", &ven, &prod, &tail) == 2) {
        n = vd_xb_el(xb, src, "vendor");
        hex_attr(xb, n, "id", ven, 4);
        n = vd_xb_el(xb, src, "product");
        hex_attr(xb, n, "id", prod, 4);
        return 0;
    }
    if (sscanf(v, "%u.%u%c", &bus, &slot, &tail) == 2) {
        n = vd_xb_el(xb, src, "address");
        snprintf(buf, sizeof(buf), "%u", bus);
        vd_xb_attr(xb, n, "bus", buf);
        snprintf(buf, sizeof(buf), "%u", slot);
        vd_xb_attr(xb, n, "device", buf);
        return 0;
    }
    *err = "--host-device: a USB node device must be resolved on the host first";
    return -1;
}

/* One devopt into the document. */
static int
add_one(vd_xb *xb, xmlNodePtr root, xmlNodePtr devices, const char *kind,
        const devopt *d, const vd_domain_spec *spec, const char *machine,
        const char **err)
{
    xmlNodePtr n, b;

    if (strcmp(kind, "memballoon") == 0) {
        n = vd_xb_el(xb, devices, "memballoon");
        vd_xb_attr(xb, n, "model", get(d, "model"));
    } else if (strcmp(kind, "clock") == 0) {
        if (!(n = child(root, "clock")))
            n = vd_xb_el(xb, root, "clock");
        if (get(d, "offset"))
            xmlSetProp(n, BAD_CAST "offset", BAD_CAST get(d, "offset"));
    } else if (strcmp(kind, "controller") == 0) {
        add_controller(xb, devices, d);
    } else if (strcmp(kind, "sound") == 0) {
        const char *model = get(d, "model");
        if (strcmp(model, "none") == 0)
            return 0;
        if (strcmp(model, "default") == 0)
            model = machine && strstr(machine, "q35") ? "ich9" : "ich6";
        n = vd_xb_el(xb, devices, "sound");
        vd_xb_attr(xb, n, "model", model);
    } else if (strcmp(kind, "rng") == 0) {
        if (is(d, "type", "none"))
            return 0;
        n = vd_xb_el(xb, devices, "rng");
        vd_xb_attr(xb, n, "model", get(d, "model") ? get(d, "model") : "virtio");
        if (is(d, "type", "builtin")) {
            b = vd_xb_el(xb, n, "backend");
            vd_xb_attr(xb, b, "model", "builtin");
        } else {
            b = vd_xb_text(xb, n, "backend", get(d, "device"));
            vd_xb_attr(xb, b, "model", "random");
        }
    } else if (strcmp(kind, "tpm") == 0) {
        if (is(d, "type", "none"))
            return 0;
        n = vd_xb_el(xb, devices, "tpm");
        vd_xb_attr(xb, n, "model", get(d, "model") ? get(d, "model") : "tpm-crb");
        b = vd_xb_el(xb, n, "backend");
        vd_xb_attr(xb, b, "type", "emulator");
        vd_xb_attr(xb, b, "version", get(d, "version"));   /* NULL: libvirt's */
    } else if (strcmp(kind, "watchdog") == 0) {
        const char *model = get(d, "model");
        if (model && strcmp(model, "none") == 0)
            return 0;
        if (!model || strcmp(model, "default") == 0)
            model = "i6300esb";
        n = vd_xb_el(xb, devices, "watchdog");
        vd_xb_attr(xb, n, "model", model);
        vd_xb_attr(xb, n, "action", get(d, "action") ? get(d, "action") : "reset");
    } else if (strcmp(kind, "serial") == 0 || strcmp(kind, "console") == 0 ||
               strcmp(kind, "channel") == 0) {
        add_chardev(xb, devices, kind, d, spec);
    } else if (strcmp(kind, "filesystem") == 0) {
        const char *driver = get(d, "driver.type");
        bool virtiofs = !driver || strcmp(driver, "virtiofs") == 0;
        n = vd_xb_el(xb, devices, "filesystem");
        vd_xb_attr(xb, n, "type", "mount");
        /* virtiofs knows passthrough only, libvirt's default */
        vd_xb_attr(xb, n, "accessmode", virtiofs ? NULL
                   : get(d, "accessmode") ? get(d, "accessmode") : "mapped");
        b = vd_xb_el(xb, n, "driver");
        vd_xb_attr(xb, b, "type", virtiofs ? "virtiofs" : "path");
        b = vd_xb_el(xb, n, "source");
        vd_xb_attr(xb, b, "dir", get(d, "source"));
        b = vd_xb_el(xb, n, "target");
        vd_xb_attr(xb, b, "dir", get(d, "target"));
        if (!virtiofs && get_bool(d, "readonly"))
            vd_xb_el(xb, n, "readonly");
        if (virtiofs) {
            /* virtiofsd maps the guest's memory: it must be shared */
            b = memory_backing(xb, root);
            mb_setting(xb, b, "source", "type", "memfd");
            mb_setting(xb, b, "access", "mode", "shared");
        }
    } else if (strcmp(kind, "memorybacking") == 0) {
        b = memory_backing(xb, root);
        if (get_bool(d, "hugepages"))
            mb_setting(xb, b, "hugepages", NULL, NULL);
        if (get_bool(d, "nosharepages"))
            mb_setting(xb, b, "nosharepages", NULL, NULL);
        if (get_bool(d, "locked"))
            mb_setting(xb, b, "locked", NULL, NULL);
        if (get(d, "source.type"))
            mb_setting(xb, b, "source", "type", get(d, "source.type"));
        if (get(d, "access.mode"))
            mb_setting(xb, b, "access", "mode", get(d, "access.mode"));
    } else if (strcmp(kind, "hostdev") == 0) {
        return add_hostdev(xb, devices, d, err);
    } else if (strcmp(kind, "input") == 0) {
        const char *type = get(d, "type");
        if (strcmp(type, "none") == 0)
            return 0;
        n = vd_xb_el(xb, devices, "input");
        vd_xb_attr(xb, n, "type", type);
        vd_xb_attr(xb, n, "bus", get(d, "bus") ? get(d, "bus")
                   : strcmp(type, "tablet") == 0 ? "usb" : "ps2");
    }
    return 0;
}

/* See xml_devopts.h. */
int
vd_devopts_xml(vd_xb *xb, xmlNodePtr root, xmlNodePtr devices,
               const vd_domain_spec *spec, const char *machine,
               const char **err)
{
    size_t i;

    for (i = 0; i < spec->n_devopts; i++) {
        const char *opt = spec->devopts[i];
        const char *colon = strchr(opt, ':');
        char kind[32];
        vd_check_msg *m;
        devopt d;
        int rc;

        if (!colon || (size_t)(colon - opt) >= sizeof(kind)) {
            *err = "a device option is malformed";
            return -1;
        }
        memcpy(kind, opt, (size_t)(colon - opt));
        kind[colon - opt] = '\0';
        if ((m = parse(kind, colon + 1, &d)) || (m = check_kind(kind, &d))) {
            vd_check_free(m);
            free(d.buf);
            *err = "a device option is malformed (run vd_check_devopt first)";
            return -1;
        }
        rc = add_one(xb, root, devices, kind, &d, spec, machine, err);
        free(d.buf);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* See xml_devopts.h. */
bool
vd_devopts_has_scsi_controller(const vd_domain_spec *spec)
{
    size_t i;

    for (i = 0; i < spec->n_devopts; i++) {
        const char *opt = spec->devopts[i];
        if (opt_kind(opt, "controller") &&
            (strstr(opt, "scsi") != NULL))
            return true;
    }
    return false;
}
