/*
 * cloudinit.h: a cloud-init NoCloud seed: its user-data (given, or made
 * from a user, SSH key and password), meta-data and network-config, as
 * an ISO 9660 image with the volume label "cidata" built in memory with
 * libisofs (Rock Ridge and Joliet, so the names keep their dashes).
 *
 * Pure: nothing here touches libvirt or a host; create.h uploads the
 * image as a volume.
 */
#ifndef VIRTDECK_CLOUDINIT_H
#define VIRTDECK_CLOUDINIT_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/domspec.h"

/* What the seed holds. Strings are borrowed. */
typedef struct vd_cloudinit {
    const char *user_data;      /* the whole user-data, or NULL to make it */
    const char *meta_data;      /* or NULL: instance-id and local-hostname */
    const char *network_config; /* or NULL: none in the seed */
    const char *hostname;       /* for the made meta-data */
    const char *user;           /* made user-data: the user (NULL: root) */
    const char *ssh_key;        /* made user-data: an authorized key */
    const char *password;       /* made user-data: the user's password */
} vd_cloudinit;

/* The user-data made from ci's user, ssh_key and password (YAML, with
 * the values quoted). Caller frees; NULL when out of memory. */
char *vd_cloudinit_user_data(const vd_cloudinit *ci);

/* A random password of len characters (letters and digits, from
 * getrandom) into buf (len + 1 bytes). 0 or -1. */
int vd_cloudinit_password(char *buf, size_t len);

/* Build the seed ISO: *data (caller frees) and *len. 0, or -1 with a
 * message in *err (caller frees). */
int vd_cloudinit_iso(const vd_cloudinit *ci, void **data, size_t *len,
                     char **err);

/* Read a file of the image at path (e.g. "/user-data") out of an ISO
 * file on disk with libisofs's reader: *out (caller frees, NUL-ended)
 * and the volume label in *volid (caller frees; may be NULL). For tests
 * and checks. 0, or -1 with *err. */
int vd_cloudinit_read(const char *iso_path, const char *path, char **out,
                      char **volid, char **err);

/* Whether key (one line) looks like an SSH public key: NULL, or a
 * message beginning "not an SSH public key" (vd_check_free()). */
vd_check_msg *vd_check_ssh_key(const char *key);

/* A hostname for the seed's meta-data: letters, digits, '-' and '.',
 * labels of 1 to 63 characters, at most 253 in all ("" is fine: the
 * domain's name is used). NULL or a message. */
vd_check_msg *vd_check_hostname(const char *name);

/* Add the seed's CD-ROM to spec, as `--cloud-init` does: the volume
 * NAME-cidata.iso (raw) in the pool of the first new disk, else pool
 * "default". *pool and *volume (caller frees) say where the seed goes.
 * 0, or -1 when out of memory (spec then unchanged). */
int vd_cloudinit_attach(vd_domain_spec *spec, char **pool, char **volume);

#endif
