/*
 * migrate_opts.c: migration and evacuation options as text (a
 * command's str), their description, and the checks that need no host
 * (virtdeck/migrate.h). Pure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/migrate.h"

/* The flags and their names in the text form, in one table. */
static const struct {
    unsigned int flag;
    const char *name;           /* text key */
    const char *words;          /* description */
} flag_names[] = {
    { VD_MIG_LIVE, "live", "live" },
    { VD_MIG_OFFLINE, "offline", "offline" },
    { VD_MIG_PERSIST, "persistent", "persistent on the destination" },
    { VD_MIG_UNDEFINE_SOURCE, "undefinesource", "undefine the source" },
    { VD_MIG_COPY_ALL, "copy-storage-all", "copy all storage" },
    { VD_MIG_COPY_INC, "copy-storage-inc", "copy storage incrementally" },
    { VD_MIG_AUTO_CONVERGE, "auto-converge", "auto-converge" },
    { VD_MIG_POSTCOPY, "postcopy", "post-copy allowed" },
    { VD_MIG_P2P, "p2p", "peer-to-peer" },
    { VD_MIG_TUNNELLED, "tunnelled", "tunnelled" },
    { VD_MIG_UNSAFE, "unsafe", "unsafe" },
};
#define N_FLAGS (sizeof(flag_names) / sizeof(flag_names[0]))

/* See virtdeck/migrate.h. */
void
vd_migrate_opts_clear(vd_migrate_opts *o)
{
    if (!o)
        return;
    free(o->src_uri);
    free(o->dest_uri);
    free(o->peer_uri);
    free(o->migrate_uri);
    memset(o, 0, sizeof(*o));
}

/* See virtdeck/migrate.h. */
char *
vd_migrate_opts_check(const vd_migrate_opts *o)
{
    unsigned int f = o->flags;
    const char *m = NULL;

    if ((f & VD_MIG_LIVE) && (f & VD_MIG_OFFLINE))
        m = "live and offline exclude each other";
    else if ((f & VD_MIG_COPY_ALL) && (f & VD_MIG_COPY_INC))
        m = "copy all storage and incremental copy exclude each other";
    else if ((f & VD_MIG_OFFLINE) && (f & (VD_MIG_COPY_ALL | VD_MIG_COPY_INC)))
        m = "offline migration copies no storage";
    else if ((f & VD_MIG_OFFLINE) && (f & VD_MIG_POSTCOPY))
        m = "post-copy needs a live migration";
    else if ((f & VD_MIG_OFFLINE) && (f & VD_MIG_AUTO_CONVERGE))
        m = "auto-converge needs a live migration";
    else if ((f & VD_MIG_TUNNELLED) && o->migrate_uri && *o->migrate_uri)
        m = "a tunnelled migration sends its data through the daemons: "
            "it takes no migration URI";
    else if (!o->dest_uri || !*o->dest_uri)
        m = "no destination given";
    else if (o->src_uri && strcmp(o->src_uri, o->dest_uri) == 0)
        m = "the destination is the source's own connection";
    if (!m && o->downtime_ms < 0)
        m = "the maximum downtime cannot be negative";
    return m ? strdup(m) : NULL;
}

/* Append "key=value\n" to a memstream. */
static void
put(FILE *f, const char *key, const char *value)
{
    if (value && *value)
        fprintf(f, "%s=%s\n", key, value);
}

/* Write the options' lines. */
static void
put_opts(FILE *f, const vd_migrate_opts *o)
{
    size_t i;

    for (i = 0; i < N_FLAGS; i++)
        if (o->flags & flag_names[i].flag)
            fprintf(f, "%s=1\n", flag_names[i].name);
    if (o->bandwidth)
        fprintf(f, "bandwidth=%llu\n", o->bandwidth);
    if (o->downtime_ms)
        fprintf(f, "downtime=%lld\n", o->downtime_ms);
    put(f, "src", o->src_uri);
    put(f, "dest", o->dest_uri);
    put(f, "peer", o->peer_uri);
    put(f, "migrate-uri", o->migrate_uri);
}

