/*
 * netstore_check.c: one checker per field of a new network, pool or
 * volume. Each returns NULL when the value is fine or a plain message
 * (malloc'ed) for the user. Pure: what they compare with is passed in.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/bytes.h"
#include "virtdeck/check.h"
#include "virtdeck/netstore.h"

#define MAX_BRIDGE_LEN 15       /* IFNAMSIZ - 1 */

/* Whether s is NULL or "". */
static bool
empty(const char *s)
{
    return !s || !*s;
}

/* Whether s has an ASCII control character. */
static bool
has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* Parse a dotted IPv4 address into host order. */
static bool
parse_ipv4(const char *s, uint32_t *out)
{
    struct in_addr a;

    if (empty(s) || inet_pton(AF_INET, s, &a) != 1)
        return false;
    *out = ntohl(a.s_addr);
    return true;
}

/* The netmask of a prefix length (0..32) in host order. */
static uint32_t
mask_of(unsigned int prefix)
{
    return prefix == 0 ? 0 : prefix >= 32 ? 0xffffffffu
                                          : ~((1u << (32 - prefix)) - 1);
}

/* A new network's name. */
vd_check_msg *
vd_check_net_name(const char *name, const char *const *taken, size_t ntaken)
{
    size_t i;

    if (empty(name))
        return vd_check_msgf("network name is required");
    if (strchr(name, '/'))
        return vd_check_msgf("network name may not contain '/'");
    if (has_control(name))
        return vd_check_msgf("network name may not contain control characters");
    for (i = 0; i < ntaken; i++)
        if (taken[i] && strcmp(taken[i], name) == 0)
            return vd_check_msgf("a network named '%s' already exists", name);
    return NULL;
}

/* A bridge name. */
vd_check_msg *
vd_check_bridge_name(const char *bridge, bool required,
                     const char *const *bridges, const char *const *owners,
                     size_t n)
{
    size_t i;

    if (empty(bridge))
        return required ? vd_check_msgf("bridge name is required") : NULL;
    if (strlen(bridge) > MAX_BRIDGE_LEN)
        return vd_check_msgf("bridge name '%s' is longer than %d characters", bridge,
                   MAX_BRIDGE_LEN);
    if (strpbrk(bridge, "/: \t") || has_control(bridge) ||
        strcmp(bridge, ".") == 0 || strcmp(bridge, "..") == 0)
        return vd_check_msgf("bridge name '%s' is not a valid interface name", bridge);
    if (required)
        return NULL;            /* an existing host bridge: shared on purpose */
    for (i = 0; i < n; i++)
        if (bridges[i] && strcmp(bridges[i], bridge) == 0)
            return vd_check_msgf("bridge '%s' is already used by network '%s'", bridge,
                       owners && owners[i] ? owners[i] : "?");
    return NULL;
}

/* An IPv4 gateway address and prefix. */
vd_check_msg *
vd_check_ipv4(const char *addr, unsigned int prefix)
{
    uint32_t a, m;

    if (empty(addr))
        return vd_check_msgf("IPv4 address is required");
    if (!parse_ipv4(addr, &a))
        return vd_check_msgf("'%s' is not an IPv4 address", addr);
    if (prefix < 1 || prefix > 30)
        return vd_check_msgf("prefix length must be between 1 and 30, not %u", prefix);
    m = mask_of(prefix);
    if ((a & ~m) == 0)
        return vd_check_msgf("%s is the network address of %s/%u: use a host address "
                   "such as the first one", addr, addr, prefix);
    if ((a & ~m) == ~m)
        return vd_check_msgf("%s is the broadcast address of its /%u subnet", addr,
                   prefix);
    return NULL;
}

/* A prefix length or a netmask. */
vd_check_msg *
vd_parse_prefix(const char *text, unsigned int *prefix)
{
    const char *t = text ? text : "";
    uint32_t m;
    char *end;
    unsigned long n;

    *prefix = 0;
    t += strspn(t, " ");
    if (*t == '/')
        t++;
    if (!*t)
        return vd_check_msgf("a prefix length (24) or a netmask (255.255.255.0) is required");
    if (strchr(t, '.')) {
        if (!parse_ipv4(t, &m))
            return vd_check_msgf("'%s' is neither a prefix length nor a netmask", text);
        if (m & (~m >> 1))      /* a one after a zero: not contiguous */
            return vd_check_msgf("%s is not a netmask: its ones must come first "
                       "(255.255.255.0)", t);
        for (n = 0; m & 0x80000000u; m <<= 1)
            n++;
    } else {
        n = strtoul(t, &end, 10);
        if (end == t || end[strspn(end, " ")] || *t == '-' || *t == '+')
            return vd_check_msgf("'%s' is neither a prefix length nor a netmask", text);
    }
    if (n < 1 || n > 30)
        return vd_check_msgf("prefix length must be between 1 and 30, not %lu", n);
    *prefix = (unsigned int)n;
    return NULL;
}

