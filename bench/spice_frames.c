/*
 * spice_frames.c: the SPICE console's client side per full frame.
 *
 *   build/bench/bench_spice_frames URI UUID [SECONDS]
 *
 * Opens the domain's SPICE display as virtdeck does (VD_CMD_DOM_GRAPHICS
 * for the main channel and again for each further channel), then for
 * each terminal size (80x24, 200x60) for SECONDS (default 3): asks the
 * client for the whole surface again (vd_spice_refresh: the copy from
 * the display channel's surface, on the event-loop thread), waits for
 * the frame and renders it in full (truecolor half blocks). Prints the
 * frames per second and the process's CPU time per frame (both
 * threads). The guest's own rate of updates under TCG is not measured.
 * Figures are printed, never asserted.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "console/console_frame.h"
#include "console/render.h"
#include "console/spice.h"
#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"

static vd_bus *bus;
static vd_host *host;

/* CPU seconds used by this process so far. */
static double
cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A socket from the worker for uuid (flags: VD_GRAPHICS_TLS), or -1. */
static int
graphics_fd(const char *uuid, unsigned int flags, bool *spice)
{
    vd_cmd cmd = { .kind = VD_CMD_DOM_GRAPHICS, .flags = flags };
    unsigned long long id;
    long long end = vd_now_ms() + 30000;
    int fd = -1;

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    id = vd_host_submit(host, &cmd);
    while (vd_now_ms() < end) {
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        vd_result *res;

        vd_bus_clear(bus);
        while ((res = vd_bus_pop(bus))) {
            if (res->id == id) {
                if (spice)
                    *spice = res->text && !strcmp(res->text, "spice");
                if (!res->ok)
                    fprintf(stderr, "%s\n", res->message ? res->message : "failed");
                fd = res->fd;
                res->fd = -1;
                vd_result_free(res);
                return fd;
            }
            vd_result_free(res);
        }
        poll(&p, 1, 200);
    }
    return -1;
}

int
main(int argc, char **argv)
{
    static const int terms[][2] = { { 24, 80 }, { 60, 200 } };
    vd_host_opts opts = { 0 };
    const char *err = NULL;
    vd_spice *s = NULL;
    double secs = argc > 3 ? atof(argv[3]) : 3.0;
    long long end;
    bool spice = false, tls;
    size_t t;
    int fd;

    if (argc < 3) {
        fprintf(stderr, "usage: bench_spice_frames URI UUID [SECONDS]\n");
        return 2;
    }
    opts.uri = argv[1];
    if (vd_core_init(&err) < 0 || !(bus = vd_bus_new()) ||
        !(host = vd_host_new(&opts, 0, bus))) {
        fprintf(stderr, "core: %s\n", err ? err : "cannot start");
        return 1;
    }
    if ((fd = graphics_fd(argv[2], 0, &spice)) < 0 || !spice) {
        fprintf(stderr, "no SPICE display\n");
        return 1;
    }
    s = vd_spice_start(fd, NULL, NULL);
    end = vd_now_ms() + 30000;
    while (vd_now_ms() < end && vd_spice_get_state(s, NULL) != VD_VNC_CONNECTED) {
        while (vd_spice_next_fd_request(s, &tls))
            vd_spice_give_fd(s, graphics_fd(argv[2], tls ? VD_GRAPHICS_TLS : 0, NULL), NULL);
        vd_spice_wait_state(s, 100);
        if (vd_spice_get_state(s, NULL) == VD_VNC_CLOSED)
            break;
    }
    if (vd_spice_get_state(s, NULL) != VD_VNC_CONNECTED) {
        fprintf(stderr, "not connected\n");
        return 1;
    }
    printf("%-8s %8s %12s %12s\n", "term", "frames", "frames/s", "cpu ms/frame");
    for (t = 0; t < sizeof(terms) / sizeof(terms[0]); t++) {
        vd_render_target tgt = { 0, 0, terms[t][0], terms[t][1], VD_COLOR_TRUE, true };
        vd_render *r = vd_render_new();
        vd_buf out = { 0 };
        unsigned long seq = 0;
        double c0 = cpu_now();
        long long t0 = vd_now_ms(), stop = t0 + (long long)(secs * 1000);
        int frames = 0;
        vd_fb fb;

        while (vd_now_ms() < stop) {
            if (vd_cframe_lock(vd_spice_frame(s), &fb, &seq))
                vd_cframe_unlock(vd_spice_frame(s));
            vd_spice_refresh(s);
            if (!vd_cframe_wait_frame(vd_spice_frame(s), seq, 2000))
                break;
            if (!vd_cframe_lock(vd_spice_frame(s), &fb, &seq))
                break;
            out.len = 0;
            vd_render_invalidate(r);
            vd_render_frame(r, &fb, &tgt, &out);
            vd_cframe_unlock(vd_spice_frame(s));
            frames++;
        }
        printf("%3dx%-4d %8d %12.1f %12.3f\n", terms[t][1], terms[t][0], frames,
               frames * 1000.0 / (double)(vd_now_ms() - t0 + 1),
               frames ? (cpu_now() - c0) * 1e3 / frames : 0.0);
        vd_buf_free(&out);
        vd_render_free(r);
    }
    vd_spice_free(s);
    if (vd_host_free(host, 10000)) {
        vd_bus_free(bus);
        vd_core_shutdown();
    }
    return 0;
}
