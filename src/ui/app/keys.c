/*
 * keys.c: the key table and the actions behind it.
 *
 * To add a key, add a row to head[] or tail[]: the help overlay and
 * the function-key bar pick it up from there. The domain actions come
 * from the registry (src/ui/actions/registry.c), between the two. Rows with the same handler,
 * argument and description next to each other show as one help line
 * ("j, Down").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app/keys.h"
#include "ui/views/netstore_ui.h"
#include "ui/panes/all_hosts.h"
#include "ui/actions/registry.h"
#include "ui/forms/hosts_edit.h"
#include "ui/console/console_view.h"
#include "ui/app/keys_list.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/views/journal_ui.h"
#include "ui/app/quit.h"
#include "ui/app/view.h"
#include "ui/forms/wizard.h"
#include "ui/forms/form_migrate.h"
#include "ui/views/jobs_view.h"

#define P_HOSTS VD_PANE_BIT(VD_PANE_HOSTS)
#define P_DOMAINS VD_PANE_BIT(VD_PANE_DOMAINS)
#define P_NETWORKS VD_PANE_BIT(VD_PANE_NETWORKS)
#define P_POOLS VD_PANE_BIT(VD_PANE_POOLS)
#define P_ALL VD_PANES_ALL

static const char *const pane_names[VD_PANE_LAST] = {
    [VD_PANE_HOSTS] = "Hosts",
    [VD_PANE_DOMAINS] = "Domains",
    [VD_PANE_NETWORKS] = "Networks",
    [VD_PANE_POOLS] = "Pools",
};

/* ---- handlers ---- */

/* Move the focused pane's cursor (b->arg: a vd_list_move_kind). */
static void
act_move(vd_app *app, const vd_binding *b)
{
    vd_app_move(app, app->focus, (vd_list_move_kind)b->arg);
}

/* Focus the next (arg 1) or previous pane. */
static void
act_cycle(vd_app *app, const vd_binding *b)
{
    int p = ((int)app->focus + b->arg + VD_PANE_LAST) % VD_PANE_LAST;

    vd_app_focus(app, (vd_pane_id)p);
}

/* Focus the left column (arg 0: the pane last used there) or the
 * domains pane. */
static void
act_side(vd_app *app, const vd_binding *b)
{
    vd_app_focus(app, b->arg == 0 ? app->last_left : VD_PANE_DOMAINS);
}

/* Enter: on a host, show its domains; on an object, its summary (the
 * pane's vd_pane_ops). */
static void
act_enter(vd_app *app, const vd_binding *b)
{
    char buf[512];
    const vd_pane_ops *ops = vd_pane_get(app->focus);
    const vd_row *row;

    (void)b;
    if (app->focus == VD_PANE_HOSTS) {
        vd_app_focus(app, VD_PANE_DOMAINS);
        return;
    }
    if (!ops->summary || !(row = vd_list_cursor_row(vd_list_get(app, app->focus)))) {
        vd_app_message(app, VD_MSG_INFO, "Nothing selected");
        return;
    }
    ops->summary(row, buf, sizeof(buf));
    vd_app_message(app, VD_MSG_INFO, "%s", buf);
}

/* Ask the selected host to re-read everything, and repaint the
 * terminal from scratch. */
static void
act_refresh(vd_app *app, const vd_binding *b)
{
    const vd_snapshot *snap = vd_app_snap(app);

    (void)b;
    clearok(curscr, TRUE);
    app->dirty = true;
    if (snap)
        vd_app_submit(app, VD_CMD_REFRESH, NULL, snap->label);
}

/* Show the help overlay. */
static void
act_help(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_help_show(app);
    app->dirty = true;
}

/* Leave. */
static void
act_quit(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_app_quit_request(app);       /* asks first while jobs run */
}

/* ---- the table ---- */

#define MOVE "Moving"
#define PANES "Panes"
#define DOMAIN "Domain actions"
#define GENERAL "General"
#define LISTS "Lists"
#define P_LISTS (P_DOMAINS | P_NETWORKS | P_POOLS)

