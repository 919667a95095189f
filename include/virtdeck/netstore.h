/*
 * netstore.h: virtual networks, storage pools and volumes -- what the UI
 * needs to describe a new one (specs), the XML builders behind them, the
 * per-field validators, and the details the workers send back in
 * vd_result.data. Nothing here depends on libvirt or curses; the
 * builders, parsers and validators are pure.
 *
 * Strings in the structs below are malloc'ed and owned by the struct;
 * the matching _clear() or _free() function releases them.
 */
#ifndef VIRTDECK_NETSTORE_H
#define VIRTDECK_NETSTORE_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/check.h"
#include "virtdeck/model.h"

/* ---- new networks --------------------------------------------------- */

/* How a new network reaches the outside. */
typedef enum {
    VD_NETMODE_NAT = 0,         /* own bridge, NAT to the host's routes */
    VD_NETMODE_ROUTE,           /* own bridge, routed */
    VD_NETMODE_ISOLATED,        /* own bridge, no forwarding */
    VD_NETMODE_OPEN,            /* own bridge, no firewall rules at all */
    VD_NETMODE_BRIDGE,          /* an existing host bridge (bridge = its name) */
    VD_NETMODE_DIRECT,          /* macvtap on a host interface (dev) */
    VD_NETMODE_LAST
} vd_net_mode;

typedef struct vd_network_spec {
    char *name;
    vd_net_mode mode;
    char *bridge;               /* bridge to create (NULL: libvirt picks one),
                                 * or the host bridge for BRIDGE */
    char *dev;                  /* forward device (NAT/ROUTE: optional;
                                 * DIRECT: the host interface, required) */
    char *ipv4;                 /* the host's address on the network, the
                                 * gateway: "192.168.100.1"; NULL: none */
    unsigned int prefix;        /* IPv4 prefix length, 1..30 */
    char *dhcp_start;           /* DHCP range; both NULL: no DHCP */
    char *dhcp_end;
    char *ipv6;                 /* optional IPv6 address of the host */
    unsigned int prefix6;       /* its prefix length (64 when 0) */
    char *domain;               /* DNS domain name, optional */
} vd_network_spec;

/* Flags of VD_CMD_NET_DEFINE. */
enum {
    VD_NETDEF_TRANSIENT = 1 << 0,   /* net-create: gone when stopped */
    VD_NETDEF_START = 1 << 1,       /* start once defined */
    VD_NETDEF_AUTOSTART = 1 << 2,   /* autostart with the host */
    VD_NETDEF_REDEFINE = 1 << 3,    /* replace the XML of an existing
                                     * network (XML edit) */
};

void vd_network_spec_clear(vd_network_spec *spec);

/* The word for a mode in XML ("nat", "route", "", "open", "bridge",
 * "bridge") and for people ("NAT", "routed", "isolated", "open",
 * "host bridge", "macvtap"). Static. */
const char *vd_net_mode_label(vd_net_mode mode);

/* The network XML for spec (libxml2 tree). Returns a malloc'ed document
 * or NULL with a static message in *err. Run the validators first. */
char *vd_network_xml(const vd_network_spec *spec, const char **err);

/* ---- new storage pools ---------------------------------------------- */

typedef enum {
    VD_POOLTYPE_DIR = 0,
    VD_POOLTYPE_FS,
    VD_POOLTYPE_NETFS,
    VD_POOLTYPE_LOGICAL,
    VD_POOLTYPE_ISCSI,
    VD_POOLTYPE_DISK,
    VD_POOLTYPE_LAST
} vd_pool_type;