/* See netstore.h. */
vd_check_msg *
vd_check_dhcp_end(const char *addr, unsigned int prefix, const char *a,
                  const char *which)
{
    uint32_t g, v, m, net;
    char first[INET_ADDRSTRLEN], last[INET_ADDRSTRLEN];
    struct in_addr ia;

    if (!parse_ipv4(addr, &g) || prefix < 1 || prefix > 30)
        return vd_check_msgf("a DHCP range needs a valid IPv4 address and prefix first");
    if (!parse_ipv4(a, &v))
        return vd_check_msgf("DHCP %s '%s' is not an IPv4 address", which, a);
    m = mask_of(prefix);
    net = g & m;
    if ((v & m) == net && v != net && v != (net | ~m))
        return NULL;
    ia.s_addr = htonl(net + 1);
    inet_ntop(AF_INET, &ia, first, sizeof(first));
    ia.s_addr = htonl((net | ~m) - 1);
    inet_ntop(AF_INET, &ia, last, sizeof(last));
    return vd_check_msgf("DHCP %s %s is outside the subnet %s/%u (use %s to %s)",
                         which, a, addr, prefix, first, last);
}

/* A DHCP range on the subnet of addr/prefix. */
vd_check_msg *
vd_check_dhcp_range(const char *addr, unsigned int prefix, const char *start,
                    const char *end)
{
    vd_check_msg *msg;
    uint32_t a = 0, s = 0, e = 0;

    if (empty(start) && empty(end))
        return NULL;
    if (empty(start) || empty(end))
        return vd_check_msgf("a DHCP range needs both a start and an end address");
    if ((msg = vd_check_dhcp_end(addr, prefix, start, "start")) ||
        (msg = vd_check_dhcp_end(addr, prefix, end, "end")))
        return msg;
    /* all three parse: vd_check_dhcp_end said so */
    parse_ipv4(addr, &a);
    parse_ipv4(start, &s);
    parse_ipv4(end, &e);
    if (s > e)
        return vd_check_msgf("DHCP start %s comes after the end %s", start, end);
    if (a >= s && a <= e)
        return vd_check_msgf("the DHCP range %s-%s includes the gateway %s", start, end,
                   addr);
    return NULL;
}

/* A new subnet against the active networks' subnets. */
vd_check_msg *
vd_check_subnet_overlap(const char *addr, unsigned int prefix,
                        const vd_subnet *active, size_t n)
{
    uint32_t a, b, m;
    size_t i;

    if (!parse_ipv4(addr, &a) || prefix < 1 || prefix > 32)
        return NULL;            /* vd_check_ipv4 says what is wrong */
    for (i = 0; i < n; i++) {
        if (!parse_ipv4(active[i].address, &b) || active[i].prefix > 32)
            continue;
        /* two subnets overlap when they agree on the shorter prefix */
        m = mask_of(prefix < active[i].prefix ? prefix : active[i].prefix);
        if ((a & m) == (b & m))
            return vd_check_msgf("%s/%u overlaps the subnet %s/%u of the active "
                       "network '%s'", addr, prefix, active[i].address,
                       active[i].prefix,
                       active[i].network ? active[i].network : "?");
    }
    return NULL;
}

/* A pool target path. */
vd_check_msg *
vd_check_pool_target(vd_pool_type type, const char *path, bool known,
                     bool exists, bool is_dir)
{
    if (empty(path)) {
        if (type == VD_POOLTYPE_DIR || type == VD_POOLTYPE_FS ||
            type == VD_POOLTYPE_NETFS)
            return vd_check_msgf("target path is required");
        return NULL;
    }
    if (path[0] != '/')
        return vd_check_msgf("target path '%s' is not absolute (it must start with '/')",
                   path);
    if (has_control(path))
        return vd_check_msgf("target path may not contain control characters");
    if (known && exists && !is_dir)
        return vd_check_msgf("target %s exists and is not a directory", path);
    return NULL;
}

/* A new volume's size against the pool's free space. */
vd_check_msg *
vd_check_volume_fits(unsigned long long capacity, const char *pool,
                     unsigned long long available)
{
    char want[32], have[32];

    if (capacity == 0)
        return vd_check_msgf("volume size must be more than 0");
    if (capacity > available) {
        vd_fmt_bytes((double)capacity, VD_BYTES_LONG, want, sizeof(want));
        vd_fmt_bytes((double)available, VD_BYTES_LONG, have, sizeof(have));
        return vd_check_msgf("%s is more than the %s free in pool '%s'", want, have,
                   pool ? pool : "?");
    }
    return NULL;
}
