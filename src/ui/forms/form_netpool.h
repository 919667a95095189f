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

/* What a create form's kind gives vd_np_form_new(). */
typedef struct vd_np_form_kind {
    const char *noun;           /* "network", in messages */
    const char *title;          /* the form's title */
    size_t size;                /* bytes of its state (a struct that starts
                                 * with a vd_np_form_base) */
    void (*ctx_free)(void *);   /* frees that state */
    vd_field_check_fn check_name; /* checks the "Name" field */
    const char *choice_id;      /* the choice field after the name */
    const char *choice_label;
    const char *const *choice_labels;
    const char *const *choice_values;
    size_t nchoices;
} vd_np_form_kind;

/* A new form of kind k for the selected host: its state (zeroed, the
 * base filled in) in *ctx, the "Name" field and the kind's choice field.
 * NULL after saying why when the host is not connected or read-only
 * (or out of memory). */
vd_form *vd_np_form_new(vd_app *app, const vd_binding *b,
                        const vd_np_form_kind *k, void **ctx);

/* The snapshot of the form's host, or NULL. */
const vd_snapshot *vd_np_form_snap(const vd_np_form_base *b);

/* A text field id/label with its default, checked by check (with
 * ctx; NULL: unchecked) and with a help line (NULL: none). Returns the
 * field. */
vd_field *vd_np_text(vd_form *f, const char *id, const char *label,
                     const char *def, vd_field_check_fn check, void *ctx,
                     const char *help);

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
