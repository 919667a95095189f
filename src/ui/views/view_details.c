/*
 * view_details.c: the details view of one domain (pushed on the view
 * stack): overview, disks, NICs with guest addresses, graphics and boot
 * order, read by the host's worker (VD_CMD_DOM_DETAILS) and read again
 * when the domain changes in a snapshot. The domain actions work from
 * here on the shown domain. A running domain's screen is shown as a
 * thumbnail right of the text (VD_CMD_DOM_SCREENSHOT, taken again every
 * few seconds while the view is on top and on F5), drawn by the console
 * renderer over blank curses cells (term_image.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/core.h"
#include "virtdeck/domdetails.h"
#include "virtdeck/image.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/table.h"
#include "ui/widgets/term_image.h"
#include "ui/app/view.h"
#include "ui/views/journal_ui.h"

/* The screenshot thumbnail: taken again this often while the view is
 * on top (ms), and the smallest panel it is drawn in (cells). */
#define SHOT_EVERY_MS 5000
#define SHOT_MIN_COLS 16
#define SHOT_MIN_ROWS 4

typedef struct details_data {
    vd_dom_target t;
    vd_dom_details *d;          /* the last answer, or NULL */
    char *error;                /* the last refusal, or NULL */
    unsigned long long asked;   /* request id in flight, 0: none */
    bool again;                 /* a change came while one was in flight */
    vd_domain seen;             /* the snapshot's domain at the last ask
                                 * (its pointers cleared) */
    char seen_name[128];
    int top;                    /* first line shown (scrolling) */
    int max_top;                /* the last draw's: the end fills the last row */
    int page;                   /* the last draw's rows */
    vd_image *shot;             /* the last screenshot, or NULL */
    char shot_msg[200];         /* why there is none (or "" while asked) */
    unsigned long long shot_asked;  /* screenshot request in flight, 0: none */
    long long shot_at;          /* vd_now_ms() of the last answer */
    vd_rect shot_drawn;         /* where the picture is on the terminal (h 0: nowhere) */
    vd_render *shot_render;     /* draws it, only the changed cells; or NULL */
    unsigned long shot_frame;   /* the frame it was last drawn in */
    bool panel_ok;              /* the last draw had room for a thumbnail */
} details_data;

/* Ask the host for the details (once at a time). */
static void
details_ask(vd_app *app, vd_view *v)
{
    details_data *dd = v->data;
    vd_cmd cmd = { .kind = VD_CMD_DOM_DETAILS };
    const vd_domain *dom = vd_dom_target_find(app, &dd->t);

    if (dd->asked) {
        dd->again = true;
        return;
    }
    if (dom) {
        dd->seen = *dom;
        dd->seen.name = NULL;
        dd->seen.history = NULL;
        snprintf(dd->seen_name, sizeof(dd->seen_name), "%s", dom->name ? dom->name : "");
    }
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", dd->t.uuid);
    dd->asked = vd_view_submit(app, v, dd->t.host, &cmd);
}

/* Why the shown domain has no screen to take a picture of now, or NULL
 * when it has one. */
static const char *
shot_unavailable(vd_app *app, const details_data *dd)
{
    const vd_domain *dom = vd_dom_target_find(app, &dd->t);
    const vd_snapshot *snap = dd->t.host < app->nhosts ? app->hosts[dd->t.host].snap : NULL;

    if (!snap || snap->conn != VD_CONN_CONNECTED)
        return "No screen: the host is not connected";
    if (!dom)
        return "No screen: the domain is gone";
    if (dom->state != VD_DOM_RUNNING && dom->state != VD_DOM_BLOCKED &&
        dom->state != VD_DOM_PAUSED)
        return "No screen: the domain is not running";
    if (!dd->d)
        return "";
    if (dd->d->ngraphics == 0)
        return "No screen: the domain has no graphics display";
    if (snap->readonly)
        return "No screen: a screenshot needs a read-write connection";
    return NULL;
}

