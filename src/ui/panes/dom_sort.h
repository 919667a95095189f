/*
 * dom_sort.h: the one set of domain comparators, shared by the domains
 * pane, the all-hosts view and the top view (each maps its columns to
 * them in its vd_list_kind, list_model.h).
 *
 * Every comparator orders ascending (smallest, or the first state, or
 * "no" before "yes"); a kind that wants a column largest first sets
 * desc[col]. Live figures that are unknown count as -1, so they come
 * last when largest first. Curses-free: in the UI-model library.
 */
#ifndef VIRTDECK_UI_DOM_SORT_H
#define VIRTDECK_UI_DOM_SORT_H

#include "virtdeck/model.h"
#include "ui/widgets/list_model.h"

/* Where a domain state sorts: running first, then paused, then off. */
int vd_dom_state_rank(vd_dom_state s);

/* Ties only (the list then orders by name, then UUID). */
int vd_dom_cmp_name(const vd_row *a, const vd_row *b);
/* By host, in the hosts pane's order. */
int vd_dom_cmp_host(const vd_row *a, const vd_row *b);
int vd_dom_cmp_state(const vd_row *a, const vd_row *b);
int vd_dom_cmp_vcpus(const vd_row *a, const vd_row *b);
/* The memory it has (the current amount, else the maximum). */
int vd_dom_cmp_memory(const vd_row *a, const vd_row *b);
int vd_dom_cmp_autostart(const vd_row *a, const vd_row *b);
int vd_dom_cmp_persistent(const vd_row *a, const vd_row *b);
int vd_dom_cmp_id(const vd_row *a, const vd_row *b);
int vd_dom_cmp_snapshots(const vd_row *a, const vd_row *b);
/* Live figures (issue 4). */
int vd_dom_cmp_cpu(const vd_row *a, const vd_row *b);
int vd_dom_cmp_mem_pct(const vd_row *a, const vd_row *b);
int vd_dom_cmp_mem_used(const vd_row *a, const vd_row *b);
int vd_dom_cmp_disk(const vd_row *a, const vd_row *b);
int vd_dom_cmp_net(const vd_row *a, const vd_row *b);

/* The memory shown for dom, in bytes: the current amount, else the
 * maximum; 0 while neither is known (a connection's first picture on a
 * driver whose bulk stats lack them: lists.c), shown as "-". */
unsigned long long vd_dom_mem_bytes(const vd_domain *dom);

/* The vCPUs shown for dom into buf: "-" while not known (as above),
 * never a count of 0. Returns buf. */
const char *vd_dom_vcpus_text(const vd_domain *dom, char *buf, size_t len);

#endif
