/*
 * hints.c: what to check when a connection fails, and how long to wait
 * before the next attempt. Pure functions: no libvirt calls.
 */
#include <stdbool.h>
#include <string.h>

#include "core/errors.h"

/* True when s contains needle (NULL s never does). */
static bool
has(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

/* A hint for a failed connection to uri with libvirt's message. */
const char *
vd_err_hint(const char *uri, const char *message)
{
    bool ssh = uri && strstr(uri, "+ssh") != NULL;
    bool tcp = uri && strstr(uri, "+tcp") != NULL;
    bool tls = uri && (strstr(uri, "+tls") != NULL ||
                       (strstr(uri, "://") && !strstr(uri, "+") &&
                        !strstr(uri, ":///") && strncmp(uri, "test:", 5) != 0));

    if (!message)
        return NULL;
    if (ssh) {
        if (has(message, "Permission denied") || has(message, "publickey") ||
            has(message, "authentication"))
            return "SSH key not accepted: run ssh-copy-id user@host and check "
                   "that 'ssh user@host' logs in without a password";
        if (has(message, "Host key verification failed"))
            return "unknown SSH host key: connect once with 'ssh user@host' to "
                   "accept it";
        if (has(message, "Could not resolve") || has(message, "Name or service"))
            return "host name not found: check the spelling and DNS";
        if (has(message, "Connection refused") || has(message, "timed out") ||
            has(message, "No route"))
            return "sshd not reachable: is it running, and port 22 open?";
        if (has(message, "No such file") || has(message, "nc:") ||
            has(message, "virt-ssh-helper"))
            return "libvirtd on the remote host not reachable: is it running "
                   "('systemctl status libvirtd')?";
    }
    if (has(message, "Connection refused")) {
        if (tls)
            return "nothing listens on TLS port 16514: enable listen_tls "
                   "(libvirtd-tls.socket) and open the port in the firewall";
        if (tcp)
            return "nothing listens on TCP port 16509: enable listen_tcp "
                   "(libvirtd-tcp.socket) and open the port in the firewall";
        return "libvirtd is not running: start it with "
               "'systemctl start libvirtd' (or virtqemud)";
    }
    if (has(message, "No such file or directory") &&
        (has(message, "sock") || has(message, "connect")))
        return "libvirtd is not running, or its socket is elsewhere: "
               "'systemctl start libvirtd' (or virtqemud)";
    if (has(message, "Permission denied") || has(message, "authentication") ||
        has(message, "polkit"))
        return "not allowed on the socket: add the user to the 'libvirt' "
               "group or use -r for a read-only connection";
    if (has(message, "timed out") || has(message, "No route") ||
        has(message, "unreachable"))
        return "host unreachable: check the network and the firewall "
               "(ports 16509/16514 for tcp/tls, 22 for ssh)";
    if (has(message, "certificate") || has(message, "TLS") || has(message, "GnuTLS"))
        return "TLS set-up: check the CA and client certificates in "
               "/etc/pki (see libvirt's TLS set-up guide)";
    if (has(message, "no connection driver") || has(message, "no hypervisor"))
        return "no driver for this URI: is the libvirt daemon package for "
               "this hypervisor installed?";
    if (has(message, "keepalive") || has(message, "closed") ||
        has(message, "End of file"))
        return "the connection was lost: virtdeck reconnects by itself when "
               "the daemon answers again";
    if (has(message, "parse") || has(message, "XML"))
        return "the test driver file could not be read: check its path and XML";
    return NULL;
}

/* Backoff: 0.5 s, 1 s, 2 s, 4 s, then every 8 s. */
int
vd_retry_delay_ms(unsigned int attempts)
{
    int delay = 500;

    if (attempts == 0)
        return 0;
    while (--attempts > 0 && delay < 8000)
        delay *= 2;
    return delay > 8000 ? 8000 : delay;
}
