/*
 * iso_module.h: libisofs as a module loaded on first use.
 *
 * libisofs (with libjte and libbz2) is needed only to build or read a
 * cloud-init seed (`virtdeck create --cloud-init`, the wizard's seed).
 * So iso_image.c is built as its own shared module (virtdeck-iso.so,
 * every symbol hidden but this table) and cloudinit.c loads it on the
 * first seed it builds or reads (module.h).
 */
#ifndef VD_CORE_ISO_MODULE_H
#define VD_CORE_ISO_MODULE_H

#include <stddef.h>

/* The module's functions. */
typedef struct vd_iso_api {
    unsigned int version;       /* VD_ISO_API_VERSION */
    /* An ISO 9660 image (Rock Ridge, Joliet, the label volid kept as
     * given) of the n files names[i] holding texts[i] in its root:
     * *data (caller frees) and *len. 0, or -1 with *err (caller frees). */
    int (*write)(const char *volid, const char *const *names,
                 const char *const *texts, size_t n, void **data,
                 size_t *len, char **err);
    /* vd_cloudinit_read() of cloudinit.h. */
    int (*read)(const char *iso_path, const char *path, char **out,
                char **volid, char **err);
} vd_iso_api;

/* Bumped whenever vd_iso_api changes: a stale module is refused. */
#define VD_ISO_API_VERSION 1

/* The name of the table the module exports. */
#define VD_ISO_API_SYMBOL "vd_iso_module_api"

#endif
