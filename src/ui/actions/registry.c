/*
 * registry.c: the registry of domain actions (registry.h) and the one
 * path that runs them: targets from the place, a read-only host
 * refused at the key, the domain's state checked, the question asked,
 * then the command sent to each target's own host.
 *
 * To add a domain action, add one entry to actions[] below (see
 * docs/HACKING.md, "Add a domain action"): the help, the menus and the
 * function-key bars of every place pick it up from there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/actions/domain_actions.h"
#include "ui/actions/registry.h"
#include "ui/console/console_view.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/listview.h"
#include "ui/views/dsnap_ui.h"
#include "ui/views/monitor.h"
#include "ui/app/view.h"
#include "ui/forms/form_migrate.h"

/* ---- how the actions that are more than one command run ---- */

/* p: pause a running domain, resume a paused one. */
static void
run_pause(vd_app *app, const vd_dom_action *a, const vd_dom_target *t,
          size_t n, const vd_dom_targets *ts)
{
    (void)a;
    (void)ts;
    for (size_t i = 0; i < n; i++) {
        const vd_domain *dom = vd_dom_target_find(app, &t[i]);

        vd_dom_send(app, &t[i], dom && dom->state == VD_DOM_PAUSED ?
                    VD_CMD_DOM_RESUME : VD_CMD_DOM_SUSPEND, NULL, 0, 0);
    }
}

/* a: autostart on / off; the cursor's domain decides for all. */
static void
run_autostart(vd_app *app, const vd_dom_action *a, const vd_dom_target *t,
              size_t n, const vd_dom_targets *ts)
{
    const vd_domain *dom = vd_dom_target_find(app, ts->has_cursor ? &ts->cursor
                                                                  : &t[0]);

    (void)a;
    if (!dom)
        return;
    for (size_t i = 0; i < n; i++)
        vd_dom_send(app, &t[i], VD_CMD_DOM_AUTOSTART, NULL, dom->autostart ? 0 : 1, 0);
}

/* The actions that open a dialog or a view on one domain. */
#define ONE(fn, call) \
    static void fn(vd_app *app, const vd_dom_action *a, const vd_dom_target *t, \
                   size_t n, const vd_dom_targets *ts) \
    { (void)a; (void)n; (void)ts; call; }

ONE(run_rename, vd_dom_do_rename(app, t))
ONE(run_undefine, vd_dom_do_undefine(app, t))
ONE(run_details, vd_dom_do_details(app, t))
ONE(run_resources, vd_dom_do_resources(app, t))
ONE(run_cdrom, vd_dom_do_cdrom(app, t))
ONE(run_attach, vd_dom_do_attach(app, t))
ONE(run_detach, vd_dom_do_detach(app, t))
ONE(run_xml, vd_dom_do_xml(app, t, false))
ONE(run_xml_secure, vd_dom_do_xml(app, t, true))
ONE(run_edit, vd_dom_do_edit_xml(app, t))
ONE(run_vnc, vd_console_open_vnc(app, t->host, t->uuid, t->name))
ONE(run_serial, vd_console_open_serial(app, t->host, t->uuid, t->name))
ONE(run_graphs, vd_monitor_graphs_open(app, t->host, t->uuid, t->name))
ONE(run_migrate, vd_dom_do_migrate(app, t))
ONE(run_migration_cancel, vd_dom_do_migration_ctl(app, t, false))
ONE(run_migration_postcopy, vd_dom_do_migration_ctl(app, t, true))
ONE(run_snapshots, vd_dsnap_view_open(app, t))
ONE(run_clone, vd_clone_form_open(app, t))

/* ---- the registry ---- */

#define LIFE "Domain actions"
#define DEV "Domain devices and XML"
#define OPEN "Domain views"
#define PL(p) (1u << (p))
/* The consoles give every key to the guest, so their help lists only
 * their own keys: no domain action is offered there. */
#define EVERYWHERE (PL(VD_PLACE_PANE) | PL(VD_PLACE_TOP) | PL(VD_PLACE_DETAILS))
#define NOT_CONSOLE EVERYWHERE
#define BAR(pane, top, details) { [VD_PLACE_PANE] = (pane), [VD_PLACE_TOP] = (top), \
                                  [VD_PLACE_DETAILS] = (details) }
