/*
 * console_probe.c: drives virtdeck's console code (core commands +
 * the console library) from live tests, outside the TUI, so that what
 * it receives can be compared with what virsh says.
 *
 *   console_probe fb URI UUID OUT.ppm [PASSWORD]
 *       VNC or SPICE (whichever the guest has) through VD_CMD_DOM_GRAPHICS
 *       (virDomainOpenGraphicsFD locally; each further SPICE channel
 *       asks for its own socket the same way) and the console thread;
 *       waits for a frame that stays still 500 ms and writes it as PPM.
 *       Prints the console's state changes and the protocol on stderr.
 *   console_probe keyfb URI UUID KEYSYM OUT.ppm
 *       as fb, then taps KEYSYM (hex, e.g. ff1b for Escape) and writes
 *       the next still frame.
 *   console_probe shot URI UUID OUT.ppm
 *       VD_CMD_DOM_SCREENSHOT, decoded, written as PPM.
 *   console_probe serial URI UUID TEXT TIMEOUT_S
 *       VD_CMD_DOM_SERIAL; copies the console to stdout until TEXT
 *       appears (exit 0) or the time is up (exit 1).
 *   console_probe tunnel URI XMLFILE OUT.ppm
 *       the remote transport (core/graphics_remote.c) on its own: the
 *       VNC endpoint from the domain XML in XMLFILE, reached as URI says
 *       (qemu+ssh: through `ssh -W`, found on $PATH), then as fb.
 *   console_probe litrows IMAGE ROWS COLS
 *       the rows (0-based) of a ROWS x COLS console target that show
 *       something other than black, as the renderer lays IMAGE out.
 *   console_probe picture IMAGE COLS ROWS CELL_W CELL_H sixel|kitty OUT.ppm
 *       what the console's sixel or kitty picture of IMAGE in a COLS x
 *       ROWS target of CELL_W x CELL_H pixel cells should show: the
 *       picture encoder's scaling, in the sixel palette's colours for
 *       sixel (exact RGB for kitty), as PPM.
 *   console_probe cmp A.ppm B.ppm
 *       (PPM or PNG) exit 0 when both images have the same size and pixels; prints
 *       the number of differing pixels otherwise.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console/console_frame.h"
#include "console/picture.h"
#include "console/render.h"
#include "console/spice.h"
#include "console/vnc.h"
#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/image.h"
#include "core/cmd_console.h"

static vd_bus *bus;
static vd_host *host;

/* Wake callback for the console thread. */
static void
wake_bus(void *opaque)
{
    vd_bus_wake(opaque);
}

/* Connect to uri and wait for the worker to be connected. */
static int
open_host(const char *uri)
{
    vd_host_opts opts = { .uri = uri };
    const char *err = NULL;
    long long end = vd_now_ms() + 30000;

    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "core: %s\n", err);
        return -1;
    }
    if (!(bus = vd_bus_new()) || !(host = vd_host_new(&opts, 0, bus)))
        return -1;
    while (vd_now_ms() < end) {
        vd_snapshot *snap = vd_host_snapshot(host);
        vd_conn_state st = snap->conn;

        vd_snapshot_unref(snap);
        if (st == VD_CONN_CONNECTED)
            return 0;
        usleep(20000);
    }
    fprintf(stderr, "not connected to %s\n", uri);
    return -1;
}

/* Run kind on uuid (with flags) and wait for its result (the caller
 * frees it). */
static vd_result *
run_flags(vd_cmd_kind kind, const char *uuid, unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .flags = flags };
    unsigned long long id;

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    id = vd_host_submit(host, &cmd);
    long long end = vd_now_ms() + 30000;

    while (vd_now_ms() < end) {
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        vd_result *res;

        vd_bus_clear(bus);
        while ((res = vd_bus_pop(bus))) {
            if (res->id == id)
                return res;
            vd_result_free(res);
        }
        poll(&p, 1, 200);
    }
    fprintf(stderr, "no answer to command %d\n", (int)kind);
    return NULL;
}

/* Run kind on uuid and wait for its result (the caller frees it). */
static vd_result *
run(vd_cmd_kind kind, const char *uuid)
{
    return run_flags(kind, uuid, 0);
}

