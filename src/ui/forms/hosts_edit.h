/*
 * hosts_edit.h: the hosts pane's actions (issue 3): add, edit, remove,
 * connect and disconnect a host through a form (URI, label,
 * autoconnect), saved to hosts.conf; the host overview view. The set of
 * hosts changes at run time: hosts made here are owned here and freed
 * by vd_hosts_edit_fini(); hosts given to vd_ui_run() stay the caller's
 * (a removed one is only disconnected).
 */
#ifndef VD_UI_HOSTS_EDIT_H
#define VD_UI_HOSTS_EDIT_H

#include "ui/app/keys.h"
#include "ui/ui.h"
#include "ui/ui_priv.h"

/* Remember the hosts list, its file, and the options new hosts get. */
void vd_hosts_edit_init(vd_app *app, const vd_ui_opts *opts);

/* Free the hosts made and removed during the run (waits a little for
 * their workers, like main does for its own). */
void vd_hosts_edit_fini(vd_app *app);

void vd_act_host_add(vd_app *app, const vd_binding *b);
void vd_act_host_edit(vd_app *app, const vd_binding *b);
void vd_act_host_remove(vd_app *app, const vd_binding *b);
void vd_act_host_connect(vd_app *app, const vd_binding *b);    /* b->arg 1: connect, 0: disconnect */
void vd_act_host_overview(vd_app *app, const vd_binding *b);   /* view_host.c */

#endif
