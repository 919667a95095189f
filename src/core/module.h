/*
 * module.h: virtdeck's modules, loaded on first use. A client library
 * that most runs never need (SPICE, VNC, libosinfo) is built into a
 * shared module of its own (every symbol hidden but one table of
 * functions), so its libraries are neither mapped nor relocated at
 * start-up; a small *_load.c in the program gives the usual API by
 * loading the module on the first call that needs it.
 *
 * A module is looked for, in order:
 *   1. next to the running executable's install tree
 *      (BINDIR/VD_REL_MODULEDIR: ../lib/ARCH/virtdeck), so a tree
 *      installed under any prefix or unpacked anywhere finds its own
 *   2. in the build tree (VD_BUILD_ROOT/subdir; not in packaged builds)
 *   3. in the configured VD_MODULEDIR
 * No libvirt and no curses here.
 */
#ifndef VD_CORE_MODULE_H
#define VD_CORE_MODULE_H

#include <stdbool.h>

/* One module. The table it exports starts with its version. */
typedef struct vd_module {
    const char *file;           /* "virtdeck-spice.so" */
    const char *symbol;         /* the table's name in the module */
    unsigned int version;       /* the table's version this program wants */
    const char *what;           /* "SPICE" (for messages) */
    const char *subdir;         /* where the build tree has it ("src/console") */
    /* filled by vd_module_load() */
    bool tried;
    const void *api;            /* the table (kept until the process ends) */
    char error[512];
} vd_module;

/* A module's descriptor: FILE, its table's SYMBOL and VERSION, WHAT it
 * is for messages, the SUBDIR of the build tree that builds it. */
#define VD_MODULE(file_, symbol_, version_, what_, subdir_) \
    { .file = file_, .symbol = symbol_, .version = version_, \
      .what = what_, .subdir = subdir_ }

/* Marks a module's one exported table (every other symbol is hidden). */
#define VD_MODULE_EXPORT __attribute__((visibility("default")))

/* Load m once (thread-safe; later calls return the same). Returns its
 * table, or NULL when it cannot be loaded (vd_module_error() says why). */
const void *vd_module_load(vd_module *m);

/* Why m could not be loaded, or NULL (it is, or was never asked for).
 * Valid while m is. */
const char *vd_module_error(const vd_module *m);

#endif
