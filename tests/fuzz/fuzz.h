/*
 * fuzz.h: helpers shared by the libFuzzer targets in tests/fuzz.
 *
 * Each target is one file fuzz_NAME.c defining LLVMFuzzerTestOneInput:
 * it hands the input to the same parser function the program uses and
 * frees everything it got back, so a leak is a finding too.
 */
#ifndef VD_FUZZ_H
#define VD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Defines LLVMFuzzerInitialize for a target whose parser uses libxml2:
 * its global state is set up once, before the first input, as the
 * program does before it starts threads. */
#define VD_FUZZ_LIBXML2_INIT                                    \
    int                                                         \
    LLVMFuzzerInitialize(int *argc, char ***argv)               \
    {                                                           \
        (void)argc;                                             \
        (void)argv;                                             \
        xmlInitParser();                                        \
        return 0;                                               \
    }

/* The input as a NUL-terminated string (it stops at the first NUL
 * byte, as the text read from a file or from libvirt would). Caller
 * frees; NULL on out of memory. */
static inline char *
vd_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (!s)
        return NULL;
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Split the input into at most max NUL-terminated strings at NUL bytes
 * (strings past max are ignored). Fills out[] with pointers into one
 * allocation returned (caller frees); missing strings are "". */
static inline char *
vd_fuzz_split(const uint8_t *data, size_t size, const char **out, size_t max)
{
    char *buf = vd_fuzz_cstr(data, size);
    char *p = buf;
    size_t i;

    for (i = 0; i < max; i++)
        out[i] = "";
    if (!buf)
        return NULL;
    for (i = 0; i < max; i++) {
        out[i] = p;
        if (p >= buf + size)
            break;
        p += strlen(p) + 1;
        if (p > buf + size)
            p = buf + size;
    }
    return buf;
}

/* Abort (a finding) when cond is false: a property of the parser the
 * target checks beyond "does not crash". */
#define VD_FUZZ_ASSERT(cond) \
    do { \
        if (!(cond)) \
            __builtin_trap(); \
    } while (0)

#endif