/* Forget the picture, saying why (why may be ""). */
static void
shot_drop(details_data *dd, const char *why)
{
    vd_image_free(dd->shot);
    dd->shot = NULL;
    snprintf(dd->shot_msg, sizeof(dd->shot_msg), "%s", why);
}

/* Ask the host for a screenshot (once at a time), or say why not. */
static void
shot_ask(vd_app *app, vd_view *v)
{
    details_data *dd = v->data;
    vd_cmd cmd = { .kind = VD_CMD_DOM_SCREENSHOT };
    const char *why = shot_unavailable(app, dd);

    if (why) {
        if (dd->shot || strcmp(dd->shot_msg, why) != 0) {
            shot_drop(dd, why);
            app->dirty = true;
        }
        return;
    }
    if (dd->shot_asked)
        return;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", dd->t.uuid);
    dd->shot_asked = vd_view_submit(app, v, dd->t.host, &cmd);
    if (!dd->shot_asked) {
        dd->shot_at = vd_now_ms();      /* refused: not again at once */
        shot_drop(dd, "No screen: the screenshot was refused (see the status line)");
    }
}

/* One line of the view: y relative to the scrolled text. */
typedef struct liner {
    const vd_rect *area;
    int y;                      /* next line index */
    int top;
    int clip_y0, clip_y1;       /* screen rows [y0, y1) beside the thumbnail */
    int clip_w;                 /* the text's width on those rows */
} liner;

/* Print a line (printf format) if it is in the window. */
static void __attribute__((format(printf, 3, 4)))
line(liner *l, attr_t attr, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int row = l->y++ - l->top;

    if (row < 0 || row >= l->area->h)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    row += l->area->y;
    vd_draw_text(row, l->area->x + 1, row >= l->clip_y0 && row < l->clip_y1 ?
                 l->clip_w : l->area->w - 2, buf, attr);
}

/* The domain's history from the journal, newest first, one item a
 * line ("start 3 h ago by root from tui"). */
static void
history_lines(vd_app *app, const details_data *dd, liner *l)
{
    const vd_snapshot *snap = dd->t.host < app->nhosts
                              ? app->hosts[dd->t.host].snap : NULL;
    char hist[2048], *item, *save = NULL;
    bool first = true;

    vd_ui_journal_history(snap ? snap->label : NULL, snap ? snap->uri : NULL,
                          dd->t.uuid, dd->t.name, 6, hist, sizeof(hist));
    if (!hist[0]) {
        line(l, vd_role_attr(VD_ROLE_DIM), "  History     nothing recorded "
             "(the journal, J, keeps what happens while virtdeck runs)");
        return;
    }
    for (item = strtok_r(hist, "\n", &save); item; item = strtok_r(NULL, "\n", &save)) {
        while (*item == ' ')
            item++;
        line(l, vd_role_attr(VD_ROLE_NORMAL), "%s%s", first ? "  History     "
             : "              ", item);
        first = false;
    }
}

/* The panel right of the text where the thumbnail goes: false when the
 * area is too small for one (then the text says so). */
static bool
shot_panel(const vd_rect *area, vd_rect *panel)
{
    int text_w = area->w >= 80 + 32 ? 80 : 56;

    panel->x = area->x + text_w;
    panel->w = area->w - text_w - 1;
    panel->y = area->y + 1;
    panel->h = area->h - 1;
    return panel->w >= SHOT_MIN_COLS && panel->h >= SHOT_MIN_ROWS + 1;
}

/* The picture's cells inside panel (its aspect kept, the caption row
 * below it), at the panel's top left. */
static void
shot_fit(const vd_image *img, const vd_rect *panel, vd_rect *pic)
{
    vd_render_geom g;

    vd_render_layout(img->width, img->height, panel->h - 1, panel->w, &g);
    pic->x = panel->x;
    pic->y = panel->y;
    pic->w = g.img_cols;
    pic->h = (g.img_sub_rows + 1) / 2;
}

