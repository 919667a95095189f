/*
 * form_network.c: the create-network form. Every field is checked as it
 * is typed with the validators of netstore.h (name and bridge against
 * the host's networks, the DHCP range against the subnet, the subnet
 * against the active networks, whose addresses the form asks for when
 * it opens); the XML comes from the core's libxml2 builder; the daemon's
 * refusal is shown in the form, which keeps what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/netstore.h"
#include "ui/widgets/dialog.h"
#include "ui/forms/form_netpool.h"
#include "ui/widgets/form.h"
#include "ui/views/netstore_ui.h"

#define MAX_SUBNETS 64

typedef struct net_form {
    vd_np_form_base np;         /* first: the app and the host */
    char *names[MAX_SUBNETS];           /* active networks' subnets */
    char *addrs[MAX_SUBNETS];
    unsigned int prefixes[MAX_SUBNETS];
    size_t nsub;
    char *iface;                        /* the host bridge asked about */
    char *iface_kind;                   /* its answer (VD_CMD_IFACE_KIND), or NULL */
} net_form;

static const char *const mode_labels[] = {
    "NAT", "routed", "isolated", "open", "host bridge", "macvtap (direct)",
};
static const char *const mode_values[] = {
    "nat", "route", "isolated", "open", "bridge", "direct",
};

/* Free the form's context. */
static void
ctx_free(void *p)
{
    net_form *nf = p;
    size_t i;

    for (i = 0; i < nf->nsub; i++) {
        free(nf->names[i]);
        free(nf->addrs[i]);
    }
    free(nf->iface);
    free(nf->iface_kind);
    free(nf);
}

/* The chosen mode. */
static vd_net_mode
mode_of(const vd_form *f)
{
    long i = vd_field_index(vd_form_field(f, "mode"));

    return i < 0 ? VD_NETMODE_NAT : (vd_net_mode)i;
}

/* Whether the mode makes its own bridge with addresses. */
static bool
own_bridge(vd_net_mode m)
{
    return m != VD_NETMODE_BRIDGE && m != VD_NETMODE_DIRECT;
}

/* Name: not taken on the host. */
static bool
check_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    const net_form *nf = ctx;
    const vd_snapshot *s = vd_np_form_snap(&nf->np);
    const char *taken[256];
    size_t i, n = 0;

    (void)f;
    (void)fld;
    for (i = 0; s && i < s->nnetworks && n < 256; i++)
        taken[n++] = s->networks[i].name;
    return vd_check_into(vd_check_net_name(value, taken, n), err, errlen);
}

/* The prefix field as a length: 0 when it is not one. */
static unsigned int
prefix_of(const vd_form *f)
{
    unsigned int prefix;

    free(vd_parse_prefix(vd_form_value(f, "prefix"), &prefix));
    return prefix;
}

/* Prefix: a length or a netmask. */
static bool
check_prefix(const vd_form *f, const vd_field *fld, const char *value,
             char *err, size_t errlen, void *ctx)
{
    unsigned int prefix;

    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_parse_prefix(value, &prefix), err, errlen);
}

/* Bridge: valid and not another network's (host bridge: required, and
 * a bridge on the host, as the host's worker says). */
static bool
check_bridge(const vd_form *f, const vd_field *fld, const char *value,
             char *err, size_t errlen, void *ctx)
{
    const net_form *nf = ctx;
    const vd_snapshot *s = vd_np_form_snap(&nf->np);
    const char *br[256], *own[256];
    size_t i, n = 0;

    (void)fld;
    for (i = 0; s && i < s->nnetworks && n < 256; i++) {
        br[n] = s->networks[i].bridge;
        own[n++] = s->networks[i].name;
    }
    if (!vd_check_into(vd_check_bridge_name(value, mode_of(f) == VD_NETMODE_BRIDGE,
                                      br, own, n), err, errlen))
        return false;
    if (mode_of(f) != VD_NETMODE_BRIDGE || !nf->iface || !nf->iface_kind ||
        strcmp(nf->iface, value) != 0 || !strcmp(nf->iface_kind, "bridge") ||
        !strcmp(nf->iface_kind, "?"))
        return true;            /* not asked yet, or it is one, or unknown */
    if (!strcmp(nf->iface_kind, "none"))
        snprintf(err, errlen, "the host has no interface '%s'", value);
    else
        snprintf(err, errlen, "'%s' is %s, not a bridge: for a plain device, "
                 "use macvtap (direct)", value, nf->iface_kind);
    return false;
}

/* Host bridge mode: ask the host's worker what the typed device is
 * (the answer revalidates the field). */
