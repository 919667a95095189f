/*
 * cmd_console.h: the worker side of the consoles (issue 7): a VNC
 * socket for the console thread, the serial console bridged to a
 * socketpair, and screenshots. Worker only; the UI gets descriptors
 * and plain data in the vd_result.
 */
#ifndef VD_CMD_CONSOLE_H
#define VD_CMD_CONSOLE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "core/cmd_domain.h"

/* VD_CMD_DOM_GRAPHICS: res->fd = a socket connected to the domain's
 * first VNC or SPICE display: virDomainOpenGraphicsFD on local
 * connections, an `ssh -W` tunnel on qemu+ssh, a TCP connection
 * otherwise; res->text = "vnc" or "spice". A SPICE console asks once
 * per channel; cmd->flags VD_GRAPHICS_TLS asks for the TLS port
 * (remote connections only). */
int vd_dom_graphics(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* VD_CMD_DOM_SERIAL: res->fd = one end of a socketpair that carries
 * the domain's serial console (virDomainOpenConsole, pumped by the
 * event loop). Closing it closes the console. */
int vd_dom_serial(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* VD_CMD_DOM_SCREENSHOT: res->data = a vd_image (image.h), decoded. */
int vd_dom_screenshot(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* Bridge an open console stream to a new socketpair through the
 * libvirt event loop; takes st (also on failure). Returns the UI's end
 * or -1. (console_stream.c) */
int vd_console_bridge(virStreamPtr st);

/* A socket connected to the VNC or SPICE server (the first display;
 * its TLS port when tls) of the domain whose live XML is xml, reached
 * over the connection uri (ssh tunnel or TCP). Returns the fd, or -1
 * with a message in *msg (allocated). */
int vd_graphics_connect_remote(const char *uri, const char *xml, bool tls, char **msg);

/* The protocol of the domain's first VNC or SPICE display ("vnc",
 * "spice": static strings) and its index among the <graphics>
 * elements in *idx; NULL when xml has none. */
const char *vd_graphics_pick(const char *xml, int *idx);

#endif
