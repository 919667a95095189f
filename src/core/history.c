/*
 * history.c: a domain's recent figures in two rings: one point per tick
 * (12 bytes each) and 10 s averages (VD_HIST_COARSE and a few more, over
 * an hour), so a domain with a full hour costs about 2.7 KiB at a 2 s
 * tick (docs/PERFORMANCE.md, issue 18).
 *
 * The points at the tick serve the graphs the fine ring covers and the
 * sparkline: it keeps as many as the 5-minute graph needs where they
 * fit in VD_HIST_FINE (a tick of 2.4 s or more), else as many as the
 * 1-minute graph needs, and at least VD_HIST_SPARK (vd_history_fine_points).
 * At a faster tick the 5-minute graph is drawn from the 10 s averages,
 * as it always was; so no graph loses a point, and a 2 s tick keeps 64
 * points instead of 128.
 *
 * The 10 s averages are kept in blocks of BLOCK points: each series of
 * a block stores its largest value in 16 bits and every point as a step
 * of 1/254 of it in 8 bits, 4.5 bytes a point instead of 8. A point is
 * then within 1/508 of its block's largest value (0.2 %): well under
 * one eighth of a cell of the tallest graph, whose top is at or above
 * the largest value shown. A block's largest value is known once it is
 * full, so the newest points wait in 16 bits (the open block) until
 * then; a block of one value throughout keeps it exactly.
 *
 * The rings grow as they fill (doubling from a few points to their
 * size), so a domain costs its header until its first point and a few
 * hundred bytes over its first minutes. A ring grows only when it is
 * full and not yet at its size, so its entries are then in order from
 * index 0 and the next one goes right after them.
 *
 * The worker appends, any thread reads; a short mutex guards the rings
 * (held for a copy, never across a libvirt call): one of LOCKS, chosen
 * by the history's address, so a history carries no mutex of its own
 * (40 bytes a domain). Snapshots share the object by reference, so
 * publishing never copies history.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/stats.h"

#define NO_VALUE 0xffff         /* a gap */
#define RING_FIRST 16           /* the fine ring's first allocation, in points */
#define BLOCK 16                /* 10 s averages a block holds */
#define BLOCKS_FIRST 1          /* the block ring's first allocation */
/* closed blocks kept: with the open block, at least VD_HIST_COARSE points */
#define BLOCKS_MAX ((VD_HIST_COARSE + BLOCK - 1) / BLOCK)
#define Q_TOP 254               /* a point's steps of its block's largest value */
#define Q_GAP 255               /* a gap in a block */
#define LOCKS 64                /* the mutexes the histories share */

static pthread_mutex_t locks[LOCKS] = {
    [0 ... LOCKS - 1] = PTHREAD_MUTEX_INITIALIZER
};

typedef struct fine_point {
    int32_t t;                  /* ms since the history's origin */
    uint16_t v[VD_HIST_NSERIES];
} fine_point;

/* A 10 s average (a coarse point) as it waits in the open block. Its
 * time is implicit: bucket number = that of the oldest point + i. */
typedef struct coarse_point {
    uint16_t v[VD_HIST_NSERIES];
} coarse_point;

/* BLOCK coarse points, full: per series, the largest value (stored as
 * in the open block) and each point in 1/Q_TOP steps of it. */
typedef struct coarse_block {
    uint16_t top[VD_HIST_NSERIES];
    uint8_t q[BLOCK][VD_HIST_NSERIES];
} coarse_block;

struct vd_history {
    int refs;
    uint16_t fine_head, fine_n; /* next slot, points held */
    uint16_t fine_cap;          /* points allocated */
    uint16_t fine_max;          /* points kept: vd_history_fine_points() */
    uint16_t block_head, block_n;       /* next slot, closed blocks held */
    uint16_t block_cap;         /* blocks allocated */
    uint8_t open_n;             /* points in the open block */
    int32_t coarse_last;        /* bucket number of the newest coarse point */
    /* the 10 s bucket being averaged */
    int32_t bucket;             /* origin-relative bucket number, -1: none */
    long long origin_ms;        /* monotonic ms of t = 0 */
    long long last_ms;          /* 0: empty */
    float sum[VD_HIST_NSERIES];
    uint16_t cnt[VD_HIST_NSERIES];
    fine_point *fine;           /* fine_cap points (NULL until the first) */
    coarse_block *blocks;       /* block_cap closed blocks */
    coarse_point open[BLOCK];   /* the newest coarse points, open_n of them */
};

