/*
 * domain_actions.h: the domain actions of issue 3 on the UI side — key
 * handlers (bound in keys.c), the forms and dialogs behind them, the
 * details view and the XML view / $EDITOR round trip. Every action goes
 * to the host of the row it was chosen on (which, in the all-hosts
 * view, need not be the selected host) through vd_view_submit().
 */
#ifndef VD_UI_DOMAIN_ACTIONS_H
#define VD_UI_DOMAIN_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/command.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* A domain an action is about: where it lives and its name then. */
typedef struct vd_dom_target {
    size_t host;                /* index into app->hosts */
    char uuid[VD_UUID_LEN];
    char name[128];
} vd_dom_target;

/* The domain under the cursor of the domains pane; false (with a
 * message on the status line) when there is none. */
bool vd_dom_target_selected(vd_app *app, vd_dom_target *t);

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

/* ---- key handlers (keys.c's table) ---- */
void vd_act_dom_reset(vd_app *app, const vd_binding *b);
void vd_act_dom_simple(vd_app *app, const vd_binding *b);    /* b->arg: kind, marks too */
void vd_act_dom_autostart(vd_app *app, const vd_binding *b);
void vd_act_dom_rename(vd_app *app, const vd_binding *b);
void vd_act_dom_undefine(vd_app *app, const vd_binding *b);
void vd_act_dom_xml(vd_app *app, const vd_binding *b);       /* b->arg 1: secure */
void vd_act_dom_edit_xml(vd_app *app, const vd_binding *b);
void vd_act_dom_resources(vd_app *app, const vd_binding *b);
void vd_act_dom_cdrom(vd_app *app, const vd_binding *b);
void vd_act_dom_attach(vd_app *app, const vd_binding *b);
void vd_act_dom_detach(vd_app *app, const vd_binding *b);
void vd_act_dom_details(vd_app *app, const vd_binding *b);

#endif
