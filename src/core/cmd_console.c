/*
 * cmd_console.c: the console commands a worker runs: a VNC socket,
 * the serial console, a screenshot (see cmd_console.h).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/uri.h>

#include "core/cmd_console.h"
#include "core/commands_priv.h"
#include "core/errors.h"
#include "core/uri.h"
#include "virtdeck/image.h"

#define SCREENSHOT_MAX (64u << 20)

/* Say "verb name: libvirt's error" and return -1. */
static int
fail(vd_result *res, const char *verb, virDomainPtr dom, const char *fallback)
{
    char *err = vd_err_take(fallback);

    vd_result_say(res, "%s %s: %s", verb, virDomainGetName(dom), err);
    free(err);
    return -1;
}

/* Refuse a domain that is not running, with a plain message. */
static bool
require_running(virDomainPtr dom, vd_result *res, const char *what)
{
    int active = virDomainIsActive(dom);

    if (active == 1)
        return true;
    if (active < 0)
        fail(res, what, dom, "cannot read its state");
    else
        vd_result_say(res, "%s: %s is not running (start it first)", what,
            virDomainGetName(dom));
    return false;
}

/* A socket to the domain's first VNC or SPICE display. */
int
vd_dom_graphics(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                vd_result *res)
{
    char *uri = NULL, *xml = NULL, *msg = NULL;
    const char *proto, *name = virDomainGetName(dom), *label;
    bool tls = cmd->flags & VD_GRAPHICS_TLS;
    int fd = -1, rc = -1, idx = 0;

    if (!require_running(dom, res, "console"))
        return -1;
    if (!(uri = virConnectGetURI(conn)))
        return fail(res, "console", dom, "cannot read the connection URI");
    if (!(xml = virDomainGetXMLDesc(dom, 0))) {
        fail(res, "console", dom, "cannot read its XML");
        goto cleanup;
    }
    if (!(proto = vd_graphics_pick(xml, &idx))) {
        vd_result_say(res, "console %s: the guest has no VNC or SPICE display", name);
        goto cleanup;
    }
    label = !strcmp(proto, "spice") ? "SPICE console" : "VNC console";
    if (vd_uri_is_local(uri)) {
        if (tls) {
            vd_result_say(res, "%s of %s: the display accepts only TLS, which a "
                          "local connection (virDomainOpenGraphicsFD) cannot do",
                          label, name);
            goto cleanup;
        }
        fd = virDomainOpenGraphicsFD(dom, (unsigned int)idx, 0);
        if (fd < 0) {
            fail(res, label, dom, "no graphics display");
            goto cleanup;
        }
        vd_result_say(res, "%s of %s", label, name);
    } else {
        if ((fd = vd_graphics_connect_remote(uri, xml, tls, &msg)) < 0) {
            vd_result_say(res, "%s of %s: %s", label, name, msg ? msg : "cannot connect");
            goto cleanup;
        }
        vd_result_say(res, "%s of %s (%s)", label, name, msg ? msg : "");
    }
    if (!(res->text = strdup(proto))) {
        close(fd);
        vd_result_say(res, "%s of %s: out of memory", label, name);
        goto cleanup;
    }
    res->fd = fd;
    rc = 1;

 cleanup:
    free(msg);
    free(xml);
    free(uri);
    return rc;
}

/* The serial console, bridged to a socketpair. */
int
vd_dom_serial(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
              vd_result *res)
{
    virStreamPtr st;
    int fd;

    (void)cmd;
    if (!require_running(dom, res, "serial console"))
        return -1;
    if (!(st = virStreamNew(conn, VIR_STREAM_NONBLOCK)))
        return fail(res, "serial console", dom, "cannot create a stream");
    /* FORCE: take the console over from another client (virsh console) */
    if (virDomainOpenConsole(dom, NULL, st, VIR_DOMAIN_CONSOLE_FORCE) < 0) {
        fail(res, "serial console", dom, "cannot open the console");
        virStreamFree(st);
        return -1;
    }
    if ((fd = vd_console_bridge(st)) < 0)
        return fail(res, "serial console", dom, "cannot bridge the console stream");
    res->fd = fd;
    vd_result_say(res, "serial console of %s", virDomainGetName(dom));
    return 1;
}

/* A screenshot of the first screen, decoded. */
int
vd_dom_screenshot(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    virStreamPtr st = NULL;
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    char *mime = NULL;
    vd_image *img = NULL;
    const char *why = NULL;
    int rc = -1, n;

    (void)cmd;
    if (!require_running(dom, res, "screenshot"))
        return -1;
    if (!(st = virStreamNew(conn, 0)))
        return fail(res, "screenshot", dom, "cannot create a stream");
    if (!(mime = virDomainScreenshot(dom, st, 0, 0))) {
        fail(res, "screenshot", dom, "no screen");
        goto cleanup;
    }
    for (;;) {
        if (cap - len < 65536) {
            unsigned char *bigger;

            cap = cap ? cap * 2 : 1u << 20;
            if (cap > SCREENSHOT_MAX || !(bigger = realloc(data, cap))) {
                vd_result_say(res, "screenshot %s: image too large", virDomainGetName(dom));
                virStreamAbort(st);
                goto cleanup;
            }
            data = bigger;
        }
        if ((n = virStreamRecv(st, (char *)data + len, cap - len)) < 0) {
            fail(res, "screenshot", dom, "stream failed");
            virStreamAbort(st);
            goto cleanup;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    if (virStreamFinish(st) < 0) {
        fail(res, "screenshot", dom, "stream failed");
        goto cleanup;
    }
    if (!(img = vd_image_parse(data, len, &why))) {
        vd_result_say(res, "screenshot %s: %s (%s)", virDomainGetName(dom), why, mime);
        goto cleanup;
    }
    img->mime = mime;
    mime = NULL;
    res->data = img;
    res->data_free = vd_image_free;
    vd_result_say(res, "screenshot of %s: %dx%d", virDomainGetName(dom), img->width,
        img->height);
    rc = 1;

 cleanup:
    free(mime);
    free(data);
    if (st)
        virStreamFree(st);
    return rc;
}
