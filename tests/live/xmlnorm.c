/*
 * xmlnorm.c: a domain XML (stdin) in a normal form for comparing
 * virtdeck's and virt-install's documents element by element
 * (tests/live/create_virtinst_corpus.sh).
 *
 *   xmlnorm 'COMMAND LINE' [POOL=DIR]... < domain.xml
 *
 * Prints one line per element of the domain (and per device), each the
 * element in a canonical form (attributes sorted, children nested in
 * braces), after these normalisations:
 *   - what each side makes up is dropped: UUID, metadata, emulator,
 *     device addresses and target names, MACs (unless the command line
 *     gives mac=), libvirt's and virt-install's implicit controllers,
 *     PS/2 inputs, features, power management, clock timers;
 *   - defaults that virtdeck documents as not added (docs/create.md:
 *     memballoon, rng, sound, USB redirection, audio) unless the
 *     command line asks for the device; the CPU, machine type and video
 *     model unless the command line names them;
 *   - spellings: memory in KiB, pool volumes as their paths in the
 *     POOL=DIR directories, graphics' automatic port, the pty
 *     serial/console pair that both stand for one serial console.
 */
#define _GNU_SOURCE 1
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

static const char *cmdline = "";
static char **pools;
static int npools;

/* Whether the command line holds s. */
static bool
given(const char *s)
{
    return strstr(cmdline, s) != NULL;
}

/* Whether an argument of option opt (its next word) holds s. */
static bool
option_has(const char *opt, const char *s)
{
    size_t len = strlen(opt);
    const char *p = cmdline;

    while ((p = strstr(p, opt))) {
        const char *arg = p + len, *end;
        if ((p == cmdline || p[-1] == ' ') && *arg == ' ') {
            arg++;
            end = strchr(arg, ' ');
            if (!end)
                end = arg + strlen(arg);
            if (memmem(arg, (size_t)(end - arg), s, strlen(s)))
                return true;
        }
        p += len;
    }
    return false;
}

/* Delete every node matching expr. */
static void
drop(xmlXPathContextPtr ctxt, const char *expr)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    int i;

    if (!obj || !obj->nodesetval) {
        xmlXPathFreeObject(obj);
        return;
    }
    for (i = obj->nodesetval->nodeNr - 1; i >= 0; i--) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];
        if (n->type == XML_ATTRIBUTE_NODE) {
            xmlRemoveProp((xmlAttrPtr)n);
        } else {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
        obj->nodesetval->nodeTab[i] = NULL;
    }
    xmlXPathFreeObject(obj);
}

/* The nodes of expr (caller frees the object). */
static xmlXPathObjectPtr
nodes(xmlXPathContextPtr ctxt, const char *expr)
{
    return xmlXPathEvalExpression(BAD_CAST expr, ctxt);
}

/* Memory elements to KiB without a unit. */
static void
memory_kib(xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj = nodes(ctxt, "/domain/memory|/domain/currentMemory");
    int i;

    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];
        xmlChar *unit = xmlGetProp(n, BAD_CAST "unit");
        xmlChar *text = xmlNodeGetContent(n);
        unsigned long long v = strtoull((const char *)text, NULL, 10);
        char buf[32];

        if (unit && (xmlStrEqual(unit, BAD_CAST "MiB") || xmlStrEqual(unit, BAD_CAST "M")))
            v *= 1024;
        else if (unit && (xmlStrEqual(unit, BAD_CAST "GiB") || xmlStrEqual(unit, BAD_CAST "G")))
            v *= 1024 * 1024;
        snprintf(buf, sizeof(buf), "%llu", v);
        xmlNodeSetContent(n, BAD_CAST buf);
        xmlUnsetProp(n, BAD_CAST "unit");
        xmlFree(unit);
        xmlFree(text);
    }
    xmlXPathFreeObject(obj);
}

