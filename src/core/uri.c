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

/* True when query (a URI's raw query, without the '?') sets key, as
 * libvirt reads it: '&'-separated key=value parameters. */
static bool
has_param(const char *query, const char *key)
{
    size_t klen = strlen(key);

    for (const char *q = query; q; q = strchr(q, '&')) {
        if (*q == '&')
            q++;
        if (strncmp(q, key, klen) == 0 && q[klen] == '=')
            return true;
    }
    return false;
}

/* See uri.h. The parameter goes into the query, before any fragment
 * ("#..."): libvirt ignores what a fragment holds. Where the query and
 * the fragment begin is libxml2's to say, as libvirt parses URIs with
 * it: an IPv6 host ("[...]") may hold '?' and '#'. A URI libxml2
 * cannot parse is handed over as it is, for libvirt's own message. */
char *
vd_uri_for_connect(const char *uri)
{
    xmlURIPtr u;
    size_t end;
    const char *sep;
    char *out = NULL;

    if (!vd_uri_is_ssh(uri) || !(u = xmlParseURI(uri)))
        return strdup(uri);
    if (u->query_raw && has_param(u->query_raw, "no_tty")) {
        xmlFreeURI(u);
        return strdup(uri);
    }
    /* a fragment holds no '#': it begins after the last one */
    end = u->fragment ? (size_t)(strrchr(uri, '#') - uri) : strlen(uri);
    /* libvirt skips the empty parameter of "?&no_tty=1" */
    sep = u->query_raw ? "&" : "?";
    xmlFreeURI(u);
    if (asprintf(&out, "%.*s%sno_tty=1%s", (int)end, uri, sep, uri + end) < 0)
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
