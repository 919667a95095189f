/*
 * uri.c: the URI a worker actually opens. For the ssh transport it adds
 * no_tty=1, which makes libvirt run ssh with -T -o BatchMode=yes: ssh
 * then fails instead of asking for a password or a host key on the
 * terminal, which belongs to virtdeck's screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/virterror.h>
#include <libxml/uri.h>

#include "core/uri.h"

/* True when uri's scheme uses libvirt's external ssh transport. */
bool
vd_uri_is_ssh(const char *uri)
{
    const char *colon = strchr(uri, ':');
    const char *plus = strchr(uri, '+');

    if (!colon || !plus || plus > colon)
        return false;
    return (size_t)(colon - plus - 1) == 3 && strncmp(plus + 1, "ssh", 3) == 0;
}

/* True when the query of uri already sets key. */
static bool
has_param(const char *uri, const char *key)
{
    const char *q = strchr(uri, '?');
    size_t klen = strlen(key);

    while (q) {
        q++;
        if (strncmp(q, key, klen) == 0 && q[klen] == '=')
            return true;
        q = strchr(q, '&');
    }
    return false;
}

/* See uri.h. */
char *
vd_uri_for_connect(const char *uri)
{
    char *out = NULL;

    if (!vd_uri_is_ssh(uri) || has_param(uri, "no_tty"))
        return strdup(uri);
    if (asprintf(&out, "%s%cno_tty=1", uri, strchr(uri, '?') ? '&' : '?') < 0)
        return NULL;
    return out;
}

/* Whether uri reaches a daemon on this machine; see uri.h. */
bool
vd_uri_is_local(const char *uri)
{
    xmlURIPtr u = uri ? xmlParseURI(uri) : NULL;
    bool local;

    if (!u)
        return false;
    local = !u->server || !*u->server ||
            (u->scheme && strstr(u->scheme, "+unix"));
    if (u->scheme && strstr(u->scheme, "ssh"))
        local = false;
    xmlFreeURI(u);
    return local;
}

/* Whether conn reaches a daemon on this machine. */
bool
vd_conn_is_local(virConnectPtr conn)
{
    char *uri = virConnectGetURI(conn);
    bool local = vd_uri_is_local(uri);

    if (!uri)
        virResetLastError();
    free(uri);
    return local;
}
