/*
 * osinfo_module.h: libosinfo as a module loaded on first use.
 *
 * libosinfo brings libsoup, sqlite and libxslt to every start, for the
 * OS defaults only the create wizard and `virtdeck create` ask for. So
 * osinfo.c is built as its own shared module (virtdeck-osinfo.so, every
 * symbol hidden but this table) and osinfo_load.c, linked into the
 * program, gives the vd_osdb_* API of osinfo.h by loading it on the
 * first vd_osdb_open() (module.h).
 */
#ifndef VD_CORE_OSINFO_MODULE_H
#define VD_CORE_OSINFO_MODULE_H

#include "virtdeck/osinfo.h"

/* The module's functions, one per vd_osdb_* of osinfo.h. */
typedef struct vd_osinfo_api {
    unsigned int version;       /* VD_OSINFO_API_VERSION */
    vd_osdb *(*open)(char **err);
    void (*free)(vd_osdb *db);
    int (*search)(vd_osdb *db, const char *query, size_t max,
                  vd_os_variant **out);
    int (*lookup)(vd_osdb *db, const char *id, const char *arch,
                  vd_os_variant *v, vd_os_recommend *rec);
    char *(*suggest)(vd_osdb *db, const char *id, size_t max);
} vd_osinfo_api;

/* Bumped whenever vd_osinfo_api changes: a stale module is refused. */
#define VD_OSINFO_API_VERSION 1

/* The name of the table the module exports. */
#define VD_OSINFO_API_SYMBOL "vd_osinfo_module_api"

#endif
