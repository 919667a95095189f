/*
 * wizard_priv.h: what the create wizard's files share: the wizard's
 * state, the lists of disks, NICs and host devices (wizard_items.c) and
 * the validators both the main form and the item sub-forms use.
 */
#ifndef VIRTDECK_UI_WIZARD_PRIV_H
#define VIRTDECK_UI_WIZARD_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/check.h"
#include "virtdeck/createfacts.h"
#include "virtdeck/domspec.h"
#include "ui/ui_priv.h"
#include "ui/widgets/form.h"

#define WZ_MAX_PATHS 64
#define WZ_MAX_FIELDS 16        /* fields of one item's sub-form */

/* A path the host was asked about. */
typedef struct wz_path {
    char *path;
    char answer;                /* '1', '0', '?', or 0 while asked */
} wz_path;

/* One disk, NIC or host device: its sub-form's values, by the field
 * table of its list (wizard_items.c). */
typedef struct wz_item {
    char *v[WZ_MAX_FIELDS];
    bool edited;                /* the user saved it at least once */
} wz_item;

/* The lists of the wizard. */
enum { WZ_DISKS, WZ_NICS, WZ_HOSTDEVS, WZ_NLISTS };

typedef struct wz_list {
    wz_item *items;
    size_t n;
} wz_list;

typedef struct wizard {
    vd_app *app;
    size_t host;                /* index into app->hosts */
    vd_form *form;
    vd_create_facts *facts;     /* NULL until the answer comes */
    bool facts_failed;
    wz_path paths[WZ_MAX_PATHS];
    size_t npaths;
    char *xml;                  /* the XML of the last review */
    char *xml_error;            /* why no XML could be built */
    bool start;                 /* the pending create also starts */
    bool os_loaded;             /* the OS list arrived */
    char *os_short;             /* the variant whose recommendations came */
    char *os_full;              /* ... and its full id */
    wz_list lists[WZ_NLISTS];
    vd_nodedev_list *nodedevs;  /* the host's devices, NULL until read */
    char *nodedev_error;        /* why they could not be read */
    /* the sub-form open on top, if any */
    vd_form *sub;
    int sub_list;               /* WZ_* */
    size_t sub_index;           /* the item edited; == n: a new one */
    char password[24];          /* a generated root password, shown once */
} wizard;

/* ---- wizard.c ---- */

/* The snapshot of the wizard's host (may be NULL). */
const vd_snapshot *wz_snap(const wizard *w);
/* A path that must exist on the host (asked once, answers cached). */
void wz_ask_path(wizard *w, const char *path);
bool wz_check_existing_path(wizard *w, const char *path, char *err,
                            size_t errlen);
/* Validators shared with the sub-forms (ctx: the wizard): a volume
 * chosen from a list, a path that exists on the host. */
bool wz_v_volume(const vd_form *f, const vd_field *fld, const char *value,
                 char *err, size_t errlen, void *ctx);
bool wz_v_path(const vd_form *f, const vd_field *fld, const char *value,
               char *err, size_t errlen, void *ctx);
/* Fill a choice with the host's pools / networks (inactive flagged),
 * a list with the facts' volumes (iso: the ISO ones, else the others;
 * with_none: a first "(none)" entry). */
void wz_fill_pools(wizard *w, vd_field *fld);
void wz_fill_networks(wizard *w, vd_field *fld);
void wz_fill_volumes(wizard *w, vd_field *fld, bool iso, bool with_none);
/* Rebuild the review summary and XML (after a list changed). */
void wz_changed(wizard *w);

/* ---- wizard_items.c ---- */

/* Add the list page's fields for list (WZ_*) to the form's current
 * page: the list and its Add / Edit / Remove buttons. */
void wz_items_page(wizard *w, int list);
/* The default items: one new disk, one NIC on the first active network. */
void wz_items_defaults(wizard *w);
/* The lists' rows again (the domain's name changed the default
 * volume names, the host's devices arrived). */
void wz_items_relabel(wizard *w);
/* Free every list. */
void wz_items_free(wizard *w);
/* Put the disks, NICs and host devices into spec (spec->disk / net are
 * the first ones). 0, or -1 with a message in err. */
int wz_items_spec(wizard *w, vd_domain_spec *spec, char *err, size_t errlen);
/* The review's lines for the lists, appended to buf (len used). */
void wz_items_review(wizard *w, char *buf, size_t size, size_t *len);
/* The chosen OS's recommendations for the first disk and NIC, unless
 * the user saved them already. */
void wz_items_apply_os(wizard *w, const vd_os_choice *c);
/* The facts / the host's devices arrived: refill an open sub-form. */
void wz_items_refresh(wizard *w);
/* Whether the first disk is one that exists (import needs one). */
bool wz_items_first_disk_exists(const wizard *w);

#endif
