/*
 * cmd_network.c: virtual network commands run by a host worker: details
 * (with DHCP leases and the domains attached), start, stop, autostart,
 * undefine, and define/create from XML with the checks of netstore.h
 * made against the host's current networks first.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/netstore.h"
#include "core/commands_priv.h"
#include "core/cmd_netpool.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/xml_read.h"

/* The network kind for the shared commands (cmd_netpool.h). */
static void *k_lookup(virConnectPtr c, const char *uuid) { return virNetworkLookupByUUIDString(c, uuid); }
static const char *k_name(void *o) { return virNetworkGetName(o); }
static int k_start(void *o) { return virNetworkCreate(o); }
static int k_stop(void *o) { return virNetworkDestroy(o); }
static int k_auto(void *o, int on) { return virNetworkSetAutostart(o, on); }
static int k_active(void *o) { return virNetworkIsActive(o); }
static int k_persistent(void *o) { return virNetworkIsPersistent(o); }
static int k_undefine(void *o) { return virNetworkUndefine(o); }
static void k_free(void *o) { virNetworkFree(o); }

const vd_np_kind vd_np_network = {
    "network", k_lookup, k_name, k_start, k_stop, k_auto, k_active,
    k_persistent, k_undefine, NULL, k_free,
};

/* Fill the domains with a NIC on network name, and their MACs. */
static int
find_attached(virConnectPtr conn, const char *name, vd_network_details *d)
{
    virDomainPtr *doms = NULL;
    int i, n;
    size_t j;

    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        char *xml = virDomainGetXMLDesc(doms[i], 0);
        char **nets, **macs, **paths;
        size_t nnets, npaths;
        int state = 0;

        if (!xml || vd_domain_xml_uses(xml, &nets, &macs, &nnets, &paths,
                                       &npaths) < 0) {
            free(xml);
            continue;
        }
        virDomainGetState(doms[i], &state, NULL, 0);
        for (j = 0; j < nnets; j++) {
            vd_attached *grown, *a;

            if (strcmp(nets[j], name) != 0)
                continue;
            grown = realloc(d->attached, (d->nattached + 1) * sizeof(*grown));
            if (!grown)
                break;
            d->attached = grown;
            a = &d->attached[d->nattached++];
            a->domain = strdup(virDomainGetName(doms[i]));
            a->mac = strdup(macs[j]);
            a->running = state == VIR_DOMAIN_RUNNING ||
                         state == VIR_DOMAIN_PAUSED;
        }
        vd_strv_free(nets, nnets);
        vd_strv_free(macs, nnets);
        vd_strv_free(paths, npaths);
        free(xml);
    }
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    virResetLastError();
    return 0;
}

/* Fill the current DHCP leases of an active network. */
static void
find_leases(virNetworkPtr net, vd_network_details *d)
{
    virNetworkDHCPLeasePtr *leases = NULL;
    int i, n = virNetworkGetDHCPLeases(net, NULL, &leases, 0);

    if (n < 0) {
        virResetLastError();
        return;
    }
    if (n > 0 && (d->leases = calloc((size_t)n, sizeof(*d->leases)))) {
        for (i = 0; i < n; i++) {
            vd_lease *l = &d->leases[d->nleases++];
            l->mac = leases[i]->mac ? strdup(leases[i]->mac) : NULL;
            l->ip = leases[i]->ipaddr ? strdup(leases[i]->ipaddr) : NULL;
            l->prefix = leases[i]->prefix;
            l->hostname = leases[i]->hostname ? strdup(leases[i]->hostname) : NULL;
            l->expiry = leases[i]->expirytime;
        }
    }
    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
}

/* Read the details of one network; NULL after libvirt failed. */
static vd_network_details *
read_details(virConnectPtr conn, virNetworkPtr net, bool with_attached)
{
    vd_network_details *d = calloc(1, sizeof(*d));
    int autostart = 0;

    if (!d)
        return NULL;
    virNetworkGetUUIDString(net, d->uuid);
    d->name = strdup(virNetworkGetName(net));
    d->active = virNetworkIsActive(net) == 1;
    d->persistent = virNetworkIsPersistent(net) == 1;
    if (virNetworkGetAutostart(net, &autostart) == 0)
        d->autostart = autostart;
    if (!(d->xml = virNetworkGetXMLDesc(net, 0)) ||
        vd_network_details_parse(d->xml, d) < 0) {
        vd_network_details_free(d);
        return NULL;
    }
    if (d->active)
        find_leases(net, d);
    if (with_attached)
        find_attached(conn, d->name, d);
    virResetLastError();
    return d;
}

