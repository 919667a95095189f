/*
 * xml_devopts.h: the builder's side of devopts.h: the devices of a
 * spec's devopts into a domain document under construction.
 */
#ifndef VD_XML_DEVOPTS_H
#define VD_XML_DEVOPTS_H

#include "virtdeck/devopts.h"
#include "core/xml_priv.h"

/* Add spec's devopts to root (settings such as <clock>,
 * <memoryBacking>) and devices. machine: the machine type in effect
 * (may be NULL). Returns 0, or -1 with a static message in *err. */
int vd_devopts_xml(vd_xb *xb, xmlNodePtr root, xmlNodePtr devices,
                   const vd_domain_spec *spec, const char *machine,
                   const char **err);

/* Whether spec's devopts add a SCSI controller of their own. */
bool vd_devopts_has_scsi_controller(const vd_domain_spec *spec);

#endif