typedef struct vd_pool_spec {
    char *name;
    vd_pool_type type;
    char *target;               /* target path (LOGICAL: /dev/VG when NULL;
                                 * ISCSI: /dev/disk/by-path when NULL;
                                 * DISK: /dev when NULL) */
    char *host;                 /* NETFS: NFS server; ISCSI: portal host */
    char *source_dir;           /* NETFS: the export, "/srv/nfs" */
    char *devices;              /* FS, DISK: the device; LOGICAL: physical
                                 * volumes, comma-separated (optional) */
    char *source_name;          /* LOGICAL: the volume group name */
    char *iqn;                  /* ISCSI: the target's IQN */
    char *initiator;            /* ISCSI: our initiator IQN, optional */
    char *format;               /* FS: "auto", "ext4"...; DISK: "gpt", "dos";
                                 * NULL: the type's default */
} vd_pool_spec;

/* Flags of VD_CMD_POOL_DEFINE. */
enum {
    VD_POOLDEF_BUILD = 1 << 0,      /* build (mkdir, mkfs...) once defined */
    VD_POOLDEF_START = 1 << 1,
    VD_POOLDEF_AUTOSTART = 1 << 2,
};

void vd_pool_spec_clear(vd_pool_spec *spec);

/* "dir", "fs", "netfs", "logical", "iscsi", "disk" (static), and back
 * (-1 for an unknown word). */
const char *vd_pool_type_name(vd_pool_type type);
int vd_pool_type_parse(const char *word);

/* The pool XML for spec. Same contract as vd_network_xml(). */
char *vd_pool_xml(const vd_pool_spec *spec, const char **err);

/* ---- validators (pure; NULL when fine, else a message: check.h) ---- */

/* A new network's name: not empty, no '/', not taken. */
vd_check_msg *vd_check_net_name(const char *name, const char *const *taken,
                                size_t ntaken);

/* A bridge name: at most 15 characters, no '/', ' ' or ':'; not the
 * bridge of another network (bridges[i] belongs to owners[i]). NULL or
 * "" is fine (libvirt picks one) unless required. */
vd_check_msg *vd_check_bridge_name(const char *bridge, bool required,
                                   const char *const *bridges,
                                   const char *const *owners, size_t n);

/* A prefix length typed as "24", "/24" or a netmask "255.255.255.0"
 * (contiguous ones) into *prefix (1..30). NULL when fine, else the
 * message (allocated). */
vd_check_msg *vd_parse_prefix(const char *text, unsigned int *prefix);

/* An IPv4 gateway address and prefix length (1..30). */
vd_check_msg *vd_check_ipv4(const char *addr, unsigned int prefix);

/* One end of a DHCP range, a (which: "start" or "end", for the
 * message), inside the subnet of addr/prefix and neither its network
 * nor its broadcast address. */
vd_check_msg *vd_check_dhcp_end(const char *addr, unsigned int prefix,
                                const char *a, const char *which);

/* A DHCP range on the subnet of addr/prefix: both ends inside the
 * subnet (not its network or broadcast address), start <= end, and the
 * gateway addr not inside the range. Both NULL/"": no DHCP, fine. */
vd_check_msg *vd_check_dhcp_range(const char *addr, unsigned int prefix,
                                  const char *start, const char *end);

/* One IPv4 subnet of an existing network. */
typedef struct vd_subnet {
    const char *network;        /* its name */
    const char *address;        /* any address in it, "192.168.122.1" */
    unsigned int prefix;
} vd_subnet;

/* A new subnet addr/prefix must not overlap the subnet of an active
 * network (libvirt would refuse to start it, or routes would clash). */
vd_check_msg *vd_check_subnet_overlap(const char *addr, unsigned int prefix,
                                      const vd_subnet *active, size_t n);

/* A pool target path: absolute; for DIR pools an existing path must be
 * a directory. exists/is_dir describe the path on the host (when
 * known: known false skips that part, e.g. over remote connections). */
vd_check_msg *vd_check_pool_target(vd_pool_type type, const char *path, bool known,
                                   bool exists, bool is_dir);

/* A new volume's size against the pool's free space. */
vd_check_msg *vd_check_volume_fits(unsigned long long capacity, const char *pool,
                                   unsigned long long available);

/* ---- details sent back by the workers ------------------------------- */

