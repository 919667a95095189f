/*
 * journal_read.c: reading the journal as it grows and rotates
 * (vd_journal_tail), and a thread that does it for the UI
 * (vd_journal_watch), so the screen never waits on the disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "virtdeck/core.h"
#include "virtdeck/journal.h"
#include "virtdeck/journal_watch.h"

#define MAX_ROTATED 1000

struct vd_journal_tail {
    char *path;
    int *old;                   /* rotated files still to read, oldest first */
    size_t nold;
    int fd;                     /* the file at path, -1 until it exists */
    char *buf;                  /* a line not yet ended */
    size_t len, cap;
};

/* See journal.h. */
vd_journal_tail *
vd_journal_tail_new(const char *path, bool with_rotated)
{
    vd_journal_tail *t = calloc(1, sizeof(*t));
    char name[4200];
    int i, n = 0;

    if (!t || !(t->path = strdup(path))) {
        free(t);
        return NULL;
    }
    t->fd = -1;
    if (with_rotated) {
        /* how many there are, then open them oldest first */
        for (i = 1; i <= MAX_ROTATED; i++) {
            snprintf(name, sizeof(name), "%s.%d", path, i);
            if (access(name, F_OK) < 0)
                break;
            n = i;
        }
        if (n && (t->old = calloc((size_t)n, sizeof(int)))) {
            for (i = n; i >= 1; i--) {
                int fd;
                snprintf(name, sizeof(name), "%s.%d", path, i);
                if ((fd = open(name, O_RDONLY | O_CLOEXEC)) >= 0)
                    t->old[t->nold++] = fd;
            }
        }
    }
    return t;
}

/* See journal.h. */
void
vd_journal_tail_free(vd_journal_tail *t)
{
    size_t i;

    if (!t)
        return;
    for (i = 0; i < t->nold; i++)
        if (t->old[i] >= 0)
            close(t->old[i]);
    free(t->old);
    if (t->fd >= 0)
        close(t->fd);
    free(t->buf);
    free(t->path);
    free(t);
}

/* Parse the complete line in buf[0..len) and hand it to fn. */
static int
emit(const char *line, void (*fn)(const vd_journal_entry *, void *), void *opaque)
{
    vd_journal_entry e;

    if (vd_journal_parse(line, &e) < 0)
        return 0;
    fn(&e, opaque);
    vd_journal_entry_clear(&e);
    return 1;
}

/* Read fd to its end, emitting whole lines; with last, a line without
 * its newline is emitted too (a rotated file gets no more). */
