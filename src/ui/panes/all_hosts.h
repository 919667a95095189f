/*
 * all_hosts.h: the "all hosts" view of the domains pane: every domain
 * of every connected host in one table, with a host column. It plugs a
 * row source into the domains pane's list (listview.h); sorting,
 * filtering (host:NAME too) and marks work as on one host, and every
 * action goes to the host of its row.
 */
#ifndef VD_UI_ALL_HOSTS_H
#define VD_UI_ALL_HOSTS_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* Whether the domains pane shows every host's domains. */
bool vd_all_hosts_on(const vd_app *app);

/* A short name of host index hi for the host column: its label, the
 * URI's host, "local qemu" or "test:FILE"; "" when none. Returns buf
 * or a string of the snapshot. */
const char *vd_all_hosts_label(const vd_app *app, size_t hi, char *buf,
                               size_t len);

/* H: switch the domains pane between the selected host and all hosts. */
void vd_act_all_hosts(vd_app *app, const vd_binding *b);

#endif
