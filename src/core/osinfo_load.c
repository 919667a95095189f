/*
 * osinfo_load.c: the vd_osdb_* API of osinfo.h in the program, by
 * loading the osinfo module (osinfo_module.h) on the first
 * vd_osdb_open() (module.h says where it is looked for).
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/module.h"
#include "core/osinfo_module.h"

static vd_module module = VD_MODULE("virtdeck-osinfo.so", VD_OSINFO_API_SYMBOL,
                                    VD_OSINFO_API_VERSION, "libosinfo", "src/core");

/* The module's table: set once a vd_osdb exists. */
#define API ((const vd_osinfo_api *)module.api)

/* Load the database: loads the module first. */
vd_osdb *
vd_osdb_open(char **err)
{
    if (!vd_module_load(&module)) {
        if (asprintf(err, "the OS database cannot be read: %s",
                     vd_module_error(&module)) < 0)
            *err = NULL;
        return NULL;
    }
    return API->open(err);
}

/* The rest forward to the module: a non-NULL vd_osdb means it loaded. */

/* Free the database (NULL: nothing). */
void
vd_osdb_free(vd_osdb *db)
{
    if (db)
        API->free(db);
}

/* Search it; see osinfo.h. */
int
vd_osdb_search(vd_osdb *db, const char *query, size_t max,
               vd_os_variant **out)
{
    return API->search(db, query, max, out);
}

/* Look a variant up; see osinfo.h. */
int
vd_osdb_lookup(vd_osdb *db, const char *id, const char *arch,
               vd_os_variant *v, vd_os_recommend *rec)
{
    return API->lookup(db, id, arch, v, rec);
}

/* The short ids closest to id; see osinfo.h. */
char *
vd_osdb_suggest(vd_osdb *db, const char *id, size_t max)
{
    return API->suggest(db, id, max);
}