static const vd_binding head[] = {
    { 'j', "j", "Move down", MOVE, P_ALL, act_move, VD_MOVE_DOWN, 0, NULL },
    { VD_KEY(KEY_DOWN), "Down", "Move down", MOVE, P_ALL, act_move, VD_MOVE_DOWN,
      0, NULL },
    { 'k', "k", "Move up", MOVE, P_ALL, act_move, VD_MOVE_UP, 0, NULL },
    { VD_KEY(KEY_UP), "Up", "Move up", MOVE, P_ALL, act_move, VD_MOVE_UP, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn", "Page down", MOVE, P_ALL, act_move,
      VD_MOVE_PAGE_DOWN, 0, NULL },
    { VD_KEY(KEY_PPAGE), "PgUp", "Page up", MOVE, P_ALL, act_move,
      VD_MOVE_PAGE_UP, 0, NULL },
    { 'g', "g", "First row", MOVE, P_ALL, act_move, VD_MOVE_HOME, 0, NULL },
    { VD_KEY(KEY_HOME), "Home", "First row", MOVE, P_ALL, act_move, VD_MOVE_HOME,
      0, NULL },
    { 'G', "G", "Last row", MOVE, P_ALL, act_move, VD_MOVE_END, 0, NULL },
    { VD_KEY(KEY_END), "End", "Last row", MOVE, P_ALL, act_move, VD_MOVE_END, 0,
      NULL },

    { '\t', "Tab", "Next pane", PANES, P_ALL, act_cycle, 1, 0, NULL },
    { VD_KEY(KEY_BTAB), "S-Tab", "Previous pane", PANES, P_ALL, act_cycle, -1,
      0, NULL },
    { 'h', "h", "Focus the left column", PANES, P_ALL,
      act_side, 0, 0, NULL },
    { VD_KEY(KEY_LEFT), "Left", "Focus the left column", PANES,
      P_ALL, act_side, 0, 0, NULL },
    { 'l', "l", "Focus the domains", PANES, P_ALL, act_side, 1, 0, NULL },
    { VD_KEY(KEY_RIGHT), "Right", "Focus the domains", PANES, P_ALL, act_side, 1,
      0, NULL },
    { '\n', "Enter", "Show the host's domains", PANES, P_HOSTS, act_enter, 0,
      0, NULL },
    { '\n', "Enter", "One-line summary", PANES, P_DOMAINS | P_NETWORKS | P_POOLS,
      act_enter, 0, 0, NULL },
    { 'H', "H", "All hosts: every host's domains in one table (again: back)",
      PANES, P_ALL, vd_act_all_hosts, 0, 0, NULL },

};

