/*
 * osinfo_variant.c: freeing the OS variants of osinfo.h (pure; built
 * into the program and into the osinfo module, which fills them).
 */
#include <stdlib.h>
#include <string.h>

#include "virtdeck/osinfo.h"

/* Free a variant's strings. */
void
vd_os_variant_clear(vd_os_variant *v)
{
    if (!v)
        return;
    free(v->id);
    free(v->short_id);
    free(v->name);
    free(v->family);
    memset(v, 0, sizeof(*v));
}

/* Free an array of variants. */
void
vd_os_variants_free(vd_os_variant *v, size_t n)
{
    size_t i;

    for (i = 0; v && i < n; i++)
        vd_os_variant_clear(&v[i]);
    free(v);
}
