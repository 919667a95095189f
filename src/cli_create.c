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
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/create.h"
#include "virtdeck/create_host.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/journal.h"
#include "virtdeck/osinfo.h"
#include "virtdeck/uriinfo.h"
#include "cli.h"
#include "cli_create.h"

/* Print a message prefixed with the command's name; returns 1 (the
 * exit status of a failure). */
/* The last message cc_fail() printed, for the journal. */
static char last_failure[1024];

int
cc_fail(const char *fmt, ...)
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
int
cc_report(vd_check_msg *msg)
{
    if (!msg)
        return 0;
    cc_fail("%s", msg);
    vd_check_free(msg);
    return 1;
}

/* libvirt's last error text, for a message. Static until the next call. */
const char *
cc_virt_error(void)
{
    static char buf[1024];
    virErrorPtr err = virGetLastError();

    snprintf(buf, sizeof(buf), "%s",
             err && err->message ? err->message : "unknown libvirt error");
    virResetLastError();
    return buf;
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
        cc_fail("%s", err ? err : "the libosinfo database could not be read");
        free(err);
        return 1;
    }
    if (vd_osdb_lookup(db, spec->os_variant, spec->arch, &v, &rec) < 0) {
        char *near = vd_osdb_suggest(db, spec->os_variant, 5);
        cc_fail("--os-variant: there is no OS variant '%s' in the libosinfo "
             "database%s%s (osinfo-query os lists them)", spec->os_variant,
             near ? "; the closest are " : "", near ? near : "");
        free(near);
        goto cleanup;
    }
    /* the guest agent channel, unless a --channel was given */
    spec->agent_channel = rec.agent && !vd_spec_has_devopt(spec, "channel");
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
        cc_fail("out of memory");
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
            cc_fail("--domcaps: cannot read %s: %s", o->domcaps_file,
                 perr ? perr : strerror(errno));
            free(xml);
            return false;
        }
        free(xml);
        return true;
    }
    return vd_create_caps_read(conn, spec->arch, spec->machine,
                               o->have_virt_type, &spec->virt_type, caps, NULL);
}