/* Draw the thumbnail panel (the picture is drawn last, by shot_paint());
 * returns the first screen row below what it used. */
static int
shot_draw_panel(const details_data *dd, const vd_rect *panel, vd_rect *pic)
{
    attr_t dim = vd_role_attr(VD_ROLE_DIM);
    char cap[160];

    pic->h = 0;
    if (!dd->shot) {
        vd_rect r = *panel;

        r.h = 4;
        if (!dd->shot_msg[0])
            return vd_draw_wrap(&r, r.y, dd->shot_asked ? "Taking a screenshot..." : "",
                                dim);
        return vd_draw_wrap(&r, r.y, dd->shot_msg, dim);
    }
    shot_fit(dd->shot, panel, pic);
    snprintf(cap, sizeof(cap), "Screen %dx%d  F5: again", dd->shot->width,
             dd->shot->height);
    if (vd_text_width(cap) > panel->w)  /* narrow: the size alone */
        *strstr(cap, "  F5") = '\0';
    vd_draw_text(pic->y + pic->h, pic->x, panel->w, cap, dim);
    return pic->y + pic->h + 1;
}

/* Put the picture on the terminal over the blank cells of pic (after
 * curses' drawing), or take an old one away: a full repaint when it
 * moved or went. */
static void
shot_paint(vd_app *app, vd_view *v, const vd_rect *pic)
{
    details_data *dd = v->data;
    bool show = dd->shot && pic->h > 0 && vd_view_top(app) == v;
    vd_rect none = { 0, 0, 0, 0 };

    if (dd->shot_drawn.h > 0 &&
        (!show || memcmp(&dd->shot_drawn, pic, sizeof(*pic)) != 0))
        clearok(curscr, TRUE);  /* no stale pixels outside the new picture */
    dd->shot_drawn = show ? *pic : none;
    if (!show)
        return;
    if (!dd->shot_render && !(dd->shot_render = vd_render_new())) {
        vd_ui_draw_image(app, dd->shot, pic);   /* out of memory: in full */
        return;
    }
    vd_ui_draw_image_cached(app, dd->shot_render, &dd->shot_frame, dd->shot, pic);
}

