/*
 * dom_clone.c: cloning a domain after virt-clone (see clone.h): the plan
 * (every check, the new XML, the volumes to make) and the run (the
 * copies, through the libvirt connection, then the definition), undone
 * completely on failure or cancel.
 */
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "virtdeck/clone_ops.h"
#include "core/dom_disks.h"
#include "core/errors.h"
#include "core/leftovers.h"
#include "core/xml_priv.h"
#include "core/watched_call.h"
#include "core/xml_read.h"

/* Append a line to the plan's warnings. */
static void __attribute__((format(printf, 2, 3)))
warn(vd_clone_plan *plan, const char *fmt, ...)
{
    va_list ap;
    char *line = NULL, *all = NULL;

    va_start(ap, fmt);
    if (vasprintf(&line, fmt, ap) < 0)
        line = NULL;
    va_end(ap);
    if (!line)
        return;
    if (asprintf(&all, "%s%s\n", plan->warnings ? plan->warnings : "", line) >= 0) {
        free(plan->warnings);
        plan->warnings = all;
    }
    free(line);
}

/* The first child element of parent named name, or NULL. */
static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
    xmlNodePtr c;

    for (c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

/* Remove every child element of parent named name. */
static void
drop_children(xmlNodePtr parent, const char *name)
{
    xmlNodePtr c, next;

    for (c = parent ? parent->children : NULL; c; c = next) {
        next = c->next;
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
}

/* Free what plan holds. */
void
vd_clone_plan_clear(vd_clone_plan *plan)
{
    size_t i;

    for (i = 0; i < plan->nvols; i++) {
        vd_clone_vol *v = &plan->vols[i];

        free(v->target);
        free(v->why);
        free(v->src_path);
        free(v->pool);
        free(v->new_name);
        free(v->new_path);
        free(v->vol_xml);
    }
    free(plan->vols);
    free(plan->original);
    free(plan->name);
    free(plan->warnings);
    if (plan->doc)
        xmlFreeDoc(plan->doc);
    memset(plan, 0, sizeof(*plan));
}

/* A random UUID (version 4) in out. */
static int
new_uuid(char out[37])
{
    unsigned char b[16];

    if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
        return -1;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
             "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
             b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return 0;
}

/* The MAC addresses of every domain on conn ("aa:bb:..." lower case),
 * as one string with a space around each. */
static char *
macs_in_use(virConnectPtr conn)
{
    virDomainPtr *doms = NULL;
    char *all = strdup(" ");
    int n, i;

    if (!all || (n = virConnectListAllDomains(conn, &doms, 0)) < 0) {
        virResetLastError();
        return all;
    }
    for (i = 0; i < n; i++) {
        char *xml = virDomainGetXMLDesc(doms[i], 0);
        const char *p = xml;

        while (p && (p = strstr(p, "<mac address='"))) {
            char mac[18], *grown;
            size_t k;

            p += strlen("<mac address='");
            if (strlen(p) < 17)
                break;
            for (k = 0; k < 17; k++)
                mac[k] = (char)((p[k] >= 'A' && p[k] <= 'F') ? p[k] - 'A' + 'a' : p[k]);
            mac[17] = '\0';
            if (asprintf(&grown, "%s%s ", all, mac) >= 0) {
                free(all);
                all = grown;
            }
        }
        free(xml);
        virDomainFree(doms[i]);
    }
    free(doms);
    virResetLastError();
    return all;
}

/* Whether used (from macs_in_use) holds mac. */
static bool
mac_used(const char *used, const char *mac)
{
    char key[24], low[18];
    size_t k;

    for (k = 0; k < 17 && mac[k]; k++)
        low[k] = (char)((mac[k] >= 'A' && mac[k] <= 'F') ? mac[k] - 'A' + 'a' : mac[k]);
    low[k] = '\0';
    snprintf(key, sizeof(key), " %s ", low);
    return used && strstr(used, key) != NULL;
}

/* A random MAC in QEMU's range 52:54:00, not in used. */
static int
new_mac(const char *used, char out[18])
{
    unsigned char b[3];
    int tries;

    for (tries = 0; tries < 100; tries++) {
        if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
            return -1;
        snprintf(out, 18, "52:54:00:%02x:%02x:%02x", b[0], b[1], b[2]);
        if (!mac_used(used, out))
            return 0;
    }
    return -1;
}

/* The name for the clone: the asked one, or NAME-clone, NAME-clone1... */
static char *
pick_name(virConnectPtr conn, const char *orig, const char *asked, char **err)
{
    virDomainPtr other;
    vd_check_msg *bad;
    char *name = NULL;
    int i;

    if (asked && *asked) {
        if ((bad = vd_check_name(asked, NULL, 0))) {
            vd_err_say(err, "%s", bad);
            vd_check_free(bad);
            return NULL;
        }
        if ((other = virDomainLookupByName(conn, asked))) {
            virDomainFree(other);
            vd_err_say(err, "a domain named '%s' already exists: choose another name "
                "(or --auto-clone)", asked);
            return NULL;
        }
        virResetLastError();
        return strdup(asked);
    }
    for (i = 0; i < 1000; i++) {
        if ((i == 0 ? asprintf(&name, "%s-clone", orig)
                    : asprintf(&name, "%s-clone%d", orig, i)) < 0)
            return NULL;
        if (!(other = virDomainLookupByName(conn, name))) {
            virResetLastError();
            return name;
        }
        virDomainFree(other);
        free(name);
        name = NULL;
    }
    vd_err_say(err, "no free name of the form %s-cloneN", orig);
    return NULL;
}

/* The target path of a pool (malloc'ed) or NULL. */
static char *
pool_target(virStoragePoolPtr pool)
{
    char *xml = virStoragePoolGetXMLDesc(pool, 0);
    char *ret = vd_xr_doc_str(xml, "string(/pool/target/path)");

    free(xml);
    virResetLastError();
    return ret;
}

/* The format of a volume from its XML (malloc'ed), or NULL. */
static char *
vol_format(virStorageVolPtr vol)
{
    char *xml = virStorageVolGetXMLDesc(vol, 0);
    char *ret = vd_xr_doc_str(xml, "string(/volume/target/format/@type)");

    free(xml);
    virResetLastError();
    return ret;
}

/* Whether another volume of the plan (before index upto) uses name in pool. */
static bool
planned(const vd_clone_plan *plan, size_t upto, const char *pool, const char *name)
{
    size_t i;

    for (i = 0; i < upto; i++)
        if (plan->vols[i].new_name && strcmp(plan->vols[i].pool, pool) == 0 &&
            strcmp(plan->vols[i].new_name, name) == 0)
            return true;
    return false;
}

/* Fill v (mode COPY or LINK) from the original volume: its pool, the new
 * volume's name, path and XML, the bytes to copy. nvram names the new
 * volume NEWNAME_VARS.fd. */
static int
plan_volume(virConnectPtr conn, vd_clone_plan *plan, size_t idx, const char *pool_name,
            const char *vol_name, char **err)
{
    vd_clone_vol *v = &plan->vols[idx];
    virStoragePoolPtr pool = NULL;
    virStorageVolPtr vol = NULL, other;
    virStorageVolInfo info;
    vd_xb xb = { 0 };
    xmlNodePtr root, target, bs;
    char *fmt = NULL, *dir = NULL, *ext, *name = NULL, num[32];
    int i, ret = -1;

    if (pool_name && vol_name) {
        if ((pool = virStoragePoolLookupByName(conn, pool_name)))
            vol = virStorageVolLookupByName(pool, vol_name);
    } else {
        if ((vol = virStorageVolLookupByPath(conn, v->src_path)))
            pool = virStoragePoolLookupByVolume(vol);
    }
    if (!vol || !pool) {
        virResetLastError();
        vd_err_say(err, "%s %s (%s) is not a volume of any storage pool this host knows: "
            "virtdeck copies only through libvirt; define a pool for its directory, "
            "or share it (--skip-copy %s)", v->nvram ? "the NVRAM" : "disk",
            v->nvram ? "" : v->target, v->src_path ? v->src_path : "?",
            v->nvram ? "" : v->target);
        goto cleanup;
    }
    if (!(v->pool = strdup(virStoragePoolGetName(pool))))
        goto cleanup;
    if (!v->src_path && !(v->src_path = virStorageVolGetPath(vol)))
        goto cleanup;
    if (virStorageVolGetInfo(vol, &info) < 0) {
        vd_err_say_libvirt(err, "read the volume");
        goto cleanup;
    }
    fmt = vol_format(vol);
    if (v->mode == VD_CLONE_LINK && v->nvram)
        v->mode = VD_CLONE_COPY;
    /* the new volume's name */
    ext = strrchr(virStorageVolGetName(vol), '.');
    for (i = 0; i < 1000; i++) {
        if (i > 0)
            snprintf(num, sizeof(num), "-%d", i);
        else
            num[0] = '\0';
        free(name);
        if (v->nvram) {
            if (asprintf(&name, "%s_VARS%s.fd", plan->name, num) < 0)
                name = NULL;
        } else if (v->mode == VD_CLONE_LINK) {
            if (asprintf(&name, "%s%s.qcow2", plan->name, num) < 0)
                name = NULL;
        } else if (asprintf(&name, "%s%s%s", plan->name, num, ext && ext != virStorageVolGetName(vol) ? ext : "") < 0) {
            name = NULL;
        }
        if (!name)
            goto cleanup;
        if (planned(plan, idx, v->pool, name))
            continue;
        if (!(other = virStorageVolLookupByName(pool, name)))
            break;
        virStorageVolFree(other);
    }
    virResetLastError();
    v->new_name = name;
    name = NULL;
    dir = pool_target(pool);
    if (asprintf(&v->new_path, "%s/%s", dir ? dir : "", v->new_name) < 0)
        v->new_path = NULL;
    v->bytes = v->mode == VD_CLONE_LINK ? 0 : (info.allocation ? info.allocation : 1);
    /* the new volume's XML */
    if (!(root = vd_xb_start(&xb, "volume")))
        goto cleanup;
    vd_xb_text(&xb, root, "name", v->new_name);
    vd_xb_attr(&xb, vd_xb_num(&xb, root, "capacity", info.capacity), "unit", "bytes");
    target = vd_xb_el(&xb, root, "target");
    if (v->mode == VD_CLONE_LINK) {
        vd_xb_attr(&xb, vd_xb_el(&xb, target, "format"), "type", "qcow2");
        bs = vd_xb_el(&xb, root, "backingStore");
        vd_xb_text(&xb, bs, "path", v->src_path);
        if (fmt)
            vd_xb_attr(&xb, vd_xb_el(&xb, bs, "format"), "type", fmt);
    } else if (fmt) {
        vd_xb_attr(&xb, vd_xb_el(&xb, target, "format"), "type", fmt);
    }
    if (!(v->vol_xml = vd_xb_finish(&xb)))
        goto cleanup;
    ret = 0;

 cleanup:
    if (ret < 0 && !*err)
        vd_err_say(err, "out of memory");
    free(fmt);
    free(dir);
    free(name);
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
    return ret;
}

/* The user's choice for target, or DEFAULT. */
static vd_clone_mode
choice(const vd_clone_args *args, const char *target)
{
    size_t i;

    for (i = 0; target && i < args->ndisks; i++)
        if (strcmp(args->disks[i].target, target) == 0)
            return args->disks[i].mode;
    return VD_CLONE_DEFAULT;
}

/* The disks' part of the plan. */
static int
plan_disks(virConnectPtr conn, const vd_clone_args *args, const vd_ddisks *dd,
           vd_clone_plan *plan, char **err)
{
    size_t i, j;

    for (i = 0; i < args->ndisks; i++) {
        bool found = false;

        for (j = 0; j < dd->n; j++)
            found |= dd->d[j].target && strcmp(dd->d[j].target, args->disks[i].target) == 0;
        if (!found)
            return vd_err_say(err, "the domain has no disk '%s' (its disks: see `virsh domblklist`)",
                       args->disks[i].target);
    }
    for (i = 0; i < dd->n; i++) {
        const vd_ddisk *d = &dd->d[i];
        vd_clone_vol *v = &plan->vols[plan->nvols++];
        vd_clone_mode m = choice(args, d->target);
        bool network = d->type && strcmp(d->type, "network") == 0;

        v->node = (int)i;
        if (!(v->target = strdup(d->target ? d->target : "?")))
            return vd_err_say(err, "out of memory");
        if (d->source && !(v->src_path = strdup(d->source)))
            return vd_err_say(err, "out of memory");
        if (!d->source && !(d->pool && d->volume)) {
            v->mode = VD_CLONE_SHARE;
            v->why = strdup("empty");
            continue;
        }
        if (m == VD_CLONE_DEFAULT) {
            if (!vd_ddisk_writable(d) || d->shareable) {
                v->mode = VD_CLONE_SHARE;
                v->why = strdup(d->shareable ? "shareable" :
                                strcmp(d->device, "cdrom") == 0 ? "CD-ROM" : "read-only");
                continue;
            }
            m = args->linked ? VD_CLONE_LINK : VD_CLONE_COPY;
        }
        v->mode = m;
        if (m == VD_CLONE_SHARE) {
            v->why = strdup("shared as asked");
            continue;
        }
        if (network)
            return vd_err_say(err, "disk %s is a network disk: it cannot be copied; share it "
                       "(--skip-copy %s)", v->target, v->target);
        if (plan_volume(conn, plan, plan->nvols - 1,
                        d->type && strcmp(d->type, "volume") == 0 ? d->pool : NULL,
                        d->type && strcmp(d->type, "volume") == 0 ? d->volume : NULL,
                        err) < 0)
            return -1;
        if (m == VD_CLONE_LINK)
            warn(plan, "disk %s is a linked clone: its overlay %s is backed by %s, "
                 "which must stay as long as the clone exists", v->target,
                 v->new_path ? v->new_path : v->new_name, v->src_path);
        plan->total += v->bytes;
    }
    return 0;
}

/* Whether each pool has room for the copies into it. */
static int
check_space(virConnectPtr conn, vd_clone_plan *plan, char **err)
{
    size_t i, j;

    for (i = 0; i < plan->nvols; i++) {
        unsigned long long need = 0;
        virStoragePoolPtr pool;
        virStoragePoolInfo info;
        bool first = true;

        if (!plan->vols[i].pool || plan->vols[i].mode == VD_CLONE_SHARE)
            continue;
        for (j = 0; j < plan->nvols; j++) {
            if (!plan->vols[j].pool || plan->vols[j].mode == VD_CLONE_SHARE ||
                strcmp(plan->vols[j].pool, plan->vols[i].pool) != 0)
                continue;
            if (j < i)
                first = false;
            need += plan->vols[j].bytes;
        }
        if (!first)
            continue;
        if (!(pool = virStoragePoolLookupByName(conn, plan->vols[i].pool)))
            return vd_err_say_libvirt(err, "look up pool");
        virStoragePoolRefresh(pool, 0);
        virResetLastError();
        if (virStoragePoolGetInfo(pool, &info) < 0) {
            virStoragePoolFree(pool);
            return vd_err_say_libvirt(err, "read pool");
        }
        virStoragePoolFree(pool);
        if (need > info.available)
            return vd_err_say(err, "pool %s has %llu MiB free, the copies into it need %llu MiB: "
                       "free space there, or make linked clones (--linked) or share "
                       "disks (--skip-copy TARGET)", plan->vols[i].pool,
                       info.available >> 20, (need + (1 << 20) - 1) >> 20);
    }
    return 0;
}

/* Give the new domain its name, UUID, MACs; clear what must not be copied. */
static int
rewrite_identity(virConnectPtr conn, const vd_clone_args *args, vd_clone_plan *plan,
                 xmlXPathContextPtr ctxt, char **err)
{
    xmlDocPtr doc = plan->doc;
    xmlNodePtr root = xmlDocGetRootElement(doc), n;
    xmlXPathObjectPtr obj;
    char *used = NULL, mac[18];
    int i, ret = -1;
    size_t k;

    if ((n = child(root, "name")))
        xmlNodeSetContent(n, BAD_CAST plan->name);
    if (!(n = child(root, "uuid")))
        n = xmlNewChild(root, NULL, BAD_CAST "uuid", NULL);
    xmlNodeSetContent(n, BAD_CAST plan->uuid);
    obj = vd_xr_nodes(ctxt, NULL, "/domain/sysinfo/system/entry[@name='uuid']");
    for (i = 0; i < vd_xr_count(obj); i++)
        xmlNodeSetContent(vd_xr_node(obj, i), BAD_CAST plan->uuid);
    xmlXPathFreeObject(obj);

    used = macs_in_use(conn);
    for (k = 0; k < args->nmacs; k++) {
        vd_check_msg *bad = vd_clone_check_mac(args->macs[k]);

        if (bad) {
            vd_err_say(err, "--mac %s: %s", args->macs[k], bad);
            vd_check_free(bad);
            goto cleanup;
        }
        if (mac_used(used, args->macs[k])) {
            vd_err_say(err, "--mac %s: that address is already used by a domain on this host",
                args->macs[k]);
            goto cleanup;
        }
    }
    obj = vd_xr_nodes(ctxt, NULL, "/domain/devices/interface");
    if (args->nmacs > (size_t)vd_xr_count(obj)) {
        vd_err_say(err, "%zu MAC addresses given, the domain has %d interface(s)",
            args->nmacs, vd_xr_count(obj));
        xmlXPathFreeObject(obj);
        goto cleanup;
    }
    for (i = 0; i < vd_xr_count(obj); i++) {
        xmlNodePtr iface = vd_xr_node(obj, i), m = child(iface, "mac");

        if ((size_t)i < args->nmacs)
            snprintf(mac, sizeof(mac), "%s", args->macs[i]);
        else if (new_mac(used, mac) < 0) {
            vd_err_say(err, "no random MAC address could be made");
            xmlXPathFreeObject(obj);
            goto cleanup;
        }
        if (!m)
            m = xmlNewChild(iface, NULL, BAD_CAST "mac", NULL);
        xmlSetProp(m, BAD_CAST "address", BAD_CAST mac);
        drop_children(iface, "target");
    }
    xmlXPathFreeObject(obj);
    /* graphics back to automatic ports */
    obj = vd_xr_nodes(ctxt, NULL, "/domain/devices/graphics[@type='vnc' or @type='spice']");
    for (i = 0; i < vd_xr_count(obj); i++) {
        xmlNodePtr g = vd_xr_node(obj, i);

        xmlUnsetProp(g, BAD_CAST "port");
        xmlUnsetProp(g, BAD_CAST "tlsPort");
        xmlUnsetProp(g, BAD_CAST "websocket");
        xmlSetProp(g, BAD_CAST "autoport", BAD_CAST "yes");
    }
    xmlXPathFreeObject(obj);
    /* unix channel sockets (the guest agent's) are named per domain */
    obj = vd_xr_nodes(ctxt, NULL, "/domain/devices/channel[@type='unix']/source");
    for (i = 0; i < vd_xr_count(obj); i++)
        xmlUnsetProp(vd_xr_node(obj, i), BAD_CAST "path");
    xmlXPathFreeObject(obj);
    ret = 0;

 cleanup:
    free(used);
    return ret;
}

/* Make the plan. */
int
vd_clone_plan_make(virDomainPtr orig, const vd_clone_args *args,
                   vd_clone_plan *plan, char **err)
{
    virConnectPtr conn = virDomainGetConnect(orig);
    virDomainPtr other;
    vd_ddisks dd = { 0 };
    xmlXPathContextPtr ctxt = NULL;
    char *xml = NULL;
    int state = 0, reason, ret = -1;

    memset(plan, 0, sizeof(*plan));
    *err = NULL;
    if (!(plan->original = strdup(virDomainGetName(orig))))
        return vd_err_say(err, "out of memory");
    if (virDomainGetState(orig, &state, &reason, 0) < 0) {
        vd_err_say_libvirt(err, "read the domain's state");
        goto cleanup;
    }
    if (state != VIR_DOMAIN_SHUTOFF && state != VIR_DOMAIN_PAUSED) {
        vd_err_say(err, "domain %s is running: a clone copies the disks of a shut off (or "
            "paused) domain; shut it down or pause it first", plan->original);
        goto cleanup;
    }
    if (!(plan->name = pick_name(conn, plan->original, args->name, err)))
        goto cleanup;
    do {
        if (new_uuid(plan->uuid) < 0) {
            vd_err_say(err, "no random UUID could be made");
            goto cleanup;
        }
        if ((other = virDomainLookupByUUIDString(conn, plan->uuid)))
            virDomainFree(other);
    } while (other);
    virResetLastError();
    if (!(xml = virDomainGetXMLDesc(orig, VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE))) {
        vd_err_say_libvirt(err, "read the domain's XML");
        goto cleanup;
    }
    if (vd_ddisks_parse(xml, &dd) < 0 ||
        !(plan->doc = vd_xr_parse(xml)) ||
        !(ctxt = vd_xr_context(plan->doc))) {
        vd_err_say(err, "cannot read the domain's XML");
        goto cleanup;
    }
    if (!(plan->vols = calloc(dd.n + 1, sizeof(*plan->vols)))) {
        vd_err_say(err, "out of memory");
        goto cleanup;
    }
    if (rewrite_identity(conn, args, plan, ctxt, err) < 0 ||
        plan_disks(conn, args, &dd, plan, err) < 0)
        goto cleanup;
    if (dd.nvram) {
        vd_clone_vol *v = &plan->vols[plan->nvols++];
        virStorageVolPtr vol = virStorageVolLookupByPath(conn, dd.nvram);

        v->nvram = true;
        v->node = -1;
        v->mode = VD_CLONE_COPY;
        if (!(v->target = strdup("nvram")) || !(v->src_path = strdup(dd.nvram))) {
            vd_err_say(err, "out of memory");
            goto cleanup;
        }
        virResetLastError();
        if (vol) {
            virStorageVolFree(vol);
            if (plan_volume(conn, plan, plan->nvols - 1, NULL, NULL, err) < 0)
                goto cleanup;
            plan->total += v->bytes;
        } else {
            /* not in a pool: the clone gets a fresh copy of the template */
            char *copy = strdup(dd.nvram);

            v->mode = VD_CLONE_SHARE;
            if (!copy || asprintf(&v->new_path, "%s/%s_VARS.fd", dirname(copy), plan->name) < 0) {
                free(copy);
                vd_err_say(err, "out of memory");
                goto cleanup;
            }
            free(copy);
            v->why = strdup("not in a storage pool");
            warn(plan, "the NVRAM %s is in no storage pool: the clone's NVRAM %s starts "
                 "from the firmware's template (UEFI variables not copied)",
                 dd.nvram, v->new_path);
        }
    }
    if (check_space(conn, plan, err) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    if (ret < 0) {
        char *keep = *err;

        *err = NULL;
        vd_clone_plan_clear(plan);
        *err = keep;
    }
    vd_ddisks_clear(&dd);
    xmlXPathFreeContext(ctxt);
    free(xml);
    return ret;
}

/* Point the XML's disks (and NVRAM) at the new volumes. */
static void
point_disks(vd_clone_plan *plan)
{
    xmlXPathContextPtr ctxt = vd_xr_context(plan->doc);
    xmlXPathObjectPtr disks = vd_xr_nodes(ctxt, NULL, "/domain/devices/disk");
    size_t i;

    for (i = 0; ctxt && i < plan->nvols; i++) {
        vd_clone_vol *v = &plan->vols[i];
        xmlNodePtr disk, src, drv;
        xmlChar *type;

        if (v->nvram) {
            xmlXPathObjectPtr nv = vd_xr_nodes(ctxt, NULL, "/domain/os/nvram");

            if (vd_xr_count(nv) > 0 && v->new_path) {
                xmlNodeSetContent(vd_xr_node(nv, 0), BAD_CAST v->new_path);
                xmlUnsetProp(vd_xr_node(nv, 0), BAD_CAST "template");
            }
            xmlXPathFreeObject(nv);
            continue;
        }
        if (v->mode == VD_CLONE_SHARE || v->node < 0 || v->node >= vd_xr_count(disks))
            continue;
        disk = vd_xr_node(disks, v->node);
        src = child(disk, "source");
        type = xmlGetProp(disk, BAD_CAST "type");
        if (type && strcmp((const char *)type, "volume") == 0) {
            xmlSetProp(src, BAD_CAST "pool", BAD_CAST v->pool);
            xmlSetProp(src, BAD_CAST "volume", BAD_CAST v->new_name);
        } else if (type && strcmp((const char *)type, "block") == 0) {
            xmlSetProp(src, BAD_CAST "dev", BAD_CAST v->new_path);
        } else {
            xmlSetProp(src, BAD_CAST "file", BAD_CAST v->new_path);
        }
        xmlFree(type);
        drop_children(disk, "backingStore");
        if (v->mode == VD_CLONE_LINK && (drv = child(disk, "driver")))
            xmlSetProp(drv, BAD_CAST "type", BAD_CAST "qcow2");
    }
    xmlXPathFreeObject(disks);
    xmlXPathFreeContext(ctxt);
}

/* The new XML. */
char *
vd_clone_plan_xml(const vd_clone_plan *plan)
{
    xmlChar *buf = NULL;
    char *ret;
    int len = 0;

    point_disks((vd_clone_plan *)plan);
    xmlDocDumpFormatMemory(plan->doc, &buf, &len, 0);
    if (!buf)
        return NULL;
    /* without the XML declaration, as libvirt prints domains */
    ret = strdup(strncmp((char *)buf, "<?xml", 5) == 0 && strchr((char *)buf, '\n')
                 ? strchr((char *)buf, '\n') + 1 : (char *)buf);
    xmlFree(buf);
    return ret;
}

/* A copy running on its own thread. */
typedef struct copy_call {
    virStoragePoolPtr pool;
    virStorageVolPtr src;
    const char *xml;
    virStorageVolPtr made;      /* the helper's outcome */
    char *err;
} copy_call;

/* On the helper thread (watched_call.h): the blocking copy. */
static void
copy_main(void *opaque)
{
    copy_call *c = opaque;

    if (!(c->made = virStorageVolCreateXMLFrom(c->pool, c->xml, c->src, 0)))
        c->err = vd_err_take("the copy failed");
}

/* Delete the volumes made (made[i]), and the partial copy of
 * plan->vols[failed] (failed < nvols) when the connection was lost while
 * it was made. Returns how many of made could not be deleted; each
 * volume not deleted is named in
 * *notes: remembered for the host's reconnect (a lost connection on a
 * job bound to a host, after the domain owner when not NULL) or left on
 * the host. */
static size_t
undo(virConnectPtr conn, vd_clone_plan *plan, const bool *made, size_t failed,
     const char *owner, char **notes)
{
    size_t i, left = 0;

    for (i = plan->nvols; i-- > 0;) {
        const vd_clone_vol *v = &plan->vols[i];
        virStoragePoolPtr pool = NULL;
        virStorageVolPtr vol = NULL;
        char *why = NULL, *joined, line[1024];
        bool partial = i == failed;

        if (!made[i] && !(partial && vd_conn_lost(conn)))
            continue;
        if (made[i] && (pool = virStoragePoolLookupByName(conn, v->pool)) &&
            (vol = virStorageVolLookupByName(pool, v->new_name)) &&
            virStorageVolDelete(vol, 0) == 0)
            goto next;
        if (made[i] && pool && !vol && !vd_conn_lost(conn))
            goto next;          /* gone already */
        why = vd_err_take(partial ? "the connection was lost while copying" : "failed");
        if (made[i])
            left++;
        if (vd_leftover_here_volume(conn, v->pool, v->new_name, owner,
                                    partial ? "the partial copy of the interrupted clone"
                                            : "a new volume of the interrupted clone"))
            snprintf(line, sizeof(line), "the connection was lost: the %s %s/%s "
                     "will be deleted when the host is connected again",
                     partial ? "partial copy" : "new volume", v->pool, v->new_name);
        else
            snprintf(line, sizeof(line), "the %s %s/%s is left on the host (%s)",
                     partial ? "partial copy" : "new volume", v->pool, v->new_name,
                     why ? why : "failed");
        if (asprintf(&joined, "%s%s%s", *notes ? *notes : "", *notes ? "; " : "",
                     line) >= 0) {
            free(*notes);
            *notes = joined;
        }
        free(why);
     next:
        if (vol)
            virStorageVolFree(vol);
        if (pool)
            virStoragePoolFree(pool);
        virResetLastError();
    }
    return left;
}

/* Make one volume: a copy (watched, on a helper thread) or an overlay. */
static int
make_volume(virConnectPtr conn, vd_clone_vol *v, unsigned long long before,
            unsigned long long total, vd_clone_progress_fn progress, void *opaque,
            bool (*cancelled)(void *opaque), bool *cancel_seen, char **err)
{
    copy_call c = { 0 };
    vd_watched w;
    virStorageVolPtr vol = NULL;
    int ret = -1;

    if (!(c.pool = virStoragePoolLookupByName(conn, v->pool))) {
        vd_err_say_libvirt(err, "look up the pool");
        return -1;
    }
    c.xml = v->vol_xml;
    if (v->mode == VD_CLONE_LINK) {
        if (!(vol = virStorageVolCreateXML(c.pool, v->vol_xml, 0))) {
            char *m = vd_err_take("failed");

            vd_err_say(err, "make the overlay for %s: %s", v->target, m);
            free(m);
            goto cleanup;
        }
        goto made;
    }
    if (!(c.src = virStorageVolLookupByPath(conn, v->src_path))) {
        vd_err_say_libvirt(err, "look up the original volume");
        goto cleanup;
    }
    if (vd_watched_start(&w, copy_main, &c) < 0) {
        vd_err_say(err, "could not start a thread");
        goto cleanup;
    }
    while (!vd_watched_wait(&w, 200)) {
        if (!*cancel_seen && cancelled(opaque))
            *cancel_seen = true;
        if (progress) {
            virStorageVolPtr nv = virStorageVolLookupByName(c.pool, v->new_name);
            virStorageVolInfo info;

            if (nv && virStorageVolGetInfo(nv, &info) == 0)
                progress(opaque, before + (info.allocation < v->bytes ? info.allocation : v->bytes),
                         total);
            if (nv)
                virStorageVolFree(nv);
            virResetLastError();
        }
    }
    vol = c.made;
    if (!vol) {
        vd_err_say(err, "copy of disk %s to %s/%s: %s", v->target, v->pool, v->new_name,
            c.err ? c.err : "failed");
        free(c.err);
        goto cleanup;
    }
    free(c.err);

 made:
    {
        char *path = virStorageVolGetPath(vol);

        if (path) {
            free(v->new_path);
            v->new_path = path;
        }
        virResetLastError();
    }
    ret = 0;

 cleanup:
    if (vol)
        virStorageVolFree(vol);
    if (c.src)
        virStorageVolFree(c.src);
    virStoragePoolFree(c.pool);
    return ret;
}

/* Run the plan. */
int
vd_clone_run(virConnectPtr conn, vd_clone_plan *plan, vd_clone_progress_fn progress,
             void *opaque, bool (*cancelled)(void *opaque), char **err)
{
    bool *made = calloc(plan->nvols + 1, sizeof(*made)), cancel_seen = false;
    unsigned long long done = 0;
    virDomainPtr dom = NULL;
    char *xml = NULL, *notes = NULL;
    const char *owner = NULL;
    size_t i, nmade = 0, failed = plan->nvols, left;
    bool dom_lost = false;
    int ret = -1;

    *err = NULL;
    if (!made)
        return vd_err_say(err, "out of memory");
    for (i = 0; i < plan->nvols; i++) {
        vd_clone_vol *v = &plan->vols[i];

        if (v->mode == VD_CLONE_SHARE)
            continue;
        if (cancel_seen || cancelled(opaque)) {
            cancel_seen = true;
            break;
        }
        if (make_volume(conn, v, done, plan->total, progress, opaque, cancelled,
                        &cancel_seen, err) < 0) {
            failed = i;
            goto undo;
        }
        made[i] = true;
        nmade++;
        done += v->bytes;
        if (progress)
            progress(opaque, done, plan->total);
    }
    if (cancel_seen || cancelled(opaque)) {
        cancel_seen = true;
        goto undo;
    }
    if (!(xml = vd_clone_plan_xml(plan))) {
        vd_err_say(err, "out of memory");
        goto undo;
    }
    if (!(dom = virDomainDefineXMLFlags(conn, xml, VIR_DOMAIN_DEFINE_VALIDATE))) {
        vd_err_say_libvirt(err, "define the clone");
        dom_lost = vd_conn_lost(conn);
        goto undo;
    }
    virDomainFree(dom);
    ret = 0;
    goto cleanup;

 undo:
    if (dom_lost) {     /* the clone may be defined: undefine it once back */
        if (vd_leftover_here_domain(conn, plan->uuid, plan->name,
                                    "the domain of the interrupted clone")) {
            owner = plan->uuid;
            vd_err_say(&notes, "the connection was lost: the domain %s will be "
                       "undefined when the host is connected again (if it is "
                       "shut off)", plan->name);
        } else {
            vd_err_say(&notes, "the domain %s may be defined on the host", plan->name);
        }
    }
    left = undo(conn, plan, made, failed, owner, &notes);
    if (cancel_seen) {
        vd_err_say(err, "clone of %s cancelled: %zu new volume(s) deleted, no domain defined",
            plan->original, nmade);
        ret = 1;
    } else if (nmade > 0 || notes) {
        char *first = *err;

        *err = NULL;
        if (!notes)
            vd_err_say(err, "%s; the %zu volume(s) already made were deleted, "
                       "no domain defined", first ? first : "failed", nmade);
        else if (nmade == 0)
            vd_err_say(err, "%s; %s", first ? first : "failed", notes);
        else
            vd_err_say(err, "%s; %zu of the %zu volume(s) made were deleted; %s",
                       first ? first : "failed", nmade - left, nmade, notes);
        free(first);
    }

 cleanup:
    free(notes);
    free(xml);
    free(made);
    return ret;
}
