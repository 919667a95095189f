/*
 * view_journal.c: the journal view (J): what virtdeck did and saw,
 * newest first, from the entries in memory (journal_store.c), filtered
 * by host, object, kind, failures and text; following new entries
 * until the cursor moves; Enter shows the whole entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/app/view.h"
#include "ui/views/journal_ui.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"

typedef struct jview {
    vd_journal_filter f;
    char host[128];             /* filter values (f points here) */
    char object[256];
    char text[256];
    bool follow;                /* the cursor stays on the newest */
    size_t *match;              /* store indices that pass, oldest first */
    size_t nmatch, amatch;
    unsigned long seq;          /* store seq the matches were built at */
    size_t cur;                 /* index into match, from the oldest */
    size_t top;                 /* first row shown (rows newest first) */
    bool stale;                 /* filter changed: rebuild */
} jview;

/* Rebuild the matches when the store or the filter changed. */
static void
rebuild(jview *jv)
{
    size_t i, n = vd_ui_journal_count(), old = jv->nmatch;
    size_t cur_store = jv->nmatch && jv->cur < jv->nmatch ? jv->match[jv->cur]
                       : (size_t)-1;

    if (!jv->stale && jv->seq == vd_ui_journal_seq())
        return;
    jv->seq = vd_ui_journal_seq();
    jv->stale = false;
    if (n > jv->amatch) {
        size_t *m = realloc(jv->match, n * sizeof(*m));
        if (!m)
            return;
        jv->match = m;
        jv->amatch = n;
    }
    jv->nmatch = 0;
    for (i = 0; i < n; i++)
        if (vd_journal_match(vd_ui_journal_at(i), &jv->f))
            jv->match[jv->nmatch++] = i;
    if (jv->follow || !jv->nmatch || cur_store == (size_t)-1) {
        jv->cur = jv->nmatch ? jv->nmatch - 1 : 0;
        if (jv->follow)
            jv->top = 0;
        return;
    }
    /* keep the cursor on its entry (entries only come at the end; the
     * store drops its oldest past its cap) */
    (void)old;
    for (i = jv->nmatch; i-- > 0;) {
        if (jv->match[i] <= cur_store) {
            jv->cur = i;
            return;
        }
    }
    jv->cur = 0;
}

/* The entry on row r (0: newest). */
static const vd_journal_entry *
row_entry(const jview *jv, size_t r)
{
    if (r >= jv->nmatch)
        return NULL;
    return vd_ui_journal_at(jv->match[jv->nmatch - 1 - r]);
}

/* The filters in words, into buf. */
static void
filter_words(const jview *jv, char *buf, size_t len)
{
    static const char *const kinds[] = { "actions", "events", "notes" };

    snprintf(buf, len, "%s%s%s%s%s%s%s%s%s%s",
             jv->f.host ? " host=" : "", jv->f.host ? jv->f.host : "",
             jv->f.object ? " object=" : "", jv->f.object ? jv->f.object : "",
             jv->f.kind >= 0 ? " only " : "",
             jv->f.kind >= 0 ? kinds[jv->f.kind] : "",
             jv->f.failed ? " failures only" : "",
             jv->f.text ? " text=\"" : "", jv->f.text ? jv->f.text : "",
             jv->f.text ? "\"" : "");
}

