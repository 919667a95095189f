/*
 * errors.c: reading libvirt's thread-local error.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/virterror.h>
#include <libxml/xmlerror.h>

#include "core/errors.h"

/* libvirt's last message, or a copy of fallback. */
char *
vd_err_take(const char *fallback)
{
    virErrorPtr err = virGetLastError();
    char *msg;

    if (err && err->message)
        msg = strdup(err->message);
    else
        msg = strdup(fallback ? fallback : "unknown error");
    virResetLastError();
    return msg;
}

/* Drops a libxml2 message. */
static void
xml_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Silence libxml2 on this thread. */
void
vd_err_quiet_thread(void)
{
    xmlSetGenericErrorFunc(NULL, xml_silent);
}