static void
ask_iface(vd_app *app, vd_form *f, net_form *nf)
{
    const char *v = vd_form_value(f, "bridge");
    vd_cmd cmd = { .kind = VD_CMD_IFACE_KIND };

    if (mode_of(f) != VD_NETMODE_BRIDGE || !*v || strpbrk(v, " /:") ||
        (nf->iface && !strcmp(nf->iface, v)))
        return;
    free(nf->iface);
    free(nf->iface_kind);
    nf->iface_kind = NULL;
    if (!(nf->iface = strdup(v)) || !(cmd.str = strdup(v)))
        return;
    vd_form_submit_cmd(app, f, nf->np.hi, &cmd);
}

/* Device: required for macvtap. */
static bool
check_dev(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    (void)fld;
    (void)ctx;
    if (mode_of(f) == VD_NETMODE_DIRECT && !*value) {
        snprintf(err, errlen, "a macvtap network needs a host interface (eth0...)");
        return false;
    }
    if (strpbrk(value, " /:")) {
        snprintf(err, errlen, "'%s' is not an interface name", value);
        return false;
    }
    return true;
}

/* IPv4: an address of its subnet, no overlap with active networks. */
static bool
check_ip(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    net_form *nf = ctx;
    vd_subnet subs[MAX_SUBNETS];
    unsigned int prefix = prefix_of(f);
    size_t i;

    (void)fld;
    if (!*value && mode_of(f) != VD_NETMODE_ROUTE)
        return true;            /* no IPv4 at all: allowed */
    if (!prefix)
        return true;            /* the prefix field says what is wrong */
    if (!vd_check_into(vd_check_ipv4(value, prefix), err, errlen))
        return false;
    for (i = 0; i < nf->nsub; i++) {
        subs[i].network = nf->names[i];
        subs[i].address = nf->addrs[i];
        subs[i].prefix = nf->prefixes[i];
    }
    return vd_check_into(vd_check_subnet_overlap(value, prefix, subs, nf->nsub), err,
                   errlen);
}

/* DHCP range, on the start and the end field: each shows what is wrong
 * with its own address, and both what is wrong with the range (the
 * order, the gateway inside) once both addresses are fine. */
static bool
check_dhcp(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    const char *ip = vd_form_value(f, "ip");
    const char *start = vd_form_value(f, "dhcp_start");
    const char *end = vd_form_value(f, "dhcp_end");
    bool is_start = strcmp(vd_field_id(fld), "dhcp_start") == 0;
    const char *other = is_start ? end : start;

    (void)ctx;
    if (!vd_form_checked(f, "dhcp") || !*ip || !prefix_of(f))
        return true;
    if (*value && !vd_check_into(vd_check_dhcp_end(ip, prefix_of(f), value,
                                                   is_start ? "start" : "end"),
                                 err, errlen))
        return false;
    /* the other address's own fault is said under its field */
    if (*other && !vd_check_into(vd_check_dhcp_end(ip, prefix_of(f), other, ""),
                                 NULL, 0))
        return true;
    return vd_check_into(vd_check_dhcp_range(ip, prefix_of(f), start, end), err,
                         errlen);
}

/* Show the fields the mode uses. */
static void
on_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    vd_net_mode m = mode_of(f);
    bool own = own_bridge(m);
    static const char *const ipfields[] = { "ip", "prefix", "dhcp", "ipv6",
                                            "domain" };
    size_t i;

    (void)fld;
    ask_iface(app, f, ctx);
    vd_field_set_hidden(vd_form_field(f, "bridge"), m == VD_NETMODE_DIRECT);
    vd_field_set_hidden(vd_form_field(f, "dev"),
                        m != VD_NETMODE_NAT && m != VD_NETMODE_ROUTE &&
                        m != VD_NETMODE_DIRECT);
    for (i = 0; i < sizeof(ipfields) / sizeof(ipfields[0]); i++)
        vd_field_set_hidden(vd_form_field(f, ipfields[i]), !own);
    vd_field_set_hidden(vd_form_field(f, "dhcp_start"),
                        !own || !vd_form_checked(f, "dhcp"));
    vd_field_set_hidden(vd_form_field(f, "dhcp_end"),
                        !own || !vd_form_checked(f, "dhcp"));
    vd_field_set_hidden(vd_form_field(f, "autostart"),
                        !vd_form_checked(f, "persistent"));
}

/* A string field's value, NULL when empty. */
static char *
opt(const vd_form *f, const char *id)
{
    const char *v = vd_form_value(f, id);

    return *v ? (char *)v : NULL;
}