/* The mutex that guards h. */
static pthread_mutex_t *
lock_of(const vd_history *h)
{
    return &locks[((uintptr_t)h / sizeof(*h)) % LOCKS];
}

/* Make room in ring (*cap elements of size bytes, n held, *head the
 * next slot) for one more: grown (up to max) while it is full and
 * smaller than max, the next slot then right after its n points.
 * Returns the ring to use (moved if it grew), or NULL when the memory
 * could not be had (nothing changed). */
static void *
ring_room(void *ring, uint16_t *cap, uint16_t *head, size_t n, size_t max,
          size_t first, size_t size)
{
    size_t want;
    void *grown;

    if (n < *cap || *cap >= max)
        return ring;
    want = *cap ? *cap * 2 : first;
    if (want > max)
        want = max;
    if (!(grown = realloc(ring, want * size)))
        return NULL;
    *cap = (uint16_t)want;
    *head = (uint16_t)n;
    return grown;
}

/* Pack v >= 0 into 5-bit exponent, 11-bit mantissa. */
uint16_t
vd_hist_pack(double v)
{
    unsigned long long x;
    unsigned int e = 1;

    if (!(v > 0))
        return 0;
    if (v >= 4.0e12)
        return 0xfffe;          /* the largest value, not the gap mark */
    x = (unsigned long long)(v + 0.5);
    if (x < 2048)
        return (uint16_t)x;
    while ((x >> (e - 1)) >= 4096)
        e++;
    x >>= e - 1;
    if (e > 31 || (e == 31 && x - 2048 >= 2046))
        return 0xfffe;
    return (uint16_t)((e << 11) | (x - 2048));
}

/* Inverse of vd_hist_pack. */
double
vd_hist_unpack(uint16_t p)
{
    unsigned int e = p >> 11, m = p & 2047;

    if (e == 0)
        return m;
    return (2048.0 + m) * (double)(1ULL << (e - 1));
}

/* A new empty history. */
vd_history *
vd_history_new(void)
{
    vd_history *h = calloc(1, sizeof(*h));

    if (!h)
        return NULL;
    h->refs = 1;
    h->bucket = -1;
    return h;
}

/* Take a reference. */
vd_history *
vd_history_ref(vd_history *h)
{
    if (h)
        __atomic_add_fetch(&h->refs, 1, __ATOMIC_RELAXED);
    return h;
}

/* Drop a reference. */
void
vd_history_unref(vd_history *h)
{
    if (!h || __atomic_sub_fetch(&h->refs, 1, __ATOMIC_ACQ_REL) > 0)
        return;
    free(h->fine);
    free(h->blocks);
    free(h);
}

/* Encode value v of series s. */
static uint16_t
encode(vd_hist_series s, double v)
{
    if (s == VD_HIST_CPU || s == VD_HIST_MEM)
        return (uint16_t)(v * 100.0 + 0.5);     /* 0.01 % steps, <= 10000 */
    return vd_hist_pack(v);
}

/* The value of series s in a stored word, NaN for a gap. */
static double
decode(vd_hist_series s, uint16_t w)
{
    if (w == NO_VALUE)
        return NAN;
    if (s == VD_HIST_CPU || s == VD_HIST_MEM)
        return w / 100.0;
    return vd_hist_unpack(w);
}

/* Close the full open block into the block ring; false when the ring
 * could not grow (the open block is then kept as it is). */
static bool
block_close(vd_history *h)
{
    coarse_block *ring = ring_room(h->blocks, &h->block_cap, &h->block_head,
                                   h->block_n, BLOCKS_MAX, BLOCKS_FIRST,
                                   sizeof(*ring));
    coarse_block *b;
    int s, i;

    if (!ring)
        return false;
    h->blocks = ring;
    b = &h->blocks[h->block_head];
    for (s = 0; s < VD_HIST_NSERIES; s++) {
        double top = 0, v;

        for (i = 0; i < BLOCK; i++) {
            v = decode(s, h->open[i].v[s]);
            if (v > top)            /* NaN (a gap) compares false */
                top = v;
        }
        b->top[s] = encode(s, top);
        top = decode(s, b->top[s]);
        for (i = 0; i < BLOCK; i++) {
            v = decode(s, h->open[i].v[s]);
            if (isnan(v))
                b->q[i][s] = Q_GAP;
            else if (!(top > 0) || v >= top)
                b->q[i][s] = top > 0 ? Q_TOP : 0;
            else
                b->q[i][s] = (uint8_t)(v / top * Q_TOP + 0.5);
        }
    }
    h->block_head = (h->block_head + 1) % h->block_cap;
    if (h->block_n < h->block_cap)
        h->block_n++;
    h->open_n = 0;
    return true;
}

