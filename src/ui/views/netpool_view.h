/*
 * netpool_view.h: what the network and pool details views share
 * (view_network.c, view_pool.c): sending a command on the object,
 * asking before a destructive one, the "Label: value" rows, and the
 * key rows both views have.
 */
#ifndef VD_UI_NETPOOL_VIEW_H
#define VD_UI_NETPOOL_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/command.h"
#include "ui/ui_priv.h"

/* Send kind with num on the object uuid of host index hi; the answer
 * goes to the status line (the view reloads when the snapshot changes). */
void vd_np_send(vd_app *app, size_t hi, vd_cmd_kind kind, const char *uuid,
                long long num);

/* Ask (titled title, text) before sending kind on the object (hi, uuid)
 * named name, a noun ("pool"): by typing its name when by_name, else
 * y/N. No says "NOUN NAME kept"; after a yes, after_yes (may be NULL)
 * runs with the object's UUID. */
void vd_np_ask(vd_app *app, size_t hi, const char *uuid, const char *name,
               const char *noun, vd_cmd_kind kind, const char *title,
               const char *text, bool by_name,
               void (*after_yes)(vd_app *app, const char *uuid));

/* One "Label: value" row of a details view at y; returns the next row. */
int vd_np_row(const vd_rect *a, int y, const char *label, const char *value);

/* The key rows of both views (for help; key() handles them). */
#define VD_NP_VIEW_KEYS(group, noun) \
    { 's', "s", "Start the " noun, group, 0, NULL, 0, 0, NULL }, \
    { 'd', "d", "Stop the " noun, group, 0, NULL, 0, 0, NULL }, \
    { 'a', "a", "Autostart on / off", group, 0, NULL, 0, 0, NULL }, \
    { 'u', "u", "Undefine (asks first)", group, 0, NULL, 0, 0, NULL }, \
    { 'X', "X", "View the XML", group, 0, NULL, 0, 0, NULL }

#endif
