/*
 * fuzz_theme.c: the theme file parser (themes/NAME.theme, or a file
 * with -t). Every role must come out with colours in range.
 */
#include "ui/theme/theme.h"
#include "fuzz.h"

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vd_theme theme;
    vd_theme_diag diag;
    char *text = vd_fuzz_cstr(data, size);
    unsigned int nerr;
    int i;

    if (!text)
        return 0;
    vd_theme_builtin(&theme, false);
    nerr = vd_theme_parse(&theme, text, "fuzz.theme", &diag);
    VD_FUZZ_ASSERT(nerr == diag.nerrors);
    VD_FUZZ_ASSERT(memchr(diag.first, '\0', sizeof(diag.first)) != NULL);
    VD_FUZZ_ASSERT((nerr == 0) == (diag.first[0] == '\0'));
    for (i = 0; i < VD_ROLE_LAST; i++) {
        VD_FUZZ_ASSERT(theme.roles[i].fg >= -1 && theme.roles[i].fg <= 255);
        VD_FUZZ_ASSERT(theme.roles[i].bg >= -1 && theme.roles[i].bg <= 255);
    }
    free(text);
    return 0;
}