#define NOT_OFF (VD_ST(VD_DOM_NOSTATE) | VD_ST(VD_DOM_RUNNING) | VD_ST(VD_DOM_BLOCKED) | \
                 VD_ST(VD_DOM_PAUSED) | VD_ST(VD_DOM_SHUTDOWN) | VD_ST(VD_DOM_CRASHED) | \
                 VD_ST(VD_DOM_PMSUSPENDED))

static const vd_dom_action actions[] = {
    { .key = 's', .key_name = "s",
      .label = "Start", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_START, .writes = true, .bulk = true,
      .bar = BAR(5, 5, 0), .bar_label = "Start" },
    { .key = 'd', .key_name = "d",
      .label = "Shut down (ACPI)", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_SHUTDOWN, .writes = true, .bulk = true,
      .bar = BAR(6, 0, 0), .bar_label = "Shutdn" },
    { .key = 'r', .key_name = "r",
      .label = "Reboot", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_REBOOT, .writes = true, .bulk = true,
      .bar = BAR(7, 0, 0), .bar_label = "Reboot" },
    { .key = 'p', .key_name = "p",
      .label = "Pause / resume", .group = LIFE, .places = EVERYWHERE,
      .states = VD_ST(VD_DOM_RUNNING) | VD_ST(VD_DOM_BLOCKED) | VD_ST(VD_DOM_PAUSED),
      .state_refusal = "{name} is {state}: only a running domain can be paused",
      .cmd = VD_CMD_DOM_SUSPEND, .writes = true, .run = run_pause,
      .bar = BAR(8, 0, 0), .bar_label = "Pause" },
    { .key = 'D', .key_name = "D", .key2 = VD_KEY(KEY_F(9)), .key2_name = "F9",
      .label = "Force off (asks first)", .group = LIFE, .places = EVERYWHERE,
      .states = NOT_OFF, .state_refusal = "{name} is already shut off",
      .cmd = VD_CMD_DOM_DESTROY, .writes = true,
      .confirm_title = "Force off",
      .confirm = "Force off {name}? [y/N]\nIt loses power at once, like pulling the plug.",
      .bar = BAR(3, 9, 0), .bar_label = "ForceOff" },
    { .key = 'R', .key_name = "R",
      .label = "Reset (asks first)", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_RESET, .writes = true, .bulk = true,
      .confirm_title = "Reset",
      .confirm = "Reset {name}?\nLike pressing the reset button: the guest restarts "
                 "at once, without shutting down.",
      .confirm_many = "Reset {n} marked domains?\nThey restart at once, without "
                      "shutting down." },
    { .key = 'S', .key_name = "S",
      .label = "Managed save (s restores it)", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_MANAGED_SAVE, .writes = true, .bulk = true },
    { .key = 'O', .key_name = "O",
      .label = "Restore from its managed save", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_RESTORE, .writes = true },
    { .key = 'T', .key_name = "T",
      .label = "Migrate to another connected host (a dialog; live or offline)",
      .group = LIFE, .places = NOT_CONSOLE, .cmd = VD_CMD_DOM_MIGRATE,
      .writes = true, .run = run_migrate },
    { .key = 'K', .key_name = "K",
      .label = "Cancel its running migration (it stays on the source)",
      .group = LIFE, .places = NOT_CONSOLE, .cmd = VD_CMD_JOB_CANCEL,
      .run = run_migration_cancel },
    { .key = 'P', .key_name = "P",
      .label = "Switch its running migration to post-copy", .group = LIFE,
      .places = NOT_CONSOLE, .cmd = VD_CMD_JOB_POSTCOPY, .writes = true,
      .run = run_migration_postcopy },
    { .key = 'a', .key_name = "a",
      .label = "Autostart on / off", .group = LIFE, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_AUTOSTART, .writes = true, .bulk = true,
      .run = run_autostart },
    { .key = 'n', .key_name = "n",
      .label = "Rename (shut off only)", .group = LIFE, .places = EVERYWHERE,
      .states = VD_ST(VD_DOM_SHUTOFF),
      .state_refusal = "rename {name}: it is {state}; only a shut off domain can be renamed",
      .cmd = VD_CMD_DOM_RENAME, .writes = true, .run = run_rename },
    { .key = 'u', .key_name = "u",
      .label = "Undefine (asks; optionally with its volumes)", .group = LIFE,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_UNDEFINE, .writes = true,
      .run = run_undefine },
    { .key = 'e', .key_name = "e",
      .label = "vCPUs and memory (live / persistent)", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_SET_VCPUS, .writes = true,
      .run = run_resources, .bar = BAR(0, 0, 3), .bar_label = "vCPU/Mem" },
    { .key = 'c', .key_name = "c",
      .label = "CD-ROM: insert a volume or a path, or eject", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_CDROM, .writes = true,
      .run = run_cdrom, .bar = BAR(0, 0, 4), .bar_label = "CD-ROM" },
    { .key = 'A', .key_name = "A",
      .label = "Attach a disk (existing or new volume) or a NIC", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_ATTACH_DISK, .writes = true,
      .run = run_attach, .bar = BAR(0, 0, 5), .bar_label = "Attach" },
    { .key = 'x', .key_name = "x",
      .label = "Detach a disk or NIC (asks)", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_DETACH_DISK, .writes = true,
      .run = run_detach, .bar = BAR(0, 0, 6), .bar_label = "Detach" },
    { .key = 'X', .key_name = "X",
      .label = "View the XML", .group = DEV, .places = EVERYWHERE,
      .cmd = VD_CMD_DOM_XML, .run = run_xml,
      .bar = BAR(0, 0, 7), .bar_label = "XML" },
    { .key = 'Y', .key_name = "Y",
      .label = "View the XML with passwords (--security-info)", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_XML, .run = run_xml_secure },
    { .key = 'E', .key_name = "E",
      .label = "Edit the XML in $EDITOR (validated)", .group = DEV,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_DEFINE, .writes = true,
      .run = run_edit, .bar = BAR(0, 0, 8), .bar_label = "Edit" },
    { .key = 'i', .key_name = "i",
      .label = "Details: vCPUs, memory, CD-ROM, disks, NICs", .group = OPEN,
      .places = EVERYWHERE, .cmd = VD_CMD_DOM_DETAILS, .run = run_details },
    { .key = 'M', .key_name = "M",
      .label = "Graphs: CPU, memory, disk, network over 1 min to 1 h",
      .group = OPEN, .places = EVERYWHERE, .cmd = VD_CMD_DOM_DETAILS,
      .run = run_graphs },
    { .key = 'v', .key_name = "v",
      .label = "VNC or SPICE console (sixel, kitty, half blocks; Ctrl+] leaves)",
      .group = OPEN, .places = NOT_CONSOLE, .cmd = VD_CMD_DOM_GRAPHICS,
      .writes = true, .run = run_vnc },
    { .key = 'C', .key_name = "C",
      .label = "Serial console (Ctrl+] leaves)", .group = OPEN,
      .places = NOT_CONSOLE, .cmd = VD_CMD_DOM_SERIAL, .writes = true,
      .run = run_serial },
    { .key = 'Z', .key_name = "Z",
      .label = "Snapshots: tree, create, revert, delete", .group = OPEN,
      .places = EVERYWHERE, .cmd = VD_CMD_DSNAP_LIST, .run = run_snapshots },
    { .key = 'W', .key_name = "W",
      .label = "Clone: new name, disks copied, shared or linked", .group = LIFE,
      .places = EVERYWHERE,
      .states = VD_ST(VD_DOM_SHUTOFF) | VD_ST(VD_DOM_PAUSED),
      .state_refusal = "clone {name}: it is {state}; a clone copies the disks of a shut off (or paused) domain",
      .cmd = VD_CMD_DOM_CLONE, .writes = true, .run = run_clone },
};