/* Draw the view. */
static void
journal_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    jview *jv = v->data;
    attr_t norm = vd_role_attr(VD_ROLE_NORMAL), dim = vd_role_attr(VD_ROLE_DIM);
    attr_t head = vd_role_attr(VD_ROLE_COLUMN_HEADER);
    char buf[1024], filt[512], since[32];
    time_t t0 = (time_t)(vd_ui_journal_started_ms() / 1000);
    struct tm tm;
    int y = area->y, x = area->x, w = area->w, rows, tw = 15, hw, ow, ww;
    size_t r;

    (void)app;
    rebuild(jv);
    localtime_r(&t0, &tm);
    strftime(since, sizeof(since), "%H:%M", &tm);
    filter_words(jv, filt, sizeof(filt));
    snprintf(buf, sizeof(buf), "%zu of %zu entries, newest first%s%s%s",
             jv->nmatch, vd_ui_journal_count(),
             jv->follow ? ", following" : "", filt[0] ? ";" : "", filt);
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "Events from before virtdeck started (%s) are "
             "not known.", since);
    vd_draw_text(y++, x, w, buf, dim);
    if (w < 40 || area->h < 5)
        return;
    hw = w >= 120 ? 16 : 10;
    ow = w >= 120 ? 24 : 16;
    ww = w >= 120 ? 18 : 11;
    vd_draw_fill(y, x, w, head);
    vd_draw_text(y, x, tw, "Time", head);
    vd_draw_text(y, x + tw, hw, "Host", head);
    vd_draw_text(y, x + tw + hw, ow, "Object", head);
    vd_draw_text(y, x + tw + hw + ow, ww, "What", head);
    vd_draw_text(y, x + tw + hw + ow + ww, w - (tw + hw + ow + ww),
                 "Result / detail", head);
    y++;
    rows = area->y + area->h - y;
    if (!jv->nmatch) {
        vd_draw_text(y, x + 1, w - 1, vd_ui_journal_count()
                     ? "Nothing matches the filters (c clears them)."
                     : "The journal is empty: actions and events appear here "
                       "as they happen.", dim);
        return;
    }
    /* the cursor's row, newest first */
    r = jv->nmatch - 1 - jv->cur;
    if (r < jv->top)
        jv->top = r;
    if (rows > 0 && r >= jv->top + (size_t)rows)
        jv->top = r - (size_t)rows + 1;
    for (int i = 0; i < rows; i++) {
        const vd_journal_entry *e = row_entry(jv, jv->top + (size_t)i);
        bool sel = jv->top + (size_t)i == r;
        attr_t a;
        time_t tt;
        char when[32], obj[300];

        if (!e)
            break;
        a = e->kind != VD_JOURNAL_EVENT && e->ok == 0
            ? vd_role_attr(VD_ROLE_CONN_FAILED) : norm;
        if (sel)
            a = vd_role_attr(VD_ROLE_SELECTED);
        vd_draw_fill(y + i, x, w, a);
        tt = (time_t)(e->time_ms / 1000);
        localtime_r(&tt, &tm);
        strftime(when, sizeof(when), "%m-%d %H:%M:%S", &tm);
        vd_draw_text(y + i, x, tw, when, a);
        vd_draw_text(y + i, x + tw, hw - 1, e->host ? e->host : "-", a);
        snprintf(obj, sizeof(obj), "%s", e->kind == VD_JOURNAL_NOTE ? "note" :
                 e->object ? e->object : e->type ? e->type : "-");
        vd_draw_text(y + i, x + tw + hw, ow - 1, obj, a);
        snprintf(buf, sizeof(buf), "%s%s", e->kind == VD_JOURNAL_EVENT ? "~" : "",
                 e->what ? e->what : "");
        vd_draw_text(y + i, x + tw + hw + ow, ww - 1, buf, a);
        if (e->kind == VD_JOURNAL_EVENT)
            snprintf(buf, sizeof(buf), "%s", e->detail ? e->detail : "");
        else if (e->kind == VD_JOURNAL_NOTE)
            snprintf(buf, sizeof(buf), "%s (%s)", e->message ? e->message : "",
                     e->user ? e->user : "?");
        else
            snprintf(buf, sizeof(buf), "%s%s%s (%s, %s)",
                     e->ok ? "done" : "FAILED", e->message ? ": " : "",
                     e->message ? e->message : "", e->user ? e->user : "?",
                     e->via ? e->via : "?");
        vd_draw_text(y + i, x + tw + hw + ow + ww, w - (tw + hw + ow + ww), buf, a);
    }
}

