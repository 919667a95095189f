/*
 * errors.c: reading libvirt's thread-local error.
 */
#include <stdarg.h>
#include <stdio.h>
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

/* Replace *err with a formatted message. */
int
vd_err_say(char **err, const char *fmt, ...)
{
    va_list ap;

    free(*err);
    va_start(ap, fmt);
    if (vasprintf(err, fmt, ap) < 0)
        *err = NULL;
    va_end(ap);
    return -1;
}

/* Replace *err with libvirt's message after what. */
int
vd_err_say_libvirt(char **err, const char *what)
{
    char *m = vd_err_take("failed");

    vd_err_say(err, "%s: %s", what, m);
    free(m);
    return -1;
}
