/*
 * all_hosts.c: the "all hosts" view of the domains pane (all_hosts.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/uriinfo.h"

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

/* A host's short label (virtdeck/uriinfo.h: vd_host_labels over every
 * host, so two never read the same): the user's label, else the URI's
 * host ("kvm1", "root@kvm1" where needed), "local" for a local daemon,
 * or the file of a test driver ("model-host.xml"). */
const char *
vd_all_hosts_label(const vd_app *app, size_t hi, char *buf, size_t len)
{
    static char **labels;       /* UI thread only */
    static size_t nlabels;
    static unsigned long long key;
    const vd_snapshot *snap = hi < app->nhosts ? app->hosts[hi].snap : NULL;
    unsigned long long h = 1469598103934665603ULL;
    size_t i;

    if (!snap || !snap->uri)
        return "";
    /* the labels depend on every host's URI and given label: recompute
     * them only when one of those changed (FNV-1a over them) */
    for (i = 0; i < app->nhosts; i++) {
        const vd_snapshot *s = app->hosts[i].snap;
        const char *parts[2] = { s && s->uri ? s->uri : "", s && s->label ? s->label : "" };

        for (int k = 0; k < 2; k++) {
            for (const char *c = parts[k]; *c; c++)
                h = (h ^ (unsigned char)*c) * 1099511628211ULL;
            h = (h ^ 0xff) * 1099511628211ULL;
        }
    }
    if (!labels || nlabels != app->nhosts || key != h) {
        const char **uris = calloc(app->nhosts + 1, sizeof(char *));
        const char **given = calloc(app->nhosts + 1, sizeof(char *));

        vd_host_labels_free(labels, nlabels);
        labels = NULL;
        nlabels = 0;
        for (i = 0; uris && given && i < app->nhosts; i++) {
            const vd_snapshot *s = app->hosts[i].snap;

            uris[i] = s && s->uri ? s->uri : "";
            /* a label differing from the URI was given in hosts.conf */
            given[i] = s && s->label && s->uri && strcmp(s->label, s->uri) != 0
                       ? s->label : NULL;
        }
        if (uris && given && (labels = vd_host_labels(uris, given, app->nhosts))) {
            nlabels = app->nhosts;
            key = h;
        }
        free(uris);
        free(given);
    }
    if (labels && hi < nlabels)
        return labels[hi];
    snprintf(buf, len, "%s", snap->label ? snap->label : snap->uri);
    return buf;
}

/* Toggle the view. */
void
vd_act_all_hosts(vd_app *app, const vd_binding *b)
{
    size_t hi, connected = 0;

    (void)b;
    all_hosts = !all_hosts;
    vd_list_set_source(app, VD_PANE_DOMAINS, all_hosts ? vd_list_all_domains : NULL);
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