/* The checks that need no host, in the order of the form. */
static int
check_fields(const vd_domain_spec *spec, const create_opts *o)
{
    size_t i;

    if (!spec->name)
        return cc_fail("--name is required");
    if (cc_report(vd_check_name(spec->name, NULL, 0)))
        return 1;
    if (!o->have_memory && !spec->memory_mib)
        return cc_fail("--memory is required (MiB)");
    if (cc_report(vd_check_memory(spec->memory_mib, 0)) ||
        cc_report(vd_check_vcpus(spec->vcpus, 0)))
        return 1;
    if (spec->disk.kind == VD_DISK_NEW_VOLUME && !spec->disk.size_bytes &&
        !o->have_disk_size)
        return cc_fail("--disk: pool=%s needs size=GiB", spec->disk.pool);
    if ((spec->net.kind == VD_NET_BRIDGE || spec->net.kind == VD_NET_MACVTAP) &&
        cc_report(vd_check_ifname(spec->net.source)))
        return 1;
    for (i = 0; i < spec->n_more_nets; i++) {
        const vd_net_spec *n = &spec->more_nets[i];
        if ((n->kind == VD_NET_BRIDGE || n->kind == VD_NET_MACVTAP) &&
            cc_report(vd_check_ifname(n->source)))
            return 1;
    }
    if (cc_report(vd_check_mac(spec->net.mac)) ||
        cc_report(vd_check_listen(spec->gfx.listen)) ||
        cc_report(vd_check_password(spec->gfx.password, spec->gfx.kind)))
        return 1;
    if (spec->install.kind == VD_INSTALL_IMPORT && spec->disk.kind == VD_DISK_NONE)
        return cc_fail("--import needs a --disk");
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
    create_opts o = { 0 };
    vd_host_caps caps = { 0 };
    virConnectPtr conn = NULL;
    vd_check_msg *problem;
    const char *perr = NULL;
    char *xml = NULL, *err = NULL;
    char uuid[VD_UUID_LEN] = "";
    vd_journal_entry *je = NULL;
    long long start_ms = 0;
    seed sd = { 0 };
    vd_create_volume seedvol = { 0 };
    bool have_caps;
    int rc, ret = 1;

    rc = vd_create_args_parse(&o, argc, argv);
    if (rc != VD_CLI_HELP && !o.quiet && o.notes[0]) {
        char *line, *save = NULL;
        for (line = strtok_r(o.notes, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save))
            fprintf(stderr, "%s: note: %s\n", PROG, line);
    }
    if (rc != VD_CLI_RUN) {
        ret = vd_cli_report(&vd_cli_create_cmd, rc, o.err);
        goto cleanup;
    }
    if (!o.uri) {
        const char *env = getenv("LIBVIRT_DEFAULT_URI");
        o.uri = env && *env ? env : "qemu:///system";
    }
    if (apply_os_variant(&o.spec, &o) || check_fields(&o.spec, &o))
        goto cleanup;

    /* from here on, what happens is an action on the host: journaled */
    if (!o.print_xml && !o.dry_run) {
        const char *jerr = NULL;
        if (vd_journal_init("create", &jerr) < 0)
            fprintf(stderr, "%s: warning: no journal: %s\n", PROG, jerr);
        start_ms = vd_journal_now_ms();
        je = journal_entry(&o.spec, &o);
    }
    virSetErrorFunc(NULL, silent_error);
    if (virInitialize() < 0) {
        cc_fail("libvirt could not be initialised");
        goto cleanup;
    }
    if (!(conn = virConnectOpenAuth(o.uri, virConnectAuthPtrDefault, 0))) {
        cc_fail("cannot connect to %s: %s", o.uri, cc_virt_error());
        goto cleanup;
    }
    have_caps = read_caps(conn, &o.spec, &o, &caps);
    if (o.domcaps_file && !have_caps)
        goto cleanup;
    if (vd_create_check_host(conn, &o.spec, have_caps ? &caps : NULL,
                             o.path_new, MAX_DEVS, &err) < 0) {
        cc_fail("%s", err ? err : "out of memory");
        goto cleanup;
    }
    if (cc_prepare_seed(conn, &o.spec, &o, &sd))
        goto cleanup;
    if ((problem = vd_check_spec(&o.spec))) {
        cc_report(problem);
        goto cleanup;
    }
    if (!(xml = vd_domain_xml(&o.spec, have_caps ? &caps : NULL, &perr))) {
        cc_fail("%s", perr);
        goto cleanup;
    }
    if (o.print_xml) {
        fputs(xml, stdout);
        ret = fflush(stdout) == 0 ? 0 : 1;
        goto cleanup;
    }
    if (o.dry_run) {
        printf("Dry run: '%s' would be created on %s; nothing was changed.\n",
               o.spec.name, o.uri);
        ret = 0;
        goto cleanup;
    }
    seedvol.pool = sd.pool;
    seedvol.vol = &sd.vol;
    seedvol.data = sd.iso;
    seedvol.len = sd.len;
    if (vd_create_with(conn, &o.spec, have_caps ? &caps : NULL,
                       &seedvol, sd.iso ? 1 : 0,
                       o.start ? VD_CREATE_START : 0, uuid, &err) < 0) {
        cc_fail("%s", err ? err : "creation failed");
        goto cleanup;
    }
    printf("Domain '%s' %s (UUID %s).\n", o.spec.name,
           o.start ? "created and started" : "created", uuid);
    snprintf(last_failure, sizeof(last_failure), "%s %s", o.spec.name,
             o.start ? "created and started" : "created");
    if (je && !je->uuid)
        je->uuid = strdup(uuid);
    if (sd.iso)
        printf("Cloud-init seed: volume '%s' in pool '%s'.\n", sd.vol.name, sd.pool);
    if (sd.password[0])
        printf("Generated root password for the first boot: %s\n"
               "(shown only now; it is in the seed volume until you delete it)\n",
               sd.password);
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
    free(sd.iso);
    free(sd.pool);
    vd_volume_spec_clear(&sd.vol);
    explicit_bzero(sd.password, sizeof(sd.password));
    return ret;
}
