/*
 * form_migrate.h: the migrate dialog (T on a domain: a registry action,
 * so from any place that shows domains) and the evacuate form (V on a host). Both submit a job
 * (virtdeck/migrate.h) to the source host; its progress shows in the
 * domain's row and in the jobs view (J).
 */
#ifndef VD_UI_FORM_MIGRATE_H
#define VD_UI_FORM_MIGRATE_H

#include "ui/actions/domain_actions.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* The migrate dialog for domain t. */
void vd_dom_do_migrate(vd_app *app, const vd_dom_target *t);

/* Cancel t's running migration, or switch it to post-copy (K, P). */
void vd_dom_do_migration_ctl(vd_app *app, const vd_dom_target *t, bool postcopy);

/* V on a host: evacuate it (its running guests, or the marked ones). */
void vd_act_host_evacuate(vd_app *app, const vd_binding *b);

#endif
