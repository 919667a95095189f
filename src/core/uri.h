/*
 * uri.h: adjusting a user's URI before the worker opens it.
 */
#ifndef VD_URI_H
#define VD_URI_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

/* True when uri uses libvirt's ssh transport (qemu+ssh://...). */
bool vd_uri_is_ssh(const char *uri);

/* The URI to hand to virConnectOpenAuth: uri itself, plus no_tty=1 for
 * the ssh transport (ssh in batch mode: no password or host key prompt
 * on the terminal) unless uri sets no_tty already. Caller frees; NULL
 * on out of memory. */
char *vd_uri_for_connect(const char *uri);

/* vd_uri_is_local() (virtdeck/uriinfo.h: paths mean the same files) for
 * an open connection's URI. */
bool vd_conn_is_local(virConnectPtr conn);

#endif
