/*
 * keys_list.h: key handlers for the list machinery (sort, filter,
 * marks) and the action menu; bound in keys.c's table.
 */
#ifndef VIRTDECK_UI_KEYS_LIST_H
#define VIRTDECK_UI_KEYS_LIST_H

#include "ui/app/keys.h"

/* Sort the focused pane by the next (b->arg 1) or previous column. */
void vd_act_sort_cycle(vd_app *app, const vd_binding *b);
/* Reverse the focused pane's sort. */
void vd_act_sort_reverse(vd_app *app, const vd_binding *b);
/* Ask for the focused pane's filter (applied as it is typed). */
void vd_act_filter(vd_app *app, const vd_binding *b);
/* Mark / unmark the cursor's row and move down. */
void vd_act_mark(vd_app *app, const vd_binding *b);
/* Clear every mark of the focused pane. */
void vd_act_unmark_all(vd_app *app, const vd_binding *b);
/* The action menu of the focused pane, from the key table. */
void vd_act_menu(vd_app *app, const vd_binding *b);

#endif