/* A console client of either protocol; spice's channels get their
 * sockets from VD_CMD_DOM_GRAPHICS on uuid (NULL: none to be had). */
typedef struct client {
    vd_vnc *vnc;
    vd_spice *spice;
    const char *uuid;
} client;

/* Hand the SPICE channels the sockets they ask for. */
static void
serve_fds(client *c)
{
    bool tls;

    while (c->spice && vd_spice_next_fd_request(c->spice, &tls)) {
        vd_result *res = c->uuid ? run_flags(VD_CMD_DOM_GRAPHICS, c->uuid,
                                             tls ? VD_GRAPHICS_TLS : 0) : NULL;

        fprintf(stderr, "channel socket%s: %s\n", tls ? " (TLS)" : "",
                res && res->message ? res->message : "none");
        vd_spice_give_fd(c->spice, res && res->ok ? res->fd : -1,
                         res ? res->message : "no socket");
        if (res)
            res->fd = -1;
        vd_result_free(res);
    }
}

/* The client's state. */
static vd_vnc_state
c_state(client *c, char **msg)
{
    serve_fds(c);
    return c->spice ? vd_spice_get_state(c->spice, msg) : vd_vnc_get_state(c->vnc, msg);
}

/* Its shared frame. */
static vd_cframe *
c_frame(client *c)
{
    return c->spice ? vd_spice_frame(c->spice) : vd_vnc_frame(c->vnc);
}

/* Lock its frame. */
static bool
c_lock(client *c, vd_fb *fb, unsigned long *seq)
{
    return vd_cframe_lock(c_frame(c), fb, seq);
}

/* Unlock it. */
static void
c_unlock(client *c)
{
    vd_cframe_unlock(c_frame(c));
}

/* Wait for a new frame (serving socket requests meanwhile). */
static bool
c_wait_frame(client *c, unsigned long seq, int timeout_ms)
{
    long long end = vd_now_ms() + timeout_ms;

    if (!c->spice)
        return vd_cframe_wait_frame(c_frame(c), seq, timeout_ms);
    while (vd_now_ms() < end) {
        serve_fds(c);
        if (vd_cframe_wait_frame(c_frame(c), seq, 50))
            return true;
    }
    return false;
}

/* Answer a password request. */
static void
c_answer(client *c, const char *password)
{
    if (c->spice)
        vd_spice_answer(c->spice, password);
    else
        vd_vnc_answer(c->vnc, password);
}

/* Stop the client. */
static void
c_free(client *c)
{
    vd_vnc_free(c->vnc);
    vd_spice_free(c->spice);
}

/* Write an RGBX buffer as a binary PPM. */
static int
write_ppm(const char *path, const uint8_t *px, int w, int h, size_t stride)
{
    FILE *f = fopen(path, "wb");
    int x, y;

    if (!f) {
        perror(path);
        return -1;
    }
    fprintf(f, "P6\n%d %d\n255\n", w, h);
    for (y = 0; y < h; y++)
        for (x = 0; x < w; x++)
            fwrite(px + y * stride + (size_t)x * 4, 1, 3, f);
    return fclose(f) == 0 ? 0 : -1;
}

/* Read a whole file. */
static unsigned char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, n;

    *len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - *len < 65536) {
            cap = cap ? cap * 2 : 1 << 20;
            buf = realloc(buf, cap);
        }
        if ((n = fread(buf + *len, 1, cap - *len, f)) == 0)
            break;
        *len += n;
    }
    fclose(f);
    return buf;
}

/* Print the console's state when it changes; returns it. */
static vd_vnc_state
report(client *v, vd_vnc_state *last)
{
    char *msg = NULL;
    vd_vnc_state st = c_state(v, &msg);

    if (st != *last)
        fprintf(stderr, "vnc state %d: %s\n", (int)st, msg ? msg : "");
    *last = st;
    free(msg);
    return st;
}

/* Wait until the console is connected (answering a password request
 * with password); false when it ended. */
