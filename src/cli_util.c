/*
 * cli_util.c: what the snapshot and clone subcommands share: opening
 * the connection quietly, finding a domain as virsh does.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "cli.h"

/* libvirt's errors are read with virGetLastError(), not printed. */
static void
quiet_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* Open uri (NULL: libvirt's default) with libvirt's errors kept off the
 * terminal; on failure print why, prefixed by prog, and return NULL. */
virConnectPtr
vd_cli_connect(const char *prog, const char *uri)
{
    virConnectPtr conn;
    virErrorPtr e;

    virSetErrorFunc(NULL, quiet_error);
    if (virInitialize() < 0) {
        fprintf(stderr, "%s: libvirt could not be initialised\n", prog);
        return NULL;
    }
    if ((conn = virConnectOpenAuth(uri, virConnectAuthPtrDefault, 0)))
        return conn;
    e = virGetLastError();
    fprintf(stderr, "%s: cannot connect to %s: %s\n", prog, uri ? uri : "the default URI",
            e && e->message ? e->message : "failed");
    return NULL;
}

/* The domain by name, UUID or id (as virsh finds one), or NULL. */
virDomainPtr
vd_cli_find_domain(virConnectPtr conn, const char *what)
{
    virDomainPtr dom;
    char *end;
    long id;

    if ((dom = virDomainLookupByName(conn, what)) ||
        (dom = virDomainLookupByUUIDString(conn, what)))
        return dom;
    id = strtol(what, &end, 10);
    if (*what && !*end && id >= 0 && (dom = virDomainLookupByID(conn, (int)id)))
        return dom;
    virResetLastError();
    return NULL;
}