/* Append one coarse point; false when the block ring could not grow. */
static bool
coarse_append(vd_history *h, const coarse_point *p)
{
    if (h->open_n == BLOCK && !block_close(h))
        return false;
    h->open[h->open_n++] = *p;
    return true;
}

/* Coarse points held. */
static size_t
coarse_count(const vd_history *h)
{
    return h->block_n * BLOCK + h->open_n;
}

/* Forget every coarse point. */
static void
coarse_clear(vd_history *h)
{
    h->block_n = h->block_head = h->open_n = 0;
}

/* The value of series s of the i-th oldest coarse point. */
static double
coarse_at(const vd_history *h, size_t i, vd_hist_series s)
{
    const coarse_block *b;
    uint8_t q;

    if (i >= h->block_n * BLOCK)
        return decode(s, h->open[i - h->block_n * BLOCK].v[s]);
    b = &h->blocks[(h->block_head + h->block_cap - h->block_n + i / BLOCK) %
                   h->block_cap];
    q = b->q[i % BLOCK][s];
    if (q == Q_GAP)
        return NAN;
    if (q == Q_TOP)
        return decode(s, b->top[s]);
    return decode(s, b->top[s]) * q / Q_TOP;
}

/* Append a coarse point for bucket b (filling skipped buckets with
 * gaps). Out of memory, the ring starts over at b. */
static void
coarse_push(vd_history *h, long long b, const coarse_point *p)
{
    static const coarse_point gap = { { NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE } };

    while (coarse_count(h) && h->coarse_last + 1 < b) {
        long long skip = b - h->coarse_last - 1;
        if (skip > VD_HIST_COARSE || !coarse_append(h, &gap)) {
            coarse_clear(h);            /* a long pause: start over */
            break;
        }
        h->coarse_last++;
    }
    if (!coarse_append(h, p)) {
        coarse_clear(h);
        return;
    }
    h->coarse_last = b;
}

/* Close the 10 s bucket being averaged into a coarse point. */
static void
bucket_flush(vd_history *h)
{
    coarse_point p;
    int s;

    if (h->bucket < 0)
        return;
    for (s = 0; s < VD_HIST_NSERIES; s++) {
        p.v[s] = h->cnt[s] ? encode(s, h->sum[s] / h->cnt[s]) : NO_VALUE;
        h->sum[s] = 0;
        h->cnt[s] = 0;
    }
    coarse_push(h, h->bucket, &p);
}

/* The fine ring's size at a tick. */
size_t
vd_history_fine_points(long long tick_ms)
{
    long long n;

    if (tick_ms <= 0)
        return VD_HIST_FINE;
    n = 300000 / tick_ms + 2;           /* 5 minutes and the ends */
    if (n > VD_HIST_FINE)
        n = 60000 / tick_ms + 2;        /* 1 minute */
    if (n > VD_HIST_FINE)
        n = VD_HIST_FINE;
    if (n < VD_HIST_SPARK)
        n = VD_HIST_SPARK;
    return (size_t)n;
}

/* Append one tick's rates. */
bool
vd_history_add(vd_history *h, long long t_ms, const vd_dom_rates *r,
               long long tick_ms)
{
    long long min_ms = tick_ms / 2;
    size_t want = vd_history_fine_points(tick_ms);
    double vals[VD_HIST_NSERIES];
    bool have[VD_HIST_NSERIES];
    fine_point *fine, *p;
    long long rel, bucket;
    int s;

    pthread_mutex_lock(lock_of(h));
    if (h->last_ms && t_ms - h->last_ms < min_ms) {
        pthread_mutex_unlock(lock_of(h));
        return false;
    }
    if (!h->last_ms)
        h->origin_ms = t_ms;
    h->last_ms = t_ms;
    rel = t_ms - h->origin_ms;

    vals[VD_HIST_CPU] = r->cpu_pct;
    vals[VD_HIST_MEM] = r->mem_pct;
    vals[VD_HIST_DISK] = r->rd_bps + r->wr_bps;
    vals[VD_HIST_NET] = r->rx_bps + r->tx_bps;
    have[VD_HIST_CPU] = r->valid && r->cpu_valid;
    have[VD_HIST_MEM] = r->mem_valid;
    have[VD_HIST_DISK] = r->valid && r->disk_valid;   /* absent: a gap, */
    have[VD_HIST_NET] = r->valid && r->net_valid;     /* never a zero */

    if (want > h->fine_max)             /* a slower tick never shrinks it */
        h->fine_max = want;
    fine = ring_room(h->fine, &h->fine_cap, &h->fine_head, h->fine_n,
                     h->fine_max, RING_FIRST, sizeof(*fine));
    if (fine) {                         /* else the point is left out */
        h->fine = fine;
        p = &h->fine[h->fine_head];
        p->t = (int32_t)rel;
        for (s = 0; s < VD_HIST_NSERIES; s++)
            p->v[s] = have[s] ? encode(s, vals[s]) : NO_VALUE;
        h->fine_head = (h->fine_head + 1) % h->fine_cap;
        if (h->fine_n < h->fine_cap)
            h->fine_n++;
    }

    bucket = rel / VD_HIST_COARSE_MS;
    if (bucket != h->bucket) {
        bucket_flush(h);
        h->bucket = bucket;
    }
    for (s = 0; s < VD_HIST_NSERIES; s++) {
        if (have[s]) {
            h->sum[s] += vals[s];
            h->cnt[s]++;
        }
    }
    pthread_mutex_unlock(lock_of(h));
    return true;
}

