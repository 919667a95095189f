/*
 * dsnap_ui.h: a domain's snapshots (view_dsnap.c) and the clone form
 * (forms/form_clone.c) on the UI side: the openers that the action
 * registry's Z and L entries call (src/ui/actions/registry.c).
 */
#ifndef VD_UI_DSNAP_UI_H
#define VD_UI_DSNAP_UI_H

#include "ui/actions/domain_actions.h"

/* The snapshot view of t: the tree, create, revert, delete, details. */
void vd_dsnap_view_open(vd_app *app, const vd_dom_target *t);

/* The clone form of t: new name, per-disk copy / share / linked. */
void vd_clone_form_open(vd_app *app, const vd_dom_target *t);

#endif