static int
drain(vd_journal_tail *t, int fd, bool last,
      void (*fn)(const vd_journal_entry *, void *), void *opaque)
{
    char chunk[65536];
    ssize_t n;
    int count = 0;

    for (;;) {
        char *start, *nl;

        n = read(fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (t->len + (size_t)n + 1 > t->cap) {
            size_t cap = (t->len + (size_t)n + 1) * 2;
            char *b = realloc(t->buf, cap);
            if (!b)
                return -1;
            t->buf = b;
            t->cap = cap;
        }
        memcpy(t->buf + t->len, chunk, (size_t)n);
        t->len += (size_t)n;
        t->buf[t->len] = '\0';
        start = t->buf;
        while ((nl = memchr(start, '\n', t->len - (size_t)(start - t->buf)))) {
            *nl = '\0';
            count += emit(start, fn, opaque);
            start = nl + 1;
        }
        t->len -= (size_t)(start - t->buf);
        memmove(t->buf, start, t->len);
        t->buf[t->len] = '\0';
    }
    if (last && t->len) {
        count += emit(t->buf, fn, opaque);
        t->len = 0;
    }
    return n < 0 ? -1 : count;
}

/* After a rotation: where the file we were reading went (path.K), and
 * read path.K-1 .. path.1, which came after it and were rotated before
 * we looked. Returns the entries read. */
static int
read_missed(vd_journal_tail *t, const struct stat *old,
            void (*fn)(const vd_journal_entry *, void *), void *opaque)
{
    char name[4200];
    struct stat st;
    int k, total = 0, n;

    for (k = 1; k <= MAX_ROTATED; k++) {
        snprintf(name, sizeof(name), "%s.%d", t->path, k);
        if (stat(name, &st) < 0)
            return 0;           /* not found: it was deleted (cap) */
        if (st.st_ino == old->st_ino && st.st_dev == old->st_dev)
            break;
    }
    while (--k >= 1) {
        int fd;

        snprintf(name, sizeof(name), "%s.%d", t->path, k);
        if ((fd = open(name, O_RDONLY | O_CLOEXEC)) < 0)
            continue;
        if ((n = drain(t, fd, true, fn, opaque)) > 0)
            total += n;
        close(fd);
    }
    return total;
}

/* See journal.h. */
int
vd_journal_tail_read(vd_journal_tail *t,
                     void (*fn)(const vd_journal_entry *e, void *opaque),
                     void *opaque)
{
    struct stat st_path, st_fd;
    int total = 0, n;
    size_t i;

    for (i = 0; i < t->nold; i++) {
        if (t->old[i] < 0)
            continue;
        n = drain(t, t->old[i], true, fn, opaque);
        close(t->old[i]);
        t->old[i] = -1;
        if (n > 0)
            total += n;
    }
    t->nold = 0;
    for (;;) {
        if (t->fd < 0) {
            t->fd = open(t->path, O_RDONLY | O_CLOEXEC);
            if (t->fd < 0)
                return errno == ENOENT ? total : -1;
        }
        if ((n = drain(t, t->fd, false, fn, opaque)) < 0)
            return -1;
        total += n;
        /* rotated away? finish it, then go on with the new file */
        if (stat(t->path, &st_path) < 0 || fstat(t->fd, &st_fd) < 0 ||
            (st_path.st_ino == st_fd.st_ino && st_path.st_dev == st_fd.st_dev))
            break;
        if ((n = drain(t, t->fd, true, fn, opaque)) > 0)
            total += n;
        close(t->fd);
        t->fd = -1;
        /* more than one rotation since the last look: the files between
         * the one we had and the new one, oldest first */
        total += read_missed(t, &st_fd, fn, opaque);
    }
    return total;
}

/* ---- the watch: a thread tailing for the UI ---- */

struct vd_journal_watch {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    pthread_t thread;
    bool stop;
    bool poked;
    vd_journal_tail *tail;
    void (*wake)(void *opaque);
    void *opaque;
    /* guarded by lock */
    vd_journal_entry *got;
    size_t ngot, agot;
    char *error;
};

/* Entries read by one pass of the watch thread, before hand-over. */
typedef struct {
    vd_journal_entry *v;
    size_t n, a;
} entry_vec;

/* Collect one entry into an entry_vec (watch thread, no lock held). */
static void
collect(const vd_journal_entry *e, void *opaque)
{
    entry_vec *vec = opaque;

    if (vec->n == vec->a) {
        size_t a = vec->a ? vec->a * 2 : 256;
        vd_journal_entry *g = realloc(vec->v, a * sizeof(*g));
        if (!g)
            return;
        vec->v = g;
        vec->a = a;
    }
    if (vd_journal_entry_copy(&vec->v[vec->n], e) == 0)
        vec->n++;
}

/* Append vec to what the UI has not taken yet (lock held). */
static void
hand_over(vd_journal_watch *w, entry_vec *vec)
{
    size_t i;

    if (!vec->n)
        return;
    if (!w->ngot) {
        free(w->got);
        w->got = vec->v;
        w->ngot = vec->n;
        w->agot = vec->a;
        vec->v = NULL;
        vec->n = vec->a = 0;
        return;
    }
    if (w->ngot + vec->n > w->agot) {
        size_t a = (w->ngot + vec->n) * 2;
        vd_journal_entry *g = realloc(w->got, a * sizeof(*g));
        if (!g) {
            for (i = 0; i < vec->n; i++)
                vd_journal_entry_clear(&vec->v[i]);
            vec->n = 0;
            return;
        }
        w->got = g;
        w->agot = a;
    }
    memcpy(w->got + w->ngot, vec->v, vec->n * sizeof(*vec->v));
    w->ngot += vec->n;
    vec->n = 0;
}

/* The watch thread: read (unlocked), hand over, sleep 500 ms or until
 * poked. */
static void *
watch_main(void *opaque)
{
    vd_journal_watch *w = opaque;
    entry_vec vec = { 0 };

    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        struct timespec ts;
        bool got;
        int n, err;

        w->poked = false;
        pthread_mutex_unlock(&w->lock);
        n = vd_journal_tail_read(w->tail, collect, &vec);
        err = errno;
        pthread_mutex_lock(&w->lock);
        got = vec.n > 0;
        hand_over(w, &vec);
        if (n < 0 && !w->error) {
            if (asprintf(&w->error, "journal: cannot read it: %s",
                         strerror(err)) < 0)
                w->error = NULL;
            got = true;
        }
        if (got)
            w->wake(w->opaque);
        vd_realtime_in(500, &ts);
        while (!w->stop && !w->poked &&
               pthread_cond_timedwait(&w->cond, &w->lock, &ts) == 0)
            ;
    }
    pthread_mutex_unlock(&w->lock);
    free(vec.v);
    return NULL;
}

/* See journal_watch.h. */
vd_journal_watch *
vd_journal_watch_new(const char *path, void (*wake)(void *opaque),
                     void *opaque)
{
    vd_journal_watch *w = calloc(1, sizeof(*w));

    if (!w)
        return NULL;
    if (!(w->tail = vd_journal_tail_new(path, true))) {
        free(w);
        return NULL;
    }
    w->wake = wake;
    w->opaque = opaque;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cond, NULL);
    if (pthread_create(&w->thread, NULL, watch_main, w) != 0) {
        vd_journal_tail_free(w->tail);
        pthread_cond_destroy(&w->cond);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

/* See journal_watch.h. */
size_t
vd_journal_watch_take(vd_journal_watch *w, vd_journal_entry **entries,
                      char **error)
{
    size_t n;

    pthread_mutex_lock(&w->lock);
    *entries = w->got;
    n = w->ngot;
    w->got = NULL;
    w->ngot = w->agot = 0;
    if (error) {
        *error = w->error;
        w->error = NULL;
    }
    pthread_mutex_unlock(&w->lock);
    return n;
}

/* See journal_watch.h. */
void
vd_journal_watch_poke(vd_journal_watch *w)
{
    pthread_mutex_lock(&w->lock);
    w->poked = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
}

/* See journal_watch.h. */
void
vd_journal_watch_free(vd_journal_watch *w)
{
    size_t i;

    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    for (i = 0; i < w->ngot; i++)
        vd_journal_entry_clear(&w->got[i]);
    free(w->got);
    free(w->error);
    vd_journal_tail_free(w->tail);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