/* After the domain actions of the registry: */
static const vd_binding tail[] = {
    { 'a', "a", "Add a host (saved in hosts.conf)", "Hosts", P_HOSTS,
      vd_act_host_add, 0, 0, NULL },
    { 'e', "e", "Edit the host: URI, label, autoconnect", "Hosts", P_HOSTS,
      vd_act_host_edit, 0, 0, NULL },
    { 'x', "x", "Remove the host from the list (asks)", "Hosts", P_HOSTS,
      vd_act_host_remove, 0, 0, NULL },
    { 'c', "c", "Connect the host", "Hosts", P_HOSTS, vd_act_host_connect, 1, 0,
      NULL },
    { 'd', "d", "Disconnect the host (until c)", "Hosts", P_HOSTS,
      vd_act_host_connect, 0, 0, NULL },
    { 'i', "i", "Host overview: versions, CPU, KVM, meters", "Hosts", P_HOSTS,
      vd_act_host_overview, 0, 0, NULL },
    { 'V', "V", "Evacuate: migrate its running (or marked) guests away", "Hosts",
      P_HOSTS, vd_act_host_evacuate, 0, 0, NULL },
    { 'N', "N", "New machine (the create wizard)", DOMAIN, P_DOMAINS | P_HOSTS,
      vd_act_create, 0, 0, NULL },
    { VD_KEY(KEY_F(7)), "F7", "New machine (the create wizard)", DOMAIN,
      P_DOMAINS | P_HOSTS, vd_act_create, 0, 11, "Create" },

    { 'i', "i", "Details: addresses, DHCP leases, domains attached", "Network",
      P_NETWORKS, vd_act_network, VD_NETACT_DETAILS, 0, NULL },
    { 's', "s", "Start the network", "Network", P_NETWORKS, vd_act_network,
      VD_NETACT_START, 0, NULL },
    { 'd', "d", "Stop the network", "Network", P_NETWORKS, vd_act_network,
      VD_NETACT_STOP, 0, NULL },
    { 'a', "a", "Autostart on / off", "Network", P_NETWORKS, vd_act_network,
      VD_NETACT_AUTOSTART, 0, NULL },
    { 'u', "u", "Undefine (asks; warns about running domains)", "Network",
      P_NETWORKS, vd_act_network, VD_NETACT_UNDEFINE, 0, NULL },
    { 'X', "X", "View the XML", "Network", P_NETWORKS, vd_act_network,
      VD_NETACT_XML, 0, NULL },
    { 'E', "E", "Edit the XML in $EDITOR (validated)", "Network", P_NETWORKS,
      vd_act_network, VD_NETACT_EDIT, 0, NULL },
    { 'n', "n", "New network (form)", "Network", P_NETWORKS, vd_act_network_new,
      0, 0, NULL },

    { 'i', "i", "Details: type, target, source, space", "Pool", P_POOLS,
      vd_act_pool, VD_POOLACT_DETAILS, 0, NULL },
    { 'v', "v", "Volumes: create, delete, resize, clone, upload, download",
      "Pool", P_POOLS, vd_act_pool, VD_POOLACT_VOLUMES, 0, NULL },
    { 's', "s", "Start the pool", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_START, 0, NULL },
    { 'd', "d", "Stop the pool", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_STOP, 0, NULL },
    { 'r', "r", "Refresh (rescan its volumes)", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_REFRESH, 0, NULL },
    { 'a', "a", "Autostart on / off", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_AUTOSTART, 0, NULL },
    { 'b', "b", "Build (mkdir, mkfs, ...)", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_BUILD, 0, NULL },
    { 'D', "D", "Delete its storage (type the name)", "Pool", P_POOLS,
      vd_act_pool, VD_POOLACT_DELETE, 0, NULL },
    { 'u', "u", "Undefine (asks first)", "Pool", P_POOLS, vd_act_pool,
      VD_POOLACT_UNDEFINE, 0, NULL },
    { 'X', "X", "View the XML", "Pool", P_POOLS, vd_act_pool, VD_POOLACT_XML,
      0, NULL },
    { 'n', "n", "New pool (form)", "Pool", P_POOLS, vd_act_pool_new, 0, 0, NULL },

    { '>', ">", "Sort by the next column", LISTS, P_LISTS, vd_act_sort_cycle,
      1, 0, NULL },
    { VD_KEY(KEY_F(6)), "F6", "Sort by the next column", LISTS, P_LISTS,
      vd_act_sort_cycle, 1, 10, "SortBy" },
    { '<', "<", "Sort by the previous column", LISTS, P_LISTS,
      vd_act_sort_cycle, -1, 0, NULL },
    { 'I', "I", "Reverse the sort order", LISTS, P_LISTS, vd_act_sort_reverse,
      0, 0, NULL },
    { '/', "/", "Filter: name, state:running, host:NAME", LISTS, P_LISTS,
      vd_act_filter, 0, 0, NULL },
    { ' ', "Space", "Mark the row (actions go to every marked row)", LISTS,
      P_DOMAINS, vd_act_mark, 0, 0, NULL },
    { 'U', "U", "Unmark every row", LISTS, P_DOMAINS, vd_act_unmark_all, 0, 0,
      NULL },
    { 'm', "m", "Menu of the actions here", LISTS, P_DOMAINS | P_NETWORKS |
      P_POOLS | P_HOSTS, vd_act_menu, 0, 0, NULL },
    { VD_KEY(KEY_F(2)), "F2", "Menu of the actions here", LISTS, P_DOMAINS |
      P_NETWORKS | P_POOLS | P_HOSTS, vd_act_menu, 0, 9, "Menu" },

    { VD_KEY(KEY_F(5)), "F5", "Refresh the host, repaint", GENERAL, P_ALL,
      act_refresh, 0, 2, "Refresh" },
    { VD_CTRL('l'), "^L", "Refresh the host, repaint", GENERAL, P_ALL,
      act_refresh, 0, 0, NULL },
    { 't', "t", "Top view: every domain of every host, live, sortable",
      GENERAL, P_ALL, vd_act_top, 0, 0, NULL },
    { 'J', "J", "Jobs: migrations, evacuations, transfers (C cancels)",
      GENERAL, P_ALL, vd_act_jobs, 0, 0, NULL },
    { 'L', "L", "Journal: what virtdeck did and saw, newest first",
      GENERAL, P_ALL, vd_act_journal, 0, 0, NULL },
    { '+', "+", "Refresh more / less often", GENERAL, P_ALL,
      vd_act_monitor_tick, 0, 0, NULL },
    { '-', "-", "Refresh more / less often", GENERAL, P_ALL,
      vd_act_monitor_tick, 0, 0, NULL },
    { '?', "?", "This help", GENERAL, P_ALL, act_help, 0, 0, NULL },
    { VD_KEY(KEY_F(1)), "F1", "This help", GENERAL, P_ALL, act_help, 0, 1,
      "Help" },
    { 'q', "q", "Quit", GENERAL, P_ALL, act_quit, 0, 0, NULL },
    { VD_KEY(KEY_F(10)), "F10", "Quit", GENERAL, P_ALL, act_quit, 0, 4,
      "Quit" },
};

