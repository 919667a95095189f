/*
 * cli_create.c: `virtdeck create`, a new domain from the command line
 * with virt-install's option syntax, through the same spec, validators
 * and XML builder as the create wizard.
 *
 * The options fill a vd_domain_spec; the host's facts (names in use,
 * memory, pools, networks, domain capabilities) are read once over the
 * connection and each field is checked with its vd_check_* function, so
 * the messages are the wizard's. --print-xml prints the XML and changes
 * nothing on the host.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/create.h"
#include "virtdeck/domspec.h"
#include "virtdeck/journal.h"
#include "virtdeck/osinfo.h"
#include "virtdeck/uriinfo.h"
#include "cli.h"
#include "cli_args.h"

#define PROG "virtdeck create"

/* What the command line asked for (src/cli_create_args.c). */
typedef vd_create_args create_opts;

/* Print a message prefixed with the command's name; returns 1 (the
 * exit status of a failure). */
/* The last message fail() printed, for the journal. */
static char last_failure[1024];

static int
fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    va_start(ap, fmt);          /* for the journal */
    vsnprintf(last_failure, sizeof(last_failure), fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

/* Report a validator's message (if any) and release it. Returns 1 when
 * there was one, 0 when the field is fine. */
static int
report(vd_check_msg *msg)
{
    if (!msg)
        return 0;
    fail("%s", msg);
    vd_check_free(msg);
    return 1;
}

/* libvirt's last error text, for a message. Static until the next call. */
static const char *
virt_error(void)
{
    static char buf[1024];
    virErrorPtr err = virGetLastError();

    snprintf(buf, sizeof(buf), "%s",
             err && err->message ? err->message : "unknown libvirt error");
    virResetLastError();
    return buf;
}

/* Whether the URI names this machine (no host part), so that a path
 * can be checked with stat(). */
static bool
uri_is_local(const char *uri)
{
    /* the core's one rule (virtdeck/uriinfo.h); no URI is libvirt's
     * default, a local daemon */
    return !uri || vd_uri_is_local(uri);
}

/* The format of an existing volume from its XML (target/format/@type). */
static vd_disk_format
volume_format(virStorageVolPtr vol)
{
    char *xml = virStorageVolGetXMLDesc(vol, 0);
    vd_disk_format fmt = VD_FMT_UNSET;
    xmlDocPtr doc;

    if (!xml)
        return VD_FMT_UNSET;
    if ((doc = xmlReadMemory(xml, (int)strlen(xml), "vol.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING))) {
        xmlXPathContextPtr ctxt = xmlXPathNewContext(doc);
        xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST
                "string(/volume/target/format/@type)", ctxt) : NULL;
        if (obj && obj->type == XPATH_STRING && obj->stringval) {
            int v = vd_disk_format_parse((const char *)obj->stringval);
            if (v > 0)
                fmt = v;
        }
        xmlXPathFreeObject(obj);
        xmlXPathFreeContext(ctxt);
        xmlFreeDoc(doc);
    }
    free(xml);
    return fmt;
}

/* Whether the host has a file at path: a volume in a pool, or (for a
 * local connection) a file. Sets *format from the volume when known. */
static bool
host_has_file(virConnectPtr conn, bool local, const char *path,
              vd_disk_format *format)
{
    virStorageVolPtr vol = virStorageVolLookupByPath(conn, path);
    struct stat st;

    if (vol) {
        vd_disk_format fmt = volume_format(vol);
        if (format && fmt != VD_FMT_UNSET)
            *format = fmt;
        virStorageVolFree(vol);
        return true;
    }
    virResetLastError();
    return local ? stat(path, &st) == 0 : true;   /* remote: cannot tell */
}

/* The host's pools: names, active flags and free bytes. */
typedef struct pool_list {
    virStoragePoolPtr *pools;
    const char **names;
    bool *active;
    int n;
} pool_list;

/* Read the pools. 0 or -1 (message printed). */
static int
read_pools(virConnectPtr conn, pool_list *pl)
{
    int i;

    memset(pl, 0, sizeof(*pl));
    if ((pl->n = virConnectListAllStoragePools(conn, &pl->pools, 0)) < 0) {
        pl->n = 0;
        return fail("cannot list the storage pools: %s", virt_error()), -1;
    }
    pl->names = calloc(pl->n + 1, sizeof(*pl->names));
    pl->active = calloc(pl->n + 1, sizeof(*pl->active));
    if (!pl->names || !pl->active)
        return fail("out of memory"), -1;
    for (i = 0; i < pl->n; i++) {
        pl->names[i] = virStoragePoolGetName(pl->pools[i]);
        pl->active[i] = virStoragePoolIsActive(pl->pools[i]) == 1;
    }
    return 0;
}

/* Free the pool list. */
static void
free_pools(pool_list *pl)
{
    int i;

    for (i = 0; i < pl->n; i++)
        virStoragePoolFree(pl->pools[i]);
    free(pl->pools);
    free(pl->names);
    free(pl->active);
}

/* The pool called name in pl, or NULL. */
static virStoragePoolPtr
find_pool(const pool_list *pl, const char *name)
{
    int i;

    for (i = 0; i < pl->n; i++) {
        if (strcmp(pl->names[i], name) == 0)
            return pl->pools[i];
    }
    return NULL;
}

/* Check that pool holds (or, for a new volume, does not hold) volume;
 * returns the volume's format in *fmt for an existing one. 0 or 1. */
static int
check_pool_volume(const pool_list *pl, const char *pool, const char *volume,
                  bool want_existing, vd_disk_format *fmt)
{
    virStoragePoolPtr p;
    virStorageVolPtr vol;

    if (report(vd_check_pool(pool, pl->names, pl->active, (size_t)pl->n)))
        return 1;
    p = find_pool(pl, pool);
    /* a pool may have changed behind libvirt's back */
    if (virStoragePoolRefresh(p, 0) < 0)
        virResetLastError();
    vol = virStorageVolLookupByName(p, volume);
    virResetLastError();
    if (vol && fmt)
        *fmt = volume_format(vol);
    if (report(vd_check_volume_name(volume, pool, vol != NULL, want_existing))) {
        if (vol)
            virStorageVolFree(vol);
        return 1;
    }
    if (vol)
        virStorageVolFree(vol);
    return 0;
}

/* The names of the host's domains (into *names, caller frees the
 * strings and the array). Returns the count or -1. */
static int
domain_names(virConnectPtr conn, char ***names)
{
    virDomainPtr *doms = NULL;
    int i, n;

    *names = NULL;
    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return -1;
    *names = calloc(n + 1, sizeof(**names));
    for (i = 0; i < n; i++) {
        if (*names)
            (*names)[i] = strdup(virDomainGetName(doms[i]));
        virDomainFree(doms[i]);
    }
    free(doms);
    return *names ? n : -1;
}

/* Fill kernel and initrd of a --location that is a local directory
 * from the usual layouts of install trees. */
static void
find_tree_kernel(vd_install_spec *in, bool local)
{
    static const char *const layouts[][2] = {
        { "images/pxeboot/vmlinuz", "images/pxeboot/initrd.img" },   /* Fedora, RHEL */
        { "install.amd/vmlinuz", "install.amd/initrd.gz" },          /* Debian */
        { "casper/vmlinuz", "casper/initrd" },                        /* Ubuntu */
        { "boot/x86_64/loader/linux", "boot/x86_64/loader/initrd" },  /* openSUSE */
        { "linux", "initrd.gz" },                                     /* netboot dir */
    };
    char *k = NULL, *i = NULL;
    struct stat st;
    size_t n;

    if (!in->location || in->location[0] != '/')
        return;
    /* relative kernel=/initrd= are inside the tree */
    if (in->kernel && in->kernel[0] != '/' && asprintf(&k, "%s/%s", in->location, in->kernel) >= 0) {
        free(in->kernel);
        in->kernel = k;
        k = NULL;
    }
    if (in->initrd && in->initrd[0] != '/' && asprintf(&i, "%s/%s", in->location, in->initrd) >= 0) {
        free(in->initrd);
        in->initrd = i;
        i = NULL;
    }
    if ((in->kernel && in->initrd) || !local)
        return;
    for (n = 0; n < sizeof(layouts) / sizeof(layouts[0]); n++) {
        if (asprintf(&k, "%s/%s", in->location, layouts[n][0]) < 0)
            return;
        if (asprintf(&i, "%s/%s", in->location, layouts[n][1]) < 0) {
            free(k);
            return;
        }
        if (stat(k, &st) == 0 && stat(i, &st) == 0) {
            if (!in->kernel) {
                in->kernel = k;
                k = NULL;
            }
            if (!in->initrd) {
                in->initrd = i;
                i = NULL;
            }
        }
        free(k);
        free(i);
        k = i = NULL;
        if (in->kernel && in->initrd)
            return;
    }
}

/* Apply --os-variant: look it up and take its recommendations where the
 * command line gave no value. 0 or 1 (message printed). */
static int
apply_os_variant(vd_domain_spec *spec, const create_opts *o)
{
    vd_osdb *db;
    vd_os_variant v;
    vd_os_recommend rec;
    unsigned int mask = 0;
    char *err = NULL;
    int ret = 1;

    if (!spec->os_variant || strcmp(spec->os_variant, "generic") == 0 ||
        strcmp(spec->os_variant, "none") == 0) {
        vd_spec_set(&spec->os_variant, NULL);
        return 0;
    }
    if (!(db = vd_osdb_open(&err))) {
        fail("%s", err ? err : "the libosinfo database could not be read");
        free(err);
        return 1;
    }
    if (vd_osdb_lookup(db, spec->os_variant, spec->arch, &v, &rec) < 0) {
        fail("--os-variant: there is no OS variant '%s' in the libosinfo "
             "database (osinfo-query os lists them)", spec->os_variant);
        goto cleanup;
    }
    if (o->have_memory)
        mask |= VD_OSREC_MEMORY;
    if (o->have_vcpus)
        mask |= VD_OSREC_VCPUS;
    if (o->have_disk_size || spec->disk.kind != VD_DISK_NEW_VOLUME)
        mask |= VD_OSREC_DISK_SIZE;
    if (o->have_disk_bus)
        mask |= VD_OSREC_DISK_BUS;
    if (o->have_nic_model)
        mask |= VD_OSREC_NIC_MODEL;
    if (o->have_firmware)
        mask |= VD_OSREC_FIRMWARE;
    if (vd_os_apply(&v, &rec, mask, spec) < 0)
        fail("out of memory");
    else
        ret = 0;
    vd_os_variant_clear(&v);

 cleanup:
    vd_osdb_free(db);
    return ret;
}

/* Read the host caps (from --domcaps or the host), choosing the virt
 * type when not given. Returns whether caps were read: the test driver
 * and other non-QEMU drivers have none, which is no error. */
static bool
read_caps(virConnectPtr conn, vd_domain_spec *spec, const create_opts *o,
          vd_host_caps *caps)
{
    const char *hv = virConnectGetType(conn);
    const char *arch = spec->arch ? spec->arch : "x86_64";
    char *err = NULL;
    bool x86 = strcmp(arch, "x86_64") == 0 || strcmp(arch, "i686") == 0;

    if (o->domcaps_file) {
        FILE *f = fopen(o->domcaps_file, "r");
        char *xml = NULL;
        size_t len = 0;
        const char *perr = NULL;

        if (f) {
            FILE *mem = open_memstream(&xml, &len);
            int ch;
            while (mem && (ch = fgetc(f)) != EOF)
                fputc(ch, mem);
            if (mem)
                fclose(mem);
            fclose(f);
        }
        if (!xml || vd_domcaps_parse(xml, caps, &perr) < 0) {
            fail("--domcaps: cannot read %s: %s", o->domcaps_file,
                 perr ? perr : strerror(errno));
            free(xml);
            return false;
        }
        free(xml);
        return true;
    }
    if (!hv || strcasecmp(hv, "QEMU") != 0) {
        virResetLastError();
        if (!o->have_virt_type && hv && strcasecmp(hv, "TEST") == 0)
            spec->virt_type = VD_VIRT_TEST;
        return false;
    }
    if (!spec->arch)
        arch = NULL;            /* the host's own */
    /* Prefer q35 on x86, as virt-manager does; fall back to the default
     * machine where q35 is missing. */
    for (;;) {
        const char *machine = spec->machine ? spec->machine
                            : x86 ? "q35" : NULL;
        if (vd_domcaps_read(conn, vd_virt_type_name(spec->virt_type), arch,
                            machine, caps, &err) == 0)
            return true;
        free(err);
        err = NULL;
        if (!spec->machine && x86) {
            if (vd_domcaps_read(conn, vd_virt_type_name(spec->virt_type),
                                arch, NULL, caps, &err) == 0)
                return true;
            free(err);
            err = NULL;
        }
        if (!o->have_virt_type && spec->virt_type == VD_VIRT_KVM) {
            spec->virt_type = VD_VIRT_QEMU;     /* no KVM: plain emulation */
            continue;
        }
        return false;
    }
}

/* Check every field against the host. 0 or 1 (message printed). */
static int
check_against_host(virConnectPtr conn, const char *uri, vd_domain_spec *spec,
                   const vd_host_caps *caps)
{
    bool local = uri_is_local(uri);
    pool_list pl = { 0 };
    char **names = NULL;
    int ndoms, i, ret = 1;
    virNodeInfo node;

    if ((ndoms = domain_names(conn, &names)) < 0)
        return fail("cannot list the domains: %s", virt_error());
    if (report(vd_check_name(spec->name, (const char *const *)names,
                             (size_t)ndoms)))
        goto cleanup;
    if (report(vd_check_vcpus(spec->vcpus, caps ? caps->max_vcpus : 0)))
        goto cleanup;
    if (virNodeGetInfo(conn, &node) < 0) {
        fail("cannot read the host's memory: %s", virt_error());
        goto cleanup;
    }
    if (report(vd_check_memory(spec->memory_mib, node.memory / 1024)))
        goto cleanup;

    if (read_pools(conn, &pl) < 0)
        goto cleanup;
    switch (spec->install.kind) {
    case VD_INSTALL_CDROM_VOLUME:
        if (check_pool_volume(&pl, spec->install.pool, spec->install.volume,
                              true, NULL))
            goto cleanup;
        break;
    case VD_INSTALL_CDROM_PATH:
        if (report(vd_check_host_path(spec->install.path,
                                      host_has_file(conn, local,
                                                    spec->install.path, NULL))))
            goto cleanup;
        break;
    case VD_INSTALL_LOCATION:
        if (report(vd_check_location(spec->install.location)))
            goto cleanup;
        find_tree_kernel(&spec->install, local);
        if (!spec->install.kernel || !spec->install.initrd) {
            fail("--location: give kernel=PATH,initrd=PATH (files on the host): "
                 "virtdeck does not download install trees");
            goto cleanup;
        }
        if (report(vd_check_host_path(spec->install.kernel,
                                      host_has_file(conn, local, spec->install.kernel, NULL))) ||
            report(vd_check_host_path(spec->install.initrd,
                                      host_has_file(conn, local, spec->install.initrd, NULL))))
            goto cleanup;
        break;
    default:
        break;
    }

    switch (spec->disk.kind) {
    case VD_DISK_NEW_VOLUME: {
        virStoragePoolInfo info;
        char *volname = vd_spec_new_volume_name(spec);
        virStoragePoolPtr p;
        int bad;

        if (!volname) {
            fail("out of memory");
            goto cleanup;
        }
        bad = check_pool_volume(&pl, spec->disk.pool, volname, false, NULL);
        free(volname);
        if (bad)
            goto cleanup;
        p = find_pool(&pl, spec->disk.pool);
        if (virStoragePoolGetInfo(p, &info) < 0) {
            fail("pool '%s': %s", spec->disk.pool, virt_error());
            goto cleanup;
        }
        if (report(vd_check_disk_size(spec->disk.size_bytes, spec->disk.pool,
                                      info.available, true)))
            goto cleanup;
        break;
    }
    case VD_DISK_VOLUME:
        if (check_pool_volume(&pl, spec->disk.pool, spec->disk.volume, true,
                              &spec->disk.format))
            goto cleanup;
        break;
    case VD_DISK_PATH: {
        const char *dot = strrchr(spec->disk.path, '.');
        if (dot && (strcmp(dot, ".qcow2") == 0 || strcmp(dot, ".qcow") == 0))
            spec->disk.format = VD_FMT_QCOW2;
        if (report(vd_check_host_path(spec->disk.path,
                                      host_has_file(conn, local, spec->disk.path,
                                                    &spec->disk.format))))
            goto cleanup;
        break;
    }
    default:
        break;
    }

    if (spec->net.kind == VD_NET_NETWORK) {
        virNetworkPtr *nets = NULL;
        const char **nnames;
        bool *active;
        int n = virConnectListAllNetworks(conn, &nets, 0), bad;

        if (n < 0) {
            fail("cannot list the networks: %s", virt_error());
            goto cleanup;
        }
        nnames = calloc(n + 1, sizeof(*nnames));
        active = calloc(n + 1, sizeof(*active));
        for (i = 0; nnames && active && i < n; i++) {
            nnames[i] = virNetworkGetName(nets[i]);
            active[i] = virNetworkIsActive(nets[i]) == 1;
        }
        bad = nnames && active
            ? report(vd_check_network(spec->net.source, nnames, active, (size_t)n))
            : (fail("out of memory"), 1);
        for (i = 0; i < n; i++)
            virNetworkFree(nets[i]);
        free(nets);
        free(nnames);
        free(active);
        if (bad)
            goto cleanup;
    }
    if (report(vd_check_firmware(spec->firmware, caps)))
        goto cleanup;
    ret = 0;

 cleanup:
    for (i = 0; names && i < ndoms; i++)
        free(names[i]);
    free(names);
    free_pools(&pl);
    return ret;
}

/* The checks that need no host, in the order of the form. */
static int
check_fields(const vd_domain_spec *spec, const create_opts *o)
{
    if (!spec->name)
        return fail("--name is required");
    if (report(vd_check_name(spec->name, NULL, 0)))
        return 1;
    if (!o->have_memory && !spec->memory_mib)
        return fail("--memory is required (MiB)");
    if (report(vd_check_memory(spec->memory_mib, 0)) ||
        report(vd_check_vcpus(spec->vcpus, 0)))
        return 1;
    if (spec->disk.kind == VD_DISK_NEW_VOLUME && !spec->disk.size_bytes &&
        !o->have_disk_size)
        return fail("--disk: pool=%s needs size=GiB", spec->disk.pool);
    if (spec->net.kind == VD_NET_NETWORK || spec->net.kind == VD_NET_NONE) {
        /* names of virtual networks are libvirt's business */
    } else if (report(vd_check_ifname(spec->net.source))) {
        return 1;
    }
    if (report(vd_check_mac(spec->net.mac)) ||
        report(vd_check_listen(spec->gfx.listen)) ||
        report(vd_check_password(spec->gfx.password, spec->gfx.kind)))
        return 1;
    if (spec->install.kind == VD_INSTALL_IMPORT &&
        spec->disk.kind != VD_DISK_VOLUME && spec->disk.kind != VD_DISK_PATH)
        return fail("importing needs an existing disk (a volume or a path)");
    return 0;
}

/* The journal's entry for this create: what was asked, without the
 * graphics password (vd_journal_arg redacts it by name). */
static vd_journal_entry *
journal_entry(const vd_domain_spec *spec, const create_opts *o)
{
    vd_journal_entry *e = vd_journal_action_new(o->uri, o->uri, "domain",
                                                spec->name, NULL,
                                                o->start ? "create and start"
                                                         : "create");
    char buf[64];

    if (!e)
        return NULL;
    snprintf(buf, sizeof(buf), "%u", spec->vcpus);
    vd_journal_arg(e, "vcpus", buf);
    snprintf(buf, sizeof(buf), "%llu", (unsigned long long)spec->memory_mib);
    vd_journal_arg(e, "memory_mib", buf);
    if (spec->os_variant)
        vd_journal_arg(e, "os_variant", spec->os_variant);
    if (spec->disk.pool)
        vd_journal_arg(e, "disk_pool", spec->disk.pool);
    if (spec->disk.path)
        vd_journal_arg(e, "disk_path", spec->disk.path);
    if (spec->net.source)
        vd_journal_arg(e, "network", spec->net.source);
    if (spec->gfx.password)
        vd_journal_arg(e, "graphics_password", spec->gfx.password);
    return e;
}

/* libvirt's errors are read with virGetLastError(), not printed. */
static void
silent_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* virtdeck create. */
int
vd_cli_create(int argc, char **argv)
{
    vd_create_args o = { 0 };
    vd_domain_spec *spec = &o.spec;
    vd_host_caps caps = { 0 };
    virConnectPtr conn = NULL;
    vd_check_msg *problem;
    const char *perr = NULL;
    char *xml = NULL, *err = NULL;
    char uuid[VD_UUID_LEN] = "";
    vd_journal_entry *je = NULL;
    long long start_ms = 0;
    bool have_caps;
    int rc, ret = 1;

    if ((rc = vd_create_args_parse(&o, argc, argv)) != VD_CLI_RUN) {
        ret = vd_cli_report(&vd_cli_create_cmd, rc, o.err);
        goto cleanup;
    }
    if (!o.uri) {
        const char *env = getenv("LIBVIRT_DEFAULT_URI");
        o.uri = env && *env ? env : "qemu:///system";
    }
    if (apply_os_variant(spec, &o) || check_fields(spec, &o))
        goto cleanup;

    /* from here on, what happens is an action on the host: journaled */
    if (!o.print_xml && !o.dry_run) {
        const char *jerr = NULL;
        if (vd_journal_init("create", &jerr) < 0)
            fprintf(stderr, "%s: warning: no journal: %s\n", PROG, jerr);
        start_ms = vd_journal_now_ms();
        je = journal_entry(spec, &o);
    }
    virSetErrorFunc(NULL, silent_error);
    if (virInitialize() < 0) {
        fail("libvirt could not be initialised");
        goto cleanup;
    }
    if (!(conn = virConnectOpenAuth(o.uri, virConnectAuthPtrDefault, 0))) {
        fail("cannot connect to %s: %s", o.uri, virt_error());
        goto cleanup;
    }
    have_caps = read_caps(conn, spec, &o, &caps);
    if (o.domcaps_file && !have_caps)
        goto cleanup;
    if (check_against_host(conn, o.uri, spec, have_caps ? &caps : NULL))
        goto cleanup;
    if ((problem = vd_check_spec(spec))) {
        report(problem);
        goto cleanup;
    }
    if (!(xml = vd_domain_xml(spec, have_caps ? &caps : NULL, &perr))) {
        fail("%s", perr);
        goto cleanup;
    }
    if (o.print_xml) {
        fputs(xml, stdout);
        ret = fflush(stdout) == 0 ? 0 : 1;
        goto cleanup;
    }
    if (o.dry_run) {
        printf("Dry run: '%s' would be created on %s; nothing was changed.\n",
               spec->name, o.uri);
        ret = 0;
        goto cleanup;
    }
    if (vd_create(conn, spec, have_caps ? &caps : NULL,
                  o.start ? VD_CREATE_START : 0, uuid, &err) < 0) {
        fail("%s", err ? err : "creation failed");
        goto cleanup;
    }
    printf("Domain '%s' %s (UUID %s).\n", spec->name,
           o.start ? "created and started" : "created", uuid);
    snprintf(last_failure, sizeof(last_failure), "%s %s", spec->name,
             o.start ? "created and started" : "created");
    if (je && !je->uuid)
        je->uuid = strdup(uuid);
    ret = 0;

 cleanup:
    if (je) {
        vd_journal_action_done(je, start_ms, ret == 0, last_failure);
        vd_journal_shutdown(5000);
        {
            char *jmsg = vd_journal_take_error();
            if (jmsg)
                fprintf(stderr, "%s: warning: %s\n", PROG, jmsg);
            free(jmsg);
        }
    }
    free(err);
    free(xml);
    if (conn)
        virConnectClose(conn);
    vd_host_caps_clear(&caps);
    vd_create_args_clear(&o);
    return ret;
}
