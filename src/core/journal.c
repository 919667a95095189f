/*
 * journal.c: the journal's writer (journal.h): a queue of formatted
 * lines filled by any thread, and one writer thread that appends them
 * to the file, one write() per line, and rotates the file when it
 * passes its cap, under an flock() shared with other virtdeck
 * processes.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "virtdeck/core.h"
#include "virtdeck/journal.h"

#define DEFAULT_MAX (10ull * 1024 * 1024)
#define DEFAULT_KEEP 5
#define MAX_PENDING 100000      /* lines queued while the disk is stuck */

typedef struct line_item {
    struct line_item *next;
    char *text;
    size_t len;
} line_item;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool started;               /* writer thread running */
    bool stop;
    pthread_t thread;
    line_item *head, *tail;
    size_t pending;
    unsigned long long dropped;
    char *error;                /* not yet shown */
    char *last_error;           /* shown already: not repeated */

    /* set once by vd_journal_init, read-only after */
    char path[4096];
    char lockpath[4200];
    unsigned long long max;
    int keep;
    char via[32];
    char user[64];

    /* writer thread only */
    int fd, lockfd;
} J = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .cond = PTHREAD_COND_INITIALIZER,
    .fd = -1,
    .lockfd = -1,
};

/* Wall clock now, ms. */
long long
vd_journal_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* See journal.h. */
char *
vd_journal_default_path(char *buf, size_t len)
{
    const char *env = getenv("VIRTDECK_JOURNAL");
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;

    if (env && *env)
        n = snprintf(buf, len, "%s", env);
    else if (state && *state == '/')
        n = snprintf(buf, len, "%s/virtdeck/journal.jsonl", state);
    else if (home && *home)
        n = snprintf(buf, len, "%s/.local/state/virtdeck/journal.jsonl", home);
    else
        return NULL;
    return n > 0 && (size_t)n < len ? buf : NULL;
}

/* See journal.h. */
const char *
vd_journal_path(void)
{
    return J.path[0] ? J.path : NULL;
}

/* See journal.h. */
int
vd_journal_parse_size(const char *s, unsigned long long *bytes)
{
    char *end;
    unsigned long long v, mul = 1;

    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': mul = 1024; end++; break;
    case 'm': case 'M': mul = 1024 * 1024; end++; break;
    case 'g': case 'G': mul = 1024ull * 1024 * 1024; end++; break;
    default: return -1;
    }
    if (*end == 'i' && end[-1] != '\0')
        end++;
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v > (1ull << 50) / mul)
        return -1;
    *bytes = v * mul;
    return 0;
}

