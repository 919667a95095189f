/*
 * cli_create.h: what the files of `virtdeck create` share (private to
 * src/cli_create*.c): the messages, the checks against the host and the
 * cloud-init seed.
 */
#ifndef VD_CLI_CREATE_H
#define VD_CLI_CREATE_H

#include <stdbool.h>
#include <stdio.h>

#include <libvirt/libvirt.h>

#include "virtdeck/domspec.h"
#include "virtdeck/create.h"
#include "cli_args.h"

#define PROG "virtdeck create"

/* What the command line asked for (cli_args.h, src/cli_create_args.c). */
typedef vd_create_args create_opts;
#define MAX_DEVS VD_CREATE_MAX_DEVS

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
 * text). */
int cc_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cc_report(vd_check_msg *msg);
const char *cc_virt_error(void);

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