/* Pool volumes as files: <source pool= volume=> to <source file=>. */
static void
volumes_as_files(xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj = nodes(ctxt, "/domain/devices/disk[source/@pool]");
    int i, j;

    for (i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
        xmlNodePtr disk = obj->nodesetval->nodeTab[i], src;
        for (src = disk->children; src; src = src->next) {
            xmlChar *pool, *vol;
            if (src->type != XML_ELEMENT_NODE || !xmlStrEqual(src->name, BAD_CAST "source"))
                continue;
            pool = xmlGetProp(src, BAD_CAST "pool");
            vol = xmlGetProp(src, BAD_CAST "volume");
            for (j = 0; j < npools; j++) {
                size_t len = strlen((const char *)pool);
                if (strncmp(pools[j], (const char *)pool, len) == 0 &&
                    pools[j][len] == '=') {
                    char path[4096];
                    snprintf(path, sizeof(path), "%s/%s", pools[j] + len + 1,
                             (const char *)vol);
                    xmlUnsetProp(src, BAD_CAST "pool");
                    xmlUnsetProp(src, BAD_CAST "volume");
                    xmlSetProp(src, BAD_CAST "file", BAD_CAST path);
                }
            }
            xmlFree(pool);
            xmlFree(vol);
        }
    }
    xmlXPathFreeObject(obj);
}

/* qsort: strings. */
static int
str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The canonical form of n (attributes sorted, children in braces). */
static void
canon(FILE *f, xmlNodePtr n)
{
    char *attrs[64];
    int na = 0, i;
    xmlAttrPtr a;
    xmlNodePtr c;
    bool text = false;

    fprintf(f, "%s", (const char *)n->name);
    for (a = n->properties; a && na < 64; a = a->next) {
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        if (asprintf(&attrs[na], "%s=%s", (const char *)a->name,
                     v ? (const char *)v : "") >= 0)
            na++;
        xmlFree(v);
    }
    qsort(attrs, (size_t)na, sizeof(*attrs), str_cmp);
    for (i = 0; i < na; i++) {
        fprintf(f, " %s", attrs[i]);
        free(attrs[i]);
    }
    for (c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            xmlChar *t = xmlNodeGetContent(c);
            const char *s = (const char *)t;
            while (s && (*s == ' ' || *s == '\n' || *s == '\t'))
                s++;
            if (s && *s) {
                fprintf(f, " \"%s\"", s);
                text = true;
            }
            xmlFree(t);
        }
    }
    (void)text;
    /* children sorted: their order is not what is compared */
    {
        char *kids[64], *k;
        size_t kl, nk = 0, j;
        for (c = n->children; c && nk < 64; c = c->next) {
            FILE *kf;
            if (c->type != XML_ELEMENT_NODE || !(kf = open_memstream(&k, &kl)))
                continue;
            canon(kf, c);
            fclose(kf);
            kids[nk++] = k;
        }
        qsort(kids, nk, sizeof(*kids), str_cmp);
        for (j = 0; j < nk; j++) {
            fprintf(f, " {%s}", kids[j]);
            free(kids[j]);
        }
    }
}

