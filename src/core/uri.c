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

#include "virtdeck/uriinfo.h"
#include "core/uri.h"

/* True when uri's scheme uses libvirt's external ssh transport: the
 * scheme (letters, digits, '+', '-', '.' up to the first ':') is
 * DRIVER+ssh. */
bool
vd_uri_is_ssh(const char *uri)
{
    size_t n = strspn(uri, "abcdefghijklmnopqrstuvwxyz"
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    const char *plus = memchr(uri, '+', n);

    if (uri[n] != ':' || !plus)
        return false;
    return (size_t)(uri + n - plus - 1) == 3 && strncmp(plus + 1, "ssh", 3) == 0;
}

/* True when the query of uri (the part between '?' and any '#') sets
 * key. */
static bool
has_param(const char *uri, const char *key)
{
    size_t end = strcspn(uri, "#");
    const char *q = memchr(uri, '?', end);
    size_t klen = strlen(key);

    while (q && q < uri + end) {
        q++;
        if ((size_t)(uri + end - q) > klen && strncmp(q, key, klen) == 0 &&
            q[klen] == '=')
            return true;
        q = memchr(q, '&', (size_t)(uri + end - q));
    }
    return false;
}

/* See uri.h. The parameter goes into the query, before any fragment
 * ("#..."): libvirt ignores what a fragment holds. */
char *
vd_uri_for_connect(const char *uri)
{
    size_t end = strcspn(uri, "#");
    char *out = NULL;

    if (!vd_uri_is_ssh(uri) || has_param(uri, "no_tty"))
        return strdup(uri);
    if (asprintf(&out, "%.*s%cno_tty=1%s", (int)end, uri,
                 memchr(uri, '?', end) ? '&' : '?', uri + end) < 0)
        return NULL;
    return out;
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
