/*
 * clone_args.c: the pure side of cloning: what the user asked for, its
 * one-string form for the worker command, and the checks of names and
 * MAC addresses as typed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/clone.h"
#include "virtdeck/domspec.h"

static const char *const mode_words[] = {
    [VD_CLONE_DEFAULT] = "default",
    [VD_CLONE_COPY] = "copy",
    [VD_CLONE_SHARE] = "share",
    [VD_CLONE_LINK] = "link",
};

/* Free what args holds. */
void
vd_clone_args_clear(vd_clone_args *args)
{
    size_t i;

    free(args->name);
    for (i = 0; i < args->ndisks; i++)
        free(args->disks[i].target);
    free(args->disks);
    for (i = 0; i < args->nmacs; i++)
        free(args->macs[i]);
    free(args->macs);
    memset(args, 0, sizeof(*args));
}

/* Add or replace a per-disk choice. */
int
vd_clone_args_disk(vd_clone_args *args, const char *target, vd_clone_mode mode)
{
    vd_clone_choice *d;
    size_t i;

    for (i = 0; i < args->ndisks; i++) {
        if (strcmp(args->disks[i].target, target) == 0) {
            args->disks[i].mode = mode;
            return 0;
        }
    }
    if (!(d = realloc(args->disks, (args->ndisks + 1) * sizeof(*d))))
        return -1;
    args->disks = d;
    if (!(d[args->ndisks].target = strdup(target)))
        return -1;
    d[args->ndisks++].mode = mode;
    return 0;
}

/* Append "key=value\n" to *buf. */
static int
add_line(char **buf, size_t *len, const char *key, const char *value)
{
    size_t n = strlen(key) + strlen(value) + 2;
    char *b = realloc(*buf, *len + n + 1);

    if (!b)
        return -1;
    *buf = b;
    snprintf(b + *len, n + 1, "%s=%s\n", key, value);
    *len += n;
    return 0;
}

/* The args as "key=value" lines. */
char *
vd_clone_args_format(const vd_clone_args *args)
{
    char *buf = calloc(1, 1), *pair = NULL;
    size_t len = 0, i;

    if (!buf)
        return NULL;
    if (args->name && strchr(args->name, '\n'))
        goto fail;
    if (args->name && add_line(&buf, &len, "name", args->name) < 0)
        goto fail;
    if (args->linked && add_line(&buf, &len, "linked", "1") < 0)
        goto fail;
    for (i = 0; i < args->ndisks; i++) {
        if (strchr(args->disks[i].target, '\n') ||
            asprintf(&pair, "%s:%s", mode_words[args->disks[i].mode],
                     args->disks[i].target) < 0)
            goto fail;
        if (add_line(&buf, &len, "disk", pair) < 0)
            goto fail;
        free(pair);
        pair = NULL;
    }
    for (i = 0; i < args->nmacs; i++)
        if (strchr(args->macs[i], '\n') || add_line(&buf, &len, "mac", args->macs[i]) < 0)
            goto fail;
    return buf;

 fail:
    free(pair);
    free(buf);
    return NULL;
}

/* Parse the lines back. */
int
vd_clone_args_parse(const char *str, vd_clone_args *args)
{
    const char *p = str, *nl;

    memset(args, 0, sizeof(*args));
    while (p && *p) {
        char *line, *eq;
        size_t n;

        nl = strchr(p, '\n');
        n = nl ? (size_t)(nl - p) : strlen(p);
        if (!(line = strndup(p, n)))
            goto fail;
        p = nl ? nl + 1 : NULL;
        if (!(eq = strchr(line, '='))) {
            free(line);
            goto fail;
        }
        *eq++ = '\0';
        if (strcmp(line, "name") == 0) {
            free(args->name);
            args->name = strdup(eq);
        } else if (strcmp(line, "linked") == 0) {
            args->linked = strcmp(eq, "1") == 0;
        } else if (strcmp(line, "disk") == 0) {
            char *colon = strchr(eq, ':');
            int m, found = -1;

            for (m = 0; colon && m <= VD_CLONE_LINK; m++)
                if (strlen(mode_words[m]) == (size_t)(colon - eq) &&
                    strncmp(eq, mode_words[m], (size_t)(colon - eq)) == 0)
                    found = m;
            if (found < 0 || vd_clone_args_disk(args, colon + 1, (vd_clone_mode)found) < 0) {
                free(line);
                goto fail;
            }
        } else if (strcmp(line, "mac") == 0) {
            char **v = realloc(args->macs, (args->nmacs + 1) * sizeof(*v));

            if (!v) {
                free(line);
                goto fail;
            }
            args->macs = v;
            if (!(v[args->nmacs] = strdup(eq))) {
                free(line);
                goto fail;
            }
            args->nmacs++;
        } else {
            free(line);
            goto fail;
        }
        free(line);
    }
    return 0;

 fail:
    vd_clone_args_clear(args);
    return -1;
}

/* Check a MAC address. */
vd_check_msg *
vd_clone_check_mac(const char *mac)
{
    if (!mac || !*mac)
        return vd_check_msgf("a MAC address is six hex pairs: 52:54:00:12:34:56");
    return vd_check_mac(mac);
}
