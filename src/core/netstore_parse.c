/*
 * netstore_parse.c: the details of networks and pools read from their
 * XML with libxml2/XPath, what a domain's XML uses (networks, disks),
 * and freeing the payloads of netstore.h. Pure: no libvirt here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/netstore.h"
#include "core/xml_read.h"

/* Open xml into x when it is well-formed with the root element root;
 * false otherwise (x is then empty). */
static bool
open_doc(vd_xr *x, const char *xml, const char *root)
{
    xmlDocPtr doc = vd_xr_parse(xml);
    xmlNodePtr node = doc ? xmlDocGetRootElement(doc) : NULL;

    if (!node || !xmlStrEqual(node->name, BAD_CAST root)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return vd_xr_open_doc(x, doc);
}

/* A netmask "255.255.255.0" as a prefix length; 0 when not one. */
static unsigned int
netmask_prefix(const char *mask)
{
    unsigned int a, b, c, d, p = 0;
    unsigned long m;

    if (!mask || sscanf(mask, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
        return 0;
    m = ((unsigned long)a << 24) | (b << 16) | (c << 8) | d;
    while (p < 32 && (m & (0x80000000ul >> p)))
        p++;
    return p;
}

/* Read one <ip> element into ip. */
static int
parse_ip(xmlXPathContextPtr ctxt, xmlNodePtr node, vd_net_ip *ip)
{
    xmlXPathObjectPtr hosts = NULL;
    char *prefix, *mask;
    int i, n, ret = -1;

    ip->family = vd_xr_str(ctxt, node, "string(@family)");
    if (!ip->family && !(ip->family = strdup("ipv4")))
        return -1;
    ip->address = vd_xr_str(ctxt, node, "string(@address)");
    prefix = vd_xr_str(ctxt, node, "string(@prefix)");
    mask = vd_xr_str(ctxt, node, "string(@netmask)");
    ip->prefix = prefix ? (unsigned int)strtoul(prefix, NULL, 10)
                        : netmask_prefix(mask);
    free(prefix);
    free(mask);
    ip->dhcp_start = vd_xr_str(ctxt, node, "string(dhcp/range[1]/@start)");
    ip->dhcp_end = vd_xr_str(ctxt, node, "string(dhcp/range[1]/@end)");
    hosts = vd_xr_nodes(ctxt, node, "dhcp/host");
    n = vd_xr_count(hosts);
    if (n > 0 && !(ip->hosts = calloc((size_t)n, sizeof(*ip->hosts))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        xmlNodePtr h = vd_xr_node(hosts, i);
        ip->hosts[i].mac = vd_xr_str(ctxt, h, "string(@mac)");
        ip->hosts[i].name = vd_xr_str(ctxt, h, "string(@name)");
        ip->hosts[i].ip = vd_xr_str(ctxt, h, "string(@ip)");
        ip->nhosts++;
    }
    ret = 0;

 cleanup:
    xmlXPathFreeObject(hosts);
    return ret;
}

/* See netstore.h. */
int
vd_network_details_parse(const char *xml, vd_network_details *d)
{
    vd_xr x;
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr ips = NULL;
    int i, n, ret = -1;

    if (!open_doc(&x, xml, "network"))
        goto cleanup;
    ctxt = x.ctxt;
    if (!d->name)
        d->name = vd_xr_str(ctxt, NULL, "string(/network/name)");
    d->bridge = vd_xr_str(ctxt, NULL, "string(/network/bridge/@name)");
    d->forward_mode = vd_xr_str(ctxt, NULL, "string(/network/forward/@mode)");
    if (!d->forward_mode && vd_xr_count(ips = vd_xr_nodes(ctxt, NULL, "/network/forward")) > 0)
        d->forward_mode = strdup("nat");    /* <forward/> means NAT */
    xmlXPathFreeObject(ips);
    d->forward_dev = vd_xr_str(ctxt, NULL, "string(/network/forward/@dev)");
    if (!d->forward_dev)
        d->forward_dev = vd_xr_str(ctxt, NULL,
                              "string(/network/forward/interface[1]/@dev)");
    d->domain = vd_xr_str(ctxt, NULL, "string(/network/domain/@name)");
    ips = vd_xr_nodes(ctxt, NULL, "/network/ip");
    n = vd_xr_count(ips);
    if (n > 0 && !(d->ips = calloc((size_t)n, sizeof(*d->ips))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        d->nips++;
        if (parse_ip(ctxt, vd_xr_node(ips, i), &d->ips[i]) < 0)
            goto cleanup;
    }
    ret = 0;

 cleanup:
    xmlXPathFreeObject(ips);
    vd_xr_close(&x);
    return ret;
}

/* See netstore.h. */
int
vd_pool_details_parse(const char *xml, vd_pool_details *d)
{
    vd_xr x;
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr devs = NULL;
    int i, n, ret = -1;
    size_t len = 0;

    if (!open_doc(&x, xml, "pool"))
        goto cleanup;
    ctxt = x.ctxt;
    if (!d->name)
        d->name = vd_xr_str(ctxt, NULL, "string(/pool/name)");
    d->type = vd_xr_str(ctxt, NULL, "string(/pool/@type)");
    d->target = vd_xr_str(ctxt, NULL, "string(/pool/target/path)");
    d->source_host = vd_xr_str(ctxt, NULL, "string(/pool/source/host[1]/@name)");
    d->source_dir = vd_xr_str(ctxt, NULL, "string(/pool/source/dir/@path)");
    d->source_name = vd_xr_str(ctxt, NULL, "string(/pool/source/name)");
    d->source_format = vd_xr_str(ctxt, NULL, "string(/pool/source/format/@type)");
    devs = vd_xr_nodes(ctxt, NULL, "/pool/source/device");
    n = vd_xr_count(devs);
    for (i = 0; i < n; i++) {
        char *p = vd_xr_str(ctxt, vd_xr_node(devs, i), "string(@path)");
        char *grown;

        if (!p)
            continue;
        grown = realloc(d->source_device, len + strlen(p) + 2);
        if (!grown) {
            free(p);
            goto cleanup;
        }
        d->source_device = grown;
        len += (size_t)sprintf(d->source_device + len, "%s%s", len ? "," : "", p);
        free(p);
    }
    ret = 0;

 cleanup:
    xmlXPathFreeObject(devs);
    vd_xr_close(&x);
    return ret;
}

/* Append s (taken) to the array *v of *n strings. -1 on OOM (s freed). */
static int
strv_push(char ***v, size_t *n, char *s)
{
    char **grown = realloc(*v, (*n + 1) * sizeof(**v));

    if (!grown) {
        free(s);
        return -1;
    }
    *v = grown;
    (*v)[(*n)++] = s;
    return 0;
}

/* Free an array of n strings. */
void
vd_strv_free(char **v, size_t n)
{
    size_t i;

    for (i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* See netstore.h. */
int
vd_domain_xml_uses(const char *xml, char ***nets, char ***macs, size_t *nnets,
                   char ***paths, size_t *npaths)
{
    vd_xr x;
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr obj = NULL;
    int i, n, ret = -1;
    size_t nmacs = 0;

    *nets = *macs = *paths = NULL;
    *nnets = *npaths = 0;
    if (!open_doc(&x, xml, "domain"))
        goto cleanup;
    ctxt = x.ctxt;
    obj = vd_xr_nodes(ctxt, NULL, "/domain/devices/interface[@type='network']");
    n = vd_xr_count(obj);
    for (i = 0; i < n; i++) {
        xmlNodePtr node = vd_xr_node(obj, i);
        char *net = vd_xr_str(ctxt, node, "string(source/@network)");
        char *mac = vd_xr_str(ctxt, node, "string(mac/@address)");

        if (!net) {
            free(mac);
            continue;
        }
        if (strv_push(nets, nnets, net) < 0 ||
            strv_push(macs, &nmacs, mac ? mac : strdup("")) < 0)
            goto cleanup;
    }
    xmlXPathFreeObject(obj);
    obj = vd_xr_nodes(ctxt, NULL, "/domain/devices/disk/source");
    n = vd_xr_count(obj);
    for (i = 0; i < n; i++) {
        xmlNodePtr node = vd_xr_node(obj, i);
        char *p = vd_xr_str(ctxt, node, "string(@file)");

        if (!p)
            p = vd_xr_str(ctxt, node, "string(@dev)");
        if (!p) {
            /* <source pool='P' volume='V'/>: "P/V" */
            char *pool = vd_xr_str(ctxt, node, "string(@pool)");
            char *vol = vd_xr_str(ctxt, node, "string(@volume)");
            if (pool && vol && asprintf(&p, "%s/%s", pool, vol) < 0)
                p = NULL;
            free(pool);
            free(vol);
        }
        if (p && strv_push(paths, npaths, p) < 0)
            goto cleanup;
    }
    ret = 0;

 cleanup:
    if (ret < 0) {
        vd_strv_free(*nets, *nnets);
        vd_strv_free(*macs, nmacs);
        vd_strv_free(*paths, *npaths);
        *nets = *macs = *paths = NULL;
        *nnets = *npaths = 0;
    }
    xmlXPathFreeObject(obj);
    vd_xr_close(&x);
    return ret;
}

/* Free a network's details. */
void
vd_network_details_free(vd_network_details *d)
{
    size_t i, j;

    if (!d)
        return;
    free(d->name);
    free(d->bridge);
    free(d->forward_mode);
    free(d->forward_dev);
    free(d->domain);
    for (i = 0; i < d->nips; i++) {
        vd_net_ip *ip = &d->ips[i];
        free(ip->family);
        free(ip->address);
        free(ip->dhcp_start);
        free(ip->dhcp_end);
        for (j = 0; j < ip->nhosts; j++) {
            free(ip->hosts[j].mac);
            free(ip->hosts[j].name);
            free(ip->hosts[j].ip);
        }
        free(ip->hosts);
    }
    free(d->ips);
    for (i = 0; i < d->nleases; i++) {
        free(d->leases[i].mac);
        free(d->leases[i].ip);
        free(d->leases[i].hostname);
    }
    free(d->leases);
    for (i = 0; i < d->nattached; i++) {
        free(d->attached[i].domain);
        free(d->attached[i].mac);
    }
    free(d->attached);
    free(d->xml);
    free(d);
}

/* Free a pool's details. */
void
vd_pool_details_free(vd_pool_details *d)
{
    if (!d)
        return;
    free(d->name);
    free(d->type);
    free(d->target);
    free(d->source_host);
    free(d->source_dir);
    free(d->source_device);
    free(d->source_name);
    free(d->source_format);
    free(d->xml);
    free(d);
}

/* Free a volume list. */
void
vd_volume_list_free(vd_volume_list *l)
{
    size_t i;

    if (!l)
        return;
    for (i = 0; i < l->nvols; i++) {
        free(l->vols[i].name);
        free(l->vols[i].path);
        free(l->vols[i].format);
        free(l->vols[i].used_by);
    }
    free(l->vols);
    free(l->pool);
    free(l);
}

/* "a\0b\0". */
char *
vd_cmd_args2(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);

    if (!s)
        return NULL;
    memcpy(s, a, la + 1);
    memcpy(s + la + 1, b, lb + 1);
    return s;
}

/* The second string. */
const char *
vd_cmd_arg2(const char *str)
{
    return str + strlen(str) + 1;
}
