/*
 * journal_store.c: the journal's entries in the UI's memory, fed by the
 * core's watch thread (journal_watch.h), and the words a domain's
 * details view shows of its history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "virtdeck/journal_watch.h"
#include "ui/views/journal_ui.h"
#include "ui/app/view.h"

#define STORE_MAX 20000

static struct {
    vd_journal_watch *watch;
    bool tried;
    vd_journal_entry *v;        /* oldest first */
    size_t n, a;
    unsigned long seq;
    long long started_ms;
} S;

/* Wake the UI from the watch's thread. */
static void
wake(void *opaque)
{
    vd_bus_wake(opaque);
}

/* Append got (taken) to the store, dropping the oldest over the cap. */
static void
add_entries(vd_journal_entry *got, size_t n)
{
    size_t i, drop;

    if (S.n + n > S.a) {
        size_t a = S.n + n > STORE_MAX ? S.n + n : (S.n + n) * 2;
        vd_journal_entry *g = realloc(S.v, a * sizeof(*g));
        if (!g) {
            for (i = 0; i < n; i++)
                vd_journal_entry_clear(&got[i]);
            return;
        }
        S.v = g;
        S.a = a;
    }
    memcpy(S.v + S.n, got, n * sizeof(*got));
    /* keep them in time order: an action is written when it ends, with
     * the time it began (the file is nearly sorted: this is cheap) */
    for (i = S.n; i < S.n + n; i++) {
        size_t j = i;
        vd_journal_entry e = S.v[i];

        while (j > 0 && S.v[j - 1].time_ms > e.time_ms) {
            S.v[j] = S.v[j - 1];
            j--;
        }
        S.v[j] = e;
    }
    S.n += n;
    if (S.n > STORE_MAX) {
        drop = S.n - STORE_MAX;
        for (i = 0; i < drop; i++)
            vd_journal_entry_clear(&S.v[i]);
        memmove(S.v, S.v + drop, (S.n - drop) * sizeof(*S.v));
        S.n -= drop;
    }
    S.seq++;
}

/* See journal_ui.h. */
void
vd_ui_journal_poll(vd_app *app)
{
    vd_journal_entry *got = NULL;
    char *err = NULL, *werr;
    size_t n;

    if (!S.tried) {
        char path[4096];

        S.tried = true;
        S.started_ms = vd_journal_now_ms();
        if (vd_journal_default_path(path, sizeof(path)))
            S.watch = vd_journal_watch_new(vd_journal_path() ? vd_journal_path()
                                           : path, wake, app->bus);
    }
    if ((werr = vd_journal_take_error())) {
        vd_app_message(app, VD_MSG_ERROR, "%s", werr);
        free(werr);
    }
    if (!S.watch)
        return;
    n = vd_journal_watch_take(S.watch, &got, &err);
    if (err) {
        vd_app_message(app, VD_MSG_ERROR, "%s", err);
        free(err);
    }
    if (n) {
        add_entries(got, n);
        app->dirty = true;
    }
    free(got);
}

/* See journal_ui.h. */
size_t
vd_ui_journal_count(void)
{
    return S.n;
}

/* See journal_ui.h. */
const vd_journal_entry *
vd_ui_journal_at(size_t i)
{
    return i < S.n ? &S.v[i] : NULL;
}

/* See journal_ui.h. */
unsigned long
vd_ui_journal_seq(void)
{
    return S.seq;
}

/* See journal_ui.h. */
long long
vd_ui_journal_started_ms(void)
{
    return S.started_ms;
}

/* See journal_ui.h. */
char *
vd_ui_ago(long long ms, char *buf, size_t len)
{
    long long s = (vd_journal_now_ms() - ms) / 1000;

    if (s < 0)
        s = 0;
    if (s < 60)
        snprintf(buf, len, "%lld s ago", s);
    else if (s < 3600)
        snprintf(buf, len, "%lld min ago", s / 60);
    else if (s < 86400 * 2)
        snprintf(buf, len, "%lld h ago", s / 3600);
    else
        snprintf(buf, len, "%lld days ago", s / 86400);
    return buf;
}

/* The words of one entry for a domain's history. */
static void
history_item(const vd_journal_entry *e, char *buf, size_t len)
{
    char ago[32];

    vd_ui_ago(e->time_ms, ago, sizeof(ago));
    if (e->kind == VD_JOURNAL_EVENT) {
        const char *d = e->detail ? e->detail : "";
        const char *colon = strchr(d, ':');

        if (e->what && strcmp(e->what, "lifecycle") == 0 && colon)
            snprintf(buf, len, "%.*s %s: %s", (int)(colon - d), d, ago,
                     colon + 2 <= d + strlen(d) ? colon + 2 : "");
        else if (e->what && strcmp(e->what, "lifecycle") == 0)
            snprintf(buf, len, "%s %s", d, ago);
        else
            snprintf(buf, len, "%s %s: %s", e->what ? e->what : "event", ago, d);
    } else {
        snprintf(buf, len, "%s %s%s by %s from %s%s%s", e->what ? e->what : "?",
                 e->ok == 0 ? "FAILED " : "", ago, e->user ? e->user : "?",
                 e->via ? e->via : "?", e->ok == 0 && e->message ? ": " : "",
                 e->ok == 0 && e->message ? e->message : "");
    }
}

/* See journal_ui.h. */
void
vd_ui_journal_history(const char *label, const char *uri, const char *uuid,
                      const char *name, size_t max, char *buf, size_t len)
{
    size_t i, found = 0, used = 0;

    buf[0] = '\0';
    for (i = S.n; i-- > 0 && found < max && used + 4 < len;) {
        const vd_journal_entry *e = &S.v[i];
        char item[512];
        int w;

        if (e->kind == VD_JOURNAL_NOTE)
            continue;
        /* a UUID names one domain; a name only on its own host */
        if (!(uuid && e->uuid && strcasecmp(uuid, e->uuid) == 0) &&
            !(name && e->object && strcmp(name, e->object) == 0 &&
              e->type && strcmp(e->type, "domain") == 0 &&
              ((uri && e->uri && strcmp(uri, e->uri) == 0) ||
               (label && e->host && strcmp(label, e->host) == 0))))
            continue;
        history_item(e, item, sizeof(item));
        w = snprintf(buf + used, len - used, "%s%s", found ? "\n" : "", item);
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
        found++;
    }
}

/* See journal_ui.h. */
void
vd_ui_journal_free(void)
{
    size_t i;

    vd_journal_watch_free(S.watch);
    for (i = 0; i < S.n; i++)
        vd_journal_entry_clear(&S.v[i]);
    free(S.v);
    memset(&S, 0, sizeof(S));
}