static bool
wait_connected(client *v, const char *password)
{
    vd_vnc_state last = (vd_vnc_state)-1;
    long long end = vd_now_ms() + 30000;

    while (vd_now_ms() < end) {
        vd_vnc_state st = report(v, &last);

        if (st == VD_VNC_CONNECTED)
            return true;
        if (st == VD_VNC_CLOSED || st == VD_VNC_AUTH_FAILED)
            return false;
        if (st == VD_VNC_NEED_PASSWORD) {
            c_answer(v, password);
            while (c_state(v, NULL) == VD_VNC_NEED_PASSWORD)
                usleep(10000);
            continue;
        }
        if (v->spice)
            vd_spice_wait_state(v->spice, 200);
        else
            vd_vnc_wait_state(v->vnc, 200);
    }
    return false;
}

/* Wait for the first full frame, then for up to 3 s for a moment
 * of 500 ms without updates (a text cursor may blink all along), and
 * write the frame. */
static int
dump_frame(client *v, const char *out)
{
    unsigned long seq = 0, now;
    long long end = vd_now_ms() + 20000, settle;
    vd_fb fb;
    int rc;

    for (;;) {
        if (c_lock(v, &fb, &seq)) {
            c_unlock(v);
            if (seq >= 2)
                break;
        }
        if (vd_now_ms() > end)
            return -1;
        c_wait_frame(v, seq, 200);
    }
    settle = vd_now_ms() + 3000;
    while (vd_now_ms() < settle && c_wait_frame(v, seq, 500)) {
        c_lock(v, &fb, &seq);
        c_unlock(v);
    }
    if (!c_lock(v, &fb, &now))
        return -1;
    rc = write_ppm(out, fb.pixels, fb.width, fb.height, fb.stride);
    c_unlock(v);
    fprintf(stderr, "frame %lu: %dx%d\n", now, fb.width, fb.height);
    return rc;
}

/* tunnel mode. */
static int
cmd_tunnel(const char *uri, const char *xmlfile, const char *out)
{
    size_t len;
    unsigned char *xml = slurp(xmlfile, &len);
    char *msg = NULL, *text;
    client v = { 0 };
    int fd, rc = 1;

    if (!xml || !(text = realloc(xml, len + 1))) {
        free(xml);
        fprintf(stderr, "cannot read %s\n", xmlfile);
        return 1;
    }
    text[len] = '\0';
    fd = vd_graphics_connect_remote(uri, text, false, &msg);
    free(text);
    fprintf(stderr, "%s\n", msg ? msg : "");
    free(msg);
    if (fd < 0 || !(v.vnc = vd_vnc_start(fd, NULL, NULL)))
        return 1;
    if (wait_connected(&v, NULL) && dump_frame(&v, out) == 0)
        rc = 0;
    c_free(&v);
    return rc;
}

/* fb / keyfb modes. */
static int
cmd_fb(const char *uuid, const char *password, const char *keysym,
       const char *out)
{
    vd_result *res = run(VD_CMD_DOM_GRAPHICS, uuid);
    client c = { .uuid = uuid }, *v = &c;
    int rc = 1;

    if (!res)
        return 1;
    fprintf(stderr, "%s\n", res->message ? res->message : "");
    if (!res->ok || res->fd < 0) {
        vd_result_free(res);
        return 1;
    }
    fprintf(stderr, "protocol %s\n", res->text ? res->text : "?");
    if (res->text && !strcmp(res->text, "spice"))
        c.spice = vd_spice_start(res->fd, wake_bus, bus);
    else
        c.vnc = vd_vnc_start(res->fd, wake_bus, bus);
    res->fd = -1;
    vd_result_free(res);
    if (!c.spice && !c.vnc)
        return 1;
    if (!wait_connected(v, password))
        goto cleanup;
    if (keysym) {
        uint32_t sym = (uint32_t)strtoul(keysym, NULL, 16);
        unsigned long seq;
        vd_fb fb;

        while (!c_lock(v, &fb, &seq))
            usleep(20000);
        c_unlock(v);
        fprintf(stderr, "sending key %x\n", (unsigned int)sym);
        if (c.spice)
            vd_spice_keys(c.spice, &sym, 1);
        else
            vd_vnc_keys(c.vnc, &sym, 1);
        if (!c_wait_frame(v, seq, 10000)) {
            fprintf(stderr, "no frame after the key\n");
            goto cleanup;
        }
    }
    if (dump_frame(v, out) == 0)
        rc = 0;

 cleanup:
    c_free(&c);
    return rc;
}

