/*
 * cli_create.h: what the files of `virtdeck create` share (private to
 * src/cli_create*.c): the messages and the cloud-init seed. The checks
 * against the host are the core's (virtdeck/create_host.h).
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

/* cli_create_seed.c: --cloud-init: build the seed ISO into sd (unless
 * only the XML is printed) and add its CD-ROM to spec. 0 or 1. */
int cc_prepare_seed(virConnectPtr conn, vd_domain_spec *spec,
                    const create_opts *o, seed *sd);

#endif
