/*
 * check.c: the validators' message convention and the one domain-name
 * rule (check.h).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "virtdeck/check.h"

#define NAME_MAX_BYTES 200

/* A message from a format; abort when memory is out. */
vd_check_msg *
vd_check_msgf(const char *fmt, ...)
{
    va_list ap;
    char *out = NULL;

    va_start(ap, fmt);
    if (vasprintf(&out, fmt, ap) < 0)
        out = NULL;
    va_end(ap);
    if (!out)
        abort();
    return out;
}

/* Release a message. */
void
vd_check_free(vd_check_msg *msg)
{
    free(msg);
}

/* A message into a form's error line. */
bool
vd_check_into(vd_check_msg *msg, char *err, size_t errlen)
{
    if (!msg)
        return true;
    if (err && errlen)
        snprintf(err, errlen, "%s", msg);
    vd_check_free(msg);
    return false;
}

/* The rule for a name a user gives a libvirt object. */
vd_check_msg *
vd_check_label(const char *what, const char *name)
{
    const unsigned char *p;
    size_t len;

    if (!name || !*name)
        return vd_check_msgf("%s is required", what);
    len = strlen(name);
    if (len > NAME_MAX_BYTES)
        return vd_check_msgf("%s may have at most %d bytes", what, NAME_MAX_BYTES);
    if (xmlCheckUTF8((const unsigned char *)name) == 0)
        return vd_check_msgf("%s is not valid UTF-8", what);
    for (p = (const unsigned char *)name; *p; p++) {
        if (*p == '/')
            return vd_check_msgf("%s may not contain '/'", what);
        if (*p < 0x20 || *p == 0x7f)
            return vd_check_msgf("%s may not contain control characters such as a "
                                 "newline or a tab", what);
    }
    if (isspace((unsigned char)name[0]) || isspace((unsigned char)name[len - 1]))
        return vd_check_msgf("%s may not start or end with a space", what);
    return NULL;
}

/* The one domain-name rule. */
vd_check_msg *
vd_check_name(const char *name, const char *const *taken, size_t ntaken)
{
    vd_check_msg *m = vd_check_label("name", name);
    size_t i;

    for (i = 0; !m && taken && i < ntaken; i++) {
        if (taken[i] && strcmp(taken[i], name) == 0)
            m = vd_check_msgf("name is already used on this host");
    }
    return m;
}
