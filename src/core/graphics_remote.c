/*
 * graphics_remote.c: reaching a remote guest's VNC or SPICE server
 * without an extra open port: over qemu+ssh an `ssh -W listen:port`
 * child on a socketpair (BatchMode, no tty), otherwise a direct TCP
 * connection to the listen address (with a timeout). The listen address
 * and port come from the domain's live XML; which display (the first
 * VNC or SPICE one) too.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "core/cmd_console.h"
#include "core/xml_read.h"

#define CONNECT_TIMEOUT_MS 10000

/* *msg = a formatted message; returns -1. */
static int __attribute__((format(printf, 2, 3)))
set_msg(char **msg, const char *fmt, ...)
{
    va_list ap;

    free(*msg);
    *msg = NULL;
    va_start(ap, fmt);
    if (vasprintf(msg, fmt, ap) < 0)
        *msg = NULL;
    va_end(ap);
    return -1;
}

/* The first VNC or SPICE display of a parsed domain XML: its protocol
 * ("vnc"/"spice", static) and its index among the <graphics> elements
 * (what virDomainOpenGraphicsFD takes); NULL when there is none. */
static const char *
pick_display(xmlXPathContextPtr ctx, int *idx)
{
    xmlXPathObjectPtr obj = vd_xr_nodes(ctx, NULL, "/domain/devices/graphics");
    const char *proto = NULL;
    int i;

    for (i = 0; i < vd_xr_count(obj) && !proto; i++) {
        xmlChar *type = xmlGetProp(vd_xr_node(obj, i), (const xmlChar *)"type");

        if (type && !strcmp((const char *)type, "vnc"))
            proto = "vnc";
        else if (type && !strcmp((const char *)type, "spice"))
            proto = "spice";
        if (proto)
            *idx = i;
        xmlFree(type);
    }
    xmlXPathFreeObject(obj);
    return proto;
}

/* See cmd_console.h. */
const char *
vd_graphics_pick(const char *xml, int *idx)
{
    vd_xr x;
    const char *proto = NULL;

    *idx = 0;
    if (vd_xr_open(&x, xml))
        proto = pick_display(x.ctxt, idx);
    vd_xr_close(&x);
    return proto;
}

/* The listen address and port of the first VNC or SPICE display in a
 * live domain XML (the TLS port of a SPICE one when tls); *proto gets
 * "VNC" or "SPICE" for messages. */
static int
display_endpoint(const char *xml, bool tls, char **listen, int *port,
                 const char **proto, char **msg)
{
    vd_xr x;
    bool parsed = vd_xr_open(&x, xml);
    char *p = NULL, *type = NULL, xp[160];
    const char *kind;
    int rc = -1, idx = 0;

    *listen = NULL;
    *proto = "VNC";
    if (!parsed) {
        vd_xr_close(&x);
        return set_msg(msg, "cannot parse the domain XML");
    }
    if (!(kind = pick_display(x.ctxt, &idx))) {
        set_msg(msg, "the guest has no VNC or SPICE display");
        goto cleanup;
    }
    *proto = !strcmp(kind, "spice") ? "SPICE" : "VNC";
    snprintf(xp, sizeof(xp), "string(/domain/devices/graphics[%d]/@%s)", idx + 1,
             tls ? "tlsPort" : "port");
    p = vd_xr_str(x.ctxt, NULL, xp);
    *port = p ? atoi(p) : 0;
    snprintf(xp, sizeof(xp), "string(/domain/devices/graphics[%d]/listen[1]/@type)", idx + 1);
    type = vd_xr_str(x.ctxt, NULL, xp);
    if (type && strcmp(type, "socket") == 0) {
        set_msg(msg, "%s listens on a UNIX socket on the host; a remote "
                "console needs a TCP listen address", *proto);
        goto cleanup;
    }
    if (*port <= 0) {
        if (tls)
            set_msg(msg, "the guest's SPICE display asks for TLS but has no TLS port");
        else if (!strcmp(kind, "spice"))
            set_msg(msg, "the guest's SPICE display has no plain port (TLS port only: "
                    "not supported)");
        else
            set_msg(msg, "the guest's VNC display has no port yet");
        goto cleanup;
    }
    snprintf(xp, sizeof(xp), "string(/domain/devices/graphics[%d]/listen[1]/@address)", idx + 1);
    *listen = vd_xr_str(x.ctxt, NULL, xp);
    if (!*listen) {
        snprintf(xp, sizeof(xp), "string(/domain/devices/graphics[%d]/@listen)", idx + 1);
        *listen = vd_xr_str(x.ctxt, NULL, xp);
    }
    rc = 0;

 cleanup:
    free(p);
    free(type);
    vd_xr_close(&x);
    return rc;
}

/* Whether addr listens on every interface (or is unset). */
static bool
listen_any(const char *addr)
{
    return !addr || !*addr || !strcmp(addr, "0.0.0.0") || !strcmp(addr, "::");
}

/* Whether host names this machine's loopback (localhost, 127.0.0.0/8,
 * ::1). */
static bool
is_loopback(const char *host)
{
    return !strcmp(host, "localhost") || !strcmp(host, "::1") ||
        !strcmp(host, "[::1]") || !strncmp(host, "127.", 4);
}

/* The value of key in a URI query "a=b&c=d", or NULL (allocated). */
static char *
query_get(const char *query, const char *key)
{
    size_t klen = strlen(key);
    const char *p = query;

    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);

        if (len > klen && !strncmp(p, key, klen) && p[klen] == '=')
            return strndup(p + klen + 1, len - klen - 1);
        p = end ? end + 1 : NULL;
    }
    return NULL;
}

