/*
 * dsnap_ui.h: a domain's snapshots (view_dsnap.c) and the clone form
 * (forms/form_clone.c) on the UI side: the key handlers bound in
 * keys.c, and the openers the details and top views call.
 */
#ifndef VD_UI_DSNAP_UI_H
#define VD_UI_DSNAP_UI_H

#include "ui/actions/domain_actions.h"

/* The snapshot view of t: the tree, create, revert, delete, details. */
void vd_dsnap_view_open(vd_app *app, const vd_dom_target *t);

/* The clone form of t: new name, per-disk copy / share / linked. */
void vd_clone_form_open(vd_app *app, const vd_dom_target *t);

/* Key handlers for the domains pane (keys.c). */
void vd_act_dom_snapshots(vd_app *app, const vd_binding *b);
void vd_act_dom_clone(vd_app *app, const vd_binding *b);

#endif
