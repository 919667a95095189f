/*
 * test_xml_virtinst.c: `virtdeck create --print-xml` against
 * `virt-install --print-xml --dry-run` for a table of option sets. Both
 * run on the same host picture: libvirt's test driver with
 * tests/data/model-host.xml, and for virt-install that connection made
 * to look like a KVM host (its own test URI with the capabilities in
 * tests/xml/data); virtdeck gets the same domain capabilities with
 * --domcaps. The documents are parsed with libxml2 and compared on what
 * matters: type, vCPUs, memory, CPU mode, firmware, boot order, disks
 * (device, bus, format, cache, source), interfaces (type, source,
 * model, MAC), graphics (type, listen, password) and video.
 * Skipped (exit 77 with a note) when virt-install is not installed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "xmltest.h"

#define POOL_A_PATH "/var/lib/virtdeck-test/pool-a"
#define ISO_PATH POOL_A_PATH "/scratch.raw"

typedef struct eq_case {
    const char *name;
    const char *common;         /* options both get (blank-separated) */
    const char *ours;           /* options only virtdeck gets */
    const char *theirs;         /* options only virt-install gets */
    bool cpu;                   /* compare the CPU mode */
    bool video;                 /* compare the video model */
} eq_case;

static const eq_case cases[] = {
    { "issue-guest",
      "--name eq1 --machine q35 --vcpus 2 --memory 1024 --disk pool=pool-a,size=20,format=qcow2,bus=virtio "
      "--network network=net-nat,model=virtio --graphics vnc,listen=127.0.0.1,password=secret",
      "--cdrom pool-a/scratch.raw", "--cdrom " ISO_PATH, false, false },
    { "raw-sata-bridge-spice",
      "--name eq2 --machine q35 --vcpus 1 --memory 512 --disk pool=pool-a,size=8,format=raw,bus=sata "
      "--cdrom " ISO_PATH " --network bridge=br0,model=e1000e --graphics spice",
      "", "", false, false },
    { "import-path-mac",
      "--name eq3 --vcpus 4 --memory 2048 --disk path=" POOL_A_PATH "/delta.qcow2,bus=virtio "
      "--import --network network=net-nat,model=virtio,mac=52:54:00:11:22:33 --graphics none",
      "", "--check path_in_use=off", false, false },
    { "pxe-macvtap",
      "--name eq4 --vcpus 1 --memory 1024 --pxe --disk pool=pool-a,size=4,bus=virtio "
      "--network type=direct,source=eth0,source_mode=bridge,model=virtio "
      "--graphics vnc,listen=0.0.0.0",
      "", "", false, false },
    { "uefi-scsi",
      "--name eq5 --machine q35 --vcpus 2 --memory 4096 --boot uefi --cdrom " ISO_PATH " "
      "--disk pool=pool-a,size=30,bus=scsi --network network=net-nat,model=virtio --graphics vnc",
      "", "", false, false },
    { "passthrough-boot-order-cache",
      "--name eq6 --vcpus 1 --memory 1024 --cpu host-passthrough "
      "--disk path=" POOL_A_PATH "/delta.qcow2,bus=virtio,cache=none --import "
      "--boot network,hd --network network=net-nat,model=virtio "
      "--graphics vnc,password=pw",
      "", "--check path_in_use=off", true, false },
    { "host-model-volume-spice",
      "--name eq7 --vcpus 1 --memory 768 --cpu host-model --disk vol=pool-a/scratch.raw,bus=virtio "
      "--import --network none --graphics spice,listen=0.0.0.0,password=longspicepassword",
      "", "", true, false },
    { "no-disk-rtl-video",
      "--name eq8 --machine q35 --vcpus 1 --memory 512 --disk none --cdrom " ISO_PATH " "
      "--network network=net-nat,model=rtl8139 --graphics vnc --video virtio",
      "", "", false, true },
    { "os-variant-defaults",
      "--name eq9 --vcpus 2 --memory 2048 --os-variant debian11 --disk pool=pool-a,size=10 "
      "--cdrom " ISO_PATH " --network network=net-nat --graphics vnc",
      "", "", false, false },
    { "uefi-passthrough-sata",
      "--name eq10 --machine q35 --vcpus 8 --memory 8192 --boot uefi --cpu host-passthrough "
      "--disk pool=pool-a,size=50,format=qcow2,bus=sata,cache=writeback "
      "--cdrom " ISO_PATH " --network bridge=br-lan,model=virtio --graphics vnc,listen=127.0.0.1",
      "", "", true, false },
};