/* Draw the details. */
static void
details_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    details_data *dd = v->data;
    const vd_dom_details *d = dd->d;
    attr_t norm = vd_role_attr(VD_ROLE_NORMAL);
    attr_t head = vd_role_attr(VD_ROLE_COLUMN_HEADER);
    attr_t dim = vd_role_attr(VD_ROLE_DIM);
    liner l = { area, 0, dd->top, 0, 0, 0 };
    vd_rect panel, pic = { 0, 0, 0, 0 };
    char a[64], b[64];
    size_t i;

    vd_draw_clear(area, norm);
    dd->panel_ok = shot_panel(area, &panel);
    if (d && dd->panel_ok) {
        l.clip_y0 = panel.y;
        l.clip_y1 = shot_draw_panel(dd, &panel, &pic);
        l.clip_w = panel.x - area->x - 2;
    }
    line(&l, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS), "Details of %s  (m: actions, Esc: back)",
         d && d->name ? d->name : dd->t.name);
    if (dd->error)
        line(&l, vd_role_attr(VD_ROLE_STATUS_ERROR), "%s", dd->error);
    if (!d) {
        line(&l, dim, "Reading the details of %s...", dd->t.name);
        goto paint;
    }
    line(&l, head, "Overview");
    line(&l, norm, "  Name        %s", d->name ? d->name : dd->t.name);
    line(&l, norm, "  UUID        %s", d->uuid);
    line(&l, norm, "  State       %s (%s)%s", d->state ? d->state : "?",
         d->reason ? d->reason : "?", d->managed_save ? ", managed save image" : "");
    line(&l, norm, "  OS type     %s  %s  %s", d->os_type ? d->os_type : "?",
         d->arch ? d->arch : "", d->machine ? d->machine : "");
    line(&l, norm, "  vCPUs       %u of at most %u", d->vcpus, d->max_vcpus);
    vd_fmt_size(d->mem_kib * 1024, a, sizeof(a));
    vd_fmt_size(d->max_mem_kib * 1024, b, sizeof(b));
    line(&l, norm, "  Memory      %s of at most %s", a, b);
    line(&l, norm, "  Autostart   %s     Persistent  %s", d->autostart ? "yes" : "no",
         d->persistent ? "yes" : "no (transient)");
    history_lines(app, dd, &l);
    line(&l, norm, "%s", "");
    line(&l, head, "Disks (%zu)", d->ndisks);
    line(&l, dim, "  %-7s %-7s %-7s %-10s %-10s %s", "Target", "Device", "Bus",
         "Size", "Used", "Source");
    for (i = 0; i < d->ndisks; i++) {
        const vd_disk_info *di = &d->disks[i];
        if (di->capacity)
            vd_fmt_size(di->capacity, a, sizeof(a));
        else
            snprintf(a, sizeof(a), "-");
        if (di->allocation)
            vd_fmt_size(di->allocation, b, sizeof(b));
        else
            snprintf(b, sizeof(b), "-");
        line(&l, norm, "  %-7s %-7s %-7s %-10s %-10s %s", di->target ? di->target : "?",
             di->device ? di->device : "?", di->bus ? di->bus : "?", a, b,
             di->source ? di->source : (di->device && strcmp(di->device, "cdrom") == 0 ?
                                        "(empty)" : "-"));
    }
    line(&l, norm, "%s", "");
    line(&l, head, "Network interfaces (%zu)", d->nnics);
    line(&l, dim, "  %-17s %-8s %-12s %-8s %s", "MAC", "Type", "Source", "Model",
         "Guest addresses");
    for (i = 0; i < d->nnics; i++) {
        const vd_nic_info *ni = &d->nics[i];
        char addr[400];
        if (ni->addresses)
            snprintf(addr, sizeof(addr), "%s (%s)", ni->addresses,
                     ni->addr_source ? ni->addr_source : "?");
        else
            snprintf(addr, sizeof(addr), "-");
        line(&l, norm, "  %-17s %-8s %-12s %-8s %s", ni->mac ? ni->mac : "?",
             ni->type ? ni->type : "?", ni->source ? ni->source : "-",
             ni->model ? ni->model : "-", addr);
    }
    line(&l, norm, "%s", "");
    line(&l, head, "Graphics (%zu)", d->ngraphics);
    for (i = 0; i < d->ngraphics; i++) {
        const vd_graphics_info *g = &d->graphics[i];
        if (g->port > 0)
            snprintf(a, sizeof(a), "%d", g->port);
        else
            snprintf(a, sizeof(a), g->port < 0 ? "auto (not started)" : "-");
        line(&l, norm, "  %-6s port %s  listen %s", g->type ? g->type : "?", a,
             g->listen ? g->listen : "-");
    }
    if (!dd->panel_ok)
        line(&l, dim, "  Screen  %s", dd->shot_msg[0] ? dd->shot_msg :
             "the terminal is too small for a thumbnail of the screen");
    line(&l, norm, "%s", "");
    {
        char boot[256] = "";
        size_t used = 0;
        for (i = 0; i < d->nboot && used < sizeof(boot); i++)
            used += (size_t)snprintf(boot + used, sizeof(boot) - used, "%s%s",
                                     i ? ", " : "", d->boot[i]);
        line(&l, head, "Boot order");
        line(&l, norm, "  %s", d->nboot ? boot : "(the hypervisor's default)");
    }

 paint:
    /* the end of the text on the last row at most; what does not fit is
     * announced on the last row, never cut silently */
    dd->page = area->h > 1 ? area->h - 1 : 1;
    dd->max_top = l.y > area->h ? l.y - area->h : 0;
    if (dd->top > dd->max_top) {
        dd->top = dd->max_top;
        app->dirty = true;      /* drawn again at the clamped place */
    }
    if (l.y - dd->top > area->h && area->h > 1) {
        char more[96];
        int row = area->y + area->h - 1;

        snprintf(more, sizeof(more), "%s %d more lines below (j, PgDn, End)",
                 vd_draw_utf8() ? "\u25bc" : "v", l.y - dd->top - area->h + 1);
        vd_draw_fill(row, area->x, row >= l.clip_y0 && row < l.clip_y1 ?
                     l.clip_w + 1 : area->w, norm);
        vd_draw_text(row, area->x + 1, area->w - 2, more,
                     vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    }
    shot_paint(app, v, &pic);
}

