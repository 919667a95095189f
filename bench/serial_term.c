/*
 * serial_term.c: the serial console's terminal emulator
 * (src/console/serial_term.c on libvterm): what feeding the guest's
 * output costs, what reading the cells for one frame costs, and the
 * memory a full scrollback takes. Prints one line per case; not a test
 * (figures are never asserted).
 *
 *   build/bench/bench_serial_term [MEGABYTES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "console/serial_term.h"

/* CPU seconds used by this process so far. */
static double
cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident memory in bytes. */
static long
rss_now(void)
{
    long pages = 0, res = 0;
    FILE *f = fopen("/proc/self/statm", "r");

    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &res) != 2)
            res = 0;
        fclose(f);
    }
    return res * sysconf(_SC_PAGESIZE);
}

/* Append s to buf (of cap bytes) at *len. */
static void
add(char *buf, size_t cap, size_t *len, const char *s)
{
    size_t n = strlen(s);

    if (*len + n < cap) {
        memcpy(buf + *len, s, n);
        *len += n;
    }
}

/* One chunk of a kind of output: a boot log, coloured listings, a
 * full-screen program redrawing every row. */
static size_t
make_chunk(int kind, char *buf, size_t cap)
{
    size_t len = 0;
    char line[256];
    int i;

    for (i = 0; i < 60; i++) {
        switch (kind) {
        case 0:
            snprintf(line, sizeof(line), "[%5d.%06d] virtio_blk virtio2: [vda] "
                     "20971520 512-byte logical blocks (10.7 GB/10.0 GiB)\r\n",
                     i, i * 997);
            break;
        case 1:
            snprintf(line, sizeof(line), "\x1b[0m\x1b[01;34mdir%d\x1b[0m  "
                     "\x1b[01;32mscript%d.sh\x1b[0m  \x1b[38;5;%dmfile%d\x1b[0m  "
                     "\x1b[38;2;%d;100;50mtrue%d\x1b[0m\r\n", i, i, 16 + i, i,
                     i * 4, i);
            break;
        default:
            snprintf(line, sizeof(line), "\x1b[%d;1H\x1b[7m%5d root      20   0 "
                     "%7d %6d S  %4.1f  0.%d   0:0%d.%02d top\x1b[0m\x1b[K",
                     i % 24 + 1, 1000 + i, 10000 + i * 13, 4000 + i, i * 0.3,
                     i % 10, i % 10, i);
            break;
        }
        add(buf, cap, &len, line);
    }
    return len;
}

int
main(int argc, char **argv)
{
    static const char *const kinds[] = { "boot log", "colours", "full-screen" };
    static const int sizes[][2] = { { 24, 80 }, { 60, 200 } };
    double mb = argc > 1 ? atof(argv[1]) : 20;
    static char chunk[65536];
    static vd_sterm_cell cells[VD_STERM_MAX_COLS];
    size_t k, s;

    if (mb <= 0)
        mb = 20;
    /* first, in a fresh process: the memory of a full scrollback of 80-column boot-log lines */
    {
        long before = rss_now();
        vd_sterm *t = vd_sterm_new(24, 80, 10000, NULL, NULL);
        size_t len = make_chunk(0, chunk, sizeof(chunk)), i;

        size_t cellsum = 0;

        for (i = 0; i < 200; i++)
            vd_sterm_write(t, chunk, len);
        for (i = 0; i < vd_sterm_scrollback(t); i++)
            cellsum += vd_sterm_line_cells(t, i, cells, VD_STERM_MAX_COLS);
        printf("scrollback: %zu lines of %.1f cells on average, RSS +%.1f MB\n",
               vd_sterm_scrollback(t), (double)cellsum / (double)vd_sterm_scrollback(t),
               (double)(rss_now() - before) / 1e6);
        vd_sterm_free(t);
    }
    printf("%-12s %-7s %12s %14s\n", "output", "term", "MB/s (CPU)", "µs per frame");
    for (k = 0; k < 3; k++) {
        size_t len = make_chunk((int)k, chunk, sizeof(chunk));

        for (s = 0; s < 2; s++) {
            vd_sterm *t = vd_sterm_new(sizes[s][0], sizes[s][1], 10000, NULL, NULL);
            double total = mb * 1e6, fed = 0, t0, write_s, frame_s;
            int frames = 0, r;

            t0 = cpu_now();
            while (fed < total) {
                vd_sterm_write(t, chunk, len);
                fed += (double)len;
            }
            write_s = cpu_now() - t0;
            /* a frame: every row's cells, as the view draws them */
            t0 = cpu_now();
            for (frames = 0; frames < 2000; frames++)
                for (r = 0; r < sizes[s][0]; r++)
                    vd_sterm_line_cells(t, vd_sterm_scrollback(t) + (size_t)r,
                                        cells, VD_STERM_MAX_COLS);
            frame_s = (cpu_now() - t0) / frames;
            printf("%-12s %3dx%-3d %12.1f %14.1f\n", kinds[k], sizes[s][1],
                   sizes[s][0], fed / 1e6 / write_s, frame_s * 1e6);
            vd_sterm_free(t);
        }
    }
    return 0;
}