typedef struct vd_dhcp_host {
    char *mac;
    char *name;
    char *ip;
} vd_dhcp_host;

typedef struct vd_net_ip {
    char *family;               /* "ipv4" or "ipv6" */
    char *address;
    unsigned int prefix;
    char *dhcp_start;           /* NULL: no DHCP range */
    char *dhcp_end;
    vd_dhcp_host *hosts;        /* static DHCP hosts */
    size_t nhosts;
} vd_net_ip;

typedef struct vd_lease {
    char *mac;
    char *ip;
    unsigned int prefix;
    char *hostname;             /* NULL when the client gave none */
    long long expiry;           /* seconds since the epoch, 0: never */
} vd_lease;

typedef struct vd_attached {
    char *domain;               /* a domain with a NIC on the network */
    char *mac;
    bool running;
} vd_attached;

/* VD_CMD_NET_DETAILS answers with one of these in vd_result.data. */
typedef struct vd_network_details {
    char uuid[VD_UUID_LEN];
    char *name;
    bool active;
    bool persistent;
    bool autostart;
    char *bridge;
    char *forward_mode;         /* "nat", "route", ...; NULL: isolated */
    char *forward_dev;
    char *domain;               /* DNS domain */
    vd_net_ip *ips;
    size_t nips;
    vd_lease *leases;
    size_t nleases;
    vd_attached *attached;
    size_t nattached;
    char *xml;
} vd_network_details;

/* VD_CMD_POOL_DETAILS answers with one of these. */
typedef struct vd_pool_details {
    char uuid[VD_UUID_LEN];
    char *name;
    char *type;                 /* "dir", "netfs", ... */
    vd_pool_state state;
    bool persistent;
    bool autostart;
    unsigned long long capacity, allocation, available;
    char *target;               /* target path */
    char *source_host;
    char *source_dir;
    char *source_device;        /* device paths, comma-separated */
    char *source_name;
    char *source_format;
    char *xml;
} vd_pool_details;

typedef struct vd_volume_info {
    char *name;
    char *path;
    char *format;               /* "qcow2", "raw", ...; NULL when unknown */
    unsigned long long capacity;
    unsigned long long allocation;
    char *used_by;              /* domains using it, comma-separated, or NULL */
} vd_volume_info;

/* VD_CMD_VOL_LIST answers with one of these (sorted by name). */
typedef struct vd_volume_list {
    char pool_uuid[VD_UUID_LEN];
    char *pool;
    vd_volume_info *vols;
    size_t nvols;
} vd_volume_list;

void vd_network_details_free(vd_network_details *d);
void vd_pool_details_free(vd_pool_details *d);
void vd_volume_list_free(vd_volume_list *l);

/* Fill d's XML-derived fields (bridge, forward, domain, ips) from a
 * network XML. Pure. 0, or -1 when the XML is not a network. */
int vd_network_details_parse(const char *xml, vd_network_details *d);

/* Fill d's type, target and source fields from a pool XML. Pure. */
int vd_pool_details_parse(const char *xml, vd_pool_details *d);

/* The networks (with the MAC) and the disk paths / pool volumes a
 * domain's XML uses; for the "attached" and "used by" columns. Pure.
 * Fills arrays the caller frees with vd_strv_free(). */
int vd_domain_xml_uses(const char *xml, char ***nets, char ***macs,
                       size_t *nnets, char ***paths, size_t *npaths);
void vd_strv_free(char **v, size_t n);

/* ---- arguments of commands that take two strings -------------------- */

/* "a\0b\0" in one allocation, for vd_cmd.str of commands that take two
 * strings (VD_CMD_VOL_CLONE: source volume, new volume XML;
 * VD_CMD_VOL_UPLOAD/DOWNLOAD: volume name, local file). NULL on OOM. */
char *vd_cmd_args2(const char *a, const char *b);

/* The second string of such an argument (points into str). */
const char *vd_cmd_arg2(const char *str);

#endif
