/*
 * all_hosts.c: the "all hosts" view of the domains pane (all_hosts.h).
 */
#include <stdio.h>
#include <string.h>

#include "ui/panes/all_hosts.h"
#include "ui/widgets/listview.h"

/* One UI per process: the mode is a property of the domains pane. */
static bool all_hosts;

/* Whether the all-hosts view is on. */
bool
vd_all_hosts_on(const vd_app *app)
{
    (void)app;
    return all_hosts;
}

/* The row source: the domains of every connected host. */
static void
all_hosts_rows(vd_app *app, vd_pane_id pane, vd_list *list)
{
    size_t hi, i;

    (void)pane;
    for (hi = 0; hi < app->nhosts; hi++) {
        const vd_snapshot *snap = app->hosts[hi].snap;

        if (!snap || snap->conn != VD_CONN_CONNECTED)
            continue;
        for (i = 0; i < snap->ndomains; i++)
            vd_list_add(list, hi, &snap->domains[i], snap->domains[i].uuid,
                        snap->domains[i].name);
    }
}

/* A host's short name for the host column: the user's label, else
 * the URI's host ("kvm1", "127.0.0.1"), "local" for a local daemon,
 * or the file of a test driver ("test:model.xml"). */
const char *
vd_all_hosts_label(const vd_app *app, size_t hi, char *buf, size_t len)
{
    const vd_snapshot *snap = hi < app->nhosts ? app->hosts[hi].snap : NULL;
    const char *uri, *p, *end, *slash;

    if (!snap || !snap->uri)
        return "";
    uri = snap->uri;
    if (snap->label && strcmp(snap->label, uri) != 0)
        return snap->label;
    if (!(p = strstr(uri, "://")))
        return uri;
    p += 3;
    if (*p == '/') {
        if (strncmp(uri, "test:", 5) == 0 && strcmp(p, "/default") != 0) {
            slash = strrchr(p, '/');
            snprintf(buf, len, "test:%s", slash + 1);
            return buf;
        }
        snprintf(buf, len, "local %.*s", (int)strcspn(uri, ":"), uri);
        return buf;
    }
    if ((end = strchr(p, '@')) && end < p + strcspn(p, "/?"))
        p = end + 1;
    snprintf(buf, len, "%.*s", (int)strcspn(p, "/?"), p);
    return buf;
}

/* Toggle the view. */
void
vd_act_all_hosts(vd_app *app, const vd_binding *b)
{
    size_t hi, connected = 0;

    (void)b;
    all_hosts = !all_hosts;
    vd_list_set_source(app, VD_PANE_DOMAINS, all_hosts ? all_hosts_rows : NULL);
    vd_list_invalidate(app, VD_PANE_DOMAINS);
    for (hi = 0; hi < app->nhosts; hi++)
        connected += app->hosts[hi].snap &&
                     app->hosts[hi].snap->conn == VD_CONN_CONNECTED;
    if (all_hosts) {
        vd_app_focus(app, VD_PANE_DOMAINS);
        vd_app_message(app, VD_MSG_INFO, "All hosts: the domains of %zu connected "
                       "host%s (H: back to the selected host; /host:NAME filters)",
                       connected, connected == 1 ? "" : "s");
    } else {
        vd_app_message(app, VD_MSG_INFO, "Domains of the selected host");
    }
    app->dirty = true;
}