/* The answer to our request. */
static void
details_result(vd_app *app, vd_view *v, vd_result *res)
{
    details_data *dd = v->data;

    if (res->id == dd->asked)
        dd->asked = 0;
    if (res->id == dd->shot_asked)
        dd->shot_asked = 0;
    if (res->kind == VD_CMD_DOM_SCREENSHOT) {
        dd->shot_at = vd_now_ms();
        if (res->ok && res->data) {
            vd_image_free(dd->shot);
            dd->shot = res->data;
            res->data = NULL;
            dd->shot_msg[0] = '\0';
        } else {
            char why[sizeof(dd->shot_msg)];

            snprintf(why, sizeof(why), "No screen: %s",
                     res->message ? res->message : "the screenshot failed");
            shot_drop(dd, why);
        }
    }
    if (res->kind == VD_CMD_DOM_DETAILS) {
        free(dd->error);
        dd->error = NULL;
        if (res->ok && res->data) {
            vd_dom_details_free(dd->d);
            dd->d = res->data;
            res->data = NULL;
            vd_view_set_title(v, "Details of %s", dd->d->name ? dd->d->name : dd->t.name);
            if (dd->d->name)
                snprintf(dd->t.name, sizeof(dd->t.name), "%s", dd->d->name);
            if (dd->panel_ok)
                shot_ask(app, v);
        } else {
            dd->error = strdup(res->message ? res->message : "no details");
        }
    }
    app->dirty = true;
    if (dd->again) {
        dd->again = false;
        details_ask(app, v);
    }
}

/* A new snapshot: ask again when the domain changed. */
static void
details_snapshot(vd_app *app, vd_view *v)
{
    details_data *dd = v->data;
    const vd_domain *dom = vd_dom_target_find(app, &dd->t);

    if (!dom)
        return;
    if (dom->state != dd->seen.state || dom->vcpus != dd->seen.vcpus ||
        dom->max_mem_kib != dd->seen.max_mem_kib || dom->autostart != dd->seen.autostart ||
        dom->persistent != dd->seen.persistent || dom->id != dd->seen.id ||
        strcmp(dom->name ? dom->name : "", dd->seen_name) != 0)
        details_ask(app, v);
    /* the thumbnail: taken again every few seconds while it is seen;
     * dropped at once when the domain stops */
    if (shot_unavailable(app, dd) ||
        (dd->panel_ok && vd_view_top(app) == v &&
         vd_now_ms() - dd->shot_at >= SHOT_EVERY_MS))
        shot_ask(app, v);
}

/* Leave. */
static void
details_close(vd_app *app, vd_view *v)
{
    details_data *dd = v->data;

    (void)app;
    vd_dom_details_free(dd->d);
    vd_image_free(dd->shot);
    vd_render_free(dd->shot_render);
    free(dd->error);
    free(dd);
}