/* Build the XML and ask the host to define it. */
static void
on_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    net_form *nf = ctx;
    vd_net_mode m = mode_of(f);
    vd_network_spec s = {
        .name = opt(f, "name"), .mode = m,
        .bridge = m == VD_NETMODE_DIRECT ? NULL : opt(f, "bridge"),
        .dev = opt(f, "dev"),
    };
    vd_cmd cmd = { .kind = VD_CMD_NET_DEFINE };
    const char *err;

    (void)button;
    if (vd_form_busy(f))
        return;
    if (own_bridge(m)) {
        s.ipv4 = opt(f, "ip");
        s.prefix = prefix_of(f);
        if (vd_form_checked(f, "dhcp")) {
            s.dhcp_start = opt(f, "dhcp_start");
            s.dhcp_end = opt(f, "dhcp_end");
        }
        s.ipv6 = opt(f, "ipv6");
        s.domain = opt(f, "domain");
    }
    if (!(cmd.str = vd_network_xml(&s, &err))) {
        vd_form_message(f, VD_MSG_ERROR, "%s", err);
        return;
    }
    /* a transient network starts as it is created, and only then */
    if (!vd_form_checked(f, "persistent")) {
        cmd.flags |= VD_NETDEF_TRANSIENT;
        vd_np_form_submit(app, f, &nf->np, "network", s.name, &cmd, 0, 0);
    } else {
        vd_np_form_submit(app, f, &nf->np, "network", s.name, &cmd,
                          VD_NETDEF_START, VD_NETDEF_AUTOSTART);
    }
}

/* Answers: the active networks' subnets, then the define. */
static void
on_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    net_form *nf = ctx;

    if (res->kind == VD_CMD_NET_DETAILS) {
        const vd_network_details *d = res->data;
        size_t i;

        for (i = 0; d && i < d->nips && nf->nsub < MAX_SUBNETS; i++) {
            if (strcmp(d->ips[i].family, "ipv4") != 0 || !d->ips[i].address)
                continue;
            nf->names[nf->nsub] = strdup(d->name ? d->name : "?");
            nf->addrs[nf->nsub] = strdup(d->ips[i].address);
            nf->prefixes[nf->nsub++] = d->ips[i].prefix;
        }
        vd_form_revalidate(f);
        return;
    }
    if (res->kind == VD_CMD_IFACE_KIND) {
        /* only the answer about what the field still holds counts */
        if (res->ok && res->text && res->message && nf->iface &&
            !strcmp(res->message, nf->iface) && !nf->iface_kind)
            nf->iface_kind = strdup(res->text);
        vd_form_revalidate(f);
        return;
    }
    vd_np_form_created(app, f, res);
}

/* n in the networks pane: the create-network form. */
void
vd_act_network_new(vd_app *app, const vd_binding *b)
{
    const vd_snapshot *snap = vd_app_snap(app);
    net_form *nf;
    vd_form *f;
    size_t i;
    void *ctx;

    static const vd_np_form_kind kind = {
        "network", "New network", sizeof(net_form), ctx_free, check_name,
        "mode", "Mode", mode_labels, mode_values, 6,
    };

    if (!(f = vd_np_form_new(app, b, &kind, &ctx)))
        return;
    nf = ctx;
    vd_np_text(f, "bridge", "Bridge", "", check_bridge, nf,
               "empty: libvirt picks virbrN; host bridge: an existing bridge");
    vd_np_text(f, "dev", "Device", "", check_dev, nf,
               "host interface to forward through (optional for NAT/routed)");
    vd_np_text(f, "ip", "IPv4 address", "192.168.100.1", check_ip, nf,
               "the host's address on the network (the gateway)");
    vd_np_text(f, "prefix", "Prefix", "24", check_prefix, nf,
               "a length (24) or a netmask (255.255.255.0)");
    vd_form_check(f, "dhcp", "DHCP", true);
    vd_np_text(f, "dhcp_start", "DHCP start", "192.168.100.128", check_dhcp, nf,
               NULL);
    vd_np_text(f, "dhcp_end", "DHCP end", "192.168.100.254", check_dhcp, nf,
               NULL);
    vd_form_text(f, "ipv6", "IPv6 address", "");
    vd_form_text(f, "domain", "DNS domain", "");
    vd_form_check(f, "persistent", "Persistent", true);
    vd_np_form_finish(app, f, on_change, on_submit, on_result, nf);
    if (!vd_form_show(app, f))
        return;
    /* the active networks' subnets, for the overlap check */
    for (i = 0; i < snap->nnetworks; i++) {
        vd_cmd cmd = { .kind = VD_CMD_NET_DETAILS };

        if (!snap->networks[i].active)
            continue;
        memcpy(cmd.uuid, snap->networks[i].uuid, VD_UUID_LEN);
        vd_form_submit_cmd(app, f, nf->np.hi, &cmd);
    }
}