#define NACTIONS (sizeof(actions) / sizeof(actions[0]))

/* The registry. */
const vd_dom_action *
vd_dom_actions(size_t *n)
{
    *n = NACTIONS;
    return actions;
}

/* ---- targets ---- */

/* Fill t. */
void
vd_dom_target_set(vd_dom_target *t, size_t host, const char *uuid,
                  const char *name)
{
    t->host = host;
    snprintf(t->uuid, sizeof(t->uuid), "%s", uuid ? uuid : "");
    snprintf(t->name, sizeof(t->name), "%s", name ? name : t->uuid);
}

/* One target. */
void
vd_dom_targets_one(vd_dom_targets *out, size_t host, const char *uuid,
                   const char *name)
{
    out->has_cursor = true;
    vd_dom_target_set(&out->cursor, host, uuid, name);
}

/* The domains pane: its marked rows, its cursor's row. */
void
vd_dom_targets_pane(vd_app *app, struct vd_view *v, vd_dom_targets *out)
{
    const vd_row *rows[VD_MAX_TARGETS];
    const vd_snapshot *snap = vd_app_snap(app);
    const vd_row *row = NULL;
    size_t n;

    (void)v;
    if (app->nhosts > 0 && vd_app_rows(app, VD_PANE_DOMAINS) > 0)
        row = vd_app_row(app, VD_PANE_DOMAINS, vd_app_sel(app, VD_PANE_DOMAINS)->cursor);
    if (row) {
        out->has_cursor = true;
        vd_dom_target_set(&out->cursor, row->host, row->uuid, row->name);
    } else if (snap && snap->conn != VD_CONN_CONNECTED) {
        snprintf(out->none, sizeof(out->none), "%s is not connected", snap->label);
    }
    n = vd_list_marked_rows(app, VD_PANE_DOMAINS, rows, VD_MAX_TARGETS);
    for (size_t i = 0; i < n && i < VD_MAX_TARGETS; i++)
        vd_dom_target_set(&out->marked[out->nmarked++], rows[i]->host,
                          rows[i]->uuid, rows[i]->name);
}