/* Start `ssh -W host:port` to the URI's server on a socketpair. The
 * child is double-forked, so it never becomes our zombie. */
static int
ssh_tunnel(xmlURIPtr u, const char *host, int port, char **msg)
{
    char target[300], portarg[16];
    char *keyfile = query_get(u->query, "keyfile");
    char *noverify = query_get(u->query, "no_verify");
    const char *argv[24];
    int sv[2], argc = 0, status;
    pid_t pid;

    if (strchr(host, ':'))
        snprintf(target, sizeof(target), "[%s]:%d", host, port);
    else
        snprintf(target, sizeof(target), "%s:%d", host, port);
    argv[argc++] = "ssh";
    argv[argc++] = "-T";
    argv[argc++] = "-x";
    argv[argc++] = "-a";
    argv[argc++] = "-o";
    argv[argc++] = "BatchMode=yes";
    argv[argc++] = "-o";
    argv[argc++] = "ConnectTimeout=10";
    if (u->port > 0) {
        snprintf(portarg, sizeof(portarg), "%d", u->port);
        argv[argc++] = "-p";
        argv[argc++] = portarg;
    }
    if (u->user) {
        argv[argc++] = "-l";
        argv[argc++] = u->user;
    }
    if (keyfile) {
        argv[argc++] = "-i";
        argv[argc++] = keyfile;
    }
    if (noverify && strcmp(noverify, "0") != 0) {
        argv[argc++] = "-o";
        argv[argc++] = "StrictHostKeyChecking=no";
    }
    argv[argc++] = "-W";
    argv[argc++] = target;
    argv[argc++] = "--";
    argv[argc++] = u->server;
    argv[argc] = NULL;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        free(keyfile);
        free(noverify);
        return set_msg(msg, "socketpair: %s", strerror(errno));
    }
    if ((pid = fork()) < 0) {
        close(sv[0]);
        close(sv[1]);
        free(keyfile);
        free(noverify);
        return set_msg(msg, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        int devnull;

        if (fork() != 0)
            _exit(0);
        setsid();               /* no controlling tty: ssh cannot prompt */
        devnull = open("/dev/null", O_RDWR);
        dup2(sv[1], 0);
        dup2(sv[1], 1);
        if (devnull >= 0)
            dup2(devnull, 2);
        execvp("ssh", (char *const *)argv);
        _exit(127);
    }
    close(sv[1]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    free(keyfile);
    free(noverify);
    set_msg(msg, "ssh tunnel to %s via %s", target, u->server);
    return sv[0];
}

/* A TCP connection to host:port within CONNECT_TIMEOUT_MS. */
static int
tcp_connect(const char *proto, const char *host, int port, char **msg)
{
    struct addrinfo hints, *ai = NULL, *a;
    char service[16];
    int fd = -1, rc, err = 0;

    memset(&hints, 0, sizeof(hints));
    hints.ai_socktype = SOCK_STREAM;
    snprintf(service, sizeof(service), "%d", port);
    if ((rc = getaddrinfo(host, service, &hints, &ai)) != 0)
        return set_msg(msg, "cannot resolve %s: %s", host, gai_strerror(rc));
    for (a = ai; a; a = a->ai_next) {
        struct pollfd pfd;
        socklen_t len = sizeof(err);

        if ((fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                         a->ai_protocol)) < 0)
            continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0)
            break;
        err = errno;
        if (errno == EINPROGRESS) {
            int n;

            pfd.fd = fd;
            pfd.events = POLLOUT;
            while ((n = poll(&pfd, 1, CONNECT_TIMEOUT_MS)) < 0 && errno == EINTR)
                ;
            if (n == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
                err == 0)
                break;
            if (n == 0 || err == EINPROGRESS || !err)
                err = ETIMEDOUT;    /* nothing answered within the timeout */
        }
        close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    if (fd < 0)
        return set_msg(msg, "cannot connect to %s at %s:%d: %s (is the port "
                       "reachable? qemu+ssh:// needs no open port)", proto, host, port,
                       strerror(err ? err : EHOSTUNREACH));
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    set_msg(msg, "TCP %s:%d", host, port);
    return fd;
}

/* See cmd_console.h. */
int
vd_graphics_connect_remote(const char *uri, const char *xml, bool tls, char **msg)
{
    xmlURIPtr u = xmlParseURI(uri);
    char *listen = NULL;
    const char *proto = "VNC";
    int port = 0, fd = -1;
    bool ssh;

    *msg = NULL;
    if (!u || !u->server)
        return set_msg(msg, "cannot read the host from %s", uri);
    if (display_endpoint(xml, tls, &listen, &port, &proto, msg) < 0)
        goto cleanup;
    ssh = u->scheme && strstr(u->scheme, "+ssh");
    if (ssh) {
        fd = ssh_tunnel(u, listen_any(listen) ? "localhost" : listen, port, msg);
    } else {
        const char *host = listen_any(listen) ? u->server : listen;

        /* a loopback listen address is reachable only when the daemon's
         * host is this machine (a qemu+tcp://127.0.0.1 URI) */
        if (is_loopback(host) && !is_loopback(u->server)) {
            set_msg(msg, "%s listens on %s only on the host; connect with "
                    "qemu+ssh:// to reach it", proto, host);
            goto cleanup;
        }
        fd = tcp_connect(proto, host, port, msg);
    }

 cleanup:
    free(listen);
    xmlFreeURI(u);
    return fd;
}
