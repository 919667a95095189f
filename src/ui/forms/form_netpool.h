/*
 * form_netpool.h: what the create-network and create-pool forms share
 * (form_network.c, form_pool.c): opening one on the selected host, the
 * last fields and the callbacks, and the answer to the create command.
 */
#ifndef VD_UI_FORM_NETPOOL_H
#define VD_UI_FORM_NETPOOL_H

#include <stddef.h>

#include "ui/widgets/form.h"
#include "ui/ui_priv.h"

/* The start of each kind's form state: the app and the host index. */
typedef struct vd_np_form_base {
    vd_app *app;
    size_t hi;
} vd_np_form_base;

/* A new form titled title for a new noun ("network") on the selected
 * host, with its state: size bytes (zeroed; a struct that starts with a
 * vd_np_form_base, filled in) in *ctx, freed with ctx_free, and its
 * "Name" field checked by check_name. NULL after saying why when the
 * host is not connected or read-only (or out of memory). */
vd_form *vd_np_form_new(vd_app *app, const char *noun, const char *title,
                        size_t size, void (*ctx_free)(void *),
                        vd_field_check_fn check_name, void **ctx);

/* The snapshot of the form's host, or NULL. */
const vd_snapshot *vd_np_form_snap(const vd_np_form_base *b);

/* A field check's answer from a core check's message m (freed): false
 * with m copied into err when there was one, else true. */
bool vd_np_verdict(char *m, char *err, size_t errlen);

/* The last fields ("Start now", "Autostart"), the Create button and the
 * callbacks; change runs once to show the fields for the defaults. */
void vd_np_form_finish(vd_app *app, vd_form *f, vd_form_change_fn change,
                       vd_form_submit_fn submit, vd_form_result_fn result,
                       void *ctx);

/* Submit the create command cmd (its XML in cmd->str, taken) to the
 * form's host, adding start_flag / autostart_flag to cmd->flags when
 * "Start now" / "Autostart" are ticked; the form says it is creating
 * noun name meanwhile. */
void vd_np_form_submit(vd_app *app, vd_form *f, const vd_np_form_base *b,
                       const char *noun, const char *name, vd_cmd *cmd,
                       unsigned int start_flag, unsigned int autostart_flag);

/* The answer to the create command: done closes the form, a refusal
 * stays in it with everything typed. */
void vd_np_form_created(vd_app *app, vd_form *f, vd_result *res);

#endif