/* Normalise and print. */
int
main(int argc, char **argv)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
    xmlNodePtr root, n, d;
    char *buf = NULL;
    size_t len = 0;
    FILE *in;
    int ch;

    if (argc < 2) {
        fprintf(stderr, "usage: xmlnorm 'COMMAND LINE' [POOL=DIR]... < domain.xml\n");
        return 2;
    }
    cmdline = argv[1];
    pools = argv + 2;
    npools = argc - 2;
    in = open_memstream(&buf, &len);
    while ((ch = getchar()) != EOF)
        fputc(ch, in);
    fclose(in);
    if (!(doc = xmlReadMemory(buf, (int)len, "d.xml", NULL, XML_PARSE_NOBLANKS))) {
        fprintf(stderr, "xmlnorm: not well-formed XML\n");
        return 1;
    }
    ctxt = xmlXPathNewContext(doc);

    /* made up by each side */
    drop(ctxt, "/domain/uuid|/domain/metadata|/domain/features|/domain/pm"
         "|/domain/clock/timer|/domain/devices/emulator|//address"
         "|/domain/devices/*/target/@dev|/domain/devices/disk/driver/@name"
         "|/domain/devices/*/alias|/domain/vcpu/@placement"
         "|/domain/on_poweroff|/domain/on_crash|/domain/devices/disk/@type");
    if (!given("mac="))
        drop(ctxt, "/domain/devices/interface/mac");
    /* implicit controllers: PCI, SATA, IDE always; USB and virtio-serial
     * unless a --controller names them */
    drop(ctxt, "/domain/devices/controller[@type='pci' or @type='sata' or @type='ide']");
    if (!given("--controller usb") && !given("--controller type=usb"))
        drop(ctxt, "/domain/devices/controller[@type='usb']");
    /* a SCSI disk: virtdeck adds a virtio-scsi controller, virt-install
     * leaves it to libvirt (an LSI one) */
    if (!given("--controller type=scsi") && !given("--controller virtio-scsi"))
        drop(ctxt, "/domain/devices/controller[@type='scsi']");
    if (!given("--controller type=virtio-serial"))
        drop(ctxt, "/domain/devices/controller[@type='virtio-serial']");
    drop(ctxt, "/domain/devices/controller/@index");
    drop(ctxt, "/domain/devices/input[@bus='ps2']");
    /* defaults virtdeck documents as not added */
    if (!given("--memballoon"))
        drop(ctxt, "/domain/devices/memballoon");
    if (!given("--rng"))
        drop(ctxt, "/domain/devices/rng");
    if (!given("--sound"))
        drop(ctxt, "/domain/devices/sound|/domain/devices/audio");
    drop(ctxt, "/domain/devices/redirdev|/domain/devices/audio"
         "|/domain/devices/graphics/audio");
    if (!given("--video"))
        drop(ctxt, "/domain/devices/video");
    if (!given("--cpu"))
        drop(ctxt, "/domain/cpu");
    if (!given("--machine"))
        drop(ctxt, "/domain/os/type/@machine");
    if (!given("--boot") && !given("boot.order") && !given("boot_order"))
        drop(ctxt, "/domain/os/boot");
    /* default device models: virtdeck's are virtio (docs/create.md),
     * virt-install's come from libosinfo, so compare them only where
     * the line names a model or an OS */
    if (!given("--os-variant") && !given("--osinfo")) {
        if (!option_has("--disk", "bus="))
            drop(ctxt, "/domain/devices/disk[@device='disk']/target/@bus");
        if (!option_has("--network", "model=") && !option_has("-w", "model="))
            drop(ctxt, "/domain/devices/interface/model");
    }
    /* virt-install's install-time document stops at the first reboot */
    if (!given("--location") && !given(" -l "))
        drop(ctxt, "/domain/on_reboot");
    /* virt-install: discard=unmap on new disks, no image compression for
     * a local SPICE display */
    drop(ctxt, "/domain/devices/disk/driver[@discard='unmap']/@discard");
    drop(ctxt, "/domain/devices/graphics/image[@compression='off']"
         "|/domain/devices/graphics[@tlsPort='-1']/@tlsPort");
    if (!given("--serial") && !given("--console"))
        drop(ctxt, "/domain/devices/serial[@type='pty' and not(*[not(self::target)])]"
             "|/domain/devices/console[@type='pty' and not(*[not(self::target)])]");
    /* spellings */
    drop(ctxt, "/domain/devices/graphics[@port='-1']/@port"
         "|/domain/devices/graphics/@autoport"
         "|/domain/devices/graphics/listen[@type='address']"
         "|/domain/devices/graphics[not(@listen)]/listen");
    memory_kib(ctxt);
    volumes_as_files(ctxt);
    root = xmlDocGetRootElement(doc);
    {
        xmlChar *type = xmlGetProp(root, BAD_CAST "type");
        printf("domain type=%s\n", type ? (const char *)type : "");
        xmlFree(type);
    }
    for (n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST "devices")) {
            for (d = n->children; d; d = d->next) {
                if (d->type != XML_ELEMENT_NODE)
                    continue;
                printf("devices/");
                canon(stdout, d);
                putchar('\n');
            }
            continue;
        }
        canon(stdout, n);
        putchar('\n');
    }
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    free(buf);
    return 0;
}
