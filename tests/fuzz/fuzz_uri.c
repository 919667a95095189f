/*
 * fuzz_uri.c: the checks and rewrites of a libvirt URI the user typed
 * (-c, the hosts form, hosts.conf): vd_hosts_conf_check_uri,
 * vd_uri_is_ssh, vd_uri_for_connect, vd_uri_is_local.
 */
#include <libxml/parser.h>
#include <libxml/uri.h>

#include "virtdeck/hostsconf.h"
#include "core/uri.h"
#include "virtdeck/uriinfo.h"
#include "fuzz.h"

VD_FUZZ_LIBXML2_INIT

/* When uri parses (as libvirt parses it, with libxml2), conn must too,
 * and its query must set no_tty: libvirt reads parameters from the
 * query only. */
static void
check_query(const char *uri, const char *conn)
{
    xmlURIPtr u = xmlParseURI(uri), c;
    const char *q;

    if (!u)
        return;
    xmlFreeURI(u);
    c = xmlParseURI(conn);
    VD_FUZZ_ASSERT(c != NULL);
    q = c->query_raw ? c->query_raw : "";
    VD_FUZZ_ASSERT(strncmp(q, "no_tty=", 7) == 0 || strstr(q, "&no_tty=") != NULL);
    xmlFreeURI(c);
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *uri = vd_fuzz_cstr(data, size);
    char *conn;
    bool ssh;

    if (!uri)
        return 0;
    (void)vd_hosts_conf_check_uri(uri);
    ssh = vd_uri_is_ssh(uri);
    if ((conn = vd_uri_for_connect(uri))) {
        /* only ssh URIs are rewritten, and only by adding no_tty=1 */
        VD_FUZZ_ASSERT(ssh || strcmp(conn, uri) == 0);
        VD_FUZZ_ASSERT(strlen(conn) == strlen(uri) ||
                       strlen(conn) == strlen(uri) + strlen("?no_tty=1"));
        VD_FUZZ_ASSERT(vd_uri_is_ssh(conn) == ssh);
        if (ssh)
            check_query(uri, conn);
        free(conn);
    }
    /* an ssh URI may name this machine (no host: libvirt fills in
     * localhost), but it never hands descriptors over a local socket */
    VD_FUZZ_ASSERT(!(ssh && vd_uri_passes_fds(uri)));
    free(uri);
    return 0;
}
