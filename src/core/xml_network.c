/*
 * xml_network.c: virtual network XML from a vd_network_spec, built with
 * libxml2's tree API (core/xml_priv.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "virtdeck/netstore.h"
#include "core/xml_priv.h"

typedef struct mode_info {
    const char *forward;        /* <forward mode=...>, NULL: no <forward> */
    const char *label;
    bool own_bridge;            /* libvirt creates the bridge and IPs */
} mode_info;

static const mode_info modes[VD_NETMODE_LAST] = {
    [VD_NETMODE_NAT] = { "nat", "NAT", true },
    [VD_NETMODE_ROUTE] = { "route", "routed", true },
    [VD_NETMODE_ISOLATED] = { NULL, "isolated", true },
    [VD_NETMODE_OPEN] = { "open", "open", true },
    [VD_NETMODE_BRIDGE] = { "bridge", "host bridge", false },
    [VD_NETMODE_DIRECT] = { "bridge", "macvtap", false },
};

/* Whether s is NULL or "". */
static bool
empty(const char *s)
{
    return !s || !*s;
}

/* The label of a mode. */
const char *
vd_net_mode_label(vd_net_mode mode)
{
    if ((int)mode < 0 || mode >= VD_NETMODE_LAST)
        return "?";
    return modes[mode].label;
}

/* Free what spec holds and zero it. */
void
vd_network_spec_clear(vd_network_spec *spec)
{
    if (!spec)
        return;
    free(spec->name);
    free(spec->bridge);
    free(spec->dev);
    free(spec->ipv4);
    free(spec->dhcp_start);
    free(spec->dhcp_end);
    free(spec->ipv6);
    free(spec->domain);
    *spec = (vd_network_spec){ 0 };
}

/* <ip> elements of a network with its own bridge. */
static void
add_ips(vd_xb *xb, xmlNodePtr root, const vd_network_spec *spec)
{
    char buf[16];
    xmlNodePtr ip, dhcp, range;

    if (!empty(spec->ipv4)) {
        ip = vd_xb_el(xb, root, "ip");
        vd_xb_attr(xb, ip, "address", spec->ipv4);
        snprintf(buf, sizeof(buf), "%u", spec->prefix);
        vd_xb_attr(xb, ip, "prefix", buf);
        if (!empty(spec->dhcp_start) && !empty(spec->dhcp_end)) {
            dhcp = vd_xb_el(xb, ip, "dhcp");
            range = vd_xb_el(xb, dhcp, "range");
            vd_xb_attr(xb, range, "start", spec->dhcp_start);
            vd_xb_attr(xb, range, "end", spec->dhcp_end);
        }
    }
    if (!empty(spec->ipv6)) {
        ip = vd_xb_el(xb, root, "ip");
        vd_xb_attr(xb, ip, "family", "ipv6");
        vd_xb_attr(xb, ip, "address", spec->ipv6);
        snprintf(buf, sizeof(buf), "%u", spec->prefix6 ? spec->prefix6 : 64);
        vd_xb_attr(xb, ip, "prefix", buf);
    }
}

/* The network XML. */
char *
vd_network_xml(const vd_network_spec *spec, const char **err)
{
    const mode_info *mi;
    vd_xb xb;
    xmlNodePtr root, fwd = NULL, node;
    char *out;

    *err = NULL;
    if ((int)spec->mode < 0 || spec->mode >= VD_NETMODE_LAST) {
        *err = "unknown network mode";
        return NULL;
    }
    mi = &modes[spec->mode];
    if (empty(spec->name)) {
        *err = "the network has no name";
        return NULL;
    }
    if (spec->mode == VD_NETMODE_BRIDGE && empty(spec->bridge)) {
        *err = "a host-bridge network needs the name of the host's bridge";
        return NULL;
    }
    if (spec->mode == VD_NETMODE_DIRECT && empty(spec->dev)) {
        *err = "a macvtap network needs a host interface";
        return NULL;
    }
    if (mi->own_bridge && !empty(spec->dhcp_start) && empty(spec->ipv4)) {
        *err = "a DHCP range needs an IPv4 address";
        return NULL;
    }

    root = vd_xb_start(&xb, "network");
    vd_xb_text(&xb, root, "name", spec->name);
    if (mi->forward) {
        fwd = vd_xb_el(&xb, root, "forward");
        vd_xb_attr(&xb, fwd, "mode", mi->forward);
    }
    if (spec->mode == VD_NETMODE_DIRECT) {
        node = vd_xb_el(&xb, fwd, "interface");
        vd_xb_attr(&xb, node, "dev", spec->dev);
    } else if (spec->mode == VD_NETMODE_BRIDGE) {
        node = vd_xb_el(&xb, root, "bridge");
        vd_xb_attr(&xb, node, "name", spec->bridge);
    } else {
        if (fwd && !empty(spec->dev) &&
            (spec->mode == VD_NETMODE_NAT || spec->mode == VD_NETMODE_ROUTE))
            vd_xb_attr(&xb, fwd, "dev", spec->dev);
        node = vd_xb_el(&xb, root, "bridge");
        if (!empty(spec->bridge))
            vd_xb_attr(&xb, node, "name", spec->bridge);
        vd_xb_attr(&xb, node, "stp", "on");
        vd_xb_attr(&xb, node, "delay", "0");
        if (!empty(spec->domain)) {
            node = vd_xb_el(&xb, root, "domain");
            vd_xb_attr(&xb, node, "name", spec->domain);
            vd_xb_attr(&xb, node, "localOnly", "yes");
        }
        add_ips(&xb, root, spec);
    }
    if (!(out = vd_xb_finish(&xb)))
        *err = "out of memory";
    return out;
}
