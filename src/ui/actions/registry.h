/*
 * registry.h: the one registry of domain actions.
 *
 * Every action on a domain (start, force off, rename, the XML, the
 * consoles...) is one const entry of registry.c: its keys, its label
 * and help text, its menu group, the domain states it applies to,
 * whether it writes (then a read-only host refuses it at the key,
 * before any dialog or RPC), whether it asks first and what, and
 * whether it goes to every marked row. One function runs them all
 * (vd_dom_action_run()).
 *
 * Each place that shows domains (the domains pane, also in its
 * all-hosts form; the top view; the details view; the console views)
 * is a "place" with a target provider: it answers which domains an
 * action acts on now — the marked rows, else the cursor's row. A
 * target carries its host, so an action always goes to the host of
 * the row it was chosen on. The help, the F2/m menu and the
 * function-key bar of each place list the registry's entries, so every
 * place offers the same actions with the same keys.
 */
#ifndef VD_UI_ACTIONS_REGISTRY_H
#define VD_UI_ACTIONS_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/command.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

struct vd_view;

/* A domain an action is about: where it lives and its name then. */
typedef struct vd_dom_target {
    size_t host;                /* index into app->hosts */
    char uuid[VD_UUID_LEN];
    char name[128];
} vd_dom_target;

/* The places that show domains. */
typedef enum {
    VD_PLACE_PANE = 0,          /* the domains pane (one host or all hosts) */
    VD_PLACE_TOP,               /* the top view */
    VD_PLACE_DETAILS,           /* the details view */
    VD_PLACE_CONSOLE,           /* the VNC and serial views (F8 menu) */
    VD_PLACE_LAST
} vd_place;

#define VD_MAX_TARGETS 512

/* What an action acts on now: the marked rows (bulk actions go to
 * each), and the cursor's row (the others act on it). Made by a place's
 * target provider. */
typedef struct vd_dom_targets {
    size_t nmarked;
    vd_dom_target marked[VD_MAX_TARGETS];
    bool has_cursor;
    vd_dom_target cursor;
    char none[160];             /* why there is no target (status line) */
} vd_dom_targets;

/* A place's target provider: fill out (zeroed by the caller). v is the
 * view of the place, NULL for the domains pane. */
typedef void (*vd_dom_targets_fn)(vd_app *app, struct vd_view *v,
                                  vd_dom_targets *out);

typedef struct vd_dom_action vd_dom_action;

/* How an action runs on its targets (after the checks and the
 * question): t[0..n) are the targets, ts what the place said. */
typedef void (*vd_dom_action_fn)(vd_app *app, const vd_dom_action *a,
                                 const vd_dom_target *t, size_t n,
                                 const vd_dom_targets *ts);

/* A set of domain states (vd_dom_state bits); 0 means any state. */
#define VD_ST(s) (1u << (s))

struct vd_dom_action {
    int key;                    /* character or VD_KEY(KEY_x) */
    const char *key_name;       /* as help shows it: "D" */
    int key2;                   /* a second key (F9 for D), 0: none */
    const char *key2_name;
    const char *label;          /* menu item and help text */
    const char *group;          /* help section and menu group */
    unsigned int places;        /* VD_PLACE_* bits where it is offered */
    unsigned int states;        /* VD_ST() bits it applies to; 0: any */
    const char *state_refusal;  /* when not: "{name} is {state}: ..." */
    vd_cmd_kind cmd;            /* the command it sends (its verb names it
                                 * in messages) */
    bool writes;                /* refused on read-only hosts at the key */
    bool bulk;                  /* acts on every marked row */
    const char *confirm_title;  /* asks first when set */
    const char *confirm;        /* the question for one domain ({name}) */
    const char *confirm_many;   /* for marked rows ({n}: how many) */
    vd_dom_action_fn run;       /* NULL: send cmd to each target */
    signed char bar[VD_PLACE_LAST]; /* place on each place's F-key bar, 0 none */
    const char *bar_label;
};

/* The registry; *n gets its length. */
const vd_dom_action *vd_dom_actions(size_t *n);

/* Run a on what the place says (checks, question, then run). */
void vd_dom_action_run(vd_app *app, const vd_dom_action *a,
                       const vd_dom_targets *ts);

/* The key table of a place: own[0..nown) followed by the registry's
 * entries offered there (as bindings whose handler runs the action on
 * the place's targets). Built once per own table and kept; *n gets its
 * length. NULL when out of memory (then *n is 0). */
const vd_binding *vd_dom_actions_table(const vd_binding *own, size_t nown,
                                       vd_place place, unsigned int panes,
                                       size_t *n);

/* The domains pane's target provider (marked rows, else the cursor's;
 * in the all-hosts view each row's own host). */
void vd_dom_targets_pane(vd_app *app, struct vd_view *v, vd_dom_targets *out);

/* One target as the whole answer of a provider (details, consoles). */
void vd_dom_targets_one(vd_dom_targets *out, size_t host, const char *uuid,
                        const char *name);

/* Fill t from a row's host, UUID and name. */
void vd_dom_target_set(vd_dom_target *t, size_t host, const char *uuid,
                       const char *name);

#endif