/* VD_CMD_NET_DETAILS. */
int
vd_ns_net_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    virNetworkPtr net = vd_np_lookup(&vd_np_network, conn, cmd, res, "network details");
    vd_network_details *d;

    if (!net)
        return vd_cmd_said(res, true);
    if (!(d = read_details(conn, net, true))) {
        vd_np_say_err(res, "network details", virNetworkGetName(net));
    } else {
        res->ok = true;
        res->data = d;
        res->data_free = (void (*)(void *))vd_network_details_free;
        vd_result_say(res, "network %s: %zu lease(s), %zu domain(s) attached",
                  d->name, d->nleases, d->nattached);
    }
    virNetworkFree(net);
    return vd_cmd_said(res, false);
}

/* The details of every network on conn (no leases needed, but cheap). */
static int
read_all(virConnectPtr conn, vd_network_details ***out, size_t *nout)
{
    virNetworkPtr *nets = NULL;
    int i, n = virConnectListAllNetworks(conn, &nets, 0);
    int ret = 0;

    *out = NULL;
    *nout = 0;
    if (n < 0)
        return -1;
    if (n > 0 && !(*out = calloc((size_t)n, sizeof(**out))))
        ret = -1;
    for (i = 0; i < n; i++) {
        vd_network_details *d = ret < 0 ? NULL : read_details(conn, nets[i], false);
        if (d)
            (*out)[(*nout)++] = d;
        virNetworkFree(nets[i]);
    }
    free(nets);
    return ret;
}

/* The first IPv4 of d, or NULL. */
static const vd_net_ip *
ipv4_of(const vd_network_details *d)
{
    size_t i;

    for (i = 0; i < d->nips; i++)
        if (d->ips[i].family && strcmp(d->ips[i].family, "ipv4") == 0)
            return &d->ips[i];
    return NULL;
}

/* The checks of a new network's XML against the host's networks. NULL
 * when fine, else the first problem (malloc'ed). */
static char *
check_new(virConnectPtr conn, const char *xml, bool redefine)
{
    vd_network_details *want = calloc(1, sizeof(*want)), **all = NULL;
    const char **names = NULL, **bridges = NULL;
    vd_subnet *subnets = NULL;
    const vd_net_ip *ip;
    size_t i, nall = 0, nsub = 0;
    char *problem = NULL;
    bool host_bridge;

    if (!want)
        return strdup("out of memory");
    if (vd_network_details_parse(xml, want) < 0) {
        vd_network_details_free(want);
        return strdup("the text is not a network XML document");
    }
    if (read_all(conn, &all, &nall) < 0) {
        problem = vd_err_take("could not list the networks");
        goto cleanup;
    }
    names = calloc(nall + 1, sizeof(*names));
    bridges = calloc(nall + 1, sizeof(*bridges));
    subnets = calloc(nall + 1, sizeof(*subnets));
    if (!names || !bridges || !subnets) {
        problem = strdup("out of memory");
        goto cleanup;
    }
    for (i = 0; i < nall; i++) {
        /* an edited network is compared with the others only */
        if (redefine && all[i]->name && want->name &&
            strcmp(all[i]->name, want->name) == 0)
            continue;
        names[i] = all[i]->name;
        /* host-bridge networks share the host's bridge on purpose */
        if (!all[i]->forward_mode || strcmp(all[i]->forward_mode, "bridge") != 0)
            bridges[i] = all[i]->bridge;
        if (all[i]->active && (ip = ipv4_of(all[i])) && ip->address) {
            subnets[nsub].network = all[i]->name;
            subnets[nsub].address = ip->address;
            subnets[nsub].prefix = ip->prefix;
            nsub++;
        }
    }
    if (!redefine && (problem = vd_check_net_name(want->name, names, nall)))
        goto cleanup;
    host_bridge = want->forward_mode && strcmp(want->forward_mode, "bridge") == 0;
    if (!host_bridge &&
        (problem = vd_check_bridge_name(want->bridge, false, bridges, names, nall)))
        goto cleanup;
    if ((ip = ipv4_of(want)) && ip->address) {
        if ((problem = vd_check_ipv4(ip->address, ip->prefix)) ||
            (problem = vd_check_dhcp_range(ip->address, ip->prefix,
                                           ip->dhcp_start, ip->dhcp_end)) ||
            (problem = vd_check_subnet_overlap(ip->address, ip->prefix,
                                               subnets, nsub)))
            goto cleanup;
    }

 cleanup:
    for (i = 0; i < nall; i++)
        vd_network_details_free(all[i]);
    free(all);
    free(names);
    free(bridges);
    free(subnets);
    vd_network_details_free(want);
    return problem;
}