#define NHEAD (sizeof(head) / sizeof(head[0]))
#define NTAIL (sizeof(tail) / sizeof(tail[0]))

/* The whole table: head[], the registry's domain actions (domains
 * pane), tail[]; built on first use. */
const vd_binding *
vd_keys_table(size_t *n)
{
    static vd_binding *table;
    static size_t ntable;
    const vd_binding *acts;
    size_t nacts;

    if (!table) {
        acts = vd_dom_actions_table(NULL, 0, VD_PLACE_PANE, P_DOMAINS, &nacts);
        if (!(table = calloc(NHEAD + nacts + NTAIL, sizeof(*table)))) {
            *n = NHEAD;
            return head;
        }
        memcpy(table, head, sizeof(head));
        if (nacts)
            memcpy(table + NHEAD, acts, nacts * sizeof(*acts));
        memcpy(table + NHEAD + nacts, tail, sizeof(tail));
        ntable = NHEAD + nacts + NTAIL;
    }
    *n = ntable;
    return table;
}

/* The panes of a mask as text. */
const char *
vd_keys_panes_text(unsigned int panes, char *buf, size_t len)
{
    size_t used = 0;

    if ((panes & P_ALL) == P_ALL) {
        snprintf(buf, len, "all panes");
        return buf;
    }
    buf[0] = '\0';
    for (int p = 0; p < VD_PANE_LAST && used < len; p++) {
        int w;

        if (!(panes & VD_PANE_BIT(p)))
            continue;
        w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
                     pane_names[p]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

/* Run key's binding for the focused pane. */
bool
vd_keys_dispatch(vd_app *app, int key)
{
    const vd_binding *b, *other, *table;
    char panes[64];
    size_t n;

    table = vd_keys_table(&n);
    if ((b = vd_binding_find(table, n, key, VD_PANE_BIT(app->focus), &other))) {
        b->fn(app, b);
        return true;
    }
    if (!other)
        return false;
    vd_app_message(app, VD_MSG_INFO, "%s (%s) works in the %s pane; Tab "
                   "switches panes", other->name, other->desc,
                   vd_keys_panes_text(other->panes, panes, sizeof(panes)));
    return true;
}
