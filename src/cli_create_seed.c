/*
 * cli_create_seed.c: `virtdeck create --cloud-init`: the files named on
 * the command line, a generated password, the seed ISO (cloudinit.h) and
 * its CD-ROM volume in the pool of the first new disk.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/create_host.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/osinfo.h"
#include "cli.h"
#include "cli_create.h"

/* The text of a file the user named (at most 1 MiB) into *out (caller
 * frees). 0 or 1 (message naming opt). */
static int
read_text_file(const char *opt, const char *path, char **out)
{
    FILE *f = fopen(path, "r");
    size_t len = 0, n;
    char *buf;

    *out = NULL;
    if (!f)
        return cc_fail("%s: cannot read %s: %s", opt, path, strerror(errno));
    if (!(buf = malloc(1024 * 1024 + 1))) {
        fclose(f);
        return cc_fail("out of memory");
    }
    while ((n = fread(buf + len, 1, 1024 * 1024 + 1 - len, f)) > 0)
        len += n;
    fclose(f);
    if (len > 1024 * 1024) {
        free(buf);
        return cc_fail("%s: %s is larger than 1 MiB", opt, path);
    }
    buf[len] = '\0';
    if (strlen(buf) != len) {
        free(buf);
        return cc_fail("%s: %s is not a text file", opt, path);
    }
    *out = buf;
    return 0;
}


/* --cloud-init: build the seed ISO (unless only the XML is wanted) and
 * add its CD-ROM to spec. The seed volume goes into the pool of the
 * first new disk, else pool 'default'. 0 or 1. */
int
cc_prepare_seed(virConnectPtr conn, vd_domain_spec *spec, const create_opts *o,
             seed *sd)
{
    vd_cloudinit ci = { .hostname = spec->name };
    char *user = NULL, *meta = NULL, *netcfg = NULL, *key = NULL, *err = NULL;
    int ret = 1;

    if (!o->cloud_init)
        return 0;
    if ((o->ci_user_data && read_text_file("--cloud-init: user-data", o->ci_user_data, &user)) ||
        (o->ci_meta_data && read_text_file("--cloud-init: meta-data", o->ci_meta_data, &meta)) ||
        (o->ci_network_config &&
         read_text_file("--cloud-init: network-config", o->ci_network_config, &netcfg)) ||
        (o->ci_ssh_key && read_text_file("--cloud-init: ssh-key", o->ci_ssh_key, &key)))
        goto cleanup;
    if (key) {
        char *nl = strchr(key, '\n');
        vd_check_msg *bad;

        if (nl)
            *nl = '\0';
        if ((bad = vd_check_ssh_key(key))) {
            cc_fail("--cloud-init: ssh-key: %s is %s", o->ci_ssh_key, bad);
            vd_check_free(bad);
            goto cleanup;
        }
    }
    ci.user_data = user;
    ci.meta_data = meta;
    ci.network_config = netcfg;
    ci.ssh_key = key;
    /* a bare --cloud-init generates a root password, as virt-install does */
    if (!user && (o->ci_root_password || !key)) {
        if (vd_cloudinit_password(sd->password, 16) < 0) {
            cc_fail("--cloud-init: no random bytes for a password");
            goto cleanup;
        }
        ci.password = sd->password;
    }
    /* the CD-ROM: in the pool of the first new disk, else 'default' */
    if (vd_cloudinit_attach(spec, &sd->pool, &sd->vol.name) < 0) {
        cc_fail("out of memory");
        goto cleanup;
    }
    if (!o->print_xml) {
        if (vd_create_check_new_volume(conn, sd->pool, sd->vol.name, &err) < 0) {
            cc_fail("%s", err ? err : "out of memory");
            goto cleanup;
        }
        if (vd_cloudinit_iso(&ci, &sd->iso, &sd->len, &err) < 0) {
            cc_fail("--cloud-init: %s", err ? err : "the seed ISO could not be built");
            goto cleanup;
        }
        sd->vol.capacity = sd->len;
        sd->vol.format = VD_FMT_RAW;
    }
    ret = 0;

 cleanup:
    free(err);
    free(user);
    free(meta);
    free(netcfg);
    free(key);
    return ret;
}
