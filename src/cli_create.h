/*
 * cli_create.h: what the files of `virtdeck create` share (private to
 * src/cli_create*.c): the options beyond the spec, the messages, the
 * option parser, the checks against the host and the cloud-init seed.
 */
#ifndef VD_CLI_CREATE_H
#define VD_CLI_CREATE_H

#include <stdbool.h>
#include <stdio.h>

#include <libvirt/libvirt.h>

#include "virtdeck/domspec.h"
#include "virtdeck/create.h"

#define PROG "virtdeck create"
#define MAX_DEVS 32             /* disks, NICs */

/* What the command line asked for beyond the spec. */
typedef struct create_opts {
    const char *uri;
    const char *domcaps_file;   /* host caps from a file, not the host */
    bool print_xml;
    bool dry_run;
    bool start;
    bool have_memory;
    bool have_vcpus;
    bool have_disk_size;
    bool have_disk_bus;
    bool have_nic_model;
    bool have_firmware;
    bool have_virt_type;
    bool have_disk;
    bool have_net;
    bool have_gfx;
    bool disk_none;             /* --disk none / --nodisks */
    bool net_none;              /* --network none / --nonetworks */
    bool quiet;
    int installs;               /* how many install options were given */
    int ndisks;                 /* --disk options taken (main + more) */
    int nnets;
    bool path_new[MAX_DEVS];    /* disk i: path= of a new file with size= */
    const char *legacy_mac;     /* --mac: the first NIC's MAC */
    /* --cloud-init */
    bool cloud_init;
    const char *ci_user_data, *ci_meta_data, *ci_network_config;
    const char *ci_ssh_key;
    bool ci_root_password;
} create_opts;

/* The host's pools: names, active flags and free bytes. */
typedef struct pool_list {
    virStoragePoolPtr *pools;
    const char **names;
    bool *active;
    int n;
} pool_list;

/* What --cloud-init makes: the seed ISO's bytes and its volume. */
typedef struct seed {
    void *iso;
    size_t len;
    char password[17];          /* a generated one, or "" */
    vd_volume_spec vol;
    char *pool;
} seed;

/* cli_create.c: messages. cc_fail() prints "virtdeck create: ..." and
 * returns 1; cc_report() prints a validator's message (1) or nothing
 * (0) and frees it; cc_virt_error() is libvirt's last error (static
 * text); cc_note() a note about an option without effect (not with -q). */
int cc_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cc_report(vd_check_msg *msg);
const char *cc_virt_error(void);
void cc_note(const create_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* cli_create_opts.c: the help text, and argv into spec and o. Returns 0,
 * 1 for --help, -1 (refused value, exit 1) or -2 (usage error, exit 2). */
void cc_usage(FILE *out);
int cc_parse_args(int argc, char **argv, vd_domain_spec *spec, create_opts *o);

/* cli_create_host.c: the host's pools (cc_read_pools: 0 or -1 with the
 * message printed; free with cc_free_pools), a pool by name, a volume's
 * presence in a pool (0 or 1, message printed) and format, a file on the
 * host, and every field of spec against the host (0 or 1). */
bool cc_uri_is_local(const char *uri);
vd_disk_format cc_volume_format(virStorageVolPtr vol);
bool cc_host_has_file(virConnectPtr conn, bool local, const char *path,
                      vd_disk_format *format);
int cc_read_pools(virConnectPtr conn, pool_list *pl);
void cc_free_pools(pool_list *pl);
virStoragePoolPtr cc_find_pool(const pool_list *pl, const char *name);
int cc_check_pool_volume(const pool_list *pl, const char *pool,
                         const char *volume, bool want_existing,
                         vd_disk_format *fmt);
int cc_domain_names(virConnectPtr conn, char ***names);
void cc_find_tree_kernel(vd_install_spec *in, bool local);
int cc_check_against_host(virConnectPtr conn, const char *uri,
                          vd_domain_spec *spec, const vd_host_caps *caps,
                          create_opts *o);

/* cli_create_seed.c: --cloud-init: build the seed ISO into sd (unless
 * only the XML is printed) and add its CD-ROM to spec. 0 or 1. */
int cc_prepare_seed(virConnectPtr conn, vd_domain_spec *spec,
                    const create_opts *o, seed *sd);

#endif
