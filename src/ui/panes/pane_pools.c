/*
 * pane_pools.c: the storage pools of the selected host, with how full
 * each one is.
 */
#include <stdio.h>

#include <string.h>
#include <strings.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"
#include "ui/widgets/table.h"
#include "ui/ui_priv.h"

enum { COL_NAME, COL_STATE, COL_SIZE, COL_USED, COL_BAR };

static const vd_col columns[] = {
    [COL_NAME] = { "Name", NULL, 6, 10, true, 24, 0, false },
    [COL_STATE] = { "State", NULL, 6, 8, false, 0, 3, false },
    [COL_SIZE] = { "Size", NULL, 7, 8, false, 0, 1, true },
    [COL_USED] = { "Used", NULL, 4, 4, false, 0, 0, true },
    [COL_BAR] = { "", NULL, 4, 10, true, 30, 2, false },
};

/* The role of a pool state. */
static vd_role
pool_role(vd_pool_state state)
{
    switch (state) {
    case VD_POOL_RUNNING:
        return VD_ROLE_STATE_RUNNING;
    case VD_POOL_INACTIVE:
        return VD_ROLE_STATE_SHUTOFF;
    case VD_POOL_DEGRADED:
    case VD_POOL_INACCESSIBLE:
        return VD_ROLE_STATE_CRASHED;
    case VD_POOL_BUILDING:
    case VD_POOL_STATE_LAST:
        break;
    }
    return VD_ROLE_STATE_OTHER;
}

/* The fraction of pool in use, 0..1. */
static double
pool_used(const vd_pool *pool)
{
    if (pool->capacity == 0)
        return 0;
    return (double)pool->allocation / (double)pool->capacity;
}

/* The meter role for a fill level. */
static vd_role
meter_role(double frac)
{
    if (frac >= 0.9)
        return VD_ROLE_METER_HIGH;
    if (frac >= 0.7)
        return VD_ROLE_METER_MID;
    return VD_ROLE_METER_LOW;
}

/* ---- sorting and filtering (listview.h) ---- */

#define POOL(r) ((const vd_pool *)(r)->obj)
#define CMP3(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

static int cmp_name(const vd_row *a, const vd_row *b) { (void)a; (void)b; return 0; }
static int cmp_state(const vd_row *a, const vd_row *b) { return CMP3(POOL(a)->state == VD_POOL_RUNNING ? 0 : 1, POOL(b)->state == VD_POOL_RUNNING ? 0 : 1); }
static int cmp_size(const vd_row *a, const vd_row *b) { return CMP3(POOL(a)->capacity, POOL(b)->capacity); }
static int cmp_used(const vd_row *a, const vd_row *b) { return CMP3(pool_used(POOL(a)), pool_used(POOL(b))); }

/* Filter terms: state:active|inactive|... (a prefix of the state). */
static bool
match_pool(const void *ctx, const vd_row *row, const char *key,
           const char *value)
{
    (void)ctx;
    if (strcasecmp(key, "state") == 0)
        return strncasecmp(vd_pool_state_name(POOL(row)->state), value,
                           strlen(value)) == 0;
    return false;
}

static const vd_list_kind pools_kind = {
    .cmp = { [COL_NAME] = cmp_name, [COL_STATE] = cmp_state,
             [COL_SIZE] = cmp_size, [COL_USED] = cmp_used, [COL_BAR] = cmp_used },
    .names = { [COL_NAME] = "name", [COL_STATE] = "state", [COL_SIZE] = "size",
               [COL_USED] = "use", [COL_BAR] = "use" },
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .default_col = COL_NAME,
    .match = match_pool,
};

/* One pool row. */
static void
draw_row(vd_app *app, const vd_table *t, size_t i, int y, bool selected,
         bool focused)
{
    const vd_pool *pool = vd_app_row(app, VD_PANE_POOLS, i)->obj;
    attr_t normal = vd_row_attr(selected, focused, VD_ROLE_NORMAL);
    attr_t state = vd_row_attr(selected, focused, pool_role(pool->state));
    bool active = pool->state == VD_POOL_RUNNING;
    double frac = pool_used(pool);
    char buf[32];

    vd_table_cell(t, COL_NAME, y, pool->name ? pool->name : "?", normal);
    vd_table_cell(t, COL_STATE, y, vd_pool_state_name(pool->state), state);
    if (!active || pool->capacity == 0) {
        vd_table_cell(t, COL_SIZE, y, "-", normal);
        vd_table_cell(t, COL_USED, y, "-", normal);
        return;
    }
    vd_table_cell(t, COL_SIZE, y, vd_fmt_size(pool->capacity, buf, sizeof(buf)),
                  normal);
    snprintf(buf, sizeof(buf), "%d%%", (int)(frac * 100 + 0.5));
    vd_table_cell(t, COL_USED, y, buf, normal);
    if (t->shown[COL_BAR])
        vd_draw_bar(y, t->cx[COL_BAR], t->cw[COL_BAR], frac,
                    vd_role_attr(meter_role(frac)),
                    vd_role_attr(VD_ROLE_BAR_FREE));
}

/* Draw the pools pane inside inner. */
static void
draw_pools(vd_app *app, const vd_rect *inner, bool focused)
{
    vd_pane_table(app, inner, focused, VD_PANE_POOLS);
}

/* One line about pool for the status line. */
void
vd_pool_summary(const vd_pool *pool, char *buf, size_t len)
{
    char cap[32], alloc[32], avail[32];

    if (pool->state != VD_POOL_RUNNING) {
        snprintf(buf, len, "%s: %s, %s, %s, UUID %s",
                 pool->name ? pool->name : "?", vd_pool_state_name(pool->state),
                 pool->autostart ? "autostart" : "no autostart",
                 pool->persistent ? "persistent" : "transient", pool->uuid);
        return;
    }
    snprintf(buf, len, "%s: %s, %s of %s used (%d%%), %s free, %s, UUID %s",
             pool->name ? pool->name : "?", vd_pool_state_name(pool->state),
             vd_fmt_size(pool->allocation, alloc, sizeof(alloc)),
             vd_fmt_size(pool->capacity, cap, sizeof(cap)),
             (int)(pool_used(pool) * 100 + 0.5),
             vd_fmt_size(pool->available, avail, sizeof(avail)),
             pool->autostart ? "autostart" : "no autostart", pool->uuid);
}

/* The summary of a row's object. */
static void
summary_row(const vd_row *row, char *buf, size_t len)
{
    vd_pool_summary(row->obj, buf, len);
}

const vd_pane_ops vd_pane_pools = {
    .title = "Pools",
    .header_rows = 1,
    .draw = draw_pools,
    .kind = &pools_kind,
    .columns = columns,
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .empty = "no storage pools",
    .draw_row = draw_row,
    .summary = summary_row,
};