/* Enter: the whole entry, one field a line. */
static void
show_entry(vd_app *app, const vd_journal_entry *e)
{
    char *text = NULL, *json = vd_journal_format(e), line[1024];
    size_t len = 0, i;
    FILE *f = open_memstream(&text, &len);
    time_t tt = (time_t)(e->time_ms / 1000);
    struct tm tm;
    char when[64];

    if (!f) {
        free(json);
        return;
    }
    localtime_r(&tt, &tm);
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %Z", &tm);
    fprintf(f, "Time       %s\n", when);
    fprintf(f, "Kind       %s\n", vd_journal_kind_name(e->kind));
    if (e->host)
        fprintf(f, "Host       %s%s%s%s\n", e->host, e->uri ? " (" : "",
                e->uri ? e->uri : "", e->uri ? ")" : "");
    if (e->type || e->object)
        fprintf(f, "Object     %s %s\n", e->type ? e->type : "",
                e->object ? e->object : "");
    if (e->uuid)
        fprintf(f, "UUID       %s\n", e->uuid);
    if (e->what)
        fprintf(f, "%s %s\n", e->kind == VD_JOURNAL_EVENT ? "Event     " :
                "Action    ", e->what);
    if (e->detail)
        fprintf(f, "Detail     %s\n", e->detail);
    for (i = 0; i < e->nargs; i++)
        fprintf(f, "Argument   %s = %s\n", e->arg_keys[i],
                e->arg_vals[i] ? e->arg_vals[i] : "-");
    if (e->kind != VD_JOURNAL_EVENT && e->ok >= 0)
        fprintf(f, "Result     %s\n", e->ok ? "done" : "FAILED");
    if (e->message)
        fprintf(f, "Message    %s\n", e->message);
    if (e->duration_ms >= 0)
        fprintf(f, "Duration   %.3f s\n", (double)e->duration_ms / 1000.0);
    if (e->user)
        fprintf(f, "User       %s\n", e->user);
    if (e->via)
        fprintf(f, "Via        %s (process %ld)\n", e->via, e->pid);
    fprintf(f, "\nAs stored:\n%s", json ? json : "");
    fclose(f);
    snprintf(line, sizeof(line), "Journal entry");
    vd_textview_show(app, line, text ? text : "");
    free(text);
    free(json);
}

/* The text filter typed. */
static void
text_entered(vd_app *app, const char *text, void *ctx)
{
    vd_view *v = vd_view_find(app, ctx);
    jview *jv;

    if (!v || !text)
        return;
    jv = v->data;
    snprintf(jv->text, sizeof(jv->text), "%s", text);
    jv->f.text = jv->text[0] ? jv->text : NULL;
    jv->stale = true;
    app->dirty = true;
}

/* h: the next host seen in the journal (after the last: all). */
static void
next_host(jview *jv)
{
    size_t i, n = vd_ui_journal_count();
    const char *first = NULL, *next = NULL;

    for (i = 0; i < n; i++) {
        const char *h = vd_ui_journal_at(i)->host;
        if (!h)
            continue;
        if (!first || strcmp(h, first) < 0)
            first = h;
        if (jv->f.host && strcmp(h, jv->f.host) > 0 &&
            (!next || strcmp(h, next) < 0))
            next = h;
    }
    next = jv->f.host ? next : first;
    if (next) {
        snprintf(jv->host, sizeof(jv->host), "%s", next);
        jv->f.host = jv->host;
    } else {
        jv->f.host = NULL;
    }
}

static const vd_view_ops journal_ops;

