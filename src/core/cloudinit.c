/*
 * cloudinit.c: the NoCloud seed ISO, built in memory by the libisofs
 * module (iso_module.h, loaded on the first seed), and the user-data
 * made from a user, an SSH key and a password.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>

#include "core/iso_module.h"
#include "core/module.h"
#include "virtdeck/cloudinit.h"

static vd_module module = VD_MODULE("virtdeck-iso.so", VD_ISO_API_SYMBOL,
                                    VD_ISO_API_VERSION, "libisofs", "src/core");

/* The module's table, or NULL with *err set (caller frees). */
static const vd_iso_api *
iso_api(char **err)
{
    const vd_iso_api *api = vd_module_load(&module);

    if (!api && asprintf(err, "the seed image cannot be made: %s",
                         vd_module_error(&module)) < 0)
        *err = NULL;
    return api;
}

/* Write s as a double-quoted YAML scalar. */
static void
yaml_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* See cloudinit.h. */
char *
vd_cloudinit_user_data(const vd_cloudinit *ci)
{
    const char *user = ci->user && *ci->user ? ci->user : "root";
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);

    if (!f)
        return NULL;
    fputs("#cloud-config\n", f);
    if (ci->hostname && *ci->hostname) {
        fputs("hostname: ", f);
        yaml_quoted(f, ci->hostname);
        fputc('\n', f);
    }
    fputs("users:\n  - name: ", f);
    yaml_quoted(f, user);
    fputc('\n', f);
    if (strcmp(user, "root") != 0) {
        fputs("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n"
              "    shell: /bin/bash\n", f);
    }
    if (ci->password && *ci->password)
        fputs("    lock_passwd: false\n", f);
    if (ci->ssh_key && *ci->ssh_key) {
        fputs("    ssh_authorized_keys:\n      - ", f);
        yaml_quoted(f, ci->ssh_key);
        fputc('\n', f);
    }
    if (ci->password && *ci->password) {
        /* the plain-text list form: cloud-init hashes it in the guest */
        fputs("chpasswd:\n  expire: false\n  users:\n    - name: ", f);
        yaml_quoted(f, user);
        fputs("\n      password: ", f);
        yaml_quoted(f, ci->password);
        fputs("\n      type: text\n", f);
        fputs("ssh_pwauth: true\n", f);
    }
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

/* See cloudinit.h. */
int
vd_cloudinit_password(char *buf, size_t len)
{
    static const char chars[] =
        "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    unsigned char rnd[64];
    size_t i;

    if (len > sizeof(rnd) || getrandom(rnd, len, 0) != (ssize_t)len)
        return -1;
    for (i = 0; i < len; i++)
        buf[i] = chars[rnd[i] % (sizeof(chars) - 1)];
    buf[len] = '\0';
    return 0;
}

/* See cloudinit.h. */
int
vd_cloudinit_iso(const vd_cloudinit *ci, void **data, size_t *len, char **err)
{
    const vd_iso_api *api;
    const char *names[3] = { "user-data", "meta-data", "network-config" };
    const char *texts[3];
    char *made_user = NULL, *made_meta = NULL;
    int ret = -1;

    *data = NULL;
    *len = 0;
    *err = NULL;
    if (!(api = iso_api(err)))
        return -1;
    if (!ci->user_data && !(made_user = vd_cloudinit_user_data(ci)))
        goto oom;
    if (!ci->meta_data &&
        asprintf(&made_meta, "instance-id: %s\nlocal-hostname: %s\n",
                 ci->hostname && *ci->hostname ? ci->hostname : "localhost",
                 ci->hostname && *ci->hostname ? ci->hostname : "localhost") < 0) {
        made_meta = NULL;
        goto oom;
    }
    texts[0] = ci->user_data ? ci->user_data : made_user;
    texts[1] = ci->meta_data ? ci->meta_data : made_meta;
    texts[2] = ci->network_config;
    /* the label "cidata" in lower case, as genisoimage -V writes it */
    ret = api->write("cidata", names, texts, ci->network_config ? 3 : 2,
                     data, len, err);
    goto cleanup;

 oom:
    *err = strdup("out of memory");
 cleanup:
    free(made_user);
    free(made_meta);
    return ret;
}

/* See cloudinit.h: loads the module first. */
int
vd_cloudinit_read(const char *iso_path, const char *path, char **out,
                  char **volid, char **err)
{
    const vd_iso_api *api;

    *out = NULL;
    if (volid)
        *volid = NULL;
    *err = NULL;
    if (!(api = iso_api(err)))
        return -1;
    return api->read(iso_path, path, out, volid, err);
}