static char model_uri[4096];
static char magic_uri[8192];
static char domcaps_path[4096];
static const char *virtdeck_bin;

/* Append the blank-separated words of s to argv (copies; n updated). */
static void
add_words(char **argv, int *n, const char *s)
{
    char *copy = strdup(s), *w, *save = NULL;

    for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        argv[(*n)++] = strdup(w);
    free(copy);
}

/* Free what add_words made from index from on. */
static void
free_words(char **argv, int from, int n)
{
    int i;

    for (i = from; i < n; i++)
        free(argv[i]);
}

/* Memory in KiB from a <memory> element's value and unit. */
static unsigned long long
to_kib(const char *value, const char *unit)
{
    unsigned long long v = strtoull(value, NULL, 10);

    if (!*unit || strcmp(unit, "KiB") == 0 || strcmp(unit, "k") == 0)
        return v;
    if (strcmp(unit, "MiB") == 0 || strcmp(unit, "M") == 0)
        return v * 1024;
    if (strcmp(unit, "GiB") == 0 || strcmp(unit, "G") == 0)
        return v * 1024 * 1024;
    return v;
}

/* Append printf text to a growing string. */
static void
cat(char **s, const char *fmt, ...)
{
    va_list ap;
    char *more = NULL, *joined = NULL;

    va_start(ap, fmt);
    assert_true(vasprintf(&more, fmt, ap) >= 0);
    va_end(ap);
    assert_true(asprintf(&joined, "%s%s", *s ? *s : "", more) >= 0);
    free(*s);
    free(more);
    *s = joined;
}

/* The source of the disk at node as one path: pool volumes are given
 * their path in the model host's pool. */
static char *
disk_source(xmlXPathContextPtr ctxt, xmlNodePtr node)
{
    char *file = xt_xpath_at(ctxt, node, "string(source/@file)");
    char *dev, *pool, *vol, *ret = NULL;

    if (*file)
        return file;
    free(file);
    dev = xt_xpath_at(ctxt, node, "string(source/@dev)");
    if (*dev)
        return dev;
    free(dev);
    pool = xt_xpath_at(ctxt, node, "string(source/@pool)");
    vol = xt_xpath_at(ctxt, node, "string(source/@volume)");
    if (strcmp(pool, "pool-a") == 0)
        assert_true(asprintf(&ret, "%s/%s", POOL_A_PATH, vol) >= 0);
    else if (*pool)
        assert_true(asprintf(&ret, "%s/%s", pool, vol) >= 0);
    else
        ret = strdup("");
    free(pool);
    free(vol);
    return ret;
}