/* shot mode. */
static int
cmd_shot(const char *uuid, const char *out)
{
    vd_result *res = run(VD_CMD_DOM_SCREENSHOT, uuid);
    vd_image *img;
    int rc = 1;

    if (!res)
        return 1;
    fprintf(stderr, "%s\n", res->message ? res->message : "");
    img = res->data;
    if (res->ok && img &&
        write_ppm(out, img->pixels, img->width, img->height, img->stride) == 0)
        rc = 0;
    vd_result_free(res);
    return rc;
}

/* serial mode. */
static int
cmd_serial(const char *uuid, const char *text, int timeout_s)
{
    vd_result *res = run(VD_CMD_DOM_SERIAL, uuid);
    long long end = vd_now_ms() + timeout_s * 1000LL;
    char *seen = NULL;
    size_t len = 0;
    int fd, rc = 1;

    if (!res)
        return 1;
    fprintf(stderr, "%s\n", res->message ? res->message : "");
    if (!res->ok || res->fd < 0) {
        vd_result_free(res);
        return 1;
    }
    fd = res->fd;
    res->fd = -1;
    vd_result_free(res);
    printf("serial-open\n");
    fflush(stdout);
    while (vd_now_ms() < end) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        char buf[4096];
        ssize_t n;

        if (poll(&p, 1, 200) <= 0)
            continue;
        if ((n = read(fd, buf, sizeof(buf))) <= 0)
            break;
        fwrite(buf, 1, (size_t)n, stdout);
        fflush(stdout);
        seen = realloc(seen, len + (size_t)n + 1);
        memcpy(seen + len, buf, (size_t)n);
        len += (size_t)n;
        seen[len] = '\0';
        if (memmem(seen, len, text, strlen(text))) {
            rc = 0;
            break;
        }
    }
    free(seen);
    close(fd);
    usleep(300000);             /* let the event loop see the close */
    return rc;
}

/* cmp mode. */
static int
cmd_cmp(const char *a, const char *b)
{
    size_t la, lb;
    unsigned char *da = slurp(a, &la), *db = slurp(b, &lb);
    const char *err = NULL;
    vd_image *ia = da ? vd_image_parse(da, la, &err) : NULL;
    vd_image *ib = db ? vd_image_parse(db, lb, &err) : NULL;
    long diff = 0, nonblack = 0;
    int rc = 1, i, x0 = 0, x1 = 0, y0 = 0, y1 = 0;

    if (!ia || !ib) {
        fprintf(stderr, "cannot read the images: %s\n", err ? err : "missing");
        goto cleanup;
    }
    if (ia->width != ib->width || ia->height != ib->height) {
        printf("sizes differ: %dx%d vs %dx%d\n", ia->width, ia->height,
               ib->width, ib->height);
        goto cleanup;
    }
    for (i = 0; i < ia->width * ia->height; i++) {
        if (memcmp(ia->pixels + 4 * i, ib->pixels + 4 * i, 3)) {
            int x = i % ia->width, y = i / ia->width;

            if (diff++ == 0) {
                x0 = x1 = x;
                y0 = y1 = y;
            }
            x0 = x < x0 ? x : x0;
            x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0;
            y1 = y > y1 ? y : y1;
        }
        if (ia->pixels[4 * i] | ia->pixels[4 * i + 1] | ia->pixels[4 * i + 2])
            nonblack++;
    }
    printf("%dx%d, %ld pixels differ, %ld non-black pixels\n", ia->width,
           ia->height, diff, nonblack);
    if (diff)       /* where: a text cursor's blink stays within one cell */
        printf("differing box %dx%d at %d,%d\n", x1 - x0 + 1, y1 - y0 + 1,
               x0, y0);
    rc = diff == 0 && nonblack > 0 ? 0 : 1;

 cleanup:
    vd_image_free(ia);
    vd_image_free(ib);
    free(da);
    free(db);
    return rc;
}

