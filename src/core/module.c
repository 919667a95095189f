/*
 * module.c: load virtdeck's modules on first use (module.h).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/module.h"

#ifndef VD_MODULEDIR
# define VD_MODULEDIR "/usr/lib/virtdeck"
#endif
#ifndef VD_REL_MODULEDIR
# define VD_REL_MODULEDIR "../lib/virtdeck"
#endif

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

/* The table a module's first word says is of version version. */
typedef struct {
    unsigned int version;
} table_head;

/* Try to load m from path; true when its table was taken. */
static bool
try_load(vd_module *m, const char *path)
{
    const table_head *table;
    void *handle;

    if (access(path, R_OK) != 0)
        return false;
    if (!(handle = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
        snprintf(m->error, sizeof(m->error), "%s", dlerror());
        return false;
    }
    table = dlsym(handle, m->symbol);
    if (!table || table->version != m->version) {
        snprintf(m->error, sizeof(m->error), "%s: not virtdeck's %s "
                 "module of this version", path, m->what);
        dlclose(handle);
        return false;
    }
    m->api = table;             /* kept loaded until the process ends */
    return true;
}

/* Find and load m (load_lock held). */
static void
find(vd_module *m)
{
    char exe[4096], path[4200];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;

    if (len > 0) {
        exe[len] = '\0';
        if ((slash = strrchr(exe, '/'))) {
            *slash = '\0';
            snprintf(path, sizeof(path), "%s/%s/%s", exe, VD_REL_MODULEDIR,
                     m->file);
            if (try_load(m, path))
                return;
        }
    }
#ifdef VD_BUILD_ROOT
    snprintf(path, sizeof(path), "%s/%s/%s", VD_BUILD_ROOT, m->subdir, m->file);
    if (try_load(m, path))
        return;
#endif
    snprintf(path, sizeof(path), "%s/%s", VD_MODULEDIR, m->file);
    if (try_load(m, path))
        return;
    if (!m->error[0])
        snprintf(m->error, sizeof(m->error), "the %s module %s is not "
                 "installed (looked in %s)", m->what, m->file, VD_MODULEDIR);
}

/* Load a module once; see module.h. */
const void *
vd_module_load(vd_module *m)
{
    const void *api;

    pthread_mutex_lock(&load_lock);
    if (!m->tried) {
        m->tried = true;
        find(m);
    }
    api = m->api;
    pthread_mutex_unlock(&load_lock);
    return api;
}

/* Why a module could not be loaded; see module.h. */
const char *
vd_module_error(const vd_module *m)
{
    const char *err;

    pthread_mutex_lock(&load_lock);
    err = m->api || !m->error[0] ? NULL : m->error;
    pthread_mutex_unlock(&load_lock);
    return err;
}