/* VD_CMD_NET_DEFINE: check, define (or create), start, autostart; a
 * failing step removes what the earlier ones made. */
int
vd_ns_net_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    bool transient = cmd->flags & VD_NETDEF_TRANSIENT;
    bool redefine = cmd->flags & VD_NETDEF_REDEFINE;
    virNetworkPtr net = NULL;
    char *problem, *name = NULL, *err;
    const char *step;

    if (!cmd->str || !*cmd->str) {
        vd_result_say(res, "define network: no XML given");
        return vd_cmd_said(res, false);
    }
    if ((problem = check_new(conn, cmd->str, redefine))) {
        vd_result_say(res, "network not %s: %s", redefine ? "changed" : "created",
                  problem);
        free(problem);
        return vd_cmd_said(res, false);
    }
    step = transient ? "create network" : "define network";
    net = transient ? virNetworkCreateXML(conn, cmd->str)
                    : virNetworkDefineXML(conn, cmd->str);
    if (!net) {
        vd_np_say_err(res, step, NULL);
        return vd_cmd_said(res, false);
    }
    name = strdup(virNetworkGetName(net));
    if (!transient && !redefine && (cmd->flags & VD_NETDEF_START) &&
        virNetworkCreate(net) < 0) {
        step = "start network";
        goto undo;
    }
    if (!transient && (cmd->flags & VD_NETDEF_AUTOSTART) &&
        virNetworkSetAutostart(net, 1) < 0) {
        step = "network autostart";
        goto undo;
    }
    res->ok = true;
    vd_result_say(res, "network %s %s", name,
              redefine ? "updated (applies when it is next started)"
              : transient ? "created and started"
              : (cmd->flags & VD_NETDEF_START) ? "defined and started" : "defined");
    virNetworkGetUUIDString(net, res->uuid);
    virNetworkFree(net);
    free(name);
    return vd_cmd_said(res, true);

 undo:
    err = vd_err_take("failed");
    if (virNetworkIsActive(net) == 1)
        virNetworkDestroy(net);
    if (!redefine && virNetworkIsPersistent(net) == 1)
        virNetworkUndefine(net);
    virResetLastError();
    vd_result_say(res, "%s %s: %s (nothing was kept)", step, name ? name : "", err);
    free(err);
    free(name);
    virNetworkFree(net);
    return vd_cmd_said(res, true);
}

/* The type attribute of an interface's XML ("bridge", "ethernet"...),
 * or NULL. Allocated. */
static char *
iface_type(const char *xml)
{
    return vd_xr_doc_str(xml, "string(/*/@type)");
}

/* VD_CMD_IFACE_KIND: whether a host interface is a bridge, through
 * libvirt's interface driver (so it is the daemon's host that answers,
 * remote or in another namespace). */
int
vd_ns_iface_kind(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    virInterfacePtr iface;
    char *xml = NULL, *type = NULL;

    res->ok = true;
    if (!cmd->str || !*cmd->str) {
        res->ok = false;
        res->message = strdup("check interface: no name");
        return vd_cmd_said(res, false);
    }
    res->message = strdup(cmd->str);    /* which one the answer is about */
    if (!(iface = virInterfaceLookupByName(conn, cmd->str))) {
        int code = virGetLastErrorCode();

        virResetLastError();
        res->text = strdup(code == VIR_ERR_NO_INTERFACE ? "none" : "?");
        return vd_cmd_said(res, false);
    }
    if ((xml = virInterfaceGetXMLDesc(iface, 0)))
        type = iface_type(xml);
    else
        virResetLastError();
    res->text = type ? type : strdup("?");
    free(xml);
    virInterfaceFree(iface);
    return vd_cmd_said(res, false);
}