/* Keys of the view. */
static bool
journal_key(vd_app *app, vd_view *v, int key)
{
    jview *jv = v->data;
    const vd_journal_entry *e;
    size_t page = (size_t)(LINES > 8 ? LINES - 8 : 1);

    rebuild(jv);
    e = jv->nmatch ? vd_ui_journal_at(jv->match[jv->cur]) : NULL;
    switch (key) {
    case 'j': case VD_KEY(KEY_DOWN):
        if (jv->cur > 0)
            jv->cur--;
        jv->follow = false;
        break;
    case 'k': case VD_KEY(KEY_UP):
        if (jv->cur + 1 < jv->nmatch)
            jv->cur++;
        jv->follow = jv->cur + 1 >= jv->nmatch;
        break;
    case VD_KEY(KEY_NPAGE):
        jv->cur = jv->cur > page ? jv->cur - page : 0;
        jv->follow = false;
        break;
    case VD_KEY(KEY_PPAGE):
        jv->cur = jv->cur + page < jv->nmatch ? jv->cur + page
                  : (jv->nmatch ? jv->nmatch - 1 : 0);
        jv->follow = jv->cur + 1 >= jv->nmatch;
        break;
    case 'g': case VD_KEY(KEY_HOME):
        jv->follow = true;
        jv->stale = true;
        break;
    case 'G': case VD_KEY(KEY_END):
        jv->cur = 0;
        jv->follow = false;
        break;
    case 'F':
        jv->follow = !jv->follow;
        jv->stale = true;
        vd_app_message(app, VD_MSG_INFO, jv->follow
                       ? "Journal: following new entries"
                       : "Journal: not following (the cursor stays)");
        break;
    case 'f':
        jv->f.failed = !jv->f.failed;
        jv->stale = true;
        break;
    case 'K':
        jv->f.kind = jv->f.kind >= VD_JOURNAL_NOTE ? -1 : jv->f.kind + 1;
        jv->stale = true;
        break;
    case 'h':
        next_host(jv);
        jv->stale = true;
        break;
    case 'o':
        if (jv->f.object) {
            jv->f.object = NULL;
        } else if (e && (e->uuid || e->object)) {
            snprintf(jv->object, sizeof(jv->object), "%s",
                     e->uuid ? e->uuid : e->object);
            jv->f.object = jv->object;
        } else {
            vd_app_message(app, VD_MSG_INFO, "This entry names no object");
        }
        jv->stale = true;
        break;
    case '/':
        vd_dialog_prompt(app, "Journal filter", "Text", jv->text, false, NULL,
                         text_entered, (void *)&journal_ops);
        break;
    case 'c':
        jv->f = (vd_journal_filter){ .kind = -1 };
        jv->text[0] = '\0';
        jv->stale = true;
        break;
    case '\n': case '\r': case VD_KEY(KEY_ENTER):
        if (e)
            show_entry(app, e);
        break;
    default:
        return false;
    }
    app->dirty = true;
    return true;
}

/* New snapshots may come with new entries: redraw. */
static void
journal_snapshot(vd_app *app, vd_view *v)
{
    (void)v;
    app->dirty = true;
}

/* Leave. */
static void
journal_close(vd_app *app, vd_view *v)
{
    jview *jv = v->data;

    (void)app;
    free(jv->match);
    free(jv);
}

static const vd_binding journal_keys[] = {
    { '\n', "Enter", "The whole entry", "Journal", 0, NULL, 0, 0, NULL },
    { 'f', "f", "Failures only (again: everything)", "Journal", 0, NULL, 0, 0, NULL },
    { 'h', "h", "One host, the next (after the last: all)", "Journal", 0, NULL, 0, 0, NULL },
    { 'o', "o", "Only the entry's object (again: all)", "Journal", 0, NULL, 0, 0, NULL },
    { 'K', "K", "Only actions, events, notes, or all", "Journal", 0, NULL, 0, 0, NULL },
    { '/', "/", "Filter by text", "Journal", 0, NULL, 0, 0, NULL },
    { 'c', "c", "Clear the filters", "Journal", 0, NULL, 0, 0, NULL },
    { 'F', "F", "Follow new entries on or off", "Journal", 0, NULL, 0, 0, NULL },
    { 'g', "g", "Newest entry, and follow", "Journal", 0, NULL, 0, 0, NULL },
    { 'G', "G", "Oldest entry", "Journal", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops journal_ops = {
    .name = "journal",
    .draw = journal_draw,
    .key = journal_key,
    .on_snapshot = journal_snapshot,
    .close = journal_close,
    .keys = journal_keys,
    .nkeys = sizeof(journal_keys) / sizeof(journal_keys[0]),
};

/* J: the journal view. */
void
vd_act_journal(vd_app *app, const vd_binding *b)
{
    jview *jv;
    vd_view *v;

    (void)b;
    if ((v = vd_view_find(app, &journal_ops))) {
        vd_view_close(app, v);          /* one journal view: bring it up */
    }
    if (!(jv = calloc(1, sizeof(*jv))))
        return;
    jv->f.kind = -1;
    jv->follow = true;
    jv->stale = true;
    vd_view_push(app, &journal_ops, jv, "Journal");
}