/* One line per fact that matters, in document order. */
static char *
summarise(const char *xml, const eq_case *c, bool with_mac)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "d.xml", NULL,
                                  XML_PARSE_NONET);
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr obj;
    char *s = NULL, *a, *b, *d, *e, *f;
    int i;

    if (!doc)
        fail_msg("not well-formed XML:\n%s", xml);
    ctxt = xmlXPathNewContext(doc);

    a = xt_xpath(ctxt, "string(/domain/@type)");
    b = xt_xpath(ctxt, "string(/domain/vcpu)");
    cat(&s, "type=%s\nvcpus=%s\n", a, b);
    free(a);
    free(b);
    a = xt_xpath(ctxt, "string(/domain/memory)");
    b = xt_xpath(ctxt, "string(/domain/memory/@unit)");
    cat(&s, "memory_kib=%llu\n", to_kib(a, b));
    free(a);
    free(b);
    a = xt_xpath(ctxt, "string(/domain/currentMemory)");
    b = xt_xpath(ctxt, "string(/domain/currentMemory/@unit)");
    cat(&s, "current_memory_kib=%llu\n", to_kib(a, b));
    free(a);
    free(b);
    if (c->cpu) {
        a = xt_xpath(ctxt, "string(/domain/cpu/@mode)");
        cat(&s, "cpu=%s\n", a);
        free(a);
    }
    a = xt_xpath(ctxt, "string(/domain/os/@firmware)");
    b = xt_xpath(ctxt, "string(/domain/os/loader)");
    cat(&s, "firmware=%s\n", *a || *b ? "efi" : "bios");
    free(a);
    free(b);
    cat(&s, "boot=");
    obj = xt_nodes(ctxt, "/domain/os/boot");
    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        a = xt_xpath_at(ctxt, obj->nodesetval->nodeTab[i], "string(@dev)");
        cat(&s, "%s%s", i ? "," : "", a);
        free(a);
    }
    cat(&s, "\n");
    xmlXPathFreeObject(obj);

    obj = xt_nodes(ctxt, "/domain/devices/disk");
    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];
        a = xt_xpath_at(ctxt, n, "string(@device)");
        b = xt_xpath_at(ctxt, n, "string(target/@bus)");
        d = xt_xpath_at(ctxt, n, "string(driver/@type)");
        e = xt_xpath_at(ctxt, n, "string(driver/@cache)");
        f = disk_source(ctxt, n);
        cat(&s, "disk device=%s bus=%s format=%s cache=%s source=%s\n",
            a, b, d, e, f);
        free(a);
        free(b);
        free(d);
        free(e);
        free(f);
    }
    xmlXPathFreeObject(obj);

    obj = xt_nodes(ctxt, "/domain/devices/interface");
    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];
        a = xt_xpath_at(ctxt, n, "string(@type)");
        b = xt_xpath_at(ctxt, n, "concat(source/@network, source/@bridge, source/@dev)");
        d = xt_xpath_at(ctxt, n, "string(model/@type)");
        e = xt_xpath_at(ctxt, n, with_mac ? "string(mac/@address)" : "string(nothing)");
        f = xt_xpath_at(ctxt, n, "string(source/@mode)");
        cat(&s, "interface type=%s source=%s mode=%s model=%s mac=%s\n",
            a, b, f, d, e);
        free(a);
        free(b);
        free(d);
        free(e);
        free(f);
    }
    xmlXPathFreeObject(obj);

    obj = xt_nodes(ctxt, "/domain/devices/graphics");
    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];
        a = xt_xpath_at(ctxt, n, "string(@type)");
        b = xt_xpath_at(ctxt, n, "string(@listen)");
        if (!*b) {
            free(b);
            b = xt_xpath_at(ctxt, n, "string(listen[@type='address']/@address)");
        }
        d = xt_xpath_at(ctxt, n, "string(@passwd)");
        cat(&s, "graphics type=%s listen=%s passwd=%s\n", a, b, d);
        free(a);
        free(b);
        free(d);
    }
    xmlXPathFreeObject(obj);
    if (c->video) {
        a = xt_xpath(ctxt, "string(/domain/devices/video/model/@type)");
        cat(&s, "video=%s\n", a);
        free(a);
    }
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return s;
}

/* The first <domain> document of virt-install's output (it prints the
 * install-time and the boot-time documents one after the other). */
static char *
first_document(const char *out)
{
    const char *end = strstr(out, "</domain>");

    if (!end)
        return NULL;
    return strndup(out, end + strlen("</domain>") - out);
}