/* ---- the one path ---- */

/* The verb of a's command ("force off"). */
static const char *
verb_of(const vd_dom_action *a)
{
    return vd_cmd_describe(a->cmd)->verb;
}

/* tmpl with {name}, {state} and {n} filled in, into buf. */
static const char *
fill(const char *tmpl, const char *name, const char *state, size_t n,
     char *buf, size_t len)
{
    size_t used = 0;
    char num[32];

    snprintf(num, sizeof(num), "%zu", n);
    buf[0] = '\0';
    while (*tmpl && used + 1 < len) {
        const char *with = NULL;
        size_t skip = 0;

        if (strncmp(tmpl, "{name}", 6) == 0)
            with = name, skip = 6;
        else if (strncmp(tmpl, "{state}", 7) == 0)
            with = state, skip = 7;
        else if (strncmp(tmpl, "{n}", 3) == 0)
            with = num, skip = 3;
        if (with) {
            int w = snprintf(buf + used, len - used, "%s", with ? with : "");

            used += w > 0 ? (size_t)w : 0;
            if (used >= len)
                used = len - 1;
            tmpl += skip;
        } else {
            buf[used++] = *tmpl++;
            buf[used] = '\0';
        }
    }
    return buf;
}

/* Whether t's domain is in a state a applies to; says why not. A
 * domain the snapshot no longer has is left to the host to answer. */
static bool
state_ok(vd_app *app, const vd_dom_action *a, const vd_dom_target *t, bool say)
{
    const vd_domain *dom;
    char buf[300];

    if (!a->states || !(dom = vd_dom_target_find(app, t)))
        return true;
    if (a->states & VD_ST(dom->state))
        return true;
    if (say)
        vd_app_message(app, VD_MSG_ERROR, "%s",
                       fill(a->state_refusal ? a->state_refusal :
                            "{name} is {state}: not possible now", t->name,
                            vd_dom_state_name(dom->state), 1, buf, sizeof(buf)));
    return false;
}

/* What a question carries to its answer. */
typedef struct pending {
    const vd_dom_action *a;
    vd_dom_targets ts;          /* the place's answer, for run() */
    size_t n;
    vd_dom_target t[];
} pending;

/* Run a on t[0..n). */
static void
execute(vd_app *app, const vd_dom_action *a, const vd_dom_target *t, size_t n,
        const vd_dom_targets *ts)
{
    if (a->run) {
        a->run(app, a, t, n, ts);
    } else {
        size_t sent = 0;

        for (size_t i = 0; i < n; i++)
            sent += vd_dom_send(app, &t[i], a->cmd, NULL, 0, 0);
        if (n > 1 && sent)
            vd_app_message(app, VD_MSG_BUSY, "%s: sent to %zu marked domain%s",
                           verb_of(a), sent, sent == 1 ? "" : "s");
        return;
    }
    if (n > 1)
        vd_app_message(app, VD_MSG_BUSY, "%s: sent to %zu marked domains",
                       verb_of(a), n);
}

/* The answer to an action's question. */
static void
answered(vd_app *app, bool yes, void *ctx)
{
    pending *p = ctx;

    if (yes)
        execute(app, p->a, p->t, p->n, &p->ts);
    else if (p->n == 1)
        vd_app_message(app, VD_MSG_INFO, "Cancelled: %s %s", verb_of(p->a),
                       p->t[0].name);
    else
        vd_app_message(app, VD_MSG_INFO, "Cancelled: %s of %zu marked domains",
                       verb_of(p->a), p->n);
    free(p);
}

