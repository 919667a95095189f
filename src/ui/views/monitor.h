/*
 * monitor.h: the live monitor on the screen: threshold colours,
 * sparklines, the host meters, the tick keys and the graphs view.
 * Figures come from the snapshots (vd_domain.rates, .history,
 * vd_snapshot.stats); nothing here waits on a worker.
 */
#ifndef VIRTDECK_UI_MONITOR_H
#define VIRTDECK_UI_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/app/keys.h"
#include "ui/theme/theme.h"
#include "ui/ui_priv.h"

/* The meter role for a percentage: low < 50, mid < 80, high. */
vd_role vd_monitor_role(double pct);

/* A sparkline of the last width CPU points of hist (UTF-8 block
 * characters, or an ASCII ramp) into buf; "" without history. */
char *vd_monitor_sparkline(const vd_history *hist, int width, char *buf,
                           size_t len);

/* "read/write" byte rates ("1.2M/0") into buf, or "-" when the figure
 * is unknown (the counters were absent from a read); returns the text. */
const char *vd_monitor_pair(bool known, double a, double b, char *buf,
                            size_t len);

/* The selected host's meters (CPU, memory, running/total, tick), right
 * aligned in [x, x + w) of row y; returns the width used. */
int vd_monitor_meters(vd_app *app, int y, int x, int w);

/* "+" / "-": a shorter / longer refresh period for every host. */
void vd_act_monitor_tick(vd_app *app, const vd_binding *b);

/* Open the graphs view of domain uuid on host index host (name for
 * the title). */
void vd_monitor_graphs_open(vd_app *app, size_t host, const char *uuid,
                            const char *name);

/* The top view (view_top.c): every domain of every host with the
 * hosts' meters above; t on the main screen, `virtdeck top`. */
void vd_top_show(vd_app *app);
void vd_act_top(vd_app *app, const vd_binding *b);

#endif