/* litrows mode. */
static int
cmd_litrows(const char *path, int rows, int cols)
{
    size_t len;
    unsigned char *data = slurp(path, &len);
    const char *err = NULL;
    vd_image *img = data ? vd_image_parse(data, len, &err) : NULL;
    vd_render_geom g;
    int r, sub, y, x;

    if (!img || rows < 1 || cols < 1) {
        fprintf(stderr, "cannot read %s: %s\n", path, err ? err : "missing");
        free(data);
        return 1;
    }
    vd_render_layout(img->width, img->height, rows, cols, &g);
    for (r = 0; r < rows; r++) {
        bool lit = false;

        for (sub = 2 * r; sub < 2 * r + 2 && !lit; sub++) {
            int j = sub - g.img_sub_row, y0, y1;

            if (j < 0 || j >= g.img_sub_rows)
                continue;
            y0 = (int)((long long)j * img->height / g.img_sub_rows);
            y1 = (int)((long long)(j + 1) * img->height / g.img_sub_rows);
            for (y = y0; y < y1 && !lit; y++)
                for (x = 0; x < img->width && !lit; x++) {
                    const uint8_t *p = img->pixels + y * img->stride + (size_t)x * 4;

                    lit = p[0] | p[1] | p[2];
                }
        }
        if (lit)
            printf("%d\n", r);
    }
    vd_image_free(img);
    free(data);
    return 0;
}

/* picture mode. */
static int
cmd_picture(char **argv)
{
    size_t len;
    unsigned char *data = slurp(argv[2], &len);
    const char *err = NULL;
    vd_image *img = data ? vd_image_parse(data, len, &err) : NULL;
    int w = atoi(argv[3]) * atoi(argv[5]), h = atoi(argv[4]) * atoi(argv[6]), i, rc = 1;
    bool sixel = !strcmp(argv[7], "sixel");
    uint8_t *rgb = NULL;
    vd_fb fb;
    FILE *f;

    if (!img || w < 1 || h < 1 || !(rgb = malloc((size_t)w * h * 3))) {
        fprintf(stderr, "cannot read %s: %s\n", argv[2], err ? err : "missing");
        goto cleanup;
    }
    fb.pixels = img->pixels;
    fb.width = img->width;
    fb.height = img->height;
    fb.stride = img->stride;
    vd_picture_scale(&fb, rgb, w, h);
    for (i = 0; sixel && i < w * h; i++)
        vd_sixel_palette_rgb(vd_sixel_nearest(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]),
                             rgb + 3 * i);
    if (!(f = fopen(argv[8], "wb")))
        goto cleanup;
    fprintf(f, "P6\n%d %d\n255\n", w, h);
    fwrite(rgb, 3, (size_t)w * h, f);
    rc = fclose(f) == 0 ? 0 : 1;

 cleanup:
    free(rgb);
    vd_image_free(img);
    free(data);
    return rc;
}

int
main(int argc, char **argv)
{
    int rc = 2;

    if (argc == 9 && !strcmp(argv[1], "picture"))
        return cmd_picture(argv);

    if (argc == 4 && !strcmp(argv[1], "cmp"))
        return cmd_cmp(argv[2], argv[3]);
    if (argc == 5 && !strcmp(argv[1], "tunnel"))
        return cmd_tunnel(argv[2], argv[3], argv[4]);
    if (argc == 5 && !strcmp(argv[1], "litrows"))
        return cmd_litrows(argv[2], atoi(argv[3]), atoi(argv[4]));
    if (argc < 5) {
        fprintf(stderr, "usage: see the comment in console_probe.c\n");
        return 2;
    }
    if (open_host(argv[2]) < 0)
        return 1;
    if (!strcmp(argv[1], "fb"))
        rc = cmd_fb(argv[3], argc > 5 ? argv[5] : NULL, NULL, argv[4]);
    else if (!strcmp(argv[1], "keyfb") && argc == 6)
        rc = cmd_fb(argv[3], NULL, argv[4], argv[5]);
    else if (!strcmp(argv[1], "shot"))
        rc = cmd_shot(argv[3], argv[4]);
    else if (!strcmp(argv[1], "serial") && argc == 6)
        rc = cmd_serial(argv[3], argv[4], atoi(argv[5]));
    else
        fprintf(stderr, "unknown mode %s\n", argv[1]);
    /* a worker still in an RPC keeps using the bus: leave both then */
    if (vd_host_free(host, 10000)) {
        vd_bus_free(bus);
        vd_core_shutdown();
    } else {
        fprintf(stderr, "the host's worker did not end in time\n");
    }
    fprintf(stderr, "exit %d\n", rc);
    return rc;
}
