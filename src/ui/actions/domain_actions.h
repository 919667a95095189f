/*
 * domain_actions.h: what the registry's domain actions (registry.h)
 * run: the forms and dialogs behind them, the details view and the XML
 * view / $EDITOR round trip. Every action goes to the host of its
 * target (which, in the all-hosts and top views, need not be the
 * selected host) through vd_view_submit().
 */
#ifndef VD_UI_DOMAIN_ACTIONS_H
#define VD_UI_DOMAIN_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/command.h"
#include "ui/actions/registry.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* The target's domain in its host's current snapshot, or NULL. */
const vd_domain *vd_dom_target_find(const vd_app *app, const vd_dom_target *t);

/* Submit kind with its arguments for t; the result goes to the status
 * line. str is copied. Returns true when submitted. */
bool vd_dom_send(vd_app *app, const vd_dom_target *t, vd_cmd_kind kind,
                 const char *str, long long num, unsigned int flags);

/* Actions on an explicit target (used by the keys and the details view). */
void vd_dom_do_rename(vd_app *app, const vd_dom_target *t);
void vd_dom_do_undefine(vd_app *app, const vd_dom_target *t);
void vd_dom_do_xml(vd_app *app, const vd_dom_target *t, bool secure);
void vd_dom_do_edit_xml(vd_app *app, const vd_dom_target *t);
void vd_dom_do_resources(vd_app *app, const vd_dom_target *t);
void vd_dom_do_cdrom(vd_app *app, const vd_dom_target *t);
void vd_dom_do_attach(vd_app *app, const vd_dom_target *t);
void vd_dom_do_detach(vd_app *app, const vd_dom_target *t);
void vd_dom_do_details(vd_app *app, const vd_dom_target *t);

/* A small box saying what is being waited for; the result of the
 * command it submitted goes to fn, then the box closes. fn may push
 * views. ctx is freed with ctx_free (may be NULL) after fn ran or when
 * the box is dismissed (then fn is not called). Returns false when the
 * command was refused (already said on the status line; ctx freed). */
typedef void (*vd_wait_fn)(vd_app *app, vd_result *res, void *ctx);
bool vd_wait_submit(vd_app *app, size_t host, vd_cmd *cmd, const char *text,
                    vd_wait_fn fn, void *ctx, void (*ctx_free)(void *));

#endif