/* Run a on what the place said. */
void
vd_dom_action_run(vd_app *app, const vd_dom_action *a, const vd_dom_targets *ts)
{
    const vd_dom_target *src;
    size_t n, keep = 0;
    pending *p;
    char text[512];

    if (a->bulk && ts->nmarked > 0) {
        src = ts->marked;
        n = ts->nmarked;
    } else if (ts->has_cursor) {
        src = &ts->cursor;
        n = 1;
    } else {
        vd_app_message(app, VD_MSG_ERROR, "%s", ts->none[0] ? ts->none :
                       "No domain selected");
        return;
    }
    /* A read-only host refuses a write here, before anything else. */
    for (size_t i = 0; a->writes && i < n; i++) {
        const vd_snapshot *snap = src[i].host < app->nhosts ?
                                  app->hosts[src[i].host].snap : NULL;

        if (snap && snap->readonly) {
            vd_app_message(app, VD_MSG_ERROR, "read-only connection: %s refused",
                           verb_of(a));
            return;
        }
    }
    if (!(p = calloc(1, sizeof(*p) + n * sizeof(p->t[0])))) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    p->a = a;
    p->ts = *ts;
    /* The states it applies to: one domain is refused with the reason,
     * marked ones in another state are left out. */
    for (size_t i = 0; i < n; i++)
        if (state_ok(app, a, &src[i], n == 1))
            p->t[keep++] = src[i];
    p->n = keep;
    if (keep == 0) {
        if (n > 1)
            vd_app_message(app, VD_MSG_ERROR, "%s: no marked domain is in a "
                           "state for it", verb_of(a));
        free(p);
        return;
    }
    if (!a->confirm) {
        execute(app, a, p->t, p->n, &p->ts);
        free(p);
        return;
    }
    fill(p->n == 1 || !a->confirm_many ? a->confirm : a->confirm_many,
         p->t[0].name, "", p->n, text, sizeof(text));
    vd_dialog_confirm(app, a->confirm_title, text, answered, p);
}

/* ---- key tables ---- */

/* A registry key: run the action on the targets of the place on top. */
static void
act_registry(vd_app *app, const vd_binding *b)
{
    vd_view *v = vd_view_top(app);
    vd_dom_targets *ts;

    if (b->arg < 0 || (size_t)b->arg >= NACTIONS)
        return;
    if (!(ts = calloc(1, sizeof(*ts)))) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (v && v->ops->targets)
        v->ops->targets(app, v, ts);
    else
        vd_dom_targets_pane(app, NULL, ts);
    vd_dom_action_run(app, &actions[b->arg], ts);
    free(ts);
}

/* The tables built so far (one per place's own table). */
typedef struct built_table {
    const vd_binding *own;
    vd_place place;
    vd_binding *table;
    size_t n;
} built_table;

#define MAX_BUILT 16
static built_table built[MAX_BUILT];
static size_t nbuilt;

/* own, then the registry's actions offered at place. */
const vd_binding *
vd_dom_actions_table(const vd_binding *own, size_t nown, vd_place place,
                     unsigned int panes, size_t *n)
{
    built_table *bt;
    size_t m = 0;

    *n = 0;
    for (size_t i = 0; i < nbuilt; i++) {
        if (built[i].own == own && built[i].place == place) {
            *n = built[i].n;
            return built[i].table;
        }
    }
    if (nbuilt == MAX_BUILT)
        return NULL;
    bt = &built[nbuilt];
    if (!(bt->table = calloc(nown + 2 * NACTIONS, sizeof(*bt->table))))
        return NULL;
    for (size_t i = 0; i < nown; i++)
        bt->table[m++] = own[i];
    for (size_t i = 0; i < NACTIONS; i++) {
        const vd_dom_action *a = &actions[i];
        vd_binding b = { a->key, a->key_name, a->label, a->group, panes,
                         act_registry, (int)i, a->bar[place], a->bar_label };

        if (!(a->places & PL(place)))
            continue;
        /* With a second key, the bar shows that one (F9 ForceOff). */
        if (a->key2)
            b.bar = 0;
        bt->table[m++] = b;
        if (a->key2) {
            b.key = a->key2;
            b.name = a->key2_name;
            b.bar = a->bar[place];
            bt->table[m++] = b;
        }
    }
    bt->own = own;
    bt->place = place;
    bt->n = m;
    nbuilt++;
    *n = m;
    return bt->table;
}
