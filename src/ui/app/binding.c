/*
 * binding.c: the lookup of a key in a key table (binding.h).
 */
#include "ui/app/binding.h"

/* key's binding for mask. */
const vd_binding *
vd_binding_find(const vd_binding *table, size_t n, int key, unsigned int mask,
                const vd_binding **other)
{
    if (other)
        *other = NULL;
    for (size_t i = 0; i < n; i++) {
        const vd_binding *b = &table[i];

        if (b->key != key || !b->fn)
            continue;
        if (mask == 0 || (b->panes & mask))
            return b;
        if (other && !*other)
            *other = b;
    }
    return NULL;
}