/* Time of the newest point. */
long long
vd_history_last_ms(const vd_history *hist)
{
    vd_history *h = (vd_history *)hist;
    long long t;

    pthread_mutex_lock(lock_of(h));
    t = h->last_ms;
    pthread_mutex_unlock(lock_of(h));
    return t;
}

/* The i-th oldest fine point. */
static const fine_point *
fine_at(const vd_history *h, size_t i)
{
    return &h->fine[(h->fine_head + h->fine_cap - h->fine_n + i) % h->fine_cap];
}

/* Add value v at origin-relative time t to the columns. */
static void
column_add(double *sum, unsigned int *cnt, size_t ncols, long long start,
           long long span_ms, long long t, double v)
{
    long long col;

    if (t < start || isnan(v))
        return;
    col = (long long)((double)(t - start) * (double)ncols / (double)span_ms);
    if (col >= (long long)ncols)
        col = (long long)ncols - 1;
    sum[col] += v;
    cnt[col]++;
}

/* Resample a span into columns. */
size_t
vd_history_series(const vd_history *hist, vd_hist_series series,
                  long long end_ms, long long span_ms, double *out,
                  size_t ncols)
{
    vd_history *h = (vd_history *)hist;
    double *sum;
    unsigned int *cnt;
    long long start;
    size_t i, filled = 0;

    for (i = 0; i < ncols; i++)
        out[i] = NAN;
    if (!ncols || span_ms <= 0 || !(sum = calloc(ncols, sizeof(*sum))))
        return 0;
    if (!(cnt = calloc(ncols, sizeof(*cnt)))) {
        free(sum);
        return 0;
    }
    pthread_mutex_lock(lock_of(h));
    start = end_ms - span_ms - h->origin_ms;
    if (!h->fine_n || h->fine_n < h->fine_max || fine_at(h, 0)->t <= start) {
        for (i = 0; i < h->fine_n; i++) {
            const fine_point *p = fine_at(h, i);
            column_add(sum, cnt, ncols, start, span_ms, p->t,
                       decode(series, p->v[series]));
        }
    } else {
        size_t n = coarse_count(h);
        long long first = h->coarse_last - (long long)n + 1;
        for (i = 0; i < n; i++) {
            long long t = (first + (long long)i) * VD_HIST_COARSE_MS +
                          VD_HIST_COARSE_MS / 2;
            column_add(sum, cnt, ncols, start, span_ms, t,
                       coarse_at(h, i, series));
        }
    }
    pthread_mutex_unlock(lock_of(h));
    for (i = 0; i < ncols; i++) {
        if (cnt[i]) {
            out[i] = sum[i] / cnt[i];
            filled++;
        }
    }
    free(sum);
    free(cnt);
    return filled;
}

/* The last n fine points. */
size_t
vd_history_last(const vd_history *hist, vd_hist_series series, double *out,
                size_t n)
{
    vd_history *h = (vd_history *)hist;
    size_t i, k, first;

    pthread_mutex_lock(lock_of(h));
    k = h->fine_n < n ? h->fine_n : n;
    first = h->fine_n - k;
    for (i = 0; i < k; i++)
        out[i] = decode(series, fine_at(h, first + i)->v[series]);
    pthread_mutex_unlock(lock_of(h));
    return k;
}