/* Create the directories above path (mode 0700). */
static int
make_parents(const char *path)
{
    char buf[4096];
    char *p;

    if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
        return -1;
    for (p = buf + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        if (mkdir(buf, 0700) < 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return 0;
}

/* Remember a failure for the status line, unless it was shown. */
static void
set_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void
set_error(const char *fmt, ...)
{
    va_list ap;
    char *msg = NULL;

    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (!msg)
        return;
    pthread_mutex_lock(&J.lock);
    if (J.last_error && strcmp(J.last_error, msg) == 0) {
        free(msg);
    } else {
        free(J.error);
        J.error = msg;
    }
    pthread_mutex_unlock(&J.lock);
}

/* See journal.h. */
char *
vd_journal_take_error(void)
{
    char *msg;

    pthread_mutex_lock(&J.lock);
    msg = J.error;
    J.error = NULL;
    if (msg) {
        free(J.last_error);
        J.last_error = strdup(msg);
    }
    pthread_mutex_unlock(&J.lock);
    return msg;
}

/* Make J.fd the file now at J.path (after another process rotated it,
 * or on first use). Writer thread, under the shared lock. */
static int
current_fd(void)
{
    struct stat st_path, st_fd;

    if (J.fd >= 0 && stat(J.path, &st_path) == 0 &&
        fstat(J.fd, &st_fd) == 0 && st_path.st_ino == st_fd.st_ino &&
        st_path.st_dev == st_fd.st_dev)
        return J.fd;
    if (J.fd >= 0)
        close(J.fd);
    J.fd = open(J.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    return J.fd;
}

/* Rename path.N-1 .. path to path.N .. path.1 when the file is still
 * over the cap, under the exclusive lock. Writer thread. */
static void
rotate(void)
{
    struct stat st;
    char from[4200], to[4200];
    int i;

    if (flock(J.lockfd, LOCK_EX) < 0)
        return;
    /* another process may have rotated while we waited */
    if (stat(J.path, &st) == 0 && (unsigned long long)st.st_size >= J.max) {
        int last = 0;

        /* only the files that are there: path.1 .. path.last */
        while (last < J.keep) {
            snprintf(from, sizeof(from), "%s.%d", J.path, last + 1);
            if (access(from, F_OK) < 0)
                break;
            last++;
        }
        for (i = last < J.keep ? last : J.keep - 1; i >= 1; i--) {
            snprintf(from, sizeof(from), "%s.%d", J.path, i);
            snprintf(to, sizeof(to), "%s.%d", J.path, i + 1);
            if (rename(from, to) < 0 && errno != ENOENT)
                set_error("journal: cannot rotate %s: %s", from, strerror(errno));
        }
        snprintf(to, sizeof(to), "%s.1", J.path);
        if (J.keep < 1)
            unlink(J.path);
        else if (rename(J.path, to) < 0)
            set_error("journal: cannot rotate %s: %s", J.path, strerror(errno));
    }
    flock(J.lockfd, LOCK_UN);
}

/* Append one line: one write() under the shared lock, on the file that
 * is current now. Writer thread. */
static void
write_line(const line_item *item)
{
    struct stat st;
    ssize_t n;
    bool over = false;

    if (J.lockfd < 0) {
        J.lockfd = open(J.lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (J.lockfd < 0) {
            set_error("journal: cannot open %s: %s", J.lockpath, strerror(errno));
            return;
        }
    }
    while (flock(J.lockfd, LOCK_SH) < 0) {
        if (errno != EINTR) {
            set_error("journal: cannot lock %s: %s", J.lockpath, strerror(errno));
            return;
        }
    }
    if (current_fd() < 0) {
        set_error("journal: cannot open %s: %s", J.path, strerror(errno));
    } else {
        do
            n = write(J.fd, item->text, item->len);
        while (n < 0 && errno == EINTR);
        if (n < 0)
            set_error("journal: cannot write %s: %s", J.path, strerror(errno));
        else if ((size_t)n != item->len)
            set_error("journal: short write to %s (disk full?)", J.path);
        else if (fstat(J.fd, &st) == 0 && (unsigned long long)st.st_size >= J.max)
            over = true;
    }
    flock(J.lockfd, LOCK_UN);
    if (over)
        rotate();
}

/* The writer thread: write what is queued until told to stop. */
static void *
writer_main(void *opaque)
{
    (void)opaque;
    for (;;) {
        line_item *batch;
        unsigned long long dropped;

        pthread_mutex_lock(&J.lock);
        while (!J.head && !J.stop)
            pthread_cond_wait(&J.cond, &J.lock);
        batch = J.head;
        J.head = J.tail = NULL;
        J.pending = 0;
        dropped = J.dropped;
        J.dropped = 0;
        if (!batch && J.stop) {
            pthread_mutex_unlock(&J.lock);
            break;
        }
        pthread_mutex_unlock(&J.lock);
        if (dropped)
            set_error("journal: %llu entries dropped: %s cannot keep up",
                      dropped, J.path);
        while (batch) {
            line_item *next = batch->next;
            write_line(batch);
            free(batch->text);
            free(batch);
            batch = next;
        }
    }
    if (J.fd >= 0)
        close(J.fd);
    if (J.lockfd >= 0)
        close(J.lockfd);
    J.fd = J.lockfd = -1;
    return NULL;
}

/* See journal.h. */
int
vd_journal_init(const char *via, const char **err)
{
    struct passwd pw, *res = NULL;
    char pwbuf[1024];
    const char *env;
    unsigned long long max = DEFAULT_MAX;
    int keep = DEFAULT_KEEP, fd;

    if (J.started)
        return 0;
    snprintf(J.via, sizeof(J.via), "%s", via ? via : "virtdeck");
    if (getpwuid_r(geteuid(), &pw, pwbuf, sizeof(pwbuf), &res) == 0 && res)
        snprintf(J.user, sizeof(J.user), "%s", res->pw_name);
    else
        snprintf(J.user, sizeof(J.user), "uid %u", (unsigned)geteuid());
    if ((env = getenv("VIRTDECK_JOURNAL_MAX")) && *env &&
        (vd_journal_parse_size(env, &max) < 0 || max < 1024)) {
        *err = "VIRTDECK_JOURNAL_MAX: give a size of at least 1K (e.g. 10M)";
        set_error("journal off: %s", *err);
        return -1;
    }
    if ((env = getenv("VIRTDECK_JOURNAL_KEEP")) && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (*end || v < 1 || v > 1000) {
            *err = "VIRTDECK_JOURNAL_KEEP: give a number of old files from 1 to 1000";
            set_error("journal off: %s", *err);
            return -1;
        }
        keep = (int)v;
    }
    if (!vd_journal_default_path(J.path, sizeof(J.path))) {
        J.path[0] = '\0';
        *err = "neither XDG_STATE_HOME nor HOME is set";
        set_error("journal off: %s", *err);
        return -1;
    }
    snprintf(J.lockpath, sizeof(J.lockpath), "%s.lock", J.path);
    J.max = max;
    J.keep = keep;
    if (make_parents(J.path) < 0 ||
        (fd = open(J.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0) {
        *err = "cannot create the journal file";
        set_error("journal off: cannot create %s: %s", J.path, strerror(errno));
        return -1;
    }
    close(fd);
    J.stop = false;
    if (pthread_create(&J.thread, NULL, writer_main, NULL) != 0) {
        *err = "cannot start the journal's writer";
        set_error("journal off: %s", *err);
        return -1;
    }
    J.started = true;
    return 0;
}

/* See journal.h. */
void
vd_journal_shutdown(int wait_ms)
{
    if (!J.started)
        return;
    pthread_mutex_lock(&J.lock);
    J.stop = true;
    pthread_cond_broadcast(&J.cond);
    pthread_mutex_unlock(&J.lock);
    /* the writer ends when all is written; a stuck disk must not hold
     * up the exit for longer than wait_ms */
    {
        struct timespec ts;

        vd_realtime_in(wait_ms, &ts);
        if (pthread_timedjoin_np(J.thread, NULL, &ts) != 0)
            pthread_detach(J.thread);
    }
    J.started = false;
    pthread_mutex_lock(&J.lock);
    free(J.error);
    free(J.last_error);
    J.error = J.last_error = NULL;
    pthread_mutex_unlock(&J.lock);
}

/* See journal.h. */
void
vd_journal_record(vd_journal_entry *e)
{
    line_item *item;
    char *text;

    if (!J.started) {
        vd_journal_entry_clear(e);
        return;
    }
    if (!e->time_ms)
        e->time_ms = vd_journal_now_ms();
    if (!e->user && e->kind != VD_JOURNAL_EVENT)
        e->user = strdup(J.user);
    if (!e->via)
        e->via = strdup(J.via);
    if (!e->pid)
        e->pid = (long)getpid();
    text = vd_journal_format(e);
    vd_journal_entry_clear(e);
    if (!text || !(item = calloc(1, sizeof(*item)))) {
        free(text);
        set_error("journal: out of memory; an entry was lost");
        return;
    }
    item->text = text;
    item->len = strlen(text);
    pthread_mutex_lock(&J.lock);
    if (J.pending >= MAX_PENDING) {
        J.dropped++;
        pthread_mutex_unlock(&J.lock);
        free(item->text);
        free(item);
        return;
    }
    if (J.tail)
        J.tail->next = item;
    else
        J.head = item;
    J.tail = item;
    J.pending++;
    pthread_cond_broadcast(&J.cond);
    pthread_mutex_unlock(&J.lock);
}

/* strdup of NULL is NULL. */
static char *
dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* See journal.h. */
vd_journal_entry *
vd_journal_action_new(const char *host, const char *uri, const char *type,
                      const char *object, const char *uuid, const char *verb)
{
    vd_journal_entry *e = calloc(1, sizeof(*e));

    if (!e)
        return NULL;
    e->kind = VD_JOURNAL_ACTION;
    e->time_ms = vd_journal_now_ms();
    e->host = dup_or_null(host);
    e->uri = dup_or_null(uri);
    e->type = dup_or_null(type);
    e->object = dup_or_null(object && *object ? object : NULL);
    e->uuid = dup_or_null(uuid && *uuid ? uuid : NULL);
    e->what = dup_or_null(verb);
    e->duration_ms = -1;
    e->ok = -1;
    return e;
}

/* See journal.h. */
void
vd_journal_arg(vd_journal_entry *e, const char *key, const char *val)
{
    if (!e || !key || e->nargs >= VD_JOURNAL_MAX_ARGS)
        return;
    e->arg_keys[e->nargs] = strdup(key);
    e->arg_vals[e->nargs] = vd_journal_secret_name(key) && val
                            ? strdup("(redacted)") : dup_or_null(val);
    e->nargs++;
}

/* See journal.h. */
void
vd_journal_action_done(vd_journal_entry *e, long long start_ms, bool ok,
                       const char *message)
{
    long long now = vd_journal_now_ms();

    if (!e)
        return;
    e->time_ms = start_ms;
    e->duration_ms = now >= start_ms ? now - start_ms : 0;
    e->ok = ok ? 1 : 0;
    free(e->message);
    e->message = dup_or_null(message);
    vd_journal_record(e);
    free(e);
}

/* See journal.h. */
void
vd_journal_event(const char *host, const char *uri, const char *type,
                 const char *object, const char *uuid, const char *what,
                 const char *detail)
{
    vd_journal_entry e = {
        .kind = VD_JOURNAL_EVENT,
        .duration_ms = -1,
        .ok = -1,
    };

    if (!J.started)
        return;
    e.host = dup_or_null(host);
    e.uri = dup_or_null(uri);
    e.type = dup_or_null(type);
    e.object = dup_or_null(object);
    e.uuid = dup_or_null(uuid && *uuid ? uuid : NULL);
    e.what = dup_or_null(what);
    e.detail = dup_or_null(detail);
    vd_journal_record(&e);
}
