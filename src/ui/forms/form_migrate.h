/*
 * form_migrate.h: the migrate dialog (O on a domain, from any place that
 * shows domains) and the evacuate form (V on a host). Both submit a job
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

/* O: migrate the selected domain. */
void vd_act_dom_migrate(vd_app *app, const vd_binding *b);

/* K / P on a domain: cancel its running migration (b->arg 0) or switch
 * it to post-copy (b->arg 1). */
void vd_act_dom_migration_ctl(vd_app *app, const vd_binding *b);

/* V on a host: evacuate it (its running guests, or the marked ones). */
void vd_act_host_evacuate(vd_app *app, const vd_binding *b);

#endif
