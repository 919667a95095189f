/*
 * devopts.h: the further devices and settings of a new domain, kept in
 * the spec as "KIND:VALUE" strings in virt-install's option syntax
 * (vd_domain_spec.devopts) and checked here, one at a time, so the CLI
 * and the wizard refuse a malformed value with the same message.
 *
 * KIND is the option's name without dashes: memballoon, clock,
 * controller, sound, rng, tpm, watchdog, serial, console, channel,
 * filesystem, memorybacking, hostdev, input. The values each takes are
 * listed in docs/create.md. Pure: nothing here touches a host.
 */
#ifndef VIRTDECK_DEVOPTS_H
#define VIRTDECK_DEVOPTS_H

#include <stdbool.h>

#include "virtdeck/domspec.h"

/* Whether kind is one of the kinds above. */
bool vd_devopt_kind_known(const char *kind);

/* Check value for kind. NULL when it is fine, else a message naming
 * the option ("--rng: 'foo' is not a valid backend type"), released with
 * vd_check_free(). */
vd_check_msg *vd_check_devopt(const char *kind, const char *value);

/* Whether spec has a devopt of kind. */
bool vd_spec_has_devopt(const vd_domain_spec *spec, const char *kind);

/* Whether any disk or NIC of spec has a boot.order of its own. */
bool vd_spec_has_boot_orders(const vd_domain_spec *spec);

#endif