/* Keys: scrolling; the actions are in the key table below. */
static bool
details_key(vd_app *app, vd_view *v, int key)
{
    details_data *dd = v->data;

    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        if (dd->top < dd->max_top)
            dd->top++;
        break;
    case 'k':
    case VD_KEY(KEY_UP):
        if (dd->top > 0)
            dd->top--;
        break;
    case ' ':
    case VD_KEY(KEY_NPAGE):
        dd->top = dd->top + dd->page < dd->max_top ? dd->top + dd->page : dd->max_top;
        break;
    case VD_KEY(KEY_PPAGE):
        dd->top = dd->top > dd->page ? dd->top - dd->page : 0;
        break;
    case 'g':
    case VD_KEY(KEY_HOME):
        dd->top = 0;
        break;
    case 'G':
    case VD_KEY(KEY_END):
        dd->top = dd->max_top;
        break;
    default:
        return false;
    }
    app->dirty = true;
    return true;
}

/* The details view on top, or NULL. */
static details_data *
top_details(vd_app *app)
{
    vd_view *v = vd_view_top(app);

    return v && v->ops->draw == details_draw ? v->data : NULL;
}

/* The keys of the view itself; the domain actions come from the
 * registry (registry.h) and act on the shown domain. */
enum { A_REFRESH, A_MENU };

static void act_details(vd_app *app, const vd_binding *b);

#define DK(key, name, desc, arg, bar, label) \
    { key, name, desc, "Details", VD_PANE_BIT(VD_PANE_DOMAINS), act_details, arg, bar, label }

static const vd_binding details_keys[] = {
    DK(VD_KEY(KEY_F(5)), "F5", "Read the details and the screenshot again", A_REFRESH, 2, "Refresh"),
    DK('m', "m", "Menu of the domain actions", A_MENU, 9, "Menu"),
    { 'j', "j", "Scroll down", "Details", 0, NULL, 0, 0, NULL },
    { 'k', "k", "Scroll up", "Details", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn", "Scroll down a page (also Space)", "Details", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_PPAGE), "PgUp", "Scroll up a page", "Details", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_END), "End", "Scroll to the end (also G)", "Details", 0, NULL, 0, 0, NULL },
};

#define NKEYS (sizeof(details_keys) / sizeof(details_keys[0]))

/* F5, m on the shown domain. */
static void
act_details(vd_app *app, const vd_binding *b)
{
    details_data *dd = top_details(app);
    vd_view *v = vd_view_top(app);
    const vd_binding *table;
    size_t n;

    if (!dd)
        return;
    switch (b->arg) {
    case A_REFRESH:
        details_ask(app, v);
        if (dd->panel_ok)
            shot_ask(app, v);
        break;
    case A_MENU:
        table = vd_view_keys(v, &n);
        vd_dialog_actions(app, "Domain actions", table, n,
                          VD_PANE_BIT(VD_PANE_DOMAINS));
        break;
    }
    app->dirty = true;
}

/* The shown domain is the target of every action here. */
static void
details_targets(vd_app *app, vd_view *v, vd_dom_targets *out)
{
    details_data *dd = v->data;

    (void)app;
    vd_dom_targets_one(out, dd->t.host, dd->t.uuid, dd->t.name);
}

static const vd_view_ops details_ops = {
    .name = "details",
    .draw = details_draw,
    .key = details_key,
    .on_snapshot = details_snapshot,
    .on_result = details_result,
    .close = details_close,
    .keys = details_keys,
    .nkeys = NKEYS,
    .targets = details_targets,
    .place = VD_PLACE_DETAILS,
};

/* Push the details view of t. */
void
vd_dom_do_details(vd_app *app, const vd_dom_target *t)
{
    details_data *dd = calloc(1, sizeof(*dd));
    vd_view *v;
    char title[200];

    if (!dd)
        return;
    dd->t = *t;
    snprintf(title, sizeof(title), "Details of %s", t->name);
    if ((v = vd_view_push(app, &details_ops, dd, title)))
        details_ask(app, v);
}
