/*
 * cloudinit_spec.c: a cloud-init seed in a new domain's spec: where its
 * volume goes, its CD-ROM, and the checks of what the user types for it
 * (SSH key, hostname), shared by `virtdeck create --cloud-init` and the
 * wizard's cloud-init page. Pure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/cloudinit.h"

/* A message for the user (static when out of memory). */
static vd_check_msg *
msg(const char *text)
{
    char *m = strdup(text);

    return m ? m : (vd_check_msg *)"out of memory";
}

/* See cloudinit.h. */
vd_check_msg *
vd_check_ssh_key(const char *key)
{
    if (!key || !*key)
        return msg("not an SSH public key: it is empty");
    if (strncmp(key, "ssh-", 4) != 0 && strncmp(key, "ecdsa-", 6) != 0 &&
        strncmp(key, "sk-", 3) != 0)
        return msg("not an SSH public key: it starts with ssh-, ecdsa- or sk-");
    if (!strchr(key, ' '))
        return msg("not an SSH public key: the key's type and data are "
                   "separated by a space");
    return NULL;
}

/* See cloudinit.h. */
vd_check_msg *
vd_check_hostname(const char *name)
{
    size_t label = 0, len = name ? strlen(name) : 0;

    if (len > 253)
        return msg("a hostname has at most 253 characters");
    for (size_t i = 0; i < len; i++) {
        char c = name[i];

        if (c == '.') {
            if (label == 0)
                return msg("a hostname has no empty part between dots");
            label = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-'))
            return msg("a hostname has only letters, digits, '-' and '.'");
        if ((c == '-' && label == 0) || ++label > 63)
            return msg(label > 63 ? "a hostname's part has at most 63 characters"
                                  : "a hostname's part does not start with '-'");
    }
    if (len && label == 0)
        return msg("a hostname does not end with '.'");
    return NULL;
}

/* See cloudinit.h. */
int
vd_cloudinit_attach(vd_domain_spec *spec, char **pool, char **volume)
{
    const char *p = spec->disk.kind == VD_DISK_NEW_VOLUME ? spec->disk.pool : NULL;
    vd_disk_spec cd = { 0 };

    for (size_t i = 0; !p && i < spec->n_more_disks; i++)
        if (spec->more_disks[i].kind == VD_DISK_NEW_VOLUME)
            p = spec->more_disks[i].pool;
    *pool = strdup(p ? p : "default");
    if (!*pool || asprintf(volume, "%s-cidata.iso", spec->name ? spec->name : "") < 0) {
        *volume = NULL;
        goto fail;
    }
    cd.kind = VD_DISK_VOLUME;
    cd.format = VD_FMT_RAW;
    if (vd_spec_set(&cd.pool, *pool) < 0 || vd_spec_set(&cd.volume, *volume) < 0 ||
        vd_spec_set(&cd.device, "cdrom") < 0 || vd_spec_add_disk(spec, &cd) < 0)
        goto fail;
    return 0;

 fail:
    vd_disk_spec_clear(&cd);
    free(*pool);
    free(*volume);
    *pool = *volume = NULL;
    return -1;
}