/* See virtdeck/migrate.h. */
char *
vd_migrate_opts_format(const vd_migrate_opts *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    if (!f)
        return NULL;
    put_opts(f, o);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Set a string option; -1 on out of memory. */
static int
set_str(char **dst, const char *v)
{
    free(*dst);
    return (*dst = strdup(v)) ? 0 : -1;
}

/* Parse a number; -1 when not one. */
static int
num(const char *v, long long *out)
{
    char *end;

    *out = strtoll(v, &end, 10);
    return (*v && !*end && *out >= 0) ? 0 : -1;
}

/* One "key=value" of the options; 1 = not an options key, -1 bad. */
static int
parse_opt(vd_migrate_opts *o, const char *key, const char *v)
{
    long long n;
    size_t i;

    for (i = 0; i < N_FLAGS; i++) {
        if (strcmp(key, flag_names[i].name) == 0) {
            if (strcmp(v, "1") == 0)
                o->flags |= flag_names[i].flag;
            else if (strcmp(v, "0") == 0)
                o->flags &= ~flag_names[i].flag;
            else
                return -1;
            return 0;
        }
    }
    if (strcmp(key, "bandwidth") == 0) {
        if (num(v, &n) < 0)
            return -1;
        o->bandwidth = (unsigned long long)n;
        return 0;
    }
    if (strcmp(key, "downtime") == 0)
        return num(v, &o->downtime_ms);
    if (strcmp(key, "src") == 0)
        return set_str(&o->src_uri, v);
    if (strcmp(key, "dest") == 0)
        return set_str(&o->dest_uri, v);
    if (strcmp(key, "peer") == 0)
        return set_str(&o->peer_uri, v);
    if (strcmp(key, "migrate-uri") == 0)
        return set_str(&o->migrate_uri, v);
    return 1;
}

/* Split text into lines and call fn for each "key=value"; -1 when a
 * line is malformed or fn says so. */
static int
each_line(const char *text, int (*fn)(void *ctx, const char *key, const char *v),
          void *ctx)
{
    char *copy = strdup(text ? text : ""), *line, *save = NULL;
    int rc = 0;

    if (!copy)
        return -1;
    for (line = strtok_r(copy, "\n", &save); line && rc == 0;
         line = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(line, '=');

        if (!eq) {
            rc = -1;
            break;
        }
        *eq = '\0';
        rc = fn(ctx, line, eq + 1);
    }
    free(copy);
    return rc;
}

/* each_line callback for the options alone. */
static int
opts_line(void *ctx, const char *key, const char *v)
{
    return parse_opt(ctx, key, v) == 0 ? 0 : -1;
}

/* See virtdeck/migrate.h. */
int
vd_migrate_opts_parse(const char *text, vd_migrate_opts *o)
{
    memset(o, 0, sizeof(*o));
    if (each_line(text, opts_line, o) < 0) {
        vd_migrate_opts_clear(o);
        return -1;
    }
    return 0;
}

/* See virtdeck/migrate.h. */
char *
vd_migrate_opts_describe(const vd_migrate_opts *o)
{
    char *buf = NULL;
    size_t len = 0, i;
    FILE *f = open_memstream(&buf, &len);
    const char *sep = "";

    if (!f)
        return NULL;
    for (i = 0; i < N_FLAGS; i++) {
        if (o->flags & flag_names[i].flag) {
            fprintf(f, "%s%s", sep, flag_names[i].words);
            sep = ", ";
        }
    }
    if (o->bandwidth) {
        fprintf(f, "%s%llu MiB/s at most", sep, o->bandwidth);
        sep = ", ";
    }
    if (o->downtime_ms)
        fprintf(f, "%sdowntime %lld ms at most", sep, o->downtime_ms);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- evacuation ------------------------------------------------------------ */

/* See virtdeck/migrate.h. */
void
vd_evacuate_clear(vd_evacuate *e)
{
    int i;

    if (!e)
        return;
    vd_migrate_opts_clear(&e->opts);
    for (i = 0; i < e->n_items; i++)
        free(e->items[i].dest_uri);
    free(e->items);
    memset(e, 0, sizeof(*e));
}

/* See virtdeck/migrate.h. */
char *
vd_evacuate_format(const vd_evacuate *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int i;

    if (!f)
        return NULL;
    put_opts(f, &e->opts);
    fprintf(f, "parallel=%d\n", e->parallel > 0 ? e->parallel : 1);
    fprintf(f, "stop-on-failure=%d\n", e->stop_on_failure ? 1 : 0);
    for (i = 0; i < e->n_items; i++)
        fprintf(f, "domain=%s %s\n", e->items[i].uuid, e->items[i].dest_uri);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* each_line callback for an evacuation. */
static int
evac_line(void *ctx, const char *key, const char *v)
{
    vd_evacuate *e = ctx;
    long long n;
    int rc;

    if (strcmp(key, "parallel") == 0) {
        if (num(v, &n) < 0 || n < 1 || n > 64)
            return -1;
        e->parallel = (int)n;
        return 0;
    }
    if (strcmp(key, "stop-on-failure") == 0) {
        e->stop_on_failure = strcmp(v, "1") == 0;
        return 0;
    }
    if (strcmp(key, "domain") == 0) {
        const char *sp = strchr(v, ' ');
        vd_evacuate_item *items;

        if (!sp || (size_t)(sp - v) >= VD_UUID_LEN || !sp[1])
            return -1;
        if (!(items = realloc(e->items, (size_t)(e->n_items + 1) * sizeof(*items))))
            return -1;
        e->items = items;
        memset(&items[e->n_items], 0, sizeof(*items));
        memcpy(items[e->n_items].uuid, v, (size_t)(sp - v));
        if (!(items[e->n_items].dest_uri = strdup(sp + 1)))
            return -1;
        e->n_items++;
        return 0;
    }
    rc = parse_opt(&e->opts, key, v);
    return rc == 0 ? 0 : -1;
}

/* See virtdeck/migrate.h. */
int
vd_evacuate_parse(const char *text, vd_evacuate *e)
{
    memset(e, 0, sizeof(*e));
    e->parallel = 1;
    if (each_line(text, evac_line, e) < 0) {
        vd_evacuate_clear(e);
        return -1;
    }
    return 0;
}
