/*
 * iso_image.c: ISO 9660 images built in memory and read with libisofs,
 * for the cloud-init seed (cloudinit.c). Built as the module
 * virtdeck-iso.so (iso_module.h).
 */
#define LIBISOFS_WITHOUT_LIBBURN 1

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <libisofs/libisofs.h>

#include "core/iso_module.h"
#include "core/module.h"

/* *err = the formatted message (allocated). */
static void __attribute__((format(printf, 2, 3)))
set_err(char **err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(err, fmt, ap) < 0)
        *err = NULL;
    va_end(ap);
}

/* Add a file holding text to the image's root. 0 or -1. */
static int
add_file(IsoImage *image, const char *name, const char *text, char **err)
{
    size_t n = strlen(text);
    unsigned char *copy = malloc(n ? n : 1);
    IsoStream *stream = NULL;
    int rc;

    if (!copy) {
        set_err(err, "out of memory");
        return -1;
    }
    memcpy(copy, text, n);
    if ((rc = iso_memory_stream_new(copy, n, &stream)) < 0) {
        free(copy);
        set_err(err, "libisofs: %s", iso_error_to_msg(rc));
        return -1;
    }
    /* the file takes over our reference to the stream */
    rc = iso_image_add_new_file(image, iso_image_get_root(image), name,
                                stream, NULL);
    if (rc < 0) {
        iso_stream_unref(stream);
        set_err(err, "libisofs: %s: %s", name, iso_error_to_msg(rc));
        return -1;
    }
    return 0;
}

/* libisofs is initialised once per process. */
static int
iso_ready(char **err)
{
    static int done;
    int rc;

    if (done)
        return 0;
    if ((rc = iso_init()) < 0) {
        set_err(err, "libisofs could not be initialised: %s",
                iso_error_to_msg(rc));
        return -1;
    }
    iso_set_msgs_severities("NEVER", "NEVER", "virtdeck");
    done = 1;
    return 0;
}

/* Build an image of the files given; see iso_module.h. */
static int
iso_write(const char *volid, const char *const *names,
          const char *const *texts, size_t n, void **data, size_t *len,
          char **err)
{
    IsoImage *image = NULL;
    IsoWriteOpts *opts = NULL;
    struct burn_source *src = NULL;
    char *out = NULL;
    size_t outlen = 0, i;
    FILE *f = NULL;
    unsigned char block[2048];
    int rc, ret = -1;

    *data = NULL;
    *len = 0;
    *err = NULL;
    if (iso_ready(err) < 0)
        return -1;
    if ((rc = iso_image_new(volid, &image)) < 0) {
        set_err(err, "libisofs: %s", iso_error_to_msg(rc));
        goto cleanup;
    }
    iso_image_set_volume_id(image, volid);
    iso_image_set_application_id(image, "virtdeck");
    for (i = 0; i < n; i++) {
        if (add_file(image, names[i], texts[i], err) < 0)
            goto cleanup;
    }
    if ((rc = iso_write_opts_new(&opts, 0)) < 0) {
        set_err(err, "libisofs: %s", iso_error_to_msg(rc));
        goto cleanup;
    }
    iso_write_opts_set_rockridge(opts, 1);
    iso_write_opts_set_joliet(opts, 1);
    /* the label stays as given (lower case), as genisoimage -V writes it */
    iso_write_opts_set_relaxed_vol_atts(opts, 1);
    if ((rc = iso_image_create_burn_source(image, opts, &src)) < 0) {
        set_err(err, "libisofs: %s", iso_error_to_msg(rc));
        src = NULL;
        goto cleanup;
    }
    if (!(f = open_memstream(&out, &outlen)))
        goto oom;
    while ((rc = src->read_xt(src, block, sizeof(block))) == (int)sizeof(block))
        fwrite(block, 1, sizeof(block), f);
    if (rc != 0) {
        set_err(err, "libisofs could not write the image");
        goto cleanup;
    }
    if (fclose(f) != 0) {
        f = NULL;
        goto oom;
    }
    f = NULL;
    *data = out;
    *len = outlen;
    out = NULL;
    ret = 0;
    goto cleanup;

 oom:
    set_err(err, "out of memory");
 cleanup:
    if (f)
        fclose(f);
    free(out);
    if (src) {
        src->free_data(src);
        free(src);
    }
    if (opts)
        iso_write_opts_free(opts);
    if (image)
        iso_image_unref(image);
    return ret;
}

/* Read a file out of an ISO image; see cloudinit.h. */
static int
iso_read(const char *iso_path, const char *path, char **out, char **volid,
         char **err)
{
    IsoDataSource *ds = NULL;
    IsoReadOpts *ropts = NULL;
    IsoImage *image = NULL;
    IsoNode *node = NULL;
    IsoStream *stream = NULL;
    char *buf = NULL;
    size_t size, got = 0;
    int rc, ret = -1;

    *out = NULL;
    if (volid)
        *volid = NULL;
    *err = NULL;
    if (iso_ready(err) < 0)
        return -1;
    if ((rc = iso_data_source_new_from_file(iso_path, &ds)) < 0 ||
        (rc = iso_read_opts_new(&ropts, 0)) < 0 ||
        (rc = iso_image_new("read", &image)) < 0 ||
        (rc = iso_image_import(image, ds, ropts, NULL)) < 0) {
        set_err(err, "%s: %s", iso_path, iso_error_to_msg(rc));
        goto cleanup;
    }
    if (volid && iso_image_get_volume_id(image))
        *volid = strdup(iso_image_get_volume_id(image));
    if ((rc = iso_tree_path_to_node(image, path, &node)) != 1 ||
        iso_node_get_type(node) != LIBISO_FILE) {
        set_err(err, "%s: no file %s in the image", iso_path, path);
        goto cleanup;
    }
    stream = iso_file_get_stream((IsoFile *)node);
    size = (size_t)iso_stream_get_size(stream);
    if (!(buf = malloc(size + 1))) {
        set_err(err, "out of memory");
        goto cleanup;
    }
    if ((rc = iso_stream_open(stream)) < 0) {
        set_err(err, "%s: %s", path, iso_error_to_msg(rc));
        goto cleanup;
    }
    while (got < size && (rc = iso_stream_read(stream, buf + got, size - got)) > 0)
        got += (size_t)rc;
    iso_stream_close(stream);
    if (got != size) {
        set_err(err, "%s: short read", path);
        goto cleanup;
    }
    buf[size] = '\0';
    *out = buf;
    buf = NULL;
    ret = 0;

 cleanup:
    free(buf);
    if (image)
        iso_image_unref(image);
    if (ropts)
        iso_read_opts_free(ropts);
    if (ds)
        iso_data_source_unref(ds);
    return ret;
}

/* The module's one exported symbol (iso_module.h); everything else in
 * it is hidden. */
VD_MODULE_EXPORT
const vd_iso_api vd_iso_module_api = {
    .version = VD_ISO_API_VERSION,
    .write = iso_write,
    .read = iso_read,
};