/* One option set. */
static void
test_case(void **state)
{
    const eq_case *c = *state;
    char *ours_argv[96], *theirs_argv[96];
    char *ours_out = NULL, *ours_err = NULL, *theirs_out = NULL;
    char *theirs_err = NULL, *theirs_doc, *a, *b, *vout = NULL;
    int no = 0, nt = 0, rc;

    ours_argv[no++] = strdup(virtdeck_bin);
    ours_argv[no++] = strdup("create");
    add_words(ours_argv, &no, "-c");
    ours_argv[no++] = strdup(model_uri);
    add_words(ours_argv, &no, "--virt-type kvm --print-xml --domcaps");
    ours_argv[no++] = strdup(domcaps_path);
    add_words(ours_argv, &no, c->common);
    add_words(ours_argv, &no, c->ours);
    ours_argv[no] = NULL;

    theirs_argv[nt++] = strdup("virt-install");
    theirs_argv[nt++] = strdup("--connect");
    theirs_argv[nt++] = strdup(magic_uri);
    add_words(theirs_argv, &nt, "--print-xml --dry-run --noautoconsole");
    add_words(theirs_argv, &nt, c->common);
    add_words(theirs_argv, &nt, c->theirs);
    theirs_argv[nt] = NULL;

    rc = xt_run_split(ours_argv, &ours_out, &ours_err);
    if (rc != 0)
        fail_msg("virtdeck create failed (%d): %s", rc, ours_err ? ours_err : "");
    rc = xt_run_split(theirs_argv, &theirs_out, &theirs_err);
    if (rc != 0)
        fail_msg("virt-install failed (%d): %s", rc, theirs_err ? theirs_err : "");
    if (!(theirs_doc = first_document(theirs_out)))
        fail_msg("no domain in virt-install's output:\n%s", theirs_out);

    /* ours must be valid on its own, too */
    if (!xt_validate(ours_out, "domain", &vout))
        fail_msg("virt-xml-validate rejects virtdeck's XML:\n%s\n%s", vout, ours_out);
    free(vout);

    a = summarise(ours_out, c, strstr(c->common, "mac=") != NULL);
    b = summarise(theirs_doc, c, strstr(c->common, "mac=") != NULL);
    if (strcmp(a, b) != 0)
        fail_msg("virtdeck and virt-install differ for '%s':\n--- virtdeck\n%s"
                 "--- virt-install\n%s--- virtdeck's XML\n%s--- virt-install's XML\n%s\n",
                 c->name, a, b, ours_out, theirs_doc);
    free(a);
    free(b);
    free(theirs_doc);
    free(ours_out);
    free(ours_err);
    free(theirs_out);
    free(theirs_err);
    free_words(ours_argv, 0, no);
    free_words(theirs_argv, 0, nt);
}

/* Whether prog is found on PATH. */
static bool
on_path(const char *prog)
{
    const char *path = getenv("PATH");
    char *copy, *dir, *save = NULL, buf[4096];
    bool found = false;

    if (!path || !(copy = strdup(path)))
        return false;
    for (dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        snprintf(buf, sizeof(buf), "%s/%s", dir, prog);
        found = access(buf, X_OK) == 0;
    }
    free(copy);
    return found;
}

/* Run the tests. */
int
main(void)
{
    size_t n = sizeof(cases) / sizeof(cases[0]), i;
    struct CMUnitTest *tests = calloc(n, sizeof(*tests));
    int rc;

    if (!on_path("virt-install")) {
        printf("virt-install is not installed (Debian package virtinst): "
               "skipping the equivalence test\n");
        free(tests);
        return 77;              /* skipped, as run.sh counts it */
    }
    virtdeck_bin = getenv("VD_BIN");
    if (!virtdeck_bin || !*virtdeck_bin)
        virtdeck_bin = VD_BUILD_ROOT "/virtdeck";
    snprintf(model_uri, sizeof(model_uri), "test://%s/model-host.xml", VD_TEST_DATA);
    snprintf(domcaps_path, sizeof(domcaps_path), "%s/domcaps-q35.xml", VD_XML_DATA);
    snprintf(magic_uri, sizeof(magic_uri),
             "__virtinst_test__test://%s/model-host.xml,fakeuri=qemu:///system,"
             "caps=%s/capabilities-kvm.xml,domcaps=%s/domcaps-q35.xml,predictable",
             VD_TEST_DATA, VD_XML_DATA, VD_XML_DATA);
    /* virt-install 4 insists on --os-variant otherwise */
    setenv("VIRTINSTALL_OSINFO_DISABLE_REQUIRE", "1", 1);
    for (i = 0; i < n; i++) {
        tests[i].name = cases[i].name;
        tests[i].test_func = test_case;
        tests[i].initial_state = (void *)&cases[i];
    }
    rc = _cmocka_run_group_tests("xml_virtinst", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
